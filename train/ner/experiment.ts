/**
 * A quick experiment loop for choosing features and epochs on dev, without writing a
 * model: `tsx train/ner/experiment.ts [--subset N] [--epochs N] [--no-clusters] [--no-gazetteers]`.
 * Reads clusters from `models/ner/clusters.bin` (or `--clusters FILE`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { formatNerScores, scoreNer } from '../../src/core/entities/conll.js';
import { unpackClusters } from '../../src/core/entities/resources.js';
import { anercorpSplit } from './data.js';
import { buildNerLexicon } from './lexicon.js';
import { encodeAll, tagEncoded, trainPerceptron } from './perceptron.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

const { train: fullTrain, dev } = anercorpSplit();
const subset = Number(value('subset', '0'));
const train = subset > 0 ? fullTrain.slice(0, subset) : fullTrain;
const t0 = Date.now();
const lexicon = flag('no-gazetteers') ? undefined : buildNerLexicon(train).lexicon;
const clusterFile = value('clusters', 'models/ner/clusters.bin');
const clusters = flag('no-clusters') || !existsSync(clusterFile) ? undefined : unpackClusters(new Uint8Array(readFileSync(clusterFile)));
const enc = encodeAll({ lexicon, clusters }, train, [dev]);
console.log(`encoded ${train.length} train sentences, ${enc.vocab.keys.length} features (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
const epochs = Number(value('epochs', '12'));
trainPerceptron(enc.train, enc.vocab.keys.length, {
  epochs,
  seed: 7,
  onEpoch: (epoch, model) => {
    const pred = tagEncoded(enc.others[0], model.averaged());
    const s = scoreNer(
      dev.map((d) => d.tags),
      pred,
    );
    const per = Object.entries(s.byType)
      .map(([t, x]) => `${t} ${x.f1.toFixed(1)}`)
      .join(' ');
    console.log(`epoch ${epoch}: dev F1 ${s.overall.f1.toFixed(2)} (${per}) ${((Date.now() - t0) / 1000).toFixed(0)}s`);
    if (epoch === epochs) console.log(formatNerScores(s));
  },
});
