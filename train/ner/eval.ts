/**
 * `npm run eval:ner`: scores the committed NER model (`models/ner`) on our dev split of
 * ANERcorp, on AQMAR (out of domain) and on the Wojood sample (mapped to four types), times
 * loading and tagging, prints everything, and writes the figures into docs/NER.md between
 * the `<!-- eval:ner -->` markers.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { type GoldSentence, type NerScores, formatNerScores, parseGold, tagSpans } from '../../src/core/entities/conll.js';
import { normalize } from '../../src/core/text/normalize.js';
import { EVAL_CONTEXT_WINDOW, evaluateNer } from '../../src/core/entities/evaluate.js';
import { NerTagger } from '../../src/core/entities/tagger.js';
import { loadModel } from '../../src/node/models.js';
import { goldMorphology, loadNer } from '../../src/node/ner.js';
import { benchNer, benchTexts } from '../../bench/ner.js';
import { requireData } from '../lib/data.js';
import { anercorpSplit, readWojood, tokenCount } from './data.js';

const t0 = performance.now();
const model = loadNer();
const loadMs = performance.now() - t0;
const { manifest } = loadModel('ner');
const tagger = new NerTagger(model);
const morphology = goldMorphology(model);
const settings = (manifest.scores as { settings?: { final?: boolean } }).settings;
if (settings?.final) {
  console.warn('WARNING: the committed model was retrained on train + dev (--final): its dev figures below are NOT held-out scores.');
}

// Timed first, before the evaluations below fill the heap.
const { texts, corpus } = benchTexts();
const bench = benchNer(model, texts, corpus);

const { dev, devStart } = anercorpSplit();
const aqmarDir = requireData('aqmar');
const aqmar: GoldSentence[][] = readdirSync(aqmarDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseGold(readFileSync(join(aqmarDir, f), 'utf8')));
const wojood = [readWojood('train'), readWojood('val'), readWojood('test')];

// How many dev mentions occur, with the same type, as mentions in our train split: the share
// a model could get by memory alone.
const { train } = anercorpSplit();
const key = (tokens: string[], a: number, b: number): string => tokens.slice(a, b).map((t) => normalize(t)).join(' ');
const seen = new Map<string, string>();
for (const s of train) for (const x of tagSpans(s.tags)) seen.set(key(s.tokens, x.start, x.end), x.type);
const seenByType: Record<string, [number, number]> = {};
for (const s of dev) {
  for (const x of tagSpans(s.tags)) {
    const c = (seenByType[x.type] ??= [0, 0]);
    c[0]++;
    if (seen.get(key(s.tokens, x.start, x.end)) === x.type) c[1]++;
  }
}
const seenLine =
  'Dev mentions that occur with the same type in our train split: ' +
  Object.entries(seenByType)
    .map(([t, [n, k]]) => `${t} ${k}/${n} (${((100 * k) / n).toFixed(0)}%)`)
    .join(', ') +
  '.';

const results: [string, string, NerScores][] = [
  [`ANERcorp dev`, `last 10% of CAMeL train (sentences ${devStart}–${devStart + dev.length - 1}), ${tokenCount(dev)} tokens`, evaluateNer(tagger, [dev], EVAL_CONTEXT_WINDOW, morphology)],
  [`AQMAR`, `all 28 articles, ${aqmar.reduce((n, d) => n + tokenCount(d), 0)} tokens, out of domain (Wikipedia), never trained on`, evaluateNer(tagger, aqmar, EVAL_CONTEXT_WINDOW, morphology)],
  [`Wojood sample`, `train+val+test of the public sample, ${wojood.reduce((n, d) => n + tokenCount(d), 0)} tokens, types mapped to 4, never trained on`, evaluateNer(tagger, wojood, EVAL_CONTEXT_WINDOW, morphology)],
];
const modelBytes = manifest.files.reduce((n, f) => n + f.bytes, 0);

const lines: string[] = [];
lines.push(`Printed by \`npm run eval:ner\` (model \`models/ner\` v${manifest.version}, created ${manifest.createdAt}).`);
lines.push('CoNLL exact-span matching (conlleval semantics); the model runs on the gold tokens; the document-level pass');
lines.push(`sees ${EVAL_CONTEXT_WINDOW} sentences on each side (these corpora have no usable article boundaries).`);
lines.push('');
lines.push('| set | what | P | R | F1 | PER | LOC | ORG | MISC |');
lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, what, s] of results) {
  const f = (t: string): string => (s.byType[t] ? s.byType[t].f1.toFixed(2) : '–');
  lines.push(
    `| ${name} | ${what} | ${s.overall.precision.toFixed(2)} | ${s.overall.recall.toFixed(2)} | **${s.overall.f1.toFixed(2)}** | ${f('PER')} | ${f('LOC')} | ${f('ORG')} | ${f('MISC')} |`,
  );
}
lines.push('');
lines.push(seenLine);
lines.push(`Model size ${(modelBytes / 1e6).toFixed(1)} MB (${manifest.files.map((x) => `${x.path} ${(x.bytes / 1e6).toFixed(1)} MB`).join(', ')}); load ${loadMs.toFixed(0)} ms including sha256 checks.`);
lines.push(
  `Throughput for NER alone (both passes, trimming, grouping) on ${corpus}: ${bench.tokensPerSecond.toLocaleString('en-US')} tokens/s wall clock, ` +
    `${bench.tokensPerCpuSecond.toLocaleString('en-US')} tokens per CPU second (best of 3 rounds; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores while measuring, so wall clock is noisy).`,
);

for (const [name, what, s] of results) {
  console.log(`\n== ${name} (${what})\n${formatNerScores(s)}`);
}
console.log('\n' + lines.slice(-3).join('\n'));

const docPath = join(process.cwd(), 'docs', 'NER.md');
if (existsSync(docPath)) {
  const doc = readFileSync(docPath, 'utf8');
  const begin = '<!-- eval:ner -->';
  const end = '<!-- /eval:ner -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) {
    writeFileSync(docPath, doc.slice(0, a + begin.length) + '\n' + lines.join('\n') + '\n' + doc.slice(b));
    console.log(`\nupdated ${docPath}`);
  }
}
