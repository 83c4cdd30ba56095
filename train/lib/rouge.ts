/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004), on sequences of term keys, written here so the
 * summary figures depend on no outside scorer. Each score is reported as precision,
 * recall and F1 (β = 1); corpus figures are means over documents (macro).
 */

/** Precision, recall and F1 of one comparison. */
export interface PRF {
  p: number;
  r: number;
  f: number;
}

function prf(overlap: number, candidate: number, reference: number): PRF {
  const p = candidate > 0 ? overlap / candidate : 0;
  const r = reference > 0 ? overlap / reference : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join('\u0001');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** ROUGE-N with clipped n-gram counts. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): PRF {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return prf(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return prev[b.length];
}

/** ROUGE-L (summary-level LCS over the whole token sequences). */
export function rougeL(candidate: readonly string[], reference: readonly string[]): PRF {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** The three scores of one comparison. */
export interface RougeScores {
  r1: PRF;
  r2: PRF;
  rl: PRF;
}

/** ROUGE-1, -2 and -L of a candidate against a reference. */
export function rouge(candidate: readonly string[], reference: readonly string[]): RougeScores {
  return { r1: rougeN(candidate, reference, 1), r2: rougeN(candidate, reference, 2), rl: rougeL(candidate, reference) };
}

/** Accumulates macro-averaged ROUGE over documents. */
export class RougeAverage {
  private sums = { r1: { p: 0, r: 0, f: 0 }, r2: { p: 0, r: 0, f: 0 }, rl: { p: 0, r: 0, f: 0 } };
  private words = 0;
  n = 0;

  add(s: RougeScores, candidateWords: number): void {
    for (const k of ['r1', 'r2', 'rl'] as const) {
      this.sums[k].p += s[k].p;
      this.sums[k].r += s[k].r;
      this.sums[k].f += s[k].f;
    }
    this.words += candidateWords;
    this.n++;
  }

  /** Mean scores, and the mean candidate length in words. */
  mean(): RougeScores & { words: number } {
    const d = Math.max(1, this.n);
    const m = (x: PRF): PRF => ({ p: x.p / d, r: x.r / d, f: x.f / d });
    return { r1: m(this.sums.r1), r2: m(this.sums.r2), rl: m(this.sums.rl), words: this.words / d };
  }
}
