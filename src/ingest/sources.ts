/**
 * Turning what the user points at (files, folders, URLs) into a stream of documents and
 * per-document problems. A bad line, file or page becomes a problem naming where it was
 * and why; the stream goes on.
 *
 * Inputs:
 * - `.txt`: one article per file; the first line is the title when it looks like one;
 * - `.jsonl` / `.ndjson`: one article per line, fields `id, title, text, date, source, url`
 *   (other fields are kept as metadata);
 * - `.html` / `.htm`: the main article, extracted with Readability;
 * - `.xml` / `.rss` / `.atom`: a feed; each item's full content, else its page;
 * - folders: every file above, recursively, in name order;
 * - `http(s)://` URLs: a feed or an article page, told apart by content.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isMarsadError, MarsadError } from '../core/errors.js';
import { decodeInput } from '../core/text/input.js';
import type { DocumentInput } from '../store/store.js';
import { type Feed, type FeedItem, looksLikeFeed, parseFeed } from './feed.js';
import type { Fetcher } from './fetch.js';
import { extractArticle } from './html.js';

/** A document read from an input, with where it came from. */
export interface IngestItem extends DocumentInput {
  /** File and line, or URL: where to look when something is wrong with it. */
  origin: string;
}

/** A document that could not be read, with where and why. */
export interface IngestProblem {
  origin: string;
  code: string;
  message: string;
}

/** One step of the input stream. */
export type SourceEvent = { kind: 'item'; item: IngestItem } | { kind: 'problem'; problem: IngestProblem } | { kind: 'skipped'; origin: string; reason: string };

const TEXT_EXT = new Set(['.txt']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const HTML_EXT = new Set(['.html', '.htm']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom']);
const KNOWN_EXT = new Set([...TEXT_EXT, ...JSONL_EXT, ...HTML_EXT, ...FEED_EXT]);

/** Feed items whose content has at least this many characters are taken as full articles. */
const FULL_CONTENT_CHARS = 400;

/** Largest input file (default): 10 MB for a text or HTML file; JSONL is streamed. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Largest JSONL line. */
const MAX_LINE_CHARS = 2_000_000;

function problem(origin: string, e: unknown): SourceEvent {
  if (isMarsadError(e)) return { kind: 'problem', problem: { origin, code: e.code, message: e.message } };
  return { kind: 'problem', problem: { origin, code: 'INTERNAL', message: (e as Error).message ?? String(e) } };
}

const isUrl = (s: string): boolean => /^https?:\/\//iu.test(s);

/**
 * A first line is a title when it is short, is followed by more text, and does not end like
 * a sentence.
 */
export function splitTitle(text: string): { title: string | null; text: string } {
  const nl = text.indexOf('\n');
  if (nl < 0) return { title: null, text };
  const first = text.slice(0, nl).trim();
  const rest = text.slice(nl + 1);
  const words = first.split(/\s+/u).filter(Boolean).length;
  if (first !== '' && words <= 20 && first.length <= 200 && !/[.!?؟:]$/u.test(first) && rest.trim() !== '') {
    return { title: first, text };
  }
  return { title: null, text };
}

/** Reads one `.txt` article. The text stays whole (title line included) so offsets are the file's. */
export function readTextFile(path: string): IngestItem {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new MarsadError('INPUT_TOO_LARGE', `${path} is ${size} bytes, over the limit of ${MAX_FILE_BYTES}.`);
  const text = decodeInput(readFileSync(path), { source: path, maxBytes: MAX_FILE_BYTES });
  const { title } = splitTitle(text);
  return { origin: path, text, title, source: 'file', sourceId: resolve(path) };
}

/** Reads one JSONL record (already parsed) into an item, checking the field types. */
export function jsonRecordToItem(record: unknown, origin: string): IngestItem {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new MarsadError('VALIDATION', 'The line is not a JSON object.');
  }
  const r = record as Record<string, unknown>;
  const str = (field: string): string | null => {
    const v = r[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && field === 'id') return String(v);
    throw new MarsadError('VALIDATION', `Field "${field}" must be a string, not ${Array.isArray(v) ? 'an array' : typeof v}.`);
  };
  const text = str('text');
  if (text === null || text.trim() === '') throw new MarsadError('EMPTY_INPUT', 'The record has no "text".');
  const { id: _id, title: _t, text: _x, date: _d, source: _s, url: _u, ...rest } = r;
  return {
    origin,
    text,
    title: str('title'),
    sourceId: str('id'),
    source: str('source'),
    url: str('url'),
    published: str('date') ?? (typeof r.date_extracted === 'string' ? r.date_extracted : null),
    meta: Object.keys(rest).length > 0 ? rest : null,
  };
}

/** Streams a JSONL file: one item or problem per non-blank line. */
export async function* readJsonlFile(path: string): AsyncGenerator<SourceEvent> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const origin = `${path}:${n}`;
    const line = n === 1 ? raw.replace(/^\uFEFF/u, '') : raw;
    if (line.trim() === '') continue;
    if (line.length > MAX_LINE_CHARS) {
      yield problem(origin, new MarsadError('INPUT_TOO_LARGE', `The line has ${line.length} characters, over the limit of ${MAX_LINE_CHARS}.`));
      continue;
    }
    if (line.includes('\uFFFD')) {
      yield problem(origin, new MarsadError('INVALID_UTF8', 'The line is not valid UTF-8.'));
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      yield problem(origin, new MarsadError('VALIDATION', `Not valid JSON: ${(e as Error).message}`));
      continue;
    }
    try {
      yield { kind: 'item', item: jsonRecordToItem(record, origin) };
    } catch (e) {
      yield problem(origin, e);
    }
  }
}

/** An article page (HTML) into an item. */
export function htmlToItem(html: string, origin: string, url: string | null): IngestItem {
  const a = extractArticle(html, url ?? undefined);
  const host = url ? new URL(url).hostname.replace(/^www\./u, '') : null;
  return {
    origin,
    text: a.text,
    title: a.title,
    url,
    source: a.siteName ?? host ?? 'file',
    sourceId: url ? null : resolve(origin),
    published: a.published,
    lang: a.lang && /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/u.test(a.lang) ? a.lang : null,
  };
}

/** Context for reading inputs. */
export interface SourceContext {
  /** The HTTP client; without it, URLs are reported as problems. */
  fetcher?: Fetcher;
  /** Item links already stored (so their pages are not fetched again). */
  isKnown?: (item: { source: string | null; sourceId: string | null; url: string | null }) => boolean;
}

/** The items of a feed: full content when the feed has it, else the linked page. */
export async function* feedItems(feed: Feed, origin: string, ctx: SourceContext): AsyncGenerator<SourceEvent> {
  const source = feed.title ?? (feed.link ? new URL(feed.link, 'http://x').hostname : null) ?? origin;
  for (const [i, it] of feed.items.entries()) {
    const itemOrigin = it.link ?? `${origin}#${i + 1}`;
    const base: Omit<IngestItem, 'text' | 'origin'> = { title: it.title, url: it.link, source, sourceId: it.id, published: it.published };
    if (ctx.isKnown?.({ source, sourceId: it.id, url: it.link })) {
      yield { kind: 'skipped', origin: itemOrigin, reason: 'already stored' };
      continue;
    }
    yield* feedItem(it, base, itemOrigin, ctx);
  }
}

async function* feedItem(it: FeedItem, base: Omit<IngestItem, 'text' | 'origin'>, origin: string, ctx: SourceContext): AsyncGenerator<SourceEvent> {
  if (it.content && it.content.length >= FULL_CONTENT_CHARS) {
    yield { kind: 'item', item: { ...base, origin, text: it.content } };
    return;
  }
  if (!it.link || !ctx.fetcher || !isUrl(it.link)) {
    yield problem(origin, new MarsadError('EMPTY_INPUT', 'The feed item has no full content and no page to fetch.'));
    return;
  }
  try {
    const page = await ctx.fetcher.get(it.link, { conditional: false });
    const item = htmlToItem(page.body, origin, it.link);
    yield { kind: 'item', item: { ...item, ...base, title: base.title ?? item.title, published: base.published ?? item.published } };
  } catch (e) {
    yield problem(origin, e);
  }
}

/** Reads one URL: a feed (its items) or an article page. */
export async function* readUrl(url: string, ctx: SourceContext): AsyncGenerator<SourceEvent> {
  if (!ctx.fetcher) {
    yield problem(url, new MarsadError('INVALID_ARGUMENT', 'URLs need network access, which is off.'));
    return;
  }
  let page;
  try {
    page = await ctx.fetcher.get(url);
  } catch (e) {
    yield problem(url, e);
    return;
  }
  if (page.notModified) {
    yield { kind: 'skipped', origin: url, reason: 'not modified since the last fetch' };
    return;
  }
  if (/xml|rss|atom/iu.test(page.contentType) || looksLikeFeed(page.body)) {
    let feed: Feed;
    try {
      feed = parseFeed(page.body);
    } catch (e) {
      yield problem(url, e);
      return;
    }
    yield* feedItems(feed, url, ctx);
    return;
  }
  try {
    yield { kind: 'item', item: htmlToItem(page.body, url, page.finalUrl) };
  } catch (e) {
    yield problem(url, e);
  }
}

/** Every ingestible file under a folder, recursively, in name order. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile() && KNOWN_EXT.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Reads one file by its extension. */
export async function* readFile(path: string, ctx: SourceContext): AsyncGenerator<SourceEvent> {
  const ext = extname(path).toLowerCase();
  try {
    if (JSONL_EXT.has(ext)) {
      yield* readJsonlFile(path);
    } else if (TEXT_EXT.has(ext)) {
      yield { kind: 'item', item: readTextFile(path) };
    } else if (HTML_EXT.has(ext)) {
      const html = decodeInput(readFileSync(path), { source: path, maxBytes: MAX_FILE_BYTES });
      yield { kind: 'item', item: htmlToItem(html, path, null) };
    } else if (FEED_EXT.has(ext)) {
      const xml = decodeInput(readFileSync(path), { source: path, maxBytes: MAX_FILE_BYTES });
      yield* feedItems(parseFeed(xml), path, ctx);
    } else {
      yield problem(path, new MarsadError('INVALID_ARGUMENT', `Unknown file type "${ext || basename(path)}": use .txt, .jsonl, .html or .xml (feed).`));
    }
  } catch (e) {
    yield problem(path, e);
  }
}

/** Reads every input in order: files, folders and URLs. */
export async function* readInputs(inputs: readonly string[], ctx: SourceContext = {}): AsyncGenerator<SourceEvent> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* readUrl(input, ctx);
      continue;
    }
    if (!existsSync(input)) {
      yield problem(input, new MarsadError('FILE_NOT_FOUND', `No such file or folder: ${input}`));
      continue;
    }
    if (statSync(input).isDirectory()) {
      for (const f of await listFiles(input)) yield* readFile(f, ctx);
    } else {
      yield* readFile(input, ctx);
    }
  }
}

/**
 * The number of documents the local inputs hold (JSONL lines, files), for the progress
 * bar's ETA; undefined when an input is a URL or a feed, whose size is unknown before fetching.
 */
export async function countDocuments(inputs: readonly string[]): Promise<number | undefined> {
  let total = 0;
  const countFile = async (path: string): Promise<boolean> => {
    const ext = extname(path).toLowerCase();
    if (FEED_EXT.has(ext)) return false;
    if (!JSONL_EXT.has(ext)) {
      total += 1;
      return true;
    }
    let lines = 0;
    let lastWasNewline = true;
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
      if (buf.length > 0) lastWasNewline = buf[buf.length - 1] === 10;
    }
    total += lines + (lastWasNewline ? 0 : 1);
    return true;
  };
  for (const input of inputs) {
    if (isUrl(input) || !existsSync(input)) return undefined;
    const files = statSync(input).isDirectory() ? await listFiles(input) : [input];
    for (const f of files) if (!(await countFile(f))) return undefined;
  }
  return total;
}
