/**
 * Search terms: the forms under which a token is indexed and queried.
 *
 * Every indexed token yields three forms, kept position-aligned so that phrases work in
 * each and a match at position `i` maps back to the token's original offsets:
 * - `norm`: the normalized surface form (`والعراق`), for exact matches;
 * - `base`: the form without clitics and definite article (`عراق`), so that `العراق` finds
 *   `والعراق`, `بالعراق`, `للعراق`;
 * - `stem`: a light stem (`الاتفاقيات` → `اتفاق`, `وروسيا` → `روسيا`), for recall across
 *   number, gender and clitics; it conflates some words (`وزارة`, `زار`), which is why it has
 *   the lowest ranking weight.
 *
 * When the morphology stage has run, `base` comes from the token's content segment and
 * `stem` is {@link segmentedSearchStem} of it. Without it, a conservative fallback strips
 * only the clitics that precede the definite article (`و`/`ف` then `ب`/`ك`/`ل` then `ال`): that never turns
 * `وزير` into `زير` or `وزارة` into `زارة`, at the price of leaving `وروسيا` unsplit until
 * the real morphology is present. Documents and queries go through the same function, so
 * whatever it does, it does on both sides.
 */
import type { Segment, Token } from '../document.js';
import { SEARCH_FOLD_OPTIONS } from '../morph/stemmer.js';
import { normalize } from '../text/normalize.js';

/** The three aligned forms of one indexed token. */
export interface TermForms {
  norm: string;
  base: string;
  stem: string;
}

/** The indexable tokens of a text: aligned forms plus each token's original span. */
export interface IndexTerms {
  norm: string[];
  base: string[];
  stem: string[];
  /** `[start0, end0, start1, end1, …]`: original offsets of each indexed token. */
  spans: number[];
}

/** Token kinds that carry searchable words. URLs, e-mails, punctuation and symbols do not. */
const INDEXED_KINDS = new Set(['word', 'number', 'percent', 'date', 'hashtag', 'mention']);

/** Segment POS tags of clitics and function words: never the content part of a token. */
const CLITIC_POS = new Set(['CCONJ', 'ADP', 'PART', 'PRON', 'DET', 'SCONJ', 'AUX', 'PUNCT']);

const NOT_WORD_CHAR = /[^\p{L}\p{N}]+/gu;
/** Letters without case (Arabic) and digits: already indexable as they are. */
const ONLY_WORD_CHARS = /^[\p{Lo}\p{Ll}\p{N}]*$/u;

/**
 * Reduces a normalized form to the characters the full-text index keeps: letters and digits,
 * lower-cased. Anything else would split one term into two at index time.
 */
export function indexable(form: string): string {
  if (ONLY_WORD_CHARS.test(form)) return form;
  return form.replace(NOT_WORD_CHAR, '').toLowerCase();
}

/**
 * Strips the clitics that may stand before the definite article, then the article itself:
 * `والعراق`, `بالعراق`, `للعراق`, `وبالعراق`, `فالعراق`, `العراق` → `عراق`. Proclitics not
 * followed by `ال` are kept (see the module comment for why). At least two letters remain.
 */
export function stripDefiniteClitics(norm: string): string {
  let pre = 0;
  if ((norm[0] === 'و' || norm[0] === 'ف') && /^(?:ال|لل|بال|كال)/u.test(norm.slice(1))) pre = 1;
  if ((norm[pre] === 'ب' || norm[pre] === 'ك') && norm.startsWith('ال', pre + 1)) pre += 1;
  const rest = norm.slice(pre);
  // Behind a proclitic, demand three letters after the article, so that `والدة` (و + ال + دة?)
  // stays whole; a bare `ال` needs two (`الحد` → `حد`).
  const min = pre > 0 ? 3 : 2;
  if ((rest.startsWith('لل') || rest.startsWith('ال')) && rest.length - 2 >= min) return rest.slice(2);
  return norm;
}

/**
 * Strips a leading conjunction (`و`, `ف`) and then a preposition (`ب`, `ل`, `ك`) when at
 * least four letters remain: `وروسيا` → `روسيا`, `لوزير` → `وزير` (not `وزير` → `زير`).
 * For the stem column only, which trades precision for recall (`وزارة` → `زارة`); the
 * exact and clitic-free columns keep the word whole and rank above it.
 */
export function stripProclitics(base: string): string {
  if (!/^\p{Script=Arabic}+$/u.test(base)) return base;
  let s = base;
  if ((s[0] === 'و' || s[0] === 'ف') && s.length - 1 >= 4) s = s.slice(1);
  if ((s[0] === 'ب' || s[0] === 'ل' || s[0] === 'ك') && s.length - 1 >= 4) s = s.slice(1);
  return s;
}

/**
 * The search stem of a clitic-free form when the morphology stage gave none: proclitics
 * stripped ({@link stripProclitics}), then up to two suffixes ({@link lightStem}):
 * `اتفاقياتها` → `اتفاق`, `والعراقيين` (base `عراقيين`) → `عراق`. Both choices (strip at four
 * letters, two suffix passes) were made on ANT fold-8 titles (known-item retrieval), never fold 9.
 */
export function searchStem(base: string): string {
  return lightStem(lightStem(stripProclitics(base)));
}

/**
 * The search stem of a clitic-free form that the morphology found (its content segment,
 * article dropped): up to two suffixes off ({@link lightStem}), then the spelling folds of the
 * morphology's search key (`ى`/`ي`, `ة`/`ه`, hamza seats): `اتفاقيات` and `اتفاقية` → `اتفاق`,
 * `عراقيين` → `عراق`. The segmenter has already taken the proclitics off, so none is guessed
 * here. It replaced the morphology's own `token.stem` (folds only, no suffix removed) in this
 * column because that one left `اتفاقيات` and `اتفاقية` apart: on ANT fold-8 titles, text only,
 * known-item MRR@10 went from 0.748 to 0.755 (printed by `bench/corpus.ts`, whose fold-9
 * figure did not move: see docs/CORPUS.md). A pure function of `base`, so a stored index can
 * be re-stemmed without re-analysis (migration 2).
 */
export function segmentedSearchStem(base: string): string {
  return indexable(normalize(lightStem(lightStem(base)), SEARCH_FOLD_OPTIONS)) || base;
}

/** Suffixes removed by {@link lightStem}, longest first (after Larkey's Light10, without `ه` and `ي`-only plural cases that eat roots). */
const STEM_SUFFIXES = ['يات', 'ات', 'ون', 'ين', 'ان', 'ية', 'يه', 'ها', 'هم', 'هن', 'كم', 'نا', 'ة', 'ي'];

/**
 * A light stem of a clitic-free form: removes one common inflectional suffix when at least
 * three letters remain (`اتفاقيات` → `اتفاق`, `روسية` → `روس`, `عراقي` → `عراق`).
 * Words of three letters or fewer are left alone.
 */
export function lightStem(base: string): string {
  if (!/^\p{Script=Arabic}+$/u.test(base)) return base;
  for (const suffix of STEM_SUFFIXES) {
    if (base.endsWith(suffix) && base.length - suffix.length >= 3) return base.slice(0, -suffix.length);
  }
  return base;
}

/** The content segment of a segmented token: the longest segment that is not a clitic. */
function contentSegment(segments: readonly Segment[]): Segment | undefined {
  let best: Segment | undefined;
  for (const seg of segments) {
    if (CLITIC_POS.has(seg.pos)) continue;
    if (!best || seg.text.length > best.text.length) best = seg;
  }
  return best;
}

/** Bound on each cache of forms below; they are simply emptied when full. */
const FALLBACK_CACHE_LIMIT = 200_000;

/** `cache`'s entry for `key`, computed by `compute` on a miss (null: the token is not indexed). */
function cachedForms(cache: Map<string, TermForms | null>, key: string, compute: () => TermForms | null): TermForms | null {
  let forms = cache.get(key);
  if (forms === undefined) {
    forms = compute();
    if (cache.size >= FALLBACK_CACHE_LIMIT) cache.clear();
    cache.set(key, forms);
  }
  return forms;
}

/** Forms of tokens without morphology depend on `norm` alone: cached, since news vocabulary is Zipfian. */
const fallbackCache = new Map<string, TermForms | null>();

function fallbackForms(tokenNorm: string): TermForms | null {
  const norm = indexable(tokenNorm);
  if (norm === '') return null;
  const base = indexable(stripDefiniteClitics(norm)) || norm;
  return { norm, base, stem: searchStem(base) };
}

/**
 * The search forms of one token, or undefined when the token is not indexed (punctuation,
 * URLs, symbols, or nothing left after {@link indexable}).
 *
 * @param normalizeForm the same `normalize` the tokenizer used for `norm`; applied to
 *   segment texts, which the morphology stage may give unnormalized.
 */
export function termForms(token: Token, normalizeForm: (s: string) => string): TermForms | undefined {
  if (!INDEXED_KINDS.has(token.kind)) return undefined;
  const hasSegments = token.segments !== undefined && token.segments.length > 0;
  let forms: TermForms | null;
  if (!hasSegments && token.stem === undefined) {
    forms = cachedForms(fallbackCache, token.norm, () => fallbackForms(token.norm));
  } else {
    const content = hasSegments ? contentSegment(token.segments!) : undefined;
    // The forms depend on the norm and the content segment's text alone (and `normalizeForm`).
    let cache = segmentedCache.get(normalizeForm);
    if (cache === undefined) segmentedCache.set(normalizeForm, (cache = new Map()));
    // Unambiguous whatever the strings hold: the content's length comes first, up to the first `:`.
    const key = content === undefined ? `-${token.norm}` : `${content.text.length}:${content.text}${token.norm}`;
    forms = cachedForms(cache, key, () => segmentedForms(token.norm, content, normalizeForm));
  }
  // A fresh object: callers may keep or change it.
  return forms ? { ...forms } : undefined;
}

/** Forms of segmented tokens by norm and content text, per `normalizeForm`: computed once per distinct word, as for {@link fallbackForms}. */
const segmentedCache = new WeakMap<(s: string) => string, Map<string, TermForms | null>>();

function segmentedForms(tokenNorm: string, content: Segment | undefined, normalizeForm: (s: string) => string): TermForms | null {
  const norm = indexable(tokenNorm);
  if (norm === '') return null;
  let base: string;
  if (content) base = indexable(stripDefiniteClitics(normalizeForm(content.text)));
  else base = indexable(stripDefiniteClitics(norm));
  if (base === '') base = norm;
  return { norm, base, stem: segmentedSearchStem(base) };
}

/** The aligned index terms of a token list (see {@link termForms}). */
export function indexTerms(tokens: readonly Token[], normalizeForm: (s: string) => string): IndexTerms {
  const out: IndexTerms = { norm: [], base: [], stem: [], spans: [] };
  for (const token of tokens) {
    const forms = termForms(token, normalizeForm);
    if (!forms) continue;
    out.norm.push(forms.norm);
    out.base.push(forms.base);
    out.stem.push(forms.stem);
    out.spans.push(token.start, token.end);
  }
  return out;
}

/** Proclitic sequences that may stand before a word without the article: conjunctions and prepositions. */
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

/**
 * The forms a word takes with a proclitic in front (`روسيا` → `وروسيا`, `بروسيا`, `لروسيا`,
 * …), for the query side: without morphology, documents keep `وروسيا` whole (stripping `و`
 * from every word would turn `وزير` into `زير`), so a query word is expanded instead. Only
 * for Arabic words of three letters or more that do not start with the article (words with
 * the article are handled by {@link stripDefiniteClitics} on both sides).
 */
export function procliticVariants(norm: string): string[] {
  if (norm.length < 3 || norm.startsWith('ال') || norm.startsWith('لل') || !/^\p{Script=Arabic}+$/u.test(norm)) return [];
  return PROCLITICS.map((p) => p + norm);
}
