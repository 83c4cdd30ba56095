/**
 * Terms: the unit that topic features, theme lexicons and keyword statistics count.
 *
 * A term is a key computed from a token. The first term function, `light10`, is a light
 * stemmer after Larkey's light10 (article and conjunction+article off the front, a short
 * list of suffixes off the back) on a folded spelling (ة→ه, ى→ي, ؤ ئ→ء), so that
 * `والعراق`, `العراقية` and `للعراق` count as one term. It deliberately does NOT strip a
 * bare `و`/`ب`/`ل`/`ك` without the article: that is what turns `وزير` into `زير` and
 * `لافروف` into `افروف`; clitic segmentation is the morphology stage's job.
 *
 * Term functions are named and every model records the name of the one it was built with,
 * because a document-frequency table or a classifier keyed by light stems is meaningless
 * under lemmas. When morphology lands, a `lemma` term function is added here and the models
 * are rebuilt with it; the stages refuse a term function that does not match their model.
 */
import type { Token } from '../document.js';

/** The token fields a term function may read (morphology fills `lemma` and `stem`). */
export type TermSource = Pick<Token, 'norm' | 'kind'> & Partial<Pick<Token, 'lemma' | 'stem'>>;

/** A named way of turning tokens into term keys. */
export interface TermFunction {
  /** Recorded in every model built with it; the runtime checks that it matches. */
  readonly name: string;
  /** The term key of a token, or '' when the token is not a word. */
  key(token: TermSource): string;
}

const TA_MARBUTA = 0x0629;
const ALEF_MAKSURA = 0x0649;
const WAW_HAMZA = 0x0624;
const YA_HAMZA = 0x0626;
const HA = 0x0647; // ه
const YA = 0x064a; // ي
const HAMZA = 0x0621; // ء

/** True for a letter (`\p{L}`) that is not tatweel; tested by a cached lookup. */
const letterCache = new Map<number, boolean>();
const reLetter = /\p{L}/u;
function isLetter(cu: number): boolean {
  // ASCII and the Arabic block are the hot path; everything else goes through the cache.
  if (cu >= 0x0621 && cu <= 0x064a) return cu !== 0x0640;
  if ((cu >= 0x61 && cu <= 0x7a) || (cu >= 0x41 && cu <= 0x5a)) return true;
  if (cu < 0x80) return false;
  let v = letterCache.get(cu);
  if (v === undefined) {
    v = cu !== 0x0640 && reLetter.test(String.fromCharCode(cu));
    letterCache.set(cu, v);
  }
  return v;
}

/**
 * Folds a normalized word for matching: keeps letters only (drops marks, digits and
 * joiners that survived normalization), lower-cases Latin, and conflates spellings that
 * news sources use interchangeably: ة→ه, ى→ي, and hamza on any seat (ؤ ئ) → ء, so that
 * the Egyptian `مسئول` and the Levantine `مسؤول` meet.
 */
export function foldForMatch(norm: string): string {
  // Fast path: most words need nothing.
  let i = 0;
  for (; i < norm.length; i++) {
    const cu = norm.charCodeAt(i);
    if (cu === TA_MARBUTA || cu === ALEF_MAKSURA || cu === WAW_HAMZA || cu === YA_HAMZA || (cu >= 0x41 && cu <= 0x5a) || !isLetter(cu)) break;
  }
  if (i === norm.length) return norm;
  if (FOLD_BUFFER.length < norm.length) FOLD_BUFFER = new Uint16Array(norm.length * 2);
  const out = FOLD_BUFFER;
  let n = 0;
  for (let j = 0; j < i; j++) out[n++] = norm.charCodeAt(j);
  for (; i < norm.length; i++) {
    const cu = norm.charCodeAt(i);
    if (cu === TA_MARBUTA) out[n++] = HA;
    else if (cu === ALEF_MAKSURA) out[n++] = YA;
    else if (cu === WAW_HAMZA || cu === YA_HAMZA) out[n++] = HAMZA;
    else if (cu >= 0x41 && cu <= 0x5a) out[n++] = cu + 32;
    else if (isLetter(cu)) out[n++] = cu;
  }
  return String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
}

let FOLD_BUFFER = new Uint16Array(64);

/** Words that begin with what looks like the article but must keep it (الله would become له). */
const KEEP_ARTICLE = new Set(['الله', 'لله', 'والله', 'بالله', 'تالله', 'فالله', 'اللهم']);

/**
 * Suffixes of light10, in the order they are tried (on the folded spelling, so ة is ه),
 * each with the letters that must remain. The dual and plural endings need four, or
 * `تعاون`, `لبنان` and `ايران` lose their last syllable.
 */
const SUFFIXES: readonly (readonly [string, number])[] = [
  ['ها', 3],
  ['ان', 4],
  ['ات', 3],
  ['ون', 4],
  ['ين', 4],
  ['يه', 3],
  ['ه', 3],
  ['ي', 3],
];

/**
 * Strips the article with its optional conjunction and preposition (`ال`, `وال`, `فال`,
 * `بال`, `كال`, `لل`, `وبال`, `وللـ` …) from a folded word, when at least two letters
 * remain. Returns the word unchanged otherwise.
 */
export function stripArticle(folded: string): string {
  if (folded.length < 4 || KEEP_ARTICLE.has(folded)) return folded;
  let i = 0;
  const c0 = folded[0];
  if ((c0 === 'و' || c0 === 'ف') && folded.length >= 5) {
    const c1 = folded[1];
    if (c1 === 'ا' || c1 === 'ل' || c1 === 'ب' || c1 === 'ك') i = 1;
  }
  const c = folded[i];
  if ((c === 'ب' || c === 'ك') && folded[i + 1] === 'ا' && folded[i + 2] === 'ل') return tail(folded, i + 3);
  if (c === 'ا' && folded[i + 1] === 'ل') return tail(folded, i + 2);
  if (c === 'ل' && folded[i + 1] === 'ل') return tail(folded, i + 2);
  return folded;
}

function tail(word: string, from: number): string {
  return word.length - from >= 2 ? word.slice(from) : word;
}

/**
 * The light10-style stem of a normalized word: folded, article off, then each suffix of
 * the list in turn when enough letters remain (light10 allows two, which conflates too
 * much: سنة → سن), so `الفلسطينيين` → `فلسطيني` → `فلسطين`.
 */
export function lightStem(norm: string): string {
  const folded = foldForMatch(norm);
  if (KEEP_ARTICLE.has(folded)) return folded;
  let stem = stripArticle(folded);
  if (stem.length < 4) return stem;
  for (const [suffix, keep] of SUFFIXES) {
    if (stem.length - suffix.length >= keep && stem.endsWith(suffix)) stem = stem.slice(0, stem.length - suffix.length);
  }
  return stem;
}

/** Token kinds whose letters make terms (hashtags are words written with `#` and `_`). */
function isWordKind(kind: Token['kind']): boolean {
  return kind === 'word' || kind === 'hashtag';
}

/**
 * The default term function: the light stem of a word token's normalized form. Tokens
 * that hold no letters give ''.
 */
export const light10Terms: TermFunction = {
  name: 'light10-v1',
  key(token) {
    if (!isWordKind(token.kind)) return '';
    return lightStem(token.norm);
  },
};

interface KeyMemo {
  terms: string;
  length: number;
  first: TermSource | undefined;
  last: TermSource | undefined;
  keys: string[];
}

const KEY_MEMO = new WeakMap<readonly TermSource[], KeyMemo>();

/**
 * The term key of every token of a sequence, computed once per token array and term
 * function: the topics, themes, keywords and summary stages all read the same
 * `doc.tokens`, so the stemming is paid once. The memo is checked against the array's
 * length and end tokens, so an array edited in place is re-read.
 */
export function termKeys(tokens: readonly TermSource[], terms: TermFunction): string[] {
  const memo = KEY_MEMO.get(tokens);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (memo && memo.terms === terms.name && memo.length === tokens.length && memo.first === first && memo.last === last) return memo.keys;
  const keys = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) keys[i] = terms.key(tokens[i]);
  KEY_MEMO.set(tokens, { terms: terms.name, length: tokens.length, first, last, keys });
  return keys;
}

/** Term functions by name, for models that record which one they were built with. */
export const TERM_FUNCTIONS: ReadonlyMap<string, TermFunction> = new Map([[light10Terms.name, light10Terms]]);

/**
 * The surface form shown to readers for a term occurrence: the normalized word with only
 * a leading conjunction (و/ف before the article) removed, so `والعراق` reads `العراق`.
 */
export function displayForm(norm: string): string {
  if (norm.length >= 5 && (norm[0] === 'و' || norm[0] === 'ف') && norm[1] === 'ا' && norm[2] === 'ل') return norm.slice(1);
  if (norm.length >= 6 && (norm[0] === 'و' || norm[0] === 'ف') && (norm[1] === 'ب' || norm[1] === 'ل') && norm[2] === 'ا' && norm[3] === 'ل')
    return norm.slice(2);
  if (norm.length >= 5 && (norm[0] === 'ب' || norm[0] === 'ك') && norm[1] === 'ا' && norm[2] === 'ل') return norm.slice(1);
  if (norm.length >= 4 && norm[0] === 'ل' && norm[1] === 'ل' && !KEEP_ARTICLE.has(norm)) return 'ا' + norm.slice(1);
  return norm;
}
