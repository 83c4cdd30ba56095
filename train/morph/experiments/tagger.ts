/**
 * Tagger experiments: retrains only the UPOS tagger (the committed model's vocabulary,
 * segmenter, restorer and lemmatizer are kept) and prints PADT dev UPOS, from the surface
 * tokens (CoNLL 2018) and on the gold segmentation, with the main confusions.
 *
 *   npx tsx train/morph/experiments/tagger.ts [--epochs N] [--seeds K] [--foreign] [--confusions]
 *
 * Tunes on PADT dev only. Never commits anything.
 */
import { decodeMorphModel, MorphAnalyzer } from '../../../src/core/morph/analyzer.js';
import { UPOS_TAGS } from '../../../src/core/morph/tagger.js';
import { evaluateTreebank } from '../../../src/core/morph/ud.js';
import { normalize } from '../../../src/core/text/normalize.js';
import { loadModel } from '../../../src/node/models.js';
import { DEV_SETS, r2, readTreebank } from '../evaluate.js';
import { meanOfAveraged } from '../perceptron.js';
import { foreignWeightsByFold, prepareSegSentences } from '../segmenter-train.js';
import { AmbiguityIds, assignAmbiguity, assignForeignness, goldTagSentence, trainTagger } from '../tagger-train.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const epochs = arg('--epochs', 8);
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const parts = decodeMorphModel(loadModel('morph').files);
const train = readTreebank('ud-arabic-padt/ar_padt-ud-train.txt');
const dev = readTreebank(DEV_SETS.padtDev);
const tagData = train.sentences.map(goldTagSentence);
assignAmbiguity(tagData, 10, new AmbiguityIds());
// --foreign: the words' foreignness (held out by fold, as in train.ts), and its weights in the vocabulary.
const foreign = args.includes('--foreign') ? foreignWeightsByFold(prepareSegSentences(train.sentences, 10), 10) : undefined;
if (foreign) assignForeignness(tagData, foreign.heldOut);
const vocab = foreign ? parts.vocab.withForeignWeights(foreign.all) : parts.vocab;
// --seeds K: K taggers on different shuffles, their averaged weights averaged again.
const seeds = arg('--seeds', 1);
const runs = Array.from({ length: seeds }, (_, r) =>
  trainTagger(tagData, vocab, { epochs, shuffleSeed: 31 + 1000 * r, log: args.includes('--quiet') ? undefined : log }),
);
const analyzer = new MorphAnalyzer({ ...parts, vocab, tagger: seeds > 1 ? meanOfAveraged(runs) : runs[0].averaged() });

const scores = evaluateTreebank(analyzer, dev);
let correct = 0;
let total = 0;
const confusions = new Map<string, number>();
for (const s of dev.sentences) {
  const out = analyzer.analyzeGold(s.tokens);
  s.tokens.forEach((t, i) =>
    t.words.forEach((w, j) => {
      if (!w.upos || !UPOS_TAGS.includes(w.upos as never)) return;
      total++;
      const p = out[i].segments[j].pos;
      if (p === w.upos) correct++;
      else {
        const key = `${w.upos}->${p}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
        const seen = parts.vocab.ambiguity(normalize(w.form)) >= 0 ? 'seen' : 'unseen';
        confusions.set(`${seen} ${key}`, (confusions.get(`${seen} ${key}`) ?? 0) + 1);
        confusions.set(seen, (confusions.get(seen) ?? 0) + 1);
      }
    }),
  );
}
if (args.includes('--confusions')) {
  console.log([...confusions].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k} ${v}`).join('\n'));
}
log(`epochs ${epochs}, seeds ${seeds}: PADT dev from surface tokens Words ${r2(scores.words.f1)} UPOS ${r2(scores.upos?.f1 ?? 0)}; gold segmentation UPOS ${r2((100 * correct) / total)} (${total - correct} errors / ${total})`);
