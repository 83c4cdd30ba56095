/**
 * The run-time UPOS tagging loop: greedy left-to-right decoding of the perceptron in
 * `tagger.ts`, with everything that depends on one word only cached (as spaCy caches
 * lexemes); and the second opinion of a right-to-left model on the words the first pass is
 * unsure of (see {@link secondOpinion}).
 *
 * What is cached, per engine: the static tag scores of a word template, its scores under
 * each previous tag (its own row added in), what a normalized word contributes to its
 * neighbours' scores (as previous, before-previous, next, after-next word) and, per tag, as
 * the previous word; tag transitions and agreement come from small dense tables. The sum
 * over the 17 tags thus reads seven rows; only the two ambiguity-pair features are looked
 * up per occurrence.
 */
import type { WeightSource } from './table.js';
import {
  AGREEMENT_VALUES,
  agreementFeature,
  ambiguityPairFeatures,
  argmax,
  contextWordFeatures,
  EDGE_AGREEMENT,
  firstWordFeatures,
  MAX_WORD_FEATURES,
  type Neighbour,
  neighbourFeatures,
  noNeighbour,
  previousWordByTagFeatures,
  selfByPreviousTagFeatures,
  staticWordFeatures,
  TAG_COUNT,
  type TaggerWord,
  transitionFeatures,
  type WordSeeds,
  wordSeeds,
} from './tagger.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What the tagger keeps per distinct normalized word, shared by every word template with
 * that spelling: the context seeds and the rows it contributes to its neighbours' scores
 * depend on the normalized form only, so `و` of `والعراق` and of `وقال` share them.
 */
export interface NormInfo {
  seeds: WordSeeds;
  /** Arena offset of the four neighbour contributions (as previous, before-previous, next, after-next word). */
  neighbourAt: number;
  /** Row of this word in the table of contributions as previous word by tag. */
  id: number;
}

/** A word to tag, with the caches the analyzer keeps on its templates. */
export interface CachedTaggerWord extends TaggerWord {
  /** Offset of the static part of the tag scores in the tagger's score arena, or -1. */
  tagAt: number;
  /** Row of this word in the tagger's table of scores by previous tag, -1 until tagged once. */
  slot: number;
  info: NormInfo | undefined;
}

const T = TAG_COUNT + 1;
const NO_WORD = noNeighbour();
/** Bound on the per-word score rows (TAG_COUNT floats each) before the caches are dropped: about 270 MB. */
const ROW_LIMIT = 4_000_000;

/** An Int32Array at least `n` long holding `a`'s values, new cells set to `fill`. */
function ensureLength(a: Int32Array<ArrayBuffer>, n: number, fill: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  let len = a.length * 2;
  while (len < n) len *= 2;
  const b = new Int32Array(len);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** Greedy left-to-right tagging with one weight table, and its caches. */
export class GreedyTagger {
  private readonly keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  private readonly scores = new Float64Array(TAG_COUNT);
  /** Static tag scores and neighbour contributions of every cached word, TAG_COUNT apiece; starts with the sentence-edge contributions. */
  private arena = new Float32Array(TAG_COUNT * 65536);
  private arenaUsed = 0;
  /** Offset of the sentence-edge neighbour contributions (the first block of the arena). */
  private edgeAt = 0;
  /** Dense tag-transition scores (both transition features): `[(prevTag + 1) * (TAG_COUNT + 1) + prev2Tag + 1]`, TAG_COUNT apiece. */
  private readonly transition2: Float64Array;
  /** Dense agreement scores: `[((prevAgreement * AGREEMENT_VALUES) + selfAgreement) * (TAG_COUNT + 1) + prevTag + 1]`, TAG_COUNT apiece (prevAgreement AGREEMENT_VALUES: the sentence edge). */
  private readonly agreement: Float64Array;
  /** Offset of the sentence-start contribution of the missing previous word (tag -1) in the arena. */
  private edgePreviousAt = 0;
  /** Arena offsets of each template's scores under each previous tag: `[slot * (TAG_COUNT + 1) + prevTag + 1]`, -1 until needed. */
  private byPrevious = new Int32Array(T * 16384).fill(-1);
  private slots = 0;
  /** Arena offsets of what a word contributes to the next word's scores once it has tag t: `[info.id * TAG_COUNT + t]`, -1 until needed. */
  private asPrevious = new Int32Array(TAG_COUNT * 16384).fill(-1);
  // Per-sentence scratch, grown as needed: the tags, and what the tag loop reads of each word.
  private tags = new Int8Array(256);
  private wordNeighbour = new Int32Array(256);
  private wordSlot = new Int32Array(256);
  private wordNorm = new Int32Array(256);
  private wordAgreement = new Int32Array(256);
  private wordSeedsOf: WordSeeds[] = [];

  constructor(
    private readonly weights: WeightSource,
    private readonly vocab: Vocabulary,
  ) {
    this.transition2 = new Float64Array(T * T * TAG_COUNT);
    const keys = new Uint32Array(4);
    for (let p = -1; p < TAG_COUNT; p++) {
      for (let p2 = -1; p2 < TAG_COUNT; p2++) {
        transitionFeatures(p, p2, keys, 0);
        // Each row holds both transition features, so the inner loop reads one table.
        weights.addRow(keys[0], this.transition2, ((p + 1) * T + p2 + 1) * TAG_COUNT);
        weights.addRow(keys[1], this.transition2, ((p + 1) * T + p2 + 1) * TAG_COUNT);
      }
    }
    this.agreement = new Float64Array((AGREEMENT_VALUES + 1) * AGREEMENT_VALUES * T * TAG_COUNT);
    for (let pa = 0; pa <= AGREEMENT_VALUES; pa++) {
      for (let sa = 0; sa < AGREEMENT_VALUES; sa++) {
        for (let p = -1; p < TAG_COUNT; p++) {
          const key = agreementFeature(pa === AGREEMENT_VALUES ? EDGE_AGREEMENT : pa, sa, p);
          weights.addRow(key, this.agreement, ((pa * AGREEMENT_VALUES + sa) * T + p + 1) * TAG_COUNT);
        }
      }
    }
    this.reserveEdge();
  }

  /** Whether the caches have reached their bounds (the analyzer then drops every template). */
  get full(): boolean {
    return this.arenaUsed >= ROW_LIMIT * TAG_COUNT || this.slots >= ROW_LIMIT;
  }

  /** Drops every cached row; templates must be dropped with them. */
  reset(): void {
    this.byPrevious.fill(-1);
    this.slots = 0;
    this.asPrevious.fill(-1);
    this.reserveEdge();
  }

  /** Makes room for normalized-word ids below `count`. */
  reserveNorms(count: number): void {
    this.asPrevious = ensureLength(this.asPrevious, count * TAG_COUNT, -1);
  }

  /** Puts the sentence-edge neighbour contributions at the start of the arena. */
  private reserveEdge(): void {
    this.arenaUsed = 0;
    this.edgeAt = this.neighbourBlock(NO_WORD);
    this.scores.fill(0);
    const n = previousWordByTagFeatures(NO_WORD, -1, this.keys, 0);
    for (let k = 0; k < n; k++) this.weights.addRow(this.keys[k], this.scores, 0);
    // The sentence start as the previous word: its neighbour row and its row under tag -1, summed.
    for (let t = 0; t < TAG_COUNT; t++) this.scores[t] += this.arena[this.edgeAt + t];
    this.edgePreviousAt = this.store(this.scores);
  }

  /** Sums the rows of `keys[0…n)`, plus the arena block at `base` if not negative, into a new arena block; returns its offset. */
  private storeKeys(n: number, base = -1): number {
    const scores = this.scores;
    scores.fill(0);
    if (base >= 0) for (let t = 0; t < TAG_COUNT; t++) scores[t] = this.arena[base + t];
    for (let k = 0; k < n; k++) this.weights.addRow(this.keys[k], scores, 0);
    return this.store(scores);
  }

  /** Stores the four neighbour contributions of a word (as previous, before-previous, next, after-next); returns their offset. */
  neighbourBlock(seeds: WordSeeds): number {
    const at = this.arenaUsed;
    const scores = this.scores;
    const keys = this.keys;
    for (let which = 0; which < 4; which++) {
      scores.fill(0);
      const n = neighbourFeatures(seeds, which as Neighbour, keys, 0);
      for (let k = 0; k < n; k++) this.weights.addRow(keys[k], scores, 0);
      this.store(scores);
    }
    return at;
  }

  /** Keeps a row of tag scores in the arena; returns its offset. */
  private store(scores: Float64Array): number {
    if (this.arenaUsed + TAG_COUNT > this.arena.length) {
      const bigger = new Float32Array(this.arena.length * 2);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    const at = this.arenaUsed;
    const arena = this.arena;
    for (let t = 0; t < TAG_COUNT; t++) arena[at + t] = scores[t];
    this.arenaUsed += TAG_COUNT;
    return at;
  }

  /** Gets each word's cached rows ready and copies what the tag loop reads into flat arrays. `words[i].info` must be set. */
  private prepare(words: readonly CachedTaggerWord[], n: number): void {
    if (this.tags.length < n) {
      let len = this.tags.length * 2;
      while (len < n) len *= 2;
      this.tags = new Int8Array(len);
      this.wordNeighbour = new Int32Array(len);
      this.wordSlot = new Int32Array(len);
      this.wordNorm = new Int32Array(len);
      this.wordAgreement = new Int32Array(len);
    }
    const scores = this.scores;
    const keys = this.keys;
    const weights = this.weights;
    const seedsOf = this.wordSeedsOf;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      const info = w.info as NormInfo;
      if (w.tagAt < 0) {
        scores.fill(0);
        const m = staticWordFeatures(w, this.vocab, keys, 0);
        for (let k = 0; k < m; k++) weights.addRow(keys[k], scores, 0);
        w.tagAt = this.store(scores);
      }
      if (w.slot < 0) {
        w.slot = this.slots++;
        this.byPrevious = ensureLength(this.byPrevious, this.slots * T, -1);
      }
      const seeds = info.seeds;
      seedsOf[i] = seeds;
      this.wordNeighbour[i] = info.neighbourAt;
      this.wordSlot[i] = w.slot * T;
      this.wordNorm[i] = info.id * TAG_COUNT;
      this.wordAgreement[i] = seeds.agreement;
    }
  }

  /**
   * Greedy left-to-right tagging of `words[0…n)`. Returns the tags (a buffer reused by the
   * next call); when `scoresOut` is given, also writes each word's tag scores into
   * `scoresOut[i * TAG_COUNT …]`.
   */
  tag(words: readonly CachedTaggerWord[], n: number, scoresOut?: Float64Array): Int8Array {
    this.prepare(words, n);
    const weights = this.weights;
    const tags = this.tags;
    const scores = this.scores;
    const keys = this.keys;
    const seedsOf = this.wordSeedsOf;
    const nb = this.wordNeighbour;
    const slot = this.wordSlot;
    const nid = this.wordNorm;
    const agr = this.wordAgreement;
    const edge = this.edgeAt;
    const transition2 = this.transition2;
    const agreement = this.agreement;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      // Cached rows: the word's own under the previous tag, the previous word's under its tag.
      const bp = slot[i] + prev + 1;
      let sp = this.byPrevious[bp];
      // Holds the word's static row too.
      if (sp < 0) sp = this.byPrevious[bp] = this.storeKeys(selfByPreviousTagFeatures(seedsOf[i], prev, keys, 0), words[i].tagAt);
      let pc = this.edgePreviousAt;
      if (i > 0) {
        const ap = nid[i - 1] + prev;
        pc = this.asPrevious[ap];
        // Holds the previous word's neighbour row too.
        if (pc < 0) pc = this.asPrevious[ap] = this.storeKeys(previousWordByTagFeatures(seedsOf[i - 1], prev, keys, 0), nb[i - 1]);
      }
      // storeKeys may have grown the arena: read it afterwards.
      const arena = this.arena;
      const p2 = (i > 1 ? nb[i - 2] : edge) + 1 * TAG_COUNT;
      const n1 = (i + 1 < n ? nb[i + 1] : edge) + 2 * TAG_COUNT;
      const n2 = (i + 2 < n ? nb[i + 2] : edge) + 3 * TAG_COUNT;
      const t2 = ((prev + 1) * T + prev2 + 1) * TAG_COUNT;
      const selfAgreement = agr[i];
      const pa = i > 0 ? agr[i - 1] : AGREEMENT_VALUES;
      const ag = ((pa * AGREEMENT_VALUES + selfAgreement) * T + prev + 1) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        scores[t] =
          arena[sp + t] + arena[pc + t] + arena[p2 + t] + arena[n1 + t] + arena[n2 + t] + transition2[t2 + t] + agreement[ag + t];
      }
      let m = ambiguityPairFeatures(seedsOf[i], i > 0 ? seedsOf[i - 1] : NO_WORD, i + 1 < n ? seedsOf[i + 1] : NO_WORD, keys, 0);
      if (i === 0) m = firstWordFeatures(words[i], keys, m);
      for (let k = 0; k < m; k++) weights.addRow(keys[k], scores, 0);
      const t = argmax(scores, TAG_COUNT);
      tags[i] = t;
      if (scoresOut !== undefined) for (let u = 0, at = i * TAG_COUNT; u < TAG_COUNT; u++) scoresOut[at + u] = scores[u];
      prev2 = prev;
      prev = t;
    }
    return tags;
  }
}

/**
 * How unsure the left-to-right pass must be of a word (best minus second-best score) for
 * the right-to-left model to be asked. On PADT dev gold words, asking below 8 (2.4% of the
 * words) gives all the gain of asking on every word (96.72 against 96.55); 16 (4.9%) gives
 * no more and costs about a seventh of the stage's warm speed; 4 gives 96.65.
 */
export const SECOND_OPINION_MARGIN = 8;

/**
 * The right-to-left model's tag scores for word `i`, added into `out`. That model was
 * trained on reversed sentences, so it reads the words after `i` as its previous ones; their
 * tags are taken from the left-to-right pass (`tags`) instead of from a right-to-left pass of
 * its own, which on PADT dev gold words gives the same accuracy as the full second pass
 * (96.72) at a fraction of its cost. `reversed` and `reversedSeeds` are the sentence's words
 * and seeds in reverse order; `staticRow` is the word's {@link staticScores} under `weights`,
 * which a caller may cache.
 */
export function secondOpinion(
  reversed: readonly TaggerWord[],
  reversedSeeds: readonly WordSeeds[],
  i: number,
  tags: ArrayLike<number>,
  vocab: Vocabulary,
  weights: WeightSource,
  keys: Uint32Array,
  out: Float64Array,
  staticRow: Float64Array = staticScores(reversed[reversed.length - 1 - i], vocab, weights, keys),
): void {
  const n = reversed.length;
  const j = n - 1 - i;
  const prev = i + 1 < n ? tags[i + 1] : -1;
  const prev2 = i + 2 < n ? tags[i + 2] : -1;
  for (let t = 0; t < TAG_COUNT; t++) out[t] += staticRow[t];
  const m = contextWordFeatures(reversedSeeds, reversed, j, prev, prev2, keys, 0);
  for (let k = 0; k < m; k++) weights.addRow(keys[k], out, 0);
}

/** The sum of a word's static feature rows under `weights` (what does not depend on its context). */
export function staticScores(word: TaggerWord, vocab: Vocabulary, weights: WeightSource, keys: Uint32Array): Float64Array {
  const out = new Float64Array(TAG_COUNT);
  const m = staticWordFeatures(word, vocab, keys, 0);
  for (let k = 0; k < m; k++) weights.addRow(keys[k], out, 0);
  return out;
}

/** The gap between the best and the second-best of `scores[at…at+TAG_COUNT)`. */
export function scoreMargin(scores: ArrayLike<number>, at: number): number {
  let best = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < TAG_COUNT; t++) {
    const v = scores[at + t];
    if (v > best) {
      second = best;
      best = v;
    } else if (v > second) second = v;
  }
  return best - second;
}

/**
 * The straightforward greedy tagger: every feature of every word hashed and looked up,
 * nothing cached. Returns each word's tag scores along the greedy path. {@link GreedyTagger}
 * computes the same scores faster and must agree with this tag for tag (tested).
 */
export function greedyTagScores(words: readonly TaggerWord[], vocab: Vocabulary, weights: WeightSource): Float64Array[] {
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  const seeds = words.map((w) => wordSeeds(w, vocab));
  const out: Float64Array[] = [];
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < words.length; i++) {
    let n = staticWordFeatures(words[i], vocab, keys, 0);
    n = contextWordFeatures(seeds, words, i, prev, prev2, keys, n);
    const scores = new Float64Array(TAG_COUNT);
    for (let k = 0; k < n; k++) weights.addRow(keys[k], scores, 0);
    out.push(scores);
    prev2 = prev;
    prev = argmax(scores, TAG_COUNT);
  }
  return out;
}

/**
 * The tags the analyzer gives `words`, the straightforward way: the left-to-right pass,
 * then, where it is unsure and there is a right-to-left model, the sum of both models' scores.
 */
export function referenceTags(words: readonly TaggerWord[], vocab: Vocabulary, forward: WeightSource, backward?: WeightSource): number[] {
  const scores = greedyTagScores(words, vocab, forward);
  const tags = scores.map((s) => argmax(s, TAG_COUNT));
  if (backward === undefined) return tags;
  const reversed = [...words].reverse();
  const reversedSeeds = reversed.map((w) => wordSeeds(w, vocab));
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  return scores.map((s, i) => {
    if (scoreMargin(s, 0) >= SECOND_OPINION_MARGIN) return tags[i];
    const sum = Float64Array.from(s);
    secondOpinion(reversed, reversedSeeds, i, tags, vocab, backward, keys, sum);
    return argmax(sum, TAG_COUNT);
  });
}
