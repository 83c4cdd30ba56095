/**
 * Integer hashing of normalized word forms for the NER model.
 *
 * The recognizer never builds feature strings: every word form, affix, cluster id and
 * template is hashed into a 32-bit integer straight from the token's characters, and the
 * weights are looked up by that integer. Hashing also folds the spelling variants that
 * `normalize()` deliberately keeps apart (ة/ه, ى/ي, ؤ/و, ئ/ي) and Latin case, because for
 * names they are noise: `الجعفرى` and `الجعفري`, `مكه` and `مكة` should share weights.
 */

/** FNV-1a offset basis: the hash of the empty string before finalization. */
export const HASH_SEED = 0x811c9dc5;

let foldTable: Uint16Array | undefined;

/** The code unit folding table: spelling variants collapsed, Latin lowercased, everything else kept. */
function folds(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < 0x10000; i++) t[i] = i;
  const pairs: [number, number][] = [
    [0x0629, 0x0647], // ة → ه
    [0x0649, 0x064a], // ى → ي
    [0x0624, 0x0648], // ؤ → و
    [0x0626, 0x064a], // ئ → ي
    [0x0622, 0x0627], // آ → ا
    [0x0623, 0x0627], // أ → ا
    [0x0625, 0x0627], // إ → ا
    [0x0671, 0x0627], // ٱ → ا
    [0x06cc, 0x064a], // Farsi ya → ي
    [0x06a9, 0x0643], // keheh → ك
  ];
  for (const [from, to] of pairs) t[from] = to;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  foldTable = t;
  return t;
}

/** Folds one UTF-16 code unit (see the module comment). */
export function foldCodeUnit(cu: number): number {
  return folds()[cu];
}

/** Continues an unfinalized FNV-1a state over `s[start, end)`, folding each code unit. */
export function hashUpdate(state: number, s: string, start = 0, end = s.length): number {
  const t = folds();
  let h = state;
  for (let i = start; i < end; i++) {
    h ^= t[s.charCodeAt(i)];
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Murmur3's finalizer: spreads the bits of an FNV state so that low bits index tables well. */
export function finalizeHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The folded hash of `s[start, end)`, as an unsigned 32-bit integer. */
export function hashString(s: string, start = 0, end = s.length): number {
  return finalizeHash(hashUpdate(HASH_SEED, s, start, end));
}

/** Combines two 32-bit values into one (order matters). Never returns 0, which marks empty table slots. */
export function combine(a: number, b: number): number {
  const h = finalizeHash(Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b) >>> 0;
  return h === 0 ? 1 : h;
}

/** The hash of a word sequence, from the hashes of its words: used for gazetteer entries. */
export function hashSequence(wordHashes: ArrayLike<number>, start = 0, end = wordHashes.length): number {
  let h = 0x2545f491;
  for (let i = start; i < end; i++) h = combine(h, wordHashes[i]);
  return h;
}
