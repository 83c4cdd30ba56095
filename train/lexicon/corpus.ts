/**
 * Corpus access for the lexicon and the glue splitter: which texts are used for what, how
 * words and adjacent word pairs are read from them, and how they are counted.
 *
 * Words are the project tokenizer's word tokens, counted on their `norm` (= `normalize()`
 * of the text), so that the lexicon and the runtime agree. Only forms the lexicon format
 * can store (Arabic letters) are kept.
 */
import { isLexiconWord } from '../../src/core/text/lexicon.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { readAnt, readSaudiNews, type AntArticle } from '../lib/data.js';

/** ANT folds for each role (the project-wide split: 0–7 train, 8 tune, 9 report). */
export const TRAIN_FOLDS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
export const TUNE_FOLD = 8;
export const REPORT_FOLD = 9;

/** A text to count, with where it came from. */
export interface CorpusText {
  text: string;
  corpus: 'ant' | 'saudinewsnet';
  fold?: number;
}

/** The title and body of an ANT article (the abstract repeats the lead, so it is left out). */
export function antText(a: AntArticle): string {
  return `${a.title}\n${a.text}`;
}

/** ANT articles of the given folds, as texts. */
export function antTexts(folds: readonly number[], ant = readAnt()): CorpusText[] {
  const keep = new Set(folds);
  return ant.filter((a) => keep.has(a.fold)).map((a) => ({ text: antText(a), corpus: 'ant' as const, fold: a.fold }));
}

/** The SaudiNewsNet subset, as texts (CC BY-NC-SA 4.0: a lexicon built with it carries that licence). */
export function saudiTexts(): CorpusText[] {
  return readSaudiNews().map((a) => ({ text: `${a.title}\n${a.text}`, corpus: 'saudinewsnet' as const }));
}

/** One word of a text. */
export interface CorpusWord {
  start: number;
  end: number;
  /** The original characters. */
  raw: string;
  /** `normalize(raw)`. */
  norm: string;
  /** True when `norm` is an Arabic word the lexicon can store. */
  arabic: boolean;
  /** True when the previous token is a word and only spaces or tabs separate them (same line, no punctuation). */
  adjacent: boolean;
}

const SPACES_ONLY = /^[ \t\u00A0]+$/u;

/**
 * The word tokens of a text, in order, as the project tokenizer makes them (so that the
 * lexicon counts exactly what the repair stage will look up).
 */
export function* corpusWords(text: string): Generator<CorpusWord> {
  let prevWordEnd = -1;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') {
      prevWordEnd = -1;
      continue;
    }
    yield {
      start: t.start,
      end: t.end,
      raw: t.text,
      norm: t.norm,
      arabic: isLexiconWord(t.norm),
      adjacent: prevWordEnd >= 0 && SPACES_ONLY.test(text.slice(prevWordEnd, t.start)),
    };
    prevWordEnd = t.end;
  }
}

/** Word and bigram counts over a set of texts. */
export interface CorpusCounts {
  /** Arabic word tokens counted. */
  total: number;
  words: Map<string, number>;
  /** Adjacent Arabic word pairs, keyed `left + ' ' + right`. */
  bigrams: Map<string, number>;
  /** Texts read. */
  texts: number;
}

/** Counts normalized Arabic words and adjacent pairs of them. */
export function countTexts(texts: Iterable<CorpusText>): CorpusCounts {
  const words = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let total = 0;
  let count = 0;
  for (const { text } of texts) {
    count++;
    let prev: string | null = null;
    for (const w of corpusWords(text)) {
      if (!w.arabic) {
        prev = null;
        continue;
      }
      total++;
      words.set(w.norm, (words.get(w.norm) ?? 0) + 1);
      if (prev !== null && w.adjacent) {
        const key = `${prev} ${w.norm}`;
        bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
      }
      prev = w.norm;
    }
  }
  return { total, words, bigrams, texts: count };
}

/** Keeps the bigrams seen at least `min` times. */
export function pruneBigrams(bigrams: ReadonlyMap<string, number>, min: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, c] of bigrams) if (c >= min) out.set(k, c);
  return out;
}

/** The sum of several counts. */
export function addCounts(parts: readonly CorpusCounts[]): CorpusCounts {
  const words = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let total = 0;
  let texts = 0;
  for (const p of parts) {
    total += p.total;
    texts += p.texts;
    for (const [w, c] of p.words) words.set(w, (words.get(w) ?? 0) + c);
    for (const [b, c] of p.bigrams) bigrams.set(b, (bigrams.get(b) ?? 0) + c);
  }
  return { total, words, bigrams, texts };
}

/** `all` minus `part` (which must be one of its summands): the counts without one fold. */
export function subtractCounts(all: CorpusCounts, part: CorpusCounts): CorpusCounts {
  const words = new Map(all.words);
  for (const [w, c] of part.words) {
    const left = (words.get(w) ?? 0) - c;
    if (left > 0) words.set(w, left);
    else words.delete(w);
  }
  const bigrams = new Map(all.bigrams);
  for (const [b, c] of part.bigrams) {
    const left = (bigrams.get(b) ?? 0) - c;
    if (left > 0) bigrams.set(b, left);
    else bigrams.delete(b);
  }
  return { total: all.total - part.total, words, bigrams, texts: all.texts - part.texts };
}
