/**
 * fast-check arbitraries for property tests: text drawn mostly from what Arabic news
 * contains (letters with hamza variants, diacritics, tatweel, Arabic-Indic digits,
 * punctuation and quotes, Latin, bidi and zero-width marks, odd spaces, emoji).
 */
import fc from 'fast-check';

const PIECES = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ء', 'ئ', 'ؤ', 'ب', 'ت', 'ة', 'ى', 'ي', 'و', 'ل', 'م', 'ن', 'ه', 'ع', 'ف', 'ك', 'ر', 'س',
  'َ', 'ُ', 'ِ', 'ّ', 'ْ', 'ً', 'ٌ', 'ٍ', 'ٰ', 'ـ',
  '٠', '١', '٢', '٩', '۴', '0', '5', '9',
  '.', '..', '…', '،', '؛', '؟', '!', '?', ':', '%', '٪', '٫', '/', '-', '(', ')',
  '"', '«', '»', '“', '”', '‘', '’', "'",
  'a', 'Z', 'http://x.y/z', 'www.', '@', '#', '_',
  ' ', ' ', ' ', '\n', '\t', '\u00A0', '\u2009',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069', '\u061C', '\uFEFF',
  'ﻻ', 'ﷲ', 'ﷺ', '😀', '\uD800',
  'في', 'فى', 'على', 'العراق', 'والعراق', 'روسياوالعراق', 'د.', '3.5', '10،5',
];

/** Arabic-news-like text of up to ~60 pieces. */
export const arabicText: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
