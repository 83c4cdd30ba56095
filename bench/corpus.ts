/**
 * `npm run bench:corpus`: the corpus measurements of issue 6, printed and written to
 * `bench/results/corpus.json` and `docs/CORPUS.md` (between the bench markers).
 *
 * 1. Ingest throughput: all of ANT (both files) and the SaudiNewsNet subset through
 *    `ingest()` with the analyzer from `loadAnalyzer()` (analysis included), into a fresh
 *    SQLite file.
 * 2. Search quality as known-item retrieval: each ANT fold-9 title is a query for its own
 *    article; MRR@10 and recall@10 for (a) Marsad's search, (b) FTS5 `unicode61` on the raw
 *    text, (c) the same with every word stemmed by snowball-stemmers' Arabic stemmer. All
 *    three get the same query handling and the same tuning budget: the title is read as
 *    plain text (Marsad's `syntax: 'plain'`: its quote marks and `-` are not operators, as
 *    they are not for the baselines' tokenizer), stop words are dropped, and the query mode
 *    (`auto`: every word, relaxed to any word when no document has them all; `any`: BM25
 *    over any word) and the BM25 field weights are chosen on fold-8 titles, never on fold 9.
 *    Two settings: titles indexed (as the issue asks) and text only (titles not searched).
 * 3. Search latency: p50/p95 of 1,000 queries (single words, pairs, phrases, exclusions,
 *    whole titles) on the full index, on a 5k subset, and on a synthetic 200k index
 *    (the articles replicated under new ids).
 *
 * Options: --quick (3,000 articles, 300 queries, no 200k), --no-200k, --keep (keep the
 * databases), --no-write (print only), --workers N (analysis threads for the ingest, as
 * `marsad ingest --workers`; default one per core, 0 analyzes on the main thread).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import type { IngestItem, SourceEvent } from '../src/ingest/sources.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { createPreparePool } from '../src/node/prepare-pool.js';
import { Corpus } from '../src/store/corpus.js';
import { DEFAULT_WEIGHTS, openSqliteStore, type RankingWeights, SqliteCorpusStore } from '../src/store/sqlite-store.js';
import {
  BASELINE_NAMES,
  type Baseline,
  baselineSearch,
  buildBaseline,
  KNOWN_ITEM_MODES,
  type KnownItemMode,
  latencyQueries,
  loadCorpusRecords,
  type KnownItemRecord as Rec,
} from './known-item.js';
import { median, percentile, rng, writeResult } from './lib.js';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const DO_200K = !QUICK && !args.has('--no-200k');
const KEEP = args.has('--keep');
const WRITE = !args.has('--no-write');
const LATENCY_QUERIES = QUICK ? 300 : 1000;
const TUNE_QUERIES = 1000;
const WORKERS = ((): number => {
  const at = process.argv.indexOf('--workers');
  if (at < 0) return availableParallelism() > 1 ? availableParallelism() : 0;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--workers needs a whole number ≥ 0, got ${process.argv[at + 1]}`);
  return n;
})();

const log = (msg: string): void => {
  process.stderr.write(`[bench:corpus ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

/** Machine load, so that noisy measurements say so. */
function loadNote(): { loadavg1: number; loadavg5: number; busyProcesses: string[] } {
  let busy: string[] = [];
  try {
    busy = execSync('ps -eo pcpu,comm --sort=-pcpu --no-headers', { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && Number(l.split(/\s+/)[0]) >= 20)
      .slice(0, 8);
  } catch {
    /* ps is optional */
  }
  const [l1, l5] = loadavg();
  return { loadavg1: Math.round(l1 * 100) / 100, loadavg5: Math.round(l5 * 100) / 100, busyProcesses: busy };
}

// ---------------------------------------------------------------------------------------
// Data
function loadRecords(): Rec[] {
  if (!QUICK) return loadCorpusRecords();
  const rand = rng(7);
  return loadCorpusRecords((_, n) => rand() < 3000 / n);
}

// ---------------------------------------------------------------------------------------
// Ingest
interface IngestResult {
  articles: number;
  stored: number;
  words: number;
  seconds: number;
  articlesPerSecond: number;
  wordsPerSecond: number;
  /** Analysis threads (0: on the main thread, between writes). */
  workers: number;
  /** Time inside the analyzer on the main thread; with workers, the wall time with documents in flight on them. */
  analysisSeconds: number;
  writeSeconds: number;
  /** CPU time of the process during the ingest: a load-independent view of the cost. */
  cpuSeconds: number;
  articlesPerCpuSecond: number;
  failed: number;
  duplicates: number;
  nearDuplicates: number;
  dbMiB: number;
}

async function buildMarsad(recs: Rec[], dbPath: string): Promise<{ corpus: Corpus; store: SqliteCorpusStore; result: IngestResult }> {
  const store = openSqliteStore(dbPath);
  const inner = loadAnalyzer({ warn: (m) => log(`analyzer: ${m}`) });
  let analysisMs = 0;
  const analyzer = {
    stages: inner.stages,
    run: inner.run,
    analyze: (text: string, o?: { date?: string }) => {
      const t = performance.now();
      const d = inner.analyze(text, o);
      analysisMs += performance.now() - t;
      return d;
    },
  };
  let writeMs = 0;
  const put = store.putDocuments.bind(store);
  store.putDocuments = (docs) => {
    const t = performance.now();
    const r = put(docs);
    writeMs += performance.now() - t;
    return r;
  };
  const corpus = new Corpus(store, analyzer);
  async function* events(): AsyncGenerator<SourceEvent> {
    for (const r of recs) {
      yield { kind: 'item', item: { origin: r.sourceId, source: r.source, sourceId: r.sourceId, title: r.title, text: r.text, published: r.date, url: r.url } };
    }
  }
  // As `marsad ingest` does: analysis on worker threads, writes on this one connection.
  const pool = WORKERS > 0 ? createPreparePool({ workers: WORKERS }) : undefined;
  if (pool) log(`analysis on ${pool.size} worker threads: ${(await pool.ready()).join(' → ')}`);
  let inFlight = 0;
  let busySince = 0;
  const prepare = pool
    ? (item: IngestItem) => {
        if (inFlight++ === 0) busySince = performance.now();
        return pool.prepare(item, { badDate: 'keep' }).finally(() => {
          if (--inFlight === 0) analysisMs += performance.now() - busySince;
        });
      }
    : undefined;
  // The last progress line's figures, so each line also gives the interval since: article
  // length varies a lot across the corpus, and words/s shows whether the speed did.
  let lastLog = 0;
  let lastArticles = 0;
  let lastWords = 0;
  const cpu0 = process.cpuUsage();
  const s = await ingest(corpus, events(), {
    batchSize: 500,
    ...(prepare ? { prepare, concurrency: 64 * WORKERS } : {}),
    onProgress: (p) => {
      if (p.seconds - lastLog < 30) return;
      const articles = p.inserted + p.duplicates;
      const span = p.seconds - lastLog;
      const newArticles = articles - lastArticles;
      const newWords = p.words - lastWords;
      log(
        `ingest: ${articles + p.failed}/${recs.length} (${(articles / p.seconds).toFixed(1)} articles/s so far; ` +
          `last ${span.toFixed(0)} s: ${(newArticles / span).toFixed(1)} articles/s, ${Math.round(newWords / span)} words/s, ` +
          `${Math.round(newWords / Math.max(1, newArticles))} words an article)`,
      );
      lastLog = p.seconds;
      lastArticles = articles;
      lastWords = p.words;
    },
  });
  // Process-wide: the worker threads' CPU time is included.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await pool?.close();
  store.putDocuments = put;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const analyzed = s.inserted + s.updated + s.duplicates;
  return {
    corpus,
    store,
    result: {
      articles: recs.length,
      stored: s.inserted,
      words: s.words,
      seconds: s.seconds,
      articlesPerSecond: analyzed / s.seconds,
      wordsPerSecond: s.words / s.seconds,
      workers: WORKERS,
      analysisSeconds: analysisMs / 1000,
      writeSeconds: writeMs / 1000,
      cpuSeconds,
      articlesPerCpuSecond: analyzed / cpuSeconds,
      failed: s.failed,
      duplicates: s.duplicates,
      nearDuplicates: s.nearDuplicates,
      dbMiB: statSync(dbPath).size / 2 ** 20,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Known-item evaluation.
interface Quality {
  mrr10: number;
  recall10: number;
  queries: number;
}

/** Scores rankings: each query's relevant set is its article and exact copies of its text. */
function score(queries: Rec[], rank: (q: Rec) => Set<string>[]): Quality {
  let rr = 0;
  let hits = 0;
  for (const q of queries) {
    const ranked = rank(q);
    const at = ranked.findIndex((hashes) => hashes.has(q.hash));
    if (at >= 0 && at < 10) {
      rr += 1 / (at + 1);
      hits++;
    }
  }
  return { mrr10: rr / queries.length, recall10: hits / queries.length, queries: queries.length };
}

interface Latency {
  documents: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  facetsP50: number;
  facetsP95: number;
  dbMiB: number;
}

function measureLatency(corpus: Corpus, queries: string[], documents: number, dbPath: string): Latency {
  for (const q of queries.slice(0, 50)) corpus.search({ q, limit: 10 });
  const plain: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    corpus.search({ q, limit: 10 });
    plain.push(performance.now() - t);
  }
  const withFacets: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    corpus.search({ q, limit: 10, facets: ['source', 'topic', 'entity', 'eventType', 'date'] });
    withFacets.push(performance.now() - t);
  }
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    documents,
    queries: queries.length,
    p50: r(median(plain)),
    p95: r(percentile(plain, 95)),
    p99: r(percentile(plain, 99)),
    mean: r(plain.reduce((a, b) => a + b, 0) / plain.length),
    facetsP50: r(median(withFacets)),
    facetsP95: r(percentile(withFacets, 95)),
    dbMiB: Math.round(statSync(dbPath).size / 2 ** 20),
  };
}

/** Copies (and optionally replicates) the searchable part of an index into a new database. */
function deriveIndex(fromPath: string, toPath: string, limitDocs: number | undefined, replicas: number): void {
  const store = openSqliteStore(toPath);
  const db = store.db;
  db.exec(`ATTACH DATABASE '${fromPath.replace(/'/g, "''")}' AS src`);
  const cols =
    'source_key, source, source_id, url, title, published, lang, text, content_hash, word_count, topic, minhash, near_dup_of, schema_version, analyzer, analysis, analysis_codec, meta, ingested_at';
  const where = limitDocs !== undefined ? `WHERE rowid IN (SELECT rowid FROM src.documents ORDER BY rowid LIMIT ${limitDocs})` : '';
  const OFFSET = 10_000_000;
  for (let r = 0; r < replicas; r++) {
    const suffix = r === 0 ? '' : `-r${r}`;
    db.transaction(() => {
      db.exec(`INSERT INTO documents (rowid, id, ${cols})
        SELECT rowid + ${r * OFFSET}, id || '${suffix}', CASE WHEN source_key IS NULL THEN NULL ELSE source_key || '${suffix}' END,
          source, source_id, url, title, published, lang, text, content_hash || '${suffix}', word_count, topic, NULL,
          CASE WHEN near_dup_of IS NULL THEN NULL ELSE near_dup_of + ${r * OFFSET} END, schema_version, analyzer, x'', 'json', meta, ingested_at
        FROM src.documents ${where}`);
      db.exec(`INSERT INTO doc_terms SELECT rowid + ${r * OFFSET}, t_norm, t_base, t_stem, b_norm, b_base, b_stem, t_spans, b_spans
        FROM src.doc_terms WHERE rowid IN (SELECT rowid FROM src.documents ${where})`);
    })();
  }
  db.exec(`INSERT INTO doc_fts (doc_fts) VALUES ('rebuild')`);
  db.exec(`INSERT INTO doc_fts (doc_fts) VALUES ('optimize')`);
  db.exec('DETACH DATABASE src');
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
}

// ---------------------------------------------------------------------------------------
interface SystemResult {
  name: string;
  /** The query mode chosen on fold 8. */
  mode: KnownItemMode;
  weights: unknown;
  tune: Quality;
  test: Quality;
}

async function main(): Promise<void> {
  const started = new Date();
  const loadStart = loadNote();
  log(`load at start: ${loadStart.loadavg1} (1 min), ${loadStart.loadavg5} (5 min) on ${cpus().length} cores`);
  const recs = loadRecords();
  const byHash = new Map<string, number>();
  for (const r of recs) byHash.set(r.hash, (byHash.get(r.hash) ?? 0) + 1);
  const test = recs.filter((r) => r.fold === 9 && r.title.trim() !== '');
  const tune = recs.filter((r) => r.fold === 8 && r.title.trim() !== '').slice(0, TUNE_QUERIES);
  log(`${recs.length} articles; ${tune.length} fold-8 (tuning) and ${test.length} fold-9 (reported) title queries`);

  const work = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const fullPath = join(work, 'full.db');
  try {
    // 1. Ingest.
    log('ingest (analysis included)…');
    const { corpus, store, result: ingestResult } = await buildMarsad(recs, fullPath);
    log(
      `ingest: ${ingestResult.articlesPerSecond.toFixed(1)} articles/s (${ingestResult.articlesPerCpuSecond.toFixed(1)} per CPU-second), ${Math.round(ingestResult.wordsPerSecond)} words/s ` +
        `(${ingestResult.seconds.toFixed(1)} s; analysis ${ingestResult.analysisSeconds.toFixed(1)} s, writes ${ingestResult.writeSeconds.toFixed(1)} s)`,
    );
    const analyzerStages = corpus.analyzer.stages.map((s) => s.name);

    // Map stored documents to the content hashes they stand for (exact duplicates are aliases).
    const hashesOfDoc = new Map<string, Set<string>>();
    for (const row of store.db.prepare('SELECT id, content_hash FROM documents').all() as { id: string; content_hash: string }[]) {
      hashesOfDoc.set(row.id, new Set([row.content_hash]));
    }

    // 2. Baselines.
    log('baselines: FTS5 unicode61 raw, and with snowball stemming…');
    const raw = buildBaseline(BASELINE_NAMES.raw, recs, false);
    const stemmed = buildBaseline(BASELINE_NAMES.snowball, recs, true);
    const recHashes = recs.map((r) => new Set([r.hash]));

    const marsadRank = (weights: RankingWeights, bodyOnly: boolean, mode: KnownItemMode) => {
      const s = new SqliteCorpusStore(store.db, fullPath, { weights });
      const c = new Corpus(s, corpus.analyzer);
      return (q: Rec): Set<string>[] =>
        c
          .search({ q: q.title, syntax: 'plain', mode, limit: 10, collapseDuplicates: false, in: bodyOnly ? 'body' : 'all', snippetTokens: 5 })
          .results.map((h) => hashesOfDoc.get(h.id) ?? new Set<string>());
    };
    const baseRank = (b: Baseline, w: number, bodyOnly: boolean, mode: KnownItemMode) => (q: Rec): Set<string>[] =>
      baselineSearch(b, q.title, w, bodyOnly, mode).map((i) => recHashes[i]);

    // A small grid, tuned on the first TUNE_QUERIES fold-8 titles (the machine is shared):
    // query mode × title weight × (for Marsad) the (exact, clitic-free, stem) form weights.
    const TITLE_WEIGHTS = [3, 8, 13];
    const BODY_FORMS: [number, number, number][] = [
      [1, 1, 1],
      [1.2, 1.1, 1],
      [2, 1.5, 1],
    ];
    const settings: { name: string; bodyOnly: boolean; systems: SystemResult[] }[] = [];
    for (const bodyOnly of [false, true]) {
      const name = bodyOnly ? 'text only (titles not searched)' : 'titles and text indexed';
      log(`quality, ${name}: tuning on fold 8…`);
      const systems: SystemResult[] = [];
      // (a) Marsad: tune the query mode, title scale and body form weights on fold 8.
      let best: { w: RankingWeights; mode: KnownItemMode; q: Quality } | undefined;
      for (const mode of KNOWN_ITEM_MODES) {
        for (const t of bodyOnly ? [1] : TITLE_WEIGHTS) {
          for (const b of BODY_FORMS) {
            const w: RankingWeights = { title: [t * b[0], t * b[1], t * b[2]], body: b };
            const q = score(tune, marsadRank(w, bodyOnly, mode));
            if (!best || q.mrr10 > best.q.mrr10) best = { w, mode, q };
          }
        }
      }
      systems.push({
        name: `Marsad (${analyzerStages.join('+')})`,
        mode: best!.mode,
        weights: best!.w,
        tune: best!.q,
        test: score(test, marsadRank(best!.w, bodyOnly, best!.mode)),
      });
      for (const b of [raw, stemmed]) {
        let bb: { w: number; mode: KnownItemMode; q: Quality } | undefined;
        for (const mode of KNOWN_ITEM_MODES) {
          for (const t of bodyOnly ? [1] : TITLE_WEIGHTS) {
            const q = score(tune, baseRank(b, t, bodyOnly, mode));
            if (!bb || q.mrr10 > bb.q.mrr10) bb = { w: t, mode, q };
          }
        }
        systems.push({ name: b.name, mode: bb!.mode, weights: { title: bb!.w, body: 1 }, tune: bb!.q, test: score(test, baseRank(b, bb!.w, bodyOnly, bb!.mode)) });
      }
      for (const s of systems) log(`  ${s.name}: fold 9 MRR@10 ${s.test.mrr10.toFixed(3)}, recall@10 ${s.test.recall10.toFixed(3)} (mode ${s.mode}, weights ${JSON.stringify(s.weights)})`);
      settings.push({ name, bodyOnly, systems });
    }
    raw.db.close();
    stemmed.db.close();

    // 3. Latency.
    const queries = latencyQueries(
      recs.map((r) => r.title).filter((t) => t.trim() !== ''),
      LATENCY_QUERIES,
    );
    const tunedWeights = settings[0].systems[0].weights as RankingWeights;
    const measure = (path: string, docs: number): Latency => {
      const s = openSqliteStore(path, { weights: tunedWeights });
      const c = new Corpus(s, corpus.analyzer);
      const l = measureLatency(c, queries, docs, path);
      s.close();
      log(`latency on ${docs} documents: p50 ${l.p50} ms, p95 ${l.p95} ms (with facets p50 ${l.facetsP50} ms, p95 ${l.facetsP95} ms)`);
      return l;
    };
    const storedCount = store.stats().documents;
    store.close();
    const latency: Latency[] = [];
    const sub5k = join(work, '5k.db');
    deriveIndex(fullPath, sub5k, 5000, 1);
    latency.push(measure(sub5k, Math.min(5000, storedCount)));
    latency.push(measure(fullPath, storedCount));
    if (DO_200K) {
      const big = join(work, '200k.db');
      const replicas = Math.ceil(200_000 / storedCount);
      log(`building the synthetic index: ${replicas} copies of ${storedCount} articles under new ids…`);
      const t = performance.now();
      deriveIndex(fullPath, big, undefined, replicas);
      log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
      latency.push(measure(big, storedCount * replicas));
    }

    const loadEnd = loadNote();
    const result = {
      date: started.toISOString(),
      command: `npm run bench:corpus${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadStart, loadEnd },
      analyzer: analyzerStages,
      data: {
        articles: recs.length,
        ant: recs.filter((r) => r.fold !== null).length,
        saudiNewsNet: recs.filter((r) => r.fold === null).length,
        distinctTexts: byHash.size,
        tuneQueries: tune.length,
        testQueries: test.length,
      },
      ingest: ingestResult,
      quality: settings,
      latency,
      defaultWeights: DEFAULT_WEIGHTS,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (WRITE && !QUICK) {
      writeResult('bench/results/corpus.json', result);
      writeMarkdown(result);
      log('wrote bench/results/corpus.json and docs/CORPUS.md');
    }
  } finally {
    if (KEEP) log(`databases kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

type Result = {
  date: string;
  command: string;
  machine: { cpus: number; model: string; node: string; loadStart: ReturnType<typeof loadNote>; loadEnd: ReturnType<typeof loadNote> };
  analyzer: string[];
  data: Record<string, number>;
  ingest: IngestResult;
  quality: { name: string; systems: SystemResult[] }[];
  latency: Latency[];
};

/** Replaces the generated section of docs/CORPUS.md. */
function writeMarkdown(r: Result): void {
  const f = (x: number, d = 3): string => x.toFixed(d);
  const lines: string[] = [];
  lines.push(`Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC by \`${r.command}\` (Node ${r.machine.node}, ${r.machine.cpus} cores, ${r.machine.model}).`);
  lines.push(
    `Machine load: ${r.machine.loadStart.loadavg1} at the start and ${r.machine.loadEnd.loadavg1} at the end (1-minute load average on ${r.machine.cpus} cores; ` +
      `${r.machine.loadStart.busyProcesses.length} other processes above 20% CPU at the start). Speed figures taken under such load are noisy and pessimistic.`,
  );
  lines.push(`Analyzer measured: \`${r.analyzer.join(' → ')}\` (the stages whose models are on this branch).`);
  lines.push('');
  lines.push(`Data: ${r.data.articles} articles (ANT both files: ${r.data.ant}; SaudiNewsNet subset: ${r.data.saudiNewsNet}); ${r.data.distinctTexts} distinct texts.`);
  lines.push('');
  lines.push('### Ingest throughput (analysis included)');
  lines.push('');
  lines.push('| articles | words | analysis threads | seconds | articles/s | words/s | analysis s | writes s | CPU s | articles per CPU-second | database MiB |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const i = r.ingest;
  const workers = i.workers;
  lines.push(
    `| ${i.articles} | ${i.words} | ${workers === 0 ? 'main thread' : `${workers} workers`} | ${f(i.seconds, 1)} | **${f(i.articlesPerSecond, 1)}** | ${Math.round(i.wordsPerSecond)} | ${f(i.analysisSeconds, 1)} | ${f(i.writeSeconds, 1)} | ${f(i.cpuSeconds, 1)} | ${f(i.articlesPerCpuSecond, 1)} | ${Math.round(i.dbMiB)} |`,
  );
  lines.push('');
  lines.push(
    `Articles/s is wall-clock time, everything included (reading, analysis, index terms, MinHash, SQLite writes); \`writes s\` is the time inside the SQLite transactions, on the main thread. ` +
      (workers === 0
        ? `\`analysis s\` is the time inside the analyzer, on the main thread between writes. `
        : `Analysis ran on ${workers} worker threads (as \`marsad ingest\` does by default) while the main thread wrote: \`analysis s\` is the wall time with documents in flight on the workers, so it overlaps the writes. `) +
      `CPU s counts every thread of the process; articles per CPU-second is what one core would do alone.`,
  );
  lines.push('');
  lines.push(`${i.duplicates} exact duplicates stored once; ${i.nearDuplicates} near-duplicates linked; ${i.failed} articles rejected.`);
  lines.push('');
  lines.push(`### Search quality: known-item retrieval, ANT fold-9 titles as queries (${r.data.testQueries} queries; weights tuned on the first ${r.data.tuneQueries} fold-8 titles)`);
  for (const s of r.quality) {
    lines.push('');
    lines.push(`**${s.name}**`);
    lines.push('');
    lines.push('| system | MRR@10 | recall@10 | fold-8 MRR@10 (tuning) | query mode | BM25 weights |');
    lines.push('|---|---:|---:|---:|---|---|');
    for (const sys of s.systems) {
      lines.push(`| ${sys.name} | **${f(sys.test.mrr10, 4)}** | ${f(sys.test.recall10)} | ${f(sys.tune.mrr10, 4)} | \`${sys.mode}\` | \`${JSON.stringify(sys.weights)}\` |`);
    }
  }
  lines.push('');
  lines.push(`### Search latency (${r.latency[0]?.queries} queries: 40% one word, 30% two words, 10% phrases, 10% exclusions, 10% whole titles; top 10 with snippets)`);
  lines.push('');
  lines.push('| documents | p50 ms | p95 ms | p99 ms | mean ms | with all facets p50 ms | with all facets p95 ms | database MiB |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of r.latency) lines.push(`| ${l.documents} | ${l.p50} | **${l.p95}** | ${l.p99} | ${l.mean} | ${l.facetsP50} | ${l.facetsP95} | ${l.dbMiB} |`);
  const path = 'docs/CORPUS.md';
  const start = '<!-- bench:corpus:start -->';
  const end = '<!-- bench:corpus:end -->';
  const body = `${start}\n${lines.join('\n')}\n${end}`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : `# The corpus\n\n## Measurements\n\n${start}\n${end}\n`;
  if (!doc.includes(start)) doc += `\n## Measurements\n\n${start}\n${end}\n`;
  doc = doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body);
  mkdirSync('docs', { recursive: true });
  writeFileSync(path, doc);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:corpus failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
