/**
 * Watching feeds: poll each feed on an interval with conditional requests, and ingest the
 * items not stored yet (their pages are fetched only then).
 */
import { readFileSync } from 'node:fs';
import { MarsadError } from '../core/errors.js';
import type { Corpus } from '../store/corpus.js';
import { sourceKeyOf } from '../store/prepare.js';
import type { Fetcher } from './fetch.js';
import { ingest, type IngestOptions, type IngestSummary } from './ingest.js';
import { readUrl, type SourceEvent } from './sources.js';

/** Reads a feeds file: one URL per line; blank lines and `#` comments are ignored. */
export function readFeedList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new MarsadError('FILE_NOT_FOUND', `Cannot read the feed list ${path}.`, { path });
  }
  const urls: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/u, '').trim();
    if (line === '') return;
    if (!/^https?:\/\/\S+$/iu.test(line)) throw new MarsadError('VALIDATION', `${path}:${i + 1}: not an http(s) URL: "${line}"`);
    urls.push(line);
  });
  if (urls.length === 0) throw new MarsadError('EMPTY_INPUT', `${path} lists no feed URL.`);
  return urls;
}

/** Options of {@link watchFeeds}. */
export interface WatchOptions extends Omit<IngestOptions, 'signal'> {
  /** Time between two rounds, in ms (default 15 minutes). */
  intervalMs?: number;
  /** Run one round and return. */
  once?: boolean;
  signal?: AbortSignal;
  /** Called after each round with its summary. */
  onRound?: (round: number, summary: IngestSummary) => void;
}

/** The events of one round over all feeds. */
async function* roundEvents(corpus: Corpus, feeds: readonly string[], fetcher: Fetcher): AsyncGenerator<SourceEvent> {
  const isKnown = (it: { source: string | null; sourceId: string | null; url: string | null }): boolean => {
    const key = sourceKeyOf(it);
    return key !== null && corpus.store.hasSourceKey(key);
  };
  for (const url of feeds) yield* readUrl(url, { fetcher, isKnown });
}

/** Polls the feeds until the signal aborts (or once). Returns the summaries of the rounds. */
export async function watchFeeds(corpus: Corpus, feeds: readonly string[], fetcher: Fetcher, options: WatchOptions = {}): Promise<IngestSummary[]> {
  const interval = options.intervalMs ?? 15 * 60_000;
  const summaries: IngestSummary[] = [];
  for (let round = 1; ; round++) {
    const summary = await ingest(corpus, roundEvents(corpus, feeds, fetcher), { ...options, signal: options.signal });
    summaries.push(summary);
    options.onRound?.(round, summary);
    if (options.once || options.signal?.aborted) return summaries;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
    if (options.signal?.aborted) return summaries;
  }
}
