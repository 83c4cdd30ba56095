/**
 * `tsx train/ner/prune-sweep.ts [--trigrams]`: trains the committed recipe once on the train
 * split, then exports it with several pruning thresholds and prints, for each, dev F1, the
 * number of features kept per pass, the size of the weight files and the throughput (wall
 * clock and CPU time). This is how `PRUNE` in `settings.ts` was chosen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchNer, benchTexts } from '../../bench/ner.js';
import { evaluateNer } from '../../src/core/entities/evaluate.js';
import { packWeights, quantizeWeights } from '../../src/core/entities/model.js';
import { unpackClusters } from '../../src/core/entities/resources.js';
import { NER_FILES, NerTagger } from '../../src/core/entities/tagger.js';
import { repoModelsDir } from '../lib/manifest.js';
import { anercorpSplit } from './data.js';
import { buildNerLexicon } from './lexicon.js';
import { morphologyExtras, trainStages } from './pipeline.js';
import { MorphAnalyzer } from '../../src/core/morph/analyzer.js';
import { loadModel } from '../../src/node/models.js';
import { goldMorphology } from '../../src/node/ner.js';
import { NER_SETTINGS } from './settings.js';

const trigrams = process.argv.includes('--trigrams');
const { train, dev } = anercorpSplit();
const clusters = unpackClusters(new Uint8Array(readFileSync(join(repoModelsDir(), 'ner', NER_FILES.clusters))));
const lexicon = buildNerLexicon(train).lexicon;
const morph = NER_SETTINGS.morphology ? MorphAnalyzer.fromFiles(loadModel('morph').files) : undefined;
const tokenExtras = morph ? { train: morphologyExtras(morph, train), others: [] } : undefined;
const { stages } = trainStages(train, [], { lexicon, clusters }, { ...NER_SETTINGS, trigrams, ...(tokenExtras ? { tokenExtras } : {}) });
const { texts, corpus } = benchTexts();
for (const prune of [0, 0.5, 1, 2, 4]) {
  const q = stages.map((s) => quantizeWeights(s.vocab.keys, s.weights.w, s.weights.trans, prune, s.baseFeatures !== false));
  if (morph) for (const w of q) w.morphFeatures = true;
  const model = { weights: q[0], weights2: q[1], lexicon, clusters };
  const f1 = evaluateNer(new NerTagger(model), [dev], undefined, goldMorphology(model)).overall.f1;
  const bytes = q.reduce((n, w) => n + packWeights(w).length, 0);
  const b = benchNer(model, texts, corpus);
  console.log(
    `trigrams ${trigrams ? 'on' : 'off'}, prune ${prune}: dev F1 ${f1.toFixed(2)}, features ${q.map((w) => w.size).join(' + ')}, ` +
      `${(bytes / 1e6).toFixed(1)} MB, ${b.tokensPerSecond.toLocaleString('en-US')} tokens/s wall, ${b.tokensPerCpuSecond.toLocaleString('en-US')} per CPU second`,
  );
}
