/**
 * Examples for the glue splitter, built from real text:
 *
 * - glued pairs: two adjacent Arabic words of a text (same line, only spaces between them),
 *   written without the space. The right answer is the cut between them. Pairs with a
 *   one-letter word are left out: a lone `و` or `ب` written apart is itself the scraping
 *   error, and gluing it back gives the correct spelling.
 * - untouched words: every Arabic word token of a text as written. Splitting one is a false
 *   split, unless the text itself had glued words there (scraped corpora do; see the audit).
 */
import { glueCandidates, type GlueCandidate } from '../../src/core/text/repair.js';
import type { Lexicon } from '../../src/core/text/lexicon.js';
import { normalize } from '../../src/core/text/normalize.js';
import { corpusWords, type CorpusText } from './corpus.js';

/** A glued pair from real text. */
export interface GluedPair {
  /** The two words as written, glued. */
  glued: string;
  /** Where the cut belongs in `glued` (the length of the first word as written). */
  cut: number;
  /** The same cut in the char-normalized glued word. */
  normCut: number;
  /** `normalize(glued)`. */
  norm: string;
  left: string;
  right: string;
}

/** Adjacent Arabic word pairs of the texts, glued (both words at least two letters). */
export function* gluedPairs(texts: Iterable<CorpusText>): Generator<GluedPair> {
  for (const { text } of texts) {
    let prev: { raw: string; norm: string } | null = null;
    for (const w of corpusWords(text)) {
      if (!w.arabic) {
        prev = null;
        continue;
      }
      if (prev !== null && w.adjacent && prev.norm.length >= 2 && w.norm.length >= 2) {
        const glued = prev.raw + w.raw;
        yield {
          glued,
          cut: prev.raw.length,
          normCut: normalize(prev.raw, { restoreFinalYa: false }).length,
          norm: normalize(glued),
          left: prev.norm,
          right: w.norm,
        };
      }
      prev = { raw: w.raw, norm: w.norm };
    }
  }
}

/** An untouched Arabic word token of real text. */
export interface TextWord {
  raw: string;
  norm: string;
}

/** Every Arabic word token of the texts. */
export function* textWords(texts: Iterable<CorpusText>): Generator<TextWord> {
  for (const { text } of texts) for (const w of corpusWords(text)) if (w.arabic) yield { raw: w.raw, norm: w.norm };
}

/** Candidate rows of one word for the logistic model, labelled. */
export function candidateRows(
  raw: string,
  lexicon: Lexicon,
  minPart: number,
  correctCut: number | null,
): { rows: GlueCandidate[]; labels: number[] } {
  const norm = normalize(raw);
  const rows = glueCandidates(normalize(raw, { restoreFinalYa: false }), lexicon.count(norm), lexicon, minPart);
  return { rows, labels: rows.map((r) => (r.at === correctCut ? 1 : 0)) };
}
