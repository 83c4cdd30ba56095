/**
 * A quick experiment loop for choosing features and settings, without writing a model:
 * `tsx train/ner/experiment.ts [--cv K] [--epochs N] [--dropout P] [--two-stage] [--crf]
 * [--no-clusters] [--no-gazetteers] [--extra aqmar|aqmar-nomisc|wojood] [--pos]`
 * (`--pos`: the morphology's features).
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
import { morphologyExtras, type PipelineSettings, trainAndTag, trainStages } from './pipeline.js';
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

const cv = Number(value('cv', '0'));
if (cv > 0) {
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (let k = 0; k < cv; k++) {
    const lo = Math.floor((k * train.length) / cv);
    const hi = Math.floor(((k + 1) * train.length) / cv);
    const part = [...train.slice(0, lo), ...train.slice(hi)];
    const held = train.slice(lo, hi);
    const tags = trainAndTag([...part, ...extra], held, resources(part), withPos([...part, ...extra], held));
    gold.push(...held.map((s) => s.tags));
    pred.push(...tags);
  }
  console.log(`cv${cv}: ${summary(scoreNer(gold, pred))} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  if (flag('errors')) console.log(errorBreakdown(gold, pred));
}
const devTags = trainAndTag([...train, ...extra], dev, resources(train), withPos([...train, ...extra], dev));
const devScores = scoreNer(
  dev.map((d) => d.tags),
  devTags,
);
console.log(`dev: ${summary(devScores)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
if (flag('verbose')) console.log(formatNerScores(devScores));
