/**
 * A pool of worker threads that analyze documents for the store, so that ingest uses every
 * core: analysis is most of an article's cost and needs nothing from the database, while
 * SQLite writes stay on the main thread's single connection.
 *
 * Each worker loads its own analyzer (models are not shared between threads; about 0.6 s and
 * 150 MB each). Results come back by structured clone; the pool keeps no order of its own,
 * since `ingest` awaits results in input order.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, MarsadError } from '../core/errors.js';
import type { PrepareOptions } from '../store/prepare.js';
import type { DocumentInput, PreparedDocument } from '../store/store.js';
import type { LoadAnalyzerOptions } from './analyzer.js';

/** What a worker is started with: how to build its analyzer (serializable, so no `warn`). */
export interface PrepareWorkerData {
  analyzer: Omit<LoadAnalyzerOptions, 'warn'>;
}

/** One document sent to a worker. */
export interface PrepareRequest {
  id: number;
  input: DocumentInput;
  options: Omit<PrepareOptions, 'termPipeline'>;
}

/** A worker's answer: the prepared document, or why it could not be prepared. */
export type PrepareResponse =
  | { id: number; doc: PreparedDocument; error?: undefined }
  | { id: number; doc?: undefined; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** Options of {@link createPreparePool}. */
export interface PreparePoolOptions {
  /** Worker threads (default: one per core the process may use). */
  workers?: number;
  /** How each worker builds its analyzer; should match the main thread's. */
  analyzer?: Omit<LoadAnalyzerOptions, 'warn'>;
}

/** Analyzes documents on worker threads. */
export interface PreparePool {
  /** Number of workers started. */
  readonly size: number;
  /** Resolves once every worker has loaded its models, with the analyzer's stage names. */
  ready(): Promise<string[]>;
  /** Analyzes and indexes one document; rejects with the `MarsadError` the analysis threw. */
  prepare(input: DocumentInput, options?: Omit<PrepareOptions, 'termPipeline'>): Promise<PreparedDocument>;
  /** Stops the workers; documents still in flight are rejected. */
  close(): Promise<void>;
}

/** Default worker count: every core the process may use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

interface Pending {
  resolve(doc: PreparedDocument): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  alive: boolean;
  ready: Promise<string[]>;
}

/**
 * Starts a worker on `prepare-worker`. From the TypeScript sources (tests, `tsx`), Node's
 * worker threads do not inherit tsx's loader, so a tiny bootstrap registers it first; the
 * built package runs the compiled `.js` directly.
 */
function startWorker(data: PrepareWorkerData): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./prepare-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: data });
  // tsx's ESM entry, found through its CommonJS one (resolvable with `require` from any host).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/u, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * Starts a pool of analysis workers.
 * @throws MarsadError `INVALID_ARGUMENT` for a worker count below 1.
 */
export function createPreparePool(options: PreparePoolOptions = {}): PreparePool {
  const count = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(count) || count < 1) throw new MarsadError('INVALID_ARGUMENT', `A pool needs at least one worker, got ${count}.`);
  const data: PrepareWorkerData = { analyzer: options.analyzer ?? {} };
  let nextId = 0;
  let closing = false;

  const fail = (slot: Slot, why: string): void => {
    slot.alive = false;
    for (const p of slot.inFlight.values()) p.reject(new MarsadError('INTERNAL', why));
    slot.inFlight.clear();
  };

  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const worker = startWorker(data);
    let markReady!: (stages: string[]) => void;
    let markFailed!: (e: Error) => void;
    const ready = new Promise<string[]>((res, rej) => {
      markReady = res;
      markFailed = rej;
    });
    // A pool that is never waited on must not crash the process with an unhandled rejection.
    ready.catch(() => {});
    const slot: Slot = { worker, inFlight: new Map(), alive: true, ready };
    worker.on('message', (msg: PrepareResponse | { ready: true; stages: string[] }) => {
      if ('ready' in msg) {
        markReady(msg.stages);
        return;
      }
      const p = slot.inFlight.get(msg.id);
      if (!p) return;
      slot.inFlight.delete(msg.id);
      if (msg.doc) p.resolve(msg.doc);
      else p.reject(new MarsadError(msg.error.code, msg.error.message, msg.error.details));
    });
    worker.on('error', (e) => {
      markFailed(e);
      fail(slot, `An analysis worker failed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      const why = closing ? 'The analysis pool was closed.' : `An analysis worker stopped (exit code ${code}).`;
      markFailed(new MarsadError('INTERNAL', why));
      fail(slot, why);
    });
    slots.push(slot);
  }

  return {
    size: count,
    async ready() {
      const all = await Promise.all(slots.map((s) => s.ready));
      return all[0] ?? [];
    },
    prepare(input, prepareOptions = {}) {
      // The least busy live worker: documents differ in length, so round-robin would let one queue grow.
      let best: Slot | undefined;
      for (const s of slots) if (s.alive && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best || closing) return Promise.reject(new MarsadError('INTERNAL', 'No analysis worker is running.'));
      const id = nextId++;
      const slot = best;
      return new Promise<PreparedDocument>((resolve, reject) => {
        slot.inFlight.set(id, { resolve, reject });
        const req: PrepareRequest = { id, input, options: prepareOptions };
        slot.worker.postMessage(req);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
