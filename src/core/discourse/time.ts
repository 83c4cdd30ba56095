/**
 * Time expressions of news text and their resolution against the publication date:
 * `مساء أمس الأربعاء`, `صباح اليوم الخميس`, `غدا الجمعة`, `أول أمس`, `بعد غد`,
 * `يوم الأربعاء`, `الأربعاء الماضي`, `الأسبوع الماضي`, `الشهر المقبل`, `16 يوليو 2015`.
 *
 * With a publication date (YYYY-MM-DD) each expression gets an ISO date where one day can
 * be named; without one, or for a year (`العام الماضي`), only the phrase is kept. A bare
 * weekday is read as the most recent such day on or before the publication date (news
 * reports what happened), unless `المقبل`/`القادم` follows.
 */
import type { TimeExpression, Token } from '../document.js';
import { stripConjunction } from './lexical.js';
import { DAY_PARTS, DAY_WORDS, PERIOD_DIRECTIONS, PERIOD_WORDS, WEEKDAYS } from './time-words.js';

/** Month names (normalized), Egyptian and Levantine → month number. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['يناير', 1],
  ['فبراير', 2],
  ['مارس', 3],
  ['ابريل', 4],
  ['مايو', 5],
  ['يونيو', 6],
  ['يونيه', 6],
  ['يوليو', 7],
  ['يوليه', 7],
  ['اغسطس', 8],
  ['سبتمبر', 9],
  ['اكتوبر', 10],
  ['نوفمبر', 11],
  ['ديسمبر', 12],
  ['شباط', 2],
  ['اذار', 3],
  ['نيسان', 4],
  ['ايار', 5],
  ['حزيران', 6],
  ['تموز', 7],
  ['اب', 8],
  ['ايلول', 9],
]);

/** Parses `YYYY-MM-DD` into a UTC date, or undefined. */
export function parseIsoDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? undefined : d;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

const word = (t: Token | undefined): string => (t && t.kind === 'word' ? stripConjunction(t.norm, 3) : '');

/** A time expression found at a token, with its token span and, when resolvable, its date. */
export interface FoundTime {
  ts: number;
  te: number;
  expression: TimeExpression;
}

/**
 * Reads the time expression starting at token `i`, if any. `base` is the publication date.
 */
export function timeAt(tokens: readonly Token[], i: number, text: string, base: Date | undefined): FoundTime | undefined {
  let j = i;
  let offset: number | undefined;
  let weekday: number | undefined;
  let direction = 0;
  const w0 = word(tokens[j]);
  // A part of the day (مساء، صباح) only counts before a day word or weekday.
  if (DAY_PARTS.has(w0) && w0 !== 'بعد' && w0 !== 'اول') {
    const next = word(tokens[j + 1]);
    if (DAY_WORDS.has(next) || WEEKDAYS.has(next) || next === 'يوم') j++;
    else return undefined;
  }
  const w = word(tokens[j]);
  if (w === 'اول' && (word(tokens[j + 1]) === 'امس' || (word(tokens[j + 1]) === 'من' && word(tokens[j + 2]) === 'امس'))) {
    offset = -2;
    j += word(tokens[j + 1]) === 'من' ? 3 : 2;
  } else if (w === 'بعد' && (word(tokens[j + 1]) === 'غد' || word(tokens[j + 1]) === 'غدا')) {
    offset = 2;
    j += 2;
  } else if (DAY_WORDS.has(w)) {
    offset = DAY_WORDS.get(w);
    j++;
  } else if (w === 'يوم' && WEEKDAYS.has(word(tokens[j + 1]))) {
    j++;
  } else if (PERIOD_WORDS.has(w) && PERIOD_DIRECTIONS.has(word(tokens[j + 1]))) {
    const sign = PERIOD_DIRECTIONS.get(word(tokens[j + 1])) ?? 0;
    j += 2;
    if (w === 'الاسبوع') return finish(tokens, i, j, text, base, { offset: 7 * sign });
    if (w === 'الشهر') return finish(tokens, i, j, text, base, { months: sign });
    // A year is not a day: keep the phrase only.
    return finish(tokens, i, j, text, base, undefined);
  } else if (tokens[j]?.kind === 'number' && MONTHS.has(word(tokens[j + 1]))) {
    const day = Number(tokens[j].norm);
    const month = MONTHS.get(word(tokens[j + 1])) ?? 0;
    j += 2;
    let year = base?.getUTCFullYear();
    if (tokens[j]?.kind === 'number' && /^\d{4}$/u.test(tokens[j].norm)) {
      year = Number(tokens[j].norm);
      j++;
    }
    if (!Number.isInteger(day) || day < 1 || day > 31 || year === undefined) return finish(tokens, i, j, text, undefined, undefined);
    const d = new Date(Date.UTC(year, month - 1, day));
    return finish(tokens, i, j, text, d, { offset: 0, months: 0 });
  }
  // An optional weekday after a day word (أمس الأربعاء), or a weekday alone.
  if (WEEKDAYS.has(word(tokens[j]))) {
    weekday = WEEKDAYS.get(word(tokens[j]));
    j++;
    const dir = PERIOD_DIRECTIONS.get(word(tokens[j]));
    if (dir !== undefined && offset === undefined) {
      direction = dir;
      j++;
    }
  }
  if (offset === undefined && weekday === undefined) return undefined;
  if (offset === undefined && weekday !== undefined && base) {
    const dow = base.getUTCDay();
    offset = direction > 0 ? (weekday - dow + 7) % 7 || 7 : -((dow - weekday + 7) % 7);
  }
  return finish(tokens, i, j, text, base, { offset });
}

function finish(
  tokens: readonly Token[],
  ts: number,
  te: number,
  text: string,
  base: Date | undefined,
  shift: { offset?: number; months?: number } | undefined,
): FoundTime {
  const first = tokens[ts];
  // A conjunction on the first word is not part of the expression.
  const pre = first.norm !== stripConjunction(first.norm, 3) && (first.text[0] === 'و' || first.text[0] === 'ف') ? 1 : 0;
  const start = first.start + pre;
  const end = tokens[te - 1].end;
  const expression: TimeExpression = { start, end, text: text.slice(start, end) };
  if (base && shift) {
    let d = addDays(base, shift.offset ?? 0);
    if (shift.months) d = addMonths(d, shift.months);
    expression.date = iso(d);
  }
  return { ts, te, expression };
}

/** Every time expression in the token range `[from, to)`. */
export function findTimes(tokens: readonly Token[], from: number, to: number, text: string, base: Date | undefined): FoundTime[] {
  const out: FoundTime[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i].kind !== 'word' && tokens[i].kind !== 'number') continue;
    const found = timeAt(tokens, i, text, base);
    if (found && found.te <= to) {
      out.push(found);
      i = found.te - 1;
    }
  }
  return out;
}
