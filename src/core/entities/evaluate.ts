/**
 * Scoring the recognizer on gold-tokenized sentences (ANERcorp, AQMAR, Wojood): the model
 * runs on the gold tokens, normalized as the runtime normalizes tokens, and its BIO tags are
 * scored with conlleval semantics.
 */
import { normalize } from '../text/normalize.js';
import { type GoldSentence, type NerScores, scoreNer } from './conll.js';
import type { NerTagger } from './tagger.js';

/**
 * Sentences of context on each side for the document-level pass when a gold file has no
 * document boundaries (ANERcorp); the same window the model was trained with.
 */
export const EVAL_CONTEXT_WINDOW = 25;

/** Tags gold sentences (one document, or a run of documents without boundaries). */
export function tagGold(tagger: NerTagger, sentences: readonly GoldSentence[], window = EVAL_CONTEXT_WINDOW): string[][] {
  return tagger.tagSentences(
    sentences.map((s) => s.tokens.map((t) => normalize(t))),
    window,
  );
}

/** Scores the tagger on groups of gold sentences (each group is tagged as one document). */
export function evaluateNer(tagger: NerTagger, documents: readonly (readonly GoldSentence[])[], window = EVAL_CONTEXT_WINDOW): NerScores {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const doc of documents) {
    gold.push(...doc.map((s) => s.tags));
    predicted.push(...tagGold(tagger, doc, window));
  }
  return scoreNer(gold, predicted);
}
