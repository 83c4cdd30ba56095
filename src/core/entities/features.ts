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
