/**
 * Query matches inside one document and snippets around them, in ORIGINAL offsets.
 *
 * The index stores, for each document, the aligned forms of its indexed tokens and their
 * original spans (see `terms.ts`). Here the analyzed query is matched against those forms
 * again, position by position, so each highlight is exactly a token's original span, never
 * a span in some normalized copy.
 */
import type { Span } from '../document.js';
import type { AnalyzedItem, AnalyzedQuery } from './query.js';
import type { IndexTerms, TermForms } from './terms.js';

/** A run of matched token positions `[from, to)`. */
export interface PositionRun {
  from: number;
  to: number;
}

function formMatches(q: TermForms, terms: IndexTerms, i: number): boolean {
  return terms.norm[i] === q.norm || terms.base[i] === q.base || terms.stem[i] === q.stem;
}

function itemRuns(item: AnalyzedItem, terms: IndexTerms, out: PositionRun[]): void {
  const n = item.forms.length;
  const variants = item.variants ? new Set(item.variants) : undefined;
  for (let i = 0; i + n <= terms.norm.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = formMatches(item.forms[k], terms, i + k);
    if (!ok && variants) ok = variants.has(terms.norm[i]);
    if (ok) out.push({ from: i, to: i + n });
  }
}

/** Every run of positions where a positive item of the query matches, sorted by position. */
export function matchPositions(query: AnalyzedQuery, terms: IndexTerms): PositionRun[] {
  const runs: PositionRun[] = [];
  for (const alts of query.clauses) for (const item of alts) itemRuns(item, terms, runs);
  runs.sort((a, b) => a.from - b.from || b.to - a.to);
  // Drop runs inside an earlier run (a word that is also part of a matched phrase).
  const kept: PositionRun[] = [];
  for (const r of runs) if (kept.length === 0 || r.from >= kept[kept.length - 1].to) kept.push(r);
  return kept;
}

/** A piece of the original text with the query's matches inside it. */
export interface Snippet extends Span {
  /** `original.slice(start, end)`. */
  text: string;
  /** Matched spans in the original text (absolute offsets), inside `[start, end)`. */
  highlights: Span[];
  /** True when the snippet starts after the beginning or ends before the end of the text. */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** Options for {@link buildSnippet}. */
export interface SnippetOptions {
  /** Indexed tokens in the window (default 32). */
  windowTokens?: number;
}

/** Original span of the run's tokens. */
function runSpan(terms: IndexTerms, run: PositionRun): Span {
  return { start: terms.spans[2 * run.from], end: terms.spans[2 * (run.to - 1) + 1] };
}

/**
 * The snippet of `original` around the densest cluster of matches: the window of
 * `windowTokens` indexed tokens that covers the most distinct matched runs (earliest on ties).
 * With no match, the start of the text. The window is widened to whole tokens, so it never
 * cuts a word or a surrogate pair.
 */
export function buildSnippet(original: string, terms: IndexTerms, runs: readonly PositionRun[], options: SnippetOptions = {}): Snippet {
  const window = Math.max(1, options.windowTokens ?? 32);
  const count = terms.norm.length;
  if (count === 0) {
    const end = Math.min(original.length, 200);
    return { start: 0, end, text: original.slice(0, end), highlights: [], truncatedStart: false, truncatedEnd: end < original.length };
  }
  let bestFrom = 0;
  let bestScore = -1;
  // Slide the window start over each run start (the only places where the count can rise).
  let j = 0;
  for (let i = 0; i < runs.length; i++) {
    if (j < i) j = i;
    while (j < runs.length && runs[j].to - runs[i].from <= window) j++;
    const score = j - i;
    if (score > bestScore) {
      bestScore = score;
      // Centre the covered runs a little: start a few tokens before the first.
      const span = runs[j - 1].to - runs[i].from;
      bestFrom = Math.max(0, runs[i].from - Math.floor((window - span) / 3));
    }
  }
  const from = Math.min(bestFrom, Math.max(0, count - window));
  const to = Math.min(count, from + window);
  const start = from === 0 ? 0 : terms.spans[2 * from];
  const lastEnd = terms.spans[2 * (to - 1) + 1];
  // At the end of the text, keep its closing punctuation.
  const end = to === count ? Math.max(lastEnd, original.trimEnd().length) : lastEnd;
  const highlights = runs.filter((r) => r.from >= from && r.to <= to).map((r) => runSpan(terms, r));
  return {
    start,
    end,
    text: original.slice(start, end),
    highlights,
    truncatedStart: start > 0,
    truncatedEnd: end < original.length,
  };
}

/** Highlights of every match in a short text (a title), without windowing. */
export function highlightAll(terms: IndexTerms, runs: readonly PositionRun[]): Span[] {
  return runs.map((r) => runSpan(terms, r));
}
