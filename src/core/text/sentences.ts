/**
 * Sentence splitting over tokens, with inline sub-headings.
 *
 * Boundaries are `.`, `!`, `?`, `؟`, `…`, `..` and line breaks. A closing quote or bracket
 * right after a boundary stays with its sentence. Abbreviations (`د.`, `أ.`, `م.`) do not
 * end a sentence, and decimal numbers never reach here as separate dots (the tokenizer keeps
 * `3.5` whole), nor do the dots of a dotted acronym (`أ.ف.ب`, `بي.بي`).
 *
 * News sites often run a sub-heading into the next paragraph when the markup is stripped:
 * `… للإرهاب. صفقات الأسلحة الروسية للعراق وأوضح الحديثى، أنه …`. Such a heading is a short
 * verbless phrase at the start of a sentence, followed by the sentence's real opening: a
 * conjunction plus a reporting verb (`وأوضح`, `وقال`) or a discourse opener (`ومن جانبه`).
 * We give it its own span of kind `heading`.
 */
import type { Sentence, Token } from '../document.js';
import { isAcronymPartBeside, isInnerAcronymDot } from './acronyms.js';

const TERMINALS = new Set(['.', '!', '?', '؟', '…', '..', '...']);
const CLOSERS = new Set(['»', '”', '’', ')', ']', '}', '›']);
/** Abbreviations that end in a dot (normalized, without the dot). */
const ABBREVIATIONS = new Set(['د', 'ا', 'م', 'ص', 'ج', 'ق', 'ت', 'ش', 'س', 'ب', 'ك', 'ه', 'اد', 'Dr', 'Mr', 'Mrs', 'Ms', 'St', 'No', 'vs', 'etc', 'Prof', 'Jr', 'Sr']);

/**
 * Perfect-tense reporting and narrative verbs (normalized) that open a news sentence after
 * `و` or `ف`. Masculine and feminine forms.
 */
const OPENER_VERBS = new Set(
  `قال اضاف اوضح اكد اشار لفت تابع ذكر اعلن صرح شدد كشف نفى اعتبر راى افاد بين دعا طالب توقع وصف ابدى اعرب
   استطرد واصل اردف نوه حذر اعترف ختم اختتم انتقد رحب ادان نقل قالت اضافت اوضحت اكدت اشارت لفتت تابعت ذكرت اعلنت
   صرحت شددت كشفت نفت اعتبرت رات افادت بينت دعت طالبت توقعت وصفت ابدت اعربت حذرت رحبت ادانت كان كانت جاء جاءت تم
   يذكر يشار تجدر ياتي`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/** Two-word openers: `ومن جانبه`, `ومن جهتها`, `وفي سياق`. */
const OPENER_PHRASES: ReadonlyArray<readonly [string, (second: string) => boolean]> = [
  ['ومن', (s) => s.startsWith('جانب') || s.startsWith('جهت') || s.startsWith('ناحيت')],
  ['من', (s) => s.startsWith('جانب') || s.startsWith('جهت')],
  ['وفي', (s) => s === 'سياق' || s === 'هذا' || s === 'غضون'],
];

/** Words that cannot start a heading: particles, prepositions and verbs start sentences, not headings. */
const NON_HEADING_STARTS = new Set(
  `في من الى على عن ان إن انه انها لكن ثم كما قد لقد لم لن ما لا هل هذا هذه ذلك تلك الذي التي الذين حيث اذا بعد قبل
   عند منذ خلال مع بين ضد حول`.split(/\s+/u),
);

const MAX_HEADING_WORDS = 8;
const MIN_HEADING_WORDS = 2;

function isTerminal(t: Token): boolean {
  return t.kind === 'punct' && (TERMINALS.has(t.text) || /^[!?؟]+$/u.test(t.text));
}

/** True when the gap between two tokens holds a line break. */
function lineBreakBetween(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.includes('\n') || gap.includes('\r') || gap.includes('\u2029');
}

/** A dot after a lone abbreviation (`د.`), not at the end of a line, does not end the sentence. */
function isAbbreviationDot(text: string, tokens: readonly Token[], k: number): boolean {
  if (tokens[k].text !== '.' || k === 0) return false;
  const prev = tokens[k - 1];
  if (prev.kind !== 'word' || prev.end !== tokens[k].start || !ABBREVIATIONS.has(prev.norm)) return false;
  // The abbreviation must be a word of its own, not the tail of a longer word.
  if (k >= 2 && tokens[k - 2].end === prev.start) return false;
  const next = tokens[k + 1];
  return next !== undefined && !lineBreakBetween(text, tokens[k], next);
}

/**
 * A dot inside a dotted acronym, or the one that closes it, does not end a sentence. Agency
 * credits (`أ.ف.ب`) and company names (`بي.بي`) are written this way, with no space around
 * the inner dots; a glued dot between two ordinary words (`الاجتماع.وقال`, `بها.ثم`) is
 * still a missing space after a full stop. The closing dot (`U.S. News`) ends the sentence
 * only before a line break or a sentence opener (`وقال`).
 */
function isAcronymDot(text: string, tokens: readonly Token[], k: number): boolean {
  if (isInnerAcronymDot(tokens, k)) return true;
  // The closing dot: glued to a letter that follows another acronym dot.
  if (tokens[k].text !== '.' || !isAcronymPartBeside(tokens, k, -1) || k < 2 || !isInnerAcronymDot(tokens, k - 2)) return false;
  const next = tokens[k + 1];
  return next !== undefined && !lineBreakBetween(text, tokens[k], next) && !isOpener(tokens, k + 1);
}

function isOpener(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word') return false;
  const w = t.norm;
  if ((w[0] === 'و' || w[0] === 'ف') && OPENER_VERBS.has(w.slice(1))) return true;
  const next = tokens[k + 1];
  if (next && next.kind === 'word') {
    for (const [first, second] of OPENER_PHRASES) if (w === first && second(next.norm)) return true;
  }
  return false;
}

/**
 * Finds an inline heading at the start of the sentence `tokens[from..to)`: returns the
 * index of the opener that follows it, or -1.
 */
function findInlineHeading(tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from];
  if (first.kind !== 'word' || first.norm[0] === 'و' || first.norm[0] === 'ف' || NON_HEADING_STARTS.has(first.norm)) return -1;
  if (OPENER_VERBS.has(first.norm)) return -1;
  const limit = Math.min(to, from + MAX_HEADING_WORDS + 1);
  for (let k = from + 1; k < limit; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' && t.kind !== 'number') return -1;
    if (isOpener(tokens, k)) return k - from >= MIN_HEADING_WORDS ? k : -1;
    if (OPENER_VERBS.has(t.norm)) return -1;
  }
  return -1;
}

/**
 * Splits tokens into sentence spans. A closing quote right after a boundary stays with its
 * sentence; so does a `"` that closes an open `"`.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let openStraightQuote = false;
  const push = (from: number, to: number): void => {
    if (to <= from) return;
    const heading = findInlineHeading(tokens, from, to);
    if (heading > 0) {
      sentences.push({ start: tokens[from].start, end: tokens[heading - 1].end, kind: 'heading' });
      from = heading;
    }
    sentences.push({ start: tokens[from].start, end: tokens[to - 1].end, kind: 'sentence' });
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === '"') openStraightQuote = !openStraightQuote;
    let boundary = false;
    if (isTerminal(t) && !isAbbreviationDot(text, tokens, k) && !isAcronymDot(text, tokens, k)) {
      boundary = true;
      // Keep closing quotes and brackets that follow the terminal.
      while (k + 1 < tokens.length) {
        const next = tokens[k + 1];
        if (CLOSERS.has(next.text) || (next.text === '"' && openStraightQuote)) {
          if (next.text === '"') openStraightQuote = false;
          k++;
        } else break;
      }
    }
    const next = tokens[k + 1];
    if (!boundary && next !== undefined && lineBreakBetween(text, tokens[k], next)) boundary = true;
    if (boundary || next === undefined) {
      push(start, k + 1);
      start = k + 1;
      // A straight quote left open at a line break was not a quote pair; reset.
      if (next !== undefined && lineBreakBetween(text, tokens[k], next)) openStraightQuote = false;
    }
  }
  return sentences;
}
