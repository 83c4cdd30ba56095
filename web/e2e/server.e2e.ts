/**
 * The UI against the REAL server (`marsad serve` on a temporary SQLite database): first-load
 * weight, analyzing an article written for the tests, storing it from the UI, ingesting more
 * over the API, searching, following a facet, entity and events pages, and the XSS and bidi
 * cases end to end. Assertions about layers the server's analyzer does not produce yet (NER,
 * quotes) run only when `/health` lists those stages; otherwise they are skipped with a
 * message saying so.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedDocument } from '../../src/core/document.js';
import { launch, screenshots, type Browser } from './browser.js';
import { EGYPT_ALGERIA, HOSTILE, IRAQ_RUSSIA, SAUDI_EXPORTS, XSS_MARKERS, type TestArticle } from './fixtures.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
let stages: string[] = [];
const pageErrors: string[] = [];
const ids = new Map<TestArticle, string>();

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const health = (await (await fetch(`${server.url}/health`)).json()) as { analyzer: { stages: string[] } };
  stages = health.analyzer.stages;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Says, in the test output, which checks a missing stage turned off. */
/**
 * Every stage's model is committed, so the server must run them all: a missing stage means a
 * missing or corrupt model, which these tests must not paper over.
 */
function whenStage(stage: string, what: string): boolean {
  if (!stages.includes(stage)) throw new Error(`server has no "${stage}" stage (stages: ${stages.join(', ')}), needed for: ${what}`);
  return true;
}

async function api<T>(method: string, path: string, body?: unknown, auth = false): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: `Bearer ${server.token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function open(hash: string) {
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector('main h1, main .error');
}

/**
 * Does `action` and waits until the UI has drawn the answer to the API request it caused
 * (the first `/search` or `/events` request whose URL contains `urlPart`).
 */
async function afterResponse(urlPart: string, action: () => Promise<unknown>) {
  const answered = page.waitForResponse((r) => /\/(search|events)\?/.test(r.url()) && decodeURIComponent(r.url()).includes(urlPart));
  await action();
  await answered;
  await page.waitForSelector('.hit, .events-table, .empty, .error');
}

async function xssFired(): Promise<string[]> {
  return page.evaluate((markers) => markers.filter((m) => m in window), [...XSS_MARKERS]);
}

describe('served by the real server', () => {
  it('serves the UI at / and its first load is ≤ 300 KB gzipped (fonts excluded)', async () => {
    const sizes: { url: string; type: string; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    const onResponse = (res: import('playwright-core').Response) => {
      pending.push(
        res
          .body()
          .then((body) => {
            sizes.push({ url: res.url(), type: res.request().resourceType(), gzip: gzipSync(body, { level: 9 }).length });
          })
          .catch(() => undefined),
      );
    };
    page.on('response', onResponse);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    await Promise.all(pending);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // Nothing comes from another host: no CDN, fonts included.
    expect(sizes.filter((s) => !s.url.startsWith(server.url))).toEqual([]);
    const fonts = sizes.filter((s) => s.type === 'font');
    expect(fonts.length).toBeGreaterThan(0);
    const total = sizes.filter((s) => s.type !== 'font').reduce((n, s) => n + s.gzip, 0);
    console.log(`first load: ${(total / 1024).toFixed(1)} KB gzipped without fonts (${sizes.length - fonts.length} requests), fonts ${fonts.length} files`);
    expect(total).toBeLessThanOrEqual(300 * 1024);
    expect(await page.locator('.banner').count()).toBe(0);
  });
});

describe('Analyze an article with the real analyzer', () => {
  let analysis: AnalyzedDocument;

  it('draws the article losslessly with the layers the server computes, and its brief', async () => {
    analysis = (await api<AnalyzedDocument>('POST', '/analyze', { text: IRAQ_RUSSIA.text })).body;
    await open('#/analyze');
    await page.fill('#article-input', IRAQ_RUSSIA.text);
    await page.fill('.analyze-form input[type=date]', IRAQ_RUSSIA.published);
    await page.click('form.analyze-form button[type=submit]');
    await page.waitForSelector('[data-testid=article]');
    expect(await page.textContent('[data-testid=article]')).toBe(IRAQ_RUSSIA.text);
    // The brief counts what the server returned.
    const stats = await page.textContent('#b-stats-h + .stats');
    expect(stats).toContain(new Intl.NumberFormat('ar-EG').format(analysis.sentences?.length ?? 0));
    // Missing layers are named, and only those.
    const missing = (['entities', 'quotes', 'events', 'topics', 'keywords', 'summary'] as const).filter((k) => analysis[k] === undefined);
    if (missing.length) expect(await page.textContent('[data-testid=missing-layers]')).toContain(missing.join(', ').split(', ')[0]);

    if (whenStage('ner', 'highlighted people and places in the analyzed article')) {
      const drawn = await page.$$eval('.article mark.ent', (els) => els.map((e) => [e.getAttribute('data-type'), e.textContent]));
      const names = drawn.map(([, text]) => text ?? '');
      expect(names.some((n) => n.includes('كوزلوف'))).toBe(true);
      expect(names.some((n) => n.includes('بغداد'))).toBe(true);
      expect(drawn.find(([, text]) => text?.includes('كوزلوف'))?.[0]).toBe('PER');
      // Every mention drawn is one the server returned.
      const served = new Set((analysis.entities ?? []).flatMap((e) => e.mentions.map((m) => m.text)));
      for (const n of names) expect([...served].some((s) => s.includes(n))).toBe(true);
    }
    if (whenStage('quotes', 'underlined quotes with their speaker')) {
      const quotes = page.locator('.article .quote[tabindex="0"]');
      expect(await quotes.count()).toBeGreaterThan(0);
      const texts = await quotes.allTextContents();
      expect(texts.some((q) => q.includes('نحن مستعدون لتزويد العراق'))).toBe(true);
      await quotes.first().focus();
      expect(await quotes.first().evaluate((el) => getComputedStyle(el, '::after').content)).not.toBe('none');
    }
    if (whenStage('repair', 'the glued word روسياوالعراق marked as repaired')) {
      // Mentions inside the glued word cut the repair into several elements; together they spell it.
      expect((await page.locator('.article .repair').allTextContents()).join('')).toContain('روسياوالعراق');
    }
    await screenshots(page, 'live-analyze');
  });

  it('stores the article with one click (token given once) and opens the stored copy', async () => {
    await page.fill('.store-panel input[type=text]', IRAQ_RUSSIA.title);
    await page.fill('.store-panel input[type=password]', server.token);
    // Source and date, as a newsroom would fill them.
    await page.locator('.store-panel input[type=text]').nth(1).fill(IRAQ_RUSSIA.source);
    await page.click('.store-panel button[type=submit]');
    await page.waitForSelector('[data-testid=stored-link]');
    const link = (await page.getAttribute('[data-testid=stored-link]', 'href')) ?? '';
    expect(link).toMatch(/^#\/doc\/.+/);
    ids.set(IRAQ_RUSSIA, decodeURIComponent(link.slice('#/doc/'.length)));
    await page.click('[data-testid=stored-link]');
    await page.waitForSelector('.doc-header h1');
    expect(await page.textContent('.doc-header h1')).toBe(IRAQ_RUSSIA.title);
    expect(await page.textContent('[data-testid=article]')).toBe(IRAQ_RUSSIA.text);
    await screenshots(page, 'live-document');
  });

  it('refuses to store without the right token, and says so', async () => {
    await open('#/analyze');
    await page.fill('#article-input', 'نص قصير للتجربة عن الطاقة.');
    await page.click('form.analyze-form button[type=submit]');
    await page.waitForSelector('.store-panel');
    await page.fill('.store-panel input[type=password]', 'wrong-token');
    await page.click('.store-panel button[type=submit]');
    await page.waitForSelector('.store-panel .error[role=alert]');
    expect(await page.textContent('.store-panel .field-error')).toContain('رمز');
  });
});

describe('a small corpus', () => {
  beforeAll(async () => {
    for (const a of [EGYPT_ALGERIA, SAUDI_EXPORTS, HOSTILE]) {
      const res = await api<{ id: string; status: string }>('POST', '/documents', { text: a.text, title: a.title, source: a.source, date: a.published }, true);
      expect(res.status).toBe(201);
      ids.set(a, res.body.id);
    }
  });

  it('searches with Arabic-aware matching and highlighted snippets; the URL carries the query', async () => {
    await open('#/search');
    await page.fill('#q', 'العراق');
    await afterResponse('q=', () => page.press('#q', 'Enter'));
    const titles = await page.locator('.hit h3').allTextContents();
    // `العراق` finds `بالعراق` (Saudi article) and the glued `روسياوالعراق`/`للعراق` (Iraq article).
    expect(titles).toEqual(expect.arrayContaining([IRAQ_RUSSIA.title, SAUDI_EXPORTS.title, HOSTILE.title]));
    expect(titles).not.toContain(EGYPT_ALGERIA.title);
    const marks = await page.locator('.hit .snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/عراق/);
    expect(await page.locator('.hit .source').allTextContents()).toEqual(expect.arrayContaining([IRAQ_RUSSIA.source, SAUDI_EXPORTS.source]));
    await screenshots(page, 'live-search');
  });

  it('follows a source facet, then removes it', async () => {
    await afterResponse('source=', () => page.locator('[data-facet=source] a', { hasText: SAUDI_EXPORTS.source }).click());
    expect(await page.locator('.filter-chip').count()).toBe(1);
    expect(await page.locator('.hit h3').allTextContents()).toEqual([SAUDI_EXPORTS.title]);
    // The state is in the URL: reloading gives the same results.
    await page.reload();
    await page.waitForSelector('.hit');
    expect(await page.locator('.hit h3').allTextContents()).toEqual([SAUDI_EXPORTS.title]);
    await page.click('.filter-chip');
    await page.waitForFunction(() => !location.hash.includes('source='));
    await page.waitForFunction(() => document.querySelectorAll('.hit').length >= 3);
  });

  it('shows the histogram of matching articles over time when the server gives date facets', async () => {
    const res = await api<{ facets?: { date?: unknown[] } }>('GET', `/search?q=${encodeURIComponent('العراق')}&facets=date`);
    if (!res.body.facets?.date?.length) {
      console.warn('SKIPPED: the server returned no date facet, so there is no histogram to check');
      return;
    }
    await page.waitForSelector('.chart-canvas canvas');
  });

  it('keeps hostile titles and text as text in results and on the article page; U+202E is isolated', async () => {
    await page.waitForSelector('.hit');
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.locator('.hit h3', { hasText: 'onerror' }).textContent()).toBe(HOSTILE.title);
    await page.locator('.hit h3 a', { hasText: 'onerror' }).click();
    await page.waitForSelector('[data-testid=article]');
    expect(await page.textContent('[data-testid=article]')).toBe(HOSTILE.text);
    expect(await page.textContent('.doc-header h1')).toBe(HOSTILE.title);
    expect(await page.locator('.doc-header h1 > bdi').count()).toBe(1);
    expect(await page.locator('.doc-header h1 bdi.bidi-ctrl').getAttribute('data-name')).toBe('RLO');
    expect(await page.locator('.article bdi.bidi-ctrl').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['RLO', 'PDF']);
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await xssFired()).toEqual([]);
    await screenshots(page, 'live-hostile-document');
  });

  it('finds an exact copy by its own headline and lists where it was carried on the article page', async () => {
    const copy = {
      text: SAUDI_EXPORTS.text,
      title: 'قفزة فى صادرات المملكة <img src=x onerror="window.__xssTitle=1">',
      source: 'وكالة <b>الأنباء</b>',
      url: 'https://mirror.example/exports',
      date: '2026-05-21',
    };
    const res = await api<{ id: string; status: string }>('POST', '/documents', copy, true);
    expect(res.body).toMatchObject({ id: ids.get(SAUDI_EXPORTS), status: 'duplicate' });
    const found = await api<{ results: { id: string }[] }>('GET', `/search?q=${encodeURIComponent('قفزة صادرات')}&in=title`);
    expect(found.body.results.map((r) => r.id)).toEqual([ids.get(SAUDI_EXPORTS)]);
    await open(`#/doc/${encodeURIComponent(ids.get(SAUDI_EXPORTS) ?? '')}`);
    await page.waitForSelector('.doc-header details.copies');
    await page.click('.copies summary');
    const item = page.locator('.copy-list li').first();
    expect(await item.locator('.source').textContent()).toBe(copy.source);
    expect(await item.locator('bdi[lang=ar]').textContent()).toBe(copy.title);
    expect(await item.locator('a').getAttribute('href')).toBe(copy.url);
    expect(await page.textContent('.doc-header h1')).toBe(SAUDI_EXPORTS.title);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await xssFired()).toEqual([]);
    await screenshots(page, 'live-document-copies');
  });

  it('opens an entity page from the directory', async () => {
    await open('#/entities');
    await page.waitForSelector('.data-table, .empty');
    const entities = await api<{ items: { id: string; name: string }[] }>('GET', '/entities?q=');
    await screenshots(page, 'live-entities');
    if (!whenStage('ner', 'entity directory and entity page') || entities.body.items.length === 0) {
      expect(await page.locator('.empty').count()).toBe(1);
      // The page of an unknown entity says so, with a proper error rather than a blank page.
      await open('#/entity/E999999');
      expect(await page.textContent('.error strong')).toBe('غير موجود');
      return;
    }
    const first = page.locator('.data-table tbody tr a.entity-chip').first();
    const name = await first.textContent();
    await first.click();
    await page.waitForSelector('.profile h1');
    expect(await page.textContent('.profile h1')).toBe(name);
    await screenshots(page, 'live-entity');
  });

  it('lists events with filters and the actor-target matrix', async () => {
    await open('#/events');
    await page.waitForSelector('.events-table, .empty');
    const events = await api<{ total: number }>('GET', '/events');
    if (whenStage('events', 'rows of the events table')) expect(await page.locator('.events-table tbody tr').count()).toBe(Math.min(100, events.body.total));
    else expect(events.body.total).toBe(0);
    await screenshots(page, 'live-events');
  });

  it('raised no page errors, and the server logged no internal error', () => {
    expect(pageErrors).toEqual([]);
    expect(server.log()).not.toContain('internal error');
  });
});
