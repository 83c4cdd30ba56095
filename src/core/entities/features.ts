/**
 * Feature extraction for the NER sequence model.
 *
 * Every feature is a 32-bit integer: a template id combined with the hash of its value
 * (`combine(template, value)`), computed from the tokens' normalized forms without building
 * strings. Training and run time call this same code on `normalize()`d forms, so they agree.
 *
 * Per token the extractor looks at: the word, its clitic-stripped forms (conjunction and
 * preposition off; then the article off too), prefixes and suffixes, shape and length, the
 * words two to the left and right, word clusters at three granularities for the token and
 * its neighbours, gazetteer matches with their class, position and length, and trigger
 * words (titles, organization and place heads) nearby.
 */
import { HASH_SEED, combine, finalizeHash, hashString, hashUpdate } from './hash.js';
import { procliticsPacked } from './clitics.js';
import type { ExtraFeatures } from './context.js';
import { LABEL_COUNT } from './labels.js';
import { type NerWeights, addWeights } from './model.js';
import { GAZETTEER_CLASS_COUNT, LEX, type NerLexicon, type WordClusters, lexiconFlags } from './resources.js';

/** Feature template ids. Changing one changes every feature hash: retrain after editing. */
const enum T {
  Bias = 1,
  W0,
  Wm1,
  Wp1,
  Wm2,
  Wp2,
  K0,
  A0,
  Am1,
  Ap1,
  BiM1,
  BiP1,
  Pre2,
  Pre3,
  Suf1,
  Suf2,
  Suf3,
  Clitic,
  Shape0,
  ShapeWin,
  Len,
  Cl0,
  Cl1,
  Cl2,
  ClM1a,
  ClP1a,
  ClM1b,
  ClP1b,
  TrigM1,
  TrigM2,
  Trig0,
  TrigP1,
  GazB,
  GazI,
  GazNext,
  GazPrev,
  First,
  A0TrigM1,
  Cl1Wm1,
  Tri,
  ClPair,
  ClPairNext,
}

/** Resources the extractor reads; both are optional so that a model can be trained without them. */
export interface FeatureResources {
  lexicon?: NerLexicon;
  clusters?: WordClusters;
}

/** Features of a sentence: token `i` has `keys[offsets[i] .. offsets[i+1])`. */
export interface SentenceFeatures {
  keys: Uint32Array;
  offsets: Int32Array;
  length: number;
}

/** Number of features at the start of each token's list that identify the token itself (word, stripped forms, bigrams). */
export const IDENTITY_FEATURES = 5;

/** Longest gazetteer match the extractor follows, in tokens. */
const MAX_GAZ = 8;
const BOS = 0x5eed0001;
const EOS = 0x5eed0002;
const AL_STATE = hashUpdate(HASH_SEED, 'ال');

const enum Shape {
  Arabic = 1,
  Latin,
  Digits,
  Numeric,
  Punct,
  Mixed,
  Empty,
}

function shapeOf(s: string): number {
  if (s.length === 0) return Shape.Empty;
  let ar = 0;
  let la = 0;
  let dg = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) dg++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) la++;
    else if (c >= 0x0600 && c <= 0x06ff) ar++;
    else other++;
  }
  if (ar === s.length) return Shape.Arabic;
  if (la === s.length) return Shape.Latin;
  if (dg === s.length) return Shape.Digits;
  if (dg > 0 && ar === 0 && la === 0) return Shape.Numeric;
  if (other === s.length) return Shape.Punct;
  return Shape.Mixed;
}

function lengthBucket(n: number): number {
  return n <= 4 ? n : n <= 6 ? 5 : n <= 9 ? 6 : 7;
}

/**
 * A reusable extractor: buffers grow to the longest sentence seen and are reused, so
 * extraction allocates nothing in steady state. Not reentrant; the returned features are
 * overwritten by the next call.
 */
export class FeatureExtractor {
  private readonly lexicon?: NerLexicon;
  private readonly clusters?: WordClusters;
  private cap = 0;
  private wh = new Uint32Array(0);
  private kh = new Uint32Array(0);
  private ah = new Uint32Array(0);
  private pk = new Int32Array(0);
  private shape = new Int32Array(0);
  private trig = new Int32Array(0);
  private cl = new Uint16Array(0);
  private gazStart = new Uint8Array(0);
  private gazIn = new Int32Array(0);
  private gazStartMask = new Int32Array(0);
  private keys = new Uint32Array(0);
  private offsets = new Int32Array(0);
  private readonly levels: number;
  private readonly trigrams: boolean;
  private readonly clusterPairs: boolean;

  constructor(resources: FeatureResources = {}, options: { trigrams?: boolean; clusterPairs?: boolean } = {}) {
    this.trigrams = options.trigrams ?? true;
    this.clusterPairs = options.clusterPairs ?? false;
    this.lexicon = resources.lexicon;
    this.clusters = resources.clusters;
    this.levels = resources.clusters?.levels ?? 0;
  }

  private grow(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.cap = cap;
    this.wh = new Uint32Array(cap);
    this.kh = new Uint32Array(cap);
    this.ah = new Uint32Array(cap);
    this.pk = new Int32Array(cap);
    this.shape = new Int32Array(cap);
    this.trig = new Int32Array(cap);
    this.cl = new Uint16Array(cap * Math.max(1, this.levels));
    this.gazStart = new Uint8Array(cap * GAZETTEER_CLASS_COUNT);
    this.gazIn = new Int32Array(cap);
    this.gazStartMask = new Int32Array(cap);
    this.keys = new Uint32Array(cap * 80);
    this.offsets = new Int32Array(cap + 1);
  }

  /** Extracts the features of one sentence, given its tokens' normalized forms. */
  extract(norms: readonly string[], extra?: ExtraFeatures): SentenceFeatures {
    const n = norms.length;
    this.grow(n);
    const { wh, kh, ah, pk, shape, trig, cl, levels } = this;
    for (let i = 0; i < n; i++) {
      const s = norms[i];
      const w = hashString(s);
      wh[i] = w;
      const p = procliticsPacked(s);
      pk[i] = p;
      const prepEnd = (p >> 2) & 3;
      const stemStart = (p >> 4) & 15;
      const art = (p >> 8) & 3;
      kh[i] = prepEnd === 0 ? w : art === 2 ? finalizeHash(hashUpdate(AL_STATE, s, stemStart)) : hashString(s, prepEnd);
      ah[i] = stemStart === 0 ? w : hashString(s, stemStart);
      shape[i] = shapeOf(s);
      let flags = 0;
      if (this.lexicon) {
        flags = lexiconFlags(this.lexicon, combine(0x2545f491, w));
        if (kh[i] !== w) flags |= lexiconFlags(this.lexicon, combine(0x2545f491, kh[i])) & LEX.triggerMask;
      }
      trig[i] = (flags & LEX.triggerMask) >>> 16;
      if (this.clusters) {
        const c = this.clusters;
        let slot = c.index.find(w);
        if (slot < 0 && kh[i] !== w) slot = c.index.find(kh[i]);
        for (let l = 0; l < levels; l++) cl[i * levels + l] = slot < 0 ? 0 : c.ids[slot * levels + l];
      }
    }
    this.matchGazetteers(n);
    return this.emit(norms, n, extra);
  }

  /** Marks, per token, the longest gazetteer match of each class starting there and the classes covering it. */
  private matchGazetteers(n: number): void {
    const { gazStart, gazIn, gazStartMask, wh, kh, ah } = this;
    gazStart.fill(0, 0, n * GAZETTEER_CLASS_COUNT);
    gazIn.fill(0, 0, n);
    gazStartMask.fill(0, 0, n);
    const lex = this.lexicon;
    if (!lex) return;
    for (let i = 0; i < n; i++) {
      for (let v = 0; v < 3; v++) {
        const first = v === 0 ? wh[i] : v === 1 ? kh[i] : ah[i];
        if (v === 1 && first === wh[i]) continue;
        if (v === 2 && (first === kh[i] || first === wh[i])) continue;
        let h = combine(0x2545f491, first);
        for (let j = i; j < n && j - i < MAX_GAZ; j++) {
          if (j > i) h = combine(h, wh[j]);
          const slot = lex.index.find(h);
          if (slot < 0) break;
          const f = lex.flags[slot];
          const classes = f & LEX.classMask;
          if (classes !== 0) {
            const len = j - i + 1;
            for (let t = 0; t < GAZETTEER_CLASS_COUNT; t++) {
              if (classes & (1 << t) && gazStart[i * GAZETTEER_CLASS_COUNT + t] < len) gazStart[i * GAZETTEER_CLASS_COUNT + t] = len;
            }
          }
          if ((f & LEX.prefix) === 0) break;
        }
      }
      for (let t = 0; t < GAZETTEER_CLASS_COUNT; t++) {
        const len = gazStart[i * GAZETTEER_CLASS_COUNT + t];
        if (len === 0) continue;
        gazStartMask[i] |= 1 << t;
        for (let k = i + 1; k < i + len; k++) gazIn[k] |= 1 << t;
      }
    }
  }

  private emit(norms: readonly string[], n: number, extra?: ExtraFeatures): SentenceFeatures {
    const { wh, kh, ah, pk, shape, trig, cl, levels, gazStart, gazIn, gazStartMask } = this;
    let keys = this.keys;
    const offsets = this.offsets;
    let at = 0;
    const l1 = levels > 1 ? 1 : 0;
    const l2 = levels > 2 ? 2 : l1;
    for (let i = 0; i < n; i++) {
      const extraCount = extra ? extra.offsets[i + 1] - extra.offsets[i] : 0;
      if (keys.length < at + 80 + extraCount) {
        const bigger = new Uint32Array(keys.length * 2 + extraCount);
        bigger.set(keys);
        keys = this.keys = bigger;
      }
      offsets[i] = at;
      const s = norms[i];
      const len = s.length;
      const wm1 = i > 0 ? wh[i - 1] : BOS;
      const wp1 = i + 1 < n ? wh[i + 1] : EOS;
      const wm2 = i > 1 ? wh[i - 2] : BOS;
      const wp2 = i + 2 < n ? wh[i + 2] : EOS;
      // The token's own identity features come first (positions 0‥IDENTITY_FEATURES-1), so
      // that training can drop them to make the model lean on features that generalize.
      keys[at++] = combine(T.W0, wh[i]);
      keys[at++] = combine(T.K0, kh[i]);
      keys[at++] = combine(T.A0, ah[i]);
      keys[at++] = combine(combine(T.BiM1, wm1), wh[i]);
      keys[at++] = combine(combine(T.BiP1, wh[i]), wp1);
      keys[at++] = combine(T.Bias, 0);
      keys[at++] = combine(T.Wm1, wm1);
      keys[at++] = combine(T.Wp1, wp1);
      keys[at++] = combine(T.Wm2, wm2);
      keys[at++] = combine(T.Wp2, wp2);
      keys[at++] = combine(T.Am1, i > 0 ? ah[i - 1] : BOS);
      keys[at++] = combine(T.Ap1, i + 1 < n ? ah[i + 1] : EOS);
      const stemStart = (pk[i] >> 4) & 15;
      if (len - stemStart >= 2) keys[at++] = combine(T.Pre2, hashString(s, stemStart, stemStart + 2));
      if (len - stemStart >= 3) keys[at++] = combine(T.Pre3, hashString(s, stemStart, stemStart + 3));
      if (len >= 1) keys[at++] = combine(T.Suf1, hashString(s, len - 1, len));
      if (len >= 2) keys[at++] = combine(T.Suf2, hashString(s, len - 2, len));
      if (len >= 3) keys[at++] = combine(T.Suf3, hashString(s, len - 3, len));
      keys[at++] = combine(T.Clitic, pk[i] & 0x30f);
      keys[at++] = combine(T.Shape0, shape[i]);
      keys[at++] = combine(T.ShapeWin, (i > 0 ? shape[i - 1] : 0) | (shape[i] << 4) | ((i + 1 < n ? shape[i + 1] : 0) << 8));
      keys[at++] = combine(T.Len, lengthBucket(len - stemStart));
      if (this.trigrams) {
        const stop = Math.min(len, stemStart + 14) - 2;
        for (let j = stemStart; j < stop; j++) keys[at++] = combine(T.Tri, hashString(s, j, j + 3));
      }
      if (i === 0) keys[at++] = combine(T.First, shape[i]);
      if (levels > 0) {
        keys[at++] = combine(T.Cl0, cl[i * levels]);
        keys[at++] = combine(T.Cl1, cl[i * levels + l1]);
        keys[at++] = combine(T.Cl2, cl[i * levels + l2]);
        keys[at++] = combine(T.ClM1a, i > 0 ? cl[(i - 1) * levels + l1] : 0xffff);
        keys[at++] = combine(T.ClP1a, i + 1 < n ? cl[(i + 1) * levels + l1] : 0xffff);
        keys[at++] = combine(T.ClM1b, i > 0 ? cl[(i - 1) * levels + l2] : 0xffff);
        keys[at++] = combine(T.ClP1b, i + 1 < n ? cl[(i + 1) * levels + l2] : 0xffff);
        keys[at++] = combine(combine(T.Cl1Wm1, cl[i * levels + l1]), wm1);
        if (this.clusterPairs) {
          keys[at++] = combine(combine(T.ClPair, i > 0 ? cl[(i - 1) * levels + l1] : 0xffff), cl[i * levels + l1]);
          keys[at++] = combine(combine(T.ClPairNext, cl[i * levels + l1]), i + 1 < n ? cl[(i + 1) * levels + l1] : 0xffff);
        }
      }
      const tm1 = i > 0 ? trig[i - 1] : 0;
      if (tm1) keys[at++] = combine(T.TrigM1, tm1);
      if (i > 1 && trig[i - 2]) keys[at++] = combine(T.TrigM2, trig[i - 2]);
      if (trig[i]) keys[at++] = combine(T.Trig0, trig[i]);
      if (i + 1 < n && trig[i + 1]) keys[at++] = combine(T.TrigP1, trig[i + 1]);
      if (tm1) keys[at++] = combine(combine(T.A0TrigM1, tm1), shape[i]);
      for (let t = 0; t < GAZETTEER_CLASS_COUNT; t++) {
        const gl = gazStart[i * GAZETTEER_CLASS_COUNT + t];
        if (gl) keys[at++] = combine(T.GazB, t * 8 + Math.min(gl, 5));
        if (gazIn[i] & (1 << t)) keys[at++] = combine(T.GazI, t);
      }
      if (i + 1 < n && gazStartMask[i + 1]) keys[at++] = combine(T.GazNext, gazStartMask[i + 1]);
      if (i > 0 && (gazStartMask[i - 1] | gazIn[i - 1])) keys[at++] = combine(T.GazPrev, gazStartMask[i - 1] | gazIn[i - 1]);
      if (extra) for (let k = extra.offsets[i]; k < extra.offsets[i + 1]; k++) keys[at++] = extra.keys[k];
    }
    offsets[n] = at;
    return { keys, offsets, length: n };
  }
}

/** The score vectors cached per word type: its own features, and its features as each neighbour. */
const enum V {
  /** The token's own features (word, stripped forms, affixes, shape, length, clusters, trigger). */
  Self,
  /** As the word before a token: Wm1, Am1, ClM1a, ClM1b, TrigM1. */
  Left1,
  /** As the word after: Wp1, Ap1, ClP1a, ClP1b, TrigP1. */
  Right1,
  /** Two before: Wm2, TrigM2. */
  Left2,
  /** Two after: Wp2. */
  Right2,
  Count,
}

/** Default bound on the word types a {@link TokenScorer} caches; the cache empties between documents when full. */
const MAX_TYPES = 1 << 16;

/** Presence bits are indexed by the top `32 - PRESENCE_SHIFT` bits of a multiplicative hash of the key (2^19 bits, 64 KB). */
const PRESENCE_SHIFT = 13;

/** Summed weights of one template over a small domain of values, filled on first use. */
class DenseRows {
  readonly rows: Int32Array;
  readonly filled: Uint8Array;
  constructor(
    size: number,
    width: number,
    readonly keyOf: (v: number) => number,
  ) {
    this.rows = new Int32Array(size * width);
    this.filled = new Uint8Array(size);
  }
}

/**
 * Emission sums of the tagger's models over exactly the features {@link FeatureExtractor.extract}
 * emits (with the same options), without building the feature lists.
 *
 * A token's features split into those of its own word, those of each neighbour's word
 * (`Wm1`, `Ap1`, `ClM1a`, …: one word each), pairs of words (bigrams, cluster × previous
 * word) and features over small value domains (shape window, gazetteer classes, first
 * position). The weight sums of the one-word parts are computed once per word type and
 * cached by normalized form; pairs are hashed and looked up per token; small domains are
 * tables filled on first use. Sums are of the same quantized integers, so the scores are
 * bit for bit those of `emissionScores` over the extracted features.
 *
 * Type ids stay valid until the next {@link resolve}, which empties the cache when it is full.
 */
export class TokenScorer {
  /** Integers per token in the sums: `LABEL_COUNT` per model, models in the given order. */
  readonly width: number;
  private readonly models: readonly NerWeights[];
  private readonly lexicon?: NerLexicon;
  private readonly clusters?: WordClusters;
  private readonly levels: number;
  private readonly l1: number;
  private readonly l2: number;
  private readonly trigrams: boolean;
  private readonly clusterPairs: boolean;
  private readonly maxTypes: number;
  private readonly ids = new Map<string, number>();
  private readonly stemIds = new Map<number, number>();
  /** Types in use; type 0 is the sentence boundary (BOS on the left, EOS on the right). */
  private count = 1;
  private cap = 0;
  private vec = new Int32Array(0);
  /** Word hash as the left neighbour (BOS for type 0). */
  private wl = new Uint32Array(0);
  /** Word hash as the token itself or its right neighbour (EOS for type 0). */
  private wr = new Uint32Array(0);
  private biM1 = new Uint32Array(0);
  private biP1 = new Uint32Array(0);
  private clW = new Uint32Array(0);
  private cl1 = new Uint32Array(0);
  private clPairL = new Uint32Array(0);
  private clPairR = new Uint32Array(0);
  private shape = new Uint8Array(0);
  private trig = new Uint8Array(0);
  private stem = new Uint32Array(0);
  private stemId = new Int32Array(0);
  private gazSingle = new Uint16Array(0);
  private gazCount = new Uint8Array(0);
  private gazCont = new Uint32Array(0);
  private readonly shapeWin: DenseRows;
  private readonly first: DenseRows;
  private readonly a0TrigM1: DenseRows;
  private readonly gazB: DenseRows;
  private readonly gazI: DenseRows;
  private readonly gazNext: DenseRows;
  private readonly gazPrev: DenseRows;
  private sentCap = 0;
  private gazStart = new Uint8Array(0);
  private gazIn = new Int32Array(0);
  private gazStartMask = new Int32Array(0);
  private readonly keyBuf = new Uint32Array(64);
  /** One bit per hash of the keys the models have (a Bloom filter with one hash). */
  private readonly present: Int32Array;

  constructor(
    models: readonly NerWeights[],
    resources: FeatureResources = {},
    options: { trigrams?: boolean; clusterPairs?: boolean; maxTypes?: number } = {},
  ) {
    this.models = models;
    this.width = LABEL_COUNT * models.length;
    this.trigrams = options.trigrams ?? true;
    this.clusterPairs = options.clusterPairs ?? false;
    this.maxTypes = Math.max(2, options.maxTypes ?? MAX_TYPES);
    this.lexicon = resources.lexicon;
    this.clusters = resources.clusters;
    const levels = (this.levels = resources.clusters?.levels ?? 0);
    this.l1 = levels > 1 ? 1 : 0;
    this.l2 = levels > 2 ? 2 : this.l1;
    const W = this.width;
    this.shapeWin = new DenseRows(0x800, W, (v) => combine(T.ShapeWin, v));
    this.first = new DenseRows(8, W, (v) => combine(T.First, v));
    this.a0TrigM1 = new DenseRows(256 * 8, W, (v) => combine(combine(T.A0TrigM1, v >> 3), v & 7));
    this.gazB = new DenseRows(GAZETTEER_CLASS_COUNT * 8, W, (v) => combine(T.GazB, v));
    this.gazI = new DenseRows(GAZETTEER_CLASS_COUNT, W, (v) => combine(T.GazI, v));
    this.gazNext = new DenseRows(1 << GAZETTEER_CLASS_COUNT, W, (v) => combine(T.GazNext, v));
    this.gazPrev = new DenseRows(1 << GAZETTEER_CLASS_COUNT, W, (v) => combine(T.GazPrev, v));
    this.present = new Int32Array(1 << (32 - PRESENCE_SHIFT - 5));
    for (const w of models) {
      const stride = w.table.length / (w.mask + 1);
      for (let at = 0; at < w.table.length; at += stride) {
        const k = w.table[at];
        if (k === 0) continue;
        const bit = Math.imul(k, 0x85ebca6b) >>> PRESENCE_SHIFT;
        this.present[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    this.growTypes(1024);
    this.initBoundary();
  }

  /** Number of distinct stems among the cached types: stem ids are below it. */
  get stemCount(): number {
    return this.stemIds.size;
  }

  private growTypes(need: number): void {
    if (need <= this.cap) return;
    const cap = Math.max(need, this.cap * 2);
    const VW = this.width * V.Count;
    const grow = <A extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: A, per: number, make: (n: number) => A): A => {
      const b = make(cap * per);
      b.set(a);
      return b;
    };
    this.vec = grow(this.vec, VW, (n) => new Int32Array(n));
    this.wl = grow(this.wl, 1, (n) => new Uint32Array(n));
    this.wr = grow(this.wr, 1, (n) => new Uint32Array(n));
    this.biM1 = grow(this.biM1, 1, (n) => new Uint32Array(n));
    this.biP1 = grow(this.biP1, 1, (n) => new Uint32Array(n));
    this.clW = grow(this.clW, 1, (n) => new Uint32Array(n));
    this.cl1 = grow(this.cl1, 1, (n) => new Uint32Array(n));
    this.clPairL = grow(this.clPairL, 1, (n) => new Uint32Array(n));
    this.clPairR = grow(this.clPairR, 1, (n) => new Uint32Array(n));
    this.shape = grow(this.shape, 1, (n) => new Uint8Array(n));
    this.trig = grow(this.trig, 1, (n) => new Uint8Array(n));
    this.stem = grow(this.stem, 1, (n) => new Uint32Array(n));
    this.stemId = grow(this.stemId, 1, (n) => new Int32Array(n));
    this.gazSingle = grow(this.gazSingle, 1, (n) => new Uint16Array(n));
    this.gazCount = grow(this.gazCount, 1, (n) => new Uint8Array(n));
    this.gazCont = grow(this.gazCont, 3, (n) => new Uint32Array(n));
    this.cap = cap;
  }

  /** Adds the weights of `keys[0 .. count)` to vector `v` of type `t`, for every model. */
  private sumKeys(t: number, v: number, count: number): void {
    const at = t * this.width * V.Count + v * this.width;
    const keys = this.keyBuf;
    for (let m = 0; m < this.models.length; m++) {
      for (let k = 0; k < count; k++) addWeights(this.models[m], keys[k], this.vec, at + m * LABEL_COUNT);
    }
  }

  /** Type 0: the words beyond the sentence's ends, as features see them (BOS, EOS, no cluster). */
  private initBoundary(): void {
    const keys = this.keyBuf;
    const clustered = this.levels > 0;
    let c = 0;
    keys[c++] = combine(T.Wm1, BOS);
    keys[c++] = combine(T.Am1, BOS);
    if (clustered) {
      keys[c++] = combine(T.ClM1a, 0xffff);
      keys[c++] = combine(T.ClM1b, 0xffff);
    }
    this.sumKeys(0, V.Left1, c);
    c = 0;
    keys[c++] = combine(T.Wp1, EOS);
    keys[c++] = combine(T.Ap1, EOS);
    if (clustered) {
      keys[c++] = combine(T.ClP1a, 0xffff);
      keys[c++] = combine(T.ClP1b, 0xffff);
    }
    this.sumKeys(0, V.Right1, c);
    keys[0] = combine(T.Wm2, BOS);
    this.sumKeys(0, V.Left2, 1);
    keys[0] = combine(T.Wp2, EOS);
    this.sumKeys(0, V.Right2, 1);
    this.wl[0] = BOS;
    this.wr[0] = EOS;
    this.biM1[0] = combine(T.BiM1, BOS);
    this.cl1[0] = 0xffff;
    this.clPairL[0] = combine(T.ClPair, 0xffff);
  }

  /**
   * Writes the type id of each of `norms` into `out` (length ≥ norms.length), computing the
   * types not cached yet. Ids from earlier calls may be invalidated.
   */
  resolve(norms: readonly string[], out: Int32Array): void {
    const n = norms.length;
    if (this.count > 1 && this.count + n > this.maxTypes) {
      this.ids.clear();
      this.stemIds.clear();
      this.count = 1;
    }
    const ids = this.ids;
    for (let i = 0; i < n; i++) {
      const s = norms[i];
      let t = ids.get(s);
      if (t === undefined) {
        t = this.addType(s);
        ids.set(s, t);
      }
      out[i] = t;
    }
  }

  /** Per token, the stem hash (`stemHash` of `context.ts`) and a dense stem id below {@link stemCount}. */
  stems(types: Int32Array, n: number, hashes: Uint32Array, stemIds: Int32Array): void {
    const { stem, stemId } = this;
    for (let i = 0; i < n; i++) {
      const t = types[i];
      hashes[i] = stem[t];
      stemIds[i] = stemId[t];
    }
  }

  private addType(s: string): number {
    const t = this.count++;
    this.growTypes(t + 1);
    // After the cache emptied, slot t still holds an earlier type's sums: the sums below add.
    const VW = this.width * V.Count;
    this.vec.fill(0, t * VW, (t + 1) * VW);
    const { levels, l1, l2 } = this;
    const w = hashString(s);
    const p = procliticsPacked(s);
    const prepEnd = (p >> 2) & 3;
    const stemStart = (p >> 4) & 15;
    const art = (p >> 8) & 3;
    const kh = prepEnd === 0 ? w : art === 2 ? finalizeHash(hashUpdate(AL_STATE, s, stemStart)) : hashString(s, prepEnd);
    const ah = stemStart === 0 ? w : hashString(s, stemStart);
    const shape = shapeOf(s);
    let flags = 0;
    let single = 0;
    let conts = 0;
    const lex = this.lexicon;
    if (lex) {
      flags = lexiconFlags(lex, combine(0x2545f491, w));
      if (kh !== w) flags |= lexiconFlags(lex, combine(0x2545f491, kh)) & LEX.triggerMask;
      // The first step of gazetteer matching depends on the word alone (see matchGazetteers).
      for (let v = 0; v < 3; v++) {
        const first = v === 0 ? w : v === 1 ? kh : ah;
        if (v === 1 && first === w) continue;
        if (v === 2 && (first === kh || first === w)) continue;
        const h = combine(0x2545f491, first);
        const slot = lex.index.find(h);
        if (slot < 0) continue;
        const f = lex.flags[slot];
        single |= f & LEX.classMask;
        if (f & LEX.prefix) this.gazCont[t * 3 + conts++] = h;
      }
    }
    const trig = (flags & LEX.triggerMask) >>> 16;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    if (this.clusters) {
      const c = this.clusters;
      let slot = c.index.find(w);
      if (slot < 0 && kh !== w) slot = c.index.find(kh);
      if (slot >= 0) {
        c0 = c.ids[slot * levels];
        c1 = c.ids[slot * levels + l1];
        c2 = c.ids[slot * levels + l2];
      }
    }
    const clustered = levels > 0;
    const keys = this.keyBuf;
    const len = s.length;
    let k = 0;
    keys[k++] = combine(T.W0, w);
    keys[k++] = combine(T.K0, kh);
    keys[k++] = combine(T.A0, ah);
    keys[k++] = combine(T.Bias, 0);
    if (len - stemStart >= 2) keys[k++] = combine(T.Pre2, hashString(s, stemStart, stemStart + 2));
    if (len - stemStart >= 3) keys[k++] = combine(T.Pre3, hashString(s, stemStart, stemStart + 3));
    if (len >= 1) keys[k++] = combine(T.Suf1, hashString(s, len - 1, len));
    if (len >= 2) keys[k++] = combine(T.Suf2, hashString(s, len - 2, len));
    if (len >= 3) keys[k++] = combine(T.Suf3, hashString(s, len - 3, len));
    keys[k++] = combine(T.Clitic, p & 0x30f);
    keys[k++] = combine(T.Shape0, shape);
    keys[k++] = combine(T.Len, lengthBucket(len - stemStart));
    if (this.trigrams) {
      const stop = Math.min(len, stemStart + 14) - 2;
      for (let j = stemStart; j < stop; j++) keys[k++] = combine(T.Tri, hashString(s, j, j + 3));
    }
    if (clustered) {
      keys[k++] = combine(T.Cl0, c0);
      keys[k++] = combine(T.Cl1, c1);
      keys[k++] = combine(T.Cl2, c2);
    }
    if (trig) keys[k++] = combine(T.Trig0, trig);
    this.sumKeys(t, V.Self, k);
    k = 0;
    keys[k++] = combine(T.Wm1, w);
    keys[k++] = combine(T.Am1, ah);
    if (clustered) {
      keys[k++] = combine(T.ClM1a, c1);
      keys[k++] = combine(T.ClM1b, c2);
    }
    if (trig) keys[k++] = combine(T.TrigM1, trig);
    this.sumKeys(t, V.Left1, k);
    k = 0;
    keys[k++] = combine(T.Wp1, w);
    keys[k++] = combine(T.Ap1, ah);
    if (clustered) {
      keys[k++] = combine(T.ClP1a, c1);
      keys[k++] = combine(T.ClP1b, c2);
    }
    if (trig) keys[k++] = combine(T.TrigP1, trig);
    this.sumKeys(t, V.Right1, k);
    k = 0;
    keys[k++] = combine(T.Wm2, w);
    if (trig) keys[k++] = combine(T.TrigM2, trig);
    this.sumKeys(t, V.Left2, k);
    keys[0] = combine(T.Wp2, w);
    this.sumKeys(t, V.Right2, 1);
    this.wl[t] = w;
    this.wr[t] = w;
    this.biM1[t] = combine(T.BiM1, w);
    this.biP1[t] = combine(T.BiP1, w);
    this.clW[t] = combine(T.Cl1Wm1, c1);
    this.cl1[t] = c1;
    this.clPairL[t] = combine(T.ClPair, c1);
    this.clPairR[t] = combine(T.ClPairNext, c1);
    this.shape[t] = shape;
    this.trig[t] = trig;
    this.stem[t] = ah;
    let sid = this.stemIds.get(ah);
    if (sid === undefined) this.stemIds.set(ah, (sid = this.stemIds.size));
    this.stemId[t] = sid;
    this.gazSingle[t] = single;
    this.gazCount[t] = conts;
    return t;
  }

  private addKey(key: number, sums: Int32Array, o: number): void {
    // Most pair features are in no model: the presence bits rule them out without a probe.
    const bit = Math.imul(key, 0x85ebca6b) >>> PRESENCE_SHIFT;
    if ((this.present[bit >>> 5] & (1 << (bit & 31))) === 0) return;
    const ms = this.models;
    for (let m = 0; m < ms.length; m++) addWeights(ms[m], key, sums, o + m * LABEL_COUNT);
  }

  private addDense(d: DenseRows, v: number, sums: Int32Array, o: number): void {
    const W = this.width;
    if (d.filled[v] === 0) {
      this.addKey(d.keyOf(v), d.rows, v * W);
      d.filled[v] = 1;
    }
    const rows = d.rows;
    const at = v * W;
    for (let y = 0; y < W; y++) sums[o + y] += rows[at + y];
  }

  /**
   * Writes the emission sums of the sentence of tokens `[a, b)` (by type, see {@link resolve})
   * into `sums[k * width ..]` for each token `k`: `LABEL_COUNT` quantized integers per model,
   * to be multiplied by the model's scale.
   */
  score(types: Int32Array, a: number, b: number, sums: Int32Array): void {
    const n = b - a;
    const W = this.width;
    const VW = W * V.Count;
    const W2 = 2 * W;
    const W3 = 3 * W;
    const W4 = 4 * W;
    const { vec, wl, wr, biM1, biP1, clW, shape, trig, gazSingle, gazCount } = this;
    const clustered = this.levels > 0;
    // Each token's word adds its own vector to its row and its neighbour vectors to the
    // rows around it: one contiguous read per token. Rows without a neighbour on a side get
    // type 0's vector for it.
    const first = a * W;
    const last = (b - 1) * W;
    for (let k = a; k < b; k++) {
      const v = types[k] * VW;
      const o = k * W;
      for (let y = 0; y < W; y++) sums[o + y] = vec[v + y];
    }
    for (let y = 0; y < W; y++) {
      sums[first + y] += vec[W + y] + vec[W3 + y];
      sums[last + y] += vec[W2 + y] + vec[W4 + y];
    }
    if (n > 1) {
      for (let y = 0; y < W; y++) {
        sums[first + W + y] += vec[W3 + y];
        sums[last - W + y] += vec[W4 + y];
      }
    }
    for (let k = a; k < b; k++) {
      const v = types[k] * VW;
      const o = k * W;
      if (o < last) for (let y = 0; y < W; y++) sums[o + W + y] += vec[v + W + y];
      if (o > first) for (let y = 0; y < W; y++) sums[o - W + y] += vec[v + W2 + y];
      if (o + W < last) for (let y = 0; y < W; y++) sums[o + W2 + y] += vec[v + W3 + y];
      if (o - W > first) for (let y = 0; y < W; y++) sums[o - W2 + y] += vec[v + W4 + y];
    }
    let gaz = 0;
    for (let i = 0; i < n; i++) {
      const k = a + i;
      const t = types[k];
      const tm1 = i > 0 ? types[k - 1] : 0;
      const tp1 = i + 1 < n ? types[k + 1] : 0;
      const o = k * W;
      this.addKey(combine(biM1[tm1], wr[t]), sums, o);
      this.addKey(combine(biP1[t], wr[tp1]), sums, o);
      this.addDense(this.shapeWin, shape[tm1] | (shape[t] << 4) | (shape[tp1] << 8), sums, o);
      if (i === 0) this.addDense(this.first, shape[t], sums, o);
      if (clustered) {
        this.addKey(combine(clW[t], wl[tm1]), sums, o);
        if (this.clusterPairs) {
          this.addKey(combine(this.clPairL[tm1], this.cl1[t]), sums, o);
          this.addKey(combine(this.clPairR[t], this.cl1[tp1]), sums, o);
        }
      }
      const tg = trig[tm1];
      if (tg) this.addDense(this.a0TrigM1, tg * 8 + shape[t], sums, o);
      gaz |= gazSingle[t] | gazCount[t];
    }
    if (gaz !== 0) this.scoreGazetteers(types, a, b, sums);
  }

  /** Gazetteer features of a sentence, as {@link FeatureExtractor} matches and emits them. */
  private scoreGazetteers(types: Int32Array, a: number, b: number, sums: Int32Array): void {
    const n = b - a;
    const C = GAZETTEER_CLASS_COUNT;
    if (n > this.sentCap) {
      this.sentCap = Math.max(n, this.sentCap * 2, 64);
      this.gazStart = new Uint8Array(this.sentCap * C);
      this.gazIn = new Int32Array(this.sentCap);
      this.gazStartMask = new Int32Array(this.sentCap);
    }
    const { gazStart, gazIn, gazStartMask, gazSingle, gazCount, gazCont, wr } = this;
    const lex = this.lexicon as NerLexicon;
    gazStart.fill(0, 0, n * C);
    gazIn.fill(0, 0, n);
    gazStartMask.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      const t = types[a + i];
      const single = gazSingle[t];
      if (single !== 0) for (let c = 0; c < C; c++) if (single & (1 << c) && gazStart[i * C + c] < 1) gazStart[i * C + c] = 1;
      for (let q = 0; q < gazCount[t]; q++) {
        let h = gazCont[t * 3 + q];
        for (let j = i + 1; j < n && j - i < MAX_GAZ; j++) {
          h = combine(h, wr[types[a + j]]);
          const slot = lex.index.find(h);
          if (slot < 0) break;
          const f = lex.flags[slot];
          const classes = f & LEX.classMask;
          if (classes !== 0) {
            const len = j - i + 1;
            for (let c = 0; c < C; c++) if (classes & (1 << c) && gazStart[i * C + c] < len) gazStart[i * C + c] = len;
          }
          if ((f & LEX.prefix) === 0) break;
        }
      }
      for (let c = 0; c < C; c++) {
        const len = gazStart[i * C + c];
        if (len === 0) continue;
        gazStartMask[i] |= 1 << c;
        for (let k = i + 1; k < i + len; k++) gazIn[k] |= 1 << c;
      }
    }
    const W = this.width;
    for (let i = 0; i < n; i++) {
      const o = (a + i) * W;
      const inside = gazIn[i];
      if (gazStartMask[i] !== 0 || inside !== 0) {
        for (let c = 0; c < C; c++) {
          const gl = gazStart[i * C + c];
          if (gl) this.addDense(this.gazB, c * 8 + Math.min(gl, 5), sums, o);
          if (inside & (1 << c)) this.addDense(this.gazI, c, sums, o);
        }
      }
      if (i + 1 < n && gazStartMask[i + 1]) this.addDense(this.gazNext, gazStartMask[i + 1], sums, o);
      if (i > 0 && (gazStartMask[i - 1] | gazIn[i - 1])) this.addDense(this.gazPrev, gazStartMask[i - 1] | gazIn[i - 1], sums, o);
    }
  }
}
