/**
 * Evaluates the extractive summary and the headline on ANT multi-source BBC and CNN
 * articles, whose `abstract` is written by an editor (see the ANT SOURCE.md), with ROUGE
 * computed by train/lib/rouge.ts over light10 term keys (normalized, light-stemmed).
 *
 *   npm run eval:summary   # fold-8 grid over the summary options, then fold 9 with the defaults
 *                          # in src/core/discourse/summary.ts; writes docs/SUMMARY.md
 *
 * Articles whose abstract is just their opening (a copy of the lead) are left out: they
 * would measure copying, not summarizing; the count is printed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Keyword, Sentence, Token } from '../../src/core/document.js';
import { buildHeadline, headlineFromEvents, headlineFromLead, leadSentenceIndex } from '../../src/core/discourse/headline.js';
import { extractKeywords, loadKeywordModel } from '../../src/core/discourse/keywords.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeSentences, type SummaryOptions } from '../../src/core/discourse/summary.js';
import { light10Terms } from '../../src/core/discourse/terms.js';
import { normalize } from '../../src/core/text/normalize.js';
import { loadAnalyzer } from '../../src/node/analyzer.js';
import { loadModel } from '../../src/node/models.js';
import { readAnt, requireData } from '../lib/data.js';
import { rouge, RougeAverage, type RougeScores } from '../lib/rouge.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import { SEED_ARTICLE } from '../topics/seed.js';

const keywordModel = loadKeywordModel(loadModel('keywords'));

/** ROUGE units: term keys of words and normalized numbers. */
function units(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'number') out.push(t.norm);
    else {
      const k = light10Terms.key(t);
      if (k !== '') out.push(k);
    }
  }
  return out;
}

const squash = (s: string): string => normalize(s).replace(/[^\p{L}\p{N}]+/gu, '');

interface Article {
  source: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  keywords: Keyword[];
  abstract: string[];
  title: string[];
}

interface Split {
  fold: number;
  total: number;
  empty: number;
  copied: number;
  articles: Article[];
}

function loadSplit(fold: number): Split {
  const all = readAnt().filter((a) => a.corpus === 'multisource' && a.fold === fold && (a.source === 'BBC' || a.source === 'CNN'));
  let copied = 0;
  let empty = 0;
  const articles: Article[] = [];
  for (const a of all) {
    if (a.abstract.trim() === '') {
      empty++;
      continue;
    }
    const abs = squash(a.abstract);
    if (squash(a.text).startsWith(abs.slice(0, Math.max(20, abs.length - 5)))) {
      copied++;
      continue;
    }
    const tokens = tokenize(a.text);
    const sentences = splitSentences(a.text, tokens);
    if (sentences.length === 0) continue;
    articles.push({
      source: a.source,
      text: a.text,
      tokens,
      sentences,
      keywords: extractKeywords(keywordModel, tokens),
      abstract: units(tokenize(a.abstract)),
      title: units(tokenize(a.title)),
    });
  }
  console.log(`fold ${fold}: ${all.length} BBC+CNN articles; ${empty} without abstract, ${copied} whose abstract copies the lead; ${articles.length} evaluated`);
  return { fold, total: all.length, empty, copied, articles };
}

function tokensOfSentences(a: Article, indexes: readonly number[]): Token[] {
  const out: Token[] = [];
  for (const i of indexes) {
    const s = a.sentences[i];
    for (const t of a.tokens) if (t.start >= s.start && t.end <= s.end) out.push(t);
  }
  return out;
}

/** First k running-text sentences. */
function lead(a: Article, k: number): number[] {
  const first = Math.max(0, leadSentenceIndex(a.tokens, a.sentences));
  const out: number[] = [];
  for (let i = first; i < a.sentences.length && out.length < k; i++) if (a.sentences[i].kind === 'sentence') out.push(i);
  return out;
}

function evaluate(articles: readonly Article[], pick: (a: Article) => number[]): RougeScores & { words: number } {
  const avg = new RougeAverage();
  for (const a of articles) {
    const cand = units(tokensOfSentences(a, pick(a)));
    avg.add(rouge(cand, a.abstract), cand.length);
  }
  return avg.mean();
}

function evaluateHeadline(articles: readonly Article[], make: (a: Article) => string): RougeScores & { words: number } {
  const avg = new RougeAverage();
  for (const a of articles) {
    const cand = units(tokenize(make(a)));
    avg.add(rouge(cand, a.title), cand.length);
  }
  return avg.mean();
}

const f = (x: number): string => (x * 100).toFixed(2);
const row = (name: string, s: RougeScores & { words: number }): string =>
  `| ${name} | ${f(s.r1.f)} | ${f(s.r2.f)} | ${f(s.rl.f)} | ${f(s.r1.r)} | ${f(s.r2.r)} | ${f(s.rl.r)} | ${s.words.toFixed(1)} |`;
const header = '| system | R-1 F | R-2 F | R-L F | R-1 R | R-2 R | R-L R | words |\n|---|---:|---:|---:|---:|---:|---:|---:|';

// Fold 8: the grid the defaults were chosen from (never fold 9).
const tune = loadSplit(8);
const gridRows: string[] = [
  row('lead-1', evaluate(tune.articles, (a) => lead(a, 1))),
  row('lead-3', evaluate(tune.articles, (a) => lead(a, 3))),
];
for (const targetWords of [10, 15, 25, 40])
  for (const [position, centrality, coverage] of [
    [1, 0, 0],
    [1, 0.5, 0.5],
    [1, 1, 1],
    [0, 1, 1],
  ]) {
    const o: SummaryOptions = { targetWords, maxSentences: 3, weights: { position, centrality, coverage } };
    gridRows.push(row(`target ${targetWords} words, weights ${position}/${centrality}/${coverage}`, evaluate(tune.articles, (a) => summarizeSentences(a.tokens, a.sentences, a.keywords, o))));
  }
gridRows.push(row('headline: first 12 words of the lead', evaluateHeadline(tune.articles, (a) => leadWords(a, 12))));
gridRows.push(row('headline: Marsad', evaluateHeadline(tune.articles, (a) => headlineFromLead(a.tokens, a.sentences))));
// Headlines from events need the whole pipeline (NER, linking, events) on the raw text.
const analyzer = await loadAnalyzer();
const analyzed = new Map(tune.articles.map((a) => [a, analyzer.analyze(a.text)]));
const fromEvents = (a: Article): string => buildHeadline(analyzed.get(a) ?? { text: a.text, tokens: a.tokens, sentences: a.sentences }, { fromEvents: true });
const fromLeadEvent = (a: Article): string => {
  const doc = analyzed.get(a);
  if (!doc?.tokens || !doc.sentences) return headlineFromLead(a.tokens, a.sentences);
  const lead = leadSentenceIndex(doc.tokens, doc.sentences);
  const h = headlineFromEvents((doc.events ?? []).filter((e) => e.sentence === lead), doc.entities ?? []);
  return h !== '' ? h : headlineFromLead(doc.tokens, doc.sentences);
};
const eventHeadlines = new Map(tune.articles.map((a) => [a, fromEvents(a)]));
const eventUse = tune.articles.filter((a) => eventHeadlines.get(a) !== buildHeadline(analyzed.get(a) ?? { text: a.text, tokens: a.tokens, sentences: a.sentences })).length;
gridRows.push(row('headline: first event with actor and target or place, else Marsad', evaluateHeadline(tune.articles, (a) => eventHeadlines.get(a) ?? '')));
gridRows.push(row('headline: such an event of the lead sentence, else Marsad', evaluateHeadline(tune.articles, fromLeadEvent)));
console.log(`fold 8: an event headline replaces the trimmed lead in ${eventUse} of ${tune.articles.length} articles`);
const gridTable = [header, ...gridRows].join('\n');
console.log(gridTable);

// Fold 9: the reported figures, with the defaults.
const test = loadSplit(9);
const articles = test.articles;
const results = {
  lead1: evaluate(articles, (a) => lead(a, 1)),
  lead3: evaluate(articles, (a) => lead(a, 3)),
  marsad: evaluate(articles, (a) => summarizeSentences(a.tokens, a.sentences, a.keywords)),
  headline: evaluateHeadline(articles, (a) => headlineFromLead(a.tokens, a.sentences)),
  headlineLead12: evaluateHeadline(articles, (a) => leadWords(a, 12)),
};
const bySource = (src: string): number => articles.filter((a) => a.source === src).length;
const seedText = readFileSync(requireData(SEED_ARTICLE), 'utf8');
const seedTokens = tokenize(seedText);
const seedSentences = splitSentences(seedText, seedTokens);
const seedSummary = summarizeSentences(seedTokens, seedSentences, extractKeywords(keywordModel, seedTokens));
const seedHeadline = headlineFromLead(seedTokens, seedSentences);
const summaryTable = [header, row('lead-1 (baseline)', results.lead1), row('lead-3 (baseline)', results.lead3), row('**Marsad summary**', results.marsad)].join('\n');
const headlineTable = [header, row('first 12 words of the lead (baseline)', results.headlineLead12), row('**Marsad headline**', results.headline)].join('\n');
console.log(summaryTable);
console.log(headlineTable);
console.log(`seed: summary sentences ${JSON.stringify(seedSummary)} of ${seedSentences.length}; headline "${seedHeadline}"`);
const d = DEFAULT_SUMMARY_OPTIONS;
const doc = `# Summary and headline

_Figures in this file are written by \`npm run eval:summary\`; do not edit them by hand._

The \`summary\` stage (\`src/core/discourse/summary.ts\`) picks 1–3 sentences of the article and builds a headline of at most 12 words (\`src/core/discourse/headline.ts\`).

- **Sentences**: every running-text sentence gets position (1/√(1 + rank)), centrality (cosine of its term vector with the article's, terms weighted by ln(1 + sentences / sentences using the term)) and keyword coverage (share of the keywords stage's weight it contains); the score is ${d.weights.position} × position + ${d.weights.centrality} × centrality + ${d.weights.coverage} × coverage, and sentences under 6 words count 0.3 of it. Sentences are taken best first, skipping any whose cosine with one already taken exceeds 0.5, until the summary reaches ${d.targetWords} words or ${d.maxSentences} sentences. Inline headings are never taken.
- **Headline**: the issue asks for a headline built from the lead event (actor, verb, target). Built that way from the pipeline's events (\`buildHeadline(doc, { fromEvents: true })\`: the first event with an actor and a target or place, as \`actor trigger target\`), it scores below the trimmed lead on fold 8 (last rows of the fold-8 table; it replaces the lead in ${eventUse} of ${tune.articles.length} articles), far below when any sentence's event may serve, a little below when only the lead sentence's may: the event found is often not the article's main one, or its participants are wrong. So \`buildHeadline\` trims the lead sentence by default: dateline off, main clause only (cut before \`حيث\`, \`مشيرا\`, \`الذي\`, \`في حين\` …), comma-delimited time adverbials off (\`مساء أمس الأربعاء\`), \`قال X إن Y\` turned into \`X: Y\`, then cut at the last preposition or purpose/coordination word within 12 words.

## Data and scoring

ANT multi-source, sources BBC and CNN, whose \`abstract\` is an editor-written summary (see the corpus SOURCE.md). Articles without an abstract, or whose abstract merely copies the opening, are left out. ROUGE-1/2/L are computed by our own code (\`train/lib/rouge.ts\`) on light-stemmed normalized terms (\`light10-v1\`), reported as F1 (F) and recall (R), macro-averaged over articles; "words" is the mean length of the output in terms. Tokens and sentences come from the project tokenizer and sentence splitter.

## Fold 9 (reported)

Fold 9: ${test.total} articles, ${test.empty} without an abstract and ${test.copied} copying the lead left out: **${articles.length}** evaluated (BBC ${bySource('BBC')}, CNN ${bySource('CNN')}).

### Summary against the editor's abstract

${summaryTable}

### Headline against the title

${headlineTable}

## Fold 8 (tuning)

The defaults were chosen on fold 8 (${tune.articles.length} articles). Position dominates: these editors' abstracts mostly rework the first sentence, so lead-1 is a very strong baseline and ROUGE F1 punishes any sentence beyond the abstract's length. Centrality and keyword coverage move fold-8 scores by less than 0.2 points at weight 0.5; they are kept at that weight because they are what moves the choice away from a weak lead (a dateline, a photo caption, a one-line teaser) in texts unlike ANT's. The length target of ${d.targetWords} words means a second sentence is added only when the lead is very short.

${gridTable}

## Seed article

On the seed article (\`../shared/seed/000_66da53df7ae971d4.txt\`): summary sentences ${JSON.stringify(seedSummary)} (of ${seedSentences.length}); headline «${seedHeadline}».
`;
mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
writeFileSync(join(process.cwd(), 'docs', 'SUMMARY.md'), doc);
console.log('wrote docs/SUMMARY.md');

function leadWords(a: Article, n: number): string {
  const first = leadSentenceIndex(a.tokens, a.sentences);
  if (first < 0) return '';
  const s = a.sentences[first];
  return a.tokens
    .filter((t) => t.start >= s.start && t.end <= s.end && t.kind === 'word')
    .slice(0, n)
    .map((t) => t.text)
    .join(' ');
}

