import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMarsadError } from '../core/errors.js';
import { ingest } from '../ingest/ingest.js';
import type { SourceEvent } from '../ingest/sources.js';
import { decodeAnalysis } from '../store/analysis-codec.js';
import { Corpus } from '../store/corpus.js';
import { ARTICLES } from '../store/fixtures.test-util.js';
import { prepareDocument, termPipelineOf } from '../store/prepare.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { loadAnalyzer } from './analyzer.js';
import { createPreparePool, type PreparePool } from './prepare-pool.js';

const analyzer = loadAnalyzer({ warn: () => {} });
let pool: PreparePool;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-pool-'));
  pool = createPreparePool({ workers: 2 });
  await pool.ready();
}, 60_000);
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function* itemsOf(inputs: typeof ARTICLES, prefix: string): AsyncIterable<SourceEvent> {
  for (const [i, a] of inputs.entries()) yield { kind: 'item', item: { ...a, origin: `${prefix}:${i + 1}` } };
}

describe('PreparePool', () => {
  it('starts workers with the same stages as this thread', async () => {
    expect(await pool.ready()).toEqual(analyzer.stages.map((s) => s.name));
    expect(pool.size).toBe(2);
  });

  it('prepares exactly what the main thread would, with the analysis already encoded', async () => {
    const termPipeline = termPipelineOf(analyzer);
    for (const input of ARTICLES) {
      const here = prepareDocument(input, analyzer, { termPipeline });
      const there = await pool.prepare(input);
      expect(there.encodedAnalysis).toBeDefined();
      const { analysis, encodedAnalysis, ...rest } = there;
      const { analysis: hereAnalysis, ...hereRest } = here;
      expect(rest).toEqual(hereRest);
      // The full analysis, tokens included, is in the encoding; the clone carries the document-level layers only.
      expect(decodeAnalysis(encodedAnalysis!.bytes, analysis.text, encodedAnalysis!.codec)).toEqual(hereAnalysis);
      expect(analysis.tokens).toBeUndefined();
      expect(analysis.entities).toEqual(hereAnalysis.entities);
      expect(analysis.quotes).toEqual(hereAnalysis.quotes);
    }
  });

  it('rejects a bad document with its error code and goes on with the next', async () => {
    const bad = pool.prepare({ text: '   ' });
    await expect(bad).rejects.toSatisfy((e) => isMarsadError(e) && e.code === 'EMPTY_INPUT');
    const big = pool.prepare({ text: 'ا'.repeat(10) }, { maxChars: 5 });
    await expect(big).rejects.toSatisfy((e) => isMarsadError(e) && e.code === 'INPUT_TOO_LARGE');
    await expect(pool.prepare(ARTICLES[0])).resolves.toMatchObject({ title: ARTICLES[0].title });
  });

  it('ingests through the pool into the same store contents as analysis on this thread', async () => {
    const inputs = [...ARTICLES, { ...ARTICLES[1], sourceId: 'copy-of-b' }, { text: '' }];
    const run = async (name: string, withPool: boolean) => {
      const store = openSqliteStore(join(dir, `${name}.sqlite`));
      const corpus = new Corpus(store, analyzer);
      const summary = await ingest(corpus, itemsOf(inputs, name), {
        batchSize: 2,
        ...(withPool ? { prepare: (item) => pool.prepare(item, { badDate: 'keep' }), concurrency: 3 } : {}),
      });
      const docs = corpus.search({ q: 'العراق', limit: 50 }).results.map((r) => r.id);
      const stored = docs.map((id) => store.getDocument(id, { analysis: true }));
      const entities = store.stats();
      store.close();
      return { summary, docs, stored, entities };
    };
    const here = await run('here', false);
    const pooled = await run('pooled', true);
    const counts = ({ read, inserted, duplicates, failed, words }: typeof here.summary) => ({ read, inserted, duplicates, failed, words });
    expect(counts(pooled.summary)).toEqual(counts(here.summary));
    expect(here.summary).toMatchObject({ failed: 1, duplicates: 1 });
    expect(pooled.summary.problems.map((p) => [p.origin, p.code])).toEqual([['pooled:' + inputs.length, 'EMPTY_INPUT']]);
    expect(pooled.docs).toEqual(here.docs);
    expect(pooled.docs.length).toBeGreaterThan(0);
    const strip = (d: (typeof here.stored)[number]) => d && { ...d, ingestedAt: undefined, duplicates: d.duplicates.map((c) => ({ ...c, ingestedAt: undefined })) };
    expect(pooled.stored.map(strip)).toEqual(here.stored.map(strip));
    expect(pooled.stored.every((d) => d?.analysis?.tokens && d.analysis.tokens.length > 0)).toBe(true);
    expect(pooled.entities).toEqual(here.entities);
  }, 60_000);

  it('refuses a pool without workers, and work after closing', async () => {
    expect(() => createPreparePool({ workers: 0 })).toThrow(/at least one worker/);
    const small = createPreparePool({ workers: 1 });
    await small.close();
    await expect(small.prepare(ARTICLES[0])).rejects.toSatisfy((e) => isMarsadError(e) && e.code === 'INTERNAL');
  });
});
