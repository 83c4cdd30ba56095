/**
 * The UI's only door to Marsad: the public HTTP API (issue 6). Types here describe the JSON
 * the API returns; fields the API may leave out are optional, and every page renders what is
 * present. The analysis itself is the public `AnalyzedDocument` contract.
 */
import type { AnalyzedDocument, EntityType, Role, Span } from '../../src/core/document.js';
import type { DuplicateCopy } from '../../src/store/store.js';

export type { AnalyzedDocument, DuplicateCopy, EntityType, Role, Span };

/** An error answered by the API (or a network failure, code `NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A short reference to a corpus entity. */
export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
}

/** A search snippet: `text` is `original.slice(start, end)`; highlights are absolute offsets in the original. */
export interface Snippet extends Span {
  text: string;
  highlights: Span[];
  truncatedStart?: boolean;
  truncatedEnd?: boolean;
}

/** One search result. */
export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  url?: string | null;
  published: string | null;
  topic?: string | null;
  score?: number;
  snippet?: Snippet;
  titleHighlights?: Span[];
  nearDuplicates?: number;
}

/** A facet value with its count. */
export interface FacetCount {
  value: string;
  count: number;
  label?: string;
  type?: string;
}

/** Facet names the UI asks for. `date` counts per month (`YYYY-MM`). */
export type FacetName = 'topic' | 'source' | 'entity' | 'eventType' | 'date';

/** The answer to `GET /search`. */
export interface SearchResponse {
  total: number;
  offset: number;
  limit: number;
  relaxed?: boolean;
  results: SearchHit[];
  facets?: Partial<Record<FacetName, FacetCount[]>>;
}

/** A corpus entity. */
export interface EntitySummary extends EntityRef {
  aliases?: string[];
  documents?: number;
  mentions?: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
}

/** A stored quote. */
export interface QuoteRecord {
  id: number | string;
  documentId: string;
  documentTitle?: string | null;
  published?: string | null;
  speaker?: EntityRef | null;
  speakerText?: string | null;
  cue?: string;
  kind?: 'direct' | 'indirect';
  text: string;
  start?: number;
  end?: number;
}

/** A stored event. */
export interface EventRecord {
  id: number | string;
  documentId: string;
  documentTitle?: string | null;
  published?: string | null;
  type: string;
  cameo?: string;
  trigger?: Span & { text: string };
  modality?: string | null;
  time?: { text: string; date?: string | null } | null;
  participants: { entity: EntityRef; role: 'actor' | 'target' | 'place' }[];
}

/** An entity's profile. */
export interface EntityProfile extends EntitySummary {
  roles?: (Role & { count?: number })[];
  timeline?: { period: string; mentions: number; documents?: number }[];
  quotes?: QuoteRecord[];
  cooccurring?: { entity: EntityRef; documents: number }[];
  events?: EventRecord[];
}

/** A page of items. */
export interface Page<T> {
  total: number;
  offset?: number;
  limit?: number;
  items: T[];
}

/** A stored document. */
export interface StoredDocument {
  id: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  published?: string | null;
  topic?: string | null;
  text?: string;
  nearDuplicateOf?: string | null;
  nearDuplicates?: string[];
  /** The same text seen under other sources: stored once, each copy's details kept. */
  duplicates?: DuplicateCopy[];
  analysis?: AnalyzedDocument;
}


/** What `POST /documents` answers for one document. */
export interface StoreOutcome {
  id: string;
  status?: string;
  nearDuplicateOf?: string;
}

/** Metadata sent with an article to store. */
export interface DocumentMeta {
  title?: string;
  source?: string;
  url?: string;
  /** Publication date (`YYYY-MM-DD` or ISO 8601). */
  date?: string;
}

/** Base URL of the API: the page's own origin, so the UI works wherever the server mounts it. */
function apiUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), new URL('./', document.baseURI)).toString();
}

const TOKEN_KEY = 'marsad.token';

/** The bearer token for write endpoints, kept for the browser session only. */
export function getToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Remembers (or forgets, with '') the bearer token. */
export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Reads an error body in any of the shapes Fastify and our error handler produce. */
function errorFrom(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { error?: unknown; code?: unknown; message?: unknown };
  const inner = (typeof b.error === 'object' && b.error !== null ? b.error : b) as { code?: unknown; message?: unknown };
  const code = typeof inner.code === 'string' ? inner.code : `HTTP_${status}`;
  const message =
    typeof inner.message === 'string' ? inner.message : typeof b.error === 'string' ? b.error : `HTTP ${status}`;
  return new ApiError(status, code, message);
}

/** Calls the API and parses JSON; throws {@link ApiError}. */
export async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: URLSearchParams; body?: unknown; auth?: boolean; signal?: AbortSignal } = {},
): Promise<T> {
  const qs = options.query && [...options.query].length ? `?${options.query}` : '';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = getToken();
  if (options.auth && token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(path) + qs, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  const raw = await res.text();
  let body: unknown = undefined;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    if (res.ok) throw new ApiError(res.status, 'BAD_RESPONSE', 'The server answered with something that is not JSON.');
  }
  if (!res.ok) throw errorFrom(res.status, body);
  return body as T;
}

/** Finds the analysis in an answer that is either the document itself or wraps it. */
export function unwrapAnalysis(body: unknown): AnalyzedDocument {
  const b = body as Record<string, unknown> | null;
  if (b && typeof b.text === 'string' && 'schemaVersion' in b) return b as unknown as AnalyzedDocument;
  for (const key of ['analysis', 'document', 'result']) {
    const inner = b?.[key] as Record<string, unknown> | undefined;
    if (inner && typeof inner.text === 'string') return inner as unknown as AnalyzedDocument;
  }
  throw new ApiError(200, 'BAD_RESPONSE', 'The analysis is missing from the answer.');
}

/** Finds the list in a page-shaped answer (`items`, `results`, or a bare array). */
export function unwrapPage<T>(body: unknown, ...keys: string[]): Page<T> {
  if (Array.isArray(body)) return { total: body.length, items: body as T[] };
  const b = body as Record<string, unknown>;
  for (const key of ['items', 'results', ...keys]) {
    if (Array.isArray(b?.[key])) {
      const items = b[key] as T[];
      return {
        total: typeof b.total === 'number' ? b.total : items.length,
        offset: typeof b.offset === 'number' ? b.offset : undefined,
        limit: typeof b.limit === 'number' ? b.limit : undefined,
        items,
      };
    }
  }
  return { total: 0, items: [] };
}

/** Appends each non-empty value of a filter as a repeated query parameter. */
export function appendAll(query: URLSearchParams, key: string, values: readonly string[] | undefined): void {
  for (const v of values ?? []) if (v) query.append(key, v);
}

/** `POST /analyze`. */
export async function analyze(text: string, date?: string, signal?: AbortSignal): Promise<AnalyzedDocument> {
  const body: Record<string, string> = { text };
  if (date) body.date = date;
  return unwrapAnalysis(await request('POST', '/analyze', { body, signal }));
}

/** `POST /documents` (bearer token). */
export async function storeDocument(text: string, meta: DocumentMeta): Promise<StoreOutcome> {
  const doc: Record<string, string> = { text };
  for (const [k, v] of Object.entries(meta)) if (v) doc[k] = v;
  const body = await request<Record<string, unknown>>('POST', '/documents', { body: doc, auth: true });
  const first = (Array.isArray(body?.results) ? body.results[0] : Array.isArray(body?.documents) ? body.documents[0] : body) as StoreOutcome;
  return first;
}

/** `GET /documents/:id`, with the analysis. */
export function getDocument(id: string, signal?: AbortSignal): Promise<StoredDocument> {
  return request('GET', `/documents/${encodeURIComponent(id)}`, { query: new URLSearchParams({ analysis: 'true' }), signal });
}

/** `GET /entities/:id`. */
export function getEntity(id: string, signal?: AbortSignal): Promise<EntityProfile> {
  return request('GET', `/entities/${encodeURIComponent(id)}`, { signal });
}

/** `GET /entities?q=`. */
export async function findEntities(q: string, options: { type?: string; limit?: number; offset?: number } = {}, signal?: AbortSignal): Promise<Page<EntitySummary>> {
  const query = new URLSearchParams();
  query.set('q', q);
  if (options.type) query.set('type', options.type);
  if (options.limit) query.set('limit', String(options.limit));
  if (options.offset) query.set('offset', String(options.offset));
  return unwrapPage<EntitySummary>(await request('GET', '/entities', { query, signal }), 'entities');
}

/** `GET /events`. */
export async function listEvents(query: URLSearchParams, signal?: AbortSignal): Promise<Page<EventRecord>> {
  return unwrapPage<EventRecord>(await request('GET', '/events', { query, signal }), 'events');
}

/** `GET /quotes`. */
export async function listQuotes(query: URLSearchParams, signal?: AbortSignal): Promise<Page<QuoteRecord>> {
  return unwrapPage<QuoteRecord>(await request('GET', '/quotes', { query, signal }), 'quotes');
}

/** `GET /search`. */
export function search(query: URLSearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return request('GET', '/search', { query, signal });
}

/** `GET /health`. */
export function health(signal?: AbortSignal): Promise<Record<string, unknown>> {
  return request('GET', '/health', { signal });
}
