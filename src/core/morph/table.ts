/**
 * Weight tables for the linear models: 32-bit feature keys mapped to rows of `width`
 * weights (one per class; width 1 for rankers whose keys already include the candidate).
 *
 * At run time a table is an open-addressing hash over typed arrays: one probe sequence per
 * feature, no objects, no strings. On disk it is a compact list of keys and weights
 * (quantized to 16 bits with one scale per table), rebuilt into the hash when loaded.
 */
import { MarsadError } from '../errors.js';

/** Anything that gives weights for feature keys: the run-time table or a table being trained. */
export interface WeightSource {
  readonly width: number;
  /** Adds the row of `key` (if present) into `out[offset…offset+width)`. */
  addRow(key: number, out: Float64Array, offset: number): void;
  /** The weight of `key` in column `col`, 0 when absent. */
  weight(key: number, col: number): number;
}

const MAGIC = 0x4d525354; // "MRST"
const VERSION = 1;

/**
 * A read-only weight table. Each slot holds its 32-bit key and its row of 16-bit weights
 * side by side (`stride` 16-bit cells), so that a lookup touches one cache line.
 */
export class FeatureTable implements WeightSource {
  readonly width: number;
  readonly size: number;
  /** Multiplier from stored 16-bit weights to real weights. */
  readonly scale: number;
  private readonly cells: Int16Array;
  private readonly keys: Int32Array;
  private readonly stride: number;
  private readonly mask: number;

  private constructor(width: number, cells: Int16Array, stride: number, capacity: number, size: number, scale: number) {
    this.width = width;
    this.cells = cells;
    this.keys = new Int32Array(cells.buffer, cells.byteOffset, cells.length >> 1);
    this.stride = stride;
    this.mask = capacity - 1;
    this.size = size;
    this.scale = scale;
  }

  /** Builds a table from parallel arrays: `keys[i]` owns `rows[i*width…(i+1)*width)`. Keys must be non-zero and distinct. */
  static build(width: number, keys: ArrayLike<number>, rows: ArrayLike<number>, scale?: number): FeatureTable {
    let maxAbs = 0;
    for (let i = 0; i < keys.length * width; i++) maxAbs = Math.max(maxAbs, Math.abs(rows[i]));
    const sc = scale ?? (maxAbs > 0 ? maxAbs / 32767 : 1);
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    const stride = (2 + width + 1) & ~1;
    const cells = new Int16Array(cap * stride);
    const keyView = new Int32Array(cells.buffer);
    const mask = cap - 1;
    const half = stride >> 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] | 0;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (keyView[slot * half] !== 0 && keyView[slot * half] !== key) slot = (slot + 1) & mask;
      keyView[slot * half] = key;
      for (let c = 0; c < width; c++) cells[slot * stride + 2 + c] = Math.max(-32767, Math.min(32767, Math.round(rows[i * width + c] / sc)));
    }
    return new FeatureTable(width, cells, stride, cap, keys.length, sc);
  }

  /** The cell index of `key`'s row, or -1. */
  find(key: number): number {
    const k = key | 0;
    const keys = this.keys;
    const mask = this.mask;
    const half = this.stride >> 1;
    let slot = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const found = keys[slot * half];
      if (found === k) return slot * this.stride + 2;
      if (found === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  addRow(key: number, out: Float64Array, offset: number): void {
    const at = this.find(key);
    if (at < 0) return;
    const w = this.width;
    const cells = this.cells;
    const scale = this.scale;
    for (let c = 0; c < w; c++) out[offset + c] += cells[at + c] * scale;
  }

  weight(key: number, col: number): number {
    const at = this.find(key);
    return at < 0 ? 0 : this.cells[at + col] * this.scale;
  }

  /** A copy with more rows (width 1 only): `keys[i]` gets `rows[i]`, replacing a row it had. Keeps the scale unless a new weight needs a larger one. */
  withRows(keys: readonly number[], rows: readonly number[]): FeatureTable {
    if (this.width !== 1) throw new MarsadError('INVALID_ARGUMENT', `withRows needs a table of width 1, not ${this.width}.`);
    const extra = new Map<number, number>();
    keys.forEach((k, i) => extra.set(k | 0, rows[i]));
    const allKeys: number[] = [];
    const allRows: number[] = [];
    const half = this.stride >> 1;
    for (let slot = 0; slot <= this.mask; slot++) {
      const key = this.keys[slot * half];
      if (key === 0 || extra.has(key)) continue;
      allKeys.push(key);
      allRows.push(this.cells[slot * this.stride + 2] * this.scale);
    }
    let maxAbs = this.scale * 32767;
    for (const [k, v] of extra) {
      allKeys.push(k);
      allRows.push(v);
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    return FeatureTable.build(1, allKeys, allRows, maxAbs / 32767);
  }

  /** A copy without the rows whose weights are all below `minAbs` in magnitude (smaller and faster, nearly as accurate). */
  pruned(minAbs: number): FeatureTable {
    const keys: number[] = [];
    const rows: number[] = [];
    const half = this.stride >> 1;
    const limit = minAbs / this.scale;
    for (let slot = 0; slot <= this.mask; slot++) {
      const key = this.keys[slot * half];
      if (key === 0) continue;
      const at = slot * this.stride + 2;
      let keep = false;
      for (let c = 0; c < this.width; c++) if (Math.abs(this.cells[at + c]) >= limit) keep = true;
      if (!keep) continue;
      keys.push(key);
      for (let c = 0; c < this.width; c++) rows.push(this.cells[at + c] * this.scale);
    }
    return FeatureTable.build(this.width, keys, rows, this.scale);
  }

  /** Serializes the table: header, keys, 16-bit weights with one scale. */
  serialize(): Uint8Array {
    const n = this.size;
    const w = this.width;
    const headerBytes = 20;
    const bytes = new Uint8Array(headerBytes + n * 4 + n * w * 2);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, VERSION, true);
    view.setUint32(8, w, true);
    view.setUint32(12, n, true);
    view.setFloat32(16, this.scale, true);
    let k = 0;
    const qOffset = headerBytes + n * 4;
    const half = this.stride >> 1;
    for (let slot = 0; slot <= this.mask; slot++) {
      const key = this.keys[slot * half];
      if (key === 0) continue;
      view.setInt32(headerBytes + k * 4, key, true);
      for (let c = 0; c < w; c++) view.setInt16(qOffset + (k * w + c) * 2, this.cells[slot * this.stride + 2 + c], true);
      k++;
    }
    return bytes;
  }

  /**
   * Reads a table written by {@link serialize}.
   * @throws MarsadError `MODEL_CORRUPT` when the bytes are not a table.
   */
  static deserialize(bytes: Uint8Array, name = 'table'): FeatureTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 20 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
      throw new MarsadError('MODEL_CORRUPT', `Morphology model file ${name} is not a weight table (bad header).`);
    }
    const w = view.getUint32(8, true);
    const n = view.getUint32(12, true);
    const scale = view.getFloat32(16, true);
    if (bytes.byteLength !== 20 + n * 4 + n * w * 2) {
      throw new MarsadError('MODEL_CORRUPT', `Morphology model file ${name} has ${bytes.byteLength} bytes, expected ${20 + n * 4 + n * w * 2}.`);
    }
    const keys = new Int32Array(n);
    const rows = new Float64Array(n * w);
    for (let i = 0; i < n; i++) keys[i] = view.getInt32(20 + i * 4, true);
    const qOffset = 20 + n * 4;
    for (let i = 0; i < n * w; i++) rows[i] = view.getInt16(qOffset + i * 2, true) * scale;
    return FeatureTable.build(w, keys, rows, scale);
  }
}
