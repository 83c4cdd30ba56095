/**
 * Word clusters from unlabeled news, computed by our own code (Ratinov & Roth 2009 use
 * Brown clusters; Lin & Wu 2009 show k-means over context vectors does as well for NER).
 *
 * 1. Tokens of the ANT corpus (all folds: it is unlabeled text for this purpose, and no
 *    NER score is reported on it), normalized with `normalize()` and hashed like the
 *    feature extractor does.
 * 2. For each word seen at least `minCount` times, counts of the words at offsets -2, -1,
 *    +1, +2 among the `contexts` most frequent words; positive PMI with context
 *    distribution smoothing (α = 0.75).
 * 3. A Gaussian random projection to `dims` dimensions, L2-normalized.
 * 4. Hierarchical spherical k-means: `k1` clusters, each split into `k2`, each of those into
 *    `k3`; the three levels are the three cluster features (coarse to fine), as the
 *    prefixes of a Brown bit string would be.
 */
import { hashString } from '../../src/core/entities/hash.js';
import { buildClusters, type WordClusters } from '../../src/core/entities/resources.js';
import { normalize } from '../../src/core/text/normalize.js';

/** Settings of {@link computeClusters}. */
export interface ClusterOptions {
  minCount: number;
  maxVocab: number;
  contexts: number;
  dims: number;
  k1: number;
  k2: number;
  k3: number;
  iterations: number;
  seed: number;
}

/** Defaults used for the committed model. */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  minCount: 3,
  maxVocab: 120_000,
  contexts: 2000,
  dims: 100,
  k1: 64,
  k2: 8,
  k3: 8,
  iterations: 8,
  seed: 20240601,
};

/** A small deterministic PRNG (mulberry32). */
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

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Computes clusters from texts (one string per article or paragraph). */
export function computeClusters(texts: Iterable<string>, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS, log = console.log): {
  clusters: WordClusters;
  stats: Record<string, number>;
} {
  const t0 = Date.now();
  // Pass 1: token ids per line.
  const idOf = new Map<number, number>();
  const counts: number[] = [];
  const seqs: Int32Array[] = [];
  let tokens = 0;
  for (const text of texts) {
    for (const line of normalize(text).split('\n')) {
      const toks = line.match(TOKEN);
      if (!toks) continue;
      const seq = new Int32Array(toks.length);
      for (let i = 0; i < toks.length; i++) {
        const h = hashString(toks[i]);
        let id = idOf.get(h);
        if (id === undefined) {
          id = counts.length;
          idOf.set(h, id);
          counts.push(0);
        }
        counts[id]++;
        seq[i] = id;
      }
      seqs.push(seq);
      tokens += toks.length;
    }
  }
  log(`clusters: ${tokens} tokens, ${counts.length} types (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const byFreq = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
  const vocabIndex = new Int32Array(counts.length).fill(-1);
  const ctxIndex = new Int32Array(counts.length).fill(-1);
  let V = 0;
  for (const id of byFreq) {
    if (counts[id] < options.minCount || V >= options.maxVocab) break;
    vocabIndex[id] = V++;
  }
  const C = options.contexts;
  for (let r = 0; r < Math.min(C, byFreq.length); r++) ctxIndex[byFreq[r]] = r;
  const F = 4 * (C + 1); // 4 offsets × (C words + sentence boundary)
  // Pass 2: (word, context feature) pairs, packed and sorted.
  let pairs = new Float64Array(tokens * 4);
  let np = 0;
  const OFFS = [-2, -1, 1, 2];
  for (const seq of seqs) {
    for (let i = 0; i < seq.length; i++) {
      const v = vocabIndex[seq[i]];
      if (v < 0) continue;
      for (let o = 0; o < 4; o++) {
        const j = i + OFFS[o];
        const c = j < 0 || j >= seq.length ? C : ctxIndex[seq[j]];
        if (c < 0) continue;
        if (np >= pairs.length) {
          const bigger = new Float64Array(pairs.length * 2);
          bigger.set(pairs);
          pairs = bigger;
        }
        pairs[np++] = v * F + o * (C + 1) + c;
      }
    }
  }
  const sorted = pairs.subarray(0, np).sort();
  pairs = new Float64Array(0);
  // CSR of counts.
  const rowStart = new Int32Array(V + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const featTotal = new Float64Array(F);
  const rowTotal = new Float64Array(V);
  let prevRow = -1;
  for (let k = 0; k < np; ) {
    const key = sorted[k];
    let m = k + 1;
    while (m < np && sorted[m] === key) m++;
    const row = Math.floor(key / F);
    const col = key - row * F;
    while (prevRow < row) rowStart[++prevRow] = cols.length;
    cols.push(col);
    vals.push(m - k);
    featTotal[col] += m - k;
    rowTotal[row] += m - k;
    k = m;
  }
  while (prevRow < V) rowStart[++prevRow] = cols.length;
  log(`clusters: vocab ${V}, ${cols.length} non-zero pairs (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  // PPMI with smoothed context distribution (values replace the counts in place).
  let smoothTotal = 0;
  const smooth = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    smooth[f] = Math.pow(featTotal[f], 0.75);
    smoothTotal += smooth[f];
  }
  const ppmi = new Float32Array(vals.length);
  for (let r = 0; r < V; r++) {
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const pmi = Math.log(vals[k] / rowTotal[r] / (smooth[cols[k]] / smoothTotal));
      ppmi[k] = pmi > 0 ? pmi : 0;
    }
  }
  const colIdx = Int32Array.from(cols);
  const D = options.dims;
  const rand = rng(options.seed);
  const emb = randomizedSvdEmbedding({ rowStart, cols: colIdx, vals: ppmi, rows: V, colsCount: F }, D, rand);
  log(`clusters: embeddings ${V}×${D} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  // Hierarchical spherical k-means.
  const all = Int32Array.from({ length: V }, (_, i) => i);
  const level1 = kmeans(emb, D, all, options.k1, options.iterations, rand);
  const ids = new Uint16Array(V * 3);
  let next2 = 1;
  let next3 = 1;
  for (let a = 0; a < options.k1; a++) {
    const members1 = all.filter((_, i) => level1[i] === a);
    if (members1.length === 0) continue;
    const level2 = kmeans(emb, D, members1, options.k2, options.iterations, rand);
    for (let b = 0; b < options.k2; b++) {
      const members2 = members1.filter((_, i) => level2[i] === b);
      if (members2.length === 0) continue;
      const id2 = next2++;
      const level3 = kmeans(emb, D, members2, options.k3, options.iterations, rand);
      const id3base = next3;
      next3 += options.k3;
      for (let i = 0; i < members2.length; i++) {
        const w = members2[i];
        ids[w * 3] = a + 1;
        ids[w * 3 + 1] = id2;
        ids[w * 3 + 2] = id3base + level3[i];
      }
    }
  }
  log(`clusters: k-means done (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const entries = new Map<number, number[]>();
  for (const [h, id] of idOf) {
    const v = vocabIndex[id];
    if (v >= 0) entries.set(h, [ids[v * 3], ids[v * 3 + 1], ids[v * 3 + 2]]);
  }
  return { clusters: buildClusters(entries, 3), stats: { tokens, vocab: V, pairs: cols.length, level2: next2 - 1, level3: next3 - 1 } };
}

/** Spherical k-means of the given rows of `emb` into `k` clusters; returns each member's cluster. */
function kmeans(emb: Float32Array, D: number, members: Int32Array, k: number, iterations: number, rand: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * D);
  // Initial centroids: distinct random members.
  const chosen = new Set<number>();
  for (let c = 0; c < k; c++) {
    let pick = Math.floor(rand() * n);
    while (chosen.has(pick)) pick = (pick + 1) % n;
    chosen.add(pick);
    cent.set(emb.subarray(members[pick] * D, members[pick] * D + D), c * D);
  }
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const base = members[i] * D;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const cb = c * D;
        let dot = 0;
        for (let d = 0; d < D; d++) dot += emb[base + d] * cent[cb + d];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[i] = arg;
    }
    cent.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const base = members[i] * D;
      const cb = assign[i] * D;
      sizes[assign[i]]++;
      for (let d = 0; d < D; d++) cent[cb + d] += emb[base + d];
    }
    for (let c = 0; c < k; c++) {
      const cb = c * D;
      if (sizes[c] === 0) {
        const pick = members[Math.floor(rand() * n)];
        cent.set(emb.subarray(pick * D, pick * D + D), cb);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[cb + d] * cent[cb + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[cb + d] /= norm;
    }
  }
  return assign;
}

/** A sparse matrix in compressed-row form. */
interface Csr {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  rows: number;
  colsCount: number;
}

/** Y (rows×k) = A X, with X (colsCount×k) dense row-major. */
function csrTimes(A: Csr, X: Float64Array, k: number): Float64Array {
  const Y = new Float64Array(A.rows * k);
  for (let r = 0; r < A.rows; r++) {
    const yb = r * k;
    for (let e = A.rowStart[r]; e < A.rowStart[r + 1]; e++) {
      const v = A.vals[e];
      if (v === 0) continue;
      const xb = A.cols[e] * k;
      for (let j = 0; j < k; j++) Y[yb + j] += v * X[xb + j];
    }
  }
  return Y;
}

/** Z (colsCount×k) = Aᵀ Y, with Y (rows×k). */
function csrTransposeTimes(A: Csr, Y: Float64Array, k: number): Float64Array {
  const Z = new Float64Array(A.colsCount * k);
  for (let r = 0; r < A.rows; r++) {
    const yb = r * k;
    for (let e = A.rowStart[r]; e < A.rowStart[r + 1]; e++) {
      const v = A.vals[e];
      if (v === 0) continue;
      const zb = A.cols[e] * k;
      for (let j = 0; j < k; j++) Z[zb + j] += v * Y[yb + j];
    }
  }
  return Z;
}

/** Orthonormalizes the k columns of a (n×k row-major) matrix in place (modified Gram–Schmidt, twice). */
function orthonormalize(M: Float64Array, n: number, k: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += M[r * k + i] * M[r * k + j];
        for (let r = 0; r < n; r++) M[r * k + j] -= dot * M[r * k + i];
      }
      let norm = 0;
      for (let r = 0; r < n; r++) norm += M[r * k + j] * M[r * k + j];
      norm = Math.sqrt(norm) || 1;
      for (let r = 0; r < n; r++) M[r * k + j] /= norm;
    }
  }
}

/** Eigen-decomposition of a symmetric k×k matrix by cyclic Jacobi; returns eigenvalues and eigenvectors (columns). */
function jacobiEigen(S: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(S);
  const Vm = new Float64Array(k * k);
  for (let i = 0; i < k; i++) Vm[i * k + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += A[p * k + q] * A[p * k + q];
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = A[p * k + q];
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (A[q * k + q] - A[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = A[r * k + p];
          const arq = A[r * k + q];
          A[r * k + p] = c * arp - s * arq;
          A[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = A[p * k + r];
          const aqr = A[q * k + r];
          A[p * k + r] = c * apr - s * aqr;
          A[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = Vm[r * k + p];
          const vrq = Vm[r * k + q];
          Vm[r * k + p] = c * vrp - s * vrq;
          Vm[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = A[i * k + i];
  return { values, vectors: Vm };
}

/**
 * Word vectors from a rank-`dims` randomized SVD of the PPMI matrix (Halko et al. 2011, two
 * power iterations), rows U·Σ^½, L2-normalized.
 */
function randomizedSvdEmbedding(A: Csr, dims: number, rand: () => number): Float32Array {
  const k = dims + 16;
  const omega = new Float64Array(A.colsCount * k);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);
  let Y = csrTimes(A, omega, k);
  orthonormalize(Y, A.rows, k);
  for (let it = 0; it < 2; it++) {
    const Z = csrTransposeTimes(A, Y, k);
    orthonormalize(Z, A.colsCount, k);
    Y = csrTimes(A, Z, k);
    orthonormalize(Y, A.rows, k);
  }
  // B = Qᵀ A (k × colsCount), stored as Bᵀ = Aᵀ Q; then B Bᵀ (k × k).
  const Bt = csrTransposeTimes(A, Y, k);
  const BBt = new Float64Array(k * k);
  for (let c = 0; c < A.colsCount; c++) {
    const b = c * k;
    for (let i = 0; i < k; i++) {
      const bi = Bt[b + i];
      if (bi === 0) continue;
      for (let j = i; j < k; j++) BBt[i * k + j] += bi * Bt[b + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) BBt[i * k + j] = BBt[j * k + i];
  const { values, vectors } = jacobiEigen(BBt, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => values[b] - values[a]).slice(0, dims);
  // U = Q · U_B; singular values σ = sqrt(λ); rows scaled by σ^½.
  const emb = new Float32Array(A.rows * dims);
  for (let r = 0; r < A.rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const col = order[d];
      let u = 0;
      for (let i = 0; i < k; i++) u += Y[r * k + i] * vectors[i * k + col];
      const v = u * Math.pow(Math.max(values[col], 0), 0.25);
      emb[r * dims + d] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) emb[r * dims + d] /= norm;
  }
  return emb;
}
