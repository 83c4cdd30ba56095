/**
 * `npm run bench`: words/s, MB/s and peak RSS for each stage of the pipeline and for the
 * whole of it (raw text to the rendered text brief), on ANT when ../shared exists
 * (generated text otherwise), with the ecosystem's Arabic tools timed in the same run on
 * the same words:
 * snowball-stemmers' Arabic stemmer, and @nlpjs/lang-ar's tokenizer and stemmer.
 *
 * Each measurement runs in its own child process, so that its peak RSS is its own.
 * Options: --words N (input size, default 1,000,000), --runs N (timed runs, default 3).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { TokenizerAr, StemmerAr } from '@nlpjs/lang-ar';
import snowball from 'snowball-stemmers';
import type { AnalyzedDocument } from '../src/core/document.js';
import { createDocument } from '../src/core/document.js';
import { formatText } from '../src/core/format/text.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { loadBenchInput, median, peakRssMb, writeResult } from './lib.js';

interface Measurement {
  name: string;
  words: number;
  bytes: number;
  /** Median wall-clock seconds of the timed runs. */
  seconds: number;
  /** Median CPU seconds (user + system) of the timed runs: what one core costs, whatever else the machine runs. */
  cpuSeconds: number;
  wordsPerSecond: number;
  wordsPerCpuSecond: number;
  /** Words per CPU-second of the warm-up run: the caches (word analyses, NER word types) start empty. */
  firstPassWordsPerCpuSecond: number;
  mbPerSecond: number;
  peakRssMb: number;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxWords = opt('words', 1_000_000);
const runs = opt('runs', 3);

/** Wall-clock and CPU seconds of one timed run. */
interface Timing {
  wall: number;
  cpu: number;
  /** CPU seconds of the warm-up run, with empty caches. */
  firstCpu?: number;
}

function timeOnce(fn: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Times `fn` over the input: one warm-up, then the medians of `runs`. */
function time(fn: () => void): Timing {
  const first = timeOnce(fn);
  const timings: Timing[] = [];
  for (let r = 0; r < runs; r++) timings.push(timeOnce(fn));
  return { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)), firstCpu: first.cpu };
}

/** Runs one measurement in this process and prints it as JSON (child mode). */
function measureOne(target: string): Measurement {
  const input = loadBenchInput(maxWords);
  const words = input.texts.map((t) => t.split(/\s+/u).filter(Boolean));
  let timing: Timing;
  if (target === 'snowball-stemmers') {
    const stemmer = snowball.newStemmer('arabic');
    timing = time(() => {
      for (const ws of words) for (const w of ws) stemmer.stem(w);
    });
  } else if (target === '@nlpjs/lang-ar tokenizer+stemmer') {
    const tokenizer = new TokenizerAr();
    const stemmer = new StemmerAr();
    timing = time(() => {
      for (const t of input.texts) stemmer.stem(tokenizer.tokenize(t, true));
    });
  } else {
    const analyzer = loadAnalyzer({ warn: () => {} });
    const names = analyzer.stages.map((s) => s.name);
    if (target === 'pipeline' || target === 'text layer') {
      const whole = target === 'pipeline';
      const stages = whole ? analyzer.stages : analyzer.stages.filter((s) => ['tokenize', 'repair', 'sentences'].includes(s.name));
      let chars = 0;
      timing = time(() => {
        for (const t of input.texts) {
          const doc = createDocument(t);
          for (const s of stages) s.run(doc, {});
          // The pipeline ends with the brief a reader gets (`analyze --format text`), so its rendering is timed too.
          if (whole) chars += formatText(doc).length;
        }
      });
      if (whole && chars === 0) throw new Error('the pipeline rendered empty briefs');
    } else {
      // One stage alone: prepare its inputs untimed, then time only the stage.
      const k = names.indexOf(target);
      const before = analyzer.stages.slice(0, k);
      const stage = analyzer.stages[k];
      const prepared: AnalyzedDocument[] = input.texts.map((t) => {
        const doc = createDocument(t);
        for (const s of before) s.run(doc, {});
        return doc;
      });
      const snapshot = prepared.map((d) => JSON.stringify(d));
      const fresh = (): AnalyzedDocument[] => snapshot.map((s) => JSON.parse(s) as AnalyzedDocument);
      const timings: Timing[] = [];
      let firstCpu = 0;
      for (let r = 0; r <= runs; r++) {
        const docs = fresh();
        const t = timeOnce(() => {
          for (const d of docs) stage.run(d, {});
        });
        if (r > 0) timings.push(t);
        else firstCpu = t.cpu;
      }
      timing = { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)), firstCpu };
    }
  }
  return {
    name: target,
    words: input.words,
    bytes: input.bytes,
    seconds: timing.wall,
    cpuSeconds: timing.cpu,
    wordsPerSecond: input.words / timing.wall,
    wordsPerCpuSecond: input.words / timing.cpu,
    firstPassWordsPerCpuSecond: input.words / (timing.firstCpu ?? timing.cpu),
    mbPerSecond: input.bytes / 1024 / 1024 / timing.wall,
    peakRssMb: peakRssMb(),
  };
}

function runChild(target: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, script, '--child', target, '--words', String(maxWords), '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

/**
 * Rewrites the measured section of docs/SPEED.md, so that the figures the docs quote are
 * always the ones this script printed last.
 */
function writeSpeedDoc(input: { source: string; words: number; bytes: number }, rows: Measurement[], ratios: Record<string, number>): void {
  const path = fileURLToPath(new URL('../docs/SPEED.md', import.meta.url));
  const start = '<!-- bench:pipeline:start -->';
  const end = '<!-- bench:pipeline:end -->';
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` on ${input.source}: ${fmt(input.words)} words, ${fmt(input.bytes / 1024 / 1024, 1)} MB.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, 1-minute load average ${loadavg()[0].toFixed(1)} at the end; median of ${runs} runs after a warm-up, one process per row.`,
    'The first-pass column is the warm-up run itself: every cache (word analyses, NER word types) starts empty, as in a fresh process that ingests new text.',
    '',
    '| what | words/s (wall) | words/CPU-s | first pass words/CPU-s | MB/s | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((m) => `| ${m.name} | ${fmt(m.wordsPerSecond)} | ${fmt(m.wordsPerCpuSecond)} | ${fmt(m.firstPassWordsPerCpuSecond)} | ${fmt(m.mbPerSecond, 2)} | ${fmt(m.peakRssMb)} |`),
    '',
    ...Object.entries(ratios).map(([k, v]) => `- ${k} (words/CPU-s): **${v.toFixed(2)}×**`),
  ];
  const body = `${start}\n${lines.join('\n')}\n${end}`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : `# Speed\n\n${start}\n${end}\n`;
  if (!doc.includes(start)) doc += `\n${start}\n${end}\n`;
  writeFileSync(path, doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body));
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

if (args[0] === '--child') {
  process.stdout.write(JSON.stringify(measureOne(args[1])) + '\n');
} else {
  const input = loadBenchInput(maxWords);
  const stageNames = loadAnalyzer({ warn: (m) => console.error(`note: ${m}`) }).stages.map((s) => s.name);
  const targets = [...stageNames, 'text layer', 'pipeline', 'snowball-stemmers', '@nlpjs/lang-ar tokenizer+stemmer'];
  console.log(`Input: ${input.source}: ${fmt(input.words)} words, ${fmt(input.bytes / 1024 / 1024, 1)} MB`);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; median of ${runs} runs after a warm-up; one process per row.`);
  console.log('words/s is wall clock; words/CPU-s is per second of CPU time, i.e. what one core does whatever else the machine runs.\n');
  const rows: Measurement[] = [];
  console.log(`${'what'.padEnd(36)} ${'words/s'.padStart(12)} ${'words/CPU-s'.padStart(12)} ${'first pass'.padStart(12)} ${'MB/s'.padStart(8)} ${'peak RSS MB'.padStart(12)}`);
  for (const target of targets) {
    const m = runChild(target);
    rows.push(m);
    console.log(
      `${target.padEnd(36)} ${fmt(m.wordsPerSecond).padStart(12)} ${fmt(m.wordsPerCpuSecond).padStart(12)} ${fmt(m.firstPassWordsPerCpuSecond).padStart(12)} ${fmt(m.mbPerSecond, 2).padStart(8)} ${fmt(m.peakRssMb).padStart(12)}`,
    );
  }
  const get = (name: string): Measurement | undefined => rows.find((r) => r.name === name);
  const textLayer = get('text layer');
  const snow = get('snowball-stemmers');
  const nlpjs = get('@nlpjs/lang-ar tokenizer+stemmer');
  const ratios: Record<string, number> = {};
  // Ratios use CPU time: both sides ran in the same conditions, and CPU time is what one core costs.
  if (textLayer && snow) ratios['text layer / snowball-stemmers'] = textLayer.wordsPerCpuSecond / snow.wordsPerCpuSecond;
  if (textLayer && nlpjs) ratios['text layer / @nlpjs/lang-ar'] = textLayer.wordsPerCpuSecond / nlpjs.wordsPerCpuSecond;
  const pipeline = get('pipeline');
  if (pipeline && snow) ratios['pipeline / snowball-stemmers'] = pipeline.wordsPerCpuSecond / snow.wordsPerCpuSecond;
  console.log('');
  for (const [k, v] of Object.entries(ratios)) console.log(`${k}: ${v.toFixed(2)}×`);
  writeSpeedDoc(input, rows, ratios);
  writeResult(fileURLToPath(new URL('./results/pipeline.json', import.meta.url)), {
    date: new Date().toISOString(),
    input: { source: input.source, words: input.words, bytes: input.bytes },
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverage: loadavg()[0] },
    runs,
    rows,
    ratios,
  });
}
