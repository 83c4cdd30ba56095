/**
 * Node helpers for NER: loading the committed model and evaluating it on gold files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseGold } from '../core/entities/conll.js';
import type { NerScores } from '../core/entities/conll.js';
import type { Token } from '../core/document.js';
import { EVAL_CONTEXT_WINDOW, evaluateNer } from '../core/entities/evaluate.js';
import { type NerModel, NerTagger, loadNerModel, usesMorphology } from '../core/entities/tagger.js';
import { MorphAnalyzer } from '../core/morph/analyzer.js';
import { analyzeGoldWords } from '../core/morph/stage.js';
import { MarsadError } from '../core/errors.js';
import { loadModel, modelsDir } from './models.js';

/** Loads `models/ner` (sha256-verified) as a NER model. */
export function loadNer(dir = modelsDir()): NerModel {
  return loadNerModel(loadModel('ner', dir).files);
}

/**
 * The morphology of gold sentences through the committed morphology model, as the stage
 * computes it: what a NER model that reads morphology features needs on gold tokens.
 * Undefined for a model that does not read them. The tokens it returns (offsets within each
 * word) serve as `GoldMorphology`.
 */
export function goldMorphology(model: NerModel, dir = modelsDir()): ((words: readonly string[]) => Token[]) | undefined {
  if (!usesMorphology(model)) return undefined;
  const analyzer = MorphAnalyzer.fromFiles(loadModel('morph', dir).files);
  return (words) => analyzeGoldWords(analyzer, words);
}

/** Options of {@link evaluateNerFiles}. */
export interface EvaluateNerFilesOptions {
  /** Sentences of context on each side for the document-level pass. */
  window?: number;
  model?: NerModel;
}

/**
 * Scores the NER model on gold files in ANERcorp, AQMAR or Wojood format. Each file is
 * tagged as one run of text (documents inside it share a context window).
 * @throws MarsadError `FILE_NOT_FOUND` for a missing file, `VALIDATION` for a file with no tagged tokens.
 */
export function evaluateNerFiles(paths: readonly string[], options: EvaluateNerFilesOptions = {}): NerScores {
  const documents = paths.map((path) => {
    if (!existsSync(path)) throw new MarsadError('FILE_NOT_FOUND', `Gold file not found: ${path}`, { path });
    const sentences = parseGold(readFileSync(path, 'utf8'));
    if (sentences.length === 0) {
      throw new MarsadError('VALIDATION', `No "token TAG" lines in ${path}: expected ANERcorp, AQMAR or Wojood format.`, { path });
    }
    return sentences;
  });
  const model = options.model ?? loadNer();
  return evaluateNer(new NerTagger(model), documents, options.window ?? EVAL_CONTEXT_WINDOW, goldMorphology(model));
}
