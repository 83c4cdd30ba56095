/**
 * Page state as URL parameters, and the pure helpers the pages use: the API queries made
 * from a page's URL, URL rewriting for facets and pages, the actor × target matrix, safe
 * links. Kept apart from the components so they are unit-tested without a browser.
 */
import { appendAll, type EntityRef, type EventRecord, type FacetName } from '../api.js';
import type { MessageKey } from '../i18n.js';
import { href } from '../router.js';

/** Results per page. */
export const PAGE_SIZE = 10;

/** Filters that facets toggle, with their URL and API parameter names. */
export const FILTERS: { name: Exclude<FacetName, 'date'>; label: MessageKey }[] = [
  { name: 'topic', label: 'facetTopic' },
  { name: 'source', label: 'facetSource' },
  { name: 'entity', label: 'facetEntity' },
  { name: 'eventType', label: 'facetEventType' },
];

/** The API query for a page's URL parameters. */
export function searchQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  const text = params.get('q')?.trim();
  if (text) q.set('q', text);
  for (const f of FILTERS) appendAll(q, f.name, params.getAll(f.name));
  for (const k of ['from', 'to', 'sort']) {
    const v = params.get(k);
    if (v) q.set(k, v);
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  q.set('limit', String(PAGE_SIZE));
  q.set('offset', String((page - 1) * PAGE_SIZE));
  for (const f of ['topic', 'source', 'entity', 'eventType', 'date']) q.append('facets', f);
  return q;
}

/** The same URL with one parameter changed, the page reset unless it is the page itself. */
export function withParam(params: URLSearchParams, change: (p: URLSearchParams) => void): string {
  const next = new URLSearchParams(params);
  change(next);
  if (!next.has('pageKeep')) next.delete('page');
  next.delete('pageKeep');
  return href('search', next);
}


/** The first and last day of a `YYYY-MM` month, for a histogram bar's date filter. */
export function monthRange(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period.slice(0, 7)}-01`, to: `${period.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/** Events per page (the API's maximum). */
export const EVENTS_PAGE = 100;

/** The API query for the page's URL parameters. */
export function eventsQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of ['type', 'actor', 'target', 'from', 'to']) {
    const v = params.get(k);
    if (v) q.set(k, v);
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  q.set('limit', String(EVENTS_PAGE));
  if (page > 1) q.set('offset', String((page - 1) * EVENTS_PAGE));
  return q;
}

/** Whether an event involves a country (as a place, or a place-type actor or target). */
export function involves(ev: EventRecord, country: string): boolean {
  return ev.participants.some((p) => p.entity.id === country);
}

/** Rows and columns of the matrix. */
export const MATRIX_SIZE = 8;

/** Counts events per (actor, target) pair over the most frequent actors and targets. */
export function pairMatrix(events: EventRecord[], countriesOnly: boolean) {
  const counts = new Map<string, number>();
  const rows = new Map<string, { entity: EntityRef; n: number }>();
  const cols = new Map<string, { entity: EntityRef; n: number }>();
  for (const ev of events) {
    const keep = (p: EventRecord['participants'][number]) => !countriesOnly || p.entity.type === 'LOC';
    const actors = ev.participants.filter((p) => p.role === 'actor' && keep(p));
    const targets = ev.participants.filter((p) => p.role === 'target' && keep(p));
    for (const a of actors)
      for (const b of targets) {
        const key = `${a.entity.id}\u0000${b.entity.id}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        rows.set(a.entity.id, { entity: a.entity, n: (rows.get(a.entity.id)?.n ?? 0) + 1 });
        cols.set(b.entity.id, { entity: b.entity, n: (cols.get(b.entity.id)?.n ?? 0) + 1 });
      }
  }
  const top = (m: Map<string, { entity: EntityRef; n: number }>) =>
    [...m.values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, MATRIX_SIZE)
      .map((x) => x.entity);
  const max = Math.max(0, ...counts.values());
  return { rows: top(rows), cols: top(cols), count: (a: string, b: string) => counts.get(`${a}\u0000${b}`) ?? 0, max };
}

/** Only http(s) links are followed: a stored `javascript:` URL must never become a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Parses `at=start-end`. */
export function parseSpot(at: string | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(at ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

