/**
 * A stand-in tokenizer and sentence splitter for the training scripts, used until the
 * project tokenizer (`src/core/text/tokenize.ts`) lands on main. It produces the same
 * token shape (`norm` = `normalize(text)`, kinds word/number/punct) from letter-and-mark
 * runs, so that a word with diacritics stays one token.
 *
 * TODO(tokenizer): switch every caller to `tokenize()` and `splitSentences()` and retrain,
 * so that training and runtime tokenize alike.
 */
import type { Sentence, Token } from '../../src/core/document.js';
import { normalize } from '../../src/core/text/normalize.js';

const TOKEN = /([\p{L}\p{M}]+)|(\p{N}+(?:[.,٫٬]\p{N}+)*)|(\S)/gu;

/** Tokens of a text: words (letters and marks), numbers, and single other characters. */
export function simpleTokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : m[0] === '"' || m[0] === '«' || m[0] === '»' ? 'quote' : 'punct';
    out.push({ start, end, text: m[0], norm: normalize(m[0]), kind });
  }
  return out;
}

/** Sentence spans: a line break, or `.`/`!`/`?`/`؟` followed by white space, ends a sentence. */
export function simpleSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]*?(?:[.!?؟]+(?=\s)|(?=\n)|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') {
      if ((m.index ?? 0) >= text.length) break;
      continue;
    }
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '' || !/\p{L}/u.test(trimmed)) continue;
    const start = (m.index ?? 0) + lead;
    out.push({ start, end: start + trimmed.length, kind: 'sentence' });
  }
  return out;
}
