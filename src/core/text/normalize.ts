/**
 * Normalization: named, composable, idempotent rules, each of which can be turned off.
 *
 * Normalization never changes the original text. {@link normalize} gives the normalized
 * form of a string (used for token `norm`), and {@link normalizeWithMap} gives the
 * normalized view of a whole text with a map back to original offsets.
 *
 * Every rule but `restoreFinalYa` works on one character at a time, so the enabled rules
 * are compiled into one lookup table and applied in a single pass. The table is closed
 * under the rules (each entry is re-normalized until it no longer changes), which is what
 * makes `normalize(normalize(s)) === normalize(s)` hold for any combination of options.
 */
import { ALEF_MAKSURA_WORDS, MAKSURA_IMPERFECT_VERBS, MAKSURA_NAMES, MAKSURA_NOUNS } from './alef-maksura-words.js';
import { CharClass, charClassTable } from './chars.js';

/** The named normalization rules, in the order they apply. */
export const NORMALIZER_NAMES = [
  'normalizePresentationForms',
  'removeZeroWidth',
  'removeBidiControls',
  'removeDiacritics',
  'removeTatweel',
  'normalizeAlef',
  'normalizeAlefMaksura',
  'normalizeTaMarbuta',
  'normalizeHamzaSeats',
  'normalizeDigits',
  'normalizePunctuation',
  'normalizeSpaces',
  'restoreFinalYa',
] as const;

/** A normalization rule's name. */
export type NormalizerName = (typeof NORMALIZER_NAMES)[number];

/** Which rules to apply; a missing key takes its value from {@link DEFAULT_NORMALIZE_OPTIONS}. */
export type NormalizeOptions = Partial<Record<NormalizerName, boolean>>;

/**
 * The default profile, used for token `norm` and for search: orthographic noise goes,
 * meaning stays. Ta marbuta, hamza seats and full alef-maqsura conflation lose
 * distinctions (`مدرسة`/`مدرسه`, `سئل`/`سيل`, `على`/`علي`), so they are opt-in.
 */
export const DEFAULT_NORMALIZE_OPTIONS: Readonly<Record<NormalizerName, boolean>> = {
  normalizePresentationForms: true,
  removeZeroWidth: true,
  removeBidiControls: true,
  removeDiacritics: true,
  removeTatweel: true,
  normalizeAlef: true,
  normalizeAlefMaksura: false,
  normalizeTaMarbuta: false,
  normalizeHamzaSeats: false,
  normalizeDigits: true,
  normalizePunctuation: true,
  normalizeSpaces: true,
  restoreFinalYa: true,
};

/** A one-character rule: the replacement for `ch`, or undefined to keep it. */
type CharRule = (ch: string, cls: number) => string | undefined;

const ALEF_MAKSURA = '\u0649';
const YA = '\u064A';
const TATWEEL = '\u0640';

const ALEF_VARIANTS: Record<string, string> = {
  '\u0622': 'ا', // آ
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0671': 'ا', // ٱ alef wasla
  '\u0672': 'ا', // ٲ
  '\u0673': 'ا', // ٳ
};

const HAMZA_SEATS: Record<string, string> = { '\u0624': 'و', '\u0626': 'ي' };

const PUNCTUATION: Record<string, string> = {
  '\u060C': ',', // ،
  '\u061B': ';', // ؛
  '\u061F': '?', // ؟
  '\u066A': '%', // ٪
  '\u066B': '.', // ٫ decimal separator
  '\u066C': ',', // ٬ thousands separator
  '\u06D4': '.', // ۔
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u2039': "'", // ‹
  '\u203A': "'", // ›
  '\u2026': '...', // …
  '\u2013': '-', // –
  '\u2014': '-', // —
};

const ZERO_WIDTH = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const BIDI_CONTROLS = new Set([
  '\u061C', // Arabic letter mark
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
]);

/** Zero digits of the decimal digit sets we fold to ASCII: ASCII, Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), fullwidth. */
const DIGIT_ZEROS = ['0', '\u0660', '\u06F0', '\uFF10'].map((z) => z.charCodeAt(0));

const CHAR_RULES: Record<Exclude<NormalizerName, 'restoreFinalYa'>, CharRule> = {
  normalizePresentationForms: (ch, cls) => {
    // Presentation forms (ﻻ, ﺍ, ﷲ …) have compatibility decompositions; whole-phrase
    // ligatures such as ﷺ expand to several words, which would break token boundaries.
    if (!(cls & CharClass.Arabic)) return undefined;
    const nfkc = ch.normalize('NFKC');
    return nfkc !== ch && !nfkc.includes(' ') ? nfkc : undefined;
  },
  removeZeroWidth: (ch) => (ZERO_WIDTH.has(ch) ? '' : undefined),
  removeBidiControls: (ch) => (BIDI_CONTROLS.has(ch) ? '' : undefined),
  removeDiacritics: (_ch, cls) => ((cls & CharClass.Mark) && (cls & CharClass.Arabic) ? '' : undefined),
  removeTatweel: (ch) => (ch === TATWEEL ? '' : undefined),
  normalizeAlef: (ch) => ALEF_VARIANTS[ch],
  normalizeAlefMaksura: (ch) => (ch === ALEF_MAKSURA ? YA : undefined),
  normalizeTaMarbuta: (ch) => (ch === '\u0629' ? '\u0647' : undefined),
  normalizeHamzaSeats: (ch) => HAMZA_SEATS[ch],
  normalizeDigits: (ch, cls) => {
    if (!(cls & CharClass.Digit)) return undefined;
    const cu = ch.charCodeAt(0);
    for (const zero of DIGIT_ZEROS) if (cu > zero && cu <= zero + 9) return String.fromCharCode(48 + cu - zero);
    return cu === 0x0660 || cu === 0x06f0 || cu === 0xff10 ? '0' : undefined;
  },
  normalizePunctuation: (ch) => PUNCTUATION[ch],
  normalizeSpaces: (ch, cls) => ((cls & CharClass.Space) && ch !== ' ' && ch !== '\n' && ch !== '\r' ? ' ' : undefined),
};

/** A compiled set of character rules: for each BMP code unit, its replacement or undefined. */
interface CompiledRules {
  /** Index into `replacements`, or -1 to keep the code unit. */
  index: Int32Array;
  replacements: string[];
  restoreFinalYa: boolean;
}

const compiledCache = new Map<string, CompiledRules>();

/** Whether normalizer `n` is on: an option given as `undefined` is unset, so it takes the default. */
function optionValue(options: NormalizeOptions, n: NormalizerName): boolean {
  return options[n] ?? DEFAULT_NORMALIZE_OPTIONS[n];
}

function resolveOptions(options: NormalizeOptions): Record<NormalizerName, boolean> {
  const resolved = {} as Record<NormalizerName, boolean>;
  for (const n of NORMALIZER_NAMES) resolved[n] = optionValue(options, n);
  return resolved;
}

function applyRulesOnce(s: string, rules: CharRule[], classes: Uint8Array): string {
  let out = s;
  for (const rule of rules) {
    let next = '';
    for (const ch of out) {
      const cp = ch.codePointAt(0) ?? 0;
      const r = rule(ch, cp < 0x10000 ? classes[cp] : 0);
      next += r === undefined ? ch : r;
    }
    out = next;
  }
  return out;
}

let candidates: number[] | undefined;

/**
 * The BMP code units that at least one rule changes: the only ones worth compiling, which
 * keeps building a table for a new combination of options cheap.
 */
function candidateCodeUnits(): number[] {
  if (candidates) return candidates;
  const classes = charClassTable();
  const rules = Object.values(CHAR_RULES);
  const found: number[] = [];
  for (let cu = 0; cu < 0x10000; cu++) {
    if (cu >= 0xd800 && cu <= 0xdfff) continue;
    const ch = String.fromCharCode(cu);
    if (rules.some((rule) => rule(ch, classes[cu]) !== undefined)) found.push(cu);
  }
  candidates = found;
  return found;
}

let compiledDefault: CompiledRules | undefined;

/**
 * Rules compiled for an options object, with the values they were compiled from. Callers
 * pass the same constant object for every token (the morphology's clean and search-fold
 * profiles), so a hit costs one read of each option instead of building a cache key; an
 * object changed since is compiled again.
 */
const compiledByOptions = new WeakMap<NormalizeOptions, { resolved: Record<NormalizerName, boolean>; compiled: CompiledRules }>();

function sameOptions(resolved: Record<NormalizerName, boolean>, options: NormalizeOptions): boolean {
  for (const n of NORMALIZER_NAMES) if (optionValue(options, n) !== resolved[n]) return false;
  return true;
}

function compile(options?: NormalizeOptions): CompiledRules {
  // The default profile is compiled once: normalize() runs for every token.
  if (options === undefined) return (compiledDefault ??= compileResolved(DEFAULT_NORMALIZE_OPTIONS));
  const hit = compiledByOptions.get(options);
  if (hit !== undefined && sameOptions(hit.resolved, options)) return hit.compiled;
  const resolved = resolveOptions(options);
  const compiled = compileResolved(resolved);
  compiledByOptions.set(options, { resolved, compiled });
  return compiled;
}

function compileResolved(resolved: Record<NormalizerName, boolean>): CompiledRules {
  const key = NORMALIZER_NAMES.map((n) => (resolved[n] ? '1' : '0')).join('');
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const rules = NORMALIZER_NAMES.filter((n): n is Exclude<NormalizerName, 'restoreFinalYa'> => n !== 'restoreFinalYa' && resolved[n]).map(
    (n) => CHAR_RULES[n],
  );
  const classes = charClassTable();
  const index = new Int32Array(0x10000).fill(-1);
  const replacements: string[] = [];
  for (const cu of candidateCodeUnits()) {
    const ch = String.fromCharCode(cu);
    let out = applyRulesOnce(ch, rules, classes);
    if (out === ch) continue;
    // Close the entry under the rules, so one pass is idempotent.
    for (let i = 0; i < 4; i++) {
      const again = applyRulesOnce(out, rules, classes);
      if (again === out) break;
      out = again;
    }
    index[cu] = replacements.length;
    replacements.push(out);
  }
  const compiled = { index, replacements, restoreFinalYa: resolved.restoreFinalYa };
  compiledCache.set(key, compiled);
  return compiled;
}

/** Letters and marks (tatweel is a letter, Lm) continue a word for the final-ya rule. */
function isWordChar(cu: number, classes: Uint8Array): boolean {
  return (classes[cu] & (CharClass.Letter | CharClass.Mark)) !== 0;
}

/** The key under which a word is looked up in {@link ALEF_MAKSURA_WORDS}: no marks or tatweel, bare alef. */
function maksuraKey(word: string): string {
  let key = '';
  const classes = charClassTable();
  for (let i = 0; i < word.length; i++) {
    const cu = word.charCodeAt(i);
    if (cu === 0x0640 || (classes[cu] & CharClass.Mark) !== 0) continue;
    const ch = word[i];
    key += ALEF_VARIANTS[ch] ?? ch;
  }
  return key;
}

/**
 * Decides whether a word ending in ى keeps its alef maqsura.
 *
 * The rule: final ى is the Egyptian-press spelling of ي (فى, الروسى, سيرجى, تأتى) unless the
 * word is a true alef-maqsura word with proclitics its class allows: particles take و/ف
 * (وعلى); perfect verbs take و/ف (فالتقى is not a verb, so it is not kept); imperfect verbs
 * also take the future س and the ل of purpose (سيبقى, لتتولى); names also take ب ل
 * (لموسى); nouns and adjectives also take the article (بالأولى, للكبرى). See
 * `alef-maksura-words.ts` for why the classes matter (تصدى but التصدي).
 */
export function keepsAlefMaksura(word: string): boolean {
  const key = maksuraKey(word);
  if (ALEF_MAKSURA_WORDS.has(key)) return true;
  // و or ف first, then what each class allows after it.
  const k = key.length > 3 && (key[0] === 'و' || key[0] === 'ف') ? key.slice(1) : key;
  if (k !== key && ALEF_MAKSURA_WORDS.has(k)) return true;
  if (k.length > 3 && (k[0] === 'س' || k[0] === 'ل') && MAKSURA_IMPERFECT_VERBS.has(k.slice(1))) return true;
  const n = k.length > 3 && (k[0] === 'ب' || k[0] === 'ل' || k[0] === 'ك') ? k.slice(1) : k;
  if (n !== k && ((MAKSURA_NAMES.has(n) && k[0] !== 'ك') || MAKSURA_NOUNS.has(n))) return true;
  if (n.length > 3 && n.startsWith('ال') && MAKSURA_NOUNS.has(n.slice(2))) return true;
  return k.length > 3 && k.startsWith('لل') && MAKSURA_NOUNS.has(k.slice(2)); // لل = ل + ال
}

/**
 * Rewrites word-final ى as ي where the word is not a true alef-maqsura word
 * (see {@link keepsAlefMaksura}). Works in place on a string of the same length, so
 * offsets are unchanged.
 */
export function restoreFinalYa(s: string): string {
  if (s.indexOf(ALEF_MAKSURA) < 0) return s;
  const classes = charClassTable();
  let out = '';
  let last = 0;
  for (let i = s.indexOf(ALEF_MAKSURA); i >= 0; i = s.indexOf(ALEF_MAKSURA, i + 1)) {
    // Final: no letter follows (marks and tatweel may).
    let j = i + 1;
    while (j < s.length && (classes[s.charCodeAt(j)] & CharClass.Mark) !== 0) j++;
    if (j < s.length && (classes[s.charCodeAt(j)] & CharClass.Letter) !== 0) continue;
    let start = i;
    while (start > 0 && isWordChar(s.charCodeAt(start - 1), classes)) start--;
    if (keepsAlefMaksura(s.slice(start, i + 1))) continue;
    out += s.slice(last, i) + YA;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Normalizes a string with the given rules (default: {@link DEFAULT_NORMALIZE_OPTIONS}).
 * Idempotent for every choice of options.
 */
export function normalize(s: string, options?: NormalizeOptions): string {
  const { index, replacements, restoreFinalYa: finalYa } = compile(options);
  let out: string | undefined;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const r = index[s.charCodeAt(i)];
    if (r < 0) continue;
    out = (out ?? '') + s.slice(last, i) + replacements[r];
    last = i + 1;
  }
  const charNormalized = out === undefined ? s : out + s.slice(last);
  return finalYa ? restoreFinalYa(charNormalized) : charNormalized;
}

/** A normalized view of a text with a map back to the original. */
export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /**
   * For each code unit of `text`, the offset in the original it came from; one extra
   * entry at the end holds the original's length.
   */
  toOriginal: Int32Array;
}

/** Normalizes a whole text, keeping a map from every normalized offset back to the original. */
export function normalizeWithMap(s: string, options?: NormalizeOptions): NormalizedText {
  const { index, replacements, restoreFinalYa: finalYa } = compile(options);
  const parts: string[] = [];
  const map: number[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const r = index[s.charCodeAt(i)];
    if (r < 0) continue;
    if (i > last) {
      parts.push(s.slice(last, i));
      for (let k = last; k < i; k++) map.push(k);
    }
    const rep = replacements[r];
    parts.push(rep);
    for (let k = 0; k < rep.length; k++) map.push(i);
    last = i + 1;
  }
  parts.push(s.slice(last));
  for (let k = last; k < s.length; k++) map.push(k);
  map.push(s.length);
  const joined = parts.join('');
  // restoreFinalYa replaces one code unit by one, so the map still holds.
  return { text: finalYa ? restoreFinalYa(joined) : joined, toOriginal: Int32Array.from(map) };
}

/**
 * Maps a span of a normalized view back to the original text. Characters removed by
 * normalization right after the span's last character (its diacritics) fall inside it.
 */
export function toOriginalSpan(view: NormalizedText, start: number, end: number): { start: number; end: number } {
  const origStart = view.toOriginal[start];
  if (end <= start) return { start: origStart, end: origStart };
  const lastOrig = view.toOriginal[end - 1];
  // The span ends where the next kept character starts; several normalized characters may share one original (…→...).
  let origEnd = view.toOriginal[end];
  if (origEnd <= lastOrig) origEnd = lastOrig + 1;
  return { start: origStart, end: origEnd };
}

/** Removes Arabic diacritics: harakat, tanween, shadda, sukun, dagger alef and Quranic marks (`\p{M}` of Arabic script). */
export const removeDiacritics = (s: string): string => normalize(s, only('removeDiacritics'));
/** Removes tatweel (ـ), the kashida used to stretch words. */
export const removeTatweel = (s: string): string => normalize(s, only('removeTatweel'));
/** Rewrites alef with hamza or madda and alef wasla (أ إ آ ٱ) as bare alef (ا). */
export const normalizeAlef = (s: string): string => normalize(s, only('normalizeAlef'));
/** Rewrites every alef maqsura (ى) as ya (ي), as CAMeL Tools does; conflates `على` and `علي`. */
export const normalizeAlefMaksura = (s: string): string => normalize(s, only('normalizeAlefMaksura'));
/** Rewrites ta marbuta (ة) as ha (ه). */
export const normalizeTaMarbuta = (s: string): string => normalize(s, only('normalizeTaMarbuta'));
/** Rewrites hamza on its seat as the seat letter (ؤ → و, ئ → ي). */
export const normalizeHamzaSeats = (s: string): string => normalize(s, only('normalizeHamzaSeats'));
/** Rewrites Arabic-Indic, Persian and fullwidth digits as ASCII digits. */
export const normalizeDigits = (s: string): string => normalize(s, only('normalizeDigits'));
/** Rewrites Arabic punctuation and typographic quotes, dashes and ellipsis as ASCII. */
export const normalizePunctuation = (s: string): string => normalize(s, only('normalizePunctuation'));
/** Decomposes Arabic presentation forms (ﻻ → لا, ﺍ → ا). */
export const normalizePresentationForms = (s: string): string => normalize(s, only('normalizePresentationForms'));
/** Removes zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM). */
export const removeZeroWidth = (s: string): string => normalize(s, only('removeZeroWidth'));
/** Removes bidi controls: LRM, RLM, ALM, embeddings, overrides and isolates. */
export const removeBidiControls = (s: string): string => normalize(s, only('removeBidiControls'));
/** Rewrites odd spaces (no-break, thin, ideographic, tab …) as a plain space; keeps line breaks. */
export const normalizeSpaces = (s: string): string => normalize(s, only('normalizeSpaces'));

function only(name: NormalizerName): NormalizeOptions {
  const opts: NormalizeOptions = {};
  for (const n of NORMALIZER_NAMES) opts[n] = n === name;
  return opts;
}
