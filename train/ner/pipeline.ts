/**
 * The training recipe shared by the experiment loop and `train.ts`: feature encoding, the
 * optional jackknifed first pass for document-level features, and the learner.
 */
import type { GoldSentence } from '../../src/core/entities/conll.js';
import { type ExtraFeatures, documentFeatures, stemHash } from '../../src/core/entities/context.js';
import type { FeatureResources } from '../../src/core/entities/features.js';
import { labelIndex } from '../../src/core/entities/labels.js';
import { morphFeatures } from '../../src/core/entities/morph-features.js';
import type { MorphAnalyzer } from '../../src/core/morph/analyzer.js';
import { analyzeGoldWords } from '../../src/core/morph/stage.js';
import { normalize } from '../../src/core/text/normalize.js';
import { trainCrf } from './crf.js';
import { FeatureVocab, encodeAll, tagEncoded, trainPerceptron } from './perceptron.js';

/** Training settings. */
export interface PipelineSettings {
  learner: 'perceptron' | 'crf';
  epochs: number;
  identityDropout: number;
  twoStage: boolean;
  folds: number;
  window: number;
  l2: number;
  iterations: number;
  trigrams: boolean;
  /** Perceptrons trained on different shuffles and averaged into one (default 1). */
  seeds?: number;
  /** Cluster-pair features (this token's and a neighbour's cluster). */
  clusterPairs?: boolean;
  /** Second pass over document-level features only (cheaper at run time). */
  lightSecondPass?: boolean;
  /**
   * Whether the model reads the morphology's features (`src/core/entities/morph-features.ts`);
   * the caller then passes them as `tokenExtras` ({@link morphologyExtras}).
   */
  morphology?: boolean;
  /** Extra per-token features for both passes (for example from the morphology), for train and each evaluation set. */
  tokenExtras?: { train: ExtraFeatures[]; others: ExtraFeatures[][] };
  log?: (msg: string) => void;
}

const morphologyCache = new WeakMap<GoldSentence, ExtraFeatures>();

/**
 * The morphology features of gold sentences, from the morphology model run on their words as
 * the stage runs on a document's tokens (cached per sentence: cross-validation asks again).
 */
export function morphologyExtras(analyzer: MorphAnalyzer, sentences: readonly GoldSentence[]): ExtraFeatures[] {
  return sentences.map((s) => {
    let f = morphologyCache.get(s);
    if (!f) morphologyCache.set(s, (f = morphFeatures(analyzeGoldWords(analyzer, s.tokens))));
    return f;
  });
}

/** Per-token concatenation of two feature lists of the same sentence. */
function concatExtras(a: ExtraFeatures, b: ExtraFeatures | undefined): ExtraFeatures {
  if (!b) return a;
  const n = a.offsets.length - 1;
  const keys = new Uint32Array(a.keys.length + b.keys.length);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) keys[at++] = a.keys[k];
    for (let k = b.offsets[i]; k < b.offsets[i + 1]; k++) keys[at++] = b.keys[k];
  }
  offsets[n] = at;
  return { keys, offsets };
}

/** Weights of one trained stage, with the vocabulary that maps features to rows. */
export interface TrainedStage {
  vocab: FeatureVocab;
  weights: { w: Float32Array; trans: Float32Array };
  /** False for a second pass that scores document-level features only. */
  baseFeatures?: boolean;
}

/** Encodes sentences by their document-level features alone (for a light second pass). */
function encodeExtrasOnly(
  train: readonly GoldSentence[],
  evaluate: readonly (readonly GoldSentence[])[],
  extras: { train: ExtraFeatures[]; others: ExtraFeatures[][] },
): { vocab: FeatureVocab; train: Encoded[]; others: Encoded[][] } {
  const vocab = new FeatureVocab();
  const enc = (s: GoldSentence, x: ExtraFeatures, grow: boolean): Encoded => {
    const ids: number[] = [];
    const n = s.tokens.length;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      offsets[i] = ids.length;
      for (let k = x.offsets[i]; k < x.offsets[i + 1]; k++) {
        const id = grow ? vocab.add(x.keys[k]) : vocab.ids.get(x.keys[k]);
        if (id !== undefined) ids.push(id);
      }
    }
    offsets[n] = ids.length;
    return { ids: Int32Array.from(ids), offsets, gold: toIdx(s.tags) };
  };
  const tr = train.map((s, i) => enc(s, extras.train[i], true));
  return { vocab, train: tr, others: evaluate.map((set, k) => set.map((s, i) => enc(s, extras.others[k][i], false))) };
}

type Encoded = ReturnType<typeof encodeAll>['train'][number];

function learn(data: Encoded[], features: number, settings: PipelineSettings): { w: Float32Array; trans: Float32Array } {
  if (settings.learner === 'crf') {
    return trainCrf(data, features, { l2: settings.l2, iterations: settings.iterations, memory: 8, every: 50, log: settings.log });
  }
  const runs = settings.seeds ?? 1;
  const first = trainPerceptron(data, features, { epochs: settings.epochs, seed: 7, identityDropout: settings.identityDropout }).averaged();
  // Several shuffles averaged into one linear model: an ensemble at no run-time cost.
  for (let r = 1; r < runs; r++) {
    const next = trainPerceptron(data, features, { epochs: settings.epochs, seed: 7 + r, identityDropout: settings.identityDropout }).averaged();
    for (let i = 0; i < first.w.length; i++) first.w[i] += next.w[i];
    for (let i = 0; i < first.trans.length; i++) first.trans[i] += next.trans[i];
  }
  if (runs > 1) {
    for (let i = 0; i < first.w.length; i++) first.w[i] /= runs;
    for (let i = 0; i < first.trans.length; i++) first.trans[i] /= runs;
  }
  return first;
}

const toIdx = (tags: string[]): Int32Array => Int32Array.from(tags, (t) => labelIndex(t));

/** Stem hashes of each token of each sentence (for document features). */
export function sentenceStems(set: readonly GoldSentence[]): Uint32Array[] {
  return set.map((s) => Uint32Array.from(s.tokens, (t) => stemHash(normalize(t))));
}

/**
 * Trains on `train` and returns the stages (one, or two with document features), the
 * predicted tags of each set in `evaluate`, and `retag`, which tags them again with a bias
 * against O in the final pass.
 */
export function trainStages(
  train: readonly GoldSentence[],
  evaluate: readonly (readonly GoldSentence[])[],
  resources: FeatureResources,
  settings: PipelineSettings,
): { stages: TrainedStage[]; tags: string[][][]; retag: (oBias: number) => string[][][] } {
  const options = { trigrams: settings.trigrams, clusterPairs: settings.clusterPairs };
  const te = settings.tokenExtras;
  const enc = encodeAll(resources, train, evaluate, te, options);
  const w1 = learn(enc.train, enc.vocab.keys.length, settings);
  const first: TrainedStage = { vocab: enc.vocab, weights: w1 };
  const firstTags = enc.others.map((set) => tagEncoded(set, w1));
  if (!settings.twoStage) return { stages: [first], tags: firstTags, retag: (b) => enc.others.map((set) => tagEncoded(set, w1, b)) };
  // Jackknifed first-pass labels on train, so that the second pass sees first-pass errors
  // as they will be at run time.
  const trainLabels: Int32Array[] = new Array(train.length);
  const folds = settings.folds;
  for (let k = 0; k < folds; k++) {
    const lo = Math.floor((k * train.length) / folds);
    const hi = Math.floor(((k + 1) * train.length) / folds);
    const w = learn([...enc.train.slice(0, lo), ...enc.train.slice(hi)], enc.vocab.keys.length, settings);
    tagEncoded(enc.train.slice(lo, hi), w).forEach((p, i) => (trainLabels[lo + i] = toIdx(p)));
  }
  const extras: { train: ExtraFeatures[]; others: ExtraFeatures[][] } = {
    train: documentFeatures(sentenceStems(train), trainLabels, settings.window).map((x, i) => concatExtras(x, te?.train[i])),
    others: evaluate.map((set, k) =>
      documentFeatures(sentenceStems(set), firstTags[k].map(toIdx), settings.window).map((x, i) => concatExtras(x, te?.others[k][i])),
    ),
  };
  const enc2 = settings.lightSecondPass ? encodeExtrasOnly(train, evaluate, extras) : encodeAll(resources, train, evaluate, extras, options);
  // Identity dropout hides a token's first features, which are its word features only in a full pass.
  const w2 = learn(enc2.train, enc2.vocab.keys.length, settings.lightSecondPass ? { ...settings, identityDropout: 0 } : settings);
  return {
    stages: [first, { vocab: enc2.vocab, weights: w2, baseFeatures: !settings.lightSecondPass }],
    tags: enc2.others.map((set) => tagEncoded(set, w2)),
    // The final pass again with a bias against O; the first pass (and so the document features) stays as trained.
    retag: (b) => enc2.others.map((set) => tagEncoded(set, w2, b)),
  };
}
