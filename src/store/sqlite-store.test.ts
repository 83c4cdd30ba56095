import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentedSearchStem } from '../core/search/terms.js';
import { normalize } from '../core/text/normalize.js';
import { Corpus } from './corpus.js';
import { ARTICLES, ENERGY, FOOTBALL, LAVROV_BAGHDAD, LAVROV_SURNAME_ONLY, LAVROV_VISIT, WIRE_STORY } from './fixtures.test-util.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteStore, SqliteCorpusStore } from './sqlite-store.js';
import { createTestAnalyzer, createTokensOnlyAnalyzer } from './test-analyzer.test-util.js';

let dir: string;
let store: SqliteCorpusStore;
let corpus: Corpus;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  store = openSqliteStore(join(dir, 'sub', 'marsad.db'));
  corpus = new Corpus(store, createTestAnalyzer());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (r: { results: { id: string }[] }): string[] => r.results.map((x) => x.id);

/** Takes the store's alias table back to its shape before migration 3. */
function dropDuplicateColumns(): void {
  for (const c of ['source', 'url', 'title', 'published', 'ingested_at']) store.db.exec(`ALTER TABLE source_aliases DROP COLUMN ${c}`);
}

describe('opening and migrations', () => {
  it('creates the file and its folder, in WAL mode, at the latest schema', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.stats().schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    const applied = store.db.prepare('SELECT version FROM migrations').all();
    expect(applied).toHaveLength(MIGRATIONS.length);
  });

  it('does not migrate twice and keeps the data on reopen', () => {
    corpus.add([LAVROV_BAGHDAD]);
    store.close();
    store = openSqliteStore(join(dir, 'sub', 'marsad.db'));
    expect(store.stats().documents).toBe(1);
    expect(store.db.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('migration 2 re-stems the documents analyzed with morphology and rebuilds the index', () => {
    const [out] = corpus.add([LAVROV_BAGHDAD]);
    const rowid = (store.db.prepare('SELECT rowid FROM documents WHERE id = ?').get(out.id) as { rowid: number }).rowid;
    // A version-1 database: a morphology-analyzed document whose stem column is the old one
    // (here simply the clitic-free form), so `محادثات` is not yet stemmed to `محادث`.
    store.db.exec(`UPDATE documents SET analyzer = 'tokenize,morphology,ner' WHERE rowid = ${rowid}`);
    store.db.exec(`UPDATE doc_terms SET t_stem = t_base, b_stem = b_base WHERE rowid = ${rowid}`);
    store.db.exec(`INSERT INTO doc_fts (doc_fts) VALUES ('rebuild')`);
    store.db.exec(`DELETE FROM migrations WHERE version >= 2`);
    dropDuplicateColumns();
    store.db.pragma('user_version = 1');
    const stemMatches = (): number =>
      (store.db.prepare(`SELECT count(*) AS n FROM doc_fts WHERE doc_fts MATCH '{b_stem} : "محادث"'`).get() as { n: number }).n;
    expect(stemMatches()).toBe(0);
    store.close();

    store = openSqliteStore(join(dir, 'sub', 'marsad.db'));
    corpus = new Corpus(store, createTestAnalyzer());
    expect(store.stats().schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    const terms = store.db.prepare('SELECT b_base, b_stem FROM doc_terms WHERE rowid = ?').get(rowid) as { b_base: string; b_stem: string };
    expect(terms.b_stem).toBe(terms.b_base.split(' ').map(segmentedSearchStem).join(' '));
    expect(stemMatches()).toBe(1);
    expect(() => store.checkIntegrity()).not.toThrow();
  });

  it('migration 3 keeps the alias rows of an older database, their new fields null', () => {
    const [out] = corpus.add([FOOTBALL]);
    // A version-2 database: aliases held only their source key.
    dropDuplicateColumns();
    const rowid = (store.db.prepare('SELECT rowid FROM documents WHERE id = ?').get(out.id) as { rowid: number }).rowid;
    store.db.prepare('INSERT INTO source_aliases (source_key, document) VALUES (?, ?)').run('id:old\u0000o-1', rowid);
    store.db.exec(`DELETE FROM migrations WHERE version >= 3`);
    store.db.pragma('user_version = 2');
    store.close();

    store = openSqliteStore(join(dir, 'sub', 'marsad.db'));
    corpus = new Corpus(store, createTestAnalyzer());
    expect(store.stats().schemaVersion).toBe(3);
    // A copy that arrives now keeps where it was seen; the old one sorts first, as it came first.
    corpus.add([{ ...FOOTBALL, source: 'mirror', sourceId: 'm-1', url: 'https://mirror.example/m-1', title: 'نسخة المرآة' }]);
    const doc = store.getDocument(out.id)!;
    expect(doc.aliases).toEqual(['id:old\u0000o-1', 'id:mirror\u0000m-1']);
    expect(doc.duplicates[0]).toEqual({ sourceKey: 'id:old\u0000o-1', source: null, url: null, title: null, published: null, ingestedAt: null });
    expect(doc.duplicates[1]).toMatchObject({ source: 'mirror', url: 'https://mirror.example/m-1', title: 'نسخة المرآة' });
    expect(() => store.checkIntegrity()).not.toThrow();
  });

  it('refuses a database newer than the code', () => {
    store.db.pragma('user_version = 999');
    store.close();
    expect(() => openSqliteStore(join(dir, 'sub', 'marsad.db'))).toThrow(/newer than this Marsad/);
    store = openSqliteStore(':memory:');
  });
});

describe('documents', () => {
  it('stores original text, metadata and the analysis with its schemaVersion', () => {
    const [out] = corpus.add([LAVROV_BAGHDAD]);
    expect(out.status).toBe('inserted');
    const doc = store.getDocument(out.id, { analysis: true })!;
    expect(doc.text).toBe(LAVROV_BAGHDAD.text);
    expect(doc).toMatchObject({ source: 'wire-a', sourceId: 'a-1', url: 'https://news.example/a-1', published: '2026-03-04', lang: 'ar', topic: 'politics' });
    expect(doc.analysis?.schemaVersion).toBe(1);
    expect(doc.analysis?.text).toBe(LAVROV_BAGHDAD.text);
    expect(doc.analysis?.repairs?.[0].original).toBe('روسياوالعراق');
    expect(doc.analyzer).toEqual(['tokenize', 'repair', 'ner', 'quotes', 'events', 'topics']);
  });

  it('normalizes publication times to ISO UTC', () => {
    const [out] = corpus.add([LAVROV_VISIT]);
    expect(store.getDocument(out.id)?.published).toBe('2026-03-20T06:30:00Z');
  });

  it('is idempotent by source key and content hash', () => {
    const first = corpus.add(ARTICLES);
    expect(first.map((o) => o.status)).toEqual(['inserted', 'inserted', 'inserted', 'inserted', 'inserted']);
    expect(corpus.add(ARTICLES).map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    // The same text under another source: stored once, the new source key kept as an alias.
    const [dup] = corpus.add([{ ...FOOTBALL, source: 'mirror', sourceId: 'm-1', text: `${FOOTBALL.text}\n` }]);
    expect(dup).toEqual({ status: 'duplicate', id: first[3].id });
    expect(store.getDocument(first[3].id)?.aliases).toEqual(['id:mirror\u0000m-1']);
    // Stored once, but where the copy was seen is kept.
    expect(store.getDocument(first[3].id)?.duplicates).toEqual([
      { sourceKey: 'id:mirror\u0000m-1', source: 'mirror', url: null, title: FOOTBALL.title, published: '2026-02-11', ingestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u) as unknown },
    ]);
    expect(corpus.add([{ ...FOOTBALL, source: 'mirror', sourceId: 'm-1' }])[0].status).toBe('unchanged');
    expect(store.stats().documents).toBe(5);
  });

  it("finds an exact duplicate by its own headline, highlighting only the stored document's title", () => {
    const [first] = corpus.add([FOOTBALL]);
    const titleOnly = (q: string): string[] => ids(corpus.search({ q, in: 'title', syntax: 'plain' }));
    expect(titleOnly('تأهُّل المنتخب')).toEqual([]);
    // The same text carried by another site under its own headline (diacritics, tatweel and a hamza seat).
    const copy = { ...FOOTBALL, source: 'mirror', sourceId: 'm-2', title: 'تأهُّل المنتخـــب إلى الدور ٣ بعد الفوز' };
    expect(corpus.add([copy])[0]).toEqual({ status: 'duplicate', id: first.id });
    expect(titleOnly('تأهل المنتخب')).toEqual([first.id]);
    expect(titleOnly('النهائية')).toEqual([first.id]);
    // No phrase runs from the stored title into the copy's: "…النهائية تأهل…" is not in either.
    expect(ids(corpus.search({ q: '"النهائية تأهل"', in: 'title' }))).toEqual([]);
    // A hit on the copy's headline shows the stored title with nothing highlighted in it.
    const [hit] = corpus.search({ q: 'تأهل', in: 'title' }).results;
    expect(hit).toMatchObject({ id: first.id, title: FOOTBALL.title, titleHighlights: [] });
    const [both] = corpus.search({ q: 'المباراة OR المنتخب', in: 'title' }).results;
    expect(both.titleHighlights.map((h) => FOOTBALL.title!.slice(h.start, h.end))).toEqual(['المباراة']);
    // A third copy with a headline seen before adds nothing; the index stays consistent, and deleting removes it all.
    const before = store.db.prepare('SELECT t_norm FROM doc_terms').get();
    corpus.add([{ ...copy, sourceId: 'm-3' }, { ...FOOTBALL, source: 'other', sourceId: 'o-1' }]);
    expect(store.db.prepare('SELECT t_norm FROM doc_terms').get()).toEqual(before);
    store.checkIntegrity();
    expect(store.deleteDocument(first.id)).toBe(true);
    expect(titleOnly('تأهل')).toEqual([]);
    store.checkIntegrity();
  });

  it('indexes a copy\'s headline once for an article stored without a title', () => {
    const [first] = corpus.add([{ ...ENERGY, title: undefined }]);
    const copy = { ...ENERGY, source: 'mirror', title: 'أزمة الكهرباء فى الصيف' };
    corpus.add([{ ...copy, sourceId: 'm-1' }, { ...copy, sourceId: 'm-2' }]);
    const row = store.db.prepare('SELECT t_norm FROM doc_terms').get() as { t_norm: string };
    expect(row.t_norm.split(' ').filter((w) => w === 'أزمة' || w === 'ازمة')).toHaveLength(1);
    const [hit] = corpus.search({ q: 'أزمة الكهرباء في الصيف', in: 'title' }).results;
    expect(hit).toMatchObject({ id: first.id, title: null, titleHighlights: [] });
    store.checkIntegrity();
  });

  it('replaces an article whose publisher changed it, keeping its id', () => {
    const [a] = corpus.add([ENERGY]);
    const [b] = corpus.add([{ ...ENERGY, text: `${ENERGY.text} وتوقعت الوزارة زيادة جديدة.` }]);
    expect(b).toEqual({ status: 'updated', id: a.id });
    expect(store.getDocument(a.id)?.text).toContain('زيادة جديدة');
    expect(corpus.search({ q: 'زيادة' }).total).toBe(1);
    expect(store.stats().documents).toBe(1);
    store.checkIntegrity();
  });

  it('deletes a document with its index entries, mentions and quotes', () => {
    const [a] = corpus.add([LAVROV_BAGHDAD, FOOTBALL]);
    expect(store.deleteDocument(a.id)).toBe(true);
    expect(store.deleteDocument(a.id)).toBe(false);
    expect(corpus.search({ q: 'لافروف' }).total).toBe(0);
    expect(store.stats()).toMatchObject({ documents: 1, quotes: 0 });
    store.checkIntegrity();
  });

  it('links a near-duplicate to the first copy and folds it in search', () => {
    const [a, b, c] = corpus.add([
      { source: 's1', sourceId: '1', title: 'خطة الكهرباء', text: WIRE_STORY },
      { source: 's2', sourceId: '2', title: 'الحكومة تعلن خطة الكهرباء', text: `${WIRE_STORY} (وكالات)` },
      { source: 's3', sourceId: '3', title: 'خطة', text: `المحرر: ${WIRE_STORY}` },
    ]);
    expect(a.status).toBe('inserted');
    expect(b).toMatchObject({ status: 'inserted', nearDuplicateOf: a.id });
    expect(c).toMatchObject({ status: 'inserted', nearDuplicateOf: a.id });
    expect(store.getDocument(a.id)?.nearDuplicates).toEqual([b.id, c.id]);
    const folded = corpus.search({ q: 'الكهرباء' });
    expect(ids(folded)).toEqual([a.id]);
    expect(folded.results[0].nearDuplicates).toBe(2);
    expect(corpus.search({ q: 'الكهرباء', collapseDuplicates: false }).total).toBe(3);
  });
});

describe('search', () => {
  let byKey: Record<string, string>;
  beforeEach(() => {
    const outs = corpus.add(ARTICLES);
    byKey = Object.fromEntries(ARTICLES.map((a, i) => [a.sourceId!, outs[i].id]));
  });

  it('finds والعراق, بالعراق, للعراق and the repaired روسياوالعراق for العراق, highlighting original spans', () => {
    const r = corpus.search({ q: 'العراق', limit: 10, snippetTokens: 200 });
    expect(new Set(ids(r))).toEqual(new Set([byKey['a-1'], byKey['b-7'], byKey['a-9'], byKey['c-3']]));
    const hit = r.results.find((x) => x.id === byKey['a-1'])!;
    const doc = store.getDocument(hit.id)!;
    const words = hit.snippet.highlights.map((h) => doc.text.slice(h.start, h.end));
    expect(words).toContain('العراق');
    expect(words).toContain('والعراق');
    // The glued word is highlighted only on its repaired second half.
    const glued = doc.text.indexOf('روسياوالعراق');
    expect(hit.snippet.highlights).toContainEqual({ start: glued + 5, end: glued + 12 });
    expect(doc.text.slice(hit.snippet.start, hit.snippet.end)).toBe(hit.snippet.text);
    const visit = r.results.find((x) => x.id === byKey['b-7'])!;
    const visitText = store.getDocument(visit.id)!.text;
    expect(visit.snippet.highlights.map((h) => visitText.slice(h.start, h.end))).toEqual(['بالعراق', 'العراقى']);
    const surname = r.results.find((x) => x.id === byKey['a-9'])!;
    expect(surname.snippet.highlights.map((h) => LAVROV_SURNAME_ONLY.text.slice(h.start, h.end))).toEqual(['للعراق']);
  });

  it('matches across spelling: Egyptian ى, diacritics, tatweel, hamza, Arabic-Indic digits', () => {
    expect(ids(corpus.search({ q: 'الفريق المصري' }))).toEqual([byKey['c-3']]);
    expect(ids(corpus.search({ q: 'سجل' }))).toEqual([byKey['c-3']]);
    expect(ids(corpus.search({ q: '17' }))).toEqual([byKey['a-1']]);
    expect(ids(corpus.search({ q: 'اداء' }))).toEqual([byKey['c-3']]);
  });

  it('ranks the article whose headline is the whole query first, even above a higher BM25 score', () => {
    const headline = 'انقطاع الكهرباء فى القاهرة';
    const [longer, pasted] = corpus.add([
      {
        source: 'h',
        sourceId: '1',
        title: 'انقطاع الكهرباء فى القاهرة مجددًا',
        text:
          'انقطاع الكهرباء فى القاهرة. تكرر انقطاع الكهرباء فى القاهرة أمس، وقال سكان إن انقطاع الكهرباء فى القاهرة صار يوميًّا، ' +
          'وإن انقطاع الكهرباء فى القاهرة يعطل المصاعد، وإن الكهرباء فى القاهرة تحتاج محطات جديدة.',
      },
      {
        source: 'h',
        sourceId: '2',
        title: headline,
        text: 'شكا سكان أحياء العاصمة من توقف التيار ساعات طويلة بعد انقطاع الكهرباء فى القاهرة، وطالبوا الشركة بالتعويض عن الأضرار.',
      },
    ]);
    // Title and text weighted alike, so that the other article's text outscores the pasted headline.
    const flat = new Corpus(new SqliteCorpusStore(store.db, join(dir, 'sub', 'marsad.db'), { weights: { title: [1, 1, 1], body: [1, 1, 1] } }), createTestAnalyzer());
    const r = flat.search({ q: 'انقطاعُ الكهربـاء في القاهرة', syntax: 'plain' });
    expect(ids(r).slice(0, 2)).toEqual([pasted.id, longer.id]);
    // BM25 alone prefers the other one: the order is the headline rule's, not the scores'.
    expect(r.results[1].score).toBeGreaterThan(r.results[0].score);
    expect(r.results[0].titleHighlights.map((h) => headline.slice(h.start, h.end))).toEqual(['انقطاع', 'الكهرباء', 'القاهرة']);
    // Pages agree with the first one; a query that is not one run of words keeps BM25 order.
    expect(ids(flat.search({ q: headline, limit: 1, offset: 1 }))).toEqual([longer.id]);
    expect(ids(flat.search({ q: `${headline} -التعويضات` }))[0]).toBe(longer.id);
    expect(ids(flat.search({ q: headline, sort: 'date' }))).toHaveLength(r.total);
    // Searching the text only, titles play no part.
    expect(ids(flat.search({ q: headline, in: 'body' })).slice(0, 2)).toEqual([longer.id, pasted.id]);
  });

  it('supports phrases, exclusion and OR', () => {
    // `لوزير الخارجية` (b-7) matches through the stem column, where ل is stripped.
    expect(new Set(ids(corpus.search({ q: '"وزير الخارجية"' })))).toEqual(new Set([byKey['a-1'], byKey['b-7']]));
    expect(ids(corpus.search({ q: '"الخارجية وزير"' }))).toEqual([]);
    expect(new Set(ids(corpus.search({ q: 'العراق -لافروف' })))).toEqual(new Set([byKey['c-3']]));
    expect(new Set(ids(corpus.search({ q: 'المباراة OR الكهرباء' })))).toEqual(new Set([byKey['c-3'], byKey['b-7']]));
    expect(() => corpus.search({ q: '-لافروف' })).toThrow(/at least one word/);
  });

  it('reads a pasted headline as plain text with syntax: plain', () => {
    // With the syntax, -لافروف excludes and the quotes make a phrase that no article has.
    expect(new Set(ids(corpus.search({ q: 'العراق -لافروف' })))).toEqual(new Set([byKey['c-3']]));
    const plain = corpus.search({ q: 'العراق -لافروف', syntax: 'plain' });
    expect(plain.mode).toBe('all');
    expect(ids(plain)).toContain(byKey['a-1']);
    expect(ids(plain)).not.toContain(byKey['c-3']);
    expect(ids(corpus.search({ q: '"الخارجية وزير"', mode: 'all' }))).toEqual([]);
    expect(new Set(ids(corpus.search({ q: '"الخارجية وزير"', syntax: 'plain', mode: 'all' })))).toEqual(new Set([byKey['a-1'], byKey['b-7']]));
  });

  it('requires every word, and relaxes to any word only when nothing has them all', () => {
    const all = corpus.search({ q: 'لافروف المباراة' });
    expect(all).toMatchObject({ mode: 'any', relaxed: true });
    expect(all.total).toBe(4);
    expect(corpus.search({ q: 'لافروف المباراة', mode: 'all' }).total).toBe(0);
    expect(corpus.search({ q: 'لافروف موسكو' })).toMatchObject({ mode: 'all', relaxed: false, total: 2 });
  });

  it('ranks a title match above body-only matches', () => {
    const r = corpus.search({ q: 'النفط' });
    expect(ids(r)[0]).toBe(byKey['b-11']);
    expect(r.results[0].titleHighlights.map((h) => ENERGY.title!.slice(h.start, h.end))).toEqual(['النفط']);
    expect(r.results[0].score).toBeGreaterThan(r.results[1].score);
  });

  it('filters by date range, source, topic, entity and event type', () => {
    expect(new Set(ids(corpus.search({ q: 'العراق', from: '2026-03-01', to: '2026-03-31' })))).toEqual(new Set([byKey['a-1'], byKey['b-7']]));
    expect(ids(corpus.search({ q: 'العراق', to: '2026-03-04' })).sort()).toEqual([byKey['a-1'], byKey['c-3']].sort());
    expect(new Set(ids(corpus.search({ q: 'العراق', source: ['wire-a'] })))).toEqual(new Set([byKey['a-1'], byKey['a-9']]));
    expect(ids(corpus.search({ q: 'العراق', topic: ['sport'] }))).toEqual([byKey['c-3']]);
    expect(new Set(ids(corpus.search({ entity: ['لافروف'] })))).toEqual(new Set([byKey['a-1'], byKey['b-7'], byKey['a-9']]));
    expect(ids(corpus.search({ q: 'العراق', eventType: ['visit'] }))).toEqual([byKey['b-7']]);
    expect(ids(corpus.search({ q: 'العراق', eventType: ['04'] }))).toEqual([byKey['b-7']]);
    expect(() => corpus.search({ q: 'العراق', from: 'March' })).toThrow(/Not a date/);
  });

  it('finds a word behind a proclitic through its stem, or through proclitic variants on request', () => {
    const r = corpus.search({ q: 'أوروبا' });
    expect(ids(r)).toEqual([byKey['b-11']]);
    expect(r.results[0].snippet.highlights.map((h) => ENERGY.text.slice(h.start, h.end))).toEqual(['وأوروبا']);
    // Three letters are too few to strip a proclitic from in the index: only the query expansion finds ومصر.
    const [extra] = corpus.add([{ text: 'وقع البلدان اتفاقا للتعاون، ومصر شريك فيه منذ البداية.', source: 'x', sourceId: 'egypt' }]);
    expect(ids(corpus.search({ q: 'مصر' }))).not.toContain(extra.id);
    expect(ids(corpus.search({ q: 'مصر', expandProclitics: true }))).toContain(extra.id);
  });

  it('ranks adjacent words higher on request without changing the matches', () => {
    const plain = corpus.search({ q: 'النفط الغاز', mode: 'any' });
    const near = corpus.search({ q: 'النفط الغاز', mode: 'any', proximity: true });
    expect(near.total).toBe(plain.total);
    expect(new Set(ids(near))).toEqual(new Set(ids(plain)));
  });

  it('restricts matches to the title or the text', () => {
    expect(ids(corpus.search({ q: 'النفط', in: 'title' }))).toEqual([byKey['b-11']]);
    expect(new Set(ids(corpus.search({ q: 'لافروف', in: 'title' })))).toEqual(new Set([byKey['a-1'], byKey['a-9']]));
    expect(corpus.search({ q: 'لافروف', in: 'body' }).total).toBe(3);
    expect(corpus.search({ q: 'فوز', in: 'body' }).total).toBe(0);
  });

  it('browses by date when there is no query', () => {
    const r = corpus.search({ source: ['wire-b'] });
    expect(ids(r)).toEqual([byKey['b-11'], byKey['b-7']]);
    expect(r.results[0].score).toBe(0);
  });

  it('counts facets over all matches, not only the page', () => {
    const r = corpus.search({ q: 'العراق', limit: 1, facets: ['source', 'topic', 'entity', 'eventType', 'date'] });
    expect(r.results).toHaveLength(1);
    expect(r.facets?.source).toEqual([
      { value: 'wire-a', count: 2 },
      { value: 'sport-c', count: 1 },
      { value: 'wire-b', count: 1 },
    ]);
    expect(r.facets?.topic).toEqual([
      { value: 'politics', count: 3 },
      { value: 'sport', count: 1 },
    ]);
    expect(r.facets?.eventType).toEqual([{ value: 'visit', count: 1 }]);
    expect(r.facets?.date).toEqual([
      { value: '2026-02', count: 1 },
      { value: '2026-03', count: 2 },
      { value: '2026-04', count: 1 },
    ]);
    const iraq = r.facets?.entity?.find((e) => e.label === 'العراق');
    expect(iraq).toMatchObject({ count: 4, type: 'LOC' });
    expect(r.facets?.entity?.find((e) => e.label === 'سيرجي لافروف')).toMatchObject({ count: 3, type: 'PER' });
  });

  it('pages results with a stable order', () => {
    const page1 = corpus.search({ q: 'العراق', limit: 2 });
    const page2 = corpus.search({ q: 'العراق', limit: 2, offset: 2 });
    expect(page1.total).toBe(4);
    expect(new Set([...ids(page1), ...ids(page2)]).size).toBe(4);
  });

  it('returns nothing, not an error, for a query of punctuation', () => {
    expect(corpus.search({ q: '!!' }).total).toBe(0);
  });
});

describe('cross-article entities', () => {
  beforeEach(() => {
    corpus.add(ARTICLES);
  });

  it('merges سيرجي and سيرغي لافروف and the surname-only article into one entity', () => {
    const found = store.findEntities('لافروف');
    expect(found.total).toBe(1);
    const lavrov = found.items[0];
    expect(lavrov).toMatchObject({ type: 'PER', name: 'سيرجي لافروف', documents: 3, firstSeen: '2026-03-04', lastSeen: '2026-04-02' });
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['سيرجي لافروف', 'سيرغي لافروف', 'لافروف']));
  });

  it('gives roles, a timeline, quotes, co-occurring entities and events on the profile', () => {
    const id = store.findEntities('لافروف').items[0].id;
    const p = store.getEntity(id)!;
    expect(p.roles).toEqual([{ title: 'وزير', count: 1 }]);
    expect(p.timeline).toEqual([
      { period: '2026-03', mentions: 3, documents: 2 },
      { period: '2026-04', mentions: 1, documents: 1 },
    ]);
    expect(store.getEntity(id, { granularity: 'day' })!.timeline.map((t) => t.period)).toEqual(['2026-03-04', '2026-03-20', '2026-04-02']);
    expect(p.quotes.map((q) => q.text)).toEqual(['لا حل عسكريا للأزمة فى المنطقة، والحوار هو الطريق الوحيد', 'روسيا ستواصل مساعدة العراق فى تعزيز قدراته الدفاعية']);
    expect(p.cooccurring[0]).toMatchObject({ entity: { name: 'العراق', type: 'LOC' }, documents: 3 });
    // يزور and الزيارة in the same article: two visit events.
    expect(p.events).toHaveLength(2);
    expect(p.events[0]).toMatchObject({ type: 'visit', participants: [{ role: 'actor', entity: { id } }, { role: 'target', entity: { name: 'العراق' } }] });
    expect(store.getEntity('E99999')).toBeUndefined();
    expect(store.getEntity('nope')).toBeUndefined();
  });

  it('finds quotes by speaker name and words, and events by type and actor', () => {
    const q = corpus.quotes({ speaker: ['لافروف'], q: 'العراق' });
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({ speakerText: 'لافروف', cue: 'وقال', kind: 'direct', speaker: { name: 'سيرجي لافروف' } });
    const doc = store.getDocument(q.items[0].documentId)!;
    expect(doc.text.slice(q.items[0].start, q.items[0].end)).toBe(q.items[0].text);
    expect(corpus.quotes({ speaker: ['الجعفري'] }).total).toBe(0);
    expect(corpus.quotes({ q: 'الحوار', from: '2026-04-01' }).total).toBe(1);
    expect(corpus.quotes({ q: 'الحوار', to: '2026-03-31' }).total).toBe(0);
    expect(corpus.events({ type: ['visit'], actor: ['لافروف'] }).total).toBe(2);
    expect(corpus.events({ type: ['04'], actor: ['لافروف'], from: '2026-03-20', to: '2026-03-20' }).total).toBe(2);
    expect(corpus.events({ type: ['visit'], target: ['مصر'] }).total).toBe(0);
    expect(corpus.events({ from: '2026-04-01' }).total).toBe(0);
  });

  it('links a surname seen first to the full name seen later', () => {
    store.close();
    store = openSqliteStore(':memory:');
    corpus = new Corpus(store, createTestAnalyzer());
    corpus.add([LAVROV_SURNAME_ONLY]);
    expect(store.findEntities('لافروف').items[0].name).toBe('لافروف');
    corpus.add([LAVROV_BAGHDAD]);
    const all = store.findEntities('لافروف');
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({ name: 'سيرجي لافروف', documents: 2 });
  });
});

describe('other analyzers', () => {
  it('works with tokens only: search by words, no entities', () => {
    store.close();
    store = openSqliteStore(':memory:');
    corpus = new Corpus(store, createTokensOnlyAnalyzer());
    corpus.add(ARTICLES);
    expect(corpus.search({ q: 'العراق' }).total).toBe(4);
    expect(store.stats()).toMatchObject({ documents: 5, entities: 0, quotes: 0, events: 0 });
    // Without repair the glued word is one token, so its article is found through other words only.
    expect(corpus.search({ q: 'روسياوالعراق' }).total).toBe(1);
  });

  it('stores whatever layers are present, under the analysis JSON', () => {
    const [out] = corpus.add([LAVROV_BAGHDAD]);
    const a = store.getDocument(out.id, { analysis: true })!.analysis!;
    expect(a.entities?.map((e) => normalize(e.name))).toEqual(expect.arrayContaining(['سيرجي لافروف', 'العراق']));
    expect(a.quotes).toHaveLength(1);
  });
});

describe('query safety', () => {
  it('never lets query text break the FTS5 expression', async () => {
    const fc = (await import('fast-check')).default;
    corpus.add(ARTICLES);
    const pieces = fc.constantFrom('العراق', '"', '-', 'OR', 'AND', 'NOT', 'NEAR', '*', '^', '(', ')', '{', '}', ':', "'", 'b_norm', ' ', 'فى', '«', '٤');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 8 }), (parts) => {
        const q = parts.join(' ');
        try {
          corpus.search({ q, facets: ['source'] });
        } catch (e) {
          if (!(e instanceof Error) || (e as { code?: string }).code !== 'INVALID_ARGUMENT') throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('publication dates', () => {
  it.each([
    ['2026-03-04', '2026-03-04'],
    ['Sun, 18 Feb 2018 21:35:43 +0400', '2018-02-18T17:35:43Z'],
    ['2017-01-20T21:43:00+01:00', '2017-01-20T20:43:00Z'],
    ['18/05/2017', '2017-05-18'],
    ['2015-07-25 15:43:22', '2015-07-25T15:43:22Z'],
    ['05/12/2016', '2016-12-05'],
    ['١٨/٠٥/٢٠١٧ ١٤:٣٠', '2017-05-18T14:30:00Z'],
    ['31/02/2017', undefined],
    ['أمس', undefined],
    ['', null],
  ])('%s → %s', async (input, expected) => {
    const { normalizePublished } = await import('./prepare.js');
    expect(normalizePublished(input)).toBe(expected);
  });
});
