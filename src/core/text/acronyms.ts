/**
 * Dotted acronyms written without spaces: `أ.ف.ب` (AFP), `بي.بي` (BP), `سي.إن.إن` (CNN),
 * `إم.إس.سي.آي`, `U.S.`. The tokenizer splits them at the dots, like any word and full stop;
 * the sentence splitter must not end a sentence inside one, and NER must not take each
 * letter for a name of its own. Pure functions over tokens.
 */
import type { Token } from '../document.js';
import { normalize } from './normalize.js';

/**
 * The Arabic names of Latin letters (normalized), as acronyms spell them: `بي.بي` (BP),
 * `سي.إن.إن` (CNN), `إف.بي.آي` (FBI).
 */
const LETTER_NAMES: ReadonlySet<string> = new Set(
  'اي ايه بي سي دي اف جي اتش اش جيه كي كيه ال ام ان او كيو ار اس تي يو في دبليو اكس واي زد زي'.split(' ').map((w) => normalize(w)),
);

/** A part of a dotted acronym: one letter (`أ.ف.ب`), a letter's name (`بي.بي`) or up to three Latin letters (`U.S.`). */
export function isAcronymWord(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const w = t.norm;
  return [...w].length === 1 || LETTER_NAMES.has(w) || /^\p{Script=Latin}{1,3}$/u.test(w);
}

/** The dot at `dot` is glued to an acronym part on the given side. */
export function isAcronymPartBeside(tokens: readonly Token[], dot: number, side: -1 | 1): boolean {
  const t = tokens[dot + side];
  if (t === undefined || !isAcronymWord(t)) return false;
  return side < 0 ? t.end === tokens[dot].start : tokens[dot].end === t.start;
}

/** True when the `.` at `dot` joins two acronym parts with no space (`بي.بي`). */
export function isInnerAcronymDot(tokens: readonly Token[], dot: number): boolean {
  return tokens[dot]?.text === '.' && isAcronymPartBeside(tokens, dot, -1) && isAcronymPartBeside(tokens, dot, 1);
}

/**
 * The token span `[first, end)` of the dotted acronym that token `i` belongs to (its letters
 * and inner dots, not a closing dot), or undefined when `i` is not in one.
 */
export function acronymSpan(tokens: readonly Token[], i: number): [number, number] | undefined {
  if (!isAcronymWord(tokens[i]) && !isInnerAcronymDot(tokens, i)) return undefined;
  let first = tokens[i].text === '.' ? i - 1 : i;
  while (first >= 2 && isInnerAcronymDot(tokens, first - 1)) first -= 2;
  let last = tokens[i].text === '.' ? i + 1 : i;
  while (last + 2 < tokens.length && isInnerAcronymDot(tokens, last + 1)) last += 2;
  return last > first ? [first, last + 1] : undefined;
}
