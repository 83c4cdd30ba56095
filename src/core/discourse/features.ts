/**
 * Bag-of-terms features for the topic classifier: unigrams and bigrams of term keys,
 * hashed to 32 bits so the model stores numbers, not strings, and the runtime never
 * builds a bigram string. Training and runtime call the same function, so features agree.
 */
import type { Token } from '../document.js';
import { termKeys, type TermFunction } from './terms.js';

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche so that low bits are usable. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

const HASH_MEMO = new WeakMap<readonly string[], Uint32Array>();

/** The hash of every term key of a sequence (0 for ''), memoized per keys array like {@link termKeys}. */
export function termHashes(keys: readonly string[]): Uint32Array {
  let hashes = HASH_MEMO.get(keys);
  if (hashes === undefined || hashes.length !== keys.length) {
    hashes = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== '') hashes[i] = hashString(keys[i]);
    HASH_MEMO.set(keys, hashes);
  }
  return hashes;
}

/** The hash of an ordered pair of hashes (a bigram), distinct from either and from (b, a). */
export function hashPair(a: number, b: number): number {
  return finish(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(b, 0xc2b2ae35) + 0x27d4eb2f);
}

function finish(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Counts of hashed features in one document. */
export type FeatureCounts = Map<number, number>;

/**
 * Unigram and bigram counts of a token sequence. A bigram joins two consecutive word
 * tokens; anything else between them (punctuation, a number, a quote mark) breaks it.
 * Term keys are hashed once per token; bigram hashes combine the two.
 */
export function termFeatures(tokens: readonly Pick<Token, 'norm' | 'kind'>[], terms: TermFunction, bigrams = true): FeatureCounts {
  const counts: FeatureCounts = new Map();
  const keys = termKeys(tokens, terms);
  const hashes = termHashes(keys);
  let prev = -1;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '') {
      prev = -1;
      continue;
    }
    const h = hashes[i];
    counts.set(h, (counts.get(h) ?? 0) + 1);
    if (bigrams && prev >= 0) {
      const b = hashPair(prev, h);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    prev = h;
  }
  return counts;
}

/**
 * A reusable open-addressing map from 32-bit hashes to small integer ids, for the per-
 * document counting loops: unlike a `Map` it allocates nothing per document once it has
 * grown, and clearing touches only the slots that were used.
 */
export class HashIndex {
  private keys = new Uint32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  private used: number[] = [];
  private mask = 1023;

  /** Empties the index and makes room for `entries` keys at most half full. */
  reset(entries: number): void {
    let capacity = this.keys.length;
    while (capacity < entries * 2) capacity <<= 1;
    if (capacity !== this.keys.length) {
      this.keys = new Uint32Array(capacity);
      this.ids = new Int32Array(capacity).fill(-1);
      this.mask = capacity - 1;
    } else {
      for (const slot of this.used) this.ids[slot] = -1;
    }
    this.used.length = 0;
  }

  /** The id of `hash`, or −1. */
  get(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const id = this.ids[slot];
      if (id < 0 || this.keys[slot] === hash) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores `id` for `hash` (which must not be present). */
  set(hash: number, id: number): void {
    let slot = hash & this.mask;
    while (this.ids[slot] >= 0) slot = (slot + 1) & this.mask;
    this.keys[slot] = hash;
    this.ids[slot] = id;
    this.used.push(slot);
  }
}
