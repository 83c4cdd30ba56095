/**
 * Distributional word clusters from the unlabeled news, computed by our own code: each
 * frequent word is described by the words seen just left and right of it (positive PMI,
 * projected to a dense vector with fixed random vectors), and the vectors are grouped by
 * spherical k-means in two levels (coarse clusters, then fine clusters inside each), so
 * the tagger gets a coarse and a fine "kind of word" for words it never saw in the treebank.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/core/text/normalize.js';
import { codeFingerprint } from '../lib/cache.js';
import { readAnt, readSaudiNews } from '../lib/data.js';

/** Cluster ids by normalized word: `coarse * fine + fineIndex`, plus the shape of the tree. */
export interface WordClusters {
  clusters: Map<string, number>;
  coarse: number;
  fine: number;
}

/** Options for {@link buildClusters}. */
export interface ClusterOptions {
  /** Words that get a cluster: the most frequent ones (at least `minCount` occurrences). */
  maxWords: number;
  minCount: number;
  /** Context words: the most frequent ones. */
  contexts: number;
  dims: number;
  coarse: number;
  fine: number;
  iterations: number;
  /** Extra text to include (e.g. the treebank's own words), as token lists. */
  log?: (s: string) => void;
}

const TOKEN = /[\p{L}\p{M}\u0640]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
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

/** Spherical k-means on unit rows of `data` (n × d); returns the assignment of each row. */
function kmeans(data: Float32Array, rows: number[], d: number, k: number, iterations: number, seedValue: number): Int32Array {
  const n = rows.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const rand = rng(seedValue);
  const centers = new Float32Array(k * d);
  // Initialise from rows spread over the frequency ranking (rows come sorted by frequency).
  for (let c = 0; c < k; c++) {
    const r = rows[Math.floor((c + rand()) * (n / k))];
    centers.set(data.subarray(r * d, r * d + d), c * d);
  }
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const base = rows[i] * d;
      let best = 0;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const cb = c * d;
        for (let j = 0; j < d; j++) dot += data[base + j] * centers[cb + j];
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    centers.fill(0);
    for (let i = 0; i < n; i++) {
      const base = rows[i] * d;
      const cb = assign[i] * d;
      for (let j = 0; j < d; j++) centers[cb + j] += data[base + j];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += centers[c * d + j] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        const r = rows[Math.floor(rand() * n)];
        centers.set(data.subarray(r * d, r * d + d), c * d);
        continue;
      }
      for (let j = 0; j < d; j++) centers[c * d + j] /= norm;
    }
    if (changed === 0) break;
  }
  return assign;
}

/** The code that decides the clusters: this file, the corpus reader and the normalizer and tokenizer. */
const CLUSTER_CODE = ['train/morph/clusters.ts', 'train/lib/data.ts', 'src/core/text'];

/** Builds the clusters (cached under `var/morph-cache/`, keyed by the options and by the code that computes them). */
export function buildClusters(options: ClusterOptions, extraSentences: readonly string[][] = []): WordClusters {
  const key = `clusters-${options.maxWords}-${options.minCount}-${options.contexts}-${options.dims}-${options.coarse}-${options.fine}-${options.iterations}-${extraSentences.length}-${codeFingerprint(CLUSTER_CODE)}`;
  const cacheDir = join(process.cwd(), 'var', 'morph-cache');
  const cachePath = join(cacheDir, `${key}.json`);
  if (existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { clusters: [string, number][]; coarse: number; fine: number };
    return { clusters: new Map(cached.clusters), coarse: cached.coarse, fine: cached.fine };
  }
  const log = options.log ?? ((): void => {});
  // 1. The corpus as ids (-1 marks a boundary).
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const stream: number[] = [];
  const addText = (tokens: Iterable<string>): void => {
    for (const raw of tokens) {
      const w = normalize(raw);
      if (w === '') continue;
      let id = ids.get(w);
      if (id === undefined) {
        id = words.length;
        ids.set(w, id);
        words.push(w);
        counts.push(0);
      }
      counts[id]++;
      stream.push(id);
    }
    stream.push(-1);
  };
  const tokensOf = (text: string): string[] => text.split('\n').flatMap((line) => [...line.matchAll(TOKEN)].map((m) => m[0]).concat(['\n']));
  for (const a of readAnt()) if (a.fold < 8) addText(tokensOf(a.title + '\n' + a.text).filter((t) => t !== '\n'));
  for (const a of readSaudiNews()) addText(tokensOf(a.title + '\n' + a.text).filter((t) => t !== '\n'));
  for (const s of extraSentences) addText(s);
  log(`clusters: ${stream.length} tokens, ${words.length} types`);
  // 2. Targets and contexts by frequency.
  const order = words.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
  const targetIndex = new Int32Array(words.length).fill(-1);
  const targets: number[] = [];
  for (const id of order) {
    if (targets.length >= options.maxWords || counts[id] < options.minCount) break;
    targetIndex[id] = targets.length;
    targets.push(id);
  }
  const contextIndex = new Int32Array(words.length).fill(-1);
  for (let i = 0; i < Math.min(options.contexts, order.length); i++) contextIndex[order[i]] = i;
  const C = options.contexts;
  // 3. Sparse co-occurrence counts: left contexts in [0, C], right in [C+1, 2C+1] (index C / 2C+1 = other or boundary).
  const cooc: Map<number, number>[] = targets.map(() => new Map());
  const contextTotals = new Float64Array(2 * C + 2);
  let total = 0;
  for (let i = 0; i < stream.length; i++) {
    const id = stream[i];
    if (id < 0) continue;
    const t = targetIndex[id];
    if (t < 0) continue;
    const left = i > 0 ? stream[i - 1] : -1;
    const right = i + 1 < stream.length ? stream[i + 1] : -1;
    const l = left < 0 ? C : contextIndex[left] < 0 ? C : contextIndex[left];
    const r = C + 1 + (right < 0 ? C : contextIndex[right] < 0 ? C : contextIndex[right]);
    const m = cooc[t];
    m.set(l, (m.get(l) ?? 0) + 1);
    m.set(r, (m.get(r) ?? 0) + 1);
    contextTotals[l]++;
    contextTotals[r]++;
    total += 2;
  }
  // 4. PPMI, projected with random Gaussian vectors, then unit length.
  const d = options.dims;
  const rand = rng(7);
  const proj = new Float32Array((2 * C + 2) * d);
  for (let i = 0; i < proj.length; i++) proj[i] = gaussian(rand);
  const vectors = new Float32Array(targets.length * d);
  for (let t = 0; t < targets.length; t++) {
    const m = cooc[t];
    let rowTotal = 0;
    for (const c of m.values()) rowTotal += c;
    const base = t * d;
    for (const [ctx, c] of m) {
      const pmi = Math.log((c * total) / (rowTotal * contextTotals[ctx]));
      if (pmi <= 0) continue;
      const pb = ctx * d;
      for (let j = 0; j < d; j++) vectors[base + j] += pmi * proj[pb + j];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += vectors[base + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) vectors[base + j] /= norm;
  }
  log(`clusters: ${targets.length} words projected to ${d} dimensions`);
  // 5. Two-level spherical k-means.
  const all = targets.map((_, i) => i);
  const top = kmeans(vectors, all, d, options.coarse, options.iterations, 11);
  const clusters = new Map<string, number>();
  for (let c = 0; c < options.coarse; c++) {
    const members = all.filter((i) => top[i] === c);
    const sub = kmeans(vectors, members, d, options.fine, options.iterations, 100 + c);
    members.forEach((m, j) => clusters.set(words[targets[m]], c * options.fine + sub[j]));
  }
  log(`clusters: ${clusters.size} words in ${options.coarse}×${options.fine} clusters`);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath, JSON.stringify({ clusters: [...clusters], coarse: options.coarse, fine: options.fine }));
  return { clusters, coarse: options.coarse, fine: options.fine };
}
