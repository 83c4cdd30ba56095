import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../api.js';
import { href, parseHash } from '../router.js';
import { eventsQuery, monthRange, pairMatrix, parseSpot, safeUrl, searchQuery, withParam } from './state.js';

describe('hash routes', () => {
  it.each([
    ['#/search?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82&page=2', ['search'], { q: 'العراق', page: '2' }],
    ['#/entity/E12', ['entity', 'E12'], {}],
    ['#/doc/abc%2F1?at=5-9', ['doc', 'abc/1'], { at: '5-9' }],
    ['', [], {}],
    ['#/%E0%A4%A', ['%E0%A4%A'], {}],
  ])('parses %s', (hash, parts, params) => {
    const route = parseHash(hash);
    expect(route.parts).toEqual(parts);
    expect(Object.fromEntries(route.params)).toEqual(params);
  });

  it('round-trips Arabic values and repeated keys through href', () => {
    const link = href('search', { q: 'وزير الخارجية', source: ['النيل اليوم', 'صحيفة الرياض'], page: undefined });
    const route = parseHash(link);
    expect(route.parts).toEqual(['search']);
    expect(route.params.get('q')).toBe('وزير الخارجية');
    expect(route.params.getAll('source')).toEqual(['النيل اليوم', 'صحيفة الرياض']);
    expect(route.params.has('page')).toBe(false);
  });
});

describe('searchQuery', () => {
  it('sends filters as repeated keys, the page as an offset, and asks for every facet', () => {
    const q = searchQuery(new URLSearchParams('q=%20العراق%20&source=a&source=b&entity=E3&from=2026-01-01&page=3&sort=date&junk=1'));
    expect(q.get('q')).toBe('العراق');
    expect(q.getAll('source')).toEqual(['a', 'b']);
    expect(q.getAll('entity')).toEqual(['E3']);
    expect(q.get('from')).toBe('2026-01-01');
    expect(q.get('sort')).toBe('date');
    expect(q.get('offset')).toBe('20');
    expect(q.get('limit')).toBe('10');
    expect(q.getAll('facets')).toEqual(['topic', 'source', 'entity', 'eventType', 'date']);
    expect(q.has('junk')).toBe(false);
  });

  it('leaves out an empty query and treats a bad page as the first', () => {
    const q = searchQuery(new URLSearchParams('q=&page=-4'));
    expect(q.has('q')).toBe(false);
    expect(q.get('offset')).toBe('0');
  });
});

describe('withParam', () => {
  it('resets the page when a filter changes', () => {
    const link = withParam(new URLSearchParams('q=x&page=4'), (p) => p.append('topic', 'سياسة'));
    expect(Object.fromEntries(parseHash(link).params)).toEqual({ q: 'x', topic: 'سياسة' });
  });
});

describe('eventsQuery', () => {
  it('keeps the API filters, not the page-side ones, and pages by 100', () => {
    const q = eventsQuery(new URLSearchParams('type=MEET&actor=E1&country=E5&page=2&countries=1'));
    expect(Object.fromEntries(q)).toEqual({ type: 'MEET', actor: 'E1', limit: '100', offset: '100' });
  });
});

describe('monthRange', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s', (period, from, to) => expect(monthRange(period)).toEqual({ from, to }));
});

describe('pairMatrix', () => {
  const e = (id: string, type: 'PER' | 'LOC', name: string) => ({ id, type, name });
  const ev = (actor: ReturnType<typeof e>, target: ReturnType<typeof e>): EventRecord => ({
    id: Math.random(),
    documentId: 'd',
    type: 'MEET',
    participants: [
      { entity: actor, role: 'actor' },
      { entity: target, role: 'target' },
    ],
  });
  const egypt = e('E1', 'LOC', 'مصر');
  const algeria = e('E2', 'LOC', 'الجزائر');
  const minister = e('E3', 'PER', 'خالد منصور');
  const events = [ev(egypt, algeria), ev(egypt, algeria), ev(minister, algeria)];

  it('counts actor → target pairs, most active first', () => {
    const m = pairMatrix(events, false);
    expect(m.rows.map((r) => r.name)).toEqual(['مصر', 'خالد منصور']);
    expect(m.cols.map((c) => c.name)).toEqual(['الجزائر']);
    expect(m.count('E1', 'E2')).toBe(2);
    expect(m.count('E2', 'E1')).toBe(0);
    expect(m.max).toBe(2);
  });

  it('keeps only places when asked', () => {
    expect(pairMatrix(events, true).rows.map((r) => r.id)).toEqual(['E1']);
  });
});

describe('safeUrl and parseSpot', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['not a url', null],
    [null, null],
  ])('safeUrl(%s)', (url, expected) => expect(safeUrl(url)).toBe(expected));

  it('reads at=start-end and nothing else', () => {
    expect(parseSpot('12-40')).toEqual({ start: 12, end: 40 });
    expect(parseSpot('12-')).toBeNull();
    expect(parseSpot(null)).toBeNull();
  });
});
