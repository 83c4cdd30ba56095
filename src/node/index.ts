/**
 * Node entry point: the core plus what needs the file system (model loading, input files,
 * the analyzer with every committed model).
 */
export * from '../core/index.js';
export * from './models.js';
export { loadAnalyzer, type LoadAnalyzerOptions } from './analyzer.js';
export { readTextInput } from './input.js';
export { loadNer, evaluateNerFiles } from './ner.js';
