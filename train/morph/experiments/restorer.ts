/**
 * Restorer experiments: retrains only the stem-spelling restorer (its lexicon and the
 * contextual choice between forms such as أن / إن; the committed model's vocabulary,
 * segmenter, tagger and lemmatizer are kept) and prints PADT dev Words and UPOS from the
 * surface tokens (CoNLL 2018), with the number of fused tokens whose words differ from gold.
 *
 *   npx tsx train/morph/experiments/restorer.ts [--epochs N] [--errors]
 *
 * Tunes on PADT dev only. Never commits anything.
 */
import { decodeMorphModel, MorphAnalyzer } from '../../../src/core/morph/analyzer.js';
import { StemRestorer } from '../../../src/core/morph/restore.js';
import { evaluateTreebank } from '../../../src/core/morph/ud.js';
import { loadModel } from '../../../src/node/models.js';
import { DEV_SETS, r2, readTreebank } from '../evaluate.js';
import { prepareSegSentences, trainRestorer } from '../segmenter-train.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const epochs = arg('--epochs', 5);
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const parts = decodeMorphModel(loadModel('morph').files);
const train = readTreebank('ud-arabic-padt/ar_padt-ud-train.txt');
const dev = readTreebank(DEV_SETS.padtDev);
const trained = trainRestorer(prepareSegSentences(train.sentences, 10), { epochs, log: args.includes('--quiet') ? undefined : log });
const restorer = new StemRestorer(trained.forms, trained.ambiguous, trained.weights.averaged(), parts.vocab);
const analyzer = new MorphAnalyzer({ ...parts, restorer });
const scores = evaluateTreebank(analyzer, dev);
let wrong = 0;
for (const s of dev.sentences) {
  const forms = s.tokens.map((t) => t.form);
  const out = analyzer.segmentTokens(forms);
  s.tokens.forEach((t, i) => {
    if (t.words.length !== out[i].length || (t.words.length > 1 && t.words.some((w, j) => w.form !== out[i][j]))) {
      wrong++;
      if (args.includes('--errors') && t.words.length === out[i].length) {
        console.log(`${forms.slice(Math.max(0, i - 4), i).join(' ')} [${t.form}] ${forms.slice(i + 1, i + 3).join(' ')}\tgold=${t.words.map((w) => w.form).join(' ')}\tpred=${out[i].join(' ')}`);
      }
    }
  });
}
log(`epochs ${epochs}: PADT dev from surface tokens Words ${r2(scores.words.f1)} UPOS ${r2(scores.upos?.f1 ?? 0)}; ${wrong} tokens split differently from gold`);
