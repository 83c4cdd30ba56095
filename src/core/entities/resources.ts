/**
 * The NER model's lookup tables besides its weights: word clusters computed from unlabeled
 * news, and a lexicon that holds gazetteer entries (as word-sequence hashes), trigger words
 * (titles, organization and place heads, currencies) and the words known to start a name.
 * Both are keyed by the folded hashes of `hash.ts`, so no strings are kept at run time.
 */
import { jsonSection, packSections, sectionAs, sectionJson, unpackSections } from './binary.js';
import { type KeyIndex, buildKeyIndex, keyIndex } from './table.js';

/**
 * Gazetteer classes, one bit each in a lexicon entry's flags. The `AUTO_` classes are names
 * harvested from unlabeled news by a first model (see `train/ner/autogaz.ts`).
 */
export const GAZETTEER_CLASSES = [
  'PER',
  'PER_FIRST',
  'LOC',
  'ORG',
  'ACTOR',
  'COUNTRY',
  'ACTOR_PER',
  'MISC',
  'AUTO_PER',
  'AUTO_LOC',
  'AUTO_ORG',
  'AUTO_MISC',
] as const;
/** A gazetteer class name. */
export type GazetteerClass = (typeof GAZETTEER_CLASSES)[number];
/** Number of gazetteer classes (bits 0‥11 of the flags). */
export const GAZETTEER_CLASS_COUNT = GAZETTEER_CLASSES.length;

/** Lexicon flag bits. */
export const LEX = {
  /** Mask of the gazetteer class bits: the sequence is a complete entry of these classes. */
  classMask: 0xfff,
  /** The sequence is a proper prefix of a longer entry: keep matching. */
  prefix: 1 << 12,
  /** Trigger classes (single words): person titles, organization heads, place heads, MISC heads. */
  titlePer: 1 << 16,
  headOrg: 1 << 17,
  headLoc: 1 << 18,
  headMisc: 1 << 19,
  /** Mask of the trigger bits; shift right by 16 for a small integer. */
  triggerMask: 0xff << 16,
  /** The word is known to begin a name (used to decide whether a leading و/ب/ل/ك/ف is a clitic). */
  nameStart: 1 << 24,
} as const;

/** Lexicon: word-sequence hash → flags. */
export interface NerLexicon {
  index: KeyIndex;
  flags: Uint32Array;
}

/** Word clusters: word hash → cluster ids at several granularities (0 = unknown). */
export interface WordClusters {
  index: KeyIndex;
  /** `levels` ids per slot. */
  ids: Uint16Array;
  levels: number;
}

/** Flags of a lexicon key, 0 when absent. */
export function lexiconFlags(lex: NerLexicon, key: number): number {
  const slot = lex.index.find(key);
  return slot < 0 ? 0 : lex.flags[slot];
}

/** Builds a lexicon from key → flags pairs (flags of a repeated key are OR-ed). */
export function buildLexicon(entries: ReadonlyMap<number, number>): NerLexicon {
  const keys = [...entries.keys()];
  const { keys: table, slots } = buildKeyIndex(keys);
  const flags = new Uint32Array(table.length);
  keys.forEach((k, i) => (flags[slots[i]] |= entries.get(k) ?? 0));
  return { index: keyIndex(table), flags };
}

/** Builds a cluster table from word hash → ids (each id ≥ 1, one per level). */
export function buildClusters(entries: ReadonlyMap<number, ArrayLike<number>>, levels: number): WordClusters {
  const keys = [...entries.keys()];
  const { keys: table, slots } = buildKeyIndex(keys);
  const ids = new Uint16Array(table.length * levels);
  keys.forEach((k, i) => {
    const v = entries.get(k);
    if (v) for (let l = 0; l < levels; l++) ids[slots[i] * levels + l] = v[l];
  });
  return { index: keyIndex(table), ids, levels };
}

/** Serializes a lexicon. */
export function packLexicon(lex: NerLexicon): Uint8Array {
  return packSections(new Map<string, ArrayBufferView>([['keys', lex.index.keys], ['flags', lex.flags]]));
}

/** Reads a lexicon written by {@link packLexicon}. */
export function unpackLexicon(bytes: Uint8Array): NerLexicon {
  const s = unpackSections(bytes, 'NER lexicon');
  return { index: keyIndex(sectionAs(s, 'keys', Uint32Array, 'NER lexicon')), flags: sectionAs(s, 'flags', Uint32Array, 'NER lexicon') };
}

/** Serializes word clusters. */
export function packClusters(c: WordClusters): Uint8Array {
  return packSections(
    new Map<string, ArrayBufferView>([
      ['meta', jsonSection({ levels: c.levels })],
      ['keys', c.index.keys],
      ['ids', c.ids],
    ]),
  );
}

/** Reads word clusters written by {@link packClusters}. */
export function unpackClusters(bytes: Uint8Array): WordClusters {
  const s = unpackSections(bytes, 'NER clusters');
  const { levels } = sectionJson<{ levels: number }>(s, 'meta', 'NER clusters');
  return { index: keyIndex(sectionAs(s, 'keys', Uint32Array, 'NER clusters')), ids: sectionAs(s, 'ids', Uint16Array, 'NER clusters'), levels };
}
