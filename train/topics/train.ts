/**
 * Trains the topic classifier on ANT: folds 0–7 train, fold 8 picks the hyperparameters
 * and the softmax temperature, fold 9 is scored once at the end with the encoded model
 * through the runtime code path. Writes models/topics/ (classifier + themes lexicon +
 * manifest) and docs/TOPICS.md.
 *
 *   npm run train:topics            # train, evaluate, write model and docs
 *   npm run train:topics -- --quick # one setting instead of the grid (for development)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeTopicModel, encodeTopicModel } from '../../src/core/discourse/topic-model.js';
import type { FeatureCounts } from '../../src/core/discourse/features.js';
import { repoModelsDir, writeManifest, writesRepo } from '../lib/manifest.js';
import { argmax, fitTemperature, probabilities, scoreFold, trainSoftmax, type SparseExample, type SoftmaxModel } from '../lib/softmax.js';
import { loadTopicExamples, TOPIC_TERMS, type TopicExample } from './data.js';
import { buildThemeLexicon } from './themes.js';
import { docSetting, evaluateTopicModel, writeTopicsDoc } from './report.js';
import { readAnt } from '../lib/data.js';
import { seedCheck } from './seed.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });

const started = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

log('reading and featurizing ANT …');
const all = loadTopicExamples();
const train = all.filter((e) => e.fold <= 7 && e.label !== null);
const tune = all.filter((e) => e.fold === 8 && e.label !== null);
const labels = [...new Set(train.map((e) => e.label as string))].sort();
log(`${all.length} articles; train ${train.length}, tune ${tune.length}; labels ${labels.join(', ')}`);

interface Setting {
  bigrams: boolean;
  minDf: number;
  l2: number;
  /** Exponent of the inverse class frequency used as example weight (0 = unweighted). */
  classWeight: number;
  epochs: number;
  learningRate: number;
}

interface Vocabulary {
  rowOf: Map<number, number>;
  hashes: Uint32Array;
  idf: Float32Array;
}

const countsOf = (e: TopicExample, s: Setting): FeatureCounts => (s.bigrams ? e.bigrams : e.unigrams);

function buildVocabulary(examples: readonly TopicExample[], s: Setting): Vocabulary {
  const df = new Map<number, number>();
  for (const e of examples) for (const h of countsOf(e, s).keys()) df.set(h, (df.get(h) ?? 0) + 1);
  const kept = [...df].filter(([, d]) => d >= s.minDf);
  const n = examples.length;
  const rowOf = new Map<number, number>();
  const hashes = new Uint32Array(kept.length);
  const idf = new Float32Array(kept.length);
  kept.forEach(([h, d], row) => {
    rowOf.set(h, row);
    hashes[row] = h;
    idf[row] = Math.log((n + 1) / (d + 1)) + 1;
  });
  return { rowOf, hashes, idf };
}

/** Same arithmetic as `documentVector` in the runtime, on unquantized idf. */
function vectorize(e: TopicExample, s: Setting, vocab: Vocabulary): SparseExample {
  const rows: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [h, tf] of countsOf(e, s)) {
    const row = vocab.rowOf.get(h);
    if (row === undefined) continue;
    const v = (1 + Math.log(tf)) * vocab.idf[row];
    rows.push(row);
    values.push(v);
    norm += v * v;
  }
  const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { rows: Int32Array.from(rows), values: Float32Array.from(values, (v) => v * k), label: labels.indexOf(e.label as string) };
}

const grid: Setting[] = args.quick
  ? [{ bigrams: false, minDf: 3, l2: 1e-6, classWeight: 0.5, epochs: 30, learningRate: 2 }]
  : [false, true].flatMap((bigrams) =>
      [2, 3].flatMap((minDf) =>
        [1e-6, 1e-5].flatMap((l2) => [0, 0.5].map((classWeight) => ({ bigrams, minDf, l2, classWeight, epochs: 30, learningRate: 2 }))),
      ),
    );

/** Fold-8 macro-F1 of each ANT file for some predictions. */
function tuneScores(pred: string[]): { multi: number; jawhara: number; multiAcc: number; mean: number } {
  const pick = (corpus: string) => {
    const idx = tune.map((e, i) => (e.corpus === corpus ? i : -1)).filter((i) => i >= 0);
    return scoreFold(
      idx.map((i) => tune[i].label as string),
      idx.map((i) => pred[i]),
    );
  };
  const multi = pick('multisource');
  const jawhara = pick('jawharafm');
  return { multi: multi.macroF1, jawhara: jawhara.macroF1, multiAcc: multi.accuracy, mean: (multi.macroF1 + jawhara.macroF1) / 2 };
}

const frequency = labels.map((l) => train.filter((e) => e.label === l).length);
const gridRows: string[] = [];
let best: { setting: Setting; score: number; vocab: Vocabulary; model: SoftmaxModel; tuneVectors: SparseExample[] } | undefined;
for (const setting of grid) {
  const vocab = buildVocabulary(train, setting);
  const trainVectors = train.map((e) => vectorize(e, setting, vocab));
  const tuneVectors = tune.map((e) => vectorize(e, setting, vocab));
  const weightOf = (e: SparseExample): number => Math.pow(train.length / labels.length / frequency[e.label], setting.classWeight);
  const model = trainSoftmax(trainVectors, vocab.hashes.length, labels.length, { ...setting, seed: 7, exampleWeight: weightOf });
  const pred = tuneVectors.map((x) => labels[argmax(probabilities(model, x))]);
  const s = tuneScores(pred);
  const row = `| ${setting.bigrams ? 'uni+bi' : 'uni'} | ${setting.minDf} | ${setting.l2} | ${setting.classWeight} | ${vocab.hashes.length} | ${(s.multiAcc * 100).toFixed(2)} | ${(s.multi * 100).toFixed(2)} | ${(s.jawhara * 100).toFixed(2)} |`;
  gridRows.push(row);
  log(`fold 8 ${row}`);
  if (!best || s.mean > best.score) best = { setting, score: s.mean, vocab, model, tuneVectors };
}
if (!best) throw new Error('empty grid');

const temperature = fitTemperature(best.model, best.tuneVectors);
log(`chosen ${JSON.stringify(best.setting)}; temperature ${temperature.toFixed(3)}`);

const bytes = encodeTopicModel({
  header: { labels, termFunction: TOPIC_TERMS.name, bigrams: best.setting.bigrams, temperature },
  hashes: best.vocab.hashes,
  idf: best.vocab.idf,
  weights: best.model.weights,
  bias: best.model.bias,
});
const dir = join(repoModelsDir(), 'topics');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'classifier.bin'), bytes);
log('building the themes lexicon …');
const lexicon = buildThemeLexicon((m) => log(m));
writeFileSync(join(dir, 'themes.json'), JSON.stringify(lexicon) + '\n');
log(`wrote classifier.bin (${bytes.length} bytes) and themes.json (${lexicon.themes.length} themes)`);

// Fold 9, once, with the decoded (quantized) model through the runtime path.
const decoded = decodeTopicModel(bytes);
const evaluation = evaluateTopicModel(decoded, readAnt());
const seed = seedCheck(decoded, lexicon);
const summary = (s: { accuracy: number; macroF1: number; n: number }) => ({
  accuracy: Number(s.accuracy.toFixed(4)),
  macroF1: Number(s.macroF1.toFixed(4)),
  n: s.n,
});
writeManifest({
  name: 'topics',
  version: '1.0.0',
  description:
    'Topic classifier (multinomial logistic regression over light10 term features; labels ' +
    labels.join('/') +
    ') and the CAMEO/Phoenix issue-theme lexicon.',
  licence: 'Apache-2.0 (classifier, trained on ANT; cite Chouigui et al. 2017/2021). themes.json: MIT (hand-written + UniversalPetrarch entries).',
  data: [
    {
      name: 'ANT v2.1 multi-source (subset)',
      source: 'https://github.com/antcorpus/antcorpus.multisource.data',
      commit: 'f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8',
      licence: 'Apache-2.0 (README badge) + citation licence',
      split: 'folds 0-7 train, 8 tune, 9 report',
    },
    {
      name: 'ANT v1.1 JawharaFM',
      source: 'https://github.com/antcorpus/antcorpus.data',
      commit: '06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83',
      licence: 'Apache-2.0 + citation licence',
      split: 'folds 0-7 train, 8 tune, 9 report (localNews left out)',
    },
    {
      name: 'UniversalPetrarch Arabic dictionaries (synsets.ar.txt, agents.all.ar.txt)',
      source: 'https://github.com/openeventdata/UniversalPetrarch',
      commit: 'a0af422b2e6d4d47263c9eeca3e5b7fac1d9df0e',
      licence: 'MIT',
      split: 'themes lexicon only (filtered by document frequency on ANT folds 0-8)',
    },
  ],
  trainCommand: 'npm run train:topics',
  scores: {
    fold9: { multisource: summary(evaluation.multisource), jawharafm: summary(evaluation.jawharafm) },
    fold8: { meanMacroF1: Number(best.score.toFixed(4)) },
    setting: { ...best.setting, temperature: Number(temperature.toFixed(4)), features: best.vocab.hashes.length },
    fold8Grid: gridRows,
    seed,
    measuredBy: 'npm run train:topics; re-checked by npm run eval:topics',
  },
  files: ['classifier.bin', 'themes.json'],
});
if (writesRepo()) writeTopicsDoc(evaluation, {
  command: 'npm run train:topics',
  setting: docSetting(best.setting, temperature),
  features: best.vocab.hashes.length,
  bytes: bytes.length,
  themes: lexicon,
  seed,
  grid: gridRows,
});
log(
  `fold 9: multi-source accuracy ${(evaluation.multisource.accuracy * 100).toFixed(2)}% macro-F1 ${(evaluation.multisource.macroF1 * 100).toFixed(2)}; ` +
    `JawharaFM accuracy ${(evaluation.jawharafm.accuracy * 100).toFixed(2)}% macro-F1 ${(evaluation.jawharafm.macroF1 * 100).toFixed(2)}`,
);
log(`seed: topics ${seed.topics.map((t) => `${t.label} ${t.score}`).join(', ')}; themes ${seed.themes.map((t) => `${t.label} ${t.score}`).join(', ')}`);
log(writesRepo() ? 'wrote models/topics/ and docs/TOPICS.md' : `wrote ${dir}`);
