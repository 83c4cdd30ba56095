/**
 * The training recipe shared by the experiment loop and `train.ts`: feature encoding, the
 * optional jackknifed first pass for document-level features, and the learner.
 */
import type { GoldSentence } from '../../src/core/entities/conll.js';
import { type ExtraFeatures, documentFeatures, stemHash } from '../../src/core/entities/context.js';
import type { FeatureResources } from '../../src/core/entities/features.js';
import { labelIndex } from '../../src/core/entities/labels.js';
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
  log?: (msg: string) => void;
}

/** Weights of one trained stage, with the vocabulary that maps features to rows. */
export interface TrainedStage {
  vocab: FeatureVocab;
  weights: { w: Float32Array; trans: Float32Array };
}

type Encoded = ReturnType<typeof encodeAll>['train'][number];

function learn(data: Encoded[], features: number, settings: PipelineSettings): { w: Float32Array; trans: Float32Array } {
  if (settings.learner === 'crf') {
    return trainCrf(data, features, { l2: settings.l2, iterations: settings.iterations, memory: 8, every: 50, log: settings.log });
  }
  return trainPerceptron(data, features, { epochs: settings.epochs, seed: 7, identityDropout: settings.identityDropout }).averaged();
}

const toIdx = (tags: string[]): Int32Array => Int32Array.from(tags, (t) => labelIndex(t));

/** Stem hashes of each token of each sentence (for document features). */
export function sentenceStems(set: readonly GoldSentence[]): Uint32Array[] {
  return set.map((s) => Uint32Array.from(s.tokens, (t) => stemHash(normalize(t))));
}

/**
 * Trains on `train` and returns the stages (one, or two with document features) and the
 * predicted tags of each set in `evaluate`.
 */
export function trainStages(
  train: readonly GoldSentence[],
  evaluate: readonly (readonly GoldSentence[])[],
  resources: FeatureResources,
  settings: PipelineSettings,
): { stages: TrainedStage[]; tags: string[][][] } {
  const options = { trigrams: settings.trigrams };
  const enc = encodeAll(resources, train, evaluate, undefined, options);
  const w1 = learn(enc.train, enc.vocab.keys.length, settings);
  const first: TrainedStage = { vocab: enc.vocab, weights: w1 };
  const firstTags = enc.others.map((set) => tagEncoded(set, w1));
  if (!settings.twoStage) return { stages: [first], tags: firstTags };
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
    train: documentFeatures(sentenceStems(train), trainLabels, settings.window),
    others: evaluate.map((set, k) => documentFeatures(sentenceStems(set), firstTags[k].map(toIdx), settings.window)),
  };
  const enc2 = encodeAll(resources, train, evaluate, extras, options);
  const w2 = learn(enc2.train, enc2.vocab.keys.length, settings);
  return {
    stages: [first, { vocab: enc2.vocab, weights: w2 }],
    tags: enc2.others.map((set) => tagEncoded(set, w2)),
  };
}

/** Trains and tags one evaluation set. */
export function trainAndTag(
  train: readonly GoldSentence[],
  evaluate: readonly GoldSentence[],
  resources: FeatureResources,
  settings: PipelineSettings,
): string[][] {
  return trainStages(train, [evaluate], resources, settings).tags[0];
}
