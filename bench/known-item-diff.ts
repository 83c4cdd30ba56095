/**
 * Lists the fold-N title queries where Marsad and raw FTS5 `unicode61` rank the known item
 * differently, on a database kept by `npm run bench:corpus -- --keep`: what the MRR@10
 * difference between them is made of. Same query handling as the bench (stop words dropped,
 * all words, then any).
 *
 *   npx tsx bench/known-item-diff.ts /tmp/marsad-bench-XXXX/full.db [fold=9] [all|body] [-v]
 *
 * It prints `{win, loss}` (queries where Marsad's reciprocal rank is higher / lower) and,
 * with `-v`, each loss with the query's analyzed forms and the two top titles.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { QUERY_STOP_WORDS } from '../src/core/search/query.js';
import { normalize } from '../src/core/text/normalize.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { Corpus } from '../src/store/corpus.js';
import { contentHashOf } from '../src/store/prepare.js';
import { SqliteCorpusStore } from '../src/store/sqlite-store.js';
import { readAnt, readSaudiNews } from '../train/lib/data.js';

const args = process.argv.slice(2).filter((a) => a !== '-v');
const verbose = process.argv.includes('-v');
const [path, foldArg = '9', inArg = 'all'] = args;
if (!path || !existsSync(path)) {
  console.error('usage: npx tsx bench/known-item-diff.ts FULL_DB [fold] [all|body] [-v]  (FULL_DB from `npm run bench:corpus -- --keep`)');
  process.exit(2);
}
const bodyOnly = inArg === 'body';
const db = new Database(path, { readonly: true });
const analyzer = loadAnalyzer();
const hashOf = new Map<string, string>();
for (const r of db.prepare('SELECT id, content_hash FROM documents').all() as { id: string; content_hash: string }[]) hashOf.set(r.id, r.content_hash);

// The records in the bench's order, so raw rowids match theirs.
const all: { title: string; text: string; fold: number | null; hash: string }[] = [];
for (const a of readAnt()) all.push({ title: a.title, text: a.text, fold: a.fold, hash: '' });
for (const s of readSaudiNews()) all.push({ title: s.title, text: s.text, fold: null, hash: '' });
const recs = all.filter((r) => r.text && r.text.trim() !== '');
for (const r of recs) r.hash = contentHashOf(r.text);

const raw = new Database(':memory:');
raw.exec(`CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize='unicode61')`);
const ins = raw.prepare('INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)');
raw.transaction(() => recs.forEach((r, i) => ins.run(i + 1, r.title, r.text)))();
const RAW_TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const quoteFts = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The bench's raw baseline query, with its tuned title weight (13) or the text only. */
function rawSearch(title: string): number[] {
  const words = title.match(RAW_TOKEN) ?? [];
  let kept = words.filter((w) => !QUERY_STOP_WORDS.has(normalize(w)));
  if (kept.length === 0) kept = words;
  const terms = [...new Set(kept)];
  const run = (op: string): number[] => {
    let expr = terms.map(quoteFts).join(` ${op} `);
    if (bodyOnly) expr = `{body} : (${expr})`;
    const rows = raw.prepare(`SELECT rowid FROM f WHERE f MATCH ? ORDER BY bm25(f, ?, 1.0), rowid LIMIT 10`).all(expr, bodyOnly ? 1 : 13) as { rowid: number }[];
    return rows.map((r) => r.rowid - 1);
  };
  const a = run('AND');
  return a.length > 0 || terms.length === 1 ? a : run('OR');
}

// The weights the bench chose on fold 8 for each setting (docs/CORPUS.md).
const weights = bodyOnly ? { title: [2, 1.5, 1], body: [2, 1.5, 1] } : { title: [13, 13, 13], body: [1, 1, 1] };
const store = new SqliteCorpusStore(db, path, { weights: weights as { title: [number, number, number]; body: [number, number, number] } });
const corpus = new Corpus(store, analyzer);
const queries = recs.filter((r) => r.fold === Number(foldArg) && r.title.trim() !== '').slice(0, foldArg === '8' ? 1000 : undefined);
const reciprocal = (rank: number): number => (rank < 0 ? 0 : 1 / (rank + 1));
let win = 0;
let loss = 0;
for (const q of queries) {
  const res = corpus.search({ q: q.title, limit: 10, collapseDuplicates: false, in: bodyOnly ? 'body' : 'all', snippetTokens: 5 });
  const m = res.results.findIndex((x) => hashOf.get(x.id) === q.hash);
  const r = rawSearch(q.title).findIndex((i) => recs[i].hash === q.hash);
  if (reciprocal(m) === reciprocal(r)) continue;
  if (reciprocal(m) > reciprocal(r)) win++;
  else loss++;
  if (verbose && reciprocal(m) < reciprocal(r)) {
    const query = corpus.analyzeQuery(q.title);
    const forms = query?.clauses.map((alts) => alts.map((i) => i.forms.map((f) => `${f.norm}/${f.base}/${f.stem}`).join(' ')));
    console.log(JSON.stringify({ marsadRank: m, rawRank: r, title: q.title, total: res.total, top: res.results.slice(0, 2).map((x) => x.title), forms }));
  }
}
console.log({ queries: queries.length, win, loss });
