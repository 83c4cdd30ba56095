/**
 * The `morphology` stage: fills each token's `segments` (PADT syntactic words with their
 * original offsets, UPOS and lemmas), `pos`, `lemma` and `stem`. Needs `tokens`; adds
 * `morphology`. Word tokens are segmented; other tokens stay whole and take the tag their
 * kind implies (punctuation PUNCT, numbers NUM, symbols SYM, URLs and the like X), while
 * still giving the tagger its context.
 */
import type { AnalyzedDocument, Segment, Token, TokenKind } from '../document.js';
import type { Stage } from '../pipeline.js';
import { MorphAnalyzer, type MorphToken } from './analyzer.js';
import type { Upos } from './tagger.js';
import { makeToken, tokenize } from '../text/tokenize.js';

/** The tag of a token that is not a word, by its kind. */
const TAG_BY_KIND: Partial<Record<TokenKind, Upos>> = {
  punct: 'PUNCT',
  quote: 'PUNCT',
  number: 'NUM',
  percent: 'NUM',
  date: 'NUM',
  symbol: 'SYM',
  url: 'X',
  email: 'X',
  hashtag: 'X',
  mention: 'X',
};

/** Tokens that end a sentence when the document has no sentence layer. */
const SENTENCE_END = /^[.!?؟…]+$/u;

/** Longest run of tokens analyzed at once when no sentence layer bounds them. */
const MAX_RUN = 256;

/** Splits token indexes into sentence runs: by the sentence layer if present, else at sentence-final punctuation. */
export function sentenceRuns(doc: AnalyzedDocument): [number, number][] {
  const tokens = doc.tokens ?? [];
  const runs: [number, number][] = [];
  if (doc.sentences && doc.sentences.length > 0) {
    let t = 0;
    for (const s of doc.sentences) {
      const from = t;
      while (t < tokens.length && tokens[t].start < s.end) t++;
      if (t > from) runs.push([from, t]);
    }
    if (t < tokens.length) runs.push([t, tokens.length]);
  } else {
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (SENTENCE_END.test(tokens[i].text) || i + 1 - from >= MAX_RUN) {
        runs.push([from, i + 1]);
        from = i + 1;
      }
    }
    if (from < tokens.length) runs.push([from, tokens.length]);
  }
  // Very long sentences are cut so that one pathological paragraph cannot blow up a run.
  return runs.flatMap(([a, b]) => {
    const out: [number, number][] = [];
    for (let s = a; s < b; s += MAX_RUN * 4) out.push([s, Math.min(b, s + MAX_RUN * 4)]);
    return out;
  });
}

/**
 * Writes one analysis of {@link MorphAnalyzer.analyzeSentence} onto its token, with offsets
 * made absolute. The stage writes through `analyzeTokens` instead, without the intermediate
 * objects; this is the plain version it is tested against, and the one for callers that
 * hold `MorphToken`s.
 */
export function applyAnalysis(token: Token, analysis: MorphToken): void {
  const fixed = token.kind === 'word' ? undefined : TAG_BY_KIND[token.kind];
  if (fixed !== undefined) {
    token.segments = [{ text: token.text, start: token.start, end: token.end, pos: fixed, lemma: token.norm }];
    token.pos = fixed;
    token.lemma = token.norm;
    token.stem = token.norm;
    return;
  }
  token.segments = analysis.segments.map((s): Segment => {
    const seg: Segment = { text: s.text, pos: s.pos, lemma: s.lemma };
    if (s.start >= 0 && s.end >= s.start) {
      seg.start = token.start + s.start;
      seg.end = token.start + s.end;
    }
    if (s.lemmaVocalized !== undefined && s.lemmaVocalized !== s.lemma) seg.lemmaVocalized = s.lemmaVocalized;
    return seg;
  });
  token.pos = analysis.pos;
  token.lemma = analysis.lemma;
  token.stem = analysis.stem;
}

/**
 * Analyzes a sentence given as ready-made tokens (a gold file's words) exactly as the stage
 * analyzes a document's tokens: each word gets the kind the tokenizer gives it when it reads
 * as one token (else `word`), and non-word kinds take their fixed tags. Training and evaluating
 * a later stage on gold tokens (NER) thus sees the tags it will see at run time.
 */
export function analyzeGoldWords(analyzer: MorphAnalyzer, words: readonly string[]): Token[] {
  const tokens = words.map((w) => {
    const read = tokenize(w);
    return makeToken(w, 0, w.length, read.length === 1 && read[0].start === 0 && read[0].end === w.length ? read[0].kind : 'word');
  });
  if (tokens.length > 0) analyzer.analyzeTokens(tokens, 0, tokens.length, TAG_BY_KIND);
  return tokens;
}

/**
 * Creates the morphology stage from a model: the files of `loadModel('morph')` (a map from
 * file name to bytes) or an analyzer already built from them.
 */
export function createMorphologyStage(model: ReadonlyMap<string, Uint8Array> | MorphAnalyzer): Stage {
  const analyzer = model instanceof MorphAnalyzer ? model : MorphAnalyzer.fromFiles(model);
  return {
    name: 'morphology',
    needs: ['tokens'],
    adds: ['morphology'],
    run(doc) {
      const tokens = doc.tokens ?? [];
      // Same analysis as analyzeSentence + applyAnalysis, written straight onto the tokens.
      for (const [from, to] of sentenceRuns(doc)) analyzer.analyzeTokens(tokens, from, to, TAG_BY_KIND);
    },
  };
}
