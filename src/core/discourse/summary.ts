/**
 * The `summary` stage: an extractive summary of 1–3 sentences and a headline.
 *
 * Each running-text sentence is scored by three signals that news summarization leans on:
 * its position (the lead carries the news), its centrality (cosine similarity of its
 * terms to the whole article's, with terms weighted by how few sentences use them) and its
 * keyword coverage (how much of the keywords stage's weight it holds, when that ran).
 * Sentences are taken best first, skipping near-duplicates of one already taken, until the
 * summary reaches its target length; they are returned in text order. Inline headings are
 * never taken. The weights were chosen on ANT fold 8 (see docs/SUMMARY.md).
 */
import type { AnalyzedDocument, Keyword, Sentence, Summary, Token } from '../document.js';
import type { Stage } from '../pipeline.js';
import { HashIndex, hashString, termHashes } from './features.js';
import { buildHeadline } from './headline.js';
import { light10Terms, termKeys, type TermFunction } from './terms.js';
import { phraseKeys } from './themes.js';

/** Weights of the three sentence signals. */
export interface SummaryWeights {
  position: number;
  centrality: number;
  coverage: number;
}

/** Options of the summarizer. */
export interface SummaryOptions {
  /** Most sentences in the summary (default 3). */
  maxSentences?: number;
  /** Stop adding sentences once the summary has this many words (default 10: one sentence unless the lead is very short). */
  targetWords?: number;
  weights?: SummaryWeights;
  /** Term function for sentence vectors (default light10). */
  terms?: TermFunction;
}

/** Defaults chosen on ANT fold 8 (BBC and CNN abstracts) by `npm run eval:summary -- --tune`. */
export const DEFAULT_SUMMARY_OPTIONS: Required<Omit<SummaryOptions, 'terms'>> = {
  maxSentences: 3,
  targetWords: 10,
  weights: { position: 1, centrality: 0.5, coverage: 0.5 },
};

/** Two sentences this similar (cosine of term vectors) are near-duplicates. */
const REDUNDANT = 0.5;

/** Term statistics of a document's sentences, in flat arrays (one map per document, not per sentence). */
export interface SentenceTerms {
  /** Per sentence: first and last+1 token index, word count, running text or not. */
  from: Int32Array;
  to: Int32Array;
  words: Int32Array;
  running: Uint8Array;
  /** Per token: id of its content term, or −1. */
  termId: Int32Array;
  /** Number of distinct content terms. */
  size: number;
  /** Id of a content term by the hash of its key, or −1 (valid until the next call of {@link sentenceTerms}: the index is reused). */
  idOfHash(hash: number): number;
  /** Per term id: weight ln(1 + sentences / sentences using it), and count in the running text. */
  weight: Float64Array;
  docCount: Float64Array;
}

/** Splits the tokens among the sentences (both in text order) and numbers the content terms. */
export function sentenceTerms(tokens: readonly Token[], sentences: readonly Sentence[], terms: TermFunction): SentenceTerms {
  const keys = termKeys(tokens, terms);
  const n = sentences.length;
  const from = new Int32Array(n).fill(-1);
  const to = new Int32Array(n).fill(-1);
  const words = new Int32Array(n);
  const running = new Uint8Array(n);
  const hashes = termHashes(keys);
  const termId = new Int32Array(tokens.length).fill(-1);
  const idOf = SENTENCE_INDEX;
  idOf.reset(tokens.length);
  let size = 0;
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  let si = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (si < n && sentences[si].end <= t.start) si++;
    if (si >= n) break;
    if (t.start < sentences[si].start) continue;
    if (from[si] < 0) from[si] = i;
    to[si] = i + 1;
    const key = keys[i];
    if (key === '') continue;
    words[si]++;
    sentenceOf[i] = si;
    if (key.length < 3) continue; // particles and prepositions carry no content
    let id = idOf.get(hashes[i]);
    if (id < 0) {
      id = size++;
      idOf.set(hashes[i], id);
    }
    termId[i] = id;
  }
  let runningCount = 0;
  for (let j = 0; j < n; j++) {
    running[j] = sentences[j].kind === 'sentence' && words[j] > 0 ? 1 : 0;
    runningCount += running[j];
  }
  const terms_ = size;
  const sf = new Float64Array(terms_);
  const docCount = new Float64Array(terms_);
  const lastSentence = new Int32Array(terms_).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const id = termId[i];
    if (id < 0 || !running[sentenceOf[i]]) continue;
    docCount[id]++;
    if (lastSentence[id] !== sentenceOf[i]) {
      lastSentence[id] = sentenceOf[i];
      sf[id]++;
    }
  }
  const weight = new Float64Array(terms_);
  const total = Math.max(1, runningCount);
  for (let id = 0; id < terms_; id++) weight[id] = Math.log(1 + total / Math.max(1, sf[id]));
  return { from, to, words, running, termId, size, idOfHash: (hash) => idOf.get(hash), weight, docCount };
}

/** Counts of a sentence's terms in a scratch array; returns the ids touched. */
function countInto(st: SentenceTerms, sentence: number, scratch: Float64Array): number[] {
  const touched: number[] = [];
  for (let i = st.from[sentence]; i >= 0 && i < st.to[sentence]; i++) {
    const id = st.termId[i];
    if (id < 0) continue;
    if (scratch[id] === 0) touched.push(id);
    scratch[id]++;
  }
  return touched;
}

/** Cosine of two sentences' weighted term vectors. */
function sentenceCosine(st: SentenceTerms, a: number, b: number, scratchA: Float64Array, scratchB: Float64Array): number {
  const ta = countInto(st, a, scratchA);
  const tb = countInto(st, b, scratchB);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const id of ta) {
    const w2 = st.weight[id] ** 2;
    na += scratchA[id] ** 2 * w2;
    dot += scratchA[id] * scratchB[id] * w2;
  }
  for (const id of tb) nb += scratchB[id] ** 2 * st.weight[id] ** 2;
  for (const id of ta) scratchA[id] = 0;
  for (const id of tb) scratchB[id] = 0;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Term index reused across documents (stages run synchronously). */
const SENTENCE_INDEX = new HashIndex();

const KEYWORD_KEYS = new Map<string, string[]>();
const KEYWORD_KEYS_LIMIT = 50_000;

/** Term keys of a keyword's text, memoized (keyword texts recur across articles). */
function keywordKeys(text: string, terms: TermFunction): string[] {
  const memoKey = terms.name + '\u0001' + text;
  let keys = KEYWORD_KEYS.get(memoKey);
  if (keys === undefined) {
    keys = phraseKeys(text, terms);
    if (KEYWORD_KEYS.size >= KEYWORD_KEYS_LIMIT) KEYWORD_KEYS.clear();
    KEYWORD_KEYS.set(memoKey, keys);
  }
  return keys;
}

/**
 * Scores of the sentences (−Infinity for headings and sentences without words), in
 * sentence order, with the statistics they were computed from.
 */
export function scoreSentences(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  keywords: readonly Keyword[] | undefined,
  options: SummaryOptions = {},
): { scores: Float64Array; terms: SentenceTerms } {
  const termFunction = options.terms ?? light10Terms;
  const w = options.weights ?? DEFAULT_SUMMARY_OPTIONS.weights;
  const st = sentenceTerms(tokens, sentences, termFunction);
  const size = st.size;
  let docNorm = 0;
  for (let id = 0; id < size; id++) docNorm += (st.docCount[id] * st.weight[id]) ** 2;
  docNorm = Math.sqrt(docNorm);

  const keywordIds = (keywords ?? []).map((kw) => ({ ids: keywordKeys(kw.text, termFunction).map((k) => st.idOfHash(hashString(k))), score: kw.score }));
  const keywordTotal = keywordIds.reduce((s, k) => s + k.score, 0);

  const scratch = new Float64Array(size);
  const scores = new Float64Array(sentences.length).fill(-Infinity);
  let rank = 0;
  for (let j = 0; j < sentences.length; j++) {
    if (!st.running[j]) continue;
    const position = 1 / Math.sqrt(1 + rank++);
    const touched = countInto(st, j, scratch);
    let dot = 0;
    let norm = 0;
    for (const id of touched) {
      const w2 = st.weight[id] ** 2;
      dot += scratch[id] * st.docCount[id] * w2;
      norm += scratch[id] ** 2 * w2;
    }
    const centrality = norm > 0 && docNorm > 0 ? dot / (Math.sqrt(norm) * docNorm) : 0;
    let coverage = 0;
    if (keywordTotal > 0) {
      for (const kw of keywordIds) if (kw.ids.length > 0 && kw.ids.every((id) => id >= 0 && scratch[id] > 0)) coverage += kw.score;
      coverage /= keywordTotal;
    }
    for (const id of touched) scratch[id] = 0;
    const shortPenalty = st.words[j] < 6 ? 0.3 : 1;
    scores[j] = (w.position * position + w.centrality * centrality + w.coverage * coverage) * shortPenalty;
  }
  return { scores, terms: st };
}

/** Picks the summary sentences (indexes into `sentences`, in text order). */
export function summarizeSentences(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  keywords: readonly Keyword[] | undefined,
  options: SummaryOptions = {},
): number[] {
  const maxSentences = options.maxSentences ?? DEFAULT_SUMMARY_OPTIONS.maxSentences;
  const targetWords = options.targetWords ?? DEFAULT_SUMMARY_OPTIONS.targetWords;
  const { scores, terms: st } = scoreSentences(tokens, sentences, keywords, options);
  const order: number[] = [];
  for (let j = 0; j < sentences.length; j++) if (scores[j] > -Infinity) order.push(j);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const a = new Float64Array(st.size);
  const b = new Float64Array(st.size);
  const chosen: number[] = [];
  let words = 0;
  for (const i of order) {
    if (chosen.length >= maxSentences || words >= targetWords) break;
    if (chosen.some((j) => sentenceCosine(st, i, j, a, b) > REDUNDANT)) continue;
    chosen.push(i);
    words += st.words[i];
  }
  return chosen.sort((x, y) => x - y);
}

/** The summary of an analyzed document (needs its tokens and sentences; uses keywords, events and entities when present). */
export function summarize(doc: AnalyzedDocument, options: SummaryOptions = {}): Summary {
  const tokens = doc.tokens ?? [];
  const sentences = doc.sentences ?? [];
  return {
    sentences: summarizeSentences(tokens, sentences, doc.keywords, options),
    headline: buildHeadline(doc),
  };
}

/** The `summary` stage (needs sentences and tokens, adds summary). */
export function createSummaryStage(options: SummaryOptions = {}): Stage {
  return {
    name: 'summary',
    needs: ['sentences', 'tokens'],
    adds: ['summary'],
    run(doc: AnalyzedDocument) {
      doc.summary = summarize(doc, options);
    },
  };
}
