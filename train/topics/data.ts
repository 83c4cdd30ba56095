/**
 * ANT articles turned into labelled feature counts, shared by the topic training and
 * evaluation scripts so both see exactly the same features as the runtime stage.
 */
import { termFeatures, type FeatureCounts } from '../../src/core/discourse/features.js';
import { light10Terms } from '../../src/core/discourse/terms.js';
import { readAnt } from '../lib/data.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { labelOf, type AntCorpus, type TopicLabel } from './labels.js';

/** One ANT article, featurized. */
export interface TopicExample {
  id: string;
  corpus: AntCorpus;
  source: string;
  category: string;
  /** Mapped label, or null for categories left out (see labels.ts). */
  label: TopicLabel | null;
  fold: number;
  /** Unigram counts. */
  unigrams: FeatureCounts;
  /** Unigram and bigram counts. */
  bigrams: FeatureCounts;
}

/** The term function the shipped model is built with. */
export const TOPIC_TERMS = light10Terms;

/** Features of a text, as the runtime stage computes them. */
export function featuresOf(text: string, bigrams = true): FeatureCounts {
  return termFeatures(tokenize(text), TOPIC_TERMS, bigrams);
}

/** Every ANT article with its features (the article body only: the title is not part of what users paste). */
export function loadTopicExamples(): TopicExample[] {
  return readAnt().map((a) => {
    const tokens = tokenize(a.text);
    return {
      id: a.id,
      corpus: a.corpus,
      source: a.source,
      category: a.category,
      label: labelOf(a.corpus, a.category),
      fold: a.fold,
      unigrams: termFeatures(tokens, TOPIC_TERMS, false),
      bigrams: termFeatures(tokens, TOPIC_TERMS, true),
    };
  });
}
