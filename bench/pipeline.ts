/**
 * `npm run bench`: words/s, MB/s and peak RSS for each stage of the pipeline and for the
 * whole of it, on ANT when ../shared exists (generated text otherwise), with the
 * ecosystem's Arabic tools timed in the same run on the same words:
 * snowball-stemmers' Arabic stemmer, and @nlpjs/lang-ar's tokenizer and stemmer.
 *
 * Each measurement runs in its own child process, so that its peak RSS is its own.
 * Options: --words N (input size, default 1,000,000), --runs N (timed runs, default 3).
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { TokenizerAr, StemmerAr } from '@nlpjs/lang-ar';
import snowball from 'snowball-stemmers';
import type { AnalyzedDocument } from '../src/core/document.js';
import { createDocument } from '../src/core/document.js';
import { loadAnalyzer } from '../src/node/analyzer.js';
import { loadBenchInput, median, peakRssMb, writeResult } from './lib.js';

interface Measurement {
  name: string;
  words: number;
  bytes: number;
  seconds: number;
  wordsPerSecond: number;
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

/** Times `fn` over the input: one warm-up, then the median of `runs`. */
function time(fn: () => void): number {
  fn();
  const secs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    secs.push((performance.now() - t0) / 1000);
  }
  return median(secs);
}

/** Runs one measurement in this process and prints it as JSON (child mode). */
function measureOne(target: string): Measurement {
  const input = loadBenchInput(maxWords);
  const words = input.texts.map((t) => t.split(/\s+/u).filter(Boolean));
  let seconds: number;
  if (target === 'snowball-stemmers') {
    const stemmer = snowball.newStemmer('arabic');
    seconds = time(() => {
      for (const ws of words) for (const w of ws) stemmer.stem(w);
    });
  } else if (target === '@nlpjs/lang-ar tokenizer+stemmer') {
    const tokenizer = new TokenizerAr();
    const stemmer = new StemmerAr();
    seconds = time(() => {
      for (const t of input.texts) stemmer.stem(tokenizer.tokenize(t, true));
    });
  } else {
    const analyzer = loadAnalyzer({ warn: () => {} });
    const names = analyzer.stages.map((s) => s.name);
    if (target === 'pipeline' || target === 'text layer') {
      const stages = target === 'pipeline' ? analyzer.stages : analyzer.stages.filter((s) => ['tokenize', 'repair', 'sentences'].includes(s.name));
      seconds = time(() => {
        for (const t of input.texts) {
          const doc = createDocument(t);
          for (const s of stages) s.run(doc, {});
        }
      });
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
      const secs: number[] = [];
      for (let r = 0; r <= runs; r++) {
        const docs = fresh();
        const t0 = performance.now();
        for (const d of docs) stage.run(d, {});
        if (r > 0) secs.push((performance.now() - t0) / 1000);
      }
      seconds = median(secs);
    }
  }
  return {
    name: target,
    words: input.words,
    bytes: input.bytes,
    seconds,
    wordsPerSecond: input.words / seconds,
    mbPerSecond: input.bytes / 1024 / 1024 / seconds,
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

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

if (args[0] === '--child') {
  process.stdout.write(JSON.stringify(measureOne(args[1])) + '\n');
} else {
  const input = loadBenchInput(maxWords);
  const stageNames = loadAnalyzer({ warn: (m) => console.error(`note: ${m}`) }).stages.map((s) => s.name);
  const targets = [...stageNames, 'text layer', 'pipeline', 'snowball-stemmers', '@nlpjs/lang-ar tokenizer+stemmer'];
  console.log(`Input: ${input.source}: ${fmt(input.words)} words, ${fmt(input.bytes / 1024 / 1024, 1)} MB`);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; median of ${runs} runs after a warm-up; one process per row.\n`);
  const rows: Measurement[] = [];
  console.log(`${'what'.padEnd(36)} ${'words/s'.padStart(12)} ${'MB/s'.padStart(8)} ${'peak RSS MB'.padStart(12)}`);
  for (const target of targets) {
    const m = runChild(target);
    rows.push(m);
    console.log(`${target.padEnd(36)} ${fmt(m.wordsPerSecond).padStart(12)} ${fmt(m.mbPerSecond, 2).padStart(8)} ${fmt(m.peakRssMb).padStart(12)}`);
  }
  const get = (name: string): Measurement | undefined => rows.find((r) => r.name === name);
  const textLayer = get('text layer');
  const snow = get('snowball-stemmers');
  const nlpjs = get('@nlpjs/lang-ar tokenizer+stemmer');
  const ratios: Record<string, number> = {};
  if (textLayer && snow) ratios['text layer / snowball-stemmers'] = textLayer.wordsPerSecond / snow.wordsPerSecond;
  if (textLayer && nlpjs) ratios['text layer / @nlpjs/lang-ar'] = textLayer.wordsPerSecond / nlpjs.wordsPerSecond;
  const pipeline = get('pipeline');
  if (pipeline && snow) ratios['pipeline / snowball-stemmers'] = pipeline.wordsPerSecond / snow.wordsPerSecond;
  console.log('');
  for (const [k, v] of Object.entries(ratios)) console.log(`${k}: ${v.toFixed(2)}×`);
  writeResult(fileURLToPath(new URL('./results/pipeline.json', import.meta.url)), {
    date: new Date().toISOString(),
    input: { source: input.source, words: input.words, bytes: input.bytes },
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    runs,
    rows,
    ratios,
  });
}
