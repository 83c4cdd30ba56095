/**
 * The NER sequence model: a first-order linear model over hashed features (trained as an
 * averaged structured perceptron or a CRF, see `train/ner/`), decoded with Viterbi under BIO
 * constraints.
 *
 * Storage, chosen for speed first: one open-addressing table whose slots hold the feature key
 * and, right after it, the `LABEL_COUNT` 16-bit quantized weights (24 bytes a slot), so a
 * lookup touches one cache line instead of three (key table, row index, weight rows). Weights
 * are scaled by one float per model.
 */
import { MarsadError } from '../errors.js';
import { jsonSection, packSections, sectionAs, sectionJson, unpackSections } from './binary.js';
import { LABELS, LABEL_COUNT, bioTransitions, isInside } from './labels.js';
import { tableCapacity } from './table.js';

/** 32-bit words per slot: the key, then the labels' 16-bit weights (9 of them in 5 words). */
const STRIDE = 1 + Math.ceil(LABEL_COUNT / 2);

/** Feature weights and transition scores. */
export interface NerWeights {
  /** `STRIDE` words per slot: key (0 = empty), then 16-bit weights. */
  table: Uint32Array;
  /** The same memory as 16-bit words: slot `s`'s weight for label `y` is `table16[s * 2 * STRIDE + 2 + y]`. */
  table16: Int16Array;
  /** Number of slots − 1 (the slot count is a power of two). */
  mask: number;
  /** Number of features stored. */
  size: number;
  scale: number;
  /**
   * Whether the model scores the sentence's own features. False for a second pass that
   * scores only document-level features (the first pass's labels summarize the rest).
   */
  baseFeatures: boolean;
  /** Whether the model scores the morphology's features too (see `morph-features.ts`). */
  morphFeatures?: boolean;
  /** `(LABEL_COUNT + 1) × LABEL_COUNT` transition scores; row `LABEL_COUNT` is the sentence start. */
  transitions: Float32Array;
}

/** Metadata stored with the weights, checked at load time. */
export interface NerWeightsMeta {
  labels: string[];
  featureVersion: number;
  scale: number;
  size: number;
  baseFeatures?: boolean;
  /** Whether the model was trained with the morphology's features (`morph-features.ts`). */
  morphFeatures?: boolean;
}

/** Version of the feature extractor the weights were trained with. Bump it when `features.ts` or `context.ts` changes. */
export const FEATURE_VERSION = 3;

const slotOf = (key: number, mask: number): number => Math.imul(key, 0x9e3779b1) >>> 0 & mask;

/** The slot of a feature key, or -1 when the model does not have it. */
export function findFeature(w: NerWeights, key: number): number {
  const k = key >>> 0 || 1;
  const { table, mask } = w;
  for (let slot = slotOf(k, mask); ; slot = (slot + 1) & mask) {
    const at = table[slot * STRIDE];
    if (at === k) return slot;
    if (at === 0) return -1;
  }
}

/**
 * Where a feature's weights start in `w.table16` (label `y` at `+ y`), or -1 when the model
 * does not have the feature. The same probe as {@link emissionScores}.
 */
export function weightRow(w: NerWeights, key: number): number {
  const k = key >>> 0 || 1;
  const { table, mask } = w;
  let slot = slotOf(k, mask);
  let at = table[slot * STRIDE];
  while (at !== k) {
    if (at === 0) return -1;
    slot = (slot + 1) & mask;
    at = table[slot * STRIDE];
  }
  return slot * 2 * STRIDE + 2;
}

/**
 * Adds the weights of feature `key` (quantized, unscaled) to `sum[at .. at + LABEL_COUNT)`;
 * a feature the model does not have adds nothing.
 */
export function addWeights(w: NerWeights, key: number, sum: Int32Array, at: number): void {
  const row = weightRow(w, key);
  if (row < 0) return;
  const t = w.table16;
  for (let y = 0; y < LABEL_COUNT; y++) sum[at + y] += t[row + y];
}

/**
 * Quantizes float weights into runtime storage. Rows whose largest weight is at most
 * `prune` (in the weights' own units) are dropped: they barely move any score.
 */
export function quantizeWeights(keys: ArrayLike<number>, w: Float32Array, transitions: Float32Array, prune = 0, baseFeatures = true): NerWeights {
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
  const capacity = tableCapacity(keep.length, 0.7);
  const table = new Uint32Array(capacity * STRIDE);
  const table16 = new Int16Array(table.buffer);
  const mask = capacity - 1;
  for (const f of keep) {
    const k = keys[f] >>> 0 || 1;
    let slot = slotOf(k, mask);
    while (table[slot * STRIDE] !== 0 && table[slot * STRIDE] !== k) slot = (slot + 1) & mask;
    table[slot * STRIDE] = k;
    for (let y = 0; y < L; y++) table16[slot * 2 * STRIDE + 2 + y] = Math.round(w[f * L + y] / scale);
  }
  return { table, table16, mask, size: keep.length, scale, baseFeatures, transitions: Float32Array.from(transitions) };
}

const ALLOWED = bioTransitions();
/** Per-token integer sums of quantized weights (shared: scoring is synchronous). */
const SUM = new Int32Array(LABEL_COUNT);
const NEG = -1e30;

/** Serializes weights. */
export function packWeights(w: NerWeights): Uint8Array {
  const meta: NerWeightsMeta = {
    labels: [...LABELS],
    featureVersion: FEATURE_VERSION,
    scale: w.scale,
    size: w.size,
    baseFeatures: w.baseFeatures,
    ...(w.morphFeatures ? { morphFeatures: true } : {}),
  };
  return packSections(
    new Map<string, ArrayBufferView>([
      ['meta', jsonSection(meta)],
      ['table', w.table],
      ['transitions', w.transitions],
    ]),
  );
}

/**
 * Adds the integer weight rows of features `keys[start .. end)` to `out[at .. at + LABEL_COUNT)`:
 * the same sums {@link emissionScores} forms, for callers that hold the rest of a token's sum.
 */
export function addFeatureSums(w: NerWeights, keys: Uint32Array, start: number, end: number, out: Int32Array, at: number): void {
  const { table, table16, mask } = w;
  for (let k = start; k < end; k++) {
    const key = keys[k] >>> 0 || 1;
    let slot = slotOf(key, mask);
    let found = table[slot * STRIDE];
    while (found !== key && found !== 0) {
      slot = (slot + 1) & mask;
      found = table[slot * STRIDE];
    }
    if (found === 0) continue;
    const row = slot * 2 * STRIDE + 2;
    for (let y = 0; y < LABEL_COUNT; y++) out[at + y] += table16[row + y];
  }
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
  const table = sectionAs(s, 'table', Uint32Array, 'NER weights');
  const transitions = sectionAs(s, 'transitions', Float32Array, 'NER weights');
  const slots = table.length / STRIDE;
  if (!Number.isInteger(slots) || (slots & (slots - 1)) !== 0 || transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT) {
    throw new MarsadError('MODEL_CORRUPT', 'The NER weights have inconsistent section sizes.');
  }
  return {
    table,
    table16: new Int16Array(table.buffer, table.byteOffset, table.length * 2),
    mask: slots - 1,
    size: meta.size,
    scale: meta.scale,
    baseFeatures: meta.baseFeatures !== false,
    ...(meta.morphFeatures ? { morphFeatures: true } : {}),
    transitions,
  };
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
  const scale = w.scale;
  const sum = SUM;
  for (let i = 0; i < length; i++) {
    const base = i * L;
    sum.fill(0);
    addFeatureSums(w, keys, offsets[i], offsets[i + 1], sum, 0);
    if (accumulate) for (let y = 0; y < L; y++) scores[base + y] += sum[y] * scale;
    else for (let y = 0; y < L; y++) scores[base + y] = sum[y] * scale;
  }
}

// ViterbiDecoder.decode spells out the BIO shape (O and B-X after any label, I-X after B-X
// or I-X only, labels as in labels.ts): a label set of another shape must fail here, not decode wrongly.
for (let p = 0; p < LABEL_COUNT; p++) {
  for (let y = 0; y < LABEL_COUNT; y++) {
    if (ALLOWED[p * LABEL_COUNT + y] !== (!isInside(y) || p === y - 1 || p === y ? 1 : 0)) throw new Error(`NER labels: transition ${p} → ${y} breaks the BIO shape the decoder assumes`);
  }
}

/** Reusable Viterbi buffers. */
export class ViterbiDecoder {
  private delta = new Float64Array(0);
  private back = new Int32Array(0);
  /**
   * Best label sequence for `n` tokens under BIO constraints, written into `out[at .. at + n)`.
   * `emissions[i * L + y]`; `transitions` as in {@link NerWeights}.
   */
  decode(emissions: ArrayLike<number>, transitions: ArrayLike<number>, n: number, out: Int32Array, at = 0): void {
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
      // BIO leaves two shapes (see bioTransitions): O and B-X follow any label, I-X only B-X
      // or I-X. Spelled out, without the predecessor lists: this loop is most of the decode.
      // Candidates go in increasing label order and a tie keeps the first, as a scan of all
      // allowed labels would.
      for (let y = 0; y < L; y++) {
        let best: number;
        let arg: number;
        if (y !== 0 && (y & 1) === 0) {
          const fromB = delta[prevBase + y - 1] + transitions[(y - 1) * L + y];
          const fromI = delta[prevBase + y] + transitions[y * L + y];
          if (fromI > fromB) {
            best = fromI;
            arg = y;
          } else {
            best = fromB;
            arg = y - 1;
          }
        } else {
          best = delta[prevBase] + transitions[y];
          arg = 0;
          for (let p = 1; p < L; p++) {
            const v = delta[prevBase + p] + transitions[p * L + y];
            if (v > best) {
              best = v;
              arg = p;
            }
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
    out[at + n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[at + i - 1] = back[i * L + out[at + i]];
  }
}
