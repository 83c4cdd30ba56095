/**
 * The NER sequence model: a first-order linear model over hashed features (trained as an
 * averaged structured perceptron, see `train/ner/`), decoded with Viterbi under BIO
 * constraints. Weights live in one Float32Array of `labels` columns per feature slot.
 */
import { MarsadError } from '../errors.js';
import { jsonSection, packSections, sectionAs, sectionJson, unpackSections } from './binary.js';
import type { SentenceFeatures } from './features.js';
import { LABELS, LABEL_COUNT, bioTransitions } from './labels.js';
import { type KeyIndex, keyIndex } from './table.js';

/** Feature weights and transition scores. */
export interface NerWeights {
  /** Feature key → slot. */
  index: KeyIndex;
  /** `LABEL_COUNT` weights per slot. */
  weights: Float32Array;
  /** `(LABEL_COUNT + 1) × LABEL_COUNT` transition scores; row `LABEL_COUNT` is the sentence start. */
  transitions: Float32Array;
}

/** Metadata stored with the weights, checked at load time. */
export interface NerWeightsMeta {
  labels: string[];
  featureVersion: number;
}

/** Version of the feature extractor the weights were trained with. Bump it when `features.ts` changes. */
export const FEATURE_VERSION = 1;

const ALLOWED = bioTransitions();
const NEG = -1e30;

/** Serializes weights. */
export function packWeights(w: NerWeights): Uint8Array {
  const meta: NerWeightsMeta = { labels: [...LABELS], featureVersion: FEATURE_VERSION };
  return packSections(
    new Map<string, ArrayBufferView>([
      ['meta', jsonSection(meta)],
      ['keys', w.index.keys],
      ['weights', w.weights],
      ['transitions', w.transitions],
    ]),
  );
}

/**
 * Reads weights written by {@link packWeights}.
 * @throws MarsadError `MODEL_CORRUPT` when the label set or feature version does not match this code.
 */
export function unpackWeights(bytes: Uint8Array): NerWeights {
  const s = unpackSections(bytes, 'NER weights');
  const meta = sectionJson<NerWeightsMeta>(s, 'meta', 'NER weights');
  if (meta.labels.join(' ') !== LABELS.join(' ') || meta.featureVersion !== FEATURE_VERSION) {
    throw new MarsadError(
      'MODEL_CORRUPT',
      `The NER weights were trained for labels [${meta.labels.join(' ')}] and feature version ${meta.featureVersion}; ` +
        `this code expects [${LABELS.join(' ')}] and version ${FEATURE_VERSION}. Retrain with npm run train:ner.`,
    );
  }
  const keys = sectionAs(s, 'keys', Uint32Array, 'NER weights');
  const weights = sectionAs(s, 'weights', Float32Array, 'NER weights');
  const transitions = sectionAs(s, 'transitions', Float32Array, 'NER weights');
  if (weights.length !== keys.length * LABEL_COUNT || transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT) {
    throw new MarsadError('MODEL_CORRUPT', 'The NER weights have inconsistent section sizes.');
  }
  return { index: keyIndex(keys), weights, transitions };
}

/**
 * Fills `scores[i * L + y]` with the emission score of label `y` at token `i`. Features the
 * model never saw are skipped.
 */
export function emissionScores(w: NerWeights, feats: SentenceFeatures, scores: Float32Array): void {
  const L = LABEL_COUNT;
  const { keys, offsets, length } = feats;
  const { index, weights } = w;
  scores.fill(0, 0, length * L);
  for (let i = 0; i < length; i++) {
    const base = i * L;
    for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
      const slot = index.find(keys[k]);
      if (slot < 0) continue;
      const row = slot * L;
      for (let y = 0; y < L; y++) scores[base + y] += weights[row + y];
    }
  }
}

/** Reusable Viterbi buffers. */
export class ViterbiDecoder {
  private delta = new Float64Array(0);
  private back = new Int32Array(0);

  /**
   * Best label sequence for `n` tokens under BIO constraints, written into `out`.
   * `emissions[i * L + y]`; `transitions` as in {@link NerWeights}.
   */
  decode(emissions: ArrayLike<number>, transitions: ArrayLike<number>, n: number, out: Int32Array): void {
    const L = LABEL_COUNT;
    if (n === 0) return;
    if (this.delta.length < n * L) {
      this.delta = new Float64Array(n * L * 2);
      this.back = new Int32Array(n * L * 2);
    }
    const { delta, back } = this;
    for (let y = 0; y < L; y++) delta[y] = ALLOWED[L * L + y] ? transitions[L * L + y] + emissions[y] : NEG;
    for (let i = 1; i < n; i++) {
      const prevBase = (i - 1) * L;
      const base = i * L;
      for (let y = 0; y < L; y++) {
        let best = NEG;
        let arg = 0;
        for (let p = 0; p < L; p++) {
          if (!ALLOWED[p * L + y]) continue;
          const v = delta[prevBase + p] + transitions[p * L + y];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        delta[base + y] = best + emissions[base + y];
        back[base + y] = arg;
      }
    }
    let best = NEG;
    let arg = 0;
    const last = (n - 1) * L;
    for (let y = 0; y < L; y++) {
      if (delta[last + y] > best) {
        best = delta[last + y];
        arg = y;
      }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  }
}
