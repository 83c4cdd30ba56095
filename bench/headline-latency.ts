/**
 * What the pasted-headline rule of search costs: the latency query mix of `bench:corpus`
 * (same titles, same generator) on a database kept by `npm run bench:corpus -- --keep`, run
 * with the rule and without it (the query's `whole` removed), twice each, alternating, so
 * that drift of the shared machine falls on both.
 *
 *   npx tsx bench/headline-latency.ts /tmp/marsad-bench-XXXX/full.db   (or …/200k.db)
 *
 * Needs `../shared/data` for the titles; the weights are the ones the bench chose
 * (`bench/results/corpus.json`, titles indexed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { Corpus } from '../src/store/corpus.js';
import { openSqliteStore, type RankingWeights } from '../src/store/sqlite-store.js';
import { latencyQueries, loadCorpusRecords } from './known-item.js';
import { percentile } from './lib.js';

const [path] = process.argv.slice(2);
if (!path || !existsSync(path)) {
  console.error('usage: npx tsx bench/headline-latency.ts DB  (a database kept by `npm run bench:corpus -- --keep`)');
  process.exit(2);
}
const results = JSON.parse(readFileSync('bench/results/corpus.json', 'utf8')) as {
  quality: { bodyOnly: boolean; systems: { weights: unknown }[] }[];
  latency: { queries: number }[];
};
const weights = results.quality.find((q) => !q.bodyOnly)!.systems[0].weights as RankingWeights;
const queries = latencyQueries(
  loadCorpusRecords()
    .map((r) => r.title)
    .filter((t) => t.trim() !== ''),
  results.latency[0]?.queries ?? 1000,
);
const store = openSqliteStore(path, { weights, readonly: true });
const corpus = new Corpus(store, loadAnalyzer());
const analyzeQuery = corpus.analyzeQuery.bind(corpus);
let headlineRule = true;
corpus.analyzeQuery = (q, options) => {
  const analyzed = analyzeQuery(q, options);
  if (analyzed && !headlineRule) delete analyzed.whole;
  return analyzed;
};

const KINDS = ['word', 'word', 'word', 'word', 'pair', 'pair', 'pair', 'phrase', 'exclusion', 'title'];
const ms = (x: number): string => x.toFixed(2);
for (const q of queries.slice(0, 50)) corpus.search({ q, limit: 10 });
console.log(`${queries.length} queries on ${store.stats().documents} documents; top 10 with snippets, as bench:corpus`);
for (let round = 1; round <= 2; round++) {
  for (const on of [true, false]) {
    headlineRule = on;
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    queries.forEach((q, i) => {
      const t = performance.now();
      corpus.search({ q, limit: 10 });
      const took = performance.now() - t;
      all.push(took);
      const kind = KINDS[i % KINDS.length];
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(took);
    });
    const kinds = [...byKind].map(([k, v]) => `${k} ${ms(percentile(v, 50))}/${ms(percentile(v, 95))}`).join(', ');
    console.log(`round ${round}, headline rule ${on ? 'on ' : 'off'}: p50 ${ms(percentile(all, 50))} ms, p95 ${ms(percentile(all, 95))} ms (p50/p95 by kind: ${kinds})`);
  }
}
store.close();
