/**
 * The segmenter's candidates and features. A token's candidates are the splits its
 * spelling allows ({@link listSplits}) plus the irregular analyses seen in training for
 * that very token (`عما` → `عن + ما`, `مازال` → `ما + زال`). A linear ranker scores each
 * candidate from hashed features of the token, of the candidate's stem (its frequency in
 * the news, its first and last letters), of the training lexicon and of the neighbouring
 * tokens; the best one wins.
 *
 * The same feature code serves training and run time, so the two cannot drift apart.
 */
import { listSplits, PROCLITIC_CHAINS, SPLIT_LABELS, splitLabel, type Split } from './clitics.js';
import { finish, mixChars, mixInt, mixString, seed } from './hash.js';
import { HIDDEN_ENDINGS } from './restore.js';
import type { WeightSource } from './table.js';
import type { Vocabulary } from './vocabulary.js';

/** An irregular analysis of a token, seen in training: its parts as PADT writes them. */
export interface SpecialAnalysis {
  forms: readonly string[];
  /** Label of the analysis (a hash of its forms), shared by every token that has it. */
  label: number;
}

/** What the segmenter knows about tokens from the training treebank. */
export interface SegmentationLexicon {
  /** How often the normalized token was seen with this label (split label or special label). */
  count(norm: string, label: number): number;
  /** How often the normalized token was seen at all. */
  total(norm: string): number;
  /** Irregular analyses seen for the normalized token. */
  specials(norm: string): readonly SpecialAnalysis[] | undefined;
  /**
   * How foreign `norm[from…to)` looks, as a bucket of `foreign.ts`.
   * Training gives a held-out view here; at run time it is absent and the vocabulary answers.
   */
  foreignness?(norm: string, from: number, to: number): number;
}

/** One candidate analysis of a token. */
export interface Candidate {
  /** A regular split, or undefined for a special analysis. */
  split: Split | undefined;
  special: SpecialAnalysis | undefined;
  /** Split label (`< SPLIT_LABELS`) or special label. */
  label: number;
}

/** Label of a special analysis: a hash of its forms, kept clear of split labels. */
export function specialLabel(forms: readonly string[]): number {
  let h = seed(0x5bec);
  for (const f of forms) h = mixString(h, f);
  return SPLIT_LABELS + (finish(h) % 0x3fffffff);
}

/** Lists a token's candidates: its splits, then its special analyses. */
export function listCandidates(norm: string, lexicon: SegmentationLexicon): Candidate[] {
  const splits: Split[] = [];
  const n = listSplits(norm, splits);
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) out.push({ split: splits[i], special: undefined, label: splitLabel(splits[i]) });
  const specials = lexicon.specials(norm);
  if (specials) for (const sp of specials) out.push({ split: undefined, special: sp, label: sp.label });
  return out;
}

// Feature templates.
const T_BIAS = 1;
const T_WORD = 2;
const T_PREFIX = 3;
const T_SUFFIX = 4;
const T_STEM = 5;
const T_STEM_FIRST = 6;
const T_STEM_LAST = 7;
const T_STEM_LEN = 8;
const T_STEM_FREQ_CHAIN = 9;
const T_STEM_FREQ_ENC = 10;
const T_FREQ_DIFF = 11;
const T_FREQ_PAIR = 12;
const T_LEX = 13;
const T_PREV = 14;
const T_NEXT = 15;
const T_STEM_FIRST2 = 16;
const T_STEM_LAST2 = 17;
const T_WORD_LEN = 18;
const T_RESTORED_FREQ = 19;
const T_TOKEN_CLUSTER = 20;
const T_STEM_CLUSTER = 21;
const T_NEXT_CLUSTER = 22;
const T_FIRST_PERSON = 23;
const T_FOREIGN = 24;

function bucket(x: number): number {
  return x <= 0 ? 0 : x < 1 ? 1 : x < 2 ? 2 : x < 4 ? 3 : x < 8 ? 4 : x < 16 ? 5 : x < 64 ? 6 : 7;
}

const ARTICLE_PREFIX = ['', 'ا', 'ال'];

/**
 * Writes the static (context-free) feature keys of a candidate into `out` from `at`;
 * returns the new end. `norm` is the normalized token.
 */
export function staticFeatures(norm: string, cand: Candidate, vocab: Vocabulary, lexicon: SegmentationLexicon, out: Uint32Array, at: number): number {
  let k = at;
  const len = norm.length;
  const label = cand.label;
  const lexCount = lexicon.count(norm, label);
  const lexTotal = lexicon.total(norm);
  const lexFeature = bucket(lexCount) * 8 + bucket(lexTotal);
  if (cand.split === undefined) {
    out[k++] = finish(mixInt(seed(T_BIAS), label));
    out[k++] = finish(mixInt(mixString(seed(T_WORD), norm), label));
    out[k++] = finish(mixInt(mixInt(seed(T_LEX), lexFeature), 1));
    return k;
  }
  const split = cand.split;
  const chain = split.chain;
  const enc = split.enclitic;
  const encClass = 64 + enc;
  out[k++] = finish(mixInt(seed(T_BIAS), label));
  out[k++] = finish(mixInt(mixString(seed(T_WORD), norm), label));
  out[k++] = finish(mixInt(mixInt(seed(T_WORD_LEN), Math.min(len, 12)), label));
  for (let p = 1; p <= 4 && p < len; p++) out[k++] = finish(mixInt(mixChars(seed(T_PREFIX), norm, 0, p), chain));
  for (let p = 1; p <= 4 && p < len; p++) out[k++] = finish(mixInt(mixChars(seed(T_SUFFIX), norm, len - p, len), encClass));
  const s0 = split.stemStart;
  const s1 = split.stemEnd;
  const stemLen = s1 - s0;
  const article = PROCLITIC_CHAINS[chain].article;
  const kind = (chain !== 0 ? 1 : 0) + (enc !== 0 ? 2 : 0) + (article !== 0 ? 4 : 0);
  if (stemLen > 0) {
    const prefix = ARTICLE_PREFIX[article];
    let h = seed(T_STEM);
    for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
    h = mixChars(h, norm, s0, s1);
    out[k++] = finish(mixInt(h, kind));
    // First letters as written (a restored article is not in the surface).
    out[k++] = finish(mixInt(mixChars(seed(T_STEM_FIRST), norm, s0, s0 + 1), chain));
    if (stemLen >= 2) out[k++] = finish(mixInt(mixChars(seed(T_STEM_FIRST2), norm, s0, s0 + 2), chain));
    out[k++] = finish(mixInt(mixChars(seed(T_STEM_LAST), norm, s1 - 1, s1), encClass));
    if (stemLen >= 2) out[k++] = finish(mixInt(mixChars(seed(T_STEM_LAST2), norm, s1 - 2, s1), encClass));
  }
  out[k++] = finish(mixInt(mixInt(seed(T_STEM_LEN), Math.min(stemLen, 10)), label));
  const stemFreq = stemLen > 0 ? Math.round(vocab.normWithPrefix(ARTICLE_PREFIX[article], norm, s0, s1)) : -1;
  const tokenFreq = Math.round(vocab.norm(norm));
  out[k++] = finish(mixInt(mixInt(seed(T_STEM_FREQ_CHAIN), stemFreq + 1), chain));
  out[k++] = finish(mixInt(mixInt(seed(T_STEM_FREQ_ENC), stemFreq + 1), encClass));
  const diff = Math.max(-8, Math.min(8, stemFreq - tokenFreq));
  out[k++] = finish(mixInt(mixInt(seed(T_FREQ_DIFF), diff + 8), label));
  // Backed-off versions shared by every split of the same kind, for rare clitics (ي, ني, نا).
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_FREQ_DIFF), diff + 8), kind), 0xbac));
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_FREQ_PAIR), Math.min(stemFreq + 1, 20)), Math.min(tokenFreq, 20)), kind));
  if (enc !== 0 && stemLen >= 2) {
    // The stem as PADT would spell it before the suffix (خبرتي → خبرة + ي) may be far more common than as written.
    const hidden = HIDDEN_ENDINGS[norm[s1 - 1]];
    if (hidden !== undefined) {
      const restoredFreq = Math.round(vocab.normWithPrefix(ARTICLE_PREFIX[article], norm, s0, s1 - 1, hidden));
      const restoredDiff = Math.max(-8, Math.min(8, restoredFreq - tokenFreq)) + 8;
      out[k++] = finish(mixInt(mixInt(mixInt(seed(T_RESTORED_FREQ), Math.min(restoredFreq, 20)), restoredDiff), encClass));
      out[k++] = finish(mixInt(mixInt(seed(T_RESTORED_FREQ), restoredDiff), kind));
    }
  }
  // PADT leaves a token whole when its analyser did not know the word (a foreign name: وساندون).
  const foreign = stemLen < 2 ? -1 : lexicon.foreignness ? lexicon.foreignness(norm, s0, s1) : vocab.foreignness(norm, s0, s1);
  out[k++] = finish(mixInt(mixInt(seed(T_FOREIGN), foreign + 1), chain));
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_FOREIGN), foreign + 1), Math.min(stemFreq + 1, 16) >> 2), kind));
  out[k++] = finish(mixInt(mixInt(seed(T_LEX), lexFeature), label === 0 ? 2 : 3));
  // Distributional clusters from the news: a foreign name glued to و stays a name (وجونز), a common stem keeps its cluster.
  const tokenCluster = vocab.cluster(norm);
  out[k++] = finish(mixInt(mixInt(seed(T_TOKEN_CLUSTER), tokenCluster + 1), label));
  if (stemLen >= 2 && article === 0) out[k++] = finish(mixInt(mixInt(mixInt(seed(T_STEM_CLUSTER), vocab.cluster(norm, s0, s1) + 1), kind), tokenCluster < 0 ? 0 : 1));
  return k;
}

/** Hash seeds of the neighbouring tokens, computed once per token. */
export interface ContextSeeds {
  prev: number;
  next: number;
  /** The next token's {@link Vocabulary.coarseCluster} (0: none), or {@link SENTENCE_END_CLUSTER}. */
  nextCluster: number;
  /** 1 when another token of the sentence is a first-person word ({@link isFirstPersonMarker}), else 0. */
  firstPerson: number;
}

/**
 * First-person function words, normalized. News is written in the third person, so the
 * suffixes `ي` and `نا` are rare and easily confused with a nisba (`اسلوبي`) or an
 * accusative ending (`الوانا`); in a quoted first-person passage they are ten times more
 * likely (PADT train: 25% of the tokens that could end in one are split so when the
 * sentence has one of these words, 2.5% otherwise).
 */
const FIRST_PERSON_MARKERS = new Set([
  'انا', 'نحن', 'انني', 'اننا', 'اني', 'لي', 'لنا', 'بي', 'بنا', 'مني', 'منا', 'معي', 'معنا',
  'عندي', 'عندنا', 'لدي', 'لدينا', 'علينا', 'فينا', 'الينا', 'نفسي',
]);

/** Whether a normalized token is one of the first-person function words above. */
export function isFirstPersonMarker(norm: string | undefined): boolean {
  return norm !== undefined && FIRST_PERSON_MARKERS.has(norm);
}

/**
 * Writes {@link ContextSeeds.firstPerson} for tokens `0…n)` of a sentence into `out`, given
 * which tokens are first-person words: 1 when some *other* token is one (a token never counts
 * for itself). Returns whether any token is one, so that a caller may skip the usual case.
 */
export function markFirstPerson(n: number, isMarker: (i: number) => boolean, out: Uint8Array): boolean {
  let markers = 0;
  for (let i = 0; i < n; i++) if (isMarker(i)) markers++;
  if (markers === 0) {
    out.fill(0, 0, n);
    return false;
  }
  for (let i = 0; i < n; i++) out[i] = markers - (isMarker(i) ? 1 : 0) > 0 ? 1 : 0;
  return true;
}

/** {@link markFirstPerson} from the tokens' normalized forms (undefined for tokens that are not words). */
export function firstPersonContext(norms: readonly (string | undefined)[], out: Uint8Array = new Uint8Array(norms.length)): Uint8Array {
  markFirstPerson(norms.length, (i) => isFirstPersonMarker(norms[i]), out);
  return out;
}

/** {@link ContextSeeds.nextCluster} at the end of a sentence: clear of every coarse cluster. */
export const SENTENCE_END_CLUSTER = 0x3f;

/** Seed of a token seen as the previous token of another (`undefined`: sentence start). */
export function asPreviousSeed(norm: string | undefined): number {
  return norm === undefined ? seed(T_PREV) : mixString(seed(T_PREV), norm);
}

/** Seed of a token seen as the next token of another (`undefined`: sentence end). */
export function asNextSeed(norm: string | undefined): number {
  return norm === undefined ? seed(T_NEXT) : mixString(seed(T_NEXT), norm);
}

/** Seeds for the neighbouring tokens' normalized forms (`undefined` at the edges). */
export function contextSeeds(prev: string | undefined, next: string | undefined, vocab: Vocabulary, firstPerson = 0): ContextSeeds {
  return { prev: asPreviousSeed(prev), next: asNextSeed(next), nextCluster: next === undefined ? SENTENCE_END_CLUSTER : vocab.coarseCluster(next), firstPerson };
}

/** Writes the context feature keys of a candidate into `out` from `at`; returns the new end. */
export function contextFeatures(cand: Candidate, ctx: ContextSeeds, out: Uint32Array, at: number): number {
  let k = at;
  if (cand.split === undefined) {
    out[k++] = finish(mixInt(ctx.prev, cand.label));
    out[k++] = finish(mixInt(ctx.next, cand.label));
    // Whether فيما is one word (فيما أكد) or في + ما (في ما يتعلق) turns on the next word,
    // which the treebank has mostly not seen after it; its broad news cluster generalizes.
    out[k++] = finish(mixInt(mixInt(seed(T_NEXT_CLUSTER), ctx.nextCluster), cand.label));
    return k;
  }
  const chain = cand.split.chain;
  const encClass = 64 + cand.split.enclitic;
  out[k++] = finish(mixInt(ctx.prev, chain));
  out[k++] = finish(mixInt(ctx.next, chain));
  out[k++] = finish(mixInt(ctx.prev, encClass));
  out[k++] = finish(mixInt(ctx.next, encClass));
  out[k++] = finish(mixInt(mixInt(seed(T_FIRST_PERSON), cand.split.enclitic), ctx.firstPerson));
  return k;
}

/** Upper bound on the number of feature keys of one candidate. */
export const MAX_CANDIDATE_FEATURES = 40;

/** Sums the weights of `keys[from…to)` (a width-1 table). */
export function sumWeights(weights: WeightSource, keys: Uint32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += weights.weight(keys[i], 0);
  return s;
}

/** Scratch space for scoring candidates, reusable across tokens. */
export class CandidateScorer {
  readonly keys = new Uint32Array(MAX_CANDIDATE_FEATURES * 64);
  /** Start offset of each candidate's keys in {@link keys}; `starts[i+1]` is its end. */
  readonly starts = new Int32Array(65);
  readonly scores = new Float64Array(64);

  /**
   * Writes every candidate's feature keys and scores them with `weights`; returns the index
   * of the best candidate. At most 64 candidates are considered.
   */
  score(norm: string, cands: readonly Candidate[], ctx: ContextSeeds, weights: WeightSource, vocab: Vocabulary, lexicon: SegmentationLexicon): number {
    let at = 0;
    let best = 0;
    const n = Math.min(cands.length, 64);
    for (let i = 0; i < n; i++) {
      this.starts[i] = at;
      at = staticFeatures(norm, cands[i], vocab, lexicon, this.keys, at);
      at = contextFeatures(cands[i], ctx, this.keys, at);
      const s = sumWeights(weights, this.keys, this.starts[i], at);
      this.scores[i] = s;
      if (s > this.scores[best]) best = i;
    }
    this.starts[n] = at;
    return best;
  }
}
