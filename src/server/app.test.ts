import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../store/corpus.js';
import { ARTICLES, LAVROV_BAGHDAD } from '../store/fixtures.test-util.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createTestAnalyzer } from '../store/test-analyzer.test-util.js';
import { buildServer } from './app.js';

const TOKEN = 'test-token-1234';
let app: FastifyInstance;
let corpus: Corpus;
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  corpus = new Corpus(openSqliteStore(':memory:'), createTestAnalyzer());
  app = await buildServer({ corpus, token: TOKEN, bodyLimit: 64 * 1024, staticDir: false });
  for (const a of ARTICLES) {
    const res = await app.inject({
      method: 'POST',
      url: '/documents',
      headers: auth,
      payload: { text: a.text, title: a.title, source: a.source, id: a.sourceId, url: a.url, date: a.published },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
  corpus.store.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe('errors', () => {
  it('answers unknown routes with a NOT_FOUND code', async () => {
    expect(await get('/nope')).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No route GET /nope.' } } });
  });

  it('rejects invalid parameters with VALIDATION and the failing field, no stack trace', async () => {
    const r = await get('/search?q=x&limit=500');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.message).toMatch(/limit/);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    expect((await get('/search?from=yesterday')).body.error.code).toBe('VALIDATION');
    expect((await get('/search?facets=colour')).status).toBe(400);
    expect((await get('/entities/xyz')).status).toBe(400);
  });

  it('rejects a query of exclusions only', async () => {
    const r = await get(`/search?q=${encodeURIComponent('-لافروف')}`);
    expect(r).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT' } } });
  });

  it('reads q as plain text with syntax=plain, and rejects an unknown syntax', async () => {
    const r = await get(`/search?q=${encodeURIComponent('-لافروف')}&syntax=plain`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect((await get('/search?q=x&syntax=regex')).body.error.code).toBe('VALIDATION');
  });

  it('rejects bodies over the size limit with 413 INPUT_TOO_LARGE', async () => {
    const res = await app.inject({ method: 'POST', url: '/analyze', payload: { text: 'ا'.repeat(100_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('INPUT_TOO_LARGE');
  });

  it('rejects malformed JSON, empty text and unknown media types', async () => {
    const bad = await app.inject({ method: 'POST', url: '/analyze', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    const empty = await app.inject({ method: 'POST', url: '/analyze', payload: { text: '   ' } });
    expect(empty.json().error.code).toBe('EMPTY_INPUT');
    const xml = await app.inject({ method: 'POST', url: '/analyze', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('returns 404 for an unknown document or entity', async () => {
    expect((await get('/documents/ffffffffffffffff')).body.error.code).toBe('NOT_FOUND');
    expect((await get('/entities/E99999')).status).toBe(404);
  });
});

describe('auth on write endpoints', () => {
  const doc = { text: 'خبر قصير عن العراق وروسيا.', source: 'auth-test', id: 'x1' };
  it('refuses writes without a token, with a wrong token and with a malformed header', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }]) {
      const res = await app.inject({ method: 'POST', url: '/documents', headers, payload: doc });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    const del = await app.inject({ method: 'DELETE', url: '/documents/abc' });
    expect(del.statusCode).toBe(401);
  });

  it('refuses every write when the server has no token', async () => {
    const open = await buildServer({ corpus, staticDir: false });
    const res = await open.inject({ method: 'POST', url: '/documents', headers: auth, payload: doc });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/MARSAD_TOKEN/);
    await open.close();
  });

  it('stores with the token, idempotently, and deletes', async () => {
    const first = await app.inject({ method: 'POST', url: '/documents', headers: auth, payload: doc });
    expect(first.statusCode).toBe(201);
    const id = first.json().id as string;
    expect(first.headers.location).toBe(`/documents/${id}`);
    const again = await app.inject({ method: 'POST', url: '/documents', headers: auth, payload: doc });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'unchanged', id });
    // The same text from another site: stored once, and the copy's source, URL and title are served.
    const copy = { ...doc, id: 'copy-1', source: 'mirror', url: 'https://mirror.example/copy-1', title: 'نسخة أخرى' };
    const dup = await app.inject({ method: 'POST', url: '/documents', headers: auth, payload: copy });
    expect(dup.json()).toEqual({ status: 'duplicate', id });
    const stored = (await get(`/documents/${id}?analysis=false`)).body;
    expect(stored.duplicates).toEqual([
      expect.objectContaining({ source: 'mirror', url: 'https://mirror.example/copy-1', title: 'نسخة أخرى' }) as unknown,
    ]);
    expect((await app.inject({ method: 'DELETE', url: `/documents/${id}`, headers: auth })).statusCode).toBe(204);
    expect((await get(`/documents/${id}`)).status).toBe(404);
  });

  it('validates the document body', async () => {
    const res = await app.inject({ method: 'POST', url: '/documents', headers: auth, payload: { title: 'بلا نص' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].message).toMatch(/text/);
    const date = await app.inject({ method: 'POST', url: '/documents', headers: auth, payload: { text: 'نص', date: 'not a date' } });
    expect(date.json().error.code).toBe('VALIDATION');
  });
});

describe('read endpoints', () => {
  it('analyzes JSON and plain-text bodies without storing', async () => {
    const before = (await get('/health')).body.store.documents;
    const res = await app.inject({ method: 'POST', url: '/analyze', payload: { text: LAVROV_BAGHDAD.text } });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.schemaVersion).toBe(1);
    expect(doc.entities.map((e: { name: string }) => e.name)).toContain('سيرجي لافروف');
    const plain = await app.inject({ method: 'POST', url: '/analyze?date=2026-03-04', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: 'قال لافروف: "نعم".' });
    expect(plain.json().quotes[0].text).toBe('نعم');
    const tokensOnly = await app.inject({ method: 'POST', url: '/analyze', payload: { text: 'العراق', stages: ['tokenize'] } });
    expect(Object.keys(tokensOnly.json()).sort()).toEqual(['schemaVersion', 'text', 'tokens']);
    expect((await get('/health')).body.store.documents).toBe(before);
  });

  it('reports health', async () => {
    const r = await get('/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', writes: true, store: { kind: 'sqlite', documents: 5 }, analyzer: { stages: expect.arrayContaining(['tokenize', 'ner']) } });
  });

  it('searches with filters and facets, highlighting original offsets', async () => {
    const q = encodeURIComponent('العراق');
    const r = await get(`/search?q=${q}&source=wire-a&source=wire-b&from=2026-03-01&facets=source&facets=entity&facets=date`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect(r.body.facets.source).toEqual([
      { value: 'wire-a', count: 2 },
      { value: 'wire-b', count: 1 },
    ]);
    expect(typeof r.body.tookMs).toBe('number');
    for (const hit of r.body.results) {
      const doc = (await get(`/documents/${hit.id}?analysis=false`)).body;
      expect(doc.analysis).toBeUndefined();
      expect(doc.text.slice(hit.snippet.start, hit.snippet.end)).toBe(hit.snippet.text);
      for (const h of hit.snippet.highlights) expect(doc.text.slice(h.start, h.end)).toMatch(/عراق/);
    }
    const lavrov = r.body.facets.entity.find((e: { label: string }) => e.label === 'سيرجي لافروف');
    const byEntity = await get(`/search?q=${q}&entity=${lavrov.value}&topic=politics&eventType=visit`);
    expect(byEntity.body.total).toBe(1);
    expect((await get(`/search?q=${q}&to=2026-02-28`)).body.total).toBe(1);
  });

  it('returns a stored document with its analysis', async () => {
    const hit = (await get(`/search?q=${encodeURIComponent('"النفط والغاز"')}`)).body.results[0];
    const doc = (await get(`/documents/${hit.id}`)).body;
    expect(doc).toMatchObject({ source: 'wire-a', sourceId: 'a-1', schemaVersion: 1, analysis: { schemaVersion: 1 } });
    expect(doc.analysis.tokens.length).toBeGreaterThan(10);
  });

  it('lists entities and gives a profile', async () => {
    const list = (await get(`/entities?q=${encodeURIComponent('لافروف')}`)).body;
    expect(list.total).toBe(1);
    const p = (await get(`/entities/${list.items[0].id}`)).body;
    expect(p).toMatchObject({ name: 'سيرجي لافروف', type: 'PER', documents: 3 });
    expect(p.timeline.length).toBeGreaterThan(0);
    expect(p.quotes.length).toBe(2);
    expect(p.cooccurring[0].entity.name).toBe('العراق');
    expect((await get('/entities?type=LOC&limit=2')).body.items).toHaveLength(2);
  });

  it('finds quotes and events', async () => {
    const quotes = (await get(`/quotes?speaker=${encodeURIComponent('لافروف')}&q=${encodeURIComponent('العراق')}`)).body;
    expect(quotes.total).toBe(1);
    expect(quotes.items[0].speaker.name).toBe('سيرجي لافروف');
    const events = (await get(`/events?type=visit&actor=${encodeURIComponent('لافروف')}&from=2026-03-01&to=2026-03-31`)).body;
    expect(events.total).toBe(2);
    expect(events.items[0].participants.map((p: { role: string }) => p.role)).toEqual(['actor', 'target']);
  });

  it('describes itself with OpenAPI', async () => {
    const spec = (await get('/openapi.json')).body;
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/analyze', '/documents', '/documents/{id}', '/search', '/entities', '/entities/{id}', '/quotes', '/events', '/health']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths['/documents'].post.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'from', 'to', 'source', 'topic', 'entity', 'eventType', 'facets']));
  });
});

describe('static UI', () => {
  it('serves web/dist at / when present, next to the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>مرصد</title></html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const withUi = await buildServer({ corpus, staticDir: dir });
    const index = await withUi.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect((await withUi.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await withUi.inject({ method: 'GET', url: '/health' })).json().status).toBe('ok');
    await withUi.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
