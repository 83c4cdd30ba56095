/**
 * The keyword model: document frequencies of terms and term phrases (2–3 words) in a news
 * corpus, stored as inverse document frequencies keyed by the same 32-bit hashes the topic
 * features use, plus the stop-word list. Terms rarer than the table's threshold are absent
 * and count as seen in one document.
 */
import { MarsadError } from '../errors.js';
import { normalize } from '../text/normalize.js';
import type { TermFunction } from './terms.js';

/** Header of the binary idf table. */
export interface KeywordModelHeader {
  format: 'marsad-keywords';
  version: 1;
  /** Term function the table was built with. */
  termFunction: string;
  /** Number of documents the frequencies were counted on. */
  documents: number;
  /** Smallest document frequency kept for single terms and for phrases. */
  minDf: { unigram: number; phrase: number };
  /** Longest phrase counted, in words. */
  maxPhraseWords: number;
  /** Factor turning the uint8 idf values back into floats. */
  idfScale: number;
}

/** A loaded keyword model. */
export interface KeywordModel {
  readonly header: KeywordModelHeader;
  /** Idf of a term or phrase hash; terms not in the table get the idf of df = 1. */
  idf(hash: number): number;
  /** Whether the hash is in the table (i.e. seen in at least `minDf` documents). */
  known(hash: number): boolean;
  /** Document frequency of a hash, recovered from its idf (1 when not in the table). */
  df(hash: number): number;
  /** Idf of a term seen in one document. */
  readonly maxIdf: number;
  /** Term keys of stop words (under the model's term function). */
  readonly stopKeys: ReadonlySet<string>;
  readonly terms: TermFunction;
}

const MAGIC = 0x44574b4d; // "MKWD" little-endian

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Idf as Marsad computes it: ln((N + 1) / (df + 1)) + 1. */
export function idfOf(documents: number, df: number): number {
  return Math.log((documents + 1) / (df + 1)) + 1;
}

/** Term keys of a stop-word list (one word per line, `#` starts a comment line). */
export function stopKeysOf(list: string, terms: TermFunction): Set<string> {
  const stopKeys = new Set<string>();
  for (const line of list.split('\n')) {
    const word = line.trim();
    if (word === '' || word.startsWith('#')) continue;
    const key = terms.key({ norm: normalize(word), kind: 'word' });
    if (key !== '') stopKeys.add(key);
  }
  return stopKeys;
}

/** Serializes an idf table from document frequencies by hash. */
export function encodeKeywordTable(header: Omit<KeywordModelHeader, 'format' | 'version' | 'idfScale'>, df: ReadonlyMap<number, number>): Uint8Array {
  const entries = [...df].sort((a, b) => a[0] - b[0]);
  const maxIdf = idfOf(header.documents, 1);
  const idfScale = maxIdf / 255;
  const full: KeywordModelHeader = { format: 'marsad-keywords', version: 1, ...header, idfScale };
  const headerBytes = new TextEncoder().encode(JSON.stringify(full));
  const at = align4(8 + headerBytes.length);
  const out = new Uint8Array(at + 4 + entries.length * 5);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  view.setUint32(at, entries.length, true);
  const hashesAt = at + 4;
  const idfAt = hashesAt + 4 * entries.length;
  entries.forEach(([h, d], i) => {
    view.setUint32(hashesAt + 4 * i, h, true);
    out[idfAt + i] = Math.min(255, Math.round(idfOf(header.documents, d) / idfScale));
  });
  return out;
}

/**
 * Reads a keyword model from its table and its stop-word list (one word per line).
 * @throws MarsadError `MODEL_CORRUPT` when the table is unreadable or built with another term function.
 */
export function decodeKeywordModel(table: Uint8Array, stopWords: Uint8Array, terms: TermFunction): KeywordModel {
  const corrupt = (why: string): MarsadError => new MarsadError('MODEL_CORRUPT', `Keyword model is unreadable: ${why}.`);
  if (table.length < 12) throw corrupt('file too short');
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw corrupt('wrong magic number');
  const headerLength = view.getUint32(4, true);
  let header: KeywordModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(table.subarray(8, 8 + headerLength))) as KeywordModelHeader;
  } catch {
    throw corrupt('header is not JSON');
  }
  if (header.format !== 'marsad-keywords' || header.version !== 1) throw corrupt(`unknown format ${header.format} v${header.version}`);
  if (header.termFunction !== terms.name) {
    throw new MarsadError(
      'MODEL_CORRUPT',
      `Keyword model was built with term function "${header.termFunction}" but the stage uses "${terms.name}"; rebuild it with npm run train:keywords.`,
    );
  }
  const at = align4(8 + headerLength);
  const n = view.getUint32(at, true);
  const hashesAt = at + 4;
  const idfAt = hashesAt + 4 * n;
  if (table.length !== idfAt + n) throw corrupt(`expected ${idfAt + n} bytes, got ${table.length}`);

  let capacity = 1;
  while (capacity < n * 2) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Uint32Array(capacity);
  const values = new Float32Array(capacity).fill(-1);
  for (let i = 0; i < n; i++) {
    const h = view.getUint32(hashesAt + 4 * i, true);
    let slot = h & mask;
    while (values[slot] >= 0) slot = (slot + 1) & mask;
    keys[slot] = h;
    values[slot] = table[idfAt + i] * header.idfScale;
  }
  const lookup = (hash: number): number => {
    let slot = hash & mask;
    for (;;) {
      const v = values[slot];
      if (v < 0) return -1;
      if (keys[slot] === hash) return v;
      slot = (slot + 1) & mask;
    }
  };
  const maxIdf = idfOf(header.documents, 1);
  const stopKeys = stopKeysOf(new TextDecoder().decode(stopWords), terms);
  return {
    header,
    idf: (hash) => {
      const v = lookup(hash);
      return v < 0 ? maxIdf : v;
    },
    known: (hash) => lookup(hash) >= 0,
    df: (hash) => {
      const v = lookup(hash);
      return v < 0 ? 1 : Math.max(1, (header.documents + 1) / Math.exp(v - 1) - 1);
    },
    maxIdf,
    stopKeys,
    terms,
  };
}
