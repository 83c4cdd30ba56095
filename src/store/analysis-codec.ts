/**
 * How the analysis JSON is stored: compact and compressed, decoded to exactly what the
 * analyzer produced.
 *
 * Tokens are most of an analysis (nearly all of its JSON on news text), and most of a
 * token's JSON was its field names. So the token layer is stored as columns: spans as
 * gaps and lengths, kinds and tags as indexes into small per-document tables, and each
 * token's morphology as a short array in which anything that can be rebuilt from the rest is
 * left out: a token's `text` (always `original.slice(start, end)`), its `norm` (usually
 * `normalize(text)`), a segment's text when it spells its span, a lemma equal to its
 * segment's text, and a token's lemma equal to one of its segments'. Whatever does not fit
 * (a differing norm, a field this codec does not know) is kept as it is, so decoding gives
 * back exactly what was encoded. The document's `text` is left out (the documents table
 * holds it), and the JSON is deflate-compressed.
 *
 * Why it matters: encoding runs once per ingested article, and the smaller JSON makes both
 * `JSON.stringify` and deflate cheaper and the database smaller (docs/CORPUS.md gives the
 * size `npm run bench:corpus` measured before and after). Rows written with the
 * older codecs (`deflate-compact-v1`, `json`) still decode: the codec's name is stored with
 * each row.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AnalyzedDocument, Segment, Token } from '../core/document.js';
import { MarsadError } from '../core/errors.js';
import { normalize } from '../core/text/normalize.js';

/** The name of the stored encoding, kept next to the bytes so it can change later. */
export const ANALYSIS_CODEC = 'deflate-columns-v2';
/** The previous encoding: token objects without `text` and rebuildable `norm`. */
const COMPACT_V1 = 'deflate-compact-v1';

/**
 * A segment as stored: `[text, pos, lemma, start, length, lemmaVocalized?]`. `text` is 0
 * when it equals the original at its span; `pos` indexes the tag table; `lemma` is 0 when
 * it equals the segment's text; `start` is relative to the token's start, and `start` and
 * `length` are null for a segment without offsets. A segment this shape cannot hold exactly
 * is stored as the object itself.
 */
type StoredSegment = [string | 0, number, string | 0, number | null, number | null] | [string | 0, number, string | 0, number | null, number | null, string] | Segment;

/**
 * A token's morphology as stored: `[pos, lemma, stem, segments, extra?]`. `pos` indexes the
 * tag table (-1: absent); `lemma` is a string, k ≥ 1 for "the lemma of segment k - 1", or
 * null; `stem` is a string, 0 for "equals the token's norm", or null; `segments` is null when
 * absent. `extra` holds any other field of the token, as it is.
 */
type StoredMorphology = [number, string | number | null, string | 0 | null, StoredSegment[] | null] | [number, string | number | null, string | 0 | null, StoredSegment[] | null, Record<string, unknown>];

/** The token layer as stored. */
interface StoredTokens {
  /** For each token: the gap from the previous token's end (from 0 for the first), then its length. */
  spans: number[];
  /** Distinct token kinds, and each token's index into them. */
  kinds: string[];
  kind: number[];
  /** Distinct POS tags, indexed by tokens and segments. */
  tags: string[];
  /** For each token: its morphology, or 0 when it has none. */
  morph: (StoredMorphology | 0)[];
  /** `[token index, text]` where a token's text is not the original at its span. */
  texts?: [number, string][];
  /** `[token index, norm]` where a token's norm is not `normalize(text)`. */
  norms?: [number, string][];
}

type StoredAnalysis = Omit<AnalyzedDocument, 'text' | 'tokens'> & { tokens?: StoredTokens };

/** The fields of a token that the columns hold; any other is kept in `extra`. */
const TOKEN_FIELDS = new Set(['start', 'end', 'text', 'norm', 'kind', 'segments', 'pos', 'lemma', 'stem']);
const SEGMENT_FIELDS = new Set(['text', 'pos', 'lemma', 'start', 'end', 'lemmaVocalized']);

/** Index of `value` in `table`, added on first sight (`index` maps values to indexes). */
function indexOf(value: string, table: string[], index: Map<string, number>): number {
  let i = index.get(value);
  if (i === undefined) {
    i = table.length;
    table.push(value);
    index.set(value, i);
  }
  return i;
}

/** Whether a segment has only the fields, and value types, that the array form keeps. */
function segmentFitsArray(s: Segment): boolean {
  if (typeof s.text !== 'string' || typeof s.pos !== 'string' || typeof s.lemma !== 'string') return false;
  const hasStart = typeof s.start === 'number';
  if (hasStart !== (typeof s.end === 'number')) return false;
  if (s.lemmaVocalized !== undefined && typeof s.lemmaVocalized !== 'string') return false;
  for (const k in s) if (!SEGMENT_FIELDS.has(k)) return false;
  return true;
}

function encodeSegment(s: Segment, token: Token, text: string, tags: string[], tagIndex: Map<string, number>): StoredSegment {
  if (!segmentFitsArray(s)) return s;
  const pos = indexOf(s.pos, tags, tagIndex);
  const lemma = s.lemma === s.text ? 0 : s.lemma;
  const { start, end, lemmaVocalized } = s;
  const mapped = start !== undefined && end !== undefined;
  const spelled = mapped && s.text === text.slice(start, end) ? 0 : s.text;
  const at = mapped ? start - token.start : null;
  const length = mapped ? end - start : null;
  return lemmaVocalized === undefined ? [spelled, pos, lemma, at, length] : [spelled, pos, lemma, at, length, lemmaVocalized];
}

function decodeSegment(stored: StoredSegment, token: Token, text: string, tags: readonly string[]): Segment {
  if (!Array.isArray(stored)) return stored;
  const [spelled, pos, lemma, at, length] = stored;
  const s = at === null ? -1 : token.start + at;
  const e = length === null ? -1 : s + length;
  const t = spelled === 0 ? text.slice(s, e) : spelled;
  // Key order as the morphology stage writes segments, so that API output reads the same.
  const seg: Segment = at === null ? { text: t, pos: tags[pos], lemma: lemma === 0 ? t : lemma } : { text: t, pos: tags[pos], lemma: lemma === 0 ? t : lemma, start: s, end: e };
  if (stored.length === 6) seg.lemmaVocalized = stored[5];
  return seg;
}

function encodeMorphology(t: Token, text: string, tags: string[], tagIndex: Map<string, number>): StoredMorphology | 0 {
  let extra: Record<string, unknown> | undefined;
  for (const k in t) {
    if (TOKEN_FIELDS.has(k)) continue;
    extra ??= {};
    // Defined, not assigned, as on decoding: a field named `__proto__` would otherwise set the prototype and be lost.
    Object.defineProperty(extra, k, { value: (t as unknown as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
  }
  const { segments, pos, lemma, stem } = t;
  if (segments === undefined && pos === undefined && lemma === undefined && stem === undefined && extra === undefined) return 0;
  const storedSegments = segments === undefined ? null : segments.map((s) => encodeSegment(s, t, text, tags, tagIndex));
  let storedLemma: string | number | null = lemma ?? null;
  if (lemma !== undefined && segments !== undefined) {
    const k = segments.findIndex((s) => s.lemma === lemma);
    if (k >= 0) storedLemma = k + 1;
  }
  const storedStem = stem === undefined ? null : stem === t.norm ? 0 : stem;
  const storedPos = pos === undefined ? -1 : indexOf(pos, tags, tagIndex);
  return extra === undefined ? [storedPos, storedLemma, storedStem, storedSegments] : [storedPos, storedLemma, storedStem, storedSegments, extra];
}

function encodeTokens(tokens: readonly Token[], text: string): StoredTokens {
  const n = tokens.length;
  const spans = new Array<number>(2 * n);
  const kind = new Array<number>(n);
  const morph = new Array<StoredMorphology | 0>(n);
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const tags: string[] = [];
  const tagIndex = new Map<string, number>();
  const texts: [number, string][] = [];
  const norms: [number, string][] = [];
  // Per document, normalize each distinct token text once.
  const normalized = new Map<string, string>();
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    spans[2 * i] = t.start - previousEnd;
    spans[2 * i + 1] = t.end - t.start;
    previousEnd = t.end;
    kind[i] = indexOf(t.kind, kinds, kindIndex);
    if (t.text !== text.slice(t.start, t.end)) texts.push([i, t.text]);
    let norm = normalized.get(t.text);
    if (norm === undefined) {
      norm = normalize(t.text);
      normalized.set(t.text, norm);
    }
    if (t.norm !== norm) norms.push([i, t.norm]);
    morph[i] = encodeMorphology(t, text, tags, tagIndex);
  }
  const stored: StoredTokens = { spans, kinds, kind, tags, morph };
  if (texts.length > 0) stored.texts = texts;
  if (norms.length > 0) stored.norms = norms;
  return stored;
}

function decodeTokens(stored: StoredTokens, text: string): Token[] {
  const { spans, kinds, kind, tags, morph } = stored;
  const n = kind.length;
  const texts = new Map(stored.texts ?? []);
  const norms = new Map(stored.norms ?? []);
  const normalized = new Map<string, string>();
  const tokens = new Array<Token>(n);
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    const start = previousEnd + spans[2 * i];
    const end = start + spans[2 * i + 1];
    previousEnd = end;
    const tokenText = texts.get(i) ?? text.slice(start, end);
    let norm = norms.get(i);
    if (norm === undefined) {
      norm = normalized.get(tokenText);
      if (norm === undefined) {
        norm = normalize(tokenText);
        normalized.set(tokenText, norm);
      }
    }
    const token: Token = { start, end, text: tokenText, norm, kind: kinds[kind[i]] as Token['kind'] };
    const m = morph[i];
    if (m !== 0) {
      const [pos, lemma, stem, segments] = m;
      if (segments !== null) token.segments = segments.map((s) => decodeSegment(s, token, text, tags));
      if (pos >= 0) token.pos = tags[pos];
      if (typeof lemma === 'string') token.lemma = lemma;
      else if (typeof lemma === 'number') token.lemma = (token.segments as Segment[])[lemma - 1].lemma;
      if (stem !== null) token.stem = stem === 0 ? norm : stem;
      // Defined, not assigned: a stored field named like an accessor (`__proto__`) stays a plain field.
      if (m.length === 5) for (const [k, v] of Object.entries(m[4])) Object.defineProperty(token, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    tokens[i] = token;
  }
  return tokens;
}

/** Encodes an analysis for storage (without its text), with {@link ANALYSIS_CODEC}. */
export function encodeAnalysis(doc: AnalyzedDocument): Buffer {
  const { text, tokens, ...rest } = doc;
  const stored: StoredAnalysis = rest;
  if (tokens) stored.tokens = encodeTokens(tokens, text);
  return deflateRawSync(JSON.stringify(stored), { level: 1 });
}

type StoredTokenV1 = Omit<Token, 'text' | 'norm'> & { text?: string; norm?: string };

/** Decodes what {@link encodeAnalysis} wrote (or an older codec did), given the document's text. */
export function decodeAnalysis(bytes: Uint8Array, text: string, codec: string = ANALYSIS_CODEC): AnalyzedDocument {
  if (codec === 'json') return { ...(JSON.parse(Buffer.from(bytes).toString('utf8')) as Omit<AnalyzedDocument, 'text'>), text } as AnalyzedDocument;
  if (codec !== ANALYSIS_CODEC && codec !== COMPACT_V1) {
    throw new MarsadError('INTERNAL', `The stored analysis uses codec ${JSON.stringify(codec)}, which this version of Marsad cannot read.`, { codec });
  }
  const parsed = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Omit<AnalyzedDocument, 'text' | 'tokens'> & { tokens?: unknown };
  const { schemaVersion, tokens, ...layers } = parsed;
  if (tokens === undefined) return { schemaVersion, text, ...layers } as AnalyzedDocument;
  // Tokens right after the text, where the analyzer puts them, so that API output reads the same.
  const decoded =
    codec === ANALYSIS_CODEC
      ? decodeTokens(tokens as StoredTokens, text)
      : (tokens as StoredTokenV1[]).map((t) => {
          const { start, end, text: tokenText, norm, kind, ...others } = t;
          const tt = tokenText ?? text.slice(start, end);
          return { start, end, text: tt, norm: norm ?? normalize(tt), kind, ...others };
        });
  return { schemaVersion, text, tokens: decoded, ...layers } as AnalyzedDocument;
}
