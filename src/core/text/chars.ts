/**
 * Character classes over Unicode properties, precomputed into a table for the BMP so that
 * the hot loops (normalization, tokenization) test a byte instead of running a regular
 * expression per character. The table is built from `\p{…}` tests, never code-point
 * ranges, so it stays right for every Arabic letter, mark and digit the standard knows.
 */

/** Character class bits. */
export const enum CharClass {
  None = 0,
  /** `\p{L}` */
  Letter = 1,
  /** `\p{M}` */
  Mark = 2,
  /** `\p{Nd}` */
  Digit = 4,
  /** White space (`\s`) or a space separator (`\p{Z}`). */
  Space = 8,
  /** `\p{P}` */
  Punct = 16,
  /** `\p{S}` */
  Symbol = 32,
  /** Format controls `\p{Cf}`: zero-width and bidi marks. */
  Format = 64,
  /** Script_Extensions=Arabic. */
  Arabic = 128,
}

const reLetter = /\p{L}/u;
const reMark = /\p{M}/u;
const reDigit = /\p{Nd}/u;
const reSpace = /[\s\p{Z}]/u;
const rePunct = /\p{P}/u;
const reSymbol = /\p{S}/u;
const reFormat = /\p{Cf}/u;
const reArabic = /\p{Script_Extensions=Arabic}/u;

function classify(ch: string): number {
  let c = 0;
  if (reLetter.test(ch)) c |= CharClass.Letter;
  if (reMark.test(ch)) c |= CharClass.Mark;
  if (reDigit.test(ch)) c |= CharClass.Digit;
  if (reSpace.test(ch)) c |= CharClass.Space;
  if (rePunct.test(ch)) c |= CharClass.Punct;
  if (reSymbol.test(ch)) c |= CharClass.Symbol;
  if (reFormat.test(ch)) c |= CharClass.Format;
  if (reArabic.test(ch)) c |= CharClass.Arabic;
  return c;
}

let table: Uint8Array | undefined;

function bmpTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    // Lone surrogates are classified as None; pairs are handled by classOfCodePoint.
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    t[cp] = classify(String.fromCharCode(cp));
  }
  table = t;
  return t;
}

const astralCache = new Map<number, number>();

/** Class bits of a code point (BMP from the table; astral ones computed and cached). */
export function classOfCodePoint(cp: number): number {
  if (cp < 0x10000) return bmpTable()[cp];
  let c = astralCache.get(cp);
  if (c === undefined) {
    c = classify(String.fromCodePoint(cp));
    astralCache.set(cp, c);
  }
  return c;
}

/** The BMP class table, for loops that index it directly. */
export function charClassTable(): Uint8Array {
  return bmpTable();
}

/** True for a UTF-16 high surrogate. */
export function isHighSurrogate(cu: number): boolean {
  return cu >= 0xd800 && cu <= 0xdbff;
}

/** True for a UTF-16 low surrogate. */
export function isLowSurrogate(cu: number): boolean {
  return cu >= 0xdc00 && cu <= 0xdfff;
}
