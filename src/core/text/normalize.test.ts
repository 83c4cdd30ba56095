import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NORMALIZE_OPTIONS,
  keepsAlefMaksura,
  normalize,
  normalizeAlef,
  normalizeAlefMaksura,
  normalizeDigits,
  normalizeHamzaSeats,
  normalizePresentationForms,
  normalizePunctuation,
  normalizeSpaces,
  normalizeTaMarbuta,
  NORMALIZER_NAMES,
  normalizeWithMap,
  removeBidiControls,
  removeDiacritics,
  removeTatweel,
  removeZeroWidth,
  restoreFinalYa,
  toOriginalSpan,
  type NormalizeOptions,
} from './normalize.js';
import { arabicText } from './arbitraries.test-util.js';

describe('named normalizers', () => {
  it.each([
    [removeDiacritics, 'مُحَمَّدٌ ذَهَبَ إِلَى الْمَدْرَسَةِ', 'محمد ذهب إلى المدرسة'],
    [removeDiacritics, 'هٰذا', 'هذا'], // dagger alef
    [removeDiacritics, 'café', 'café'], // Latin accents are not Arabic diacritics
    [removeTatweel, 'كـــبير الـــزيارة', 'كبير الزيارة'],
    [normalizeAlef, 'أحمد إبراهيم آفاق ٱلله', 'احمد ابراهيم افاق الله'],
    [normalizeAlefMaksura, 'على مصطفى فى', 'علي مصطفي في'],
    [normalizeTaMarbuta, 'مدرسة جميلة', 'مدرسه جميله'],
    [normalizeHamzaSeats, 'مسؤول رئيس سئل ماء', 'مسوول رييس سيل ماء'],
    [normalizeDigits, '٢٠١٥ و۱۲۳ و٠٩', '2015 و123 و09'],
    [normalizePunctuation, 'قال، ثم؛ لماذا؟ «نعم» ٪٣٫٥…', 'قال, ثم; لماذا? "نعم" %٣.5...'.replace('5', '٥')],
    [normalizePresentationForms, 'ﻻ ﷲ', 'لا الله'],
    [removeZeroWidth, 'مر\u200Bصد\u200C', 'مرصد'],
    [removeBidiControls, '\u202Bمرصد\u202C \u200Fنعم\u2066', 'مرصد نعم'],
    [normalizeSpaces, 'أ\u00A0ب\u2009ج\tد\nه', 'أ ب ج د\nه'],
  ])('%o(%s)', (fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });

  it('keeps the ligature ﷺ whole rather than expanding it into several words', () => {
    expect(normalizePresentationForms('ﷺ')).toBe('ﷺ');
  });
});

describe('restoreFinalYa: Egyptian final ى', () => {
  it.each([
    ['فى', 'في'],
    ['العراقى', 'العراقي'],
    ['سيرجى', 'سيرجي'],
    ['التى', 'التي'],
    ['تأتى', 'تأتي'],
    ['على', 'على'],
    ['إلى', 'إلى'],
    ['مصطفى', 'مصطفى'],
    ['وعلى', 'وعلى'],
    ['بمستوى', 'بمستوى'],
    ['الأولى', 'الأولى'],
    ['للأولى', 'للأولى'],
    ['التقى', 'التقى'],
    ['عَلَى', 'عَلَى'],
    ['فىالعراق', 'فىالعراق'], // not final: left for the repair stage
    ['التصدى', 'التصدي'], // a verbal noun: verbs never take the article
    ['تصدى', 'تصدى'],
    ['سيبقى', 'سيبقى'], // future س before an imperfect
    ['ليلى', 'ليلى'],
    ['الليلى', 'الليلي'], // a name never takes the article
    ['لعلى', 'لعلي'], // a particle takes no preposition: لعلي is "for Ali"
    ['وفى', 'وفي'],
    ['إحدى', 'إحدى'],
    ['سيرجى', 'سيرجي'], // not the future س + يرجى
    ['كندى', 'كندي'],
  ])('%s → %s', (input, expected) => {
    expect(restoreFinalYa(input)).toBe(expected);
  });

  it('decides on the bare letters, whatever the diacritics and hamza', () => {
    expect(keepsAlefMaksura('إِلَى')).toBe(true);
    expect(keepsAlefMaksura('الروسى')).toBe(false);
  });
});

describe('normalize (default profile)', () => {
  it('normalizes an Egyptian-press sentence', () => {
    expect(normalize('توجّه وزيرُ الخارجيّة العراقى إلى روسيا فى ٢٠١٥، وقال: «نعم».')).toBe(
      'توجه وزير الخارجية العراقي الى روسيا في 2015, وقال: "نعم".',
    );
  });

  it('keeps ta marbuta, hamza seats and على by default', () => {
    expect(normalize('مدرسة المسؤول رئيس على')).toBe('مدرسة المسؤول رئيس على');
    expect(DEFAULT_NORMALIZE_OPTIONS.normalizeTaMarbuta).toBe(false);
  });

  it('can turn any rule off', () => {
    expect(normalize('أحمد فى', { normalizeAlef: false })).toBe('أحمد في');
    expect(normalize('أحمد فى', { restoreFinalYa: false })).toBe('احمد فى');
  });

  it('reads an option given as undefined as unset, not as off', () => {
    // Callers build options from optional flags (`{ removeDiacritics: flags.diacritics }`).
    const text = 'وَزِيرُ الخارجيّة أحمد فى ٢٠١٥ كـــبير';
    const unset: NormalizeOptions = { removeDiacritics: undefined, normalizeAlef: undefined, restoreFinalYa: undefined };
    expect(normalize(text, unset)).toBe(normalize(text));
    expect(normalize(text, unset)).toBe('وزير الخارجية احمد في 2015 كبير');
    expect(normalizeWithMap(text, unset).text).toBe(normalize(text));
  });

  it('follows an options object that is changed between calls', () => {
    // Compiled rules are cached per options object: a later change must still be honoured.
    const options: NormalizeOptions = { normalizeAlef: false };
    expect(normalize('أحمد فى', options)).toBe('أحمد في');
    options.normalizeAlef = true;
    expect(normalize('أحمد فى', options)).toBe('احمد في');
    options.restoreFinalYa = false;
    expect(normalizeWithMap('أحمد فى', options).text).toBe('احمد فى');
  });
});

describe('properties', () => {
  const optionsArb = fc.record(Object.fromEntries(NORMALIZER_NAMES.map((n) => [n, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>) as fc.Arbitrary<NormalizeOptions>;
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), arabicText);

  it('is idempotent for any text and any options', () => {
    fc.assert(
      fc.property(anyText, optionsArb, (s, opts) => {
        const once = normalize(s, opts);
        expect(normalize(once, opts)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('the offset map is in bounds, ordered, and agrees with normalize', () => {
    fc.assert(
      fc.property(anyText, optionsArb, (s, opts) => {
        const view = normalizeWithMap(s, opts);
        expect(view.text).toBe(normalize(s, opts));
        expect(view.toOriginal.length).toBe(view.text.length + 1);
        expect(view.toOriginal[view.text.length]).toBe(s.length);
        for (let i = 0; i < view.text.length; i++) {
          expect(view.toOriginal[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : view.toOriginal[i - 1]);
          expect(view.toOriginal[i]).toBeLessThan(s.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps spans back to the original', () => {
    const original = 'قالَ الوزيـــرُ فى ٢٠١٥';
    const view = normalizeWithMap(original);
    expect(view.text).toBe('قال الوزير في 2015');
    const at = view.text.indexOf('الوزير');
    const span = toOriginalSpan(view, at, at + 'الوزير'.length);
    expect(original.slice(span.start, span.end)).toBe('الوزيـــرُ');
    const year = view.text.indexOf('2015');
    const ys = toOriginalSpan(view, year, year + 4);
    expect(original.slice(ys.start, ys.end)).toBe('٢٠١٥');
  });
});
