/**
 * The NER model as loaded from its files, and a tagger that labels sentences of normalized
 * tokens. Buffers are reused from call to call, so tagging allocates little beyond its output.
 */
import { MarsadError } from '../errors.js';
import { ContextScorer, type ExtraFeatures, documentFeatures, stemHash } from './context.js';
import { FeatureExtractor, type SentenceFeatures, TokenScorer } from './features.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { type NerWeights, ViterbiDecoder, emissionScores, unpackWeights } from './model.js';
import { MorphFeatureSums, type MorphTag, morphFeatures } from './morph-features.js';
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

/** Whether a model reads the morphology's features, and so needs the morphology stage before it. */
export function usesMorphology(model: NerModel): boolean {
  return model.weights.morphFeatures === true;
}

/**
 * Per-sentence morphology tags (`tags[s][i]` for token `i` of sentence `s`), as the taggers
 * take them: tokens may lack them (no morphology stage), and then count as `X`.
 */
export type SentenceMorphTags = readonly (readonly (MorphTag | undefined)[])[];

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

/**
 * Label indexes for every sentence of a document the straightforward way: feature lists from
 * {@link FeatureExtractor}, document features from {@link documentFeatures}, scored with
 * {@link emissionScores}. This is how training sees the model; {@link NerTagger} computes
 * the same scores faster (see {@link TokenScorer}) and must agree with this label for label.
 */
export function tagDocumentReference(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  window = Infinity,
  tags?: SentenceMorphTags,
): Int32Array[] {
  const morph = usesMorphology(model);
  const extractor = new FeatureExtractor({ lexicon: model.lexicon, clusters: model.clusters });
  const decoder = new ViterbiDecoder();
  let scores = new Float32Array(0);
  const decodeFeatures = (weights: NerWeights, feats: SentenceFeatures, extra: ExtraFeatures | undefined, out: Int32Array): void => {
    const n = feats.length;
    if (scores.length < n * LABEL_COUNT) scores = new Float32Array(n * LABEL_COUNT * 2);
    if (weights.baseFeatures) emissionScores(weights, feats, scores);
    if (extra) emissionScores(weights, { keys: extra.keys, offsets: extra.offsets, length: n }, scores, weights.baseFeatures);
    decoder.decode(scores, weights.transitions, n, out);
  };
  const second = model.weights2;
  // The second pass scores the same base features plus document ones: keep a copy of the
  // base features rather than extracting them twice.
  const kept: SentenceFeatures[] = [];
  const first = sentences.map((norms, s) => {
    const out = new Int32Array(norms.length);
    if (norms.length === 0) return out;
    const feats = extractor.extract(norms, morph ? morphFeatures(tags?.[s] ?? new Array<undefined>(norms.length)) : undefined);
    decodeFeatures(model.weights, feats, undefined, out);
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
    decodeFeatures(second, kept[k++], extras[s], out);
    return out;
  });
}

/**
 * Labels sentences with BIO label indexes (see `labels.ts`). Word-type feature sums are
 * cached and buffers reused from call to call, so a tagger must not tag two documents at
 * once (JavaScript does not, within one thread).
 */
export class NerTagger {
  readonly model: NerModel;
  /** Undefined for a first pass without base features, which only the reference path handles. */
  private readonly scorer?: TokenScorer;
  private readonly context?: ContextScorer;
  private readonly decoder = new ViterbiDecoder();
  private scores = new Float32Array(0);
  private cap = 0;
  private types = new Int32Array(0);
  private sums = new Int32Array(0);
  private first = new Int32Array(0);
  private stems = new Uint32Array(0);
  private stemIds = new Int32Array(0);
  private extra = new Int32Array(0);
  private bounds = new Int32Array(2);

  /**
   * Adds the morphology features' sums, when the model reads them (see {@link usesMorphology}).
   * They depend on the neighbours' tags, so they are not part of the per-word-type sums.
   */
  private readonly morphSums?: MorphFeatureSums;

  constructor(model: NerModel) {
    this.model = model;
    if (!model.weights.baseFeatures) return;
    const second = model.weights2;
    const models = second?.baseFeatures ? [model.weights, second] : [model.weights];
    if (usesMorphology(model)) this.morphSums = new MorphFeatureSums(models);
    this.scorer = new TokenScorer(models, { lexicon: model.lexicon, clusters: model.clusters });
    if (second) this.context = new ContextScorer(second);
  }

  private grow(n: number, width: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 256);
    this.cap = cap;
    this.types = new Int32Array(cap);
    this.sums = new Int32Array(cap * width);
    this.first = new Int32Array(cap);
    this.stems = new Uint32Array(cap);
    this.stemIds = new Int32Array(cap);
    this.extra = new Int32Array(cap * LABEL_COUNT);
  }

  /** Decodes tokens `[a, b)` from `sums` (model `m`'s part, times `scale`), plus `extra` when given, into `out`. */
  private decodeRange(weights: NerWeights, m: number, extra: Int32Array | undefined, a: number, b: number, out: Int32Array): void {
    const n = b - a;
    const L = LABEL_COUNT;
    if (this.scores.length < n * L) this.scores = new Float32Array(n * L * 2);
    const { scores, sums } = this;
    const W = (this.scorer as TokenScorer).width;
    const scale = weights.scale;
    // The same float operations as emissionScores: base sum × scale stored as float32,
    // then the document features' sum × scale added to it.
    if (m >= 0) for (let i = 0; i < n; i++) for (let y = 0, o = (a + i) * W + m * L; y < L; y++) scores[i * L + y] = sums[o + y] * scale;
    if (extra) {
      if (m >= 0) for (let i = 0; i < n; i++) for (let y = 0, o = (a + i) * L; y < L; y++) scores[i * L + y] += extra[o + y] * scale;
      else for (let i = 0; i < n; i++) for (let y = 0, o = (a + i) * L; y < L; y++) scores[i * L + y] = extra[o + y] * scale;
    }
    this.decoder.decode(scores, weights.transitions, n, out, a);
  }

  /**
   * Label indexes of a document's tokens, given flat: sentence `s` is `norms[bounds[s] .. bounds[s + 1])`
   * (`bounds` has `sentences + 1` entries, from 0 to `norms.length`; empty sentences count for `window`).
   */
  private labelDocument(
    norms: readonly string[],
    bounds: Int32Array,
    sentences: number,
    window: number,
    tags: readonly (MorphTag | undefined)[],
  ): Int32Array {
    const scorer = this.scorer as TokenScorer;
    const N = norms.length;
    const W = scorer.width;
    this.grow(N, W);
    const { types, sums, first } = this;
    scorer.resolve(norms, types);
    for (let s = 0; s < sentences; s++) if (bounds[s + 1] > bounds[s]) scorer.score(types, bounds[s], bounds[s + 1], sums);
    const morph = this.morphSums;
    if (morph) for (let s = 0; s < sentences; s++) if (bounds[s + 1] > bounds[s]) morph.add(tags, bounds[s], bounds[s + 1], sums);
    const w1 = this.model.weights;
    for (let s = 0; s < sentences; s++) if (bounds[s + 1] > bounds[s]) this.decodeRange(w1, 0, undefined, bounds[s], bounds[s + 1], first);
    const second = this.model.weights2;
    if (!second) return first.slice(0, N);
    scorer.stems(types, N, this.stems, this.stemIds);
    const context = this.context as ContextScorer;
    context.score(this.stems, this.stemIds, scorer.stemCount, first, bounds, sentences, window, this.extra);
    const out = new Int32Array(N);
    const m = second.baseFeatures ? 1 : -1;
    for (let s = 0; s < sentences; s++) if (bounds[s + 1] > bounds[s]) this.decodeRange(second, m, this.extra, bounds[s], bounds[s + 1], out);
    return out;
  }

  /** First-pass label indexes for one sentence of normalized tokens, written into `out` (length ≥ norms.length). */
  tagInto(norms: readonly string[], out: Int32Array, tags?: readonly (MorphTag | undefined)[]): void {
    const n = norms.length;
    if (n === 0) return;
    if (!this.scorer) {
      out.set(tagDocumentReference({ ...this.model, weights2: undefined }, [norms], Infinity, tags ? [tags] : undefined)[0]);
      return;
    }
    this.grow(n, this.scorer.width);
    this.scorer.resolve(norms, this.types);
    this.scorer.score(this.types, 0, n, this.sums);
    this.morphSums?.add(tags ?? [], 0, n, this.sums);
    this.decodeRange(this.model.weights, 0, undefined, 0, n, out);
  }

  /**
   * Label indexes for every sentence of a document. With second-pass weights, the first
   * pass's labels over the whole document feed document-level features of the second.
   * `window` limits the context to that many sentences on each side, for corpora such as
   * ANERcorp that have no document boundaries.
   */
  tagDocument(sentences: readonly (readonly string[])[], window = Infinity, tags?: SentenceMorphTags): Int32Array[] {
    if (!this.scorer) return tagDocumentReference(this.model, sentences, window, tags);
    const S = sentences.length;
    if (this.bounds.length < S + 1) this.bounds = new Int32Array(S + 1);
    const bounds = this.bounds;
    const norms: string[] = [];
    const flatTags: (MorphTag | undefined)[] = [];
    for (let s = 0; s < S; s++) {
      bounds[s] = norms.length;
      const st = tags?.[s];
      sentences[s].forEach((w, i) => {
        norms.push(w);
        flatTags.push(st?.[i]);
      });
    }
    bounds[S] = norms.length;
    const labels = this.labelDocument(norms, bounds, S, window, flatTags);
    return sentences.map((_, s) => labels.slice(bounds[s], bounds[s + 1]));
  }

  /**
   * Label indexes of a document's tokens by position: `ranges` are its sentences as token
   * ranges `[start, end)` into `norms`, in order and not overlapping. Tokens outside every
   * range get label 0 (O). The same labels as {@link tagDocument} over the ranges' slices.
   */
  tagRanges(
    norms: readonly string[],
    ranges: readonly (readonly [number, number])[],
    window = Infinity,
    tags: readonly (MorphTag | undefined)[] = [],
  ): Int32Array {
    const S = ranges.length;
    let covering = ranges.length === 0 ? norms.length === 0 : ranges[0][0] === 0 && ranges[S - 1][1] === norms.length;
    for (let s = 1; s < S && covering; s++) covering = ranges[s][0] === ranges[s - 1][1];
    if (!covering || !this.scorer) {
      const out = new Int32Array(norms.length);
      const labels = this.tagDocument(
        ranges.map(([a, b]) => norms.slice(a, b)),
        window,
        ranges.map(([a, b]) => Array.from({ length: b - a }, (_, i) => tags[a + i])),
      );
      ranges.forEach(([a], s) => out.set(labels[s], a));
      return out;
    }
    if (this.bounds.length < S + 1) this.bounds = new Int32Array(S + 1);
    const bounds = this.bounds;
    for (let s = 0; s < S; s++) bounds[s] = ranges[s][0];
    bounds[S] = norms.length;
    return this.labelDocument(norms, bounds, S, window, tags);
  }
  /** BIO tag names (`B-PER`, `O`, …) for one sentence of normalized tokens, tagged on its own. */
  tag(norms: readonly string[], tags?: readonly (MorphTag | undefined)[]): string[] {
    return this.tagSentences([norms], Infinity, tags ? [tags] : undefined)[0];
  }

  /** BIO tag names for the sentences of one document. */
  tagSentences(sentences: readonly (readonly string[])[], window = Infinity, tags?: SentenceMorphTags): string[][] {
    return this.tagDocument(sentences, window, tags).map((labels) => Array.from(labels, (l) => LABELS[l]));
  }
}
