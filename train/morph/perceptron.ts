/**
 * Averaged perceptron weights for training (Collins 2002, with the usual trick: keep the
 * weights `w` and the step-weighted sum of updates `u`; the average is `w - u / steps`).
 * Implements the core's `WeightSource`, so the very feature and scoring code used at run
 * time drives training, and exports a pruned, averaged `FeatureTable`.
 */
import { FeatureTable, type WeightSource } from '../../src/core/morph/table.js';

/** A growable table of weight rows keyed by 32-bit feature hashes. */
export class TrainableTable implements WeightSource {
  readonly width: number;
  private readonly index = new Map<number, number>();
  private w: Float64Array;
  private u: Float64Array;
  private rows = 0;
  /** Number of training steps so far (call {@link tick} once per example). */
  steps = 1;

  constructor(width: number, initialRows = 1 << 16) {
    this.width = width;
    this.w = new Float64Array(initialRows * width);
    this.u = new Float64Array(initialRows * width);
  }

  /** Rows allocated so far. */
  get size(): number {
    return this.rows;
  }

  private row(key: number): number {
    let r = this.index.get(key);
    if (r !== undefined) return r;
    r = this.rows++;
    if (r * this.width >= this.w.length) {
      const w = new Float64Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    this.index.set(key, r);
    return r;
  }

  addRow(key: number, out: Float64Array, offset: number): void {
    const r = this.index.get(key);
    if (r === undefined) return;
    const base = r * this.width;
    for (let c = 0; c < this.width; c++) out[offset + c] += this.w[base + c];
  }

  weight(key: number, col: number): number {
    const r = this.index.get(key);
    return r === undefined ? 0 : this.w[r * this.width + col];
  }

  /** Adds `delta` to the weight of `key` in column `col`. */
  update(key: number, col: number, delta: number): void {
    const i = this.row(key) * this.width + col;
    this.w[i] += delta;
    this.u[i] += this.steps * delta;
  }

  /** Counts one training example (for averaging). */
  tick(): void {
    this.steps++;
  }

  /** Calls `visit` with each key and its averaged row (reused between calls). */
  forEachAveraged(visit: (key: number, row: Float64Array) => void): void {
    const row = new Float64Array(this.width);
    for (const [key, r] of this.index) {
      const base = r * this.width;
      for (let c = 0; c < this.width; c++) row[c] = this.w[base + c] - this.u[base + c] / this.steps;
      visit(key, row);
    }
  }

  /** The averaged weights as a run-time table, dropping rows whose weights are all below `epsilon` in magnitude. */
  averaged(epsilon = 1e-3): FeatureTable {
    return keptRows(this.width, epsilon, (add) => this.forEachAveraged(add));
  }
}

/** A run-time table of the rows `each` hands to `add`, without those whose weights are all below `epsilon` in magnitude. */
function keptRows(width: number, epsilon: number, each: (add: (key: number, row: ArrayLike<number>) => void) => void): FeatureTable {
  const keys: number[] = [];
  const values: number[] = [];
  each((key, row) => {
    let keep = false;
    for (let c = 0; c < width; c++) if (Math.abs(row[c]) >= epsilon) keep = true;
    if (!keep) return;
    keys.push(key);
    for (let c = 0; c < width; c++) values.push(row[c]);
  });
  return FeatureTable.build(width, keys, values);
}

/**
 * The mean of several tables' averaged weights, as one run-time table: perceptrons trained on
 * different shuffles, ensembled at no run-time cost. Rows whose mean is below `epsilon`
 * everywhere are dropped, as in {@link TrainableTable.averaged}.
 */
export function meanOfAveraged(tables: readonly TrainableTable[], epsilon = 1e-3): FeatureTable {
  const width = tables[0].width;
  const sums = new Map<number, Float64Array>();
  for (const t of tables) {
    t.forEachAveraged((key, row) => {
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = new Float64Array(width)));
      for (let c = 0; c < width; c++) sum[c] += row[c];
    });
  }
  for (const sum of sums.values()) for (let c = 0; c < width; c++) sum[c] /= tables.length;
  return keptRows(width, epsilon, (add) => sums.forEach((sum, key) => add(key, sum)));
}
