/**
 * `npm run train:morph`: builds the morphology model (segmenter, stem restoration, UPOS
 * tagger, lemmatizer, news vocabulary and word clusters) from ../shared/data, writes it
 * under models/morph/, evaluates it on the dev sets and writes the manifest.
 *
 * Options: `--epochs N` (perceptron epochs, default 8), `--quick` (a fifth of the training
 * sentences and fewer epochs, to iterate; never commit a quick model), `--with-dev` (also
 * train on PADT dev and the SIGMORPHON dev subset, for a model sent to the held-out test:
 * its dev figures are then no longer held out, and the manifest says so).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MorphAnalyzer, MORPH_FILES, type MorphLexiconFile } from '../../src/core/morph/analyzer.js';
import { HashedLexicon } from '../../src/core/morph/lexicon.js';
import { CLUSTER_FANOUT, Vocabulary } from '../../src/core/morph/vocabulary.js';
import { normalize } from '../../src/core/text/normalize.js';
import { hasData } from '../lib/data.js';
import { repoModelsDir, writeManifest } from '../lib/manifest.js';
import { buildClusters } from './clusters.js';
import { evaluateAnalyzer, r2, readTreebank } from './evaluate.js';
import { lemmaExamples, trainLemmatizer } from './lemma-train.js';
import { buildNewsVocab } from './news-vocab.js';
import { meanOfAveraged } from './perceptron.js';
import { foreignWeightsByFold, prepareSegSentences, trainRestorer, trainSegmenter } from './segmenter-train.js';
import { AmbiguityIds, assignAmbiguity, assignForeignness, goldTagSentence, reversedTagSentence, trainTagger } from './tagger-train.js';

const VERSION = '1.0.0';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withDev = args.includes('--with-dev');
const epochsArg = args.indexOf('--epochs');
const epochs = epochsArg >= 0 ? Number(args[epochsArg + 1]) : quick ? 4 : 8;
const log = (s: string): void => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${s}`);
const started = performance.now();

if (!hasData('ud-arabic-padt')) {
  console.error('Data missing: ../shared/data/ud-arabic-padt (or set MARSAD_DATA). See its SOURCE.md.');
  process.exit(2);
}

const train = readTreebank('ud-arabic-padt/ar_padt-ud-train.txt');
log(`PADT train: ${JSON.stringify(train.stats)}`);
const devTreebank = withDev ? readTreebank('ud-arabic-padt/ar_padt-ud-dev.txt') : undefined;
const trainSentences = quick ? train.sentences.filter((_, i) => i % 5 === 0) : [...train.sentences, ...(devTreebank?.sentences ?? [])];

// 1. News statistics: word counts and clusters (ANT folds 0-7 and SaudiNewsNet; PADT train words join the clusters).
const news = buildNewsVocab();
log(`news vocabulary: ${news.counts.size} forms from ${news.words} words in ${news.documents} documents`);
const clusterOptions = { maxWords: 100_000, minCount: 3, contexts: 2000, dims: 96, coarse: 32, fine: CLUSTER_FANOUT, iterations: 12, log };
const clusters = buildClusters(
  clusterOptions,
  train.sentences.map((s) => s.tokens.flatMap((t) => t.words.map((w) => w.form))),
);
const vocab = Vocabulary.fromCounts(news.counts, (s) => normalize(s), clusters.clusters);
log(`vocabulary table: ${vocab.table.size} entries`);

// 2. Segmenter and stem restoration.
const segData = prepareSegSentences(trainSentences, 10);
// Four rankers on different shuffles, averaged into one: 3 to 7 fewer wrongly split PADT dev
// tokens at 6, 8, 10 and 12 epochs (`train/morph/experiments/segmenter.ts --seeds 4`).
const SEGMENTER_SHUFFLES = 4;
const foreign = foreignWeightsByFold(segData, 10);
const segRuns = Array.from({ length: SEGMENTER_SHUFFLES }, (_, r) => trainSegmenter(segData, vocab, { epochs, folds: 10, foreign, shuffleSeed: 17 + 1000 * r, log }));
const seg = segRuns[0];
const segmenterWeights = meanOfAveraged(segRuns.map((r) => r.weights));
const restorer = trainRestorer(segData, { epochs: 5, log });

// 3. Tagger, with ambiguity classes (held-out for training words; the whole treebank's go into the vocabulary).
const tagData = trainSentences.map(goldTagSentence);
const ambiguity = assignAmbiguity(tagData, 10, new AmbiguityIds());
assignForeignness(tagData, foreign.heldOut);
const tagger = trainTagger(tagData, vocab, { epochs, log });
// The same features read right to left: the analyzer asks it about the words the first pass is unsure of.
const taggerBackward = trainTagger(tagData.map(reversedTagSentence), vocab, { epochs, log });
const finalVocab = Vocabulary.fromCounts(news.counts, (s) => normalize(s), clusters.clusters, 2, ambiguity, foreign.all);
log(`final vocabulary table: ${finalVocab.table.size} entries (${ambiguity.size} words with ambiguity classes)`);

// 4. Lemmatizer (SIGMORPHON 2019 subset of PADT train, with PADT UPOS).
const lemmaTrain = lemmaExamples(readTreebank('ud-arabic-padt/sigmorphon2019-lemma/ar_padt-um.ud-train.conllu'), train);
if (devTreebank) lemmaTrain.examples.push(...lemmaExamples(readTreebank('ud-arabic-padt/sigmorphon2019-lemma/ar_padt-um.ud-dev.conllu'), devTreebank).examples);
log(`lemma training sentences: ${lemmaTrain.examples.length} (${lemmaTrain.unmatched} unmatched)`);
const lemma = trainLemmatizer(lemmaTrain.examples, vocab, { epochs, minScriptCount: 2, log });

// 5. Write the files.
const dir = join(repoModelsDir(), 'morph');
mkdirSync(dir, { recursive: true });
const specials = new Map<string, string[][]>();
for (const [norm, sp] of seg.lexicon.allSpecials()) {
  const list = specials.get(norm) ?? [];
  list.push([...sp.forms]);
  specials.set(norm, list);
}
const lexiconFile: MorphLexiconFile = {
  format: 1,
  version: VERSION,
  restoreForms: [...restorer.forms].sort(),
  restoreAmbiguous: [...restorer.ambiguous].sort(),
  specials: [...specials].sort(),
  lemmaLexicon: [...lemma.lexicon].sort(),
  lemmaScripts: lemma.scripts,
};
const hashedLexicon = HashedLexicon.build(seg.lexicon.entries(), new Map());
const files: [string, Uint8Array][] = [
  [MORPH_FILES.lexicon, new TextEncoder().encode(JSON.stringify(lexiconFile))],
  [MORPH_FILES.vocab, finalVocab.table.serialize()],
  [MORPH_FILES.segmenter, segmenterWeights.serialize()],
  [MORPH_FILES.segLexicon, hashedLexicon.table.serialize()],
  [MORPH_FILES.restore, restorer.weights.averaged().serialize()],
  [MORPH_FILES.tagger, tagger.averaged().serialize()],
  [MORPH_FILES.taggerBackward, taggerBackward.averaged().serialize()],
  [MORPH_FILES.lemma, lemma.weights.averaged().serialize()],
];
for (const [name, bytes] of files) {
  writeFileSync(join(dir, name), bytes);
  log(`wrote ${name}: ${(bytes.byteLength / 1e6).toFixed(2)} MB`);
}

// 6. Evaluate what was written (decoded from the bytes, as at run time).
const t0 = performance.now();
const analyzer = MorphAnalyzer.fromFiles(new Map(files));
const loadMs = Math.round(performance.now() - t0);
const figures = evaluateAnalyzer(analyzer, log);
const speed = figures.speed;
const sizeBytes = files.reduce((n, [, b]) => n + b.byteLength, 0);

writeManifest({
  name: 'morph',
  version: VERSION,
  description:
    'Arabic morphology: PADT-style clitic segmentation (a candidate ranker: the mean of four averaged perceptrons trained on different shuffles) with orthography restoration, UPOS tagging (greedy averaged perceptron, with a right-to-left one asked about unsure words; both read a letter-trigram foreignness score learned from the words PADT tags X), ' +
    'lemmatization (lexicon + edit scripts and templates) and the search stemmer built on the segmenter. Pure TypeScript runtime: src/core/morph/.',
  licence:
    'CC BY-NC-SA 3.0. The model is trained on UD Arabic-PADT (CC BY-NC-SA 3.0) and carries that licence (NonCommercial, ShareAlike); ' +
    'it also holds word counts and clusters computed from SaudiNewsNet (CC BY-NC-SA 4.0) and ANT (Apache-2.0).',
  data: [
    {
      name: 'UD Arabic-PADT (reduced: syntactic words + UPOS, fused-token markers)',
      source: 'kariminf/chdzdt data/pos-tag/arabic/ar_padt-ud-train.txt (extracted from UniversalDependencies/UD_Arabic-PADT)',
      commit: 'efa0522ceace59d40576027ba204fa3fed364793',
      licence: 'CC BY-NC-SA 3.0',
      split: quick ? 'train (every fifth sentence: QUICK MODEL)' : withDev ? 'train + dev (dev figures below are NOT held out)' : 'train (dev only for evaluation)',
    },
    {
      name: 'SIGMORPHON 2019 task 2, UD_Arabic-PADT lemmas (sentences of the UD train split)',
      source: 'sigmorphon/2019 task2/UD_Arabic-PADT',
      commit: '8e6abdb405492cf2f92ad93adbe37e9a2d3afc2d',
      licence: 'derived from UD Arabic-PADT: CC BY-NC-SA 3.0',
      split: 'ar_padt-um.ud-train.conllu (1,226 sentences)',
    },
    {
      name: 'ANT corpus (unlabeled text only: word counts and clusters)',
      source: 'antcorpus/antcorpus.multisource.data f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8; antcorpus/antcorpus.data 06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83',
      licence: 'Apache-2.0 (cite Chouigui et al. 2017)',
      split: 'folds 0-7',
    },
    {
      name: 'SaudiNewsNet subset (unlabeled text only: word counts and clusters)',
      source: 'parallelfold/SaudiNewsNet',
      commit: '4e39239966c2ae8a3faa591201acb9cd1f51199d',
      licence: 'CC BY-NC-SA 4.0',
      split: 'all 2,536 articles of the subset',
    },
  ],
  trainCommand: `npm run train:morph${quick || withDev || epochsArg >= 0 ? ' --' : ''}${quick ? ' --quick' : ''}${withDev ? ' --with-dev' : ''}${epochsArg >= 0 ? ` --epochs ${epochs}` : ''}`,
  scores: {
    note:
      'F1 with CoNLL 2018 alignment, from the gold surface tokens (not gold words). Lemma: undiacritized comparison (lemmaExact: as written). Printed by npm run eval:morph.' +
      (withDev ? ' TRAINED ON DEV: these dev figures are not held out.' : ''),
    padtDev: figures.padtDev,
    sigmorphonDev: figures.sigmorphonDev,
    pud: figures.pud,
    stemmerAgreementPadtDev: figures.stemmer,
    speedTokensPerSecond: { ...speed, note: 'one core, shared 2-core machine: noisy' },
    loadMs,
    sizeBytes,
    epochs,
  },
  files: files.map(([name]) => name),
});
log(`manifest written; total ${(sizeBytes / 1e6).toFixed(2)} MB, decoded in ${loadMs} ms; PADT dev Words ${figures.padtDev.words} UPOS ${figures.padtDev.upos}; ${r2(speed.wordsPerSecond)} tokens/s`);
