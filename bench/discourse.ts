/**
 * Speed of the discourse stages (topics + themes, keywords, summary) on prepared documents:
 * tokens and sentences are computed first and not timed, so the figures are each stage's
 * own cost. Uses ANT fold-9 articles when ../shared/data is present, else the hand-written
 * fixture article repeated.
 *
 *   npm run bench:discourse
 *
 * The machine is shared: run it when nothing else is training, and read the figures as a
 * lower bound.
 */
import type { AnalyzedDocument } from '../src/core/document.js';
import { createDocument } from '../src/core/document.js';
import { createKeywordsStage } from '../src/core/discourse/keywords.js';
import { createSummaryStage } from '../src/core/discourse/summary.js';
import { createTopicsStage } from '../src/core/discourse/topics.js';
import { FIXTURE_ARTICLE } from '../src/core/discourse/__fixtures__/article.js';
import type { Stage } from '../src/core/pipeline.js';
import { loadModel } from '../src/node/models.js';
import { hasData, readAnt } from '../train/lib/data.js';
import { tokenize } from '../src/core/text/tokenize.js';
import { splitSentences } from '../src/core/text/sentences.js';

function corpus(): { name: string; texts: string[] } {
  if (hasData('ant-corpus')) return { name: 'ANT fold 9 (both files)', texts: readAnt().filter((a) => a.fold === 9).map((a) => a.text) };
  const fixture = FIXTURE_ARTICLE;
  return { name: 'fixture article ×2000', texts: Array.from({ length: 2000 }, () => fixture) };
}

const { name, texts } = corpus();
const docs: AnalyzedDocument[] = texts.map((text) => {
  const doc = createDocument(text);
  doc.tokens = tokenize(text);
  doc.sentences = splitSentences(text, doc.tokens);
  return doc;
});
const words = docs.reduce((n, d) => n + (d.tokens ?? []).filter((t) => t.kind === 'word').length, 0);

const t0 = performance.now();
const topics = createTopicsStage(loadModel('topics'));
const t1 = performance.now();
const keywords = createKeywordsStage(loadModel('keywords'));
const t2 = performance.now();
console.log(`model load: topics ${(t1 - t0).toFixed(0)} ms, keywords ${(t2 - t1).toFixed(0)} ms (sha256 check included)`);
console.log(`corpus: ${name}: ${docs.length} documents, ${words} words`);

/** Fresh token arrays, so that no stage profits from term keys memoized by an earlier run. */
function fresh(): void {
  for (const d of docs) d.tokens = (d.tokens ?? []).slice();
}

/**
 * Best of 3 rounds, as wall time and as this process's CPU time: on a shared machine the
 * wall time includes waiting for a core, the CPU time does not (it still suffers from
 * shared caches), so both are printed.
 */
function time(stages: Stage[]): { wall: number; cpu: number } {
  fresh();
  for (const d of docs.slice(0, 200)) for (const s of stages) s.run(d, {}); // warm-up
  let wall = Infinity;
  let cpu = Infinity;
  for (let round = 0; round < 3; round++) {
    fresh();
    const c0 = process.cpuUsage();
    const start = performance.now();
    for (const d of docs) for (const s of stages) s.run(d, {});
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(c0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const summary = createSummaryStage();
const rate = (ms: number): string => `${(words / (ms / 1000) / 1e6).toFixed(2)} M words/s`;
const report = (label: string, t: { wall: number; cpu: number }): void =>
  console.log(`${label.padEnd(28)} ${rate(t.cpu).padStart(15)} by CPU time   ${rate(t.wall).padStart(15)} by wall time`);
for (const stage of [topics, keywords, summary]) report(`${stage.name} alone`, time([stage]));
report('topics + keywords + summary', time([topics, keywords, summary]));
