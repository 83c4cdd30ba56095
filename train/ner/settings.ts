/**
 * The hyper-parameters of the committed NER model, chosen on 5-fold cross-validation over
 * our train split and on dev (see docs/NER.md for the runs behind them). Character trigrams
 * are off and rows with weights ≤ 1 are pruned: neither moved F1 beyond noise, and together
 * they make the model 4× smaller and faster (`tsx train/ner/prune-sweep.ts` with the
 * morphology features: dev F1 76.65 unpruned, 76.65 at 0.5, 76.52 at 1, 75.70 at 2). The
 * morphology's features are on (`src/core/entities/morph-features.ts`: CV +0.8, dev +1.7).
 * Each pass is the mean of four perceptrons trained on different shuffles (`seeds`).
 */
import type { PipelineSettings } from './pipeline.js';

/** Settings used by `npm run train:ner`. */
export const NER_SETTINGS: PipelineSettings = {
  learner: 'perceptron',
  epochs: 10,
  identityDropout: 0.2,
  twoStage: true,
  folds: 5,
  window: 25,
  l2: 0.1,
  iterations: 150,
  trigrams: false,
  morphology: true,
  // Four shuffles averaged into one model: cv5 76.30 → 76.77, dev 75.23 → 75.99 (2: 76.49 /
  // 75.19; 8: 76.75 / 75.91), at no run-time cost and 4× the training time.
  seeds: 4,
};

/** Rows whose largest absolute weight is at most this are dropped from the runtime model. */
export const PRUNE = 1;
