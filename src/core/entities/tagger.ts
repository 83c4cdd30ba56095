/**
 * The NER model as loaded from its files, and a tagger that labels sentences of normalized
 * tokens. Buffers are reused from call to call, so tagging allocates only its output.
 */
import { MarsadError } from '../errors.js';
import { type ExtraFeatures, documentFeatures, stemHash } from './context.js';
import { FeatureExtractor, type SentenceFeatures } from './features.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { type NerWeights, ViterbiDecoder, emissionScores, unpackWeights } from './model.js';
import { type NerLexicon, type WordClusters, unpackClusters, unpackLexicon } from './resources.js';

/** File names inside `models/ner/`. */
export const NER_FILES = {
  weights: 'weights.bin',
  /** Second-pass weights (document-level features); optional. */
  weights2: 'weights2.bin',
  lexicon: 'lexicon.bin',
  clusters: 'clusters.bin',
} as const;

/** A loaded NER model. */
export interface NerModel {
  /** First-pass weights. */
  weights: NerWeights;
  /** Second-pass weights over the first pass's features plus document-level ones (see `context.ts`). */
  weights2?: NerWeights;
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
  const weights2 = files.get(NER_FILES.weights2);
  return {
    weights: unpackWeights(weights),
    ...(weights2 ? { weights2: unpackWeights(weights2) } : {}),
    ...(lexicon ? { lexicon: unpackLexicon(lexicon) } : {}),
    ...(clusters ? { clusters: unpackClusters(clusters) } : {}),
  };
}

const EMPTY_FEATURES = (length: number): SentenceFeatures => ({ keys: new Uint32Array(0), offsets: new Int32Array(length + 1), length });

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

  /** First-pass label indexes for one sentence of normalized tokens, written into `out` (length ≥ norms.length). */
  tagInto(norms: readonly string[], out: Int32Array): void {
    const n = norms.length;
    if (n === 0) return;
    const feats = this.extractor.extract(norms);
    this.decodeFeatures(this.model.weights, feats, undefined, out);
  }

  private decodeFeatures(weights: NerWeights, feats: SentenceFeatures, extra: ExtraFeatures | undefined, out: Int32Array): void {
    const n = feats.length;
    if (this.scores.length < n * LABEL_COUNT) this.scores = new Float32Array(n * LABEL_COUNT * 2);
    if (weights.baseFeatures) emissionScores(weights, feats, this.scores);
    if (extra) emissionScores(weights, { keys: extra.keys, offsets: extra.offsets, length: n }, this.scores, weights.baseFeatures);
    this.decoder.decode(this.scores, weights.transitions, n, out);
  }

  /**
   * Label indexes for every sentence of a document. With second-pass weights, the first
   * pass's labels over the whole document feed document-level features of the second.
   * `window` limits the context to that many sentences on each side, for corpora such as
   * ANERcorp that have no document boundaries.
   */
  tagDocument(sentences: readonly (readonly string[])[], window = Infinity): Int32Array[] {
    const second = this.model.weights2;
    // The second pass scores the same base features plus document ones: keep a copy of the
    // base features rather than extracting them twice.
    const kept: SentenceFeatures[] = [];
    const first = sentences.map((norms) => {
      const out = new Int32Array(norms.length);
      if (norms.length === 0) return out;
      const feats = this.extractor.extract(norms);
      this.decodeFeatures(this.model.weights, feats, undefined, out);
      if (second?.baseFeatures) {
        kept.push({ keys: feats.keys.slice(0, feats.offsets[feats.length]), offsets: feats.offsets.slice(0, feats.length + 1), length: feats.length });
      } else kept.push(EMPTY_FEATURES(feats.length));
      return out;
    });
    if (!second) return first;
    const stems = sentences.map((norms) => Uint32Array.from(norms, stemHash));
    const extras = documentFeatures(stems, first, window);
    let k = 0;
    return sentences.map((norms, s) => {
      const out = new Int32Array(norms.length);
      if (norms.length === 0) return out;
      this.decodeFeatures(second, kept[k++], extras[s], out);
      return out;
    });
  }

  /** BIO tag names (`B-PER`, `O`, …) for one sentence of normalized tokens, tagged on its own. */
  tag(norms: readonly string[]): string[] {
    return this.tagSentences([norms])[0];
  }

  /** BIO tag names for the sentences of one document. */
  tagSentences(sentences: readonly (readonly string[])[], window = Infinity): string[][] {
    return this.tagDocument(sentences, window).map((labels) => Array.from(labels, (l) => LABELS[l]));
  }
}
