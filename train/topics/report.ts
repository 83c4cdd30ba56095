/**
 * Fold-9 evaluation of a topic model through the runtime code path, and docs/TOPICS.md,
 * which this script writes in full so that every figure in it comes from a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelProbabilities, type TopicModel } from '../../src/core/discourse/topic-model.js';
import type { ThemeLexiconFile } from '../../src/core/discourse/themes.js';
import { argmax, scoreFold, type FoldScores } from '../lib/softmax.js';
import { featuresOf } from './data.js';
import { CATEGORY_MAP, TOPIC_LABELS } from './labels.js';
import type { AntArticle } from '../lib/data.js';
import { labelOf, type AntCorpus } from './labels.js';

/** Fold-9 results per ANT file, plus where the unmapped categories go. */
export interface TopicEvaluation {
  multisource: FoldScores;
  jawharafm: FoldScores;
  /** Predicted label counts for fold-9 articles whose category is not mapped (JawharaFM localNews). */
  unmapped: Record<string, Record<string, number>>;
  /** Per source of the multi-source file: accuracy and n. */
  bySource: Record<string, { accuracy: number; n: number }>;
}

/** Scores the model on fold 9 of both ANT files. */
export function evaluateTopicModel(model: TopicModel, articles: readonly (AntArticle & { corpus: AntCorpus })[]): TopicEvaluation {
  const test = articles.filter((a) => a.fold === 9);
  const gold: Record<AntCorpus, string[]> = { multisource: [], jawharafm: [] };
  const pred: Record<AntCorpus, string[]> = { multisource: [], jawharafm: [] };
  const unmapped: TopicEvaluation['unmapped'] = {};
  const bySourceCounts: Record<string, [number, number]> = {};
  for (const a of test) {
    const p = model.labels[argmax(labelProbabilities(model, featuresOf(a.text, model.header.bigrams)))];
    const label = labelOf(a.corpus, a.category);
    if (label === null) {
      const key = `${a.corpus}:${a.category}`;
      unmapped[key] ??= {};
      unmapped[key][p] = (unmapped[key][p] ?? 0) + 1;
      continue;
    }
    gold[a.corpus].push(label);
    pred[a.corpus].push(p);
    if (a.corpus === 'multisource') {
      bySourceCounts[a.source] ??= [0, 0];
      bySourceCounts[a.source][1]++;
      if (p === label) bySourceCounts[a.source][0]++;
    }
  }
  const bySource: TopicEvaluation['bySource'] = {};
  for (const [s, [ok, n]] of Object.entries(bySourceCounts)) bySource[s] = { accuracy: ok / n, n };
  return {
    multisource: scoreFold(gold.multisource, pred.multisource),
    jawharafm: scoreFold(gold.jawharafm, pred.jawharafm),
    unmapped,
    bySource,
  };
}

const pct = (x: number): string => (x * 100).toFixed(2);

function confusionTable(s: FoldScores): string {
  const labels = Object.keys(s.confusion);
  const rows = [`| gold \\ predicted | ${labels.join(' | ')} |`, `|---|${labels.map(() => '---:').join('|')}|`];
  for (const g of labels) {
    if (s.perLabel[g].support === 0) continue;
    rows.push(`| **${g}** | ${labels.map((p) => (g === p ? `**${s.confusion[g][p]}**` : String(s.confusion[g][p]))).join(' | ')} |`);
  }
  return rows.join('\n');
}

function perLabelTable(s: FoldScores): string {
  const rows = ['| label | precision | recall | F1 | support |', '|---|---:|---:|---:|---:|'];
  for (const [l, v] of Object.entries(s.perLabel)) {
    if (v.support === 0) continue;
    rows.push(`| ${l} | ${pct(v.precision)} | ${pct(v.recall)} | ${pct(v.f1)} | ${v.support} |`);
  }
  return rows.join('\n');
}

/** What the training run knows that the doc reports. */
export interface TrainingFacts {
  command: string;
  setting: Record<string, number>;
  features: number;
  bytes: number;
  themes?: ThemeLexiconFile;
  seed?: { topics: { label: string; score: number }[]; themes: { label: string; score: number }[] };
  /** Markdown rows of the fold-8 grid (written by training; absent when only evaluating). */
  grid?: string[];
}

/** The chosen setting as the doc prints it. */
export function docSetting(s: { bigrams: boolean; minDf: number; l2: number; classWeight: number; epochs: number }, temperature: number): Record<string, number> {
  return { bigrams: s.bigrams ? 1 : 0, minDf: s.minDf, l2: s.l2, classWeight: s.classWeight, epochs: s.epochs, temperature: Number(temperature.toFixed(3)) };
}

/** Writes docs/TOPICS.md. */
export function writeTopicsDoc(e: TopicEvaluation, facts: TrainingFacts): void {
  const mapRows = (corpus: AntCorpus): string =>
    Object.entries(CATEGORY_MAP[corpus])
      .map(([cat, label]) => `| ${corpus === 'multisource' ? 'multi-source' : 'JawharaFM'} | ${cat} | ${label ?? '— (left out)'} |`)
      .join('\n');
  const unmapped = Object.entries(e.unmapped)
    .map(([k, dist]) => `- ${k} (${Object.values(dist).reduce((a, b) => a + b, 0)} articles): ${Object.entries(dist).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ')}`)
    .join('\n');
  const bySource = Object.entries(e.bySource)
    .sort()
    .map(([s, v]) => `| ${s} | ${pct(v.accuracy)} | ${v.n} |`)
    .join('\n');
  const themes = facts.themes
    ? facts.themes.themes.map((t) => `| ${t.label} | ${t.description} | ${t.terms.filter(([, w]) => w >= 1).length} | ${t.terms.filter(([, w]) => w < 1).length} |`).join('\n')
    : '';
  const seed = facts.seed
    ? `On the seed article (\`../shared/seed/000_66da53df7ae971d4.txt\`, Iraq–Russia foreign-minister talks), printed by \`npm run eval:topics\`:\n\n` +
      `- topics: ${facts.seed.topics.map((t) => `${t.label} ${t.score.toFixed(3)}`).join(', ')}\n` +
      `- themes: ${facts.seed.themes.map((t) => `${t.label} ${t.score.toFixed(3)}`).join(', ')}\n`
    : '';
  const doc = `# Topics and themes

_Figures in this file are written by \`${facts.command}\` (and re-checked by \`npm run eval:topics\`); do not edit them by hand._

Marsad gives every article two things:

- \`topics\`: a probability distribution over subject labels from a classifier trained on the ANT corpus (\`src/core/discourse/topics.ts\`, model \`models/topics/classifier.bin\`);
- \`themes\`: the CAMEO / Phoenix-style issue themes the article touches (military, energy, terrorism …), found by a lexicon (\`src/core/discourse/themes.ts\`, \`models/topics/themes.json\`). An article has one topic but may carry many themes.

## Label set

The documented label set is ${TOPIC_LABELS.map((l) => `\`${l}\``).join(', ')}. The shipped classifier predicts the six labels ANT can teach: **politics, economy, sport, culture, technology, society**.

- **international** is not predicted. In ANT it is never a subject: every source splits its hard news by *geography* (BBC, CNN, France24 and Sky News file the Arab world under \`middleEast\` and the rest under \`internationalNews\`; Al Arabiya has no \`middleEast\` section and files both under \`internationalNews\`; JawharaFM, a Tunisian radio, calls everything outside Tunisia \`internationalNews\`). Whether a story is "international" depends on where the publisher stands, not on what the story is about. Marsad answers that question from the article's places (the NER and entity-linking layers), not from the topic classifier.
- **health** and **religion** are not predicted: no ANT source has such a section (BBC and Sky News put health stories in their science-and-technology section). Both are themes instead (see below), so an article about a hospital or a mosque is still marked.

### Mapping ANT categories

| file | ANT category | Marsad label |
|---|---|---|
${mapRows('multisource')}
${mapRows('jawharafm')}

Why:

- **middleEast and internationalNews → politics.** The two sections overlap completely in subject (diplomacy, war, elections, governments) and differ only in geography, as above; keeping them apart would teach the classifier where a story happens, not what it is about, and would cap accuracy far below what the subject distinction allows. Their content is overwhelmingly political, so they join JawharaFM's \`politic\` as **politics**. This is also what a reader expects of the seed article (two foreign ministers' talks): politics.
- **JawharaFM internationalNews → politics** for the same reason (the world section of a Tunisian radio is foreign politics).
- **JawharaFM society and diverse → society.** \`society\` is local incidents (crime, accidents, courts), \`diverse\` is *faits divers* (odd news, human interest, health studies); both are "society" news in the sense of a newspaper section.
- **JawharaFM localNews is left out** of training and of the accuracy figures. It is the Tunisian national-news section, a mix of domestic politics, unions, security and society: the classifier, trained without it, sends its articles partly to politics, partly to society and some to economy (fold-9 distribution below): it has no single subject.

## Classifier

Multinomial logistic regression over hashed term features: the term of a word is its light stem (\`light10-v1\` in \`src/core/discourse/terms.ts\`: ة/ى/hamza folding, article and conjunction+article stripped, a short list of suffixes stripped; a bare و/ب/ل/ك is never stripped, so \`وزير\` stays \`وزير\`). Features are (1 + ln tf) × idf, L2-normalized; bigrams of consecutive words are supported and chosen on fold 8. Trained by SGD on folds 0–7 of both ANT files; the hyperparameters below were chosen on fold 8 (mean of the two files' macro-F1), and a softmax temperature was fitted on fold 8 so that the scores behave as probabilities. Weights are stored as int8 per label, idf as uint8; fold 9 is scored with the quantized model through the runtime code path, once.

${facts.grid ? `Fold-8 grid (30 epochs of SGD, learning rate 2; the chosen row maximizes the mean of the two macro-F1 columns):\n\n| features | min df | L2 | class weight | features kept | multi-source acc. | multi-source macro-F1 | JawharaFM macro-F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n${facts.grid.join('\n')}\n\n` : ''}Chosen setting: ${Object.entries(facts.setting).map(([k, v]) => `${k} ${v}`).join(', ')}; ${facts.features} features; \`classifier.bin\` ${facts.bytes} bytes.

The text is the article body only (no title), as users will usually paste an article.

## Fold-9 results

| set | articles | accuracy | macro-F1 |
|---|---:|---:|---:|
| ANT multi-source (BBC, CNN, Al Arabiya, France24, Sky News) | ${e.multisource.n} | **${pct(e.multisource.accuracy)}%** | ${pct(e.multisource.macroF1)} |
| ANT JawharaFM (without localNews) | ${e.jawharafm.n} | **${pct(e.jawharafm.accuracy)}%** | ${pct(e.jawharafm.macroF1)} |

The issue's goal was ≥ 96% accuracy on the multi-source set. ${e.multisource.accuracy >= 0.96 ? 'It is met.' : `**It is not met** (${pct(e.multisource.accuracy)}%). No setting of the fold-8 grid above comes near it. (Character 4-grams, adding the title to the body, multinomial naive Bayes and training on the multi-source file alone were also tried during development and dropped; they are not in the script and no figure is claimed for them.) The errors are mostly articles whose section is not their subject: BBC's \`culture\` section is largely celebrity and odd news (a singer shot in a nightclub, a stolen painting, a model's arrest) that reads as world news; \`economy\` holds sanctions and trade-war politics; Sky News and BBC \`technology\` hold health and science stories. Beating this needs either cleaner labels or a model that knows the publisher's section conventions, not a better bag of words.`}

Accuracy by source (multi-source, fold 9):

| source | accuracy | articles |
|---|---:|---:|
${bySource}

### Multi-source, per label

${perLabelTable(e.multisource)}

${confusionTable(e.multisource)}

### JawharaFM, per label

${perLabelTable(e.jawharafm)}

${confusionTable(e.jawharafm)}

### Left-out categories (fold 9), predicted labels

${unmapped || '- none'}

${seed}
## Themes

Themes follow the CAMEO / Phoenix issue coding (military, energy, terrorism, nuclear, elections …) plus the news themes a reader of Arabic press expects (religion, health, refugees …). Each theme is a list of phrases: hand-written strong terms (weight 1: \`الإرهاب\`, \`النفط والغاز\`), hand-written weak terms (weight 0.5: \`قوات\`, \`الدفاع\`, which football also uses) and entries of UniversalPetrarch's Arabic synonym sets and agent dictionary (weight 0.5), admitted only if they occur in at least 3 and at most 1.5% of the ANT training articles. Phrases are matched on term keys, longest first; a theme needs at least one strong phrase; its score is 1 − exp(−evidence / (2 + words/150)), where each distinct phrase adds weight × (1 + ln count); themes under 0.3 are dropped. In an article the classifier reads as sport (p > 0.5) weak terms are ignored.

| theme | description | strong terms | weak terms (hand + PETRARCH) |
|---|---|---:|---:|
${themes}

The themes lexicon has no held-out evaluation (ANT has no theme labels); it is checked by unit tests on hand-written sentences and by the seed article above.
`;
  mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
  writeFileSync(join(process.cwd(), 'docs', 'TOPICS.md'), doc);
}
