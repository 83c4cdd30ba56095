import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from './feed.js';
import { extractArticle } from './html.js';
import { countDocuments, readInputs, type SourceEvent, splitTitle } from './sources.js';
import { articlePage } from './test-server.test-util.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-src-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function collect(inputs: string[]): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const ev of readInputs(inputs)) out.push(ev);
  return out;
}

const P1 = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد فى مدينة البصرة يضم مئتى سرير وقسما للطوارئ.';
const P2 = 'وقال وزير الصحة إن المستشفى سيخدم أكثر من مليون نسمة، وإن العمل جار على بناء مستشفيين آخرين.';

describe('splitTitle', () => {
  it.each([
    [`افتتاح مستشفى فى البصرة\n${P1}`, 'افتتاح مستشفى فى البصرة'],
    [`${P1}\n${P2}`, null],
    ['سطر واحد فقط', null],
    [`سؤال: هل يفتتح المستشفى؟\n${P1}`, null],
  ])('%#', (text, title) => {
    expect(splitTitle(text).title).toBe(title);
  });
});

describe('readInputs', () => {
  it('reads a folder recursively: txt, jsonl, html; bad lines become problems with file:line', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), `افتتاح مستشفى فى البصرة\n${P1}\n${P2}\n`);
    writeFileSync(
      join(dir, 'sub', 'b.jsonl'),
      [
        JSON.stringify({ id: 7, title: 'خبر', text: P1, date: '2026-05-01', source: 'وكالة', url: 'https://x.example/7', category: 'health' }),
        '',
        '{"id": "8", "text": ',
        JSON.stringify({ id: '9', text: '' }),
        JSON.stringify({ id: '10', text: P2, title: ['not', 'a', 'string'] }),
        JSON.stringify([1, 2]),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'sub', 'c.html'), articlePage('مستشفى جديد فى البصرة', [P1, P2]));
    writeFileSync(join(dir, 'notes.md'), 'ignored: not an article format');
    const events = await collect([dir]);
    const items = events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));
    const problems = events.flatMap((e) => (e.kind === 'problem' ? [e.problem] : []));
    expect(items.map((i) => i.title)).toEqual(['افتتاح مستشفى فى البصرة', 'خبر', 'مستشفى جديد فى البصرة']);
    expect(items[0]).toMatchObject({ source: 'file', sourceId: join(dir, 'a.txt') });
    expect(items[0].text.startsWith('افتتاح')).toBe(true);
    expect(items[1]).toMatchObject({ sourceId: '7', source: 'وكالة', published: '2026-05-01', url: 'https://x.example/7', meta: { category: 'health' } });
    expect(items[2]).toMatchObject({ source: 'موقع الأخبار', published: '2026-05-01T08:00:00Z', lang: 'ar' });
    expect(items[2].text).toBe(`${P1}\n${P2}`);
    expect(problems.map((p) => [p.origin.replace(dir, ''), p.code])).toEqual([
      ['/sub/b.jsonl:3', 'VALIDATION'],
      ['/sub/b.jsonl:4', 'EMPTY_INPUT'],
      ['/sub/b.jsonl:5', 'VALIDATION'],
      ['/sub/b.jsonl:6', 'VALIDATION'],
    ]);
    expect(problems[2].message).toMatch(/"title" must be a string/);
    expect(await countDocuments([dir])).toBe(1 + 6 + 1);
  });

  it('reports a missing path, an unknown extension, binary and invalid UTF-8 files, and goes on', async () => {
    writeFileSync(join(dir, 'x.pdf'), '%PDF');
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]));
    writeFileSync(join(dir, 'latin.txt'), Buffer.from([0xd8, 0x41, 0x42]));
    writeFileSync(join(dir, 'ok.txt'), P1);
    const events = await collect([join(dir, 'missing.txt'), join(dir, 'x.pdf'), join(dir, 'bin.txt'), join(dir, 'latin.txt'), join(dir, 'ok.txt')]);
    expect(events.map((e) => (e.kind === 'problem' ? e.problem.code : e.kind))).toEqual(['FILE_NOT_FOUND', 'INVALID_ARGUMENT', 'BINARY_INPUT', 'INVALID_UTF8', 'item']);
  });

  it('reads a local feed file with full content', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار الصحة</title>
<item><title>مستشفى جديد</title><link>https://x.example/h1</link><guid>h1</guid><pubDate>Fri, 01 May 2026 08:00:00 +0300</pubDate>
<content:encoded><![CDATA[<p>${P1}</p><p>${P2}</p><p>${P1}</p><p>${P2}</p><p>${P1}</p><p>${P2}</p>]]></content:encoded></item></channel></rss>`;
    writeFileSync(join(dir, 'feed.xml'), rss);
    const [ev] = await collect([join(dir, 'feed.xml')]);
    if (ev.kind === 'problem') throw new Error(ev.problem.message);
    expect(ev.kind).toBe('item');
    if (ev.kind === 'item') {
      expect(ev.item).toMatchObject({ title: 'مستشفى جديد', sourceId: 'h1', source: 'أخبار الصحة', url: 'https://x.example/h1', published: 'Fri, 01 May 2026 08:00:00 +0300' });
      expect(ev.item.text.split('\n')).toHaveLength(6);
    }
    expect(await countDocuments([join(dir, 'feed.xml')])).toBeUndefined();
  });
});

describe('extractArticle', () => {
  it('keeps paragraphs apart, drops navigation, scripts and the repeated headline', () => {
    const a = extractArticle(articlePage('مستشفى جديد فى البصرة', [P1, P2]));
    expect(a.title).toBe('مستشفى جديد فى البصرة');
    expect(a.text).toBe(`${P1}\n${P2}`);
    expect(a.text).not.toMatch(/الرئيسية|alert|الحقوق/u);
  });

  it('fails clearly on a page without text', () => {
    expect(() => extractArticle('<html><body><script>x()</script></body></html>')).toThrow(/No article text/);
  });
});

describe('parseFeed', () => {
  it('reads Atom entries, with the alternate link and plain-text summary', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title><link href="https://x.example/"/>
<entry><id>tag:x.example,2026:1</id><title type="html">خبر &amp; تحليل</title><link rel="alternate" href="https://x.example/1"/><link rel="enclosure" href="https://x.example/1.jpg"/>
<updated>2026-05-02T10:00:00Z</updated><summary type="html">&lt;p&gt;ملخص الخبر&lt;/p&gt;</summary></entry></feed>`;
    const f = parseFeed(atom);
    expect(f.title).toBe('موقع');
    expect(f.items).toEqual([
      { id: 'tag:x.example,2026:1', title: 'خبر & تحليل', link: 'https://x.example/1', published: '2026-05-02T10:00:00Z', content: null, summary: 'ملخص الخبر' },
    ]);
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>قناة</title><link>https://x.example/</link></channel>
<item rdf:about="https://x.example/2"><title>عنوان</title><link>https://x.example/2</link><dc:date>2026-05-03</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf).items[0]).toMatchObject({ id: 'https://x.example/2', title: 'عنوان', published: '2026-05-03' });
  });

  it('refuses XML that is not a feed', () => {
    expect(() => parseFeed('<?xml version="1.0"?><html/>')).toThrow(/Not an RSS/);
  });
});
