/**
 * A frequency lexicon over normalized Arabic words (unigrams and adjacent-word bigrams),
 * and its compact binary format.
 *
 * The core cannot read files, so the lexicon is decoded from bytes that the caller loads
 * (in Node, `loadModel('lexicon')`; in the browser, `fetch`). The format is built for size
 * and for a fast decode, not for generality:
 *
 * - Only words made entirely of the Arabic letters U+0621–U+064A are stored. That is every
 *   letter `normalize()` leaves in an Arabic word (it removes marks and tatweel and folds
 *   alef variants), so each letter fits in one byte (`code unit − 0x0600`).
 * - Words are stored as their letter bytes, sorted by code unit. Decoding builds no strings:
 *   it indexes the entries in an open-addressing hash table over the file's bytes, and a
 *   lookup compares the query's code units with the stored bytes. Loading is one pass over
 *   the file (a few milliseconds), which matters more here than the ~40% that front coding
 *   would save.
 * - Bigrams are not spelled out: each is a 32-bit hash of `left + ' ' + right`
 *   ({@link bigramHash}), stored sorted as deltas. A lookup of an unseen bigram collides with
 *   a stored one with probability about (bigrams stored) / 2³², under 1/1000 here.
 * - Counts are unsigned LEB128 varints: most words are rare and take one byte.
 *
 * Layout (little-endian):
 * ```
 * "MLX3"               4 bytes magic
 * total    u32         tokens counted (the denominator of relative frequencies)
 * words    u32         number of word entries
 * bigrams  u32         number of bigram entries
 * words × entry:       length u8, letter bytes, count varint
 * bigrams × entry:     hash delta varint (from the previous hash, or from 0), count varint
 * ```
 */
import { MarsadError } from '../errors.js';

/** Frequencies of normalized words and of adjacent word pairs, as read from a lexicon file. */
export interface Lexicon {
  /** Tokens counted when the lexicon was built: the denominator of {@link Lexicon.count}. */
  readonly total: number;
  /** Number of distinct words. */
  readonly size: number;
  /** Number of distinct bigrams stored. */
  readonly bigramCount: number;
  /** How often the normalized word was seen; 0 when it was not. */
  count(norm: string): number;
  /**
   * How often `left` was directly followed by `right` (one space apart, no punctuation);
   * 0 when not stored. Hash-based: a rare false hit is possible (see the module comment).
   */
  bigram(left: string, right: string): number;
}

const MAGIC = [0x4d, 0x4c, 0x58, 0x33]; // "MLX3"
const HEADER_BYTES = 16;
/** First and last code units the format can store (ء … ي). */
const FIRST_LETTER = 0x0621;
const LAST_LETTER = 0x064a;
const LETTER_BASE = 0x0600;
const MAX_WORD_LENGTH = 255;
/** Tatweel sits inside the letter range but is not a letter of any normalized word. */
const TATWEEL = 0x0640;

/**
 * True when `word` can be stored in a lexicon file: 1–255 letters, all in U+0621–U+064A
 * except tatweel.
 * Training scripts use it to choose which normalized words to count.
 */
export function isLexiconWord(word: string): boolean {
  if (word.length === 0 || word.length > MAX_WORD_LENGTH) return false;
  for (let i = 0; i < word.length; i++) {
    const cu = word.charCodeAt(i);
    if (cu < FIRST_LETTER || cu > LAST_LETTER || cu === TATWEEL) return false;
  }
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The 32-bit FNV-1a hash of `left + ' ' + right` over UTF-16 code units, as an unsigned integer. */
export function bigramHash(left: string, right: string): number {
  let h = fnvUpdate(FNV_OFFSET, left);
  h = Math.imul(h ^ 0x20, FNV_PRIME);
  return fnvUpdate(h, right) >>> 0;
}

/** Binary search for `key` in a sorted Uint32Array; the index or -1. */
function findSorted(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Sorted bigram hashes with their counts (hash collisions summed). */
interface BigramTable {
  hashes: Uint32Array;
  counts: Uint32Array;
}

function bigramTable(bigrams: Iterable<readonly [string, number]>): BigramTable {
  const byHash = new Map<number, number>();
  for (const [pair, c] of bigrams) {
    if (c < 1 || !Number.isInteger(c)) continue;
    const space = pair.indexOf(' ');
    if (space <= 0 || space === pair.length - 1) continue;
    const h = bigramHash(pair.slice(0, space), pair.slice(space + 1));
    byHash.set(h, (byHash.get(h) ?? 0) + c);
  }
  const hashes = Uint32Array.from(byHash.keys()).sort();
  const counts = Uint32Array.from(hashes, (h) => Math.min(byHash.get(h) ?? 0, 0xffffffff));
  return { hashes, counts };
}

function makeLexicon(total: number, words: Map<string, number>, table: BigramTable): Lexicon {
  return {
    total,
    size: words.size,
    bigramCount: table.hashes.length,
    count: (w) => words.get(w) ?? 0,
    bigram: (l, r) => {
      const i = findSorted(table.hashes, bigramHash(l, r));
      return i < 0 ? 0 : table.counts[i];
    },
  };
}

/**
 * Builds a lexicon from counts held in memory (tests, training scripts).
 * @param bigrams counts keyed `left + ' ' + right`.
 * @param total tokens counted (defaults to the sum of the word counts).
 */
export function lexiconFromCounts(
  words: ReadonlyMap<string, number>,
  bigrams: Iterable<readonly [string, number]> = [],
  total?: number,
): Lexicon {
  let sum = 0;
  for (const c of words.values()) sum += c;
  return makeLexicon(total ?? sum, new Map(words), bigramTable(bigrams));
}

function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/**
 * Encodes word and bigram counts in the lexicon format. Words that {@link isLexiconWord}
 * rejects and counts below 1 are skipped.
 * @param bigrams counts keyed `left + ' ' + right`.
 * @param total the number of tokens counted (defaults to the sum of the word counts kept).
 */
export function encodeLexicon(
  words: Iterable<readonly [string, number]>,
  bigrams: Iterable<readonly [string, number]> = [],
  total?: number,
): Uint8Array {
  const entries = [...words].filter(([w, c]) => c >= 1 && Number.isInteger(c) && isLexiconWord(w));
  // Code-unit order, which is what front coding needs (localeCompare would vary across engines).
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const table = bigramTable(bigrams);
  let sum = 0;
  for (const [, c] of entries) sum += c;
  const out: number[] = [...MAGIC];
  const pushU32 = (n: number): void => {
    out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  };
  pushU32(Math.min(total ?? sum, 0xffffffff));
  pushU32(entries.length);
  pushU32(table.hashes.length);
  for (const [word, count] of entries) {
    out.push(word.length);
    for (let i = 0; i < word.length; i++) out.push(word.charCodeAt(i) - LETTER_BASE);
    writeVarint(out, count);
  }
  let prevHash = 0;
  for (let i = 0; i < table.hashes.length; i++) {
    writeVarint(out, table.hashes[i] - prevHash);
    writeVarint(out, table.counts[i]);
    prevHash = table.hashes[i];
  }
  return Uint8Array.from(out);
}

function corrupt(message: string): MarsadError {
  return new MarsadError('MODEL_CORRUPT', `Lexicon file is corrupt: ${message}.`);
}

/** FNV-1a over a word's letter bytes (code unit − 0x0600), or -1 when a code unit is not storable. */
function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const b = word.charCodeAt(i) - LETTER_BASE;
    if (b < FIRST_LETTER - LETTER_BASE || b > LAST_LETTER - LETTER_BASE || b === TATWEEL - LETTER_BASE) return -1;
    h = Math.imul(h ^ b, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Decodes a lexicon file. The returned lexicon reads the bytes in place: do not modify them.
 * @throws MarsadError `MODEL_CORRUPT` when the bytes are not a well-formed lexicon.
 */
export function decodeLexicon(bytes: Uint8Array): Lexicon {
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) throw corrupt('bad magic number');
  const u32 = (at: number): number => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
  const total = u32(4);
  const wordCount = u32(8);
  const bigramCount = u32(12);
  let pos = HEADER_BYTES;
  const readVarint = (what: string): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw corrupt(`truncated ${what}`);
      const b = bytes[pos++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 35) throw corrupt(`overlong varint in ${what}`);
    }
  };
  // Open addressing, load factor at most 1/2: slots hold an entry's offset + 1 (0 = empty).
  let slots = 1;
  while (slots < wordCount * 2) slots *= 2;
  const mask = slots - 1;
  const table = new Int32Array(slots);
  const counts = new Float64Array(slots);
  for (let e = 0; e < wordCount; e++) {
    if (pos >= bytes.length) throw corrupt(`truncated at word ${e}`);
    const length = bytes[pos];
    if (length === 0 || pos + 1 + length > bytes.length) throw corrupt(`bad word entry ${e}`);
    let h = FNV_OFFSET;
    for (let i = pos + 1; i <= pos + length; i++) {
      const b = bytes[i];
      if (b < FIRST_LETTER - LETTER_BASE || b > LAST_LETTER - LETTER_BASE || b === TATWEEL - LETTER_BASE) throw corrupt(`bad letter in word ${e}`);
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    let slot = (h >>> 0) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = pos + 1;
    pos += 1 + length;
    counts[slot] = readVarint(`count of word ${e}`);
  }
  const hashes = new Uint32Array(bigramCount);
  const bigramCounts = new Uint32Array(bigramCount);
  let hash = 0;
  for (let e = 0; e < bigramCount; e++) {
    hash += readVarint(`bigram ${e}`);
    if (hash > 0xffffffff || (e > 0 && hash === hashes[e - 1])) throw corrupt(`bigram hashes out of order at ${e}`);
    hashes[e] = hash;
    bigramCounts[e] = Math.min(readVarint(`count of bigram ${e}`), 0xffffffff);
  }
  if (pos !== bytes.length) throw corrupt(`${bytes.length - pos} trailing bytes`);
  const count = (word: string): number => {
    const h = wordHash(word);
    if (h < 0) return 0;
    for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const at = table[slot] - 1;
      if (bytes[at] !== word.length) continue;
      let i = 0;
      while (i < word.length && bytes[at + 1 + i] === word.charCodeAt(i) - LETTER_BASE) i++;
      if (i === word.length) return counts[slot];
    }
    return 0;
  };
  return {
    total,
    size: wordCount,
    bigramCount,
    count,
    bigram: (l, r) => {
      const i = findSorted(hashes, bigramHash(l, r));
      return i < 0 ? 0 : bigramCounts[i];
    },
  };
}
