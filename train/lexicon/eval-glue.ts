/**
 * `npm run eval:glue`: measures the committed glue splitter (models/lexicon) on held-out
 * ANT fold 9, checks it on the seed article, and writes the figures into
 * `docs/GLUED-WORDS.md` and into the lexicon manifest's scores.
 *
 * - Glued pairs: every two adjacent Arabic words of fold 9 (same line, only spaces between,
 *   both at least two letters), glued. Precision, recall and F1 of the exact cut, over all
 *   pairs, over the unambiguous ones (whose concatenation the lexicon has not seen
 *   ≥ AMBIGUOUS_COUNT times as a word), and over the و-initial ones (the commonest scraping glue).
 * - False splits: every Arabic word token of fold 9 as written. Scraped news already holds
 *   glued words, so each split is looked up in the audit (train/lexicon/glue-audit.tsv):
 *   a split the audit calls real glue is a correct repair; one it calls a word, or one it
 *   does not know, counts as a false split.
 * - The seed article must come out with exactly its 3 `روسياوالعراق` and 1 `العراقوروسيا`
 *   repaired, and nothing else; the script exits 1 otherwise.
 *
 * Options: --no-write (print only).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDocument } from '../../src/core/document.js';
import { createRepairStage, GLUE_CLASSES, junctionKind, loadGlueSplitter, type GlueClass } from '../../src/core/text/repair.js';
import { rebuild, tokenize } from '../../src/core/text/tokenize.js';
import type { ModelManifest } from '../../src/core/model/manifest.js';
import { loadModel, modelsDir } from '../../src/node/models.js';
import { readAnt, requireData, sharedDataDir } from '../lib/data.js';
import { antTexts, REPORT_FOLD } from './corpus.js';
import { gluedPairs, textWords } from './glue-data.js';
import { AMBIGUOUS_COUNT, AUDIT_FILE, parseAudit, pct } from './glue-eval-lib.js';
import { LEXICON_MODEL } from './model-info.js';

const { values: args } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
const COMMAND = 'npm run eval:glue';
const SEED = 'seed/000_66da53df7ae971d4.txt';
const SEED_EXPECTED = new Map([
  ['روسياوالعراق', { replacement: 'روسيا والعراق', count: 3 }],
  ['العراقوروسيا', { replacement: 'العراق وروسيا', count: 1 }],
]);

requireData('ant-corpus');
const seedPath = resolve(sharedDataDir(), '..', SEED);

// Loading: read + sha256 check, then decode; the medians of 5.
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readMs: number[] = [];
const decodeMs: number[] = [];
let loaded = loadGlueSplitter(loadModel(LEXICON_MODEL));
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const files = loadModel(LEXICON_MODEL);
  const t1 = performance.now();
  loaded = loadGlueSplitter(files);
  decodeMs.push(performance.now() - t1);
  readMs.push(t1 - t0);
}
const { lexicon, splitter } = loaded;
const manifestPath = join(modelsDir(), LEXICON_MODEL, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest;
const modelBytes = manifest.files.reduce((s, f) => s + f.bytes, 0);
const audit = parseAudit(readFileSync(AUDIT_FILE, 'utf8'));

// Glued pairs of fold 9.
interface Tally {
  pairs: number;
  split: number;
  correct: number;
}
const tally = (): Tally => ({ pairs: 0, split: 0, correct: 0 });
const figures = (t: Tally): Tally & { precision: number; recall: number; f1: number } => {
  const precision = t.split === 0 ? 1 : t.correct / t.split;
  const recall = t.pairs === 0 ? 0 : t.correct / t.pairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...t, precision: pct(precision), recall: pct(recall), f1: pct(f1) };
};
const all = tally();
const unambiguous = tally();
const ambiguous = tally();
const wawAll = tally();
const wawUnambiguous = tally();
const byKind = Object.fromEntries(GLUE_CLASSES.map((c) => [c, tally()])) as Record<GlueClass, Tally>;
let noCandidate = 0;
const ambiguousExamples = new Map<string, number>();
const texts = antTexts([REPORT_FOLD], readAnt());
for (const p of gluedPairs(texts)) {
  const cuts = splitter.split(p.glued, p.norm);
  const isAmbiguous = lexicon.count(p.norm) >= AMBIGUOUS_COUNT;
  const waw = p.right.startsWith('و');
  const groups = [all, isAmbiguous ? ambiguous : unambiguous, byKind[junctionKind(p.left, p.right)]];
  if (waw) groups.push(wawAll);
  if (waw && !isAmbiguous) groups.push(wawUnambiguous);
  for (const g of groups) {
    g.pairs++;
    if (cuts !== null) {
      g.split++;
      if (cuts.length === 1 && cuts[0] === p.cut) g.correct++;
    }
  }
  if (isAmbiguous) ambiguousExamples.set(`${p.left}+${p.right}`, (ambiguousExamples.get(`${p.left}+${p.right}`) ?? 0) + 1);
  if (!isAmbiguous && lexicon.count(p.left) === 0) noCandidate++;
  else if (!isAmbiguous && lexicon.count(p.right) === 0) noCandidate++;
}

// Untouched words of fold 9.
let words = 0;
const flagged = new Map<string, { count: number; verdict: 'glue' | 'word' | 'unaudited' }>();
for (const w of textWords(texts)) {
  words++;
  if (splitter.split(w.raw, w.norm) === null) continue;
  const best = splitter.best(w.raw, w.norm);
  const key = best === null ? w.norm : `${best.candidate.left}+${best.candidate.right}`;
  const entry = flagged.get(key) ?? { count: 0, verdict: audit.get(key) ?? 'unaudited' };
  entry.count++;
  flagged.set(key, entry);
}
const sumBy = (v: string): number => [...flagged.values()].filter((e) => e.verdict === v).reduce((s, e) => s + e.count, 0);
const flaggedTotal = sumBy('glue') + sumBy('word') + sumBy('unaudited');
const falseSplits = sumBy('word') + sumBy('unaudited');
const per10k = (n: number): number => Math.round((n / words) * 1e6) / 100;

// The seed article, through the real tokenizer and the repair stage.
let seed: { ok: boolean; repairs: string[]; problems: string[] } = { ok: false, repairs: [], problems: [`${seedPath} not found`] };
if (existsSync(seedPath)) {
  const text = readFileSync(seedPath, 'utf8');
  const doc = createDocument(text);
  doc.tokens = tokenize(text);
  createRepairStage(splitter).run(doc, {});
  const problems: string[] = [];
  const found = new Map<string, number>();
  for (const r of doc.repairs ?? []) {
    found.set(r.original, (found.get(r.original) ?? 0) + 1);
    const expected = SEED_EXPECTED.get(r.original);
    if (expected === undefined) problems.push(`unexpected repair ${r.original} → ${r.replacement}`);
    else if (expected.replacement !== r.replacement) problems.push(`${r.original} → ${r.replacement}, expected ${expected.replacement}`);
    if (text.slice(r.start, r.end) !== r.original) problems.push(`repair offsets [${r.start}, ${r.end}) do not hold ${r.original}`);
  }
  for (const [original, e] of SEED_EXPECTED) {
    if ((found.get(original) ?? 0) !== e.count) problems.push(`${original}: ${found.get(original) ?? 0} repairs, expected ${e.count}`);
  }
  if (rebuild(text, doc.tokens ?? []) !== text) problems.push('the repaired tokens do not rebuild the text');
  seed = { ok: problems.length === 0, repairs: (doc.repairs ?? []).map((r) => `${r.original} → ${r.replacement} [${r.start}, ${r.end})`), problems };
}

const report = {
  split: `ANT fold ${REPORT_FOLD} (held out)`,
  gluedPairs: {
    all: figures(all),
    unambiguous: figures(unambiguous),
    ambiguous: figures(ambiguous),
    wawAll: figures(wawAll),
    wawUnambiguous: figures(wawUnambiguous),
    byJunction: Object.fromEntries(GLUE_CLASSES.map((c) => [c, figures(byKind[c])])),
    unambiguousWithAPartUnknownToTheLexicon: noCandidate,
  },
  untouchedWords: {
    words,
    flagged: flaggedTotal,
    flaggedPer10k: per10k(flaggedTotal),
    auditedGlue: sumBy('glue'),
    auditedWord: sumBy('word'),
    unaudited: sumBy('unaudited'),
    falseSplits,
    falseSplitsPer10k: per10k(falseSplits),
  },
  seed: { ok: seed.ok, repairs: seed.repairs.length, problems: seed.problems },
  load: { readAndVerifyMs: Math.round(median(readMs)), decodeMs: Math.round(median(decodeMs)), modelBytes, words: lexicon.size, pairs: lexicon.bigramCount },
  command: COMMAND,
};

console.log(JSON.stringify(report, null, 2));
for (const v of ['word', 'unaudited'] as const) {
  const list = [...flagged].filter(([, e]) => e.verdict === v);
  if (list.length > 0) console.log(`fold-${REPORT_FOLD} splits ${v === 'word' ? 'the audit calls false' : 'not in the audit'}: ${list.map(([k, e]) => `${k}×${e.count}`).join(' ')}`);
}
console.log(`seed article: ${seed.ok ? 'OK' : 'FAILED'}\n  ${[...seed.repairs, ...seed.problems].join('\n  ')}`);

if (!args['no-write']) {
  manifest.scores = { ...manifest.scores, report };
  // Only the scores change; the model files and their hashes are untouched.
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync('docs/GLUED-WORDS.md', renderDoc());
  console.log(`wrote docs/GLUED-WORDS.md and the scores in ${manifestPath}`);
}
if (!seed.ok) process.exit(1);

/** The recall the build recorded at other false-split budgets on fold 8, as a sentence. */
function curveText(): string {
  const curve = (manifest.scores.tune as { recallAtOtherBudgets?: { budgetPer10k: number; recall: number }[] } | undefined)?.recallAtOtherBudgets;
  if (curve === undefined || curve.length === 0) return '';
  return `Recall of unambiguous pairs on fold 8 when the thresholds are tuned for other budgets
  (\`npm run train:lexicon -- --curve\`; lower bounds at the larger budgets, whose extra splits are mostly not
  in the audit and so count as false):

  | false splits per 10k words | ${curve.map((c) => c.budgetPer10k).join(' | ')} |
  |---|${curve.map(() => '---:').join('|')}|
  | recall | ${curve.map((c) => `${c.recall}%`).join(' | ')} |
`;
}

function renderDoc(): string {
  const f = report.gluedPairs;
  const u = report.untouchedWords;
  const row = (name: string, t: ReturnType<typeof figures>): string => `| ${name} | ${t.pairs.toLocaleString('en-US')} | ${t.precision}% | ${t.recall}% | ${t.f1}% |`;
  const tune = manifest.scores.tune as { thresholds: Record<string, number>; knownCount: number; falseSplitsPer10k: number; pairs: { unambiguous: { recall: number; precision: number } } } | undefined;
  const falseList = [...flagged].filter(([, e]) => e.verdict !== 'glue').map(([k, e]) => `\`${k}\`${e.count > 1 ? ` ×${e.count}` : ''}${e.verdict === 'unaudited' ? ' (not audited)' : ''}`);
  const glueList = [...flagged].filter(([, e]) => e.verdict === 'glue').map(([k, e]) => `\`${k}\`${e.count > 1 ? ` ×${e.count}` : ''}`);
  const topAmbiguous = [...ambiguousExamples].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `\`${k}\` ×${n}`);
  const target = (ok: boolean): string => (ok ? 'met' : '**not met**');
  return `# Glued words

Scraped Arabic news often loses the space between two words: \`روسياوالعراق\` for \`روسيا والعراق\`,
\`العراقوروسيا\` for \`العراق وروسيا\`. The \`repair\` stage (\`src/core/text/repair.ts\`) splits such
tokens. The original text is never changed: the token is replaced in \`doc.tokens\` by its parts
(each with its original offsets), and \`doc.repairs\` records \`{start, end, original, replacement, kind: "split"}\`.

All figures below are printed by \`${COMMAND}\` (which also rewrote this file) on ANT fold ${REPORT_FOLD}, which
nothing was trained or tuned on.

## How it decides

The lexicon model (\`models/lexicon/\`, built by \`npm run train:lexicon\`) holds the frequencies of
${lexicon.size.toLocaleString('en-US')} normalized Arabic words and ${lexicon.bigramCount.toLocaleString('en-US')} adjacent word pairs (pairs stored as 32-bit
hashes, no text), counted on ANT folds 0–7 (${Number((manifest.scores.lexicon as { tokens?: number } | undefined)?.tokens ?? 0).toLocaleString('en-US')} word tokens).
For a word token that the lexicon has seen fewer than ${tune?.knownCount ?? '?'} times (everything else is left alone at
once), every cut into two known words is a candidate. A small logistic model, one weight vector per
kind of junction (second part a suffix-like word such as \`ان\`; two-letter first part; second part
starting with \`و\`; with \`ال\`; other), scores each candidate from lexicon evidence: frequency of the whole
word and of the parts, how often the parts were seen side by side, whether the whole word is better
read as one word with clitics and suffixes (\`سيدعمه\` = س + يدعمه) or has a family of related forms in
the lexicon (\`مصرفي\`: \`المصرفي\`, \`مصرفية\` …), and the shape of the junction (a ة or ى never ends the
middle of a word). The best candidate is split when its score passes its junction's threshold.
Compound names that are written both solid and apart (\`عبدالمجيد\`, \`نورالدين\`) are left as written.

- Weights: fitted by cross-fitting on folds 0–7 (each fold scored against the counts of the other seven).
- Thresholds: tuned on fold 8 for the best recall with at most ${manifest.scores.tune ? (manifest.scores.tune as { flaggedBudgetPer10k: number }).flaggedBudgetPer10k : '?'} false splits per 10,000 words there
  (fold 8: ${tune ? `${tune.pairs.unambiguous.recall}% recall, ${tune.pairs.unambiguous.precision}% precision, ${tune.falseSplitsPer10k} false splits per 10k` : 'see the manifest'}); thresholds ${tune ? '`' + JSON.stringify(tune.thresholds) + '`' : ''}.

## Glued pairs (fold ${REPORT_FOLD})

Every two adjacent Arabic words of fold ${REPORT_FOLD} (same line, only spaces between, both at least two letters;
a lone \`و\` or \`ب\` written apart is itself the scraping error), written without the space. A pair counts as
found only when the cut is exactly between the two words.

| pairs | count | precision | recall | F1 |
|---|---:|---:|---:|---:|
${row('all', f.all)}
${row('unambiguous', f.unambiguous)}
${row('ambiguous (concatenation seen ≥ ' + AMBIGUOUS_COUNT + '× as one word)', f.ambiguous)}
${row('second word starts with و, all', f.wawAll)}
${row('second word starts with و, unambiguous', f.wawUnambiguous)}

By junction (all pairs):

| junction | count | precision | recall | F1 |
|---|---:|---:|---:|---:|
${GLUE_CLASSES.map((c) => row(c, f.byJunction[c] as ReturnType<typeof figures>)).join('\n')}

Targets: precision ≥ 98% (${target(f.all.precision >= 98)}), recall ≥ 90% (${target(f.unambiguous.recall >= 90)} on unambiguous pairs: ${f.unambiguous.recall}%).

Why recall falls short of 90%:
- ${f.unambiguousWithAPartUnknownToTheLexicon.toLocaleString('en-US')} unambiguous pairs (${pct(f.unambiguousWithAPartUnknownToTheLexicon / Math.max(f.unambiguous.pairs, 1))}%) have a word the lexicon never saw (3M words of news do not
  cover rare names and inflections), so they have no candidate at all.
- The budget of false splits is what binds. Lower thresholds find more glue but split more real
  words, and the hardest real words are two words as well: \`مصرفي\` / \`مصر في\`, the dual
  \`القراران\` / \`القرار ان\`, \`منقسم\` / \`من قسم\`, \`فيعمل\` / \`في عمل\`, loanwords written solid
  (\`بلوكتشين\`). ${curveText()}
- Ambiguous pairs: the concatenation is itself seen as one word at least ${AMBIGUOUS_COUNT} times, so the splitter must
  not split it (and does not: the fast path leaves words seen ${tune?.knownCount ?? '?'}+ times alone). Some are real
  words (\`بحسبما\`, \`كلما\`, \`فيما\`, \`انما\`, a name written solid such as \`عبدالرحمن\`, the town \`بنقردان\`),
  some are glue so common in scraped text that the lexicon learned it as a word (\`لايزال\`, \`لايمكن\`).
  The commonest: ${topAmbiguous.join(', ')}.

## False splits on untouched text (fold ${REPORT_FOLD})

${u.words.toLocaleString('en-US')} Arabic word tokens as written. The splitter split ${u.flagged} of them (${u.flaggedPer10k} per 10k). Scraped news already
holds glued words, so every split was checked against the audit (\`${AUDIT_FILE}\`, word types with a verdict,
written by reading each one; doubtful ones are counted as false):

- real glue in the text, correctly repaired: ${u.auditedGlue}
- real words split (false splits): ${u.auditedWord}
- not in the audit (counted as false): ${u.unaudited}

**False splits: ${u.falseSplits} in ${u.words.toLocaleString('en-US')} words = ${u.falseSplitsPer10k} per 10,000 words** (target ≤ 1: ${target(u.falseSplitsPer10k <= 1)}).
Counting every split as false, the upper bound is ${u.flaggedPer10k} per 10,000.

False splits: ${falseList.join(', ') || 'none'}.

Repairs of real glue: ${glueList.join(', ') || 'none'}.

## The seed article

\`${SEED}\` (read from ../shared, not copied here), through the project tokenizer and the repair stage:
**${seed.ok ? 'OK' : 'FAILED'}**: ${seed.repairs.length} repairs (${seed.repairs.join('; ')})${seed.problems.length > 0 ? `; problems: ${seed.problems.join('; ')}` : ''}. Nothing else in the article is split, and the tokens rebuild the text.

## Size and loading

\`models/lexicon/\` is ${(modelBytes / 1e6).toFixed(2)} MB (${manifest.files.map((x) => `${x.path} ${x.bytes.toLocaleString('en-US')} bytes`).join(', ')}). Reading and
checking the sha256 takes ${report.load.readAndVerifyMs} ms and decoding ${report.load.decodeMs} ms (medians of 5, on a 2-core machine shared with
other jobs, so these are noisy). The cost of the stage per word, next to the tokenizer and snowball-stemmers, is printed
by \`npm run bench:repair\` (and the whole text layer by \`npm run bench\`): most tokens take one hash lookup, and
the rare ones that might be glued are first bounded cheaply before being scored in full.

## Licence

The lexicon counts ANT only (Apache-2.0, with the authors' citation request; see the manifest), so it can ship
with the package. SaudiNewsNet (CC BY-NC-SA 4.0) can be added with \`npm run train:lexicon -- --with-saudi\`, and
the manifest then says that the model carries that licence. It is left out because, in a trial with an earlier
version of the model, the extra 670k words did not raise recall on fold 8 (69.1% with it, 70.7% without, at the
same budget) and would have made the lexicon non-commercial.
`;
}
