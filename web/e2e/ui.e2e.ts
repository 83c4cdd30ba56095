/**
 * The UI in headless Chromium against a stubbed API (see `stub-api.ts`): how each page draws
 * complete data (every analysis layer, facets, charts, the network), keyboard use, the
 * loading and error states, the language toggle, and the XSS and bidi cases. The same flows
 * against the real server are in `server.e2e.ts`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshots, type Browser } from './browser.js';
import { HOSTILE, IRAQ_RUSSIA, XSS_MARKERS } from './fixtures.js';
import { installStub, ORIGIN, TOKEN, type StubLog } from './stub-api.js';

let browser: Browser;
let page: Page;
let log: StubLog;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  log = await installStub(browser.context);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
});

async function open(hash: string) {
  await page.goto(`${ORIGIN}/${hash}`);
  await page.waitForSelector('main h1, main .error');
}

async function xssFired(): Promise<string[]> {
  return page.evaluate((markers) => markers.filter((m) => m in window), [...XSS_MARKERS]);
}

function lastRequest(path: string): URL {
  const found = log.requests.filter((u) => u.pathname === path);
  expect(found.length, `no request to ${path}`).toBeGreaterThan(0);
  return found[found.length - 1];
}

describe('Analyze page (every layer present)', () => {
  it('draws entities by type, quotes with their speaker, repairs, and the brief', async () => {
    await open('#/analyze');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.fill('#article-input', IRAQ_RUSSIA.text);
    await page.click('button[type=submit].primary');
    await page.waitForSelector('[data-testid=article]');

    // Lossless: the article element holds exactly the original text.
    expect(await page.textContent('[data-testid=article]')).toBe(IRAQ_RUSSIA.text);
    const per = await page.$$eval('.article mark.ent-PER', (els) => els.map((e) => e.textContent));
    expect(per).toEqual(['سالم الحديثى', 'أندريه كوزلوف', 'كوزلوف', 'الحديثى']);
    expect(await page.$$eval('.article mark.ent-LOC', (els) => els.map((e) => e.textContent))).toContain('بغداد');
    expect(await page.$$eval('.article mark.ent-ORG', (els) => els.map((e) => e.textContent))).toEqual(['وزارة الخارجية العراقية']);
    // The repair spans the glued word; the mentions inside it are cut at the repair's edges.
    expect((await page.locator('.article .repair').allTextContents()).join('')).toBe('روسياوالعراق');
    expect(await page.locator('.article .repair').first().getAttribute('data-replacement')).toBe('روسيا والعراق');

    // Quotes: underlined, focusable, speaker shown on focus (CSS ::after) and given to screen readers.
    const quotes = page.locator('.article .quote[tabindex="0"]');
    expect(await quotes.count()).toBe(2);
    const first = quotes.first();
    expect(await first.textContent()).toBe('نحن مستعدون لتزويد العراق بمنظومات دفاع جوى حديثة');
    await first.focus();
    const tip = await first.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tip).toContain('اندريه كوزلوف');
    const describedBy = await first.getAttribute('aria-describedby');
    expect(await page.textContent(`#${describedBy}`)).toContain('اندريه كوزلوف');

    // The brief: people with roles, quotes by speaker, events as actor ← verb ← target, topics, keywords, headline.
    const brief = page.locator('.brief');
    expect(await brief.locator('#b-PER-h').textContent()).toContain('الأشخاص');
    expect(await brief.locator('.role').allTextContents()).toEqual(['رئيس الوزراء، العراق', 'وزير الخارجية، روسيا']);
    expect(await brief.locator('.quote-group h4').allTextContents()).toEqual(['اندريه كوزلوف', 'سالم الحديثي']);
    const events = await brief.locator('.event-line').allTextContents();
    expect(events[0]).toMatch(/سالم الحديثي.*استقبل.*اندريه كوزلوف.*بغداد.*يوم الأحد/);
    expect(events[1]).toContain('متوقَّع');
    expect(await brief.locator('.headline').textContent()).toContain('العراق وروسيا يبحثان صفقات سلاح');
    expect(await brief.locator('#b-keywords-h + ul li').allTextContents()).toEqual(['التعاون العسكري', 'منظومات دفاع جوي']);
    // The fixture has every layer but tokens: only that one is named as missing.
    expect(await page.textContent('[data-testid=missing-layers] code')).toBe('tokens');

    // Choosing a person in the brief marks all their mentions in the text.
    await brief.locator('button.entity-chip', { hasText: 'اندريه كوزلوف' }).click();
    expect(await page.locator('.article mark.selected').allTextContents()).toEqual(['أندريه كوزلوف', 'كوزلوف']);

    await screenshots(page, 'stub-analyze');
  });

  it('stores the article: asks for the token on 401, then links to the stored article', async () => {
    await page.click('.store-panel button[type=submit]');
    await page.waitForSelector('.store-panel .error');
    expect(await page.textContent('.store-panel .field-error')).toContain('رمز');
    await page.fill('.store-panel input[type=password]', TOKEN);
    await page.click('.store-panel button[type=submit]');
    await page.waitForSelector('[data-testid=stored-link]');
    expect(await page.getAttribute('[data-testid=stored-link]', 'href')).toBe('#/doc/d1');
    const post = log.posts.filter((p) => p.path === '/documents').at(-1);
    const body = JSON.parse(post?.body ?? '{}') as Record<string, string>;
    expect(body.text).toBe(IRAQ_RUSSIA.text);
    expect(body.title).toBe(IRAQ_RUSSIA.text.split('\n')[0]);
  });

  it('switches the interface to English and back; the article stays Arabic and right-to-left', async () => {
    await page.click('[data-testid=lang-toggle]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('main h1')).toBe('Analyze an article');
    expect(await page.getAttribute('[data-testid=article]', 'dir')).toBe('rtl');
    await screenshots(page, 'stub-analyze-english');
    await page.click('[data-testid=lang-toggle]');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  });
});

describe('hostile text: never HTML, bidi controls isolated', () => {
  it('shows <script> and <img onerror> as text and runs nothing (Analyze page)', async () => {
    await open('#/analyze');
    await page.fill('#article-input', HOSTILE.text);
    // Ctrl+Enter in the text box analyzes, as the hint says.
    await page.press('#article-input', 'Control+Enter');
    await page.waitForSelector('[data-testid=article]');
    expect(await page.textContent('[data-testid=article]')).toBe(HOSTILE.text);
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await xssFired()).toEqual([]);
    // The layers this stub did not compute are named, not silently missing.
    expect(await page.textContent('[data-testid=missing-layers]')).toContain('entities');
  });

  it('isolates U+202E in the article so it cannot reorder the rest, and shows it as a badge', async () => {
    const ctrls = page.locator('.article bdi.bidi-ctrl');
    expect(await ctrls.count()).toBe(2);
    expect(await ctrls.evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-name')]))).toEqual([
      ['\u202E', 'RLO'],
      ['\u202C', 'PDF'],
    ]);
    expect(await ctrls.first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    // The words after the override keep their logical order in the DOM and on screen: the
    // first word after the PDF renders to the left of the words before it (RTL), not flipped.
    const order = await page.evaluate(() => {
      const article = document.querySelector('[data-testid=article]') as HTMLElement;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const rect = (word: string) => {
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n.textContent ?? '').indexOf(word);
          if (i >= 0) {
            range.setStart(n, i);
            range.setEnd(n, i + word.length);
            walker.currentNode = article;
            return range.getBoundingClientRect();
          }
        }
        walker.currentNode = article;
        return null;
      };
      const before = rect('محرف');
      const after = rect('داخل');
      return before && after ? { before: before.left, after: after.left, sameLine: Math.abs(before.top - after.top) < 5 } : null;
    });
    expect(order).not.toBeNull();
    if (order?.sameLine) expect(order.after).toBeLessThan(order.before);
    await screenshots(page, 'stub-hostile-analyze');
  });

  it('reads a dropped .html file as text only, in an inert document', async () => {
    await open('#/analyze');
    const html = `<html><head><title>t</title><script>window.__xssScript=1</script></head><body><nav>قائمة</nav><article><h1>عنوان الملف</h1><p>فقرة أولى عن العراق.</p><img src=x onerror="window.__xssImg=1"><p>فقرة ثانية.</p></article></body></html>`;
    await page.setInputFiles('[data-testid=file-input]', { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.waitForFunction(() => (document.querySelector('#article-input') as HTMLTextAreaElement).value.length > 0);
    expect(await page.inputValue('#article-input')).toBe('عنوان الملف\nفقرة أولى عن العراق.\nفقرة ثانية.');
    expect(await xssFired()).toEqual([]);
  });

  it('keeps a stored hostile title and source as text, and refuses a javascript: link', async () => {
    await open('#/doc/d4');
    expect(await page.textContent('main h1')).toBe(HOSTILE.title);
    expect(await page.textContent('.doc-header .source')).toBe(HOSTILE.source);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main h1 > bdi').count()).toBe(1);
    expect(await page.locator('main h1 bdi.bidi-ctrl').getAttribute('data-name')).toBe('RLO');
    await page.waitForTimeout(200);
    expect(await xssFired()).toEqual([]);
    await screenshots(page, 'stub-hostile-document');
  });
});

describe('Search page', () => {
  it('shows results with highlighted snippets, facets and the histogram; the URL carries the state', async () => {
    await open('#/search?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82');
    await page.waitForSelector('.hit');
    expect(await page.inputValue('#q')).toBe('العراق');
    expect(lastRequest('/search').searchParams.get('q')).toBe('العراق');
    expect(await page.locator('.hit').count()).toBe(3);
    expect(await page.locator('.hit').first().locator('.snippet mark').allTextContents()).toEqual(['العراق']);
    expect(await page.locator('.hit .source').first().textContent()).toBe(IRAQ_RUSSIA.source);
    for (const f of ['topic', 'source', 'entity', 'eventType']) expect(await page.locator(`[data-facet=${f}] li`).count()).toBeGreaterThan(0);
    await page.waitForSelector('.chart-canvas canvas');
    await screenshots(page, 'stub-search');

    // Follow a facet: the URL and the API request both carry it; the chip removes it.
    const faceted = page.waitForRequest((r) => decodeURIComponent(r.url()).includes('source=النيل'));
    await page.locator('[data-facet=source] a', { hasText: 'النيل اليوم' }).click();
    await faceted;
    await page.waitForFunction(() => location.hash.includes('source='));
    expect(new URLSearchParams(decodeURIComponent(page.url().split('?')[1])).get('source')).toBe('النيل اليوم');
    await page.waitForSelector('.filter-chip');
    expect(lastRequest('/search').searchParams.getAll('source')).toEqual(['النيل اليوم']);
    await page.locator('.filter-chip').click();
    await page.waitForFunction(() => !location.hash.includes('source='));
  });

  it('paginates through the URL', async () => {
    await page.waitForSelector('.pager a[rel=next]');
    const paged = page.waitForRequest((r) => r.url().includes('offset=10'));
    await page.click('.pager a[rel=next]');
    await paged;
    await page.waitForFunction(() => location.hash.includes('page=2'));
    await page.waitForSelector('.hit');
    expect(lastRequest('/search').searchParams.get('offset')).toBe('10');
    expect(await page.textContent('.pager [aria-current=page]')).toContain('٢');
    // Reloading the URL restores the same state.
    const reloaded = page.waitForRequest((r) => r.url().includes('/search?'));
    await page.reload();
    expect(new URL((await reloaded).url()).searchParams.get('offset')).toBe('10');
    await page.waitForSelector('.hit');
    expect(await page.inputValue('#q')).toBe('العراق');
  });

  it('shows a loading state, then an error with a working retry', async () => {
    log.delayNext.set('search', 600);
    log.failNext.set('search', 500);
    await page.goto(`${ORIGIN}/#/search?q=x`);
    await page.waitForSelector('.loading[role=status]');
    await page.waitForSelector('.error[role=alert]');
    expect(await page.textContent('.error')).toContain('خطأ تجريبي في الخادم');
    await screenshots(page, 'stub-error-state');
    await page.click('.error button');
    await page.waitForSelector('.hit');
  });
});

describe('Entity and Events pages', () => {
  it('shows the profile, mentions chart, quotes with links, network and table, events', async () => {
    await open('#/entity/E2');
    expect(await page.textContent('main h1')).toBe('اندريه كوزلوف');
    expect(await page.textContent('.profile')).toContain('وزير الخارجية، روسيا');
    await page.waitForSelector('#p-timeline-h ~ .chart canvas');
    expect(await page.locator('.network a').count()).toBe(7);
    expect(await page.locator('.co-table tbody tr').count()).toBe(7);
    expect(await page.getAttribute('.quote-card a', 'href')).toMatch(/^#\/doc\/d1\?at=\d+-\d+$/);
    expect(await page.locator('#p-events-h ~ .table-scroll tbody tr').count()).toBe(1);
    await screenshots(page, 'stub-entity');

    // A quote link opens the article with the quote marked.
    await page.click('.quote-card a');
    await page.waitForSelector('.article .spot');
    expect(await page.textContent('.article .quote[tabindex="0"]')).toContain('نحن مستعدون');
    expect(await page.locator('.article .spot').allTextContents().then((t) => t.join(''))).toBe('نحن مستعدون لتزويد العراق بمنظومات دفاع جوى حديثة');
    await screenshots(page, 'stub-document');

    // A network node is a keyboard-reachable link to that entity.
    await page.goBack();
    await page.waitForSelector('.network a');
    expect(await page.locator('.network a').first().getAttribute('href')).toMatch(/^#\/entity\/E\d+$/);
  });

  it('lists entities from the directory', async () => {
    await open('#/entities?q=%D9%83%D9%88%D8%B2%D9%84%D9%88%D9%81');
    await page.waitForSelector('.data-table tbody tr');
    expect(lastRequest('/entities').searchParams.get('q')).toBe('كوزلوف');
    await screenshots(page, 'stub-entities');
  });

  it('filters events and picks an actor-target pair from the matrix', async () => {
    await open('#/events');
    await page.waitForSelector('.events-table tbody tr');
    expect(await page.locator('.events-table tbody tr').count()).toBe(4);
    expect(await page.locator('.matrix-table tbody tr').count()).toBe(3);
    await screenshots(page, 'stub-events');
    const filtered = page.waitForResponse((r) => r.url().includes('/events?') && r.url().includes('actor=E7'));
    await page.locator('.matrix-table button.cell', { hasText: '٢' }).click();
    await filtered;
    await page.waitForFunction(() => location.hash.includes('actor=E7'));
    await page.waitForFunction(() => document.querySelectorAll('.events-table tbody tr').length === 2);
    expect(lastRequest('/events').searchParams.get('actor')).toBe('E7');
    expect(await page.locator('.events-table tbody tr').count()).toBe(2);
    // The country filter (applied in the page) keeps events involving that place.
    await open('#/events?country=E3');
    await page.waitForSelector('.events-table tbody tr');
    expect(await page.locator('.events-table tbody tr').count()).toBe(1);
  });
});

describe('keyboard and screen readers', () => {
  it('moves focus to the page content on navigation', async () => {
    await open('#/analyze');
    await page.click('nav a[href="#/events"]');
    await page.waitForSelector('.events-table');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('reaches the skip link and the navigation by Tab, with a visible focus ring', async () => {
    await page.goto('about:blank');
    await open('#/analyze');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.text).toBe('تحليل');
    expect(focused.outline).toBe('solid');
    expect(focused.width).toBe('3px');
    // Every form control on the Analyze page has an accessible label.
    const unlabeled = await page.$$eval('main input, main textarea, main select', (els) =>
      els.filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.outerHTML),
    );
    expect(unlabeled).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
