/**
 * Feature hashing over character codes. Features are never built as strings: a feature is
 * a template number mixed with the code units of a slice of a word (or with small
 * integers such as a tag or a label), which keeps the hot path free of allocation.
 */

const FNV_PRIME = 0x01000193;

/** Starts a feature hash for template `template` (a small integer naming the feature kind). */
export function seed(template: number): number {
  return Math.imul(0x811c9dc5 ^ template, FNV_PRIME);
}

/** Mixes the code units `s[from…to)` into `h`. */
export function mixChars(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  // A length marker keeps "ab"+"c" apart from "a"+"bc" when slices are chained.
  return Math.imul(h ^ (0x10000 + to - from), FNV_PRIME);
}

/** Mixes the whole string `s` into `h`. */
export function mixString(h: number, s: string): number {
  return mixChars(h, s, 0, s.length);
}

/** Mixes a small integer into `h`. */
export function mixInt(h: number, x: number): number {
  h = Math.imul(h ^ (x & 0xffff), FNV_PRIME);
  return Math.imul(h ^ (x >>> 16), FNV_PRIME);
}

/** Final avalanche (murmur3 fmix32) so that table indexes use every input bit; never returns 0. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** A hash of a whole string, for lexicon keys. */
export function hashString(s: string, template = 0): number {
  return finish(mixString(seed(template), s));
}
