/**
 * Shared benchmark helpers: the input texts (ANT when ../shared exists, generated text
 * otherwise), timing with warm-up and medians, and peak RSS.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { hasData, requireData, type AntArticle } from '../train/lib/data.js';

/** Where the benchmark's texts came from. */
export interface BenchInput {
  source: string;
  texts: string[];
  words: number;
  bytes: number;
}

const WORDS = (
  'قال أكد أوضح أشار أعلن وزير الخارجية الرئيس الحكومة العراق روسيا مصر الجزائر السعودية فى في على إلى من عن مع بين ' +
  'التعاون العسكري الاقتصادي النفط الغاز الإرهاب المفاوضات الاتفاق الزيارة المتحدث باسم وكالة الأنباء اليوم أمس الأربعاء ' +
  'والعراق بالعراق للعراق وروسيا لدعم تعزيز العلاقات الثنائية مجال التجارة الاستثمار الأمن المنطقة الدول البلدين الجانبين ' +
  'مُحَمَّد الـــزيارة آفاق مسؤول رئيس ماء ٢٠١٥ 10،5 3.5 سيرجى لافروف الجعفرى الحديثى العراقى الروسى التى الذى'
).split(' ');

/** Deterministic pseudo-random numbers (mulberry32), so generated input is the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generated Arabic-news-like articles, used when ../shared is absent. */
export function generatedTexts(totalWords: number): string[] {
  const rand = rng(42);
  const texts: string[] = [];
  let words = 0;
  while (words < totalWords) {
    const sentences: string[] = [];
    for (let s = 0; s < 12; s++) {
      const n = 8 + Math.floor(rand() * 20);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(WORDS[Math.floor(rand() * WORDS.length)] + (rand() < 0.08 ? '،' : ''));
      sentences.push(parts.join(' ') + (rand() < 0.9 ? '.' : '؟'));
      words += n;
    }
    texts.push(sentences.join(' '));
  }
  return texts;
}

/** Loads up to `maxWords` words of input: ANT (multi-source, then JawharaFM) when available. */
export function loadBenchInput(maxWords: number): BenchInput {
  let texts: string[];
  let source: string;
  if (hasData('ant-corpus')) {
    texts = [];
    let words = 0;
    // Parse line by line and stop early: holding the whole corpus would inflate peak RSS.
    for (const file of ['ant-corpus/ant_multisource_v2.1_subset.jsonl', 'ant-corpus/ant_v1.1_jawharafm.jsonl']) {
      for (const line of readFileSync(requireData(file), 'utf8').split('\n')) {
        if (words >= maxWords) break;
        if (!line.trim()) continue;
        const a = JSON.parse(line) as AntArticle;
        texts.push(a.text);
        words += countWords(a.text);
      }
    }
    source = `ANT corpus (../shared/data/ant-corpus), first ${texts.length} articles`;
  } else {
    texts = generatedTexts(maxWords);
    source = 'generated text (../shared/data not found)';
  }
  return {
    source,
    texts,
    words: texts.reduce((n, t) => n + countWords(t), 0),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0),
  };
}

/** Number of white-space separated words. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Median of numbers. */
/** The p-th percentile (nearest rank, 0–100) of some numbers. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Writes a JSON result file, creating its folder. */
export function writeResult(path: string, data: unknown): void {
  if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}
