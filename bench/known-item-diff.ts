/**
 * Lists the fold-N title queries where Marsad and an FTS5 `unicode61` baseline (raw words, or
 * with `--vs snowball` snowball-stemmed words) rank the known item differently, on a
 * database kept by `npm run bench:corpus -- --keep`: what the MRR@10 difference between them
 * is made of. Same records, baseline, query reading, query modes and weights as that bench
 * run (`bench/known-item.ts`, `bench/results/corpus.json`).
 *
 *   npx tsx bench/known-item-diff.ts /tmp/marsad-bench-XXXX/full.db [fold=9] [all|body] [-v] [--vs raw|snowball]
 *
 * Fold 8 means the 1,000 tuning titles; `8-rest` the fold-8 titles after them, which no
 * weight was chosen on, for looking at losses without looking at fold 9.
 *
 * It prints `{win, loss}` (queries where Marsad's reciprocal rank is higher / lower) and,
 * with `-v`, each loss with the query's analyzed forms and the two top titles.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { Corpus } from '../src/store/corpus.js';
import { type RankingWeights, SqliteCorpusStore } from '../src/store/sqlite-store.js';
import { BASELINE_NAMES, baselineSearch, buildBaseline, type KnownItemMode, loadCorpusRecords } from './known-item.js';

const vsAt = process.argv.indexOf('--vs');
const vs = vsAt > 0 ? process.argv[vsAt + 1] : 'raw';
if (vs !== 'raw' && vs !== 'snowball') {
  console.error(`--vs takes raw or snowball, got ${vs}`);
  process.exit(2);
}
const args = process.argv.slice(2).filter((a, i, all) => a !== '-v' && a !== '--vs' && all[i - 1] !== '--vs');
const verbose = process.argv.includes('-v');
const [path, foldArg = '9', inArg = 'all'] = args;
if (!path || !existsSync(path)) {
  console.error('usage: npx tsx bench/known-item-diff.ts FULL_DB [fold] [all|body] [-v] [--vs raw|snowball]  (FULL_DB from `npm run bench:corpus -- --keep`)');
  process.exit(2);
}
const bodyOnly = inArg === 'body';
const db = new Database(path, { readonly: true });
const analyzer = loadAnalyzer();
const hashOf = new Map<string, string>();
for (const r of db.prepare('SELECT id, content_hash FROM documents').all() as { id: string; content_hash: string }[]) hashOf.set(r.id, r.content_hash);

const recs = loadCorpusRecords();
const baseline = buildBaseline(BASELINE_NAMES[vs], recs, vs === 'snowball');

// The weights the bench chose on fold 8 for this setting (bench/results/corpus.json).
interface Setting {
  bodyOnly: boolean;
  systems: { name: string; mode: KnownItemMode; weights: unknown }[];
}
const setting = (JSON.parse(readFileSync('bench/results/corpus.json', 'utf8')) as { quality: Setting[] }).quality.find((q) => q.bodyOnly === bodyOnly)!;
const marsadWeights = setting.systems[0].weights as RankingWeights;
const baselineSystem = setting.systems.find((x) => x.name === BASELINE_NAMES[vs]);
if (!baselineSystem) throw new Error(`bench/results/corpus.json has no system named ${BASELINE_NAMES[vs]}`);
const baselineTitleWeight = (baselineSystem.weights as { title: number }).title;
const marsadMode = setting.systems[0].mode;
const baselineMode = baselineSystem.mode;
const store = new SqliteCorpusStore(db, path, { weights: marsadWeights });
const corpus = new Corpus(store, analyzer);
const foldQueries = recs.filter((r) => r.fold === Number(foldArg.replace('-rest', '')) && r.title.trim() !== '');
const queries = foldArg === '8' ? foldQueries.slice(0, 1000) : foldArg === '8-rest' ? foldQueries.slice(1000) : foldQueries;
const reciprocal = (rank: number): number => (rank < 0 ? 0 : 1 / (rank + 1));
let win = 0;
let loss = 0;
for (const q of queries) {
  const res = corpus.search({ q: q.title, syntax: 'plain', mode: marsadMode, limit: 10, collapseDuplicates: false, in: bodyOnly ? 'body' : 'all', snippetTokens: 5 });
  const m = res.results.findIndex((x) => hashOf.get(x.id) === q.hash);
  const r = baselineSearch(baseline, q.title, baselineTitleWeight, bodyOnly, baselineMode).findIndex((i) => recs[i].hash === q.hash);
  if (reciprocal(m) === reciprocal(r)) continue;
  if (reciprocal(m) > reciprocal(r)) win++;
  else loss++;
  if (verbose && reciprocal(m) < reciprocal(r)) {
    const query = corpus.analyzeQuery(q.title, { syntax: 'plain' });
    const forms = query?.clauses.map((alts) => alts.map((i) => i.forms.map((f) => `${f.norm}/${f.base}/${f.stem}`).join(' ')));
    console.log(JSON.stringify({ marsadRank: m, baselineRank: r, title: q.title, total: res.total, top: res.results.slice(0, 2).map((x) => x.title), forms }));
  }
}
console.log({ queries: queries.length, win, loss });
