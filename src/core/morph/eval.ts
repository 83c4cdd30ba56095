/**
 * Scoring after the CoNLL 2018 shared task script (`conll18_ud_eval.py`): words are
 * aligned by character span outside multiword tokens, and inside a stretch that contains
 * multiword tokens by the longest common subsequence of their (lower-cased) forms. Words,
 * UPOS and Lemma are F1 over gold and system word counts, exactly as that script computes
 * them, so our figures can be set beside published ones.
 *
 * Lemmas: PADT gold lemmas are vocalized. {@link LemmaKey} chooses how lemmas are compared:
 * as written (`exact`, the 2018 script's rule) or with diacritics removed on both sides
 * (`dediacritized`, what our undiacritized lemmas are meant to match).
 */
import { MarsadError } from '../errors.js';
import type { TreebankSentence } from './treebank.js';

/** One score: counts and F1 (in percent). */
export interface Score {
  gold: number;
  system: number;
  correct: number;
  aligned: number;
  precision: number;
  recall: number;
  f1: number;
  /** correct / aligned, in percent (the script's "AligndAcc"). */
  alignedAccuracy: number;
}

/** How lemmas are compared. */
export type LemmaKey = 'exact' | 'dediacritized';

/** Scores for a system output against gold. */
export interface Conll2018Scores {
  tokens: Score;
  words: Score;
  /** Absent when the gold has no UPOS. */
  upos?: Score;
  /** Absent when the gold has no lemmas. */
  lemma?: Score;
  /** Lemma compared as written, when gold has lemmas. */
  lemmaExact?: Score;
}

interface UdWord {
  start: number;
  end: number;
  multiword: boolean;
  form: string;
  upos: string;
  lemma: string;
}

const DIACRITIC = /[\p{M}\u0640]/gu;

/** Lemma key with Arabic diacritics and tatweel removed (hamza and alef variants kept). */
export function dediacritize(s: string): string {
  return s.replace(DIACRITIC, '');
}

function flatten(sentences: readonly TreebankSentence[]): { words: UdWord[]; chars: string; tokens: { start: number; end: number }[] } {
  const words: UdWord[] = [];
  const tokens: { start: number; end: number }[] = [];
  const parts: string[] = [];
  let index = 0;
  for (const s of sentences) {
    for (const t of s.tokens) {
      const form = t.form.replace(/\s/gu, '');
      const start = index;
      index += form.length;
      parts.push(form);
      tokens.push({ start, end: index });
      const multiword = t.words.length > 1;
      for (const w of t.words) {
        words.push({ start, end: index, multiword, form: w.form, upos: w.upos ?? '_', lemma: w.lemma ?? '_' });
      }
    }
  }
  return { words, chars: parts.join(''), tokens };
}

function beyondEnd(words: UdWord[], i: number, end: number): boolean {
  if (i >= words.length) return true;
  if (words[i].multiword) return words[i].start >= end;
  return words[i].end > end;
}

function extendEnd(word: UdWord, end: number): number {
  return word.multiword && word.end > end ? word.end : end;
}

/** Aligns gold and system words; returns pairs of indexes. */
function alignWords(gold: UdWord[], system: UdWord[]): [number, number][] {
  const aligned: [number, number][] = [];
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    if (gold[gi].multiword || system[si].multiword) {
      // Find the multiword span, as find_multiword_span does.
      let end: number;
      if (gold[gi].multiword) {
        end = gold[gi].end;
        if (!system[si].multiword && system[si].start < gold[gi].start) si++;
      } else {
        end = system[si].end;
        if (!gold[gi].multiword && gold[gi].start < system[si].start) gi++;
      }
      const gs = gi;
      const ss = si;
      while (!beyondEnd(gold, gi, end) || !beyondEnd(system, si, end)) {
        if (gi < gold.length && (si >= system.length || gold[gi].start <= system[si].start)) {
          end = extendEnd(gold[gi], end);
          gi++;
        } else {
          end = extendEnd(system[si], end);
          si++;
        }
      }
      if (si > ss && gi > gs) {
        const ng = gi - gs;
        const ns = si - ss;
        const lcs: number[][] = Array.from({ length: ng }, () => new Array<number>(ns).fill(0));
        for (let g = ng - 1; g >= 0; g--) {
          for (let s = ns - 1; s >= 0; s--) {
            if (gold[gs + g].form.toLowerCase() === system[ss + s].form.toLowerCase()) {
              lcs[g][s] = 1 + (g + 1 < ng && s + 1 < ns ? lcs[g + 1][s + 1] : 0);
            }
            lcs[g][s] = Math.max(lcs[g][s], g + 1 < ng ? lcs[g + 1][s] : 0);
            lcs[g][s] = Math.max(lcs[g][s], s + 1 < ns ? lcs[g][s + 1] : 0);
          }
        }
        let g = 0;
        let s = 0;
        while (g < ng && s < ns) {
          if (gold[gs + g].form.toLowerCase() === system[ss + s].form.toLowerCase()) {
            aligned.push([gs + g, ss + s]);
            g++;
            s++;
          } else if (lcs[g][s] === (g + 1 < ng ? lcs[g + 1][s] : 0)) {
            g++;
          } else {
            s++;
          }
        }
      }
    } else if (gold[gi].start === system[si].start && gold[gi].end === system[si].end) {
      aligned.push([gi, si]);
      gi++;
      si++;
    } else if (gold[gi].start <= system[si].start) {
      gi++;
    } else {
      si++;
    }
  }
  return aligned;
}

function makeScore(gold: number, system: number, correct: number, aligned: number): Score {
  const precision = system > 0 ? (100 * correct) / system : 0;
  const recall = gold > 0 ? (100 * correct) / gold : 0;
  const f1 = gold + system > 0 ? (200 * correct) / (gold + system) : 0;
  return { gold, system, correct, aligned, precision, recall, f1, alignedAccuracy: aligned > 0 ? (100 * correct) / aligned : 0 };
}

/** Options for {@link scoreConll2018}. */
export interface ScoreOptions {
  /** Whether gold carries UPOS (default: any gold word has one). */
  goldHasUpos?: boolean;
  /** Whether gold carries lemmas (default: any gold word has one). */
  goldHasLemmas?: boolean;
}

/**
 * Scores system sentences against gold ones, after CoNLL 2018.
 * @throws MarsadError `VALIDATION` when the two do not spell the same characters (the system must keep the gold surface tokens' text).
 */
export function scoreConll2018(gold: readonly TreebankSentence[], system: readonly TreebankSentence[], options: ScoreOptions = {}): Conll2018Scores {
  const g = flatten(gold);
  const s = flatten(system);
  if (g.chars !== s.chars) {
    let i = 0;
    while (i < g.chars.length && g.chars[i] === s.chars[i]) i++;
    throw new MarsadError('VALIDATION', `Gold and system texts differ at character ${i}: "${g.chars.slice(i, i + 20)}" vs "${s.chars.slice(i, i + 20)}".`);
  }
  // Tokens: aligned when their spans coincide.
  const sysTokens = new Set(s.tokens.map((t) => `${t.start}:${t.end}`));
  const tokenCorrect = g.tokens.filter((t) => sysTokens.has(`${t.start}:${t.end}`)).length;
  const pairs = alignWords(g.words, s.words);
  const n = pairs.length;
  const goldHasUpos = options.goldHasUpos ?? g.words.some((w) => w.upos !== '_');
  const goldHasLemmas = options.goldHasLemmas ?? g.words.some((w) => w.lemma !== '_');
  const result: Conll2018Scores = {
    tokens: makeScore(g.tokens.length, s.tokens.length, tokenCorrect, tokenCorrect),
    words: makeScore(g.words.length, s.words.length, n, n),
  };
  if (goldHasUpos) {
    const correct = pairs.filter(([a, b]) => g.words[a].upos === s.words[b].upos).length;
    result.upos = makeScore(g.words.length, s.words.length, correct, n);
  }
  if (goldHasLemmas) {
    // As in the 2018 script, a gold lemma "_" counts as matched.
    const exact = pairs.filter(([a, b]) => g.words[a].lemma === '_' || g.words[a].lemma === s.words[b].lemma).length;
    const dediac = pairs.filter(([a, b]) => g.words[a].lemma === '_' || dediacritize(g.words[a].lemma) === dediacritize(s.words[b].lemma)).length;
    result.lemma = makeScore(g.words.length, s.words.length, dediac, n);
    result.lemmaExact = makeScore(g.words.length, s.words.length, exact, n);
  }
  return result;
}

/** The summary line: `Words NN.NN UPOS NN.NN Lemma NN.NN`, with `-` for a metric the gold lacks. */
export function summaryLine(scores: Conll2018Scores): string {
  const f = (x: Score | undefined): string => (x === undefined ? '-' : x.f1.toFixed(2));
  return `Words ${f(scores.words)} UPOS ${f(scores.upos)} Lemma ${f(scores.lemma)}`;
}
