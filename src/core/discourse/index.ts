/**
 * The discourse layer: topics and themes, keywords, summary and headline.
 */
export { createTopicsStage, loadTopicsModel, classifyTopics, findThemes, TOPICS_FILES } from './topics.js';
export type { ModelFiles, TopicsModel } from './topics.js';
export { createKeywordsStage, loadKeywordModel, extractKeywords, KEYWORDS_FILES } from './keywords.js';
export type { KeywordOptions } from './keywords.js';
export type { KeywordModel } from './keyword-model.js';
export { createSummaryStage, summarize, summarizeSentences, DEFAULT_SUMMARY_OPTIONS } from './summary.js';
export type { SummaryOptions, SummaryWeights } from './summary.js';
export { buildHeadline, headlineFromLead, headlineFromEvents, HEADLINE_MAX_WORDS, type HeadlineOptions } from './headline.js';
export type { HeadlineInput } from './headline.js';
export { light10Terms, lightStem, foldForMatch, TERM_FUNCTIONS } from './terms.js';
export type { TermFunction, TermSource } from './terms.js';
