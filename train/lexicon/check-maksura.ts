/**
 * `npm run eval:maksura`: checks the final-ya rule of `normalize` (`restoreFinalYa`, which
 * keeps a final ى only on the words of `src/core/text/alef-maksura-words.ts`) against news
 * text that spells final ي and ى apart (ANT folds 0–7; SOURCE.md puts Egyptian-style ى for ي
 * at ~0.3%).
 *
 * Each word token ending in ي or ى is written the Egyptian way (final ي → ى), put through
 * the rule, and compared with the corpus spelling. The script prints the accuracy over
 * tokens and types, the words whose corpus spelling is (almost) always ى but which the rule
 * turns into ي (candidates for the list), and the listed words that the corpus mostly
 * spells with ي (entries to reconsider). Word types only; no text is written.
 *
 * Options: --min N (occurrences for a proposal, default 5), --share F (share of ى spellings
 * for a proposal, default 0.9).
 */
import { parseArgs } from 'node:util';
import { ALEF_MAKSURA_WORDS } from '../../src/core/text/alef-maksura-words.js';
import { keepsAlefMaksura, normalize } from '../../src/core/text/normalize.js';
import { readAnt } from '../lib/data.js';
import { antTexts, corpusWords, TRAIN_FOLDS } from './corpus.js';

const { values: args } = parseArgs({ options: { min: { type: 'string', default: '5' }, share: { type: 'string', default: '0.9' } } });
const minCount = Number(args.min);
const minShare = Number(args.share);

const YA = 'ي';
const MAKSURA = 'ى';
/** The corpus spelling with marks and tatweel removed and alef folded, final ي/ى kept as written. */
const surface = (raw: string): string => normalize(raw, { restoreFinalYa: false });

// Per type (keyed with final ى): how often the corpus wrote ى and ي.
const types = new Map<string, { maksura: number; ya: number }>();
for (const { text } of antTexts(TRAIN_FOLDS, readAnt())) {
  for (const w of corpusWords(text)) {
    if (!w.arabic) continue;
    const s = surface(w.raw);
    const last = s[s.length - 1];
    if (s.length < 2 || (last !== YA && last !== MAKSURA)) continue;
    const key = s.slice(0, -1) + MAKSURA;
    const t = types.get(key) ?? { maksura: 0, ya: 0 };
    if (last === MAKSURA) t.maksura++;
    else t.ya++;
    types.set(key, t);
  }
}

let tokens = 0;
let right = 0;
let typeCount = 0;
let typesRight = 0;
let wrongMaksura = 0; // corpus ى, rule gives ي
let wrongYa = 0; // corpus ي, rule keeps ى
const proposals: [string, number, number][] = [];
const reconsider: [string, number, number][] = [];
for (const [key, t] of types) {
  const keeps = keepsAlefMaksura(key);
  const ok = keeps ? t.maksura : t.ya;
  tokens += t.maksura + t.ya;
  right += ok;
  wrongMaksura += keeps ? 0 : t.maksura;
  wrongYa += keeps ? t.ya : 0;
  typeCount++;
  // A type is right when the rule matches its majority spelling.
  if (keeps === t.maksura > t.ya) typesRight++;
  const n = t.maksura + t.ya;
  if (!keeps && n >= minCount && t.maksura / n >= minShare) proposals.push([key, t.maksura, t.ya]);
  if (keeps && n >= minCount && t.ya / n >= minShare) reconsider.push([key, t.maksura, t.ya]);
}
proposals.sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
reconsider.sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
const pct = (a: number, b: number): string => ((100 * a) / Math.max(b, 1)).toFixed(2);

console.log(`ANT folds ${TRAIN_FOLDS.join(',')}: ${tokens} word tokens ending in ي or ى (${typeCount} types); the list has ${ALEF_MAKSURA_WORDS.size} words.`);
console.log(`The rule restores the corpus spelling of ${pct(right, tokens)}% of the tokens and matches the majority spelling of ${pct(typesRight, typeCount)}% of the types.`);
console.log(`Errors: ${wrongMaksura} tokens (${pct(wrongMaksura, tokens)}%) written ى in the corpus but turned into ي; ${wrongYa} tokens (${pct(wrongYa, tokens)}%) written ي but kept as ى.`);
console.log(`\nWords written ى in ≥ ${minShare * 100}% of ≥ ${minCount} occurrences that the rule turns into ي (${proposals.length}; ى/ي counts):`);
console.log(proposals.map(([k, m, y]) => `${k} ${m}/${y}`).join('\n'));
console.log(`\nWords the rule keeps with ى that the corpus writes ي in ≥ ${minShare * 100}% of ≥ ${minCount} occurrences (${reconsider.length}):`);
console.log(reconsider.map(([k, m, y]) => `${k} ${m}/${y}`).join('\n'));
