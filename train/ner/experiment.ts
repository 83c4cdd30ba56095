/**
 * A quick experiment loop for choosing features and settings, without writing a model:
 * `tsx train/ner/experiment.ts [--cv K] [--epochs N] [--dropout P] [--two-stage] [--crf]
 * [--no-clusters] [--no-gazetteers] [--extra aqmar|aqmar-nomisc|wojood] [--pos]`
 * [--o-bias B1,B2,…] [--seeds K] (`--seeds`: K shuffles averaged into one model; `--pos`: the morphology's features; `--o-bias`: also score the final pass
 * with each bias subtracted from the O label's score).
 *
 * With `--cv K` it also scores K-fold cross-validation over our train split (contiguous
 * blocks, so articles stay together), which is far less noisy than the 969-mention dev set;
 * decisions are made on CV + dev, and dev is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type GoldSentence, type NerScores, formatNerScores, scoreNer, tagSpans } from '../../src/core/entities/conll.js';
import { unpackClusters } from '../../src/core/entities/resources.js';
import { anercorpSplit, readAqmar, readWojood } from './data.js';
import { buildNerLexicon } from './lexicon.js';
import { morphologyExtras, type PipelineSettings, trainStages } from './pipeline.js';
import { harvestNames } from './autogaz.js';
import { type GazetteerEntry } from './lexicon.js';
import { quantizeWeights } from '../../src/core/entities/model.js';
import { readAnt } from '../lib/data.js';
import { MorphAnalyzer } from '../../src/core/morph/analyzer.js';
import { loadModel } from '../../src/node/models.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

const { train: fullTrain, dev } = anercorpSplit();
const subset = Number(value('subset', '0'));
const train = subset > 0 ? fullTrain.slice(0, subset) : fullTrain;
let extra: GoldSentence[] = [];
const extraData = value('extra', '');
if (extraData.includes('aqmar')) {
  extra = readAqmar().filter((s) => (extraData.includes('aqmar-nomisc') ? !s.tags.some((t) => t.endsWith('MISC')) : true));
}
if (extraData.includes('wojood')) extra = [...extra, ...readWojood('train'), ...readWojood('val'), ...readWojood('test')];
const t0 = Date.now();
const clusterFile = value('clusters', 'models/ner/clusters.bin');
const clusters = flag('no-clusters') || !existsSync(clusterFile) ? undefined : unpackClusters(new Uint8Array(readFileSync(clusterFile)));
const settings: PipelineSettings = {
  learner: flag('crf') ? 'crf' : 'perceptron',
  epochs: Number(value('epochs', '10')),
  identityDropout: Number(value('dropout', '0.2')),
  twoStage: flag('two-stage'),
  folds: Number(value('folds', '5')),
  window: Number(value('window', '10')),
  l2: Number(value('l2', '0.1')),
  iterations: Number(value('iters', '150')),
  trigrams: !flag('no-trigrams'),
  lightSecondPass: flag('light'),
  clusterPairs: flag('cluster-pairs'),
  seeds: Number(value('seeds', '1')),
};
// --pos: the morphology's features (src/core/entities/morph-features.ts), as the committed recipe uses them.
const morph = flag('pos') ? MorphAnalyzer.fromFiles(loadModel('morph').files) : undefined;
const withPos = (tr: readonly GoldSentence[], ev: readonly GoldSentence[]): PipelineSettings =>
  morph ? { ...settings, morphology: true, tokenExtras: { train: morphologyExtras(morph, tr), others: [morphologyExtras(morph, ev)] } } : settings;

/** Gold mentions by outcome (exact, wrong type, wrong boundary, missed) and spurious predictions, per type. */
function errorBreakdown(gold: readonly string[][], pred: readonly string[][]): string {
  const counts = new Map<string, number>();
  const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
  gold.forEach((g, s) => {
    const gs = tagSpans(g);
    const ps = tagSpans(pred[s]);
    for (const x of gs) {
      const over = ps.filter((y) => y.start < x.end && x.start < y.end);
      const exact = over.find((y) => y.start === x.start && y.end === x.end);
      if (exact) bump(`${x.type} ${exact.type === x.type ? 'exact' : 'wrong type'}`);
      else if (over.length === 0) bump(`${x.type} missed`);
      else bump(`${x.type} ${over.some((y) => y.type === x.type) ? 'boundary' : 'overlap, wrong type'}`);
    }
    for (const y of ps) if (!gs.some((x) => y.start < x.end && x.start < y.end)) bump(`${y.type} spurious`);
  });
  return [...counts].sort().map(([k, v]) => `  ${k}: ${v}`).join('\n');
}

const summary = (s: NerScores): string =>
  `F1 ${s.overall.f1.toFixed(2)} (` +
  Object.entries(s.byType)
    .map(([t, x]) => `${t} ${x.f1.toFixed(1)}`)
    .join(' ') +
  ')';

let autoEntries: GazetteerEntry[] = [];
if (flag('autogaz')) {
  const lex0 = buildNerLexicon(train).lexicon;
  const first = trainStages(train, [], { lexicon: lex0, clusters }, { ...settings, twoStage: false }).stages[0];
  const model = { weights: quantizeWeights(first.vocab.keys, first.weights.w, first.weights.trans, 0.5), lexicon: lex0, clusters };
  const texts = readAnt().map((a) => `${a.title}\n${a.text}`);
  const h = harvestNames(model, texts, { minCount: Number(value('auto-min', '3')), minPurity: Number(value('auto-purity', '0.75')) });
  autoEntries = h.entries;
  console.log(`autogaz: ${JSON.stringify(h.stats)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
}
const resources = (trainPart: readonly GoldSentence[]) => ({
  lexicon: flag('no-gazetteers') ? undefined : buildNerLexicon(trainPart, { extra: autoEntries }).lexicon,
  clusters,
});

// --o-bias B1,B2,…: also score the final pass with each bias against O (recall for precision).
const biases = [0, ...value('o-bias', '').split(',').filter(Boolean).map(Number)];
const tagWithBiases = (tr: readonly GoldSentence[], ev: readonly GoldSentence[], res: ReturnType<typeof resources>): string[][][] => {
  const run = trainStages(tr, [ev], res, withPos(tr, ev));
  return biases.map((b) => (b === 0 ? run.tags[0] : run.retag(b)[0]));
};
const label = (b: number): string => (b === 0 ? '' : ` O-bias ${b}`);

const cv = Number(value('cv', '0'));
if (cv > 0) {
  const gold: string[][] = [];
  const pred: string[][][] = biases.map(() => []);
  for (let k = 0; k < cv; k++) {
    const lo = Math.floor((k * train.length) / cv);
    const hi = Math.floor(((k + 1) * train.length) / cv);
    const part = [...train.slice(0, lo), ...train.slice(hi)];
    const held = train.slice(lo, hi);
    tagWithBiases([...part, ...extra], held, resources(part)).forEach((tags, i) => pred[i].push(...tags));
    gold.push(...held.map((s) => s.tags));
  }
  biases.forEach((b, i) => console.log(`cv${cv}${label(b)}: ${summary(scoreNer(gold, pred[i]))} (${((Date.now() - t0) / 1000).toFixed(0)}s)`));
  if (flag('errors')) console.log(errorBreakdown(gold, pred[0]));
}
const devRuns = tagWithBiases([...train, ...extra], dev, resources(train));
const devGold = dev.map((d) => d.tags);
biases.forEach((b, i) => {
  const s = scoreNer(devGold, devRuns[i]);
  console.log(`dev${label(b)}: ${summary(s)} P ${s.overall.precision.toFixed(2)} R ${s.overall.recall.toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
});
const devScores = scoreNer(devGold, devRuns[0]);
if (flag('verbose')) console.log(formatNerScores(devScores));
