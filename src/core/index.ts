/**
 * Marsad's isomorphic core: runs in Node and in the browser (no fs, net or database here).
 */
export * from './document.js';
export * from './errors.js';
export * from './pipeline.js';
export * from './analyzer.js';
export type * from './model/manifest.js';
export * from './text/normalize.js';
export { tokenize, rebuild, makeToken, normalizeToken } from './text/tokenize.js';
export { splitSentences } from './text/sentences.js';
export { createTokenizeStage, createSentencesStage } from './text/stages.js';
export { toBuckwalter, fromBuckwalter, toSafeBuckwalter, fromSafeBuckwalter } from './text/transliterate.js';
export { decodeInput, checkText, findInvalidUtf8, looksBinary, DEFAULT_MAX_INPUT_BYTES } from './text/input.js';
export { formatJson, canonicalDocument } from './format/json.js';
export { formatText } from './format/text.js';
export { formatConllu } from './format/conllu.js';
export { createLinkStage, linkEntities, type LinkResources } from './entities/link.js';
export { createGazetteerNerStage } from './entities/gazetteer.js';
export { loadLinkingLexicon, compileLinkingLexicon, emptyLinkingLexicon, type LinkingLexicon, type LinkingLexiconData } from './entities/link-lexicon.js';
export { createQuotesStage, findQuotes } from './discourse/quotes.js';
export { createEventsStage, findEvents, type EventResources } from './discourse/events.js';
export { compileTriggerLexicon, loadEventVerbs, type EventVerbsData, type TriggerLexicon } from './discourse/event-lexicon.js';
export { findTimes, parseIsoDate } from './discourse/time.js';
export { createNerStage, loadNerModel, NerTagger, type NerModel, NER_FILES, recognizeEntities, recognizeMentions } from './entities/index.js';
export { parseGold, scoreNer, formatNerScores, tagSpans, evaluateNer, type GoldSentence, type NerScores } from './entities/index.js';
export * from './discourse/index.js';
export * from './morph/index.js';
