/**
 * The NER model as loaded from its files, and a tagger that labels sentences of normalized
 * tokens. Buffers are reused from call to call, so tagging allocates only its output.
 */
import { MarsadError } from '../errors.js';
import { FeatureExtractor } from './features.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { type NerWeights, ViterbiDecoder, emissionScores, unpackWeights } from './model.js';
import { type NerLexicon, type WordClusters, unpackClusters, unpackLexicon } from './resources.js';

/** File names inside `models/ner/`. */
export const NER_FILES = {
  weights: 'weights.bin',
  lexicon: 'lexicon.bin',
  clusters: 'clusters.bin',
} as const;

/** A loaded NER model. */
export interface NerModel {
  weights: NerWeights;
  lexicon?: NerLexicon;
  clusters?: WordClusters;
}

/**
 * Reads a NER model from its files' bytes (as `loadModel('ner').files` returns them).
 * The lexicon and clusters are optional; the weights are not.
 * @throws MarsadError `MODEL_MISSING` without `weights.bin`, `MODEL_CORRUPT` on a bad file.
 */
export function loadNerModel(files: ReadonlyMap<string, Uint8Array>): NerModel {
  const weights = files.get(NER_FILES.weights);
  if (!weights) throw new MarsadError('MODEL_MISSING', `The NER model has no ${NER_FILES.weights}.`, { model: 'ner' });
  const lexicon = files.get(NER_FILES.lexicon);
  const clusters = files.get(NER_FILES.clusters);
  return {
    weights: unpackWeights(weights),
    ...(lexicon ? { lexicon: unpackLexicon(lexicon) } : {}),
    ...(clusters ? { clusters: unpackClusters(clusters) } : {}),
  };
}

/** Labels sentences with BIO label indexes (see `labels.ts`). */
export class NerTagger {
  readonly model: NerModel;
  private readonly extractor: FeatureExtractor;
  private readonly decoder = new ViterbiDecoder();
  private scores = new Float32Array(0);

  constructor(model: NerModel) {
    this.model = model;
    this.extractor = new FeatureExtractor({ lexicon: model.lexicon, clusters: model.clusters });
  }

  /** Label indexes for one sentence of normalized tokens, written into `out` (length ≥ norms.length). */
  tagInto(norms: readonly string[], out: Int32Array): void {
    const n = norms.length;
    if (n === 0) return;
    const feats = this.extractor.extract(norms);
    if (this.scores.length < n * LABEL_COUNT) this.scores = new Float32Array(n * LABEL_COUNT * 2);
    emissionScores(this.model.weights, feats, this.scores);
    this.decoder.decode(this.scores, this.model.weights.transitions, n, out);
  }

  /** BIO tag names (`B-PER`, `O`, …) for one sentence of normalized tokens. */
  tag(norms: readonly string[]): string[] {
    const out = new Int32Array(norms.length);
    this.tagInto(norms, out);
    return Array.from(out, (l) => LABELS[l]);
  }
}
