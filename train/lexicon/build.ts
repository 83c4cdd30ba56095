/**
 * `npm run train:lexicon`: builds the word-frequency lexicon and the glue-splitting model
 * (`models/lexicon/`: `lexicon.bin`, `glue.json`, `manifest.json`).
 *
 * 1. Count: normalized Arabic words and adjacent word pairs of ANT folds 0–7, one fold at a time.
 * 2. Fit: the glue model's logistic weights (one vector per junction kind), by cross-fitting:
 *    each training fold is scored against the counts of the other seven, so that the weights
 *    learn from words and pairs the lexicon did not see, as at run time. Examples: adjacent
 *    word pairs glued together (the right cut is the positive), and every untouched word
 *    (all its candidate cuts are negatives).
 * 3. Write the lexicon: the counts of folds 0–7 (pairs seen at least --min-bigram times).
 * 4. Tune on fold 8, with the written lexicon: per-junction thresholds with the best recall on
 *    glued pairs such that false splits of untouched fold-8 words stay within --budget per
 *    10k words. Scraped news already holds glued words, so a split that the audit
 *    (`glue-audit.tsv`) calls real glue is not a false split; unaudited splits count as false.
 *    Then the fast-path count: words seen that often are never looked at.
 * 5. Write `glue.json` and the manifest. Fold 9 is never read here: `npm run eval:glue` reports on it.
 *
 * Options: --budget F (false splits per 10k fold-8 words, default 0.7), --min-bigram N (default 2),
 * --neg-weight W (weight of negative rows, default 5), --with-saudi (also count SaudiNewsNet;
 * the model then carries CC BY-NC-SA 4.0), --curve (also tune at other budgets and record the
 * recall each would give in the manifest),
 * --dry-run (write nothing). GLUE_CACHE=dir keeps the fitted weights between runs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeLexicon, encodeLexicon, lexiconFromCounts, type Lexicon } from '../../src/core/text/lexicon.js';
import { createGlueSplitter, GLUE_CLASSES, GLUE_FEATURES, type GlueClass, type GlueModel } from '../../src/core/text/repair.js';
import { readAnt } from '../lib/data.js';
import { repoModelsDir, writeManifest } from '../lib/manifest.js';
import { addCounts, antTexts, countTexts, pruneBigrams, saudiTexts, subtractCounts, TRAIN_FOLDS, TUNE_FOLD, type CorpusText } from './corpus.js';
import { candidateRows, gluedPairs, textWords } from './glue-data.js';
import { AMBIGUOUS_COUNT, AUDIT_FILE, auditFlagged, compileSet, parseAudit, decide, evaluateCompiled, flaggedWords, roundFigures, scoreTexts, splitFigures, uniformThresholds, type ScoredSet, type Thresholds } from './glue-eval-lib.js';
import { trainLogistic } from './logistic.js';
import { GLUE_FILE, LEXICON_FILE, LEXICON_MODEL, lexiconManifestInput } from './model-info.js';

const { values: args } = parseArgs({
  options: {
    'min-bigram': { type: 'string', default: '2' },
    'with-saudi': { type: 'boolean', default: false },
    budget: { type: 'string', default: '0.7' },
    'neg-weight': { type: 'string', default: '5' },
    'dry-run': { type: 'boolean', default: false },
    curve: { type: 'boolean', default: false },
  },
});
const minBigram = Number(args['min-bigram']);
const withSaudi = args['with-saudi'] === true;
const budget = Number(args.budget);
const negativeWeight = Number(args['neg-weight']);
const MIN_PART = 2;
/** Untouched words seen this often are not used as negatives when fitting: the fast path would skip them anyway. */
const FIT_MAX_WHOLE = 1000;
/** Cap on glued pairs used for fitting (each fold has ~320k); every k-th is kept. */
const FIT_MAX_PAIRS = 240_000;

const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const audit = parseAudit(readFileSync(AUDIT_FILE, 'utf8'));
const ant = readAnt();
const saudi: CorpusText[] = withSaudi ? saudiTexts() : [];

// 1. Count each training fold once; the lexicon is their sum.
const foldCounts = TRAIN_FOLDS.map((f) => countTexts(antTexts([f], ant)));
const counts = addCounts(withSaudi ? [...foldCounts, countTexts(saudi)] : foldCounts);
log(`counted folds ${TRAIN_FOLDS.join(',')}${withSaudi ? ' and SaudiNewsNet' : ''}: ${counts.total} tokens`);

// 2. Fit the glue model by cross-fitting: each training fold in turn is scored against the
// counts of the other folds, so that the weights learn from words and pairs the lexicon did
// not see, as at run time.
const rows = Object.fromEntries(GLUE_CLASSES.map((c) => [c, { x: [] as number[][], y: [] as number[] }])) as Record<GlueClass, { x: number[][]; y: number[] }>;
let negatives = 0;
let positives = 0;
// GLUE_CACHE (a scratch folder) reuses fitted weights between runs while tuning is being worked on.
const cache = process.env.GLUE_CACHE;
const cached = cache !== undefined && existsSync(join(cache, 'weights.json'));
TRAIN_FOLDS.forEach((fold, i) => {
  if (cached) return;
  const rest = subtractCounts(counts, foldCounts[i]);
  const fitLexicon = lexiconFromCounts(rest.words, pruneBigrams(rest.bigrams, minBigram), rest.total);
  const texts = antTexts([fold], ant);
  for (const w of textWords(texts)) {
    if (w.norm.length < 2 * MIN_PART || fitLexicon.count(w.norm) >= FIT_MAX_WHOLE) continue;
    for (const r of candidateRows(w.raw, fitLexicon, MIN_PART, null).rows) {
      rows[r.kind].x.push(r.features);
      rows[r.kind].y.push(0);
      negatives++;
    }
  }
  const pairs = [...gluedPairs(texts)];
  const every = Math.max(1, Math.ceil((pairs.length * TRAIN_FOLDS.length) / FIT_MAX_PAIRS));
  for (let k = 0; k < pairs.length; k += every) {
    const p = pairs[k];
    const { rows: cands, labels } = candidateRows(p.glued, fitLexicon, MIN_PART, p.normCut);
    cands.forEach((r, j) => {
      rows[r.kind].x.push(r.features);
      rows[r.kind].y.push(labels[j]);
      if (labels[j] === 1) positives++;
    });
  }
  log(`fold ${fold} scored against the other folds: ${negatives} negative and ${positives} positive rows so far`);
});
let weights = {} as Record<GlueClass, number[]>;
const fitRows: Record<string, { rows: number; correctCuts: number }> = {};
if (cached) {
  weights = JSON.parse(readFileSync(join(cache, 'weights.json'), 'utf8')) as Record<GlueClass, number[]>;
  log(`weights read from ${cache}`);
} else for (const c of GLUE_CLASSES) {
  const { x, y } = rows[c];
  fitRows[c] = { rows: x.length, correctCuts: y.filter((v) => v === 1).length };
  weights[c] = trainLogistic(x, y, { epochs: 8, negativeWeight, learningRate: 0.1, l2: 1e-4, seed: 7 });
  log(`fit ${c}: ${x.length} rows, ${fitRows[c].correctCuts} correct cuts; ${GLUE_FEATURES.map((f, i) => `${f}=${weights[c][i]}`).join(' ')}`);
}
log(`fit rows: ${positives} correct cuts, ${negatives} candidates from untouched words`);
if (cache !== undefined && !cached) writeFileSync(join(cache, 'weights.json'), JSON.stringify(weights));

// 3. The lexicon file.
const bytes = encodeLexicon(counts.words, pruneBigrams(counts.bigrams, minBigram), counts.total);
const lexicon: Lexicon = decodeLexicon(bytes);
log(`lexicon: ${counts.total} tokens, ${lexicon.size} words, ${lexicon.bigramCount} pairs, ${(bytes.length / 1e6).toFixed(2)} MB`);

// 4. Tune the thresholds on fold 8 (with the fast path off, so that it can be chosen afterwards).
const fold8 = antTexts([TUNE_FOLD], ant);
const open: GlueModel = {
  version: 2,
  features: [...GLUE_FEATURES],
  weights,
  thresholds: uniformThresholds(0),
  knownCount: Number.MAX_SAFE_INTEGER,
  minPart: MIN_PART,
};
const tuneSet: ScoredSet = scoreTexts(fold8, createGlueSplitter(lexicon, open), lexicon);
log(`scored fold ${TUNE_FOLD}: ${tuneSet.pairs.length} glued pairs, ${tuneSet.wordTokens} words`);
// What other budgets would buy: recall on fold 8 when more (or fewer) false splits are allowed.
const curve: { budgetPer10k: number; recall: number }[] = [];
if (args.curve) {
  const un = tuneSet.pairs.filter((p) => p.wholeCount < AMBIGUOUS_COUNT);
  const none = un.filter((p) => p.candidates.length === 0).length;
  const noRight = un.filter((p) => p.candidates.length > 0 && !p.candidates.some((c) => c.cut === p.cut)).length;
  log(`curve: ${un.length} unambiguous pairs; ${none} without any candidate, ${noRight} whose candidates miss the right cut`);
  for (const b of [0.35, 0.7, 1, 2, 4, 8]) {
    const th = tuneThresholds(tuneSet, b);
    curve.push({ budgetPer10k: b, recall: roundFigures(splitFigures(un, th)).recall });
  }
}
const thresholds = tuneThresholds(tuneSet, budget);
// The fast path: never split a word seen at least knownCount times. Chosen just above the most
// frequent whole word that any decision on fold 8 split, so that it changes none of them.
let maxSplitWhole = 0;
for (const item of [...tuneSet.pairs, ...tuneSet.words]) if (decide(item, thresholds) !== null) maxSplitWhole = Math.max(maxSplitWhole, item.wholeCount);
const knownCount = maxSplitWhole + 1;
const model: GlueModel = { ...open, thresholds, knownCount };

const unambiguous = tuneSet.pairs.filter((p) => p.wholeCount < AMBIGUOUS_COUNT);
const flagged = flaggedWords(tuneSet, thresholds, knownCount);
const audited = auditFlagged(flagged, audit);
const per10k = (n: number): number => Math.round((n / tuneSet.wordTokens) * 1e6) / 100;
const tune = {
  split: `ANT fold ${TUNE_FOLD} (tuning)`,
  thresholds,
  knownCount,
  flaggedBudgetPer10k: budget,
  ...(curve.length > 0 ? { recallAtOtherBudgets: curve } : {}),
  words: tuneSet.wordTokens,
  flaggedWords: flagged.length,
  flaggedPer10k: per10k(flagged.length),
  auditedGlue: audited.glue,
  falseSplits: audited.word + audited.unaudited,
  falseSplitsPer10k: per10k(audited.word + audited.unaudited),
  unaudited: audited.unaudited,
  pairs: {
    all: roundFigures(splitFigures(tuneSet.pairs, thresholds, knownCount)),
    unambiguous: roundFigures(splitFigures(unambiguous, thresholds, knownCount)),
    wawUnambiguous: roundFigures(splitFigures(unambiguous.filter((p) => p.waw), thresholds, knownCount)),
  },
};
log(`tuned on fold ${TUNE_FOLD}: ${JSON.stringify(tune)}`);
for (const c of GLUE_CLASSES) log(`fold-${TUNE_FOLD} flagged ${c}: ${flagged.filter((w) => w.kind === c).map((w) => `${w.split}${audit.has(w.split) ? '' : '?'}`).join(' ')}`);
if (audited.unauditedSplits.size > 0) log(`not in the audit yet (${audited.unaudited} tokens):\n${[...audited.unauditedSplits.keys()].join('\n')}`);

if (args['dry-run']) process.exit(0);
const dir = join(repoModelsDir(), LEXICON_MODEL);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, LEXICON_FILE), bytes);
writeFileSync(join(dir, GLUE_FILE), JSON.stringify(model, null, 2) + '\n');
const command = `npm run train:lexicon${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
writeManifest(
  lexiconManifestInput(withSaudi, command, {
    lexicon: { tokens: counts.total, words: lexicon.size, pairs: lexicon.bigramCount, minPairCount: minBigram, bytes: bytes.length },
    fit: { split: 'ANT folds 0-7, each scored against the counts of the other seven (cross-fitting)', rows: fitRows },
    tune,
    report: 'run npm run eval:glue (ANT fold 9)',
  }),
);
log(`wrote ${dir}`);

/**
 * Per-class thresholds with the best recall on unambiguous glued pairs such that false
 * splits of untouched words (flagged words, less those the audit calls real glue) stay
 * within `budget` per 10k words and precision stays at least 99%.
 * Greedy allocation of the false-split budget: start from "split nothing" and repeatedly
 * lower the one class threshold (by up to 2 points) that buys the most recall per flagged word.
 */
function tuneThresholds(set: ScoredSet, budget: number): Thresholds {
  const unambiguous = set.pairs.filter((p) => p.wholeCount < AMBIGUOUS_COUNT);
  const compiled = compileSet(
    unambiguous.filter((p) => p.candidates.length > 0),
    set.words,
    audit,
  );
  const maxFlagged = (budget * set.wordTokens) / 1e4;
  const STEP = 0.25;
  const LOW = -8;
  // Each class starts just above its best-scoring right cut, so that the first step down gains recall.
  const th = GLUE_CLASSES.map(() => LOW);
  for (let i = 0; i < compiled.pairCount; i++) {
    for (let k = compiled.start[i]; k < compiled.start[i + 1]; k++) {
      if (compiled.correct[k] === 1) th[compiled.kind[k]] = Math.max(th[compiled.kind[k]], Math.ceil(compiled.score[k] / STEP) * STEP + STEP);
    }
  }
  let cur = evaluateCompiled(compiled, th);
  for (;;) {
    let best: { c: number; t: number; ratio: number; r: ReturnType<typeof evaluateCompiled> } | null = null;
    for (let c = 0; c < GLUE_CLASSES.length; c++) {
      for (let k = 1; k <= 12 && th[c] - k * STEP >= LOW; k++) {
        const trial = [...th];
        trial[c] = th[c] - k * STEP;
        const r = evaluateCompiled(compiled, trial);
        if (r.flagged > maxFlagged || (r.split > 0 && r.correct / r.split < 0.99)) continue;
        const gain = r.correct - cur.correct;
        if (gain <= 0) continue;
        const ratio = gain / Math.max(r.flagged - cur.flagged + (r.split - r.correct) - (cur.split - cur.correct), 0.01);
        if (best === null || ratio > best.ratio) best = { c, t: trial[c], ratio, r };
      }
    }
    if (best === null) break;
    th[best.c] = best.t;
    cur = best.r;
  }
  const out = Object.fromEntries(GLUE_CLASSES.map((c, i) => [c, th[i]])) as Thresholds;
  log(`tuned thresholds ${JSON.stringify(out)}: recall ${((cur.correct / unambiguous.length) * 100).toFixed(2)}%, ${cur.flagged} flagged words`);
  return out;
}
