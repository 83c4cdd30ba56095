/**
 * Builds the keyword model (models/keywords/): document frequencies of terms and 2–3-word
 * term phrases over unlabeled news, counted with the runtime's own candidate function,
 * plus the stop-word list.
 *
 *   npm run train:keywords                        # ANT folds 0-8 (Apache-2.0): the shipped model
 *   npm run train:keywords -- --with-saudinewsnet # adds SaudiNewsNet (CC BY-NC-SA 4.0: the model becomes non-commercial)
 *
 * ANT fold 9 is left out because the summary evaluation scores on it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDocument } from '../../src/core/document.js';
import { encodeKeywordTable, stopKeysOf } from '../../src/core/discourse/keyword-model.js';
import { createKeywordsStage, forEachCandidate, loadKeywordModel } from '../../src/core/discourse/keywords.js';
import { light10Terms } from '../../src/core/discourse/terms.js';
import type { ModelDataSource } from '../../src/core/model/manifest.js';
import { readAnt, readSaudiNews, requireData } from '../lib/data.js';
import { repoModelsDir, writeManifest } from '../lib/manifest.js';
import { simpleTokenize } from '../lib/simple-text.js';
import { SEED_ARTICLE } from '../topics/seed.js';
import { buildStopWordFile } from './stopwords.js';

const { values: args } = parseArgs({ options: { 'with-saudinewsnet': { type: 'boolean', default: false } } });
const withSaudi = args['with-saudinewsnet'] ?? false;

const MIN_DF_UNIGRAM = 2;
const MIN_DF_PHRASE = 3;
const MAX_PHRASE_WORDS = 3;
const terms = light10Terms;

const started = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const stopFile = buildStopWordFile();
const stopKeys = stopKeysOf(stopFile, terms);
const texts = readAnt()
  .filter((a) => a.fold <= 8)
  .map((a) => a.title + '\n' + a.text);
const antCount = texts.length;
if (withSaudi) texts.push(...readSaudiNews().map((a) => a.title + '\n' + a.text));
log(`${texts.length} documents (${antCount} ANT${withSaudi ? `, ${texts.length - antCount} SaudiNewsNet` : ''}); ${stopKeys.size} stop keys`);

const dfUnigram = new Map<number, number>();
const dfPhrase = new Map<number, number>();
for (const text of texts) {
  const uni = new Set<number>();
  const phrases = new Set<number>();
  forEachCandidate(terms, stopKeys, simpleTokenize(text), MAX_PHRASE_WORDS, (hash, words) => (words === 1 ? uni : phrases).add(hash));
  for (const h of uni) dfUnigram.set(h, (dfUnigram.get(h) ?? 0) + 1);
  for (const h of phrases) dfPhrase.set(h, (dfPhrase.get(h) ?? 0) + 1);
}
const kept = new Map<number, number>();
for (const [h, d] of dfUnigram) if (d >= MIN_DF_UNIGRAM) kept.set(h, d);
let phrasesKept = 0;
for (const [h, d] of dfPhrase) {
  if (d >= MIN_DF_PHRASE && !kept.has(h)) {
    kept.set(h, d);
    phrasesKept++;
  }
}
log(`distinct terms ${dfUnigram.size}, phrases ${dfPhrase.size}; kept ${kept.size - phrasesKept} terms (df ≥ ${MIN_DF_UNIGRAM}) and ${phrasesKept} phrases (df ≥ ${MIN_DF_PHRASE})`);

const table = encodeKeywordTable(
  { termFunction: terms.name, documents: texts.length, minDf: { unigram: MIN_DF_UNIGRAM, phrase: MIN_DF_PHRASE }, maxPhraseWords: MAX_PHRASE_WORDS },
  kept,
);
const dir = join(repoModelsDir(), 'keywords');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'idf.bin'), table);
writeFileSync(join(dir, 'stopwords.txt'), stopFile);
log(`wrote idf.bin (${table.length} bytes) and stopwords.txt (${Buffer.byteLength(stopFile)} bytes)`);

// The seed article, through the runtime stage.
const model = loadKeywordModel({ files: new Map([['idf.bin', table], ['stopwords.txt', new TextEncoder().encode(stopFile)]]) });
const seedText = readFileSync(requireData(SEED_ARTICLE), 'utf8');
const doc = createDocument(seedText);
doc.tokens = simpleTokenize(seedText);
createKeywordsStage(model).run(doc, {});
const seedKeywords = doc.keywords ?? [];
log(`seed keywords: ${seedKeywords.map((k) => `${k.text} ${k.score}`).join(' | ')}`);

const data: ModelDataSource[] = [
  {
    name: 'ANT v2.1 multi-source (subset) + ANT v1.1 JawharaFM',
    source: 'https://github.com/antcorpus/antcorpus.multisource.data, https://github.com/antcorpus/antcorpus.data',
    commit: 'f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8, 06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83',
    licence: 'Apache-2.0 + citation licence',
    split: 'folds 0-8, titles and bodies (fold 9 is kept for the summary evaluation)',
  },
  {
    name: 'arabic-stop-words (mohataher)',
    source: 'https://github.com/mohataher/arabic-stop-words',
    commit: '767255429135eb8120818102cf97523b3c05c8bd',
    licence: 'MIT',
    split: 'list.txt, edited (train/keywords/stopwords.ts)',
  },
];
if (withSaudi) {
  data.push({
    name: 'SaudiNewsNet (subset)',
    source: 'https://github.com/parallelfold/SaudiNewsNet',
    commit: '4e39239966c2ae8a3faa591201acb9cd1f51199d',
    licence: 'CC BY-NC-SA 4.0',
    split: 'all 2,536 articles of the subset',
  });
}
writeManifest({
  name: 'keywords',
  version: '1.0.0',
  description: `Inverse document frequencies of light10 terms and 2-${MAX_PHRASE_WORDS}-word term phrases (hashed), and the keyword stop-word list.`,
  licence: withSaudi ? 'CC BY-NC-SA 4.0 (counts include SaudiNewsNet); stopwords.txt MIT' : 'Apache-2.0 (counts from ANT; cite Chouigui et al.); stopwords.txt MIT',
  data,
  trainCommand: withSaudi ? 'npm run train:keywords -- --with-saudinewsnet' : 'npm run train:keywords',
  scores: {
    documents: texts.length,
    terms: kept.size - phrasesKept,
    phrases: phrasesKept,
    seedKeywords,
    note: 'Keywords have no gold standard here; their effect is measured through the summary (npm run eval:summary).',
  },
  files: ['idf.bin', 'stopwords.txt'],
});
log('wrote models/keywords/');
