/**
 * Reading NER gold files (ANERcorp, AQMAR, Wojood) and scoring with CoNLL semantics.
 *
 * All three are "one token per line, tags after it, blank line between sentences". Their
 * type inventories differ and are mapped onto ours:
 * - ANERcorp: `PERS LOC ORG MISC` (PERS → PER).
 * - AQMAR: `PER LOC ORG` and the article-specific `MIS0‥MIS3` (→ MISC), with the release's
 *   typos repaired (`B-MIS1\``, `B-MIS-1`, `B-MISS1`, `I--ORG`); `OO`, `IO`, `B-ENGLISH`,
 *   `B-SPANISH` → O.
 * - Wojood: nested, several tags per token. Its 21 types map as PERS → PER; GPE, LOC,
 *   FAC → LOC; ORG → ORG; EVENT, CURR, PRODUCT → MISC (ANERcorp tags currencies, events
 *   and prizes MISC); everything else (NORP, OCC, DATE, CARDINAL, …) → O, as ANERcorp
 *   leaves nationalities and titles untagged. Of the nested spans that map to a type we keep
 *   the outermost ones. `$#$` document-boundary lines end a sentence.
 */
import type { EntityType } from '../document.js';
import { ENTITY_TYPES } from './labels.js';

/** A gold sentence: tokens and BIO tags over our four types (`B-PER`, `I-LOC`, `O`, …). */
export interface GoldSentence {
  tokens: string[];
  tags: string[];
}

/** A typed span of tokens `[start, end)`. */
export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

const TYPE_MAP: Record<string, EntityType | undefined> = {
  PERS: 'PER',
  PER: 'PER',
  PERSON: 'PER',
  LOC: 'LOC',
  GPE: 'LOC',
  FAC: 'LOC',
  ORG: 'ORG',
  MISC: 'MISC',
  EVENT: 'MISC',
  CURR: 'MISC',
  PRODUCT: 'MISC',
};

/** Maps a source type name to ours, or undefined when it maps to O. */
export function mapEntityType(raw: string): EntityType | undefined {
  const t = raw.toUpperCase().replace(/[^A-Z0-9-]/g, '').replace(/^-+/, '');
  if (t.startsWith('MIS')) return 'MISC';
  return TYPE_MAP[t];
}

/** Parses one raw tag into its prefix (B, I or O) and mapped type. */
export function parseTag(raw: string): { prefix: 'B' | 'I' | 'O'; type?: EntityType } {
  const m = /^([BIES])-+(.+)$/u.exec(raw.trim());
  if (!m) return { prefix: 'O' };
  const type = mapEntityType(m[2]);
  if (!type) return { prefix: 'O' };
  // E- and S- (BIOES) read as I- and B-.
  return { prefix: m[1] === 'B' || m[1] === 'S' ? 'B' : 'I', type };
}

/**
 * Spans of a BIO tag sequence under conlleval's rules: a chunk starts at B-X, at I-X after
 * O, and at I-X after a chunk of another type; it ends before O, B-, or a type change.
 */
export function tagSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let cur: TagSpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const { prefix, type } = parseTag(tags[i]);
    if (prefix === 'O' || !type) {
      if (cur) spans.push(cur);
      cur = undefined;
      continue;
    }
    if (prefix === 'B' || !cur || cur.type !== type) {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type };
    } else {
      cur.end = i + 1;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Writes spans back as a BIO tag sequence of length `n`. */
export function spansToTags(spans: readonly TagSpan[], n: number): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const s of spans) for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  return tags;
}

/**
 * Parses a gold file's text. Each non-blank line is a token followed by one or more tags
 * (several in Wojood, one per nested entity).
 */
export function parseGold(text: string): GoldSentence[] {
  const sentences: GoldSentence[] = [];
  let tokens: string[] = [];
  let tagLists: string[][] = [];
  const flush = (): void => {
    if (tokens.length > 0) sentences.push({ tokens, tags: resolveNested(tagLists) });
    tokens = [];
    tagLists = [];
  };
  for (const rawLine of text.split(/\r?\n/u)) {
    const line = rawLine.trim();
    if (line === '') {
      flush();
      continue;
    }
    const parts = line.split(/\s+/u);
    if (parts[0] === '$#$') {
      flush();
      continue;
    }
    if (parts.length < 2) continue;
    tokens.push(parts[0]);
    tagLists.push(parts.slice(1));
  }
  flush();
  return sentences;
}

/**
 * Turns per-token tag lists into one BIO sequence over our types. Tags are grouped by their
 * source type (nested tags are not reliably in the same column from token to token), spans
 * are read per source type, mapped, and the outermost of overlapping spans is kept.
 */
function resolveNested(tagLists: readonly string[][]): string[] {
  const n = tagLists.length;
  const byType = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    for (const tag of tagLists[i]) {
      const m = /^([BIES])-+(.+)$/u.exec(tag);
      if (!m) continue;
      const raw = m[2];
      let seq = byType.get(raw);
      if (!seq) byType.set(raw, (seq = new Array<string>(n).fill('O')));
      seq[i] = tag;
    }
  }
  const all: TagSpan[] = [];
  for (const seq of byType.values()) all.push(...tagSpans(seq));
  if (all.length <= 1) return spansToTags(all, n);
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(n);
  const kept: TagSpan[] = [];
  for (const s of all) {
    let free = true;
    for (let i = s.start; i < s.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = s.start; i < s.end; i++) taken[i] = 1;
    kept.push(s);
  }
  kept.sort((a, b) => a.start - b.start);
  return spansToTags(kept, n);
}

/** Precision, recall and F1 (percentages) with the counts behind them. */
export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Per-type and overall scores. */
export interface NerScores {
  overall: PrfScore;
  byType: Record<string, PrfScore>;
  tokens: number;
  /** Token-level accuracy, as conlleval prints it. */
  accuracy: number;
}

function prf(gold: number, predicted: number, correct: number): PrfScore {
  const precision = predicted === 0 ? 0 : (100 * correct) / predicted;
  const recall = gold === 0 ? 0 : (100 * correct) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Scores predicted against gold tag sequences with exact span-and-type matching (conlleval). */
export function scoreNer(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): NerScores {
  const counts = new Map<string, { g: number; p: number; c: number }>();
  const bump = (type: string, key: 'g' | 'p' | 'c'): void => {
    const c = counts.get(type) ?? { g: 0, p: 0, c: 0 };
    c[key]++;
    counts.set(type, c);
  };
  let tokens = 0;
  let sameTokens = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = tagSpans(gold[s]);
    const p = tagSpans(predicted[s]);
    const gk = new Set(g.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of g) bump(x.type, 'g');
    for (const x of p) {
      bump(x.type, 'p');
      if (gk.has(`${x.start}:${x.end}:${x.type}`)) bump(x.type, 'c');
    }
    tokens += gold[s].length;
    for (let i = 0; i < gold[s].length; i++) if (normalizeTag(gold[s][i]) === normalizeTag(predicted[s][i])) sameTokens++;
  }
  const byType: Record<string, PrfScore> = {};
  let G = 0;
  let P = 0;
  let C = 0;
  const types = [...ENTITY_TYPES, ...[...counts.keys()].filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t)).sort()];
  for (const t of types) {
    const c = counts.get(t);
    if (!c) continue;
    byType[t] = prf(c.g, c.p, c.c);
    G += c.g;
    P += c.p;
    C += c.c;
  }
  return { overall: prf(G, P, C), byType, tokens, accuracy: tokens === 0 ? 0 : (100 * sameTokens) / tokens };
}

function normalizeTag(t: string): string {
  const { prefix, type } = parseTag(t);
  return prefix === 'O' ? 'O' : `${prefix}-${type}`;
}

/** A conlleval-style report: one line per type, then `overall F1 NN.NN`. */
export function formatNerScores(scores: NerScores): string {
  const f = (x: number): string => x.toFixed(2).padStart(6);
  const lines = [
    `tokens ${scores.tokens}; gold phrases ${scores.overall.gold}; predicted ${scores.overall.predicted}; correct ${scores.overall.correct}; accuracy ${scores.accuracy.toFixed(2)}%`,
    'type     precision  recall      F1   gold  pred',
  ];
  for (const [t, s] of Object.entries(scores.byType)) {
    lines.push(`${t.padEnd(8)} ${f(s.precision)}%  ${f(s.recall)}%  ${f(s.f1)}  ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}`);
  }
  const o = scores.overall;
  lines.push(`${'ALL'.padEnd(8)} ${f(o.precision)}%  ${f(o.recall)}%  ${f(o.f1)}  ${String(o.gold).padStart(5)} ${String(o.predicted).padStart(5)}`);
  lines.push(`overall F1 ${o.f1.toFixed(2)}`);
  return lines.join('\n');
}
