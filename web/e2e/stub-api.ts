/**
 * A stubbed API for the UI-rendering tests: the built UI (`web/dist`) is served from a fake
 * origin through Playwright's request interception, and the API answers canned JSON shaped
 * as issue 6 describes. It lets the tests check how the UI draws layers and pages whatever
 * the server on this branch can compute yet, and records the API requests the UI makes.
 * The real server is exercised by `server.e2e.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import type { AnalyzedDocument, EntityType } from '../../src/core/document.js';

type Ref = { id: string; type: EntityType; name: string };
import { ARTICLES, HOSTILE, IRAQ_RUSSIA, spanOf, stubAnalysis } from './fixtures.js';

/** The fake origin the UI is served from. */
export const ORIGIN = 'http://marsad.test';
/** The token the stub accepts on write endpoints. */
export const TOKEN = 'stub-token';

const DIST = resolve('web/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

const PER_KOZLOV: Ref = { id: 'E2', type: 'PER', name: 'اندريه كوزلوف' };
const PER_HADITHI: Ref = { id: 'E1', type: 'PER', name: 'سالم الحديثي' };
const LOC_IRAQ: Ref = { id: 'E5', type: 'LOC', name: 'العراق' };
const LOC_RUSSIA: Ref = { id: 'E4', type: 'LOC', name: 'روسيا' };
const LOC_EGYPT: Ref = { id: 'E7', type: 'LOC', name: 'مصر' };
const LOC_ALGERIA: Ref = { id: 'E8', type: 'LOC', name: 'الجزائر' };

/** Stored documents by id. */
export const STORED: Record<string, { article: (typeof ARTICLES)[number]; analysis?: AnalyzedDocument }> = {
  d1: { article: IRAQ_RUSSIA, analysis: stubAnalysis() },
  d2: { article: ARTICLES[1] },
  d3: { article: ARTICLES[2] },
  d4: { article: HOSTILE, analysis: { schemaVersion: 1, text: HOSTILE.text } },
};

function hit(id: string, word: string) {
  const { article } = STORED[id];
  const h = spanOf(article.text, word);
  const start = Math.max(0, h.start - 30);
  const end = Math.min(article.text.length, h.end + 50);
  return {
    id,
    title: article.title,
    source: article.source,
    published: `${article.published}T00:00:00.000Z`,
    topic: 'سياسة',
    score: 1,
    snippet: { start, end, text: article.text.slice(start, end), highlights: [h], truncatedStart: start > 0, truncatedEnd: end < article.text.length },
    titleHighlights: [],
    nearDuplicates: id === 'd1' ? 1 : 0,
  };
}

function searchResponse(url: URL) {
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const source = url.searchParams.getAll('source');
  let results = [hit('d1', 'العراق'), hit('d3', 'العراق'), hit('d4', 'العراق')];
  if (source.length) results = results.filter((r) => source.includes(r.source));
  return {
    total: source.length ? results.length : 23,
    offset,
    limit: 10,
    mode: 'all',
    relaxed: false,
    results,
    facets: {
      source: ARTICLES.map((a, i) => ({ value: a.source, count: 9 - 2 * i })),
      topic: [
        { value: 'سياسة', count: 15 },
        { value: 'اقتصاد', count: 8 },
      ],
      entity: [LOC_IRAQ, PER_KOZLOV, LOC_RUSSIA].map((e, i) => ({ value: e.id, label: e.name, type: e.type, count: 12 - 3 * i })),
      eventType: [
        { value: 'MEET', count: 6 },
        { value: 'AGREE', count: 3 },
      ],
      date: [
        { value: '2026-01', count: 2 },
        { value: '2026-02', count: 5 },
        { value: '2026-03', count: 9 },
        { value: '2026-04', count: 4 },
        { value: '2026-05', count: 3 },
      ],
    },
  };
}

function events() {
  const ev = (id: number, type: string, actor: Ref, target: Ref, place: Ref | null, doc: string, trigger: string, date: string) => ({
    id,
    documentId: doc,
    documentTitle: STORED[doc].article.title,
    published: `${date}T00:00:00.000Z`,
    type,
    cameo: type === 'MEET' ? '042' : '057',
    trigger: { ...spanOf(STORED[doc].article.text, trigger), text: trigger },
    modality: type === 'AGREE' ? 'expected' : 'asserted',
    time: { text: 'يوم الأحد', date },
    participants: [
      { entity: actor, role: 'actor' as const },
      { entity: target, role: 'target' as const },
      ...(place ? [{ entity: place, role: 'place' as const }] : []),
    ],
  });
  return [
    ev(1, 'MEET', PER_HADITHI, PER_KOZLOV, { id: 'E3', type: 'LOC', name: 'بغداد' }, 'd1', 'استقبل', '2026-03-15'),
    ev(2, 'AGREE', LOC_IRAQ, LOC_RUSSIA, null, 'd1', 'يوقّع', '2026-03-15'),
    ev(3, 'MEET', LOC_EGYPT, LOC_ALGERIA, LOC_ALGERIA, 'd2', 'بحث', '2026-04-02'),
    ev(4, 'AGREE', LOC_EGYPT, LOC_ALGERIA, null, 'd2', 'سيوقعان', '2026-04-02'),
  ];
}

function entityProfile() {
  const text = IRAQ_RUSSIA.text;
  const q = spanOf(text, 'نحن مستعدون لتزويد العراق بمنظومات دفاع جوى حديثة');
  return {
    ...PER_KOZLOV,
    aliases: ['كوزلوف', 'أندريه كوزلوف'],
    documents: 14,
    mentions: 37,
    firstSeen: '2026-01-10T00:00:00.000Z',
    lastSeen: '2026-05-02T00:00:00.000Z',
    roles: [{ title: 'وزير الخارجية', country: 'روسيا', count: 12 }],
    timeline: [
      { period: '2026-01', mentions: 4, documents: 2 },
      { period: '2026-02', mentions: 9, documents: 3 },
      { period: '2026-03', mentions: 17, documents: 6 },
      { period: '2026-04', mentions: 5, documents: 2 },
      { period: '2026-05', mentions: 2, documents: 1 },
    ],
    quotes: [
      {
        id: 1,
        documentId: 'd1',
        documentTitle: IRAQ_RUSSIA.title,
        published: '2026-03-15T00:00:00.000Z',
        speaker: PER_KOZLOV,
        speakerText: 'كوزلوف',
        cue: 'قال',
        kind: 'direct',
        text: text.slice(q.start, q.end),
        start: q.start,
        end: q.end,
      },
    ],
    cooccurring: [
      { entity: LOC_IRAQ, documents: 11 },
      { entity: PER_HADITHI, documents: 7 },
      { entity: LOC_RUSSIA, documents: 9 },
      { entity: { id: 'E3', type: 'LOC', name: 'بغداد' }, documents: 5 },
      { entity: { id: 'E6', type: 'ORG', name: 'وزارة الخارجية العراقية' }, documents: 3 },
      { entity: { id: 'E9', type: 'ORG', name: 'الأمم المتحدة' }, documents: 2 },
      { entity: { id: 'E10', type: 'MISC', name: 'منظومة إس-400' }, documents: 1 },
    ],
    events: events().slice(0, 1),
  };
}

/** Every API request the UI made, as URLs. */
export interface StubLog {
  requests: URL[];
  /** Bodies of POST requests, with their paths. */
  posts: { path: string; body: string }[];
  /** Make the next answer to a path fail (status) or hang (ms) once. */
  failNext: Map<string, number>;
  delayNext: Map<string, number>;
}

function json(route: Route, body: unknown, status = 200) {
  return route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
}

/** Installs the stub on a browser context and returns its request log. */
export async function installStub(context: BrowserContext): Promise<StubLog> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first.');
  const log: StubLog = { requests: [], posts: [], failNext: new Map(), delayNext: new Map() };
  await context.route(`${ORIGIN}/**`, async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname;
    const api = /^\/(analyze|documents|search|entities|quotes|events|health)(\/|$)/.test(path);
    if (!api) {
      const file = path === '/' ? join(DIST, 'index.html') : join(DIST, decodeURIComponent(path));
      if (!file.startsWith(DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    }
    log.requests.push(url);
    if (req.method() === 'POST') log.posts.push({ path, body: req.postData() ?? '' });
    const key = path.split('/')[1];
    const delay = log.delayNext.get(key);
    if (delay) {
      log.delayNext.delete(key);
      await new Promise((r) => setTimeout(r, delay));
    }
    const fail = log.failNext.get(key);
    if (fail) {
      log.failNext.delete(key);
      return json(route, { error: { code: 'INTERNAL', message: 'خطأ تجريبي في الخادم' } }, fail);
    }
    if (path === '/health') return json(route, { status: 'ok' });
    if (path === '/analyze' && req.method() === 'POST') {
      const text = (req.postDataJSON() as { text: string }).text;
      if (text === IRAQ_RUSSIA.text) return json(route, stubAnalysis());
      return json(route, { schemaVersion: 1, text });
    }
    if (path === '/documents' && req.method() === 'POST') {
      if (req.headers().authorization !== `Bearer ${TOKEN}`) return json(route, { error: { code: 'UNAUTHORIZED', message: 'bearer token required' } }, 401);
      return json(route, { id: 'd1', status: 'inserted' }, 201);
    }
    const doc = /^\/documents\/([^/]+)$/.exec(path);
    if (doc) {
      const stored = STORED[decodeURIComponent(doc[1])];
      if (!stored) return json(route, { error: { code: 'NOT_FOUND', message: 'no such document' } }, 404);
      const { article, analysis } = stored;
      return json(route, { id: doc[1], ...article, published: `${article.published}T00:00:00.000Z`, url: 'javascript:alert(1)', analysis });
    }
    if (path === '/search') return json(route, searchResponse(url));
    if (path === '/entities') return json(route, { total: 3, offset: 0, limit: 50, items: [PER_KOZLOV, PER_HADITHI, LOC_IRAQ].map((e) => ({ ...e, aliases: [], documents: 5, mentions: 9 })) });
    if (path === '/entities/E2') return json(route, entityProfile());
    if (path.startsWith('/entities/')) return json(route, { error: { code: 'NOT_FOUND', message: 'no such entity' } }, 404);
    if (path === '/events') {
      const actor = url.searchParams.get('actor');
      const items = events().filter((e) => !actor || e.participants.some((p) => p.role === 'actor' && p.entity.id === actor));
      return json(route, { total: items.length, offset: 0, limit: 100, items });
    }
    if (path === '/quotes') return json(route, { total: 0, offset: 0, limit: 20, items: [] });
    return json(route, { error: { code: 'NOT_FOUND', message: 'no route' } }, 404);
  });
  return log;
}
