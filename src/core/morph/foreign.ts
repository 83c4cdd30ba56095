/**
 * How "foreign" a word's letters look, as PADT sees it. PADT's annotators tagged `X` the
 * words their morphological analyser did not know, mostly transliterated names
 * (`ساندون`, `خميلنيتسكي`), and left such a token whole even with a conjunction on it
 * (`وساندون`), while `و + سياسة` is split. Whether a stem is such a word is therefore part
 * of the segmentation decision, and letter trigrams say a lot about it.
 *
 * The score is a naive-Bayes log-odds over letter trigrams (the word padded with `^` and
 * `$`), learned from the treebank's word types tagged `X` against its other content words,
 * averaged over the word's trigrams so that long and short words compare. One scalar,
 * bucketed, generalizes to unseen words where thousands of sparse trigram features would
 * not (those were tried on the segmenter and did not help: docs/MORPHOLOGY.md).
 */
import { finish, mixInt, seed } from './hash.js';
import type { WeightSource } from './table.js';

const T_FOREIGN = 0xf0e1;
const PAD_START = 0x5e; // '^'
const PAD_END = 0x24; // '$'

function codeAt(s: string, from: number, to: number, i: number): number {
  return i < from ? PAD_START : i >= to ? PAD_END : s.charCodeAt(i);
}

/** Key of the letter trigram ending at position `i` of the slice `s[from…to)` padded with `^^` and `$`. */
function trigramKey(s: string, from: number, to: number, i: number): number {
  let h = seed(T_FOREIGN);
  h = mixInt(h, codeAt(s, from, to, i - 2));
  h = mixInt(h, codeAt(s, from, to, i - 1));
  h = mixInt(h, codeAt(s, from, to, i));
  return finish(h);
}

/** Calls `visit` with the key of every letter trigram of `s[from…to)`, padding included. */
export function forEachTrigram(s: string, from: number, to: number, visit: (key: number) => void): void {
  for (let i = from; i <= to; i++) visit(trigramKey(s, from, to, i));
}

/** Mean trigram log-odds (log₂, X against other words) of `s[from…to)` under `weights` (width 1). */
export function foreignness(weights: WeightSource, s: string, from = 0, to = s.length): number {
  let sum = 0;
  for (let i = from; i <= to; i++) sum += weights.weight(trigramKey(s, from, to, i), 0);
  return sum / (to - from + 1);
}

/** {@link foreignness} in 12 buckets of half a bit, clamped to [-3, 3). */
export function foreignnessBucket(score: number): number {
  return Math.max(0, Math.min(11, Math.floor((score + 3) * 2)));
}

/** Letter-trigram counts of word types by class, from which {@link foreignWeights} are computed. */
export class ForeignCounts {
  /** Trigram key → [count in X types, count in other types]. */
  readonly counts = new Map<number, [number, number]>();
  readonly totals: [number, number] = [0, 0];

  /** Counts the trigrams of one word type. */
  addType(norm: string, isX: boolean): void {
    const c = isX ? 0 : 1;
    forEachTrigram(norm, 0, norm.length, (key) => {
      let row = this.counts.get(key);
      if (!row) this.counts.set(key, (row = [0, 0]));
      row[c]++;
      this.totals[c]++;
    });
  }

  /** Adds another set's counts to these. */
  absorb(other: ForeignCounts): void {
    for (const [key, [x, a]] of other.counts) {
      const row = this.counts.get(key);
      if (row) {
        row[0] += x;
        row[1] += a;
      } else this.counts.set(key, [x, a]);
    }
    this.totals[0] += other.totals[0];
    this.totals[1] += other.totals[1];
  }

  /** These counts minus another set's (the held-out view of a fold). */
  minus(other: ForeignCounts): ForeignCounts {
    const out = new ForeignCounts();
    for (const [key, [x, a]] of this.counts) {
      const o = other.counts.get(key);
      const row: [number, number] = [x - (o?.[0] ?? 0), a - (o?.[1] ?? 0)];
      if (row[0] > 0 || row[1] > 0) out.counts.set(key, row);
    }
    out.totals[0] = this.totals[0] - other.totals[0];
    out.totals[1] = this.totals[1] - other.totals[1];
    return out;
  }
}

/**
 * The trigram weights: log₂ of the trigram's smoothed rate in X types over its rate in
 * other types. Trigrams seen fewer than `minCount` times in all are left out (weight 0).
 */
export function foreignWeights(counts: ForeignCounts, minCount = 3): Map<number, number> {
  const out = new Map<number, number>();
  const [nx, na] = counts.totals;
  if (nx === 0 || na === 0) return out;
  for (const [key, [x, a]] of counts.counts) {
    if (x + a < minCount) continue;
    out.set(key, Math.log2((x + 0.5) / nx) - Math.log2((a + 0.5) / na));
  }
  return out;
}

/** A {@link WeightSource} over a map of weights, for training (the model stores them in a table). */
export class MapWeights implements WeightSource {
  readonly width = 1;
  constructor(readonly weights: ReadonlyMap<number, number>) {}

  addRow(key: number, out: Float64Array, offset: number): void {
    out[offset] += this.weights.get(key) ?? 0;
  }

  weight(key: number, col: number): number {
    return col === 0 ? (this.weights.get(key) ?? 0) : 0;
  }
}
