/**
 * Segmenter experiments: retrains only the segmentation ranker (the committed model's
 * vocabulary, lexicon, tagger and lemmatizer are kept) and prints PADT dev Words and UPOS
 * from the surface tokens (CoNLL 2018), with the number of wrongly split fused tokens.
 *
 *   npx tsx train/morph/experiments/segmenter.ts [--epochs N] [--seeds K] [--list]
 *
 * `--list` prints every token split differently from gold. Tunes on PADT dev only. Never commits anything.
 */
import { decodeMorphModel, MorphAnalyzer } from '../../../src/core/morph/analyzer.js';
import { HashedLexicon } from '../../../src/core/morph/lexicon.js';
import type { SpecialAnalysis } from '../../../src/core/morph/segmenter.js';
import { evaluateTreebank } from '../../../src/core/morph/ud.js';
import { loadModel } from '../../../src/node/models.js';
import { DEV_SETS, r2, readTreebank } from '../evaluate.js';
import { meanOfAveraged } from '../perceptron.js';
import { foreignWeightsByFold, prepareSegSentences, trainSegmenter } from '../segmenter-train.js';

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
// --seeds K: K rankers on different shuffles, their averaged weights averaged again.
const seeds = arg('--seeds', 1);
const segData = prepareSegSentences(train.sentences, 10);
const foreign = foreignWeightsByFold(segData, 10);
const runs = Array.from({ length: seeds }, (_, r) =>
  trainSegmenter(segData, parts.vocab, { epochs, folds: 10, foreign, shuffleSeed: 17 + 1000 * r, log: args.includes('--quiet') ? undefined : log }),
);
// The lexicon is counted again, so that a change to the candidates or labels is seen whole.
const specials = new Map<string, SpecialAnalysis[]>();
for (const [norm, sp] of runs[0].lexicon.allSpecials()) specials.set(norm, [...(specials.get(norm) ?? []), sp]);
const lexicon = HashedLexicon.build(runs[0].lexicon.entries(), specials);
const analyzer = new MorphAnalyzer({ ...parts, vocab: parts.vocab.withForeignWeights(foreign.all), lexicon, segmenter: seeds > 1 ? meanOfAveraged(runs.map((r) => r.weights)) : runs[0].weights.averaged() });
const scores = evaluateTreebank(analyzer, dev);
let wrong = 0;
for (const s of dev.sentences) {
  const out = analyzer.segmentTokens(s.tokens.map((t) => t.form));
  s.tokens.forEach((t, i) => {
    if (t.words.length !== out[i].length || (t.words.length > 1 && t.words.some((w, j) => w.form !== out[i][j]))) {
      wrong++;
      if (args.includes('--list')) console.log(`${t.form}\tgold=${t.words.map((w) => w.form).join(' ')}\tpred=${out[i].join(' ')}`);
    }
  });
}
log(`epochs ${epochs}, seeds ${seeds}: PADT dev from surface tokens Words ${r2(scores.words.f1)} UPOS ${r2(scores.upos?.f1 ?? 0)}; ${wrong} tokens split differently from gold`);
