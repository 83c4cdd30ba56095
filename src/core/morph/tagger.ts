/**
 * The UPOS tagger over syntactic words: a greedy left-to-right averaged perceptron
 * (after Collins 2002 and Honnibal's tagger). Each word's features are split in two:
 * static features of the word itself (its form, affixes, its place in the fused token,
 * its frequency in the news), whose scores are cached per word type, and context
 * features (neighbouring words, the two previous tags), computed per occurrence.
 */
import { finish, mixChars, mixInt, mixString, seed } from './hash.js';
import type { WeightSource } from './table.js';
import type { Vocabulary } from './vocabulary.js';

/** The 17 Universal POS tags. */
export const UPOS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;

/** A Universal POS tag. */
export type Upos = (typeof UPOS_TAGS)[number];

/** Number of tags (the width of the tagger's weight rows). */
export const TAG_COUNT = UPOS_TAGS.length;

/** Where a syntactic word sits in its surface token. */
export const enum WordRole {
  /** The whole token. */
  Alone = 0,
  /** A proclitic (`و ف ب ك ل س`). */
  Proclitic = 1,
  /** The stem of a fused token. */
  Stem = 2,
  /** A pronoun enclitic. */
  Enclitic = 3,
  /** A part of an irregular analysis (`عن + ما`). */
  Special = 4,
}

/** What the tagger sees of a syntactic word. */
export interface TaggerWord {
  /** Normalized form of the word. */
  norm: string;
  /** The word as written or restored, marks removed (hamza kept: `أن` and `إن` differ). */
  form: string;
  role: WordRole;
  /** Proclitic chain id of the token's split (0 when none or irregular). */
  chain: number;
  /** Enclitic id of the token's split (0 when none). */
  enclitic: number;
  /** Normalized form of the surface token. */
  token: string;
  /** Index of the word inside its token. */
  index: number;
  /**
   * Ambiguity class of the word in the treebank (see `ambiguityClass`), when the caller
   * knows it (training uses held-out counts); otherwise it is read from the vocabulary.
   */
  ambiguity?: number;
  /** The word's `foreignness` bucket, when the caller knows it (training uses held-out weights); otherwise the vocabulary's. */
  foreign?: number;
}

/** Number of ambiguity classes a model may use (ids are dense, below this). */
export const MAX_AMBIGUITY_CLASSES = 30000;

/**
 * The ambiguity class of a word from its tag counts: which tags it took (at least 5% of
 * its uses) and a frequency band. Returned as a string; models map it to a dense id.
 */
export function ambiguityClass(counts: ArrayLike<number>): string {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return '';
  const tags: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0 && counts[i] >= 0.05 * total) tags.push(i);
  const band = total < 2 ? 0 : total < 5 ? 1 : total < 20 ? 2 : 3;
  return `${tags.join(',')}/${band}`;
}

const T_BIAS = 1;
const T_WORD = 2;
const T_WORD_ROLE = 3;
const T_PREFIX = 4;
const T_SUFFIX = 5;
const T_SHAPE = 6;
const T_TOKEN = 7;
const T_STRUCT = 8;
const T_FREQ = 9;
const T_PREV_TAG = 10;
const T_PREV2_TAGS = 11;
const T_PREV_TAG_WORD = 12;
const T_PREV_WORD = 13;
const T_NEXT_WORD = 14;
const T_PREV2_WORD = 15;
const T_NEXT2_WORD = 16;
const T_NEXT_SUFFIX = 17;
const T_PREV_SUFFIX = 18;
const T_NEXT_PREFIX = 19;
const T_PREV_TAG_SUFFIX = 20;
const T_FIRST = 21;
const T_ARTICLE_FREQ = 22;
const T_TA_FREQ = 23;
const T_CLUSTER_FINE = 24;
const T_CLUSTER_COARSE = 25;
const T_PREV_CLUSTER = 26;
const T_NEXT_CLUSTER = 27;
const T_FORM = 28;
const T_FORM_FIRST = 29;
const T_AGREE = 30;
const T_PATTERN = 37;
const T_AMB = 39;
const T_AMB_PREV_TAG = 40;
const T_AMB_NEXT = 41;
const T_AMB_PREV = 42;

const T_TRIGRAM = 38;
const T_FOREIGN = 43;

/** Letters kept in a word's pattern: affix and weak letters; the others (root letters, mostly) become C. */
const PATTERN_LETTERS = new Set([...'اويتمنسةىءأإآؤئ'].map((c) => c.charCodeAt(0)));

/** Hash of a word's pattern: `استقبال` → `استCCاC`, `مفاوضات` → `مCاوCات`, with a leading article kept. */
function patternHash(s: string): number {
  let h = seed(T_PATTERN);
  const from = s.length > 3 && s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644 ? 2 : 0;
  if (from === 2) h = Math.imul(h ^ 0x4c, 0x01000193);
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (PATTERN_LETTERS.has(c) ? c : 0x43), 0x01000193);
  }
  return finish(h);
}

/** Coarse shape of a word: digits, Latin letters, Arabic letters, other. */
function shapeOf(s: string): number {
  let digits = 0;
  let latin = 0;
  let arabic = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else other++;
  }
  return (digits > 0 ? 1 : 0) | (latin > 0 ? 2 : 0) | (arabic > 0 ? 4 : 0) | (other > 0 ? 8 : 0) | (Math.min(s.length, 8) << 4);
}

/** Upper bound on the number of feature keys per word. */
export const MAX_WORD_FEATURES = 48;

/** Writes the static feature keys of a word; returns the new end. */
export function staticWordFeatures(w: TaggerWord, vocab: Vocabulary, out: Uint32Array, at: number, hideIdentity = false): number {
  let k = at;
  const s = w.norm;
  const len = s.length;
  const role = w.role;
  out[k++] = finish(seed(T_BIAS));
  if (!hideIdentity) {
    out[k++] = finish(mixString(seed(T_WORD), s));
    out[k++] = finish(mixInt(mixString(seed(T_WORD_ROLE), s), role));
  }
  // How the word behaves in the news: nouns and adjectives take the article, feminine forms take ة.
  const hasArticle = len > 3 && s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644;
  const articleFreq = hasArticle ? vocab.norm(s, 2, len) : vocab.normWithPrefix('ال', s, 0, len);
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_ARTICLE_FREQ), hasArticle ? 1 : 0), Math.round(articleFreq / 2)), role));
  const endsTa = s.charCodeAt(len - 1) === 0x0629;
  const taFreq = endsTa ? vocab.norm(s, 0, len - 1) : vocab.normWithPrefix('', s + 'ة', 0, len + 1);
  out[k++] = finish(mixInt(mixInt(seed(T_TA_FREQ), endsTa ? 1 : 0), Math.round(taFreq / 2)));
  for (let p = 1; p <= 3 && p < len; p++) out[k++] = finish(mixInt(mixChars(seed(T_PREFIX), s, 0, p), role));
  for (let p = 1; p <= 4 && p < len; p++) out[k++] = finish(mixInt(mixChars(seed(T_SUFFIX), s, len - p, len), role));
  out[k++] = finish(mixInt(mixInt(seed(T_SHAPE), shapeOf(s)), role));
  out[k++] = finish(mixInt(patternHash(s), role));
  const amb = w.ambiguity ?? vocab.ambiguity(s);
  out[k++] = finish(mixInt(mixInt(seed(T_AMB), amb + 1), role));
  // PADT tags X the words its analyser did not know, mostly foreign names: how foreign the letters look, as one bucketed score.
  const foreign = w.foreign ?? vocab.foreignness(s);
  const freq = Math.round(vocab.norm(s));
  out[k++] = finish(mixInt(mixInt(seed(T_FOREIGN), foreign), role));
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_FOREIGN), foreign), Math.min(freq, 15) >> 2), 0x100 + role));
  // Letter trigrams inside the word: foreign names and Arabic patterns differ there.
  for (let i = 1; i + 3 < len && i <= 6; i++) out[k++] = finish(mixChars(seed(T_TRIGRAM), s, i, i + 3));
  if (role !== WordRole.Alone && !hideIdentity) out[k++] = finish(mixInt(mixString(seed(T_TOKEN), w.token), w.index));
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_STRUCT), role), w.chain), w.enclitic));
  out[k++] = finish(mixInt(mixInt(seed(T_FREQ), freq), role));
  if (!hideIdentity && w.form !== s) out[k++] = finish(mixInt(mixString(seed(T_FORM), w.form), role));
  out[k++] = finish(mixInt(mixChars(seed(T_FORM_FIRST), w.form, 0, Math.min(1, w.form.length)), role));
  const cluster = vocab.cluster(s);
  out[k++] = finish(mixInt(mixInt(seed(T_CLUSTER_FINE), cluster + 1), role));
  out[k++] = finish(mixInt(mixInt(seed(T_CLUSTER_COARSE), vocab.coarseCluster(s)), role));
  return k;
}

/** Hash seeds of a word used by its neighbours' context features, computed once per word. */
export interface WordSeeds {
  word: number;
  /** Last two letters. */
  suffix: number;
  /** First two letters. */
  prefix: number;
  /** Coarse cluster. */
  cluster: number;
  /** Definiteness and gender/number ending, for agreement: bit 0 article, bits 1-3 ending class. */
  agreement: number;
  /** Ambiguity class id + 1 (0: unknown). */
  ambiguity: number;
}

/** Ending class for agreement features: ة, ات, ون/ين, ي (nisba), other. */
function endingClass(s: string): number {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === 0x0629) return 1;
  if (n > 3 && last === 0x062a && s.charCodeAt(n - 2) === 0x0627) return 2;
  if (n > 3 && last === 0x0646 && (s.charCodeAt(n - 2) === 0x0648 || s.charCodeAt(n - 2) === 0x064a)) return 3;
  if (last === 0x064a) return 4;
  return 0;
}

/** Seeds of a word for context features. */
export function wordSeeds(w: TaggerWord | undefined, vocab?: Vocabulary): WordSeeds {
  if (!w) return NO_WORD;
  const s = w.norm;
  return {
    word: mixString(seed(0x77), s),
    suffix: mixChars(seed(0x78), s, Math.max(0, s.length - 2), s.length),
    prefix: mixChars(seed(0x79), s, 0, Math.min(2, s.length)),
    cluster: vocab ? vocab.coarseCluster(s) : 0,
    agreement: (s.length > 3 && s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644 ? 1 : 0) | (endingClass(s) << 1),
    ambiguity: 1 + (w.ambiguity ?? (vocab ? vocab.ambiguity(s) : -1)),
  };
}

const NO_WORD: WordSeeds = { word: 0x5a17, suffix: 0x5a18, prefix: 0x5a19, cluster: 0xfff, agreement: 0xff, ambiguity: 0xffff };

/**
 * Writes the context feature keys of word `i`; `prevTag`/`prev2Tag` are tag indexes or
 * -1 at the start of the sentence. Returns the new end.
 */
export function contextWordFeatures(
  seeds: readonly WordSeeds[],
  words: readonly TaggerWord[],
  i: number,
  prevTag: number,
  prev2Tag: number,
  out: Uint32Array,
  at: number,
): number {
  const n = seeds.length;
  let k = at;
  k = neighbourFeatures(i > 0 ? seeds[i - 1] : NO_WORD, Neighbour.Previous, out, k);
  k = neighbourFeatures(i > 1 ? seeds[i - 2] : NO_WORD, Neighbour.BeforePrevious, out, k);
  k = neighbourFeatures(i + 1 < n ? seeds[i + 1] : NO_WORD, Neighbour.Next, out, k);
  k = neighbourFeatures(i + 2 < n ? seeds[i + 2] : NO_WORD, Neighbour.AfterNext, out, k);
  k = transitionFeatures(prevTag, prev2Tag, out, k);
  return pairFeatures(seeds, words, i, prevTag, out, k);
}

/** Which neighbour a word is, for {@link neighbourFeatures}. */
export const enum Neighbour {
  Previous = 0,
  BeforePrevious = 1,
  Next = 2,
  AfterNext = 3,
}

/** The seeds of a missing neighbour (sentence edge). */
export function noNeighbour(): WordSeeds {
  return NO_WORD;
}

/**
 * Context keys that depend only on one neighbouring word: the run time sums their rows
 * once per word form and neighbour position, instead of looking them up per occurrence.
 */
export function neighbourFeatures(w: WordSeeds, which: Neighbour, out: Uint32Array, at: number): number {
  let k = at;
  switch (which) {
    case Neighbour.Previous:
      out[k++] = finish(mixInt(seed(T_PREV_WORD), w.word));
      out[k++] = finish(mixInt(seed(T_PREV_SUFFIX), w.suffix));
      break;
    case Neighbour.BeforePrevious:
      out[k++] = finish(mixInt(seed(T_PREV2_WORD), w.word));
      break;
    case Neighbour.Next:
      out[k++] = finish(mixInt(seed(T_NEXT_WORD), w.word));
      out[k++] = finish(mixInt(seed(T_NEXT_SUFFIX), w.suffix));
      out[k++] = finish(mixInt(seed(T_NEXT_PREFIX), w.prefix));
      out[k++] = finish(mixInt(seed(T_NEXT_CLUSTER), w.cluster));
      break;
    case Neighbour.AfterNext:
      out[k++] = finish(mixInt(seed(T_NEXT2_WORD), w.word));
      break;
  }
  return k;
}

/** Context keys of the two previous tags alone (a small dense table at run time). */
export function transitionFeatures(prevTag: number, prev2Tag: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = finish(mixInt(seed(T_PREV_TAG), prevTag + 1));
  out[k++] = finish(mixInt(mixInt(seed(T_PREV2_TAGS), prevTag + 1), prev2Tag + 1));
  return k;
}

/** Context keys that tie the word to the previous tag or to its neighbours. */
export function pairFeatures(seeds: readonly WordSeeds[], words: readonly TaggerWord[], i: number, prevTag: number, out: Uint32Array, at: number): number {
  const prev = i > 0 ? seeds[i - 1] : NO_WORD;
  const next = i + 1 < seeds.length ? seeds[i + 1] : NO_WORD;
  const self = seeds[i];
  let k = selfByPreviousTagFeatures(self, prevTag, out, at);
  if (i === 0) k = firstWordFeatures(words[i], out, k);
  k = previousWordByTagFeatures(prev, prevTag, out, k);
  out[k++] = agreementFeature(prev.agreement, self.agreement, prevTag);
  return ambiguityPairFeatures(self, prev, next, out, k);
}

/**
 * The run time caches each group of {@link pairFeatures} where it can: per word and
 * previous tag, per previous word and its tag, in a dense table for agreement; only
 * {@link ambiguityPairFeatures} is looked up per occurrence.
 */
export function selfByPreviousTagFeatures(self: WordSeeds, prevTag: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = finish(mixInt(mixInt(seed(T_PREV_TAG_WORD), prevTag + 1), self.word));
  out[k++] = finish(mixInt(mixInt(seed(T_PREV_TAG_SUFFIX), prevTag + 1), self.suffix));
  out[k++] = finish(mixInt(mixInt(seed(T_AMB_PREV_TAG), self.ambiguity), prevTag + 1));
  return k;
}

/** The key of the sentence's first word (see {@link pairFeatures}). */
export function firstWordFeatures(w: TaggerWord, out: Uint32Array, at: number): number {
  out[at] = finish(mixInt(seed(T_FIRST), w.role));
  return at + 1;
}

/** Keys of the previous word together with its tag (see {@link pairFeatures}). */
export function previousWordByTagFeatures(prev: WordSeeds, prevTag: number, out: Uint32Array, at: number): number {
  out[at] = finish(mixInt(mixInt(seed(T_PREV_CLUSTER), prev.cluster), prevTag + 1));
  return at + 1;
}

/** Definiteness and ending agreement with the previous word, under the previous tag (see {@link pairFeatures}). */
export function agreementFeature(prevAgreement: number, selfAgreement: number, prevTag: number): number {
  return finish(mixInt(mixInt(mixInt(seed(T_AGREE), prevAgreement), selfAgreement), prevTag + 1));
}

/** Number of distinct agreement values of a word ({@link WordSeeds.agreement} is below this, or is the edge value). */
export const AGREEMENT_VALUES = 10;

/** The agreement value of the sentence edge. */
export const EDGE_AGREEMENT = NO_WORD.agreement;

/** Keys pairing the word's ambiguity class with its neighbours' (see {@link pairFeatures}). */
export function ambiguityPairFeatures(self: WordSeeds, prev: WordSeeds, next: WordSeeds, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = finish(mixInt(mixInt(seed(T_AMB_NEXT), self.ambiguity), next.ambiguity));
  out[k++] = finish(mixInt(mixInt(seed(T_AMB_PREV), self.ambiguity), prev.ambiguity));
  return k;
}

/** Index of the largest of `scores[0…n)`. */
export function argmax(scores: Float64Array, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

/** Adds the rows of `keys[from…to)` into `out` (length {@link TAG_COUNT}). */
export function addRows(weights: WeightSource, keys: Uint32Array, from: number, to: number, out: Float64Array): void {
  for (let i = from; i < to; i++) weights.addRow(keys[i], out, 0);
}
