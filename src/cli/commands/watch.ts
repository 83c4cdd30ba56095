/**
 * `marsad watch feeds.txt`: polls the listed feeds on an interval (conditional requests),
 * ingesting new items, until interrupted.
 */
import type { Command } from 'commander';
import { MarsadError } from '../../core/errors.js';
import { readFeedList, watchFeeds } from '../../ingest/watch.js';
import { openCorpus } from '../../store/open.js';
import { fetcherFrom, type FetchCliOptions, printSummary, withFetchOptions } from './ingest.js';

/** Parses a duration such as `90s`, `15m`, `1h` or a number of seconds. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/iu.exec(value);
  if (!m) throw new MarsadError('INVALID_ARGUMENT', `Not a duration: "${value}" (use e.g. 90s, 15m, 1h).`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(m[1]) * unit;
  if (ms < 10_000) throw new MarsadError('INVALID_ARGUMENT', `The interval must be at least 10s, got "${value}".`);
  return ms;
}

/** Registers `watch` on the program. */
export function registerWatch(program: Command): void {
  withFetchOptions(
    program
      .command('watch')
      .description('Poll RSS/Atom feeds listed in a file (one URL per line) and ingest new articles')
      .argument('<feeds-file>', 'file with one feed URL per line (# comments allowed)'),
  )
    .option('--interval <duration>', 'time between two polls, e.g. 90s, 15m, 1h', '15m')
    .option('--once', 'poll once and exit')
    .action(async (file: string, opts: FetchCliOptions & { interval: string; once?: boolean }) => {
      const feeds = readFeedList(file);
      const intervalMs = parseDuration(opts.interval);
      const corpus = openCorpus({ db: opts.db });
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        process.stderr.write(`watch: ${feeds.length} feeds, every ${opts.interval}${opts.once ? ' (once)' : ''}; Ctrl-C to stop\n`);
        await watchFeeds(corpus, feeds, fetcherFrom(opts, corpus.store), {
          intervalMs,
          once: opts.once,
          signal: abort.signal,
          onRound: (round, s) => {
            process.stderr.write(`watch round ${round} (${new Date().toISOString()}): `);
            printSummary(s);
          },
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        corpus.store.close();
      }
    });
}
