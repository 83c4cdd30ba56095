/**
 * `marsad ingest PATH|URL…`: reads files, folders, JSONL, HTML pages and feeds, analyzes
 * each article once and stores it. Reruns skip what is stored; Ctrl-C commits what was
 * analyzed and stops.
 */
import type { Command } from 'commander';
import { MarsadError } from '../../core/errors.js';
import { Fetcher, type ValidatorCache } from '../../ingest/fetch.js';
import { ingest, type IngestSummary } from '../../ingest/ingest.js';
import { createProgress } from '../../ingest/progress.js';
import { countDocuments, type IngestItem, readInputs } from '../../ingest/sources.js';
import { createPreparePool, defaultWorkerCount, type PreparePool } from '../../node/prepare-pool.js';
import { openCorpus } from '../../store/open.js';
import { sourceKeyOf } from '../../store/prepare.js';
import { parseByteSize } from '../options.js';

/** Options shared by `ingest` and `watch`. */
export interface FetchCliOptions {
  db?: string;
  timeout: string;
  maxBytes: string;
  redirects: string;
  robots: boolean;
  hostDelay: string;
}

/** Adds the network and database options to a command. */
export function withFetchOptions(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'database file (default: $MARSAD_DB or ./var/marsad.db)')
    .option('--timeout <ms>', 'total time per HTTP request, in ms', '15000')
    .option('--max-bytes <size>', 'largest page or feed fetched', '5MB')
    .option('--redirects <n>', 'redirects followed per request', '5')
    .option('--no-robots', 'do not honour robots.txt (only for sites you own)')
    .option('--host-delay <ms>', 'minimum time between two requests to one host, in ms', '1000');
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new MarsadError('INVALID_ARGUMENT', `${name} must be a whole number, got "${value}".`);
  return n;
}

/** The fetcher configured from the command's options. */
export function fetcherFrom(opts: FetchCliOptions, validators?: ValidatorCache): Fetcher {
  return new Fetcher({
    timeoutMs: positiveInt(opts.timeout, '--timeout'),
    maxBytes: parseByteSize(opts.maxBytes),
    maxRedirects: positiveInt(opts.redirects, '--redirects'),
    robots: opts.robots,
    hostDelayMs: positiveInt(opts.hostDelay, '--host-delay'),
    validators,
  });
}

/** Prints a summary and the problems (first 50) to standard error. */
export function printSummary(s: IngestSummary, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(
    `ingest: ${s.read} read, ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicates} duplicates, ` +
      `${s.nearDuplicates} near-duplicates linked, ${s.skipped} skipped, ${s.failed} failed in ${s.seconds.toFixed(1)} s ` +
      `(${s.articlesPerSecond.toFixed(1)} articles/s, ${Math.round(s.wordsPerSecond)} words/s)\n`,
  );
  for (const p of s.problems.slice(0, 50)) stream.write(`  ${p.origin}: ${p.code}: ${p.message}\n`);
  if (s.problems.length > 50) stream.write(`  … and ${s.problems.length - 50} more problems\n`);
}

/** Registers `ingest` on the program. */
export function registerIngest(program: Command): void {
  withFetchOptions(
    program
      .command('ingest')
      .description('Analyze and store articles from .txt/.jsonl/.html files, folders, feeds and URLs')
      .argument('<inputs...>', 'files, folders or http(s) URLs'),
  )
    .option('--batch-size <n>', 'documents per transaction', '200')
    .option('--workers <n>', 'analysis worker threads (0: analyze on the main thread; default: one per core when there are several)')
    .option('--json', 'print the summary as JSON on standard output')
    .option('--no-progress', 'no progress bar')
    .action(async (inputs: string[], opts: FetchCliOptions & { batchSize: string; workers?: string; json?: boolean; progress: boolean }) => {
      const batchSize = positiveInt(opts.batchSize, '--batch-size');
      const cores = defaultWorkerCount();
      const workers = opts.workers === undefined ? (cores > 1 ? cores : 0) : positiveInt(opts.workers, '--workers');
      const corpus = openCorpus({ db: opts.db });
      // Analysis on worker threads; SQLite writes stay here, on the one connection.
      let pool: PreparePool | undefined;
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        const fetcher = fetcherFrom(opts, corpus.store);
        const total = opts.progress ? await countDocuments(inputs) : undefined;
        const bar = opts.progress ? createProgress(total) : undefined;
        const isKnown = (it: { source: string | null; sourceId: string | null; url: string | null }): boolean => {
          const key = sourceKeyOf(it);
          return key !== null && corpus.store.hasSourceKey(key);
        };
        const started = workers > 0 ? createPreparePool({ workers }) : undefined;
        pool = started;
        const prepare = started ? (item: IngestItem) => started.prepare(item, { badDate: 'keep' }) : undefined;
        const summary = await ingest(corpus, readInputs(inputs, { fetcher, isKnown }), {
          batchSize,
          signal: abort.signal,
          onProgress: (s) => bar?.update(s),
          ...(prepare ? { prepare, concurrency: 64 * workers } : {}),
        });
        bar?.stop();
        printSummary(summary);
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        if (summary.read > 0 && summary.failed === summary.read) {
          throw new MarsadError('VALIDATION', 'No document could be ingested (see the problems above).');
        }
      } finally {
        process.off('SIGINT', onSigint);
        await pool?.close();
        corpus.store.close();
      }
    });
}
