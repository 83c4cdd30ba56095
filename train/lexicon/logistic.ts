/**
 * A small, deterministic logistic-regression trainer (AdaGrad, L2), enough for the glue
 * model's two dozen features. Deterministic (seeded shuffle) so that `npm run train:lexicon`
 * rebuilds the same weights from the same data.
 */

/** A seeded PRNG (mulberry32), returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options for {@link trainLogistic}. */
export interface LogisticOptions {
  epochs: number;
  /** Weight of each negative row relative to a positive one (> 1 buys precision). */
  negativeWeight: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Fits weights on rows `x` (each with the same length) and 0/1 labels `y`. */
export function trainLogistic(x: readonly (readonly number[])[], y: readonly number[], options: LogisticOptions): number[] {
  const n = x[0]?.length ?? 0;
  const w = new Float64Array(n);
  const g2 = new Float64Array(n).fill(1e-8);
  const order = Array.from(x.keys());
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const row = x[i];
      let z = 0;
      for (let k = 0; k < n; k++) z += w[k] * row[k];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y[i]) * (y[i] === 1 ? 1 : options.negativeWeight);
      for (let k = 0; k < n; k++) {
        const gk = g * row[k] + options.l2 * w[k];
        g2[k] += gk * gk;
        w[k] -= (options.learningRate * gk) / Math.sqrt(g2[k]);
      }
    }
  }
  return Array.from(w, (v) => Math.round(v * 1e4) / 1e4);
}
