import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { displayForm, foldForMatch, light10Terms, lightStem, stripArticle } from './terms.js';

const stem = (word: string): string => lightStem(normalize(word));

describe('lightStem', () => {
  it.each([
    // article, conjunction + article, preposition + article
    ['العراق', 'عراق'],
    ['والعراق', 'عراق'],
    ['بالعراق', 'عراق'],
    ['للعراق', 'عراق'],
    ['وللعراق', 'عراق'],
    ['فالعراق', 'عراق'],
    // nisba and feminine endings meet the country
    ['العراقىّ', 'عراق'],
    ['العراقيَّة', 'عراق'],
    ['الإيرانيين', 'ايران'],
    ['إيران', 'ايران'],
    // a bare و/ل is never taken for a clitic
    ['وزير', 'وزير'],
    ['لافروف', 'لافروف'],
    ['وزارة', 'وزار'],
    // dual/plural endings need four letters left
    ['تعاون', 'تعاون'],
    ['لبنان', 'لبنان'],
    ['المحادثات', 'محادث'],
    // diacritics, tatweel, alef with madda, hamza seats
    ['الإرْهَابُ', 'ارهاب'],
    ['الإرهـــاب', 'ارهاب'],
    ['آفاق', 'افاق'],
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
    ['إنشاء', 'انشاء'],
    // Egyptian final ى
    ['الروسى', 'روس'],
    ['الله', 'الله'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('ignores diacritics and tatweel: a word and its decorated spelling have one stem', () => {
    const letters = [...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    const marks = ['\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 }),
        fc.array(fc.constantFrom(...marks), { minLength: 9, maxLength: 9 }),
        (chars, decorations) => {
          const plain = chars.join('');
          const decorated = chars.map((c, i) => c + decorations[i]).join('');
          expect(stem(decorated)).toBe(stem(plain));
        },
      ),
    );
  });

  it('never leaves fewer than two letters from a word of two or more', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(وال|بال|لل|ال)?[بتجدرسعفقكلمنهوي]{2,6}(ها|ان|ات|ون|ين|ية|ه|ي)?$/u), (word) => {
        expect(stem(word).length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('foldForMatch', () => {
  it.each([
    ['مدرسة', 'مدرسه'],
    ['مصطفى', 'مصطفي'],
    ['سُئل', 'سءل'],
    ['CNN', 'cnn'],
    ['٣ب', 'ب'],
  ])('%s → %s', (word, expected) => {
    expect(foldForMatch(normalize(word))).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldForMatch(foldForMatch(s))).toBe(foldForMatch(s));
      }),
    );
  });
});

describe('stripArticle and displayForm', () => {
  it('strips the article only when two letters remain', () => {
    expect(stripArticle('الي')).toBe('الي');
    expect(stripArticle('وال')).toBe('وال');
    expect(stripArticle('البيت')).toBe('بيت');
  });

  it.each([
    ['والعراق', 'العراق'],
    ['بالنفط', 'النفط'],
    ['وبالنفط', 'النفط'],
    ['للعراق', 'العراق'],
    ['وزير', 'وزير'],
    ['روسيا', 'روسيا'],
  ])('displays %s as %s', (word, expected) => {
    expect(displayForm(word)).toBe(expected);
  });
});

describe('light10Terms', () => {
  it('gives no term for punctuation, numbers or quotes', () => {
    expect(light10Terms.key({ norm: ',', kind: 'punct' })).toBe('');
    expect(light10Terms.key({ norm: '2015', kind: 'number' })).toBe('');
    expect(light10Terms.key({ norm: '"', kind: 'quote' })).toBe('');
    expect(light10Terms.key({ norm: 'والنفط', kind: 'word' })).toBe('نفط');
  });
});
