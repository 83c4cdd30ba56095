/**
 * Assembles the analysis pipeline from the stages that are available. Models are loaded
 * elsewhere (Node: `src/node/analyzer.ts`; a browser would fetch them) and handed in as
 * ready stages, so the core never touches files.
 */
import type { Pipeline, PipelineOptions, Stage } from './pipeline.js';
import { createPipeline } from './pipeline.js';
import { createSentencesStage, createTokenizeStage } from './text/stages.js';

/** The canonical order of stages. A stage not named here runs last, in the order given. */
export const STAGE_ORDER = [
  'tokenize',
  'repair',
  'sentences',
  'morphology',
  'ner',
  'link',
  'quotes',
  'events',
  'topics',
  'keywords',
  'summary',
] as const;

/**
 * Builds an analyzer: the text stages (tokenize, sentences) plus any model-backed stages
 * given, sorted into {@link STAGE_ORDER} and checked.
 */
export function createAnalyzer(stages: readonly Stage[] = [], options: PipelineOptions = {}): Pipeline {
  const byName = new Map<string, Stage>();
  for (const s of [createTokenizeStage(), createSentencesStage(), ...stages]) byName.set(s.name, s);
  const rank = (name: string): number => {
    const i = (STAGE_ORDER as readonly string[]).indexOf(name);
    return i < 0 ? STAGE_ORDER.length : i;
  };
  const ordered = [...byName.values()].sort((a, b) => rank(a.name) - rank(b.name));
  return createPipeline(ordered, options);
}
