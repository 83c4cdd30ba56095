/**
 * `npm run bench:morph`: the morphology stage alone on ANT text (as `npm run bench` feeds
 * it: tokens, repairs and sentences prepared untimed), in words per CPU-second and per
 * wall-clock second, warm (the analyzer's per-form caches filled by a first pass) and cold
 * (a fresh analyzer). CPU time is the steadier figure on a shared machine.
 *
 * Options: --words N (default 200,000), --runs N (default 5), --profile FILE (writes a V8
 * CPU profile of the warm runs).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AnalyzedDocument } from '../src/core/document.js';
import { createDocument } from '../src/core/document.js';
import { MorphAnalyzer } from '../src/core/morph/analyzer.js';
import { createMorphologyStage } from '../src/core/morph/stage.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { loadModel } from '../src/node/models.js';
import { loadBenchInput } from './lib.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const maxWords = Number(opt('words') ?? 200_000);
const runs = Number(opt('runs') ?? 5);
const profile = opt('profile');

const input = loadBenchInput(maxWords);
const pipeline = loadAnalyzer({ warn: () => {} });
const before = pipeline.stages.filter((s) => ['tokenize', 'repair', 'sentences'].includes(s.name));
const prepared = input.texts.map((t) => {
  const doc = createDocument(t);
  for (const s of before) s.run(doc, {});
  return JSON.stringify(doc);
});
const fresh = (): AnalyzedDocument[] => prepared.map((s) => JSON.parse(s) as AnalyzedDocument);
const tokens = fresh().reduce((n, d) => n + (d.tokens?.length ?? 0), 0);

const t0 = performance.now();
const analyzer = MorphAnalyzer.fromFiles(loadModel('morph').files);
const loadMs = performance.now() - t0;
const stage = createMorphologyStage(analyzer);

function timed(docs: AnalyzedDocument[]): { wall: number; cpu: number } {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) stage.run(d, {});
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - w0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const cold = timed(fresh());
const session = profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
let bestWall = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < runs; r++) {
  const docs = fresh();
  const t = timed(docs);
  bestWall = Math.min(bestWall, t.wall);
  bestCpu = Math.min(bestCpu, t.cpu);
}
if (session) {
  const { profile: p } = await session.post('Profiler.stop');
  writeFileSync(profile as string, JSON.stringify(p));
}
const f = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`Input: ${input.source}: ${f(input.words)} words, ${f(tokens)} tokens; model loaded in ${f(loadMs)} ms`);
console.log(`cold (empty caches): ${f(input.words / cold.cpu)} words/CPU-s, ${f(input.words / cold.wall)} words/s wall`);
console.log(`warm (best of ${runs}): ${f(input.words / bestCpu)} words/CPU-s, ${f(input.words / bestWall)} words/s wall`);
