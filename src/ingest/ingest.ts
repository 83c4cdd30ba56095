/**
 * The ingest loop: read → skip what is stored → analyze → write in batched transactions.
 *
 * Crash safety: documents are written in transactions of up to `batchSize` documents (or
 * whatever was analyzed within `maxBatchMs`). A process killed at any point leaves the
 * database at the last committed batch; since every document is keyed by its source key and
 * content hash, a rerun skips what was committed and writes the rest: nothing lost, nothing
 * twice. The kill -9 test in `crash.test.ts` checks this with a real child process.
 */
import { isMarsadError } from '../core/errors.js';
import type { Corpus } from '../store/corpus.js';
import { contentHashOf, sourceKeyOf } from '../store/prepare.js';
import type { PreparedDocument, PutOutcome } from '../store/store.js';
import type { IngestItem, IngestProblem, SourceEvent } from './sources.js';

/** Running counts of an ingest. */
export interface IngestStats {
  /** Documents read from the inputs (including those skipped or failed). */
  read: number;
  inserted: number;
  updated: number;
  /** Already stored with the same content (skipped before analysis). */
  unchanged: number;
  /** Same content as a stored document under another source key (linked as an alias). */
  duplicates: number;
  /** Stored, and linked as a near-duplicate of an earlier document. */
  nearDuplicates: number;
  /** Items skipped by the reader (feed items already stored, pages not modified). */
  skipped: number;
  failed: number;
  /** Words analyzed (word tokens of the documents analyzed). */
  words: number;
  /** Seconds since the start. */
  seconds: number;
}

/** The result of an ingest. */
export interface IngestSummary extends IngestStats {
  problems: IngestProblem[];
  articlesPerSecond: number;
  wordsPerSecond: number;
}

/** Options of {@link ingest}. */
export interface IngestOptions {
  /** Documents per transaction (default 200). */
  batchSize?: number;
  /** Commit at least this often while documents arrive slowly, in ms (default 2000). */
  maxBatchMs?: number;
  /** Called after each committed batch, at most every 200 ms while reading, and at the end. */
  onProgress?: (stats: IngestStats) => void;
  /** Called for each document that could not be read or analyzed. */
  onProblem?: (problem: IngestProblem) => void;
  /** Called after each commit with the outcomes of that batch. */
  onCommit?: (outcomes: PutOutcome[]) => void;
  /** Stops reading at the next document when aborted; what was analyzed is still committed. */
  signal?: AbortSignal;
  /**
   * Analyzes one document elsewhere (a worker pool, see `src/node/prepare-pool.ts`) instead
   * of with `corpus.prepare` on this thread. Results are still written in input order.
   */
  prepare?: (item: IngestItem) => Promise<PreparedDocument>;
  /** Documents being analyzed at once with `prepare` (default 8); reading waits beyond that. */
  concurrency?: number;
}

/** Ingests a stream of source events into the corpus. */
export async function ingest(corpus: Corpus, events: AsyncIterable<SourceEvent>, options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const maxBatchMs = options.maxBatchMs ?? 2000;
  const started = performance.now();
  const stats: IngestStats = { read: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0, nearDuplicates: 0, skipped: 0, failed: 0, words: 0, seconds: 0 };
  const problems: IngestProblem[] = [];
  let batch: PreparedDocument[] = [];
  let batchStarted = performance.now();
  // Content hashes analyzed or being analyzed but not committed yet, so a repeat before the
  // commit is not analyzed twice (the store cannot see it yet).
  const pendingHashes = new Set<string>();
  const concurrency = options.prepare ? Math.max(1, options.concurrency ?? 8) : 1;
  // Documents handed to `prepare`, oldest first: results join the batch in input order, so
  // ids, duplicate links and near-duplicate links are the same as with in-thread analysis.
  const inFlight: { item: IngestItem; hash: string; result: Promise<PreparedDocument> }[] = [];

  const report = (p: IngestProblem): void => {
    stats.failed++;
    problems.push(p);
    options.onProblem?.(p);
  };
  const reportFailure = (item: IngestItem, e: unknown): void => {
    report({
      origin: item.origin,
      code: isMarsadError(e) ? e.code : 'INTERNAL',
      message: isMarsadError(e) ? e.message : `Analysis failed: ${(e as Error).message}`,
    });
  };
  let lastProgress = 0;
  const progress = (): void => {
    lastProgress = performance.now();
    stats.seconds = (lastProgress - started) / 1000;
    options.onProgress?.({ ...stats });
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    const outcomes = corpus.store.putDocuments(batch);
    for (const o of outcomes) {
      if (o.status === 'inserted') stats.inserted++;
      else if (o.status === 'updated') stats.updated++;
      else if (o.status === 'unchanged') stats.unchanged++;
      else stats.duplicates++;
      if (o.nearDuplicateOf) stats.nearDuplicates++;
    }
    options.onCommit?.(outcomes);
    for (const d of batch) pendingHashes.delete(d.contentHash);
    batch = [];
    batchStarted = performance.now();
    progress();
  };
  const add = (prepared: PreparedDocument): void => {
    stats.words += prepared.wordCount;
    batch.push(prepared);
  };
  const maybeFlush = (): void => {
    if (batch.length >= batchSize || (batch.length > 0 && performance.now() - batchStarted >= maxBatchMs)) flush();
    else if (performance.now() - lastProgress >= 200) progress();
  };
  /** Waits for the oldest document in flight and adds it to the batch. */
  const settleOldest = async (): Promise<void> => {
    const head = inFlight.shift();
    if (!head) return;
    try {
      add(await head.result);
    } catch (e) {
      pendingHashes.delete(head.hash);
      reportFailure(head.item, e);
    }
    maybeFlush();
  };

  const handle = async (item: IngestItem): Promise<void> => {
    let hash: string;
    try {
      hash = contentHashOf(item.text ?? '');
    } catch (e) {
      report({ origin: item.origin, code: 'VALIDATION', message: (e as Error).message });
      return;
    }
    const key = sourceKeyOf(item);
    const store = corpus.store;
    if (pendingHashes.has(hash) && key === null) {
      stats.duplicates++;
      return;
    }
    if (!pendingHashes.has(hash) && store.hasContentHash(hash)) {
      // Stored already: same source (unchanged) or another source (an alias of it). No analysis needed.
      if (key === null || store.hasSourceKey(key)) {
        stats.unchanged++;
        return;
      }
    }
    pendingHashes.add(hash);
    if (options.prepare) {
      const result = options.prepare(item);
      // Settled in order by `settleOldest`; this only keeps a failure from counting as unhandled meanwhile.
      result.catch(() => {});
      inFlight.push({ item, hash, result });
      while (inFlight.length >= concurrency) await settleOldest();
      return;
    }
    try {
      add(corpus.prepare(item, { badDate: 'keep' }));
    } catch (e) {
      pendingHashes.delete(hash);
      reportFailure(item, e);
    }
  };

  try {
    for await (const ev of events) {
      if (options.signal?.aborted) break;
      if (ev.kind === 'problem') {
        stats.read++;
        report(ev.problem);
      } else if (ev.kind === 'skipped') {
        stats.skipped++;
      } else {
        stats.read++;
        await handle(ev.item);
      }
      maybeFlush();
    }
    while (inFlight.length > 0) await settleOldest();
  } finally {
    // On an error from the reader, what was analyzed is still committed; documents still in
    // flight are dropped (not lost: they are not stored, so a rerun analyzes them).
    flush();
  }
  progress();
  const seconds = Math.max(stats.seconds, 1e-6);
  const analyzed = stats.inserted + stats.updated + stats.duplicates;
  return {
    ...stats,
    problems,
    articlesPerSecond: analyzed / seconds,
    wordsPerSecond: stats.words / seconds,
  };
}
