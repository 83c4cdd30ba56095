/**
 * Morphology: PADT-style clitic segmentation, UPOS tagging, lemmatization and the search
 * stemmer, run from a model handed in as bytes (see `loadModel('morph')` in Node).
 */
export { MorphAnalyzer, decodeMorphModel, MORPH_FILES, type MorphSegment, type MorphToken, type MorphModelParts, type AnalyzeSentenceOptions } from './analyzer.js';
export { createMorphologyStage, sentenceRuns } from './stage.js';
export { searchKey, SEARCH_FOLD_OPTIONS } from './stemmer.js';
export { UPOS_TAGS, WordRole, type Upos } from './tagger.js';
export { PROCLITIC_CHAINS, ENCLITICS } from './clitics.js';
export { parseTreebank, parsePadtTxt, parseConllu, recoverPartCount, type Treebank, type TreebankSentence, type TreebankToken, type TreebankWord, type TreebankStats } from './treebank.js';
export { scoreConll2018, summaryLine, dediacritize, type Conll2018Scores, type Score } from './eval.js';
export { predictTreebank, evaluateTreebank, lemmaAccuracyOnGoldWords } from './ud.js';
export { cleanForm, restorationCost } from './orthography.js';
