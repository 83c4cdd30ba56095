/**
 * A lossless tokenizer, after wink-nlp: tokens are spans of the original text, and the text
 * rebuilds exactly from the tokens and the gaps between them. Gaps hold only white space
 * and stray format controls (zero-width and bidi marks), so nothing the reader sees is lost.
 *
 * Arabic clitics are not split here (`والعراق` is one token): that is morphology's job.
 * Words glued by scraping (`روسياوالعراق`) are split later by the repair stage.
 */
import type { Token, TokenKind } from '../document.js';
import { CharClass, charClassTable, classOfCodePoint, isHighSurrogate, isLowSurrogate } from './chars.js';
import { normalize } from './normalize.js';

const QUOTE_MARKS = new Set(['"', "'", '«', '»', '“', '”', '‘', '’', '„', '‚', '‹', '›', '〝', '〞', '＂']);
/** Separators allowed between digit groups inside one number: `10،5`, `3.5`, `1,000`, `٣٫٥`. */
const NUMBER_SEPARATORS = new Set(['.', ',', '،', '٫', '٬', ':']);
/** Separators of a date's parts. */
const DATE_SEPARATORS = new Set(['/', '-', '.']);
/** Characters trimmed from the end of a URL: sentence punctuation and closing quotes. */
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', '،', '؛', '؟', '"', "'", '»', '”', '’', ')', ']', '}', '>']);
/** Punctuation whose runs form one token (`!!`, `؟!`, `..`). */
const RUN_PUNCT = new Set(['!', '?', '؟', '.']);

const reEmail = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
const reUrl = /(?:https?:\/\/|www\.)[^\s\p{Cf}]+/iuy;

interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
}

/** Class bits of the code point at `i` (surrogate pairs decoded). */
function classAt(text: string, i: number, table: Uint8Array): number {
  const cu = text.charCodeAt(i);
  if (isHighSurrogate(cu) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
    return classOfCodePoint(text.codePointAt(i) ?? cu);
  }
  return table[cu];
}

/** Width in code units of the code point at `i`. */
function widthAt(text: string, i: number): number {
  const cu = text.charCodeAt(i);
  return isHighSurrogate(cu) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

const isGap = (cls: number): boolean => (cls & (CharClass.Space | CharClass.Format)) !== 0 && (cls & (CharClass.Letter | CharClass.Digit)) === 0;
const isLetterOrMark = (cls: number): boolean => (cls & (CharClass.Letter | CharClass.Mark)) !== 0;
const isDigit = (cls: number): boolean => (cls & CharClass.Digit) !== 0;

/**
 * Scans a word from `i`: letters and combining marks of one script family (Arabic or not).
 * A change of script ends the word (`عبرMBC` is two tokens); format controls inside a word
 * (a ZWNJ, an RLM pasted mid-word) stay inside it. Latin words keep inner apostrophes and
 * hyphens (`l'Aube`, `Jean-Luc`) and digits (`G20`).
 */
function scanWord(text: string, i: number, table: Uint8Array): number {
  const arabic = (classAt(text, i, table) & CharClass.Arabic) !== 0;
  let j = i + widthAt(text, i);
  while (j < text.length) {
    const cls = classAt(text, j, table);
    if (cls & CharClass.Mark) {
      j += widthAt(text, j);
      continue;
    }
    if (cls & CharClass.Letter) {
      if (((cls & CharClass.Arabic) !== 0) !== arabic) break;
      j += widthAt(text, j);
      continue;
    }
    if (!arabic && (cls & CharClass.Digit) && !(cls & CharClass.Arabic)) {
      j += widthAt(text, j);
      continue;
    }
    const ch = text[j];
    if (cls & CharClass.Format) {
      // Keep a format control inside the word only when the word goes on after it.
      let k = j + 1;
      while (k < text.length && table[text.charCodeAt(k)] & CharClass.Format) k++;
      const next = k < text.length ? classAt(text, k, table) : 0;
      if ((next & CharClass.Mark) || ((next & CharClass.Letter) && ((next & CharClass.Arabic) !== 0) === arabic)) {
        j = k;
        continue;
      }
      break;
    }
    if (!arabic && (ch === "'" || ch === '’' || ch === '-') && j + 1 < text.length) {
      const next = classAt(text, j + 1, table);
      if ((next & CharClass.Letter) && !(next & CharClass.Arabic)) {
        j += 1;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Scans digits of any decimal script from `i`. */
function scanDigits(text: string, i: number, table: Uint8Array): number {
  let j = i;
  while (j < text.length && classAt(text, j, table) & CharClass.Digit) j += widthAt(text, j);
  return j;
}

/**
 * Scans a number, a percentage or a date from `i` (a digit). Dates are three digit groups
 * with `/`, `-` or `.` (`16/7/2015`, `2015-07-16`, `١٦/٧/٢٠١٥`); numbers take `.`, `,`,
 * `،`, `٫`, `٬` and `:` between digit groups (`10،5`, `3.5`, `1,000`, `10:30`).
 */
function scanNumber(text: string, i: number, table: Uint8Array): { end: number; kind: TokenKind } {
  const firstEnd = scanDigits(text, i, table);
  // Date: d{1,4} sep d{1,2} sep d{1,4}, with the same separator twice.
  const sep = text[firstEnd];
  if (sep !== undefined && DATE_SEPARATORS.has(sep) && firstEnd - i <= 4) {
    const secondEnd = scanDigits(text, firstEnd + 1, table);
    const secondLen = secondEnd - firstEnd - 1;
    if (secondLen >= 1 && secondLen <= 2 && text[secondEnd] === sep) {
      const thirdEnd = scanDigits(text, secondEnd + 1, table);
      const thirdLen = thirdEnd - secondEnd - 1;
      const firstLen = firstEnd - i;
      if (thirdLen >= 1 && thirdLen <= 4 && (firstLen === 4 || thirdLen === 4 || thirdLen === 2) && !isDigitAt(text, thirdEnd, table)) {
        return { end: thirdEnd, kind: 'date' };
      }
    }
  }
  let j = firstEnd;
  while (j + 1 < text.length && NUMBER_SEPARATORS.has(text[j]) && isDigitAt(text, j + 1, table)) {
    j = scanDigits(text, j + 1, table);
  }
  if (text[j] === '%' || text[j] === '٪' || text[j] === '‰') return { end: j + 1, kind: 'percent' };
  return { end: j, kind: 'number' };
}

function isDigitAt(text: string, i: number, table: Uint8Array): boolean {
  return i < text.length && (classAt(text, i, table) & CharClass.Digit) !== 0;
}

/** Tries a URL or an e-mail address at `i`; returns its end or -1. */
function scanLink(text: string, i: number): { end: number; kind: TokenKind } | null {
  const c = text[i];
  if (c === 'h' || c === 'H' || c === 'w' || c === 'W') {
    reUrl.lastIndex = i;
    const m = reUrl.exec(text);
    if (m) {
      let end = i + m[0].length;
      const opens = (m[0].match(/\(/g) ?? []).length;
      let closes = (m[0].match(/\)/g) ?? []).length;
      while (end > i && URL_TRAILING.has(text[end - 1])) {
        // A closing parenthesis that balances one inside the URL belongs to it (Wikipedia links).
        if (text[end - 1] === ')' && closes <= opens) break;
        if (text[end - 1] === ')') closes--;
        end--;
      }
      if (end - i > 7) return { end, kind: 'url' };
    }
  }
  reEmail.lastIndex = i;
  const m = reEmail.exec(text);
  if (m) {
    let end = i + m[0].length;
    while (text[end - 1] === '.' || text[end - 1] === '-') end--;
    return { end, kind: 'email' };
  }
  return null;
}

/** True when the chunk of non-space text from `i` contains `@` or `:` or starts with `www.`, i.e. may hold a link. */
function mayBeLink(text: string, i: number, table: Uint8Array): boolean {
  for (let j = i; j < text.length && j < i + 2048; j++) {
    const cu = text.charCodeAt(j);
    if (table[cu] & CharClass.Space) return false;
    if (cu === 64 /* @ */ || cu === 58 /* : */) return true;
    if (j === i + 3 && (text[i] === 'w' || text[i] === 'W') && text.slice(i, i + 4).toLowerCase() === 'www.') return true;
  }
  return false;
}

/** Splits text into raw token spans with kinds. */
function scan(text: string): RawToken[] {
  const table = charClassTable();
  const out: RawToken[] = [];
  let i = 0;
  const n = text.length;
  let chunkStart = true;
  let chunkMayLink = false;
  while (i < n) {
    const cls = classAt(text, i, table);
    if (isGap(cls)) {
      i += widthAt(text, i); // an astral format control (a tag character) is two code units
      chunkStart = true;
      continue;
    }
    if (chunkStart) {
      chunkMayLink = mayBeLink(text, i, table);
      chunkStart = false;
    }
    if (chunkMayLink && (cls & (CharClass.Letter | CharClass.Digit)) !== 0) {
      const link = scanLink(text, i);
      if (link) {
        out.push({ start: i, end: link.end, kind: link.kind });
        i = link.end;
        continue;
      }
    }
    const ch = text[i];
    if (isLetterOrMark(cls)) {
      const end = scanWord(text, i, table);
      out.push({ start: i, end, kind: 'word' });
      i = end;
      continue;
    }
    if (isDigit(cls)) {
      const { end, kind } = scanNumber(text, i, table);
      out.push({ start: i, end, kind });
      i = end;
      continue;
    }
    if ((ch === '#' || ch === '@') && i + 1 < n) {
      const next = classAt(text, i + 1, table);
      if ((next & (CharClass.Letter | CharClass.Digit)) !== 0 || text[i + 1] === '_') {
        let j = i + 1;
        while (j < n) {
          const c = classAt(text, j, table);
          if ((c & (CharClass.Letter | CharClass.Mark | CharClass.Digit)) !== 0 || text[j] === '_') j += widthAt(text, j);
          else break;
        }
        out.push({ start: i, end: j, kind: ch === '#' ? 'hashtag' : 'mention' });
        i = j;
        continue;
      }
    }
    if (QUOTE_MARKS.has(ch)) {
      out.push({ start: i, end: i + 1, kind: 'quote' });
      i += 1;
      continue;
    }
    if (ch === '…') {
      out.push({ start: i, end: i + 1, kind: 'punct' });
      i += 1;
      continue;
    }
    if (RUN_PUNCT.has(ch)) {
      // `..` and `...` are one token; so are `!!` and `؟!`, but a `.` does not join `!`.
      let j = i + 1;
      if (ch === '.') while (j < n && text[j] === '.') j++;
      else while (j < n && RUN_PUNCT.has(text[j]) && text[j] !== '.') j++;
      out.push({ start: i, end: j, kind: 'punct' });
      i = j;
      continue;
    }
    const w = widthAt(text, i);
    out.push({ start: i, end: i + w, kind: cls & CharClass.Punct ? 'punct' : 'symbol' });
    i += w;
  }
  return out;
}

/**
 * The normalized form of a token's text: the one place that decides which profile token
 * `norm` uses (the default one). A cache here was tried and was slower than normalizing:
 * hashing a freshly sliced string costs more than the table pass over it.
 */
export function normalizeToken(text: string): string {
  return normalize(text);
}

/** Makes a token over `text.slice(start, end)`. */
export function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  const surface = text.slice(start, end);
  return { start, end, text: surface, norm: normalizeToken(surface), kind };
}

/**
 * Tokenizes a text losslessly. Tokens are ordered, do not overlap, and every character
 * outside them is white space or a format control.
 */
export function tokenize(text: string): Token[] {
  const raw = scan(text);
  const tokens = new Array<Token>(raw.length);
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    tokens[k] = makeToken(text, r.start, r.end, r.kind);
  }
  return tokens;
}

/**
 * Rebuilds the text from tokens and the gaps between them. Equals the original for any
 * tokenization of it; tests use it to check that no character is dropped or duplicated.
 */
export function rebuild(text: string, tokens: readonly Token[]): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    out += text.slice(pos, t.start) + t.text;
    pos = t.end;
  }
  return out + text.slice(pos);
}
