/**
 * Worker-thread entry of {@link PreparePool}: loads its own analyzer once, then analyzes and
 * indexes the documents it is sent (`prepareDocument`) and posts each result back. Errors
 * travel as `{code, message}` so the pool can rebuild them as `MarsadError`s: a bad document
 * fails alone, never the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isMarsadError } from '../core/errors.js';
import { ANALYSIS_CODEC, encodeAnalysis } from '../store/analysis-codec.js';
import { prepareDocument, termPipelineOf } from '../store/prepare.js';
import type { PreparedDocument } from '../store/store.js';
import { loadAnalyzer } from './analyzer.js';
import type { PrepareRequest, PrepareResponse, PrepareWorkerData } from './prepare-pool.js';

/**
 * The document as it crosses to the writing thread: the analysis encoded here (the costly
 * part of a write) and its token layer left out (the store reads only document-level layers
 * when the encoding is given), so the writer clones, and later collects, far less.
 */
function forTransfer(doc: PreparedDocument, transfer: ArrayBuffer[]): PreparedDocument {
  const bytes = encodeAnalysis(doc.analysis);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  transfer.push(copy.buffer);
  const { tokens: _tokens, ...layers } = doc.analysis;
  return { ...doc, analysis: layers, encodedAnalysis: { codec: ANALYSIS_CODEC, bytes: copy } };
}

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs only as a worker thread.');

const data = workerData as PrepareWorkerData;
// Warnings (a missing model) were already printed by the main thread's own analyzer.
const analyzer = loadAnalyzer({ ...data.analyzer, warn: () => {} });
const termPipeline = termPipelineOf(analyzer);
port.postMessage({ ready: true, stages: analyzer.stages.map((s) => s.name) });

port.on('message', (req: PrepareRequest) => {
  let res: PrepareResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    res = { id: req.id, doc: forTransfer(prepareDocument(req.input, analyzer, { ...req.options, termPipeline }), transfer) };
  } catch (e) {
    res = {
      id: req.id,
      error: isMarsadError(e)
        ? { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
        : { code: 'INTERNAL', message: `Analysis failed: ${(e as Error).message}` },
    };
  }
  port.postMessage(res, transfer);
});
