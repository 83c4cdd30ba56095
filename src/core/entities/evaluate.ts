/**
 * Scoring the recognizer on gold-tokenized sentences (ANERcorp, AQMAR, Wojood): the model
 * runs on the gold tokens, normalized as the runtime normalizes tokens (and, for a model that
 * reads the morphology, analyzed as the morphology stage analyzes them), and its BIO tags are
 * scored with conlleval semantics.
 */
import { normalize } from '../text/normalize.js';
import { type GoldSentence, type NerScores, scoreNer } from './conll.js';
import { promoteInstitutionHeads } from './heads.js';
import { LABELS } from './labels.js';
import type { MorphTag } from './morph-features.js';
import type { NerTagger } from './tagger.js';

/** The morphology of one gold sentence's words, for a model that reads it (see `analyzeGoldWords`). */
export type GoldMorphology = (words: readonly string[]) => readonly MorphTag[];

/**
 * Sentences of context on each side for the document-level pass when a gold file has no
 * document boundaries (ANERcorp); the same window the model was trained with.
 */
export const EVAL_CONTEXT_WINDOW = 25;

/** Tags gold sentences (one document, or a run of documents without boundaries). */
export function tagGold(tagger: NerTagger, sentences: readonly GoldSentence[], window = EVAL_CONTEXT_WINDOW, morphology?: GoldMorphology): string[][] {
  const norms = sentences.map((s) => s.tokens.map((t) => normalize(t)));
  const labels = tagger.tagDocument(norms, window, morphology ? sentences.map((s) => morphology(s.tokens)) : undefined);
  // The same post-processing as the runtime's recognizeMentions.
  return labels.map((l, s) => {
    promoteInstitutionHeads(norms[s], l);
    return Array.from(l, (x) => LABELS[x]);
  });
}

/** Scores the tagger on groups of gold sentences (each group is tagged as one document). */
export function evaluateNer(
  tagger: NerTagger,
  documents: readonly (readonly GoldSentence[])[],
  window = EVAL_CONTEXT_WINDOW,
  morphology?: GoldMorphology,
): NerScores {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const doc of documents) {
    gold.push(...doc.map((s) => s.tags));
    predicted.push(...tagGold(tagger, doc, window, morphology));
  }
  return scoreNer(gold, predicted);
}
