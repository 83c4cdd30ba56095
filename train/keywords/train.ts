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
import { repoModelsDir, writeManifest, writesRepo } from '../lib/manifest.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { SEED_ARTICLE } from '../topics/seed.js';
import { buildStopWordFile, CONTENT_WORDS_REMOVED } from './stopwords.js';

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
  forEachCandidate(terms, stopKeys, tokenize(text), MAX_PHRASE_WORDS, (hash, words) => (words === 1 ? uni : phrases).add(hash));
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
doc.tokens = tokenize(seedText);
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
if (writesRepo()) writeFileSync(
  join(process.cwd(), 'docs', 'KEYWORDS.md'),
  `# Keywords

_Figures in this file are written by \`${withSaudi ? 'npm run train:keywords -- --with-saudinewsnet' : 'npm run train:keywords'}\`; do not edit them by hand._

The \`keywords\` stage (\`src/core/discourse/keywords.ts\`) ranks single terms and 2–${MAX_PHRASE_WORDS}-word phrases of an article by TF-IDF.

- **Terms** are light stems (\`light10-v1\`, \`src/core/discourse/terms.ts\`), so \`العراق\`, \`والعراق\` and \`للعراق\` count together. The term function is pluggable: models record the one they were built with, and the stage refuses a mismatch; when the morphology stage lands, a lemma-based term function can be added and this model rebuilt with it.
- **Candidates** are runs of content words: a stop word, punctuation or a number ends a run. In an article of 120 words or more a keyword must occur at least twice, unless it is a phrase that the corpus knows as a collocation (seen in at least a fifth of the documents of its rarer word: \`خط الأنابيب\`, \`حقوق الإنسان\`).
- **Scores**: (1 + ln tf) × idf for a term; (1 + ln tf) × mean idf of its words × (1 + 0.25 per extra word) for a phrase; shown relative to the best keyword (1). A word already covered by a chosen phrase is not listed alone unless it also occurs often outside it.
- **Glued words**: a word unknown to the corpus that splits at a و into two words each seen in at least 20 documents (\`روسياوالعراق\`) is not shown.
- **Display**: the spelling most used in the article, without diacritics or tatweel, with standard final ي, hamza kept, and without a leading conjunction (\`والعراق\` reads \`العراق\`).

## Model

\`models/keywords/idf.bin\`: inverse document frequencies (idf = ln((N + 1)/(df + 1)) + 1, uint8-quantized) keyed by the 32-bit hash of the term or phrase, counted with the runtime's own candidate function on ${texts.length} documents (${antCount} ANT articles of folds 0–8, title and body${withSaudi ? `, plus ${texts.length - antCount} SaudiNewsNet articles` : ''}); ANT fold 9 is left out because the summary is evaluated on it. ${kept.size - phrasesKept} terms (df ≥ ${MIN_DF_UNIGRAM}) and ${phrasesKept} phrases (df ≥ ${MIN_DF_PHRASE}); ${table.length} bytes. Anything rarer counts as df = 1.

SaudiNewsNet is not in the shipped model: its licence (CC BY-NC-SA 4.0) would make the model non-commercial. \`npm run train:keywords -- --with-saudinewsnet\` builds that variant and marks its manifest accordingly.

\`models/keywords/stopwords.txt\`: mohataher/arabic-stop-words (MIT) minus ${CONTENT_WORDS_REMOVED.length} content words it swept in (\`زيارة\`, \`دولار\`, \`خارج\` — the stem of \`الخارجية\` …), plus hand-written framing words of news writing (reporting verbs, time words, \`مصدر\`, \`بيان\` …): see \`train/keywords/stopwords.ts\`.

## Evaluation

There is no keyword gold standard in our data; keywords are measured indirectly through the summary's keyword-coverage signal (docs/SUMMARY.md). On the seed article (\`../shared/seed/000_66da53df7ae971d4.txt\`):

${seedKeywords.map((k) => `- ${k.text} (${k.score})`).join('\n')}

A word the corpus does not know that is two common words glued by و (the seed's \`روسياوالعراق\`) is never shown as a keyword; in the full pipeline the repair stage splits such tokens before this stage runs, and their halves then count where they belong.
`,
);
log(writesRepo() ? 'wrote models/keywords/ and docs/KEYWORDS.md' : `wrote ${dir}`);
