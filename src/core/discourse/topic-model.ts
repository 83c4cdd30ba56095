/**
 * The topic classifier: multinomial logistic regression over hashed unigram and bigram
 * term features, with sublinear term frequency times idf, L2-normalized per document.
 *
 * The model is one binary file so that it loads in milliseconds from bytes in Node or the
 * browser: a JSON header, then the sorted feature hashes, their idf, the int8-quantized
 * weights (one row per feature, one column per label) and the biases. A linear model over
 * a hash table is also what makes classification cost one lookup per token and bigram.
 */
import { MarsadError } from '../errors.js';
import { hashPair, type FeatureCounts } from './features.js';

/** What the header of a topic model says about it. */
export interface TopicModelHeader {
  format: 'marsad-topics';
  version: 1;
  /** Labels, in the order of the weight columns. */
  labels: string[];
  /** Name of the term function the features were built with (see `TERM_FUNCTIONS`). */
  termFunction: string;
  /** Whether bigram features are used. */
  bigrams: boolean;
  /** Softmax temperature fitted on the tuning fold, so scores behave as probabilities. */
  temperature: number;
  /** Per-label factor turning the int8 weights back into floats. */
  weightScale: number[];
  /** Factor turning the uint8 idf values back into floats. */
  idfScale: number;
}

/** A loaded topic model, ready to score documents. */
export interface TopicModel {
  readonly header: TopicModelHeader;
  readonly labels: readonly string[];
  /** Number of features. */
  readonly size: number;
  /** Row of a feature hash, or -1 when the model does not know it. */
  rowOf(hash: number): number;
  /** Idf of a row. */
  idf(row: number): number;
  /** Weight of a row for a label index. */
  weight(row: number, label: number): number;
  /** All weights, row-major (`weights[row * labels + label]`). */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

const MAGIC = 0x504f544d; // "MTOP" little-endian

/** The arrays a trainer hands to {@link encodeTopicModel}. */
export interface TopicModelArrays {
  header: Omit<TopicModelHeader, 'format' | 'version' | 'weightScale' | 'idfScale'>;
  /** Feature hashes (any order; they are sorted on encoding). */
  hashes: Uint32Array;
  /** Idf per feature. */
  idf: Float32Array;
  /** Weights, row-major: `weights[row * labels + label]`. */
  weights: Float32Array;
  bias: Float32Array;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Serializes a trained model, quantizing weights to int8 per label and idf to uint8. */
export function encodeTopicModel(model: TopicModelArrays): Uint8Array {
  const n = model.hashes.length;
  const c = model.header.labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => model.hashes[a] - model.hashes[b]);
  const weightScale: number[] = [];
  for (let k = 0; k < c; k++) {
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(model.weights[i * c + k]));
    weightScale.push(max > 0 ? max / 127 : 1);
  }
  let maxIdf = 0;
  for (let i = 0; i < n; i++) maxIdf = Math.max(maxIdf, model.idf[i]);
  const idfScale = maxIdf > 0 ? maxIdf / 255 : 1;
  const header: TopicModelHeader = { format: 'marsad-topics', version: 1, ...model.header, weightScale, idfScale };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = align4(8 + headerBytes.length);
  const hashesAt = headerEnd + 4;
  const idfAt = hashesAt + 4 * n;
  const weightsAt = idfAt + n;
  const biasAt = align4(weightsAt + n * c);
  const out = new Uint8Array(biasAt + 4 * c);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  view.setUint32(headerEnd, n, true);
  order.forEach((src, row) => {
    view.setUint32(hashesAt + 4 * row, model.hashes[src], true);
    out[idfAt + row] = Math.round(model.idf[src] / idfScale);
    for (let k = 0; k < c; k++) view.setInt8(weightsAt + row * c + k, Math.round(model.weights[src * c + k] / weightScale[k]));
  });
  for (let k = 0; k < c; k++) view.setFloat32(biasAt + 4 * k, model.bias[k], true);
  return out;
}

/**
 * Reads a topic model from its bytes.
 * @throws MarsadError `MODEL_CORRUPT` when the bytes are not a topic model of a known version.
 */
export function decodeTopicModel(bytes: Uint8Array): TopicModel {
  const corrupt = (why: string): MarsadError => new MarsadError('MODEL_CORRUPT', `Topic model is unreadable: ${why}.`);
  if (bytes.length < 12) throw corrupt('file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw corrupt('wrong magic number');
  const headerLength = view.getUint32(4, true);
  let header: TopicModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as TopicModelHeader;
  } catch {
    throw corrupt('header is not JSON');
  }
  if (header.format !== 'marsad-topics' || header.version !== 1) throw corrupt(`unknown format ${header.format} v${header.version}`);
  const headerEnd = align4(8 + headerLength);
  const n = view.getUint32(headerEnd, true);
  const c = header.labels.length;
  const hashesAt = headerEnd + 4;
  const idfAt = hashesAt + 4 * n;
  const weightsAt = idfAt + n;
  const biasAt = align4(weightsAt + n * c);
  if (bytes.length !== biasAt + 4 * c) throw corrupt(`expected ${biasAt + 4 * c} bytes, got ${bytes.length}`);

  // Open addressing, sized to a power of two at most half full, keyed by the hash itself.
  let capacity = 1;
  while (capacity < n * 2) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Uint32Array(capacity);
  const rows = new Int32Array(capacity).fill(-1);
  for (let row = 0; row < n; row++) {
    const h = view.getUint32(hashesAt + 4 * row, true);
    let slot = h & mask;
    while (rows[slot] >= 0) slot = (slot + 1) & mask;
    keys[slot] = h;
    rows[slot] = row;
  }
  const idf = new Float32Array(n);
  for (let row = 0; row < n; row++) idf[row] = bytes[idfAt + row] * header.idfScale;
  const weights = new Float32Array(n * c);
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset + weightsAt, n * c);
  for (let i = 0; i < n * c; i++) weights[i] = int8[i] * header.weightScale[i % c];
  const bias = new Float32Array(c);
  for (let k = 0; k < c; k++) bias[k] = view.getFloat32(biasAt + 4 * k, true);

  return {
    header,
    labels: header.labels,
    size: n,
    rowOf(hash) {
      let slot = hash & mask;
      for (;;) {
        const row = rows[slot];
        if (row < 0) return -1;
        if (keys[slot] === hash) return row;
        slot = (slot + 1) & mask;
      }
    },
    idf: (row) => idf[row],
    weight: (row, label) => weights[row * c + label],
    weights,
    bias,
  };
}

/**
 * The document vector the model sees: for each known feature, (1 + ln tf) × idf, scaled
 * to unit length. Features the model does not know are left out, as in training.
 */
export function documentVector(model: TopicModel, counts: FeatureCounts): { rows: Int32Array; values: Float32Array } {
  const rows: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [hash, tf] of counts) {
    const row = model.rowOf(hash);
    if (row < 0) continue;
    const v = (1 + Math.log(tf)) * model.idf(row);
    rows.push(row);
    values.push(v);
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { rows: Int32Array.from(rows), values: Float32Array.from(values, (v) => v * scale) };
}

/** Probabilities of each label (in model order) for a document's feature counts. */
export function labelProbabilities(model: TopicModel, counts: FeatureCounts): Float64Array {
  const c = model.labels.length;
  const z = new Float64Array(c);
  for (let k = 0; k < c; k++) z[k] = model.bias[k];
  // documentVector, inlined to keep the hot path free of intermediate arrays.
  const rows = new Int32Array(counts.size);
  const values = new Float64Array(counts.size);
  let m = 0;
  let norm = 0;
  for (const [hash, tf] of counts) {
    const row = model.rowOf(hash);
    if (row < 0) continue;
    const v = (1 + Math.log(tf)) * model.idf(row);
    rows[m] = row;
    values[m] = v;
    m++;
    norm += v * v;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    const weights = model.weights;
    for (let i = 0; i < m; i++) {
      const base = rows[i] * c;
      const v = values[i] * scale;
      for (let k = 0; k < c; k++) z[k] += v * weights[base + k];
    }
  }
  return softmax(z, model.header.temperature);
}

const SCRATCH = new WeakMap<TopicModel, Float64Array>();

/**
 * {@link labelProbabilities} straight from a document's term hashes (0 = not a word), as
 * the runtime stage calls it: counts go into a per-model scratch array indexed by feature
 * row, so unknown features cost one lookup and nothing is allocated per feature.
 */
export function labelProbabilitiesOfHashes(model: TopicModel, hashes: Uint32Array, isWord: Uint8Array, bigrams: boolean): Float64Array {
  let tf = SCRATCH.get(model);
  if (tf === undefined) {
    tf = new Float64Array(model.size);
    SCRATCH.set(model, tf);
  }
  const touched: number[] = [];
  const add = (hash: number): void => {
    const row = model.rowOf(hash);
    if (row < 0) return;
    if (tf[row] === 0) touched.push(row);
    tf[row]++;
  };
  let prev = -1;
  for (let i = 0; i < hashes.length; i++) {
    if (!isWord[i]) {
      prev = -1;
      continue;
    }
    const h = hashes[i];
    add(h);
    if (bigrams && prev >= 0) add(hashPair(prev, h));
    prev = h;
  }
  const c = model.labels.length;
  const z = new Float64Array(c);
  for (let k = 0; k < c; k++) z[k] = model.bias[k];
  let norm = 0;
  for (const row of touched) {
    const v = (1 + Math.log(tf[row])) * model.idf(row);
    tf[row] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    const weights = model.weights;
    for (const row of touched) {
      const base = row * c;
      const v = tf[row] * scale;
      for (let k = 0; k < c; k++) z[k] += v * weights[base + k];
    }
  }
  for (const row of touched) tf[row] = 0;
  return softmax(z, model.header.temperature);
}

/** Softmax of `z / temperature`, stable for large scores. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    out[k] = Math.exp((z[k] - max) / temperature);
    sum += out[k];
  }
  for (let k = 0; k < z.length; k++) out[k] /= sum;
  return out;
}
