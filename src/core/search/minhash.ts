/**
 * MinHash signatures of word shingles (Broder 1997) with LSH banding, to link the same
 * wire story published by several sites.
 *
 * A text's shingles are its runs of {@link SHINGLE} consecutive clitic-free forms. For each
 * of {@link SIGNATURE_SIZE} hash functions the signature keeps the smallest shingle hash;
 * the share of equal positions in two signatures estimates the Jaccard similarity of their
 * shingle sets. To find candidates without comparing against every stored text, the
 * signature is cut into {@link BANDS} bands of {@link ROWS} values, each band hashed to one
 * key: texts that share any band key are compared. With 16 bands of 4 rows, a pair at
 * Jaccard 0.8 becomes a candidate with probability 0.9998, a pair at 0.3 with 0.12, and
 * random pairs practically never.
 *
 * MinHash rather than SimHash: on news-length texts (100–300 words) a one-line edit moves a
 * 64-bit SimHash by 4–6 bits, past the usual 3-bit threshold, while MinHash degrades with
 * the actual overlap.
 */

/** Words per shingle. */
export const SHINGLE = 3;
/** Hash functions in a signature. */
export const SIGNATURE_SIZE = 64;
/** Values per LSH band. */
export const ROWS = 4;
/** LSH bands (`SIGNATURE_SIZE / ROWS`). */
export const BANDS = SIGNATURE_SIZE / ROWS;
/** Estimated Jaccard similarity at or above which two texts are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.7;
/** Texts with fewer shingles than this are not fingerprinted: too short to tell a copy from a formula. */
export const MIN_SHINGLES = 12;

/** 32-bit FNV-1a with a murmur3 finalizer. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-function seeds, fixed so that signatures are comparable across runs and machines. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/**
 * The MinHash signature of a word sequence, or undefined when it has fewer than
 * {@link MIN_SHINGLES} shingles.
 */
export function minhash(words: readonly string[]): Uint32Array | undefined {
  const n = words.length - SHINGLE + 1;
  if (n < MIN_SHINGLES) return undefined;
  // Hash each word once, then combine the hashes of a shingle's words: no strings are built.
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hash32(words[i]);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = mix32(Math.imul(h ^ wordHashes[i + k], 0x01000193));
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix32((h ^ SEEDS[k]) >>> 0);
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** The LSH band keys of a signature: one signed 32-bit integer per band. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r];
      h = Math.imul(h, 0x01000193);
    }
    keys.push(mix32(h) | 0);
  }
  return keys;
}

/** Signature as bytes (little-endian), for storage. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength));
}

/** Signature from bytes written by {@link signatureToBytes}. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}
