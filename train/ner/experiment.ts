/**
 * A quick experiment loop for choosing features and epochs on dev, without writing a
 * model: `tsx train/ner/experiment.ts [--subset N] [--epochs N] [--no-clusters] [--no-gazetteers]`.
 * Reads clusters from `models/ner/clusters.bin` (or `--clusters FILE`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { formatNerScores, scoreNer } from '../../src/core/entities/conll.js';
import { unpackClusters } from '../../src/core/entities/resources.js';
import { documentFeatures, stemHash } from '../../src/core/entities/context.js';
import { LABELS, labelIndex } from '../../src/core/entities/labels.js';
import { normalize } from '../../src/core/text/normalize.js';
import { anercorpSplit, readAqmar, readWojood } from './data.js';
import { buildNerLexicon } from './lexicon.js';
import { trainCrf } from './crf.js';
import { encodeAll, tagEncoded, trainPerceptron } from './perceptron.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

const { train: fullTrain, dev } = anercorpSplit();
const subset = Number(value('subset', '0'));
let train = subset > 0 ? fullTrain.slice(0, subset) : fullTrain;
const extraData = value('extra', '');
if (extraData.includes('aqmar')) {
  const aq = readAqmar().filter((s) => extraData.includes('aqmar-nomisc') ? !s.tags.some((t) => t.endsWith('MISC')) : true);
  train = [...train, ...aq];
}
if (extraData.includes('wojood')) train = [...train, ...readWojood('train'), ...readWojood('val'), ...readWojood('test')];
console.log(`train sentences: ${train.length}`);
const t0 = Date.now();
const lexicon = flag('no-gazetteers') ? undefined : buildNerLexicon(train).lexicon;
const clusterFile = value('clusters', 'models/ner/clusters.bin');
const clusters = flag('no-clusters') || !existsSync(clusterFile) ? undefined : unpackClusters(new Uint8Array(readFileSync(clusterFile)));
let enc = encodeAll({ lexicon, clusters }, train, [dev]);
console.log(`encoded ${train.length} train sentences, ${enc.vocab.keys.length} features (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
if (flag('two-stage')) {
  // Stage 1 labels: jackknifed on train, full-train model on dev.
  const folds = Number(value('folds', '5'));
  const e1 = Number(value('epochs1', '9'));
  const trainLabels: Int32Array[] = new Array(train.length);
  const toIdx = (tags: string[]): Int32Array => Int32Array.from(tags, (t) => labelIndex(t));
  for (let k = 0; k < folds; k++) {
    const lo = Math.floor((k * train.length) / folds);
    const hi = Math.floor(((k + 1) * train.length) / folds);
    const rest = [...enc.train.slice(0, lo), ...enc.train.slice(hi)];
    const m = trainPerceptron(rest, enc.vocab.keys.length, { epochs: e1, seed: 7 });
    const pred = tagEncoded(enc.train.slice(lo, hi), m.averaged());
    pred.forEach((p, i) => (trainLabels[lo + i] = toIdx(p)));
  }
  const m1 = trainPerceptron(enc.train, enc.vocab.keys.length, { epochs: e1, seed: 7 });
  const devLabels = tagEncoded(enc.others[0], m1.averaged()).map(toIdx);
  const s1 = scoreNer(dev.map((d) => d.tags), devLabels.map((l) => Array.from(l, (x) => LABELS[x])));
  console.log(`stage 1 dev F1 ${s1.overall.f1.toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  const stems = (set: typeof train): Uint32Array[] => set.map((s) => Uint32Array.from(s.tokens, (t) => stemHash(normalize(t))));
  const win = Number(value('window', '10'));
  const extras = {
    train: documentFeatures(stems(train), trainLabels, win),
    others: [documentFeatures(stems(dev), devLabels, win)],
  };
  enc = encodeAll({ lexicon, clusters }, train, [dev], extras);
  console.log(`stage 2 features: ${enc.vocab.keys.length}`);
}
const report = (label: string, avg: { w: Float32Array; trans: Float32Array }, full: boolean): void => {
  const pred = tagEncoded(enc.others[0], avg);
  const s = scoreNer(
    dev.map((d) => d.tags),
    pred,
  );
  const per = Object.entries(s.byType)
    .map(([t, x]) => `${t} ${x.f1.toFixed(1)}`)
    .join(' ');
  console.log(`${label}: dev F1 ${s.overall.f1.toFixed(2)} (${per}) ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  if (full) console.log(formatNerScores(s));
};
if (flag('crf')) {
  const iterations = Number(value('iters', '150'));
  trainCrf(enc.train, enc.vocab.keys.length, {
    l2: Number(value('l2', '0.1')),
    iterations,
    memory: 8,
    every: 25,
    log: (m) => console.log(m),
    onIteration: (it, w) => report(`iteration ${it}`, w, it === iterations),
  });
} else {
  const epochs = Number(value('epochs', '12'));
  trainPerceptron(enc.train, enc.vocab.keys.length, {
    epochs,
    seed: 7,
    identityDropout: Number(value('dropout', '0')),
    onEpoch: (epoch, model) => report(`epoch ${epoch}`, model.averaged(), epoch === epochs),
  });
}
