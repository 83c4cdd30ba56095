/**
 * `npm run bench:repair`: how much the repair stage costs on top of the tokenizer, in
 * words/s, next to the tokenizer and snowball-stemmers' Arabic stemmer on the same words.
 * Input: ANT when ../shared exists, generated text otherwise (see bench/lib.ts).
 *
 * Wall time and CPU time are both printed: on a machine shared with other jobs the CPU
 * time of this process is the steadier figure. Median of --runs after a warm-up.
 * Options: --words N (default 500,000), --runs N (default 5).
 */
import snowball from 'snowball-stemmers';
import type { Token } from '../src/core/document.js';
import { loadGlueSplitter, repairTokens } from '../src/core/text/repair.js';
import { splitSentences } from '../src/core/text/sentences.js';
import { tokenize } from '../src/core/text/tokenize.js';
import { loadModel } from '../src/node/models.js';
import { loadBenchInput, median } from './lib.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const runs = opt('runs', 5);
const input = loadBenchInput(opt('words', 500_000));

const t0 = performance.now();
const { splitter } = loadGlueSplitter(loadModel('lexicon'));
const loadMs = performance.now() - t0;

/** Median wall and CPU seconds of `fn` over `runs` runs after one warm-up. */
function time(fn: () => void): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    wall.push((performance.now() - w0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const tokenized: Token[][] = input.texts.map((t) => tokenize(t));
const wordTokens = tokenized.reduce((n, ts) => n + ts.filter((t) => t.kind === 'word').length, 0);
let repairs = 0;
for (const ts of tokenized) repairs += repairTokens(ts, splitter).repairs.length;
const words = input.texts.map((t) => t.split(/\s+/u).filter(Boolean));
const stemmer = snowball.newStemmer('arabic');

const rows: [string, { wall: number; cpu: number }][] = [
  ['repair stage alone (on tokens)', time(() => {
    for (const ts of tokenized) repairTokens(ts, splitter);
  })],
  ['tokenize (normalizes every token)', time(() => {
    for (const t of input.texts) tokenize(t);
  })],
  ['text layer: tokenize + repair + sentences', time(() => {
    for (const t of input.texts) {
      const { tokens } = repairTokens(tokenize(t), splitter);
      splitSentences(t, tokens);
    }
  })],
  ['snowball-stemmers Arabic stemmer', time(() => {
    for (const ws of words) for (const w of ws) stemmer.stem(w);
  })],
];

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`Input: ${input.source}: ${fmt(input.words)} words (${fmt(wordTokens)} word tokens), ${repairs} repairs made.`);
console.log(`Lexicon model loaded (read, sha256, decode) in ${loadMs.toFixed(0)} ms. Median of ${runs} runs after a warm-up.\n`);
console.log(`${'what'.padEnd(44)} ${'words/s (wall)'.padStart(15)} ${'words/s (CPU)'.padStart(15)}`);
for (const [name, t] of rows) console.log(`${name.padEnd(44)} ${fmt(input.words / t.wall).padStart(15)} ${fmt(input.words / t.cpu).padStart(15)}`);
const layer = rows[2][1];
const snow = rows[3][1];
const repair = rows[0][1];
console.log(`\nrepair adds ${((repair.cpu / input.words) * 1e9).toFixed(0)} ns of CPU per word`);
console.log(`text layer / snowball-stemmers: ${(snow.wall / layer.wall).toFixed(2)}× (wall), ${(snow.cpu / layer.cpu).toFixed(2)}× (CPU)`);
