/**
 * Scoring the glue splitter on real text, shared by threshold tuning (fold 8) and the
 * report (fold 9). Every glued pair and every untouched word keeps all its scored
 * candidates, so that any set of thresholds can be evaluated without re-running the
 * splitter; decisions use the splitter's own `pickGlueCandidate`.
 */
import type { Lexicon } from '../../src/core/text/lexicon.js';
import { GLUE_CLASSES, pickGlueCandidate, type GlueClass, type GlueSplitter, type ScoredGlueCandidate } from '../../src/core/text/repair.js';
import type { CorpusText } from './corpus.js';
import { gluedPairs, textWords } from './glue-data.js';

/** A concatenation seen at least this often in the lexicon is itself a frequent word: the pair is ambiguous. */
export const AMBIGUOUS_COUNT = 5;

/** Thresholds per junction class. */
export type Thresholds = Record<GlueClass, number>;

/** One glued pair with its candidates. */
export interface ScoredPair {
  glued: string;
  /** Where the cut belongs. */
  cut: number;
  wholeCount: number;
  /** The right word starts with the conjunction و (the commonest scraping glue). */
  waw: boolean;
  candidates: ScoredGlueCandidate[];
}

/** One untouched word with its candidates (only words that have some). */
export interface ScoredWord {
  raw: string;
  wholeCount: number;
  candidates: ScoredGlueCandidate[];
}

/** Scores of a held-out set. */
export interface ScoredSet {
  pairs: ScoredPair[];
  words: ScoredWord[];
  /** Untouched Arabic word tokens looked at (the denominator of false splits). */
  wordTokens: number;
}

/** Scores the glued pairs and the untouched words of the texts. */
export function scoreTexts(texts: readonly CorpusText[], splitter: GlueSplitter, lexicon: Lexicon): ScoredSet {
  const pairs: ScoredPair[] = [];
  for (const p of gluedPairs(texts)) {
    const c = splitter.candidates(p.glued, p.norm);
    pairs.push({ glued: p.glued, cut: p.cut, wholeCount: lexicon.count(p.norm), waw: p.right.startsWith('و'), candidates: c?.candidates ?? [] });
  }
  const words: ScoredWord[] = [];
  let wordTokens = 0;
  for (const w of textWords(texts)) {
    wordTokens++;
    const c = splitter.candidates(w.raw, w.norm);
    if (c !== null && c.candidates.length > 0) words.push({ raw: w.raw, wholeCount: c.wholeCount, candidates: c.candidates });
  }
  return { pairs, words, wordTokens };
}

/** The split made at these thresholds (and fast-path count), or null. */
export function decide(
  item: { candidates: readonly ScoredGlueCandidate[]; wholeCount: number },
  thresholds: Thresholds,
  knownCount = Infinity,
): ScoredGlueCandidate | null {
  if (item.wholeCount >= knownCount) return null;
  const top = pickGlueCandidate(item.candidates, thresholds);
  return top !== null && top.margin > 0 ? top.item : null;
}

/** Precision, recall and F1 of exact splits. */
export interface SplitFigures {
  pairs: number;
  split: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Figures of exact splits over `pairs`. */
export function splitFigures(pairs: readonly ScoredPair[], thresholds: Thresholds, knownCount = Infinity): SplitFigures {
  let split = 0;
  let correct = 0;
  for (const p of pairs) {
    const d = decide(p, thresholds, knownCount);
    if (d === null) continue;
    split++;
    if (d.cut === p.cut) correct++;
  }
  const precision = split === 0 ? 1 : correct / split;
  const recall = pairs.length === 0 ? 0 : correct / pairs.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: pairs.length, split, correct, precision, recall, f1 };
}

/** Untouched words split at these thresholds, with the split made. */
export function flaggedWords(set: ScoredSet, thresholds: Thresholds, knownCount = Infinity): { raw: string; split: string; kind: GlueClass; wholeCount: number }[] {
  const out: { raw: string; split: string; kind: GlueClass; wholeCount: number }[] = [];
  for (const w of set.words) {
    const d = decide(w, thresholds, knownCount);
    if (d !== null) out.push({ raw: w.raw, split: `${d.candidate.left}+${d.candidate.right}`, kind: d.candidate.kind, wholeCount: w.wholeCount });
  }
  return out;
}

/** The same threshold for every class. */
export function uniformThresholds(t: number): Thresholds {
  return Object.fromEntries(GLUE_CLASSES.map((c) => [c, t])) as Thresholds;
}

/** Rounds a ratio to a percentage with two decimals. */
export function pct(x: number): number {
  return Math.round(x * 10000) / 100;
}

/** Figures rounded for printing and manifests. */
export function roundFigures(f: SplitFigures): SplitFigures {
  return { ...f, precision: pct(f.precision), recall: pct(f.recall), f1: pct(f.f1) };
}

/**
 * A scored set flattened into typed arrays, for evaluating many threshold settings fast
 * (the same decision rule as {@link decide}: the candidate with the highest margin, split when positive).
 */
export interface CompiledSet {
  /** For pairs then words: offset of each item's first candidate in the candidate arrays (length items + 1). */
  start: Int32Array;
  pairCount: number;
  wordCount: number;
  kind: Uint8Array;
  score: Float64Array;
  /** Pairs: 1 when the candidate is the right cut. Words: 1 when the audit says the split is a real glue (a correct repair). */
  correct: Uint8Array;
}

/** Flattens the pairs (only those given) and words of a scored set; `audit` marks word splits known to be real glue. */
export function compileSet(pairs: readonly ScoredPair[], words: readonly ScoredWord[], audit: Audit = new Map()): CompiledSet {
  const items = [...pairs.map((p) => ({ c: p.candidates, cut: p.cut })), ...words.map((w) => ({ c: w.candidates, cut: -1 }))];
  const n = items.reduce((s, it) => s + it.c.length, 0);
  const start = new Int32Array(items.length + 1);
  const kind = new Uint8Array(n);
  const score = new Float64Array(n);
  const correct = new Uint8Array(n);
  let k = 0;
  items.forEach((it, i) => {
    start[i] = k;
    for (const c of it.c) {
      kind[k] = GLUE_CLASSES.indexOf(c.candidate.kind);
      score[k] = c.score;
      correct[k] = it.cut >= 0 ? (c.cut === it.cut ? 1 : 0) : audit.get(splitKey(c)) === 'glue' ? 1 : 0;
      k++;
    }
  });
  start[items.length] = k;
  return { start, pairCount: pairs.length, wordCount: words.length, kind, score, correct };
}

/** Counts on a compiled set at the given thresholds (indexed like GLUE_CLASSES); `flagged` leaves out words the audit calls real glue. */
export function evaluateCompiled(set: CompiledSet, thresholds: ArrayLike<number>): { split: number; correct: number; flagged: number } {
  let split = 0;
  let correct = 0;
  let flagged = 0;
  const items = set.pairCount + set.wordCount;
  for (let i = 0; i < items; i++) {
    let best = -Infinity;
    let bestK = -1;
    for (let k = set.start[i]; k < set.start[i + 1]; k++) {
      const m = set.score[k] - thresholds[set.kind[k]];
      if (m > best) {
        best = m;
        bestK = k;
      }
    }
    if (bestK < 0 || best <= 0) continue;
    if (i < set.pairCount) {
      split++;
      correct += set.correct[bestK];
    } else if (set.correct[bestK] === 0) flagged++;
  }
  return { split, correct, flagged };
}

/** The audit of flagged splits, relative to the repo root. */
export const AUDIT_FILE = 'train/lexicon/glue-audit.tsv';

/** Flagged words by audit verdict. */
export function auditFlagged(flagged: readonly { split: string }[], audit: Audit): { glue: number; word: number; unaudited: number; unauditedSplits: Map<string, number> } {
  let glue = 0;
  let word = 0;
  const unauditedSplits = new Map<string, number>();
  for (const f of flagged) {
    const v = audit.get(f.split);
    if (v === 'glue') glue++;
    else if (v === 'word') word++;
    else unauditedSplits.set(f.split, (unauditedSplits.get(f.split) ?? 0) + 1);
  }
  let unaudited = 0;
  for (const n of unauditedSplits.values()) unaudited += n;
  return { glue, word, unaudited, unauditedSplits };
}

/** Verdicts on flagged splits of untouched text, keyed `left+right` (normalized). */
export type Audit = Map<string, 'glue' | 'word'>;

/** The audit key of a candidate. */
export function splitKey(c: ScoredGlueCandidate): string {
  return `${c.candidate.left}+${c.candidate.right}`;
}

/**
 * Reads the audit file: lines `left+right<TAB>glue|word[<TAB>note]`, `#` comments.
 * `glue`: the text really had two words run together, so splitting is a correct repair.
 * `word`: one word (or a name or loanword written solid), so splitting is a false split.
 */
export function parseAudit(text: string): Audit {
  const audit: Audit = new Map();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const [key, verdict] = t.split('\t');
    if (verdict !== 'glue' && verdict !== 'word') throw new Error(`Bad audit line: ${line}`);
    audit.set(key, verdict);
  }
  return audit;
}
