/**
 * Preparing a document for the store: checking the input, analyzing it, and deriving what
 * the index needs (identity, content hash, index terms, MinHash signature). This is the CPU-heavy
 * part of ingest and runs outside the write transaction.
 */
import { createHash } from 'node:crypto';
import type { AnalyzedDocument } from '../core/document.js';
import { MarsadError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { createPipeline } from '../core/pipeline.js';
import { minhash } from '../core/search/minhash.js';
import { indexTerms, type IndexTerms, termForms, type TermForms } from '../core/search/terms.js';
import { normalize } from '../core/text/normalize.js';
import type { DocumentInput, PreparedDocument } from './store.js';

/** Longest text accepted for one document, in UTF-16 code units (about 1 MB of Arabic). */
export const MAX_DOCUMENT_CHARS = 500_000;

/** Stages that produce search terms: what titles and queries go through. */
const TERM_STAGES = ['tokenize', 'repair', 'sentences', 'morphology'];

/**
 * The part of an analyzer that produces tokens and their morphology, for titles and queries:
 * running NER, quotes or events on a three-word query would cost time and change nothing.
 */
export function termPipelineOf(analyzer: Pipeline): Pipeline {
  const stages = analyzer.stages.filter((s) => TERM_STAGES.includes(s.name));
  try {
    return createPipeline(stages);
  } catch {
    return analyzer;
  }
}

/** Index terms of a short text (title, query) through the term pipeline. */
export function termsOf(termPipeline: Pipeline, text: string): IndexTerms {
  return indexTerms(termPipeline.analyze(text).tokens ?? [], normalize);
}

/** Term forms of a short text, one per indexable token (for queries). */
export function formsOf(termPipeline: Pipeline, text: string): TermForms[] {
  const out: TermForms[] = [];
  for (const token of termPipeline.analyze(text).tokens ?? []) {
    const f = termForms(token, normalize);
    if (f) out.push(f);
  }
  return out;
}

/** Hex sha256. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * The content hash: sha256 of the normalized text with white space collapsed, so the same
 * article scraped with other line breaks, tatweel or diacritics counts as the same content.
 */
export function contentHashOf(text: string): string {
  return sha256(normalize(text).replace(/\s+/gu, ' ').trim());
}

/** The source key of an input: `source` + `sourceId`, else the URL, else null. */
export function sourceKeyOf(input: Pick<DocumentInput, 'source' | 'sourceId' | 'url'>): string | null {
  const sourceId = input.sourceId?.toString().trim();
  if (sourceId) return `id:${(input.source ?? '').trim()}\u0000${sourceId}`;
  const url = input.url?.trim();
  if (url) return `url:${url}`;
  return null;
}

/** Public document id: 16 hex digits of the source key's (or the content's) hash. */
export function documentIdOf(sourceKey: string | null, contentHash: string): string {
  return sha256(sourceKey ?? `content:${contentHash}`).slice(0, 16);
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/**
 * Normalizes a publication time to ISO 8601 UTC; a bare date stays `YYYY-MM-DD`.
 * Reads ISO 8601, RFC 2822 (feeds) and the day-first `DD/MM/YYYY [HH:MM]` of Arab and
 * European sites (never month-first), in Arabic-Indic digits too. Times without a zone are UTC.
 * Returns null for an empty value, undefined for one that cannot be read.
 */
export function normalizePublished(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  const s = normalize(String(value)).trim();
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(s)) return Number.isNaN(Date.parse(s)) ? undefined : s;
  const dm = DAY_FIRST.exec(s);
  if (dm) {
    const [, d, m, y, hh, mm, ss] = dm;
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const check = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return undefined;
    if (hh === undefined) return date;
    return `${date}T${hh.padStart(2, '0')}:${mm}:${(ss ?? '00').padStart(2, '0')}Z`;
  }
  // A date-time without a zone is read as UTC, not as the machine's local time.
  const noZone = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/u.exec(s);
  const t = Date.parse(noZone ? `${noZone[1]}T${noZone[2]}Z` : s);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** Options for {@link prepareDocument}. */
export interface PrepareOptions {
  /** The term pipeline (default: derived from the analyzer; pass it to avoid rebuilding it per document). */
  termPipeline?: Pipeline;
  maxChars?: number;
  /**
   * What to do with a publication date that cannot be read: `error` (default) refuses the
   * document; `keep` stores it without a date, the raw value kept in `meta.unreadDate`
   * (ingest uses this: a bad date must not lose an article).
   */
  badDate?: 'error' | 'keep';
}

/**
 * Checks, analyzes and indexes one input.
 * @throws MarsadError `EMPTY_INPUT` for a blank text, `INPUT_TOO_LARGE` past {@link MAX_DOCUMENT_CHARS},
 *   `VALIDATION` for a publication date that cannot be read.
 */
export function prepareDocument(input: DocumentInput, analyzer: Pipeline, options: PrepareOptions = {}): PreparedDocument {
  if (typeof input.text !== 'string' || input.text.trim() === '') {
    throw new MarsadError('EMPTY_INPUT', 'The document has no text.');
  }
  const max = options.maxChars ?? MAX_DOCUMENT_CHARS;
  if (input.text.length > max) {
    throw new MarsadError('INPUT_TOO_LARGE', `The document has ${input.text.length} characters; the limit is ${max}.`, {
      length: input.text.length,
      limit: max,
    });
  }
  let published = normalizePublished(input.published);
  let meta = input.meta && Object.keys(input.meta).length > 0 ? input.meta : null;
  if (published === undefined) {
    if (options.badDate !== 'keep') {
      throw new MarsadError('VALIDATION', `Cannot read the publication date "${String(input.published)}".`, { published: input.published });
    }
    published = null;
    meta = { ...(meta ?? {}), unreadDate: String(input.published) };
  }
  const termPipeline = options.termPipeline ?? termPipelineOf(analyzer);
  const analysis: AnalyzedDocument = analyzer.analyze(input.text, published ? { date: published.slice(0, 10) } : {});
  const title = input.title?.trim() || null;
  const titleTerms = title ? termsOf(termPipeline, title) : { norm: [], base: [], stem: [], spans: [] };
  const bodyTerms = indexTerms(analysis.tokens ?? [], normalize);
  const contentHash = contentHashOf(input.text);
  const sourceKey = sourceKeyOf(input);
  let wordCount = 0;
  for (const t of analysis.tokens ?? []) if (t.kind === 'word') wordCount++;
  return {
    id: documentIdOf(sourceKey, contentHash),
    sourceKey,
    contentHash,
    title,
    source: input.source?.trim() || null,
    sourceId: input.sourceId?.toString().trim() || null,
    url: input.url?.trim() || null,
    published,
    lang: input.lang?.trim() || 'ar',
    meta,
    analysis,
    analyzer: analyzer.stages.map((s) => s.name),
    titleTerms,
    bodyTerms,
    signature: minhash(bodyTerms.base),
    wordCount,
  };
}
