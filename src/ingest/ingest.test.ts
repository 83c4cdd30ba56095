import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pipeline } from '../core/pipeline.js';
import { Corpus } from '../store/corpus.js';
import { ARTICLES } from '../store/fixtures.test-util.js';
import { openSqliteStore, type SqliteCorpusStore } from '../store/sqlite-store.js';
import { createTestAnalyzer } from '../store/test-analyzer.test-util.js';
import { Fetcher } from './fetch.js';
import { ingest } from './ingest.js';
import { readInputs } from './sources.js';
import { articlePage, send, startTestServer } from './test-server.test-util.js';
import { readFeedList, watchFeeds } from './watch.js';

let dir: string;
let store: SqliteCorpusStore;
let corpus: Corpus;
let analyzed: number;

/** The test analyzer, counting the texts it analyzes. */
function countingAnalyzer(): Pipeline {
  const inner = createTestAnalyzer();
  return {
    stages: inner.stages,
    run: inner.run,
    analyze: (text, options) => {
      analyzed++;
      return inner.analyze(text, options);
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  analyzed = 0;
  corpus = new Corpus(store, countingAnalyzer());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeJsonl(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}
const line = (a: (typeof ARTICLES)[number]) => JSON.stringify({ id: a.sourceId, title: a.title, text: a.text, date: a.published, source: a.source, url: a.url });

describe('ingest', () => {
  it('stores good documents, reports bad ones per line, and commits in batches', async () => {
    const path = writeJsonl('a.jsonl', [line(ARTICLES[0]), '{broken', line(ARTICLES[1]), JSON.stringify({ id: 'x', text: 'نص', date: 'أمس' }), line(ARTICLES[2]), line(ARTICLES[3]), line(ARTICLES[4])]);
    const commits: number[] = [];
    const s = await ingest(corpus, readInputs([path]), { batchSize: 2, onCommit: (o) => commits.push(o.length) });
    expect(s).toMatchObject({ read: 7, inserted: 6, failed: 1, unchanged: 0 });
    expect(s.problems.map((p) => [p.origin.replace(dir, ''), p.code])).toEqual([['/a.jsonl:2', 'VALIDATION']]);
    // An unreadable date does not lose the article: it is kept without a date.
    const undated = store.getDocument(corpus.search({ q: 'نص' }).results[0].id)!;
    expect(undated).toMatchObject({ published: null, meta: { unreadDate: 'أمس' } });
    expect(commits).toEqual([2, 2, 2]);
    expect(s.words).toBeGreaterThan(100);
    expect(s.articlesPerSecond).toBeGreaterThan(0);
  });

  it('skips stored documents without analyzing them again', async () => {
    const path = writeJsonl('a.jsonl', ARTICLES.map(line));
    await ingest(corpus, readInputs([path]));
    expect(analyzed).toBe(5);
    const again = await ingest(corpus, readInputs([path]));
    expect(again).toMatchObject({ read: 5, inserted: 0, unchanged: 5 });
    expect(analyzed).toBe(5);
    expect(store.stats().documents).toBe(5);
  });

  it('stores a repeated text once, even within one batch', async () => {
    const a = ARTICLES[0];
    const path = writeJsonl('dup.jsonl', [JSON.stringify({ text: a.text }), JSON.stringify({ text: a.text }), JSON.stringify({ text: `${a.text}  ` })]);
    const s = await ingest(corpus, readInputs([path]));
    expect(s).toMatchObject({ inserted: 1, duplicates: 2 });
    expect(store.stats().documents).toBe(1);
  });

  it('stops at the next document when aborted, keeping what was analyzed', async () => {
    const path = writeJsonl('a.jsonl', ARTICLES.map(line));
    const abort = new AbortController();
    let commits = 0;
    const s = await ingest(corpus, readInputs([path]), {
      batchSize: 1,
      onCommit: () => {
        if (++commits === 2) abort.abort();
      },
      signal: abort.signal,
    });
    expect(s.inserted).toBe(2);
    expect(store.stats().documents).toBe(s.inserted);
  });
});

describe('watch', () => {
  it('polls feeds, fetches pages of new items, and skips unchanged feeds', async () => {
    const body = 'أعلنت الحكومة خطة لتطوير النقل العام فى العاصمة تشمل خطوط حافلات جديدة ومحطات حديثة. '.repeat(3);
    let feedVersion = 1;
    const s = await startTestServer({
      '/robots.txt': send('User-agent: *\nAllow: /\n', 'text/plain'),
      '/feed.xml': (req, res) => {
        const etag = `"v${feedVersion}"`;
        if (req.headers['if-none-match'] === etag) {
          res.statusCode = 304;
          res.end();
          return;
        }
        const items = [
          `<item><title>خطة النقل</title><link>${s.url}/news/1</link><guid>n1</guid><pubDate>Sat, 02 May 2026 09:00:00 GMT</pubDate><description>ملخص قصير</description></item>`,
          ...(feedVersion > 1 ? [`<item><title>خبر ثان</title><link>${s.url}/news/2</link><guid>n2</guid></item>`] : []),
        ];
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة الاختبار</title>${items.join('')}</channel></rss>`);
      },
      '/news/1': send(articlePage('خطة النقل', [body, body])),
      '/news/2': send(articlePage('خبر ثان', ['افتتحت البلدية حديقة عامة جديدة فى حى الشاطئ تضم ملاعب للأطفال ومسارا للدراجات.'])),
    });
    const feeds = join(dir, 'feeds.txt');
    writeFileSync(feeds, `# test feeds\n${s.url}/feed.xml\n\n`);
    expect(readFeedList(feeds)).toEqual([`${s.url}/feed.xml`]);
    const fetcher = new Fetcher({ hostDelayMs: 0, validators: store });
    const [r1] = await watchFeeds(corpus, readFeedList(feeds), fetcher, { once: true });
    expect(r1).toMatchObject({ inserted: 1, failed: 0 });
    const [r2] = await watchFeeds(corpus, readFeedList(feeds), fetcher, { once: true });
    expect(r2).toMatchObject({ read: 0, inserted: 0, skipped: 1 });
    feedVersion = 2;
    const [r3] = await watchFeeds(corpus, readFeedList(feeds), fetcher, { once: true });
    expect(r3).toMatchObject({ inserted: 1, skipped: 1 });
    expect(s.seen.filter((x) => x.path === '/news/1')).toHaveLength(1);
    const hit = corpus.search({ q: 'النقل' }).results[0];
    expect(store.getDocument(hit.id)).toMatchObject({ title: 'خطة النقل', source: 'وكالة الاختبار', sourceId: 'n1', published: '2026-05-02T09:00:00Z' });
    await s.close();
  });

  it('rejects a feed list with a line that is not a URL', () => {
    const feeds = join(dir, 'feeds.txt');
    writeFileSync(feeds, 'https://ok.example/rss\nftp://nope\n');
    expect(() => readFeedList(feeds)).toThrow(/feeds.txt:2: not an http\(s\) URL/);
  });
});
