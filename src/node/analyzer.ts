/**
 * Builds the full analyzer in Node: loads every committed model that is present under
 * `models/`, verifies it, and hands the resulting stages to the core's `createAnalyzer`.
 * A stage whose model is missing is left out, with a warning, so the text layer still works
 * from a bare checkout.
 */
import { createAnalyzer } from '../core/analyzer.js';
import { createEventsStage } from '../core/discourse/events.js';
import { EVENT_VERBS_FILE, loadEventVerbs } from '../core/discourse/event-lexicon.js';
import { createQuotesStage } from '../core/discourse/quotes.js';
import { createGazetteerNerStage } from '../core/entities/gazetteer.js';
import { createLinkStage } from '../core/entities/link.js';
import { LINKING_LEXICON_FILE, loadLinkingLexicon, type LinkingLexicon } from '../core/entities/link-lexicon.js';
import { MarsadError } from '../core/errors.js';
import { createNerStage, loadNerModel } from '../core/entities/index.js';
import type { Pipeline, PipelineOptions, Stage } from '../core/pipeline.js';
import { createKeywordsStage } from '../core/discourse/keywords.js';
import { createSummaryStage } from '../core/discourse/summary.js';
import { createTopicsStage } from '../core/discourse/topics.js';
import { createMorphologyStage } from '../core/morph/stage.js';
import { createRepairStage, loadGlueSplitter } from '../core/text/repair.js';
import { hasModel, loadModel, type LoadedModel } from './models.js';

/** A model-backed stage: the model it needs and how to build the stage from it. */
interface ModelStageFactory {
  model: string;
  build(model: LoadedModel): Stage | Stage[];
}

/** The bytes of one file of a model, or a clear error. */
function modelFile(model: LoadedModel, file: string): Uint8Array {
  const bytes = model.files.get(file);
  if (!bytes) throw new MarsadError('MODEL_MISSING', `Model "${model.manifest.name}" has no file ${file}.`, { model: model.manifest.name, file });
  return bytes;
}

/** The linking lexicon of the last `linking` model built, for the NER fallback below. */
let linkingLexicon: LinkingLexicon | undefined;

/** Model-backed stages, in no particular order (the core sorts them). */
const MODEL_STAGES: ModelStageFactory[] = [
  { model: 'lexicon', build: (m) => createRepairStage(loadGlueSplitter(m).splitter) },
  { model: 'morph', build: (m) => createMorphologyStage(m.files) },
  { model: 'ner', build: (m) => createNerStage(loadNerModel(m.files)) },
  {
    model: 'linking',
    build: (m) => {
      linkingLexicon = loadLinkingLexicon(modelFile(m, LINKING_LEXICON_FILE));
      return [createLinkStage({ lexicon: linkingLexicon }), createQuotesStage()];
    },
  },
  { model: 'events', build: (m) => createEventsStage({ verbs: loadEventVerbs(modelFile(m, EVENT_VERBS_FILE)) }) },
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
  // The NER model reads the morphology: without the morph model it cannot run, and the
  // gazetteer recognizer below takes its place rather than the whole analyzer failing.
  const ner = stages.findIndex((st) => st.name === 'ner');
  if (ner >= 0 && stages[ner].needs.includes('morphology') && !stages.some((st) => st.adds.includes('morphology'))) {
    warn('the NER model needs the morphology stage, whose model is missing; NER is skipped.');
    stages.splice(ner, 1);
  }
  // Without a NER model, a gazetteer recognizer stands in so that linking, quotes and events still run.
  if (linkingLexicon && !stages.some((st) => st.name === 'ner')) {
    warn('no NER model; entities come from the linking gazetteer (countries, known people) and titles only.');
    stages.push(createGazetteerNerStage(linkingLexicon));
  }
  const pipeline = createAnalyzer(stages, options);
  cached = { key, pipeline };
  return pipeline;
}
