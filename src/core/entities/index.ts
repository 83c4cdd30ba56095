/**
 * Named-entity recognition: a hashed-feature linear-chain model with BIO Viterbi decoding,
 * an optional document-level second pass, proclitic-aware mention offsets, and CoNLL
 * evaluation helpers.
 */
export { createNerStage } from './stage.js';
export { type NerModel, NER_FILES, NerTagger, loadNerModel } from './tagger.js';
export { type RecognizedMention, groupEntities, recognizeEntities, recognizeMentions, taggingSentences, trimFirstWord } from './recognize.js';
export { type GoldSentence, type NerScores, type PrfScore, type TagSpan, formatNerScores, mapEntityType, parseGold, scoreNer, spansToTags, tagSpans } from './conll.js';
export { ENTITY_TYPES, LABELS } from './labels.js';
export { type ProcliticSplit, splitProclitics } from './clitics.js';
export { EVAL_CONTEXT_WINDOW, evaluateNer, tagGold } from './evaluate.js';
