import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../document.js';
import { arabicText } from './arbitraries.test-util.js';
import { rebuild, tokenize } from './tokenize.js';

const show = (tokens: Token[]): string[] => tokens.map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['قال الوزيرُ: "نعم".', ['word:قال', 'word:الوزيرُ', 'punct::', 'quote:"', 'word:نعم', 'quote:"', 'punct:.']],
    ['مُحَمَّدٌ ذَهَبَ', ['word:مُحَمَّدٌ', 'word:ذَهَبَ']], // diacritics stay inside words
    ['الـــزيارة آفاق مسؤول رئيس ماء', ['word:الـــزيارة', 'word:آفاق', 'word:مسؤول', 'word:رئيس', 'word:ماء']],
    ['بلغ 10،5 مليار و٢٠١٥ و3.5 و1,000', ['word:بلغ', 'number:10،5', 'word:مليار', 'word:و', 'number:٢٠١٥', 'word:و', 'number:3.5', 'word:و', 'number:1,000']],
    ['بنسبة 12% و٣٫٥٪', ['word:بنسبة', 'percent:12%', 'word:و', 'percent:٣٫٥٪']],
    ['في 16/7/2015 و2015-07-16 و١٦/٧/٢٠١٥', ['word:في', 'date:16/7/2015', 'word:و', 'date:2015-07-16', 'word:و', 'date:١٦/٧/٢٠١٥']],
    ['زوروا https://example.com/a?b=1. أو www.marsad.org', ['word:زوروا', 'url:https://example.com/a?b=1', 'punct:.', 'word:أو', 'url:www.marsad.org']],
    ['راسلوا info@marsad.org أو @marsad_ar #عاصي_الحلاني', ['word:راسلوا', 'email:info@marsad.org', 'word:أو', 'mention:@marsad_ar', 'hashtag:#عاصي_الحلاني']],
    ['«نعم» “لا” ‘ربما’', ['quote:«', 'word:نعم', 'quote:»', 'quote:“', 'word:لا', 'quote:”', 'quote:‘', 'word:ربما', 'quote:’']],
    ['الإرهاب.. وأكدنا… ثم؟! انتهى...', ['word:الإرهاب', 'punct:..', 'word:وأكدنا', 'punct:…', 'word:ثم', 'punct:؟!', 'word:انتهى', 'punct:...']],
    ['قمة G20 فى l\'Aube عبرMBC', ['word:قمة', 'word:G20', 'word:فى', "word:l'Aube", 'word:عبر', 'word:MBC']],
    ['مر\u200Fصد \u202Bنعم\u202C', ['word:مر\u200Fصد', 'word:نعم']],
    ['2015م', ['number:2015', 'word:م']],
    ['نعم\u{E0020}لا 😀', ['word:نعم', 'word:لا', 'symbol:😀']], // an astral format control is a gap, whole
  ])('%s', (input, expected) => {
    expect(show(tokenize(input))).toEqual(expected);
  });

  it('fills norm with the normalized form', () => {
    const [t] = tokenize('العراقى');
    expect(t.norm).toBe('العراقي');
    expect(tokenize('٢٠١٥')[0].norm).toBe('2015');
  });
});

describe('properties (any Unicode string)', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), arabicText);

  it('offsets are in bounds, ordered, non-overlapping, and text is the slice', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const tokens = tokenize(s);
        let pos = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(pos);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.text).toBe(s.slice(t.start, t.end));
          pos = t.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the tokens and gaps rebuild the text exactly, and gaps hold only spaces and format controls', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const tokens = tokenize(s);
        expect(rebuild(s, tokens)).toBe(s);
        let pos = 0;
        for (const t of [...tokens, { start: s.length, end: s.length }]) {
          expect(s.slice(pos, t.start)).toMatch(/^[\s\p{Z}\p{Cf}]*$/u);
          pos = t.end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
