/**
 * Word frequencies from unlabeled news, as log counts in a hashed table: by clean form
 * (hamza as written, used to choose a stem's restored spelling) and by normalized form
 * (used as frequency features). The same table holds the words' distributional clusters,
 * their treebank ambiguity classes and the letter-trigram weights of `foreignness`
 * (`foreign.ts`), each under keys of its own. Strings are never stored, only 32-bit hashes,
 * which keeps the table small; a collision merely perturbs one feature.
 */
import { foreignness, foreignnessBucket } from './foreign.js';
import { finish, mixChars, seed } from './hash.js';
import { FeatureTable } from './table.js';

const T_CLEAN = 0x7c1ea;
const T_NORM = 0x70a3;
const T_CLUSTER = 0xc1a5;
const T_AMBIGUITY = 0xa3b1;


/** Key of a normalized word in the ambiguity-class table. */
export function ambiguityKey(s: string): number {
  return finish(mixChars(seed(T_AMBIGUITY), s, 0, s.length));
}

/** Clusters per coarse cluster: fine ids are `coarse * CLUSTER_FANOUT + j`. */
export const CLUSTER_FANOUT = 16;

/** Key of a normalized word in the cluster table. */
export function clusterKey(s: string, from = 0, to = s.length): number {
  return finish(mixChars(seed(T_CLUSTER), s, from, to));
}

/** Key of a clean form in the vocabulary table. */
export function cleanKey(s: string, from = 0, to = s.length): number {
  return finish(mixChars(seed(T_CLEAN), s, from, to));
}

/** Key of a normalized form in the vocabulary table. */
export function normKey(s: string, from = 0, to = s.length): number {
  return finish(mixChars(seed(T_NORM), s, from, to));
}

/** Key of a normalized form with a prefix string before it (e.g. the restored `ا` of `ال`), without building the string. */
export function normKeyWithPrefix(prefix: string, s: string, from: number, to: number, suffix = ''): number {
  let h = seed(T_NORM);
  for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  for (let i = 0; i < suffix.length; i++) h = Math.imul(h ^ suffix.charCodeAt(i), 0x01000193);
  return finish(Math.imul(h ^ (0x10000 + prefix.length + to - from + suffix.length), 0x01000193));
}

/**
 * Bound on a real `log2(count + 1)`: 2^40 words is far beyond any corpus. The four kinds of
 * key share one table, so a clean or normalized form whose hash equals a cluster's or an
 * ambiguity class's key would read that entry's id (up to 30,000) as its frequency; a value
 * above this bound can only be such a collision and reads as unseen.
 */
export const MAX_LOG_COUNT = 40;

const logCount = (v: number): number => (v > MAX_LOG_COUNT ? 0 : v);

/** Frequencies of word forms in the news, as `log2(count + 1)`. */
export class Vocabulary {
  readonly table: FeatureTable;

  constructor(table: FeatureTable) {
    this.table = table;
  }

  /**
   * Builds a vocabulary from counts of clean forms (normalized counts are summed from them
   * with `normalizeForm`) and word clusters by normalized form.
   */
  static fromCounts(
    counts: Map<string, number>,
    normalizeForm: (s: string) => string,
    clusters: Map<string, number> = new Map(),
    minCount = 2,
    ambiguity: Map<string, number> = new Map(),
    /** Letter-trigram weights of `foreignness` (`foreign.ts`), stored under their own keys. */
    foreign: ReadonlyMap<number, number> = new Map(),
  ): Vocabulary {
    const keys: number[] = [...foreign.keys()];
    const values: number[] = [...foreign.values()];
    for (const [w, c] of ambiguity) {
      keys.push(ambiguityKey(w));
      values.push(c + 1);
    }
    for (const [w, c] of clusters) {
      keys.push(clusterKey(w));
      values.push(c + 1);
    }
    const norm = new Map<number, number>();
    for (const [w, c] of counts) {
      const nk = normKey(normalizeForm(w));
      norm.set(nk, (norm.get(nk) ?? 0) + c);
      if (c < minCount) continue;
      keys.push(cleanKey(w));
      values.push(Math.log2(c + 1));
    }
    for (const [k, c] of norm) {
      if (c < minCount) continue;
      keys.push(k);
      values.push(Math.log2(c + 1));
    }
    const unique = dedupe(keys, values);
    return new Vocabulary(FeatureTable.build(1, unique.keys, unique.values));
  }

  /** `log2(count + 1)` of a clean form, 0 when unseen. */
  clean(s: string): number {
    return logCount(this.table.weight(cleanKey(s), 0));
  }

  /** `log2(count + 1)` of a normalized form (or a slice of one), 0 when unseen. */
  norm(s: string, from = 0, to = s.length): number {
    return logCount(this.table.weight(normKey(s, from, to), 0));
  }

  /** The cluster of a normalized word, or -1 when it has none. */
  cluster(s: string, from = 0, to = s.length): number {
    return Math.round(this.table.weight(clusterKey(s, from, to), 0)) - 1;
  }

  /**
   * The coarse cluster of a normalized word plus one (0: it has none): the first level of
   * the two-level clustering, about 32 broad classes, dense enough to be a context feature.
   */
  coarseCluster(s: string): number {
    const c = this.cluster(s);
    return c < 0 ? 0 : 1 + Math.floor(c / CLUSTER_FANOUT);
  }

  /** The ambiguity class of a normalized word in the treebank (tags it took, how often), or -1. */
  ambiguity(s: string): number {
    return Math.round(this.table.weight(ambiguityKey(s), 0)) - 1;
  }

  /** How foreign `s[from…to)` looks to PADT's annotators, bucketed (`foreign.ts`); the middle bucket for a model without the weights. */
  foreignness(s: string, from = 0, to = s.length): number {
    return foreignnessBucket(foreignness(this.table, s, from, to));
  }

  /** A copy with the letter-trigram weights of `foreignness` added (for experiments on a committed model). */
  withForeignWeights(foreign: ReadonlyMap<number, number>): Vocabulary {
    return new Vocabulary(this.table.withRows([...foreign.keys()], [...foreign.values()]));
  }

  /** Like {@link norm} for `prefix + s.slice(from, to) + suffix`. */
  normWithPrefix(prefix: string, s: string, from: number, to: number, suffix = ''): number {
    return logCount(this.table.weight(normKeyWithPrefix(prefix, s, from, to, suffix), 0));
  }
}

function dedupe(keys: number[], values: number[]): { keys: number[]; values: number[] } {
  const seen = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const had = seen.get(keys[i]);
    // The larger value wins a collision; a lone value is kept as it is (foreignness weights are negative too).
    seen.set(keys[i], had === undefined ? values[i] : Math.max(had, values[i]));
  }
  return { keys: [...seen.keys()], values: [...seen.values()] };
}
