/**
 * `npm run train:ner`: trains the NER model and writes `models/ner/` with its manifest.
 *
 * 1. Word clusters from the ANT news corpus (`clusters.ts`), unless `--reuse-clusters` and
 *    `models/ner/clusters.bin` exists.
 * 2. The lexicon (gazetteers, trigger words, name starts from the training split).
 * 3. The two-pass model on our train split (ANERcorp CAMeL train minus its last 10% of
 *    sentences), scored on dev (that last 10%) and on AQMAR (out of domain) through the
 *    runtime loader, so the scores are those of the committed files.
 * 4. With `--final`, the same recipe retrained on train + dev; the committed weights are
 *    then that model's, and the manifest still reports the dev score of the train-only model.
 *
 * Flags: `--reuse-clusters`, `--final`, `--subset N` (first N train sentences, for a quick run).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GoldSentence, type NerScores, formatNerScores, parseGold } from '../../src/core/entities/conll.js';
import { EVAL_CONTEXT_WINDOW, evaluateNer } from '../../src/core/entities/evaluate.js';
import { FEATURE_VERSION, packWeights as packWeightsFor, quantizeWeights } from '../../src/core/entities/model.js';
import { type WordClusters, packClusters, packLexicon, unpackClusters } from '../../src/core/entities/resources.js';
import { NER_FILES, NerTagger, loadNerModel } from '../../src/core/entities/tagger.js';
import { readAnt, requireData } from '../lib/data.js';
import { repoModelsDir, writeManifest } from '../lib/manifest.js';
import { DEFAULT_CLUSTER_OPTIONS, computeClusters } from './clusters.js';
import { ANERCORP_TRAIN, DEV_FRACTION, anercorpSplit, tokenCount } from './data.js';
import { buildNerLexicon } from './lexicon.js';
import { morphologyExtras, type PipelineSettings, type TrainedStage, trainStages } from './pipeline.js';
import { MorphAnalyzer } from '../../src/core/morph/analyzer.js';
import { loadModel } from '../../src/node/models.js';
import { goldMorphology } from '../../src/node/ner.js';
import { NER_SETTINGS, PRUNE } from './settings.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

const outDir = join(repoModelsDir(), 'ner');
mkdirSync(outDir, { recursive: true });

// 1. Clusters.
let clusters: WordClusters;
const clusterPath = join(outDir, NER_FILES.clusters);
let clusterStats: Record<string, number> | undefined;
if (flag('reuse-clusters') && existsSync(clusterPath)) {
  clusters = unpackClusters(new Uint8Array(readFileSync(clusterPath)));
  log('reusing models/ner/clusters.bin');
} else {
  log('computing word clusters from ANT …');
  const ant = readAnt();
  const result = computeClusters(
    ant.map((a) => `${a.title}\n${a.text}`),
    DEFAULT_CLUSTER_OPTIONS,
    log,
  );
  clusters = result.clusters;
  clusterStats = result.stats;
  writeFileSync(clusterPath, packClusters(clusters));
}

// 2–3. Lexicon and model on train; scores on dev and AQMAR.
const split = anercorpSplit();
const subset = Number(value('subset', '0'));
const train = subset > 0 ? split.train.slice(0, subset) : split.train;
const { dev } = split;
const aqmarDir = requireData('aqmar');
const aqmarDocs: GoldSentence[][] = readdirSync(aqmarDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseGold(readFileSync(join(aqmarDir, f), 'utf8')));
log(`train ${train.length} sentences / ${tokenCount(train)} tokens; dev ${dev.length} / ${tokenCount(dev)}`);

function exportStages(stages: TrainedStage[], lexiconBytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const pack = (s: TrainedStage): Uint8Array => {
    const q = quantizeWeights(s.vocab.keys, s.weights.w, s.weights.trans, PRUNE, s.baseFeatures !== false);
    if (NER_SETTINGS.morphology) q.morphFeatures = true;
    return packWeightsFor(q);
  };
  files.set(NER_FILES.weights, pack(stages[0]));
  if (stages[1]) files.set(NER_FILES.weights2, pack(stages[1]));
  files.set(NER_FILES.lexicon, lexiconBytes);
  files.set(NER_FILES.clusters, packClusters(clusters));
  return files;
}

function score(files: Map<string, Uint8Array>): { dev: NerScores; aqmar: NerScores } {
  const model = loadNerModel(files);
  const tagger = new NerTagger(model);
  const morphology = goldMorphology(model);
  return {
    dev: evaluateNer(tagger, [dev], EVAL_CONTEXT_WINDOW, morphology),
    aqmar: evaluateNer(tagger, aqmarDocs, EVAL_CONTEXT_WINDOW, morphology),
  };
}

// The morphology's features come from the committed morphology model, run as its stage runs.
const morphAnalyzer = NER_SETTINGS.morphology ? MorphAnalyzer.fromFiles(loadModel('morph').files) : undefined;
const settingsFor = (sentences: readonly GoldSentence[]): PipelineSettings => ({
  ...NER_SETTINGS,
  log,
  ...(morphAnalyzer ? { tokenExtras: { train: morphologyExtras(morphAnalyzer, sentences), others: [] } } : {}),
});
const lex = buildNerLexicon(train);
log(`lexicon: ${JSON.stringify(lex.stats)}`);
const trained = trainStages(train, [], { lexicon: lex.lexicon, clusters }, settingsFor(train));
let files = exportStages(trained.stages, packLexicon(lex.lexicon));
const devModelScores = score(files);
log(`dev (model trained on train only):\n${formatNerScores(devModelScores.dev)}`);
log(`AQMAR (out of domain):\n${formatNerScores(devModelScores.aqmar)}`);

let finalScores = devModelScores;
const final = flag('final');
if (final) {
  log('retraining on train + dev …');
  const all = [...train, ...dev];
  const lexAll = buildNerLexicon(all);
  const trainedAll = trainStages(all, [], { lexicon: lexAll.lexicon, clusters }, settingsFor(all));
  files = exportStages(trainedAll.stages, packLexicon(lexAll.lexicon));
  finalScores = score(files);
  log(`AQMAR with the final model:\n${formatNerScores(finalScores.aqmar)}`);
}

for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
const round = (s: NerScores): Record<string, unknown> => ({
  precision: +s.overall.precision.toFixed(2),
  recall: +s.overall.recall.toFixed(2),
  f1: +s.overall.f1.toFixed(2),
  byType: Object.fromEntries(
    Object.entries(s.byType).map(([t, x]) => [t, { precision: +x.precision.toFixed(2), recall: +x.recall.toFixed(2), f1: +x.f1.toFixed(2), gold: x.gold }]),
  ),
});
const command = `npm run train:ner${args.length ? ' -- ' + args.join(' ') : ''}`;
const manifest = writeManifest({
  name: 'ner',
  version: `1.${FEATURE_VERSION}.0`,
  description:
    'Arabic NER (PER, LOC, ORG, MISC): two-pass linear-chain model over hashed word, clitic, affix, shape, cluster, gazetteer, ' +
    'trigger, morphology (UPOS from models/morph) and document-level features, averaged-perceptron trained, BIO-constrained Viterbi. ' +
    'Needs the morph model at run time.',
  licence:
    'CC BY-SA 4.0 (weights derived from ANERcorp). lexicon.bin holds hashed gazetteer entries derived from ODbL (countries.json), ' +
    'MIT (Egyptian governorates/cities, PETRARCH actors) and ANERGazet (research use, licence not stated) data. ' +
    'The weights were trained on the UPOS output of models/morph, which is CC BY-NC-SA 3.0 (UD Arabic-PADT) and is needed at run time, ' +
    'so use of this model together with it is bound by CC BY-NC-SA 3.0 as well.',
  data: [
    {
      name: 'ANERcorp (CAMeL Lab split), train file',
      source: 'ay94/deformar-extraction (vendors the CAMeL Lab release)',
      commit: '013f0e47e486e56e358ecfcd042dda1a46cd6860',
      licence: 'CC BY-SA 4.0',
      split: final
        ? `all of ${ANERCORP_TRAIN} (train + our dev) for the committed weights; dev = last ${DEV_FRACTION * 100}% of its sentences (${dev.length} sentences from #${split.devStart}), held out for the dev scores`
        : `train = first ${split.devStart} sentences of ${ANERCORP_TRAIN}; dev = its last ${DEV_FRACTION * 100}% (${dev.length} sentences), held out`,
    },
    {
      name: 'ANT corpus (unlabeled text for word clusters)',
      source: 'antcorpus/antcorpus.data v1.1 + antcorpus/antcorpus.multisource.data v2.1 subset',
      commit: '06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83 / f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8',
      licence: 'Apache-2.0 (cite Chouigui et al. 2017)',
      split: 'all folds, titles and texts, no labels used',
    },
    {
      name: 'UD Arabic-PADT, through models/morph (UPOS features at training and run time)',
      source: 'kariminf/chdzdt data/pos-tag/arabic/ar_padt-ud-train.txt (extracted from UniversalDependencies/UD_Arabic-PADT), via models/morph',
      commit: 'efa0522ceace59d40576027ba204fa3fed364793',
      licence: 'CC BY-NC-SA 3.0',
    },
    { name: 'ANERGazet (Loc, Org, Pers)', source: 'ITE-5th/arabic-ner', commit: '80325f06087f604e0a3ce3644a3ab0db99ff1dd9', licence: 'not stated (research use)' },
    { name: 'World countries (Arabic names)', source: 'mledoze/countries', commit: '5e9f370050f83ad2ba4cb885f75d66114badf72c', licence: 'ODbL' },
    { name: 'Egyptian governorates and cities', source: 'Tech-Labs/egypt-governorates-and-cities-db', commit: 'b1afbfb5565d2e419dd8b48f1fb05e41aa1a7788', licence: 'MIT' },
    { name: 'PETRARCH Arabic actor dictionary', source: 'openeventdata/UniversalPetrarch (arabic)', commit: 'a0af422b2e6d4d47263c9eeca3e5b7fac1d9df0e', licence: 'MIT' },
    { name: 'AQMAR (evaluation only, out of domain)', source: 'HussamHallak/AQMAR-Arabic-NERC-Dataset', commit: '02afd80a2c645b52e66d00e162cc5d652cbe6ef5', licence: 'not stated (CC BY-SA 3.0 usually cited)' },
  ],
  trainCommand: command,
  scores: {
    metric: 'CoNLL exact-span F1 (conlleval semantics), model run on gold tokens, document-level context window ' + EVAL_CONTEXT_WINDOW + ' sentences',
    dev: { ...round(devModelScores.dev), note: 'model trained on train only (dev held out)' },
    aqmarOutOfDomain: { ...round(finalScores.aqmar), note: 'all 28 AQMAR articles; MIS0-3 mapped to MISC; never used for training or tuning' },
    settings: { ...NER_SETTINGS, prune: PRUNE, final },
    ...(clusterStats ? { clusters: clusterStats } : {}),
    lexicon: lex.stats,
  },
  files: [...files.keys()],
});
const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
log(`wrote models/ner (${(bytes / 1e6).toFixed(1)} MB): ${manifest.files.map((f) => `${f.path} ${(f.bytes / 1e6).toFixed(1)} MB`).join(', ')}`);
log(`dev overall F1 ${devModelScores.dev.overall.f1.toFixed(2)}; AQMAR overall F1 ${finalScores.aqmar.overall.f1.toFixed(2)}`);
