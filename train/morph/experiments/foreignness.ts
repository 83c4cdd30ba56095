/**
 * How well the foreignness score (`src/core/morph/foreign.ts`) tells PADT's X words from its
 * other content words, on the PADT dev content-word types (NOUN ADJ VERB X) never seen in
 * training: prints the number of trigram weights and the AUC (the probability that a random
 * X type scores above a random other type).
 *
 *   npx tsx train/morph/experiments/foreignness.ts
 *
 * Reads PADT train and dev only. Never commits anything.
 */
import { foreignness, MapWeights } from '../../../src/core/morph/foreign.js';
import { normalize } from '../../../src/core/text/normalize.js';
import { DEV_SETS, readTreebank } from '../evaluate.js';
import { CONTENT_TAGS, foreignWeightsByFold, prepareSegSentences } from '../segmenter-train.js';

const data = prepareSegSentences(readTreebank('ud-arabic-padt/ar_padt-ud-train.txt').sentences, 10);
const weights = foreignWeightsByFold(data, 10).all;
const scorer = new MapWeights(weights);
const seen = new Set(data.flatMap((s) => s.contentWords.map((w) => w.norm)));

const scored = new Map<string, [number, boolean]>();
for (const s of readTreebank(DEV_SETS.padtDev).sentences) {
  for (const t of s.tokens) {
    for (const w of t.words) {
      if (w.upos === undefined || !CONTENT_TAGS.has(w.upos)) continue;
      const norm = normalize(w.form);
      if (norm.length < 2 || seen.has(norm) || scored.has(norm)) continue;
      scored.set(norm, [foreignness(scorer, norm), w.upos === 'X']);
    }
  }
}
// AUC by ranks (Mann–Whitney), ties given their mean rank.
const items = [...scored.values()].sort((a, b) => a[0] - b[0]);
let rankSumX = 0;
let nX = 0;
for (let i = 0; i < items.length; ) {
  let j = i;
  while (j < items.length && items[j][0] === items[i][0]) j++;
  const meanRank = (i + 1 + j) / 2;
  for (let k = i; k < j; k++) if (items[k][1]) {
    rankSumX += meanRank;
    nX++;
  }
  i = j;
}
const nOther = items.length - nX;
const auc = (rankSumX - (nX * (nX + 1)) / 2) / (nX * nOther);
console.log(`${weights.size} trigram weights; unseen dev content-word types: ${nX} X, ${nOther} others; AUC ${auc.toFixed(3)}`);
