/**
 * Averaged structured perceptron (Collins 2002) over the hashed features of
 * `src/core/entities/features.ts`, first-order, decoded with the same BIO-constrained
 * Viterbi as the runtime. Features are mapped to dense ids once, so an epoch is a loop over
 * integer arrays.
 */
import type { GoldSentence } from '../../src/core/entities/conll.js';
import type { ExtraFeatures } from '../../src/core/entities/context.js';
import { FeatureExtractor, type FeatureResources, IDENTITY_FEATURES } from '../../src/core/entities/features.js';
import { LABELS, LABEL_COUNT, labelIndex } from '../../src/core/entities/labels.js';
import { ViterbiDecoder } from '../../src/core/entities/model.js';
import { normalize } from '../../src/core/text/normalize.js';
import { rng } from './clusters.js';

/** A sentence as dense feature ids per token plus gold labels. */
interface Encoded {
  ids: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
}

/** Feature vocabulary: hashed key → dense id. */
export class FeatureVocab {
  readonly ids = new Map<number, number>();
  readonly keys: number[] = [];
  add(key: number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** Normalized forms of a gold sentence's tokens (what the runtime's `token.norm` holds). */
export function norms(s: GoldSentence): string[] {
  return s.tokens.map((t) => normalize(t));
}

function encode(extractor: FeatureExtractor, s: GoldSentence, vocab: FeatureVocab, grow: boolean, extra?: ExtraFeatures): Encoded {
  const f = extractor.extract(norms(s), extra);
  const n = f.length;
  const ids: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = ids.length;
    for (let k = f.offsets[i]; k < f.offsets[i + 1]; k++) {
      const key = f.keys[k];
      const id = grow ? vocab.add(key) : vocab.ids.get(key);
      if (id !== undefined) ids.push(id);
    }
  }
  offsets[n] = ids.length;
  const gold = Int32Array.from(s.tags, (t) => Math.max(0, labelIndex(t)));
  return { ids: Int32Array.from(ids), offsets, gold };
}

/** Training settings. */
export interface PerceptronOptions {
  epochs: number;
  seed: number;
  /** Probability of hiding a token's identity features (word, stems, bigrams) in a training pass. */
  identityDropout?: number;
  /** Called after each epoch with the current averaged model, e.g. to score dev. */
  onEpoch?: (epoch: number, model: DenseModel) => void;
  log?: (msg: string) => void;
}

/** Dense averaged weights over the feature vocabulary. */
export class DenseModel {
  readonly L = LABEL_COUNT;
  w: Float64Array;
  u: Float64Array;
  trans: Float64Array;
  transU: Float64Array;
  c = 1;
  constructor(readonly features: number) {
    this.w = new Float64Array(features * LABEL_COUNT);
    this.u = new Float64Array(features * LABEL_COUNT);
    this.trans = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
    this.transU = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  }
  /** Averaged weights as Float32 (w − u/c). */
  averaged(): { w: Float32Array; trans: Float32Array } {
    const w = new Float32Array(this.w.length);
    for (let i = 0; i < w.length; i++) w[i] = this.w[i] - this.u[i] / this.c;
    const trans = new Float32Array(this.trans.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.trans[i] - this.transU[i] / this.c;
    return { w, trans };
  }
}

/** Emission scores of an encoded sentence under weights `w`. */
function emissions(e: Encoded, w: ArrayLike<number>, out: Float64Array): void {
  const L = LABEL_COUNT;
  const n = e.gold.length;
  out.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    for (let k = e.offsets[i]; k < e.offsets[i + 1]; k++) {
      const row = e.ids[k] * L;
      for (let y = 0; y < L; y++) out[i * L + y] += w[row + y];
    }
  }
}

/** Encodes training sentences (growing the vocabulary) and other sets (not growing it). */
export function encodeAll(
  resources: FeatureResources,
  train: readonly GoldSentence[],
  others: readonly (readonly GoldSentence[])[],
  extras?: { train: readonly ExtraFeatures[]; others: readonly (readonly ExtraFeatures[])[] },
  options: { trigrams?: boolean; clusterPairs?: boolean } = {},
): { vocab: FeatureVocab; train: Encoded[]; others: Encoded[][] } {
  const extractor = new FeatureExtractor(resources, options);
  const vocab = new FeatureVocab();
  const tr = train.map((s, i) => encode(extractor, s, vocab, true, extras?.train[i]));
  const os = others.map((set, k) => set.map((s, i) => encode(extractor, s, vocab, false, extras?.others[k][i])));
  return { vocab, train: tr, others: os };
}

/** Tags encoded sentences with averaged weights; returns tag names per sentence. `oBias` is subtracted from every token's O score. */
export function tagEncoded(set: readonly Encoded[], avg: { w: Float32Array; trans: Float32Array }, oBias = 0): string[][] {
  const decoder = new ViterbiDecoder();
  let buf = new Float64Array(0);
  return set.map((e) => {
    const n = e.gold.length;
    if (buf.length < n * LABEL_COUNT) buf = new Float64Array(n * LABEL_COUNT * 2);
    emissions(e, avg.w, buf);
    // O is label 0; lowering it trades precision for recall (Minkov et al. 2006).
    if (oBias !== 0) for (let i = 0; i < n; i++) buf[i * LABEL_COUNT] -= oBias;
    const out = new Int32Array(n);
    decoder.decode(buf, avg.trans, n, out);
    return Array.from(out, (l) => LABELS[l]);
  });
}

/** Trains the perceptron. */
export function trainPerceptron(train: readonly Encoded[], features: number, options: PerceptronOptions): DenseModel {
  const L = LABEL_COUNT;
  const model = new DenseModel(features);
  const decoder = new ViterbiDecoder();
  const rand = rng(options.seed);
  const order = Array.from({ length: train.length }, (_, i) => i);
  let buf = new Float64Array(0);
  let pred = new Int32Array(0);
  let dropMask = new Uint8Array(0);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    let tokens = 0;
    for (const idx of order) {
      const e = train[idx];
      const n = e.gold.length;
      if (buf.length < n * L) {
        buf = new Float64Array(n * L * 2);
        pred = new Int32Array(n * 2);
      }
      const drop = options.identityDropout ?? 0;
      if (dropMask.length < n) dropMask = new Uint8Array(n * 2);
      for (let i = 0; i < n; i++) dropMask[i] = drop > 0 && rand() < drop ? 1 : 0;
      buf.fill(0, 0, n * L);
      for (let i = 0; i < n; i++) {
        const from = e.offsets[i] + (dropMask[i] ? IDENTITY_FEATURES : 0);
        for (let k = from; k < e.offsets[i + 1]; k++) {
          const row = e.ids[k] * L;
          for (let y = 0; y < L; y++) buf[i * L + y] += model.w[row + y];
        }
      }
      decoder.decode(buf, model.trans, n, pred);
      const c = model.c;
      for (let i = 0; i < n; i++) {
        const g = e.gold[i];
        const p = pred[i];
        const gPrev = i === 0 ? L : e.gold[i - 1];
        const pPrev = i === 0 ? L : pred[i - 1];
        if (g !== p) {
          mistakes++;
          for (let k = e.offsets[i] + (dropMask[i] ? IDENTITY_FEATURES : 0); k < e.offsets[i + 1]; k++) {
            const row = e.ids[k] * L;
            model.w[row + g] += 1;
            model.u[row + g] += c;
            model.w[row + p] -= 1;
            model.u[row + p] -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          model.trans[gPrev * L + g] += 1;
          model.transU[gPrev * L + g] += c;
          model.trans[pPrev * L + p] -= 1;
          model.transU[pPrev * L + p] -= c;
        }
      }
      tokens += n;
      model.c++;
    }
    options.log?.(`epoch ${epoch}: ${mistakes} token mistakes of ${tokens}`);
    options.onEpoch?.(epoch, model);
  }
  return model;
}

