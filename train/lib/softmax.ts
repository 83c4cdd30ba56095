/**
 * Multinomial logistic regression trained by SGD on sparse, L2-normalized vectors, plus
 * the fold metrics (accuracy, macro-F1, confusion) and temperature fitting that the topic
 * training script needs. Plain TypeScript: the data are small (tens of thousands of
 * documents), so one epoch takes about a second.
 */

/** A sparse example: feature rows with values, and the gold label index. */
export interface SparseExample {
  rows: Int32Array;
  values: Float32Array;
  label: number;
}

/** Hyperparameters of {@link trainSoftmax}. */
export interface SoftmaxOptions {
  epochs: number;
  /** Initial learning rate; decays as 1 / (1 + epoch). */
  learningRate: number;
  /** L2 penalty, applied lazily to the weights an example touches. */
  l2: number;
  seed: number;
  /** Optional per-example weight (e.g. to balance classes). */
  exampleWeight?: (e: SparseExample) => number;
}

/** Weights and biases of a trained model, row-major `weights[row * classes + k]`. */
export interface SoftmaxModel {
  weights: Float32Array;
  bias: Float32Array;
  classes: number;
}

/** A small deterministic PRNG (mulberry32), so that runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw scores (logits) of one example. */
export function logits(model: SoftmaxModel, e: Pick<SparseExample, 'rows' | 'values'>): Float64Array {
  const c = model.classes;
  const z = new Float64Array(c);
  for (let k = 0; k < c; k++) z[k] = model.bias[k];
  for (let i = 0; i < e.rows.length; i++) {
    const base = e.rows[i] * c;
    const v = e.values[i];
    for (let k = 0; k < c; k++) z[k] += v * model.weights[base + k];
  }
  return z;
}

function softmaxInPlace(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp((z[k] - max) / temperature);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return z;
}

/** Trains multinomial logistic regression by SGD. */
export function trainSoftmax(examples: readonly SparseExample[], features: number, classes: number, o: SoftmaxOptions): SoftmaxModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const model = { weights, bias, classes };
  const random = rng(o.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = o.learningRate / (1 + epoch);
    for (const idx of order) {
      const e = examples[idx];
      const p = softmaxInPlace(logits(model, e));
      const w = o.exampleWeight ? o.exampleWeight(e) : 1;
      p[e.label] -= 1;
      for (let k = 0; k < classes; k++) bias[k] -= lr * w * p[k];
      const decay = 1 - lr * o.l2;
      for (let i = 0; i < e.rows.length; i++) {
        const base = e.rows[i] * classes;
        const v = e.values[i] * lr * w;
        for (let k = 0; k < classes; k++) weights[base + k] = weights[base + k] * decay - v * p[k];
      }
    }
  }
  return model;
}

/** Index of the largest value. */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/** Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix of predictions. */
export interface FoldScores {
  n: number;
  accuracy: number;
  /** Mean F1 over the labels that occur in the gold data. */
  macroF1: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[gold][predicted] = count, over label names. */
  confusion: Record<string, Record<string, number>>;
}

/** Scores predictions against gold labels (both as label names). */
export function scoreFold(gold: readonly string[], predicted: readonly string[]): FoldScores {
  const labels = [...new Set([...gold, ...predicted])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) {
    confusion[g] = {};
    for (const p of labels) confusion[g][p] = 0;
  }
  let correct = 0;
  gold.forEach((g, i) => {
    confusion[g][predicted[i]]++;
    if (g === predicted[i]) correct++;
  });
  const perLabel: FoldScores['perLabel'] = {};
  const goldLabels = [...new Set(gold)].sort();
  for (const l of labels) {
    const tp = confusion[l][l];
    const support = gold.filter((g) => g === l).length;
    const predictedCount = predicted.filter((p) => p === l).length;
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision, recall, f1, support };
  }
  const macroF1 = goldLabels.reduce((s, l) => s + perLabel[l].f1, 0) / goldLabels.length;
  return { n: gold.length, accuracy: correct / gold.length, macroF1, perLabel, confusion };
}

/** The softmax temperature minimizing the negative log-likelihood of held-out examples (golden-section search). */
export function fitTemperature(model: SoftmaxModel, examples: readonly SparseExample[]): number {
  const z = examples.map((e) => logits(model, e));
  const nll = (t: number): number => {
    let s = 0;
    z.forEach((zz, i) => {
      const p = softmaxInPlace(Float64Array.from(zz), t);
      s -= Math.log(Math.max(p[examples[i].label], 1e-12));
    });
    return s / examples.length;
  };
  let lo = 0.05;
  let hi = 10;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (nll(a) < nll(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/** Probabilities of one example at a temperature. */
export function probabilities(model: SoftmaxModel, e: Pick<SparseExample, 'rows' | 'values'>, temperature = 1): Float64Array {
  return softmaxInPlace(logits(model, e), temperature);
}
