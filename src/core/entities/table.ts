/**
 * Open-addressing hash index over 32-bit keys (0 marks an empty slot), with linear probing.
 * The model's weight rows, cluster ids and lexicon flags are stored in parallel typed
 * arrays indexed by the slot this returns, so a lookup allocates nothing.
 */

/** A read-only index from 32-bit keys to slots. */
export interface KeyIndex {
  /** Slot keys; length is a power of two. */
  readonly keys: Uint32Array;
  /** The slot holding `key`, or -1 when absent. */
  find(key: number): number;
}

/** Wraps a key array (power-of-two length, 0 = empty) as an index. */
export function keyIndex(keys: Uint32Array): KeyIndex {
  const mask = keys.length - 1;
  return {
    keys,
    find(key: number): number {
      const k = key >>> 0 || 1;
      let slot = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
      for (;;) {
        const at = keys[slot];
        if (at === k) return slot;
        if (at === 0) return -1;
        slot = (slot + 1) & mask;
      }
    },
  };
}

/** Smallest power of two ≥ `n / load`, at least 8. */
export function tableCapacity(n: number, load = 0.7): number {
  let cap = 8;
  while (cap * load < n) cap *= 2;
  return cap;
}

/**
 * Builds a key array holding `keys` (duplicates are stored once) and returns it with, for
 * each input key, the slot where it lives.
 */
export function buildKeyIndex(keys: ArrayLike<number>, load = 0.7): { keys: Uint32Array; slots: Int32Array } {
  const table = new Uint32Array(tableCapacity(keys.length, load));
  const mask = table.length - 1;
  const slots = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] >>> 0 || 1;
    let slot = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
    while (table[slot] !== 0 && table[slot] !== k) slot = (slot + 1) & mask;
    table[slot] = k;
    slots[i] = slot;
  }
  return { keys: table, slots };
}
