/**
 * What the known-item search figures are computed from, shared by `bench/corpus.ts` (which
 * prints them) and `bench/known-item-diff.ts` (which lists the queries behind them): the
 * corpus records in index order, and the two FTS5 baselines with their query handling.
 */
import Database from 'better-sqlite3';
import snowball from 'snowball-stemmers';
import { QUERY_STOP_WORDS } from '../src/core/search/query.js';
import { normalize } from '../src/core/text/normalize.js';
import { contentHashOf } from '../src/store/prepare.js';
import { readAnt, readSaudiNews } from '../train/lib/data.js';
import { rng } from './lib.js';

/** One article of ANT (both files) or SaudiNewsNet, as the bench ingests it. */
export interface KnownItemRecord {
  key: string;
  source: string;
  sourceId: string;
  title: string;
  text: string;
  date: string;
  url: string;
  /** ANT fold (8 tunes, 9 is reported); null for SaudiNewsNet. */
  fold: number | null;
  /** Content hash, as the store computes it: the known item is any document with it. */
  hash: string;
}

/**
 * The records with a text, ANT first, in the order the bench ingests and indexes them (the
 * baselines' rowids are these indexes + 1). `keep(record, total)` samples them before hashing.
 */
export function loadCorpusRecords(keep?: (r: KnownItemRecord, total: number) => boolean): KnownItemRecord[] {
  const recs: KnownItemRecord[] = [];
  for (const a of readAnt()) {
    recs.push({ key: `${a.source}\u0000${a.id}`, source: a.source, sourceId: a.id, title: a.title, text: a.text, date: a.date, url: a.url, fold: a.fold, hash: '' });
  }
  for (const s of readSaudiNews()) {
    recs.push({ key: `${s.source}\u0000${s.id}`, source: s.source, sourceId: s.id, title: s.title, text: s.text, date: s.date_extracted, url: s.url, fold: null, hash: '' });
  }
  let out = recs.filter((r) => r.text && r.text.trim() !== '');
  if (keep) out = out.filter((r) => keep(r, recs.length));
  for (const r of out) r.hash = contentHashOf(r.text);
  return out;
}

// Baselines: FTS5 over raw text, with and without snowball stemming.
const RAW_TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const arabicStemmer = snowball.newStemmer('arabic');

/** An in-memory FTS5 index of the records, `unicode61` over raw or snowball-stemmed words. */
export interface Baseline {
  name: string;
  db: Database.Database;
  /** The words a text is indexed and queried as. */
  terms: (text: string) => string[];
}

/** The baselines' names, as the bench reports them and `bench/results/corpus.json` keeps them. */
export const BASELINE_NAMES = { raw: 'FTS5 unicode61 (raw text)', snowball: 'FTS5 unicode61 + snowball-stemmers (Arabic)' } as const;

/** Indexes the records (rowid = index + 1) in a new in-memory database. */
export function buildBaseline(name: string, recs: readonly KnownItemRecord[], stem: boolean): Baseline {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize='unicode61')`);
  const terms = (text: string): string[] => {
    const raw = text.match(RAW_TOKEN) ?? [];
    return stem ? raw.map((w) => arabicStemmer.stem(w)) : raw;
  };
  const ins = db.prepare('INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    recs.forEach((r, i) => {
      if (stem) ins.run(i + 1, terms(r.title).join(' '), terms(r.text).join(' '));
      else ins.run(i + 1, r.title, r.text);
    });
  })();
  return { name, db, terms };
}

const quoteFts = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * How a known-item query is matched, for every system alike: `auto` requires every word and
 * falls back to any word when no document has them all (Marsad's default); `any` ranks every
 * document with any of the words by BM25.
 */
export type KnownItemMode = 'auto' | 'any';

/** The query modes the bench tunes on fold 8, with the weights. */
export const KNOWN_ITEM_MODES: readonly KnownItemMode[] = ['auto', 'any'];

/** The baseline's query: the same stop words and query modes as Marsad. Returns record indexes. */
export function baselineSearch(b: Baseline, title: string, titleWeight: number, bodyOnly: boolean, mode: KnownItemMode = 'auto', limit = 10): number[] {
  const words = title.match(RAW_TOKEN) ?? [];
  let kept = words.filter((w) => !QUERY_STOP_WORDS.has(normalize(w)));
  if (kept.length === 0) kept = words;
  const qterms = [...new Set(kept.flatMap((w) => b.terms(w)))].filter((t) => t !== '');
  if (qterms.length === 0) return [];
  const run = (op: string): number[] => {
    let expr = qterms.map(quoteFts).join(` ${op} `);
    if (bodyOnly) expr = `{body} : (${expr})`;
    return (
      b.db.prepare(`SELECT rowid FROM f WHERE f MATCH ? ORDER BY bm25(f, ?, 1.0), rowid LIMIT ?`).all(expr, titleWeight, limit) as { rowid: number }[]
    ).map((r) => r.rowid - 1);
  };
  if (mode === 'any') return run('OR');
  const all = run('AND');
  return all.length > 0 || qterms.length === 1 ? all : run('OR');
}

/**
 * The search-latency query mix of `bench:corpus`, deterministic for given titles: 40% one
 * word, 30% two words, 10% phrases, 10% exclusions, 10% whole titles.
 */
export function latencyQueries(titles: readonly string[], n: number): string[] {
  const rand = rng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const wordsOf = (t: string): string[] => (t.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !QUERY_STOP_WORDS.has(normalize(w)));
  const pool = titles.map(wordsOf).filter((w) => w.length >= 3);
  const out: string[] = [];
  while (out.length < n) {
    const ws = pick(pool);
    const r = out.length % 10;
    const i = Math.floor(rand() * (ws.length - 1));
    if (r < 4) out.push(ws[i]);
    else if (r < 7) out.push(`${ws[i]} ${ws[i + 1]}`);
    else if (r < 8) out.push(`"${ws[i]} ${ws[i + 1]}"`);
    else if (r < 9) out.push(`${ws[i]} -${ws[(i + 2) % ws.length]}`);
    else out.push(pick(titles));
  }
  return out;
}
