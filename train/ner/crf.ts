/**
 * Linear-chain CRF training (Lafferty et al. 2001) with L2 regularization, optimized with
 * L-BFGS. Same parametrization as the runtime model (emission weights per feature and label,
 * transition scores, a start row), and the same BIO constraints: forbidden transitions get
 * probability zero in training as they get −∞ in Viterbi, so the learned scores are the
 * ones the decoder uses.
 */
import { LABEL_COUNT, bioTransitions } from '../../src/core/entities/labels.js';

/** An encoded sentence (see `perceptron.ts`). */
export interface EncodedSentence {
  ids: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
}

/** CRF training settings. */
export interface CrfOptions {
  /** L2 penalty: the objective adds `l2 · ‖w‖² / 2`. */
  l2: number;
  iterations: number;
  /** L-BFGS history size. */
  memory: number;
  /** Called every `every` iterations with the current weights. */
  onIteration?: (iteration: number, weights: { w: Float32Array; trans: Float32Array }, loss: number) => void;
  every?: number;
  log?: (msg: string) => void;
}

const L = LABEL_COUNT;
const ALLOWED = bioTransitions();

/**
 * Negative log-likelihood + L2 and its gradient. `theta` holds the emission weights
 * (features × L) followed by the transitions ((L+1) × L).
 */
function objective(data: readonly EncodedSentence[], features: number, theta: Float64Array, grad: Float64Array, l2: number): number {
  const E = features * L;
  grad.fill(0);
  let nll = 0;
  const M = new Float64Array((L + 1) * L);
  for (let k = 0; k < M.length; k++) M[k] = ALLOWED[k] ? Math.exp(theta[E + k]) : 0;
  let cap = 0;
  let em = new Float64Array(0);
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  let scale = new Float64Array(0);
  for (const s of data) {
    const n = s.gold.length;
    if (n === 0) continue;
    if (n > cap) {
      cap = n * 2;
      em = new Float64Array(cap * L);
      alpha = new Float64Array(cap * L);
      beta = new Float64Array(cap * L);
      scale = new Float64Array(cap);
    }
    // Emission scores, shifted by their max per position, exponentiated.
    let logShift = 0;
    let goldScore = 0;
    for (let i = 0; i < n; i++) {
      const b = i * L;
      for (let y = 0; y < L; y++) em[b + y] = 0;
      for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
        const row = s.ids[k] * L;
        for (let y = 0; y < L; y++) em[b + y] += theta[row + y];
      }
      goldScore += em[b + s.gold[i]] + theta[E + (i === 0 ? L : s.gold[i - 1]) * L + s.gold[i]];
      let m = -Infinity;
      for (let y = 0; y < L; y++) if (em[b + y] > m) m = em[b + y];
      for (let y = 0; y < L; y++) em[b + y] = Math.exp(em[b + y] - m);
      logShift += m;
    }
    // Forward, scaled.
    let logZ = logShift;
    for (let i = 0; i < n; i++) {
      const b = i * L;
      let sum = 0;
      for (let y = 0; y < L; y++) {
        let a = 0;
        if (i === 0) a = M[L * L + y];
        else for (let p = 0; p < L; p++) a += alpha[b - L + p] * M[p * L + y];
        a *= em[b + y];
        alpha[b + y] = a;
        sum += a;
      }
      scale[i] = sum;
      for (let y = 0; y < L; y++) alpha[b + y] /= sum;
      logZ += Math.log(sum);
    }
    nll += logZ - goldScore;
    // Backward, with the same scales.
    const last = (n - 1) * L;
    for (let y = 0; y < L; y++) beta[last + y] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * L;
      const nb = b + L;
      for (let p = 0; p < L; p++) {
        let acc = 0;
        for (let y = 0; y < L; y++) acc += M[p * L + y] * em[nb + y] * beta[nb + y];
        beta[b + p] = acc / scale[i + 1];
      }
    }
    // Expected counts minus empirical counts.
    for (let i = 0; i < n; i++) {
      const b = i * L;
      const g = s.gold[i];
      for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
        const row = s.ids[k] * L;
        for (let y = 0; y < L; y++) grad[row + y] += alpha[b + y] * beta[b + y];
        grad[row + g] -= 1;
      }
      if (i === 0) {
        for (let y = 0; y < L; y++) grad[E + L * L + y] += alpha[y] * beta[y];
        grad[E + L * L + g] -= 1;
      } else {
        const pb = b - L;
        for (let p = 0; p < L; p++) {
          const ap = alpha[pb + p];
          if (ap === 0) continue;
          for (let y = 0; y < L; y++) {
            const mpy = M[p * L + y];
            if (mpy === 0) continue;
            grad[E + p * L + y] += (ap * mpy * em[b + y] * beta[b + y]) / scale[i];
          }
        }
        grad[E + s.gold[i - 1] * L + g] -= 1;
      }
    }
  }
  let reg = 0;
  for (let k = 0; k < theta.length; k++) {
    reg += theta[k] * theta[k];
    grad[k] += l2 * theta[k];
  }
  return nll + (l2 * reg) / 2;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function split(theta: Float64Array, features: number): { w: Float32Array; trans: Float32Array } {
  const E = features * L;
  return { w: Float32Array.from(theta.subarray(0, E)), trans: Float32Array.from(theta.subarray(E)) };
}

/** Trains a CRF; returns averaged-model-shaped weights (w, trans) for the shared export path. */
export function trainCrf(data: readonly EncodedSentence[], features: number, options: CrfOptions): { w: Float32Array; trans: Float32Array } {
  const dim = features * L + (L + 1) * L;
  const x = new Float64Array(dim);
  const g = new Float64Array(dim);
  let f = objective(data, features, x, g, options.l2);
  const m = options.memory;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alphaBuf = new Float64Array(m);
  for (let it = 1; it <= options.iterations; it++) {
    // Two-loop recursion: dir = −H·g.
    dir.set(g);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k] * dot(S[k], dir);
      alphaBuf[k] = a;
      const yk = Y[k];
      for (let i = 0; i < dim; i++) dir[i] -= a * yk[i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < dim; i++) dir[i] *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g)) || 1;
      for (let i = 0; i < dim; i++) dir[i] /= gn;
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k] * dot(Y[k], dir);
      const sk = S[k];
      const c = alphaBuf[k] - b;
      for (let i = 0; i < dim; i++) dir[i] += c * sk[i];
    }
    for (let i = 0; i < dim; i++) dir[i] = -dir[i];
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      const gn = Math.sqrt(dot(g, g)) || 1;
      for (let i = 0; i < dim; i++) dir[i] = -g[i] / gn;
      slope = dot(g, dir);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let fNew = 0;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < dim; i++) xNew[i] = x[i] + step * dir[i];
      fNew = objective(data, features, xNew, gNew, options.l2);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const improvement = (f - fNew) / Math.max(1, Math.abs(f));
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (it % (options.every ?? 10) === 0 || it === options.iterations) {
      options.log?.(`iteration ${it}: objective ${f.toFixed(1)} (step ${step})`);
      options.onIteration?.(it, split(x, features), f);
    }
    if (improvement < 1e-7 && it > 20) {
      options.log?.(`converged at iteration ${it}`);
      if (it % (options.every ?? 10) !== 0) options.onIteration?.(it, split(x, features), f);
      break;
    }
  }
  return split(x, features);
}

