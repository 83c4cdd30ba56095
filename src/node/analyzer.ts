/**
 * Builds the full analyzer in Node: loads every committed model that is present under
 * `models/`, verifies it, and hands the resulting stages to the core's `createAnalyzer`.
 * A stage whose model is missing is left out, with a warning, so the text layer still works
 * from a bare checkout.
 */
import { createAnalyzer } from '../core/analyzer.js';
import type { Pipeline, PipelineOptions, Stage } from '../core/pipeline.js';
import { createKeywordsStage } from '../core/discourse/keywords.js';
import { createSummaryStage } from '../core/discourse/summary.js';
import { createTopicsStage } from '../core/discourse/topics.js';
import { hasModel, loadModel, type LoadedModel } from './models.js';

/** A model-backed stage: the model it needs and how to build the stage from it. */
interface ModelStageFactory {
  model: string;
  build(model: LoadedModel): Stage | Stage[];
}

/** Model-backed stages, in no particular order (the core sorts them). */
const MODEL_STAGES: ModelStageFactory[] = [
  { model: 'topics', build: (m) => createTopicsStage(m) },
  { model: 'keywords', build: (m) => createKeywordsStage(m) },
];

/** Options for {@link loadAnalyzer}. */
export interface LoadAnalyzerOptions extends PipelineOptions {
  /** Folder of the models (default: the package's `models/`). */
  modelsDir?: string;
  /** Called with a message for each model that could not be used. */
  warn?: (message: string) => void;
}

let cached: { key: string; pipeline: Pipeline } | undefined;

/**
 * Loads the models and returns the analyzer. The result is cached per options, since
 * loading models is the slow part and analyzers are stateless.
 */
export function loadAnalyzer(options: LoadAnalyzerOptions = {}): Pipeline {
  const key = JSON.stringify({ d: options.modelsDir, o: options.only, i: options.initial });
  if (cached?.key === key) return cached.pipeline;
  const warn = options.warn ?? ((m: string) => process.stderr.write(`marsad: ${m}\n`));
  // The summary needs no model; it uses the keywords when that stage ran.
  const stages: Stage[] = [createSummaryStage()];
  for (const factory of MODEL_STAGES) {
    if (!hasModel(factory.model, options.modelsDir)) {
      warn(`model "${factory.model}" not found; its stage is skipped.`);
      continue;
    }
    const built = factory.build(loadModel(factory.model, options.modelsDir));
    stages.push(...(Array.isArray(built) ? built : [built]));
  }
  const pipeline = createAnalyzer(stages, options);
  cached = { key, pipeline };
  return pipeline;
}
