/**
 * Lemmatizer experiments: retrains only the lemma ranker and its rules (the committed
 * model's vocabulary, segmenter and tagger are kept) and prints SIGMORPHON 2019 dev lemma
 * accuracy from the surface tokens (CoNLL 2018 F1) and from the gold words.
 *
 *   npx tsx train/morph/experiments/lemmatizer.ts [--epochs N] [--no-templates]
 *
 * Tunes on the SIGMORPHON dev subset only. Never commits anything.
 */
import { decodeMorphModel, MorphAnalyzer } from '../../../src/core/morph/analyzer.js';
import { dediacritize } from '../../../src/core/morph/eval.js';
import { Lemmatizer, ScriptIndex } from '../../../src/core/morph/lemmatizer.js';
import { evaluateTreebank, lemmaAccuracyOnGoldWords } from '../../../src/core/morph/ud.js';
import { loadModel } from '../../../src/node/models.js';
import { DEV_SETS, r2, readTreebank } from '../evaluate.js';
import { lemmaExamples, trainLemmatizer } from '../lemma-train.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const epochs = arg('--epochs', 8);
const templates = !args.includes('--no-templates');
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const parts = decodeMorphModel(loadModel('morph').files);
const train = readTreebank('ud-arabic-padt/ar_padt-ud-train.txt');
const examples = lemmaExamples(readTreebank('ud-arabic-padt/sigmorphon2019-lemma/ar_padt-um.ud-train.conllu'), train);
const lemma = trainLemmatizer(examples.examples, parts.vocab, { epochs, minScriptCount: 2, templates, log: args.includes('--quiet') ? undefined : log });
const rules = lemma.scripts.filter((n) => n.startsWith('@')).length;
const lemmatizer = new Lemmatizer(lemma.lexicon, ScriptIndex.fromNames(lemma.scripts), lemma.weights.averaged(), parts.vocab, dediacritize);
const analyzer = new MorphAnalyzer({ ...parts, lemmatizer });
const sig = readTreebank(DEV_SETS.sigmorphonDev);
const scores = evaluateTreebank(analyzer, sig);
const onGold = lemmaAccuracyOnGoldWords(analyzer, sig, dediacritize);
log(`epochs ${epochs}, ${lemma.scripts.length} rules (${rules} templates): SIGMORPHON dev lemma ${r2(scores.lemma?.f1 ?? 0)} from surface tokens, ${r2(onGold.accuracy)} from gold words`);
if (args.includes('--errors')) {
  // The gold-word errors, with the tag the analyzer gave: `form tag predicted gold`.
  for (const s of sig.sentences) {
    const analyzed = analyzer.analyzeGold(s.tokens);
    s.tokens.forEach((t, i) => t.words.forEach((w, j) => {
      const seg = analyzed[i].segments[j];
      if (w.lemma !== undefined && seg.lemma !== dediacritize(w.lemma)) console.log(`${w.form}\t${seg.pos}\t${seg.lemma}\t${dediacritize(w.lemma)}`);
    }));
  }
}
if (args.includes('--rules')) console.log(lemma.scripts.filter((n) => n.startsWith('@')).join('\n'));
