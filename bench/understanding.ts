/**
 * `npm run bench:understanding`: words/s of the link, quotes and events stages alone, in
 * steady state: the documents are analyzed up to NER once, then each stage runs over all of
 * them several times and the best run counts (CPU time of this process, so other processes
 * on a shared machine weigh less than on wall time; still noisy when others train).
 * The link stage is given the NER entities afresh on each run.
 *
 * Input: ANT when ../shared exists (generated text otherwise), like `npm run bench`.
 * Options: --words N (default 200,000), --runs N (default 5).
 */
import { cpus } from 'node:os';
import type { AnalyzedDocument, Entity } from '../src/core/document.js';
import { createDocument } from '../src/core/document.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { loadBenchInput } from './lib.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const input = loadBenchInput(opt('words', 200_000));
const runs = opt('runs', 5);
const notes: string[] = [];
const analyzer = loadAnalyzer({ warn: (m) => notes.push(m) });
const names = analyzer.stages.map((s) => s.name);
const linkAt = names.indexOf('link');
if (linkAt < 0) {
  console.error('The link stage is not in the analyzer: build models/linking with npm run train:linking.');
  process.exit(2);
}
const options = { date: '2015-07-16' };
const docs: AnalyzedDocument[] = input.texts.map((t) => {
  const d = createDocument(t);
  for (const s of analyzer.stages.slice(0, linkAt)) s.run(d, options);
  return d;
});
const nerEntities: Entity[][] = docs.map((d) => structuredClone(d.entities ?? []));

console.log(`Input: ${input.source}: ${input.words.toLocaleString('en-US')} words; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
for (const n of notes) console.log(`note: ${n}`);
console.log(`stage     words/s (CPU, best of ${runs})`);
for (const name of ['link', 'quotes', 'events']) {
  const stage = analyzer.stages.find((s) => s.name === name);
  if (!stage) continue;
  let best = Infinity;
  for (let r = 0; r < runs + 1; r++) {
    if (name === 'link') docs.forEach((d, i) => (d.entities = structuredClone(nerEntities[i])));
    const c0 = process.cpuUsage();
    for (const d of docs) stage.run(d, options);
    const c = process.cpuUsage(c0);
    if (r > 0) best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(`${name.padEnd(9)} ${Math.round(input.words / best).toLocaleString('en-US').padStart(12)}`);
}
