/**
 * `npm run eval:morph`: loads the committed morphology model, prints its dev figures and
 * writes them into docs/MORPHOLOGY.md (between the `eval:morph` markers), so every figure
 * in the docs comes from this script.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { hasData } from '../lib/data.js';
import { evaluateCommittedModel, type MorphFigures } from './evaluate.js';

if (!hasData('ud-arabic-padt')) {
  console.error('Data missing: ../shared/data/ud-arabic-padt (or set MARSAD_DATA). See its SOURCE.md. Unit tests do not need it.');
  process.exit(2);
}

const { figures } = evaluateCommittedModel((s) => console.log(s));
const f = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : x.toFixed(2));
const n = (x: number): string => x.toLocaleString('en-US');

function table(fig: MorphFigures): string {
  const { padtDev, sigmorphonDev, pud, stemmer, speed } = fig;
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run eval:morph\` on ${cpus()[0]?.model ?? 'this machine'} (Node ${process.version}); F1 after CoNLL 2018, from the gold surface tokens.`,
    '',
    '| set | Words | UPOS | Lemma (undiacritized) | Lemma (as written) |',
    '|---|---|---|---|---|',
    `| UD Arabic-PADT dev (reduced .txt) | ${f(padtDev.words)} | ${f(padtDev.upos)} | - | - |`,
    `| SIGMORPHON 2019 PADT dev subset (CoNLL-U, tokens rebuilt from \`# text\`) | ${f(sigmorphonDev.words)} | - | ${f(sigmorphonDev.lemma)} | ${f(sigmorphonDev.lemmaExact)} |`,
    `| UD Arabic-PUD (other guidelines: see below) | ${f(pud.words)} | ${f(pud.upos)} | ${f(pud.lemma)} | ${f(pud.lemmaExact)} |`,
    '',
    `- Lemma accuracy on the SIGMORPHON dev subset from gold words (SIGMORPHON 2019 task 2 setting, our UPOS): **${f(sigmorphonDev.lemmaOnGoldWords)}**.`,
    `- Search stemmer vs. the stem of the gold segmentation, PADT dev word tokens: **${f(stemmer.percent)}%** (${n(stemmer.agree)} / ${n(stemmer.total)}; fused tokens ${n(stemmer.fusedAgree)} / ${n(stemmer.fused)}).`,
    `- Speed, segmentation + POS + lemma + stems, one core, PADT dev (${n(speed.tokens)} surface tokens): **${n(speed.wordsPerSecond)} tokens/s** wall clock with warm caches (${n(speed.cpuWordsPerSecond)} tokens/s in CPU time), ${n(speed.coldWordsPerSecond)} tokens/s on a first pass with empty caches. The machine is a 2-core box shared with other engineers' jobs: wall-clock figures are noisy and low.`,
    `- Model: ${(fig.sizeBytes / 1e6).toFixed(1)} MB on disk; loaded and decoded in ${n(fig.loadMs)} ms.`,
  ].join('\n');
}

const body = table(figures);
console.log('\n' + body);
const docPath = join(process.cwd(), 'docs', 'MORPHOLOGY.md');
const start = '<!-- eval:morph:start -->';
const end = '<!-- eval:morph:end -->';
if (existsSync(docPath)) {
  const doc = readFileSync(docPath, 'utf8');
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) {
    writeFileSync(docPath, doc.slice(0, a + start.length) + '\n' + body + '\n' + doc.slice(b));
    console.log(`\nWrote the figures into ${docPath}.`);
  } else {
    console.log(`\n${docPath} has no ${start} … ${end} block; figures not written.`);
  }
}
