/**
 * The pipeline runner, after spaCy's `requires`/`assigns`: each stage declares the layers
 * it needs and the layers it adds, and the runner refuses a plan whose needs are not met
 * before anything runs, rather than failing halfway through a document.
 */
import type { AnalyzedDocument, LayerName } from './document.js';
import { createDocument } from './document.js';
import { MarsadError } from './errors.js';

/** Options every stage may read. Stages ignore what they do not use. */
export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD), used to resolve relative time expressions. */
  date?: string;
}

/** One stage of the pipeline: a named step that reads some layers and adds others. */
export interface Stage {
  readonly name: string;
  readonly needs: readonly LayerName[];
  readonly adds: readonly LayerName[];
  /** Adds the stage's layers to `doc` in place. */
  run(doc: AnalyzedDocument, options: AnalyzeOptions): void;
}

/** A checked, ordered list of stages, ready to analyze texts. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Analyzes `text` with every stage of the pipeline. */
  analyze(text: string, options?: AnalyzeOptions): AnalyzedDocument;
  /** Runs the stages on an existing document (whose layers count as present). */
  run(doc: AnalyzedDocument, options?: AnalyzeOptions): AnalyzedDocument;
}

/** Layers already present on a document, read from its fields. */
export function presentLayers(doc: AnalyzedDocument): Set<LayerName> {
  const present = new Set<LayerName>();
  const arrays: LayerName[] = ['tokens', 'sentences', 'repairs', 'entities', 'quotes', 'events', 'topics', 'keywords'];
  for (const layer of arrays) if ((doc as unknown as Record<string, unknown>)[layer] !== undefined) present.add(layer);
  if (doc.summary !== undefined) present.add('summary');
  if (doc.tokens?.some((t) => t.segments !== undefined)) present.add('morphology');
  return present;
}

/**
 * Checks that every stage's needs are met by the initial layers or an earlier stage.
 * @throws MarsadError `STAGE_NEEDS_UNMET` naming the stage and the missing layers.
 */
export function checkPlan(stages: readonly Stage[], initial: Iterable<LayerName> = []): void {
  const have = new Set<LayerName>(initial);
  for (const stage of stages) {
    const missing = stage.needs.filter((n) => !have.has(n));
    if (missing.length > 0) {
      throw new MarsadError(
        'STAGE_NEEDS_UNMET',
        `Stage "${stage.name}" needs ${missing.join(', ')}, which no earlier stage adds.`,
        { stage: stage.name, missing },
      );
    }
    for (const a of stage.adds) have.add(a);
  }
}

/** Options for {@link createPipeline}. */
export interface PipelineOptions {
  /** Names of the stages to keep (in the pipeline's order); the plan is checked after filtering. */
  only?: readonly string[];
  /** Layers the documents will already carry (for running later stages on stored analyses). */
  initial?: readonly LayerName[];
}

/** Builds a pipeline from stages, checked up front so that a bad plan fails before any text is read. */
export function createPipeline(stages: readonly Stage[], { only, initial = [] }: PipelineOptions = {}): Pipeline {
  let chosen = stages;
  if (only !== undefined) {
    const known = new Set(stages.map((s) => s.name));
    const unknown = only.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new MarsadError('UNKNOWN_STAGE', `Unknown stage(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
    }
    const keep = new Set(only);
    chosen = stages.filter((s) => keep.has(s.name));
  }
  checkPlan(chosen, initial);
  const run = (doc: AnalyzedDocument, options: AnalyzeOptions = {}): AnalyzedDocument => {
    checkPlan(chosen, presentLayers(doc));
    for (const stage of chosen) stage.run(doc, options);
    return doc;
  };
  return {
    stages: chosen,
    run,
    analyze: (text, options) => run(createDocument(text), options),
  };
}
