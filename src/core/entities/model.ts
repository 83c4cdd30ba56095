/**
 * The NER sequence model: a first-order linear model over hashed features (trained as an
 * averaged structured perceptron or a CRF, see `train/ner/`), decoded with Viterbi under BIO
 * constraints.
 *
 * Storage, chosen for size and speed: an open-addressing table of feature keys gives a row
 * number; rows are `LABEL_COUNT` 16-bit weights, scaled by one float per model. A key costs
 * about 13 bytes of table and a row 18 bytes, so half a million features fit in ~15 MB.
 */
import { MarsadError } from '../errors.js';
import { jsonSection, packSections, sectionAs, sectionJson, unpackSections } from './binary.js';
import { LABELS, LABEL_COUNT, bioTransitions } from './labels.js';
import { type KeyIndex, buildKeyIndex, keyIndex } from './table.js';

/** Feature weights and transition scores. */
export interface NerWeights {
  /** Feature key → slot. */
  index: KeyIndex;
  /** Slot → row (meaningful only for occupied slots). */
  rows: Uint32Array;
  /** `LABEL_COUNT` quantized weights per row; the weight is `weights[row * L + y] * scale`. */
  weights: Int16Array;
  scale: number;
  /** `(LABEL_COUNT + 1) × LABEL_COUNT` transition scores; row `LABEL_COUNT` is the sentence start. */
  transitions: Float32Array;
}

/** Metadata stored with the weights, checked at load time. */
export interface NerWeightsMeta {
  labels: string[];
  featureVersion: number;
  scale: number;
}

/** Version of the feature extractor the weights were trained with. Bump it when `features.ts` or `context.ts` changes. */
export const FEATURE_VERSION = 1;

/**
 * Quantizes float weights into runtime storage. Rows whose largest weight is at most
 * `prune` (in the weights' own units) are dropped: they barely move any score.
 */
export function quantizeWeights(keys: ArrayLike<number>, w: Float32Array, transitions: Float32Array, prune = 0): NerWeights {
  const L = LABEL_COUNT;
  const keep: number[] = [];
  let max = 0;
  for (let f = 0; f < keys.length; f++) {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(w[f * L + y]));
    if (m > prune) {
      keep.push(f);
      max = Math.max(max, m);
    }
  }
  const scale = max > 0 ? max / 32767 : 1;
  const { keys: table, slots } = buildKeyIndex(keep.map((f) => keys[f]), 0.6);
  const rows = new Uint32Array(table.length);
  const weights = new Int16Array(keep.length * L);
  keep.forEach((f, r) => {
    rows[slots[r]] = r;
    for (let y = 0; y < L; y++) weights[r * L + y] = Math.round(w[f * L + y] / scale);
  });
  return { index: keyIndex(table), rows, weights, scale, transitions: Float32Array.from(transitions) };
}

const ALLOWED = bioTransitions();
/** Per-token integer sums of quantized weights (shared: scoring is synchronous). */
const SUM = new Int32Array(LABEL_COUNT);
const NEG = -1e30;

/** Serializes weights. */
export function packWeights(w: NerWeights): Uint8Array {
  const meta: NerWeightsMeta = { labels: [...LABELS], featureVersion: FEATURE_VERSION, scale: w.scale };
  return packSections(
    new Map<string, ArrayBufferView>([
      ['meta', jsonSection(meta)],
      ['keys', w.index.keys],
      ['rows', w.rows],
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
  const rows = sectionAs(s, 'rows', Uint32Array, 'NER weights');
  const weights = sectionAs(s, 'weights', Int16Array, 'NER weights');
  const transitions = sectionAs(s, 'transitions', Float32Array, 'NER weights');
  if (rows.length !== keys.length || weights.length % LABEL_COUNT !== 0 || transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT) {
    throw new MarsadError('MODEL_CORRUPT', 'The NER weights have inconsistent section sizes.');
  }
  const rowCount = weights.length / LABEL_COUNT;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 0 && rows[i] >= rowCount) throw new MarsadError('MODEL_CORRUPT', 'The NER weights point past their last row.');
  }
  return { index: keyIndex(keys), rows, weights, scale: meta.scale, transitions };
}

/**
 * Fills `scores[i * L + y]` with the emission score of label `y` at token `i`, or adds to
 * it with `accumulate` (to score a sentence's features in two parts). Features the model
 * never saw are skipped.
 */
export function emissionScores(
  w: NerWeights,
  feats: { keys: Uint32Array; offsets: Int32Array; length: number },
  scores: Float32Array,
  accumulate = false,
): void {
  const L = LABEL_COUNT;
  const { keys, offsets, length } = feats;
  const { index, rows, weights, scale } = w;
  const sum = SUM;
  for (let i = 0; i < length; i++) {
    const base = i * L;
    sum.fill(0);
    for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
      const slot = index.find(keys[k]);
      if (slot < 0) continue;
      const row = rows[slot] * L;
      for (let y = 0; y < L; y++) sum[y] += weights[row + y];
    }
    if (accumulate) for (let y = 0; y < L; y++) scores[base + y] += sum[y] * scale;
    else for (let y = 0; y < L; y++) scores[base + y] = sum[y] * scale;
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
