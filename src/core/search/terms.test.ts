import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../document.js';
import { normalize } from '../text/normalize.js';
import { indexable, indexTerms, lightStem, searchStem, segmentedSearchStem, stripDefiniteClitics, stripProclitics, termForms } from './terms.js';

const tok = (text: string, extra: Partial<Token> = {}): Token => ({ start: 0, end: text.length, text, norm: normalize(text), kind: 'word', ...extra });

describe('stripDefiniteClitics', () => {
  it.each([
    ['والعراق', 'عراق'],
    ['بالعراق', 'عراق'],
    ['للعراق', 'عراق'],
    ['وبالعراق', 'عراق'],
    ['فالعراق', 'عراق'],
    ['وللعراق', 'عراق'],
    ['كالعادة', 'عادة'],
    ['العراق', 'عراق'],
    ['الحد', 'حد'],
    // Proclitics not followed by the article stay: these words begin with و or ب or ف.
    ['وزير', 'وزير'],
    ['وزارة', 'وزارة'],
    ['بغداد', 'بغداد'],
    ['فرنسا', 'فرنسا'],
    ['روسيا', 'روسيا'],
    // و + ال + two letters is more likely a word of its own (والدة, "mother").
    ['والدة', 'والدة'],
    ['بالغ', 'بالغ'],
  ])('%s → %s', (input, expected) => {
    expect(stripDefiniteClitics(input)).toBe(expected);
  });

  it('returns a non-empty suffix of its input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[وفبكلالعرقمصنهي]{1,10}$/), (s) => {
        const out = stripDefiniteClitics(s);
        expect(s.endsWith(out)).toBe(true);
        expect(out.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('lightStem', () => {
  it.each([
    ['اتفاقيات', 'اتفاق'],
    ['عراقية', 'عراق'],
    ['عراقي', 'عراق'],
    ['روسية', 'روس'],
    ['وزير', 'وزير'],
    ['قوات', 'قوات'],
    ['Iraq', 'Iraq'],
  ])('%s → %s', (input, expected) => {
    expect(lightStem(input)).toBe(expected);
  });
});

describe('stripProclitics and searchStem', () => {
  it.each([
    ['وروسيا', 'روسيا', 'روسيا'],
    ['لوزير', 'وزير', 'وزير'],
    ['وزير', 'وزير', 'وزير'],
    ['بغداد', 'غداد', 'غداد'],
    ['اتفاقياتها', 'اتفاقياتها', 'اتفاق'],
    ['عراقيين', 'عراقيين', 'عراق'],
    ['Paris', 'Paris', 'Paris'],
  ])('%s → %s → %s', (base, stripped, stem) => {
    expect(stripProclitics(base)).toBe(stripped);
    expect(searchStem(base)).toBe(stem);
  });
});

describe('termForms', () => {
  it('gives one clitic-free base to every clitic variant of العراق', () => {
    const bases = ['العراق', 'والعراق', 'بالعراق', 'للعراق', 'وبالعراق'].map((w) => termForms(tok(w), normalize)?.base);
    expect(new Set(bases)).toEqual(new Set(['عراق']));
  });

  it('folds diacritics, hamza-alef and Egyptian final ya through norm', () => {
    const f = termForms(tok('فى'), normalize);
    expect(f?.norm).toBe('في');
    expect(termForms(tok('الأَمْن'), normalize)?.base).toBe('امن');
    expect(termForms(tok('الإرهابى'), normalize)?.norm).toBe('الارهابي');
    expect(termForms(tok('العـــراق'), normalize)?.norm).toBe('العراق');
  });

  it('maps Arabic-Indic digits to ASCII', () => {
    expect(termForms(tok('٢٠١٥', { kind: 'number' }), normalize)?.norm).toBe('2015');
  });

  it('skips punctuation, URLs and symbols', () => {
    expect(termForms(tok('،', { kind: 'punct' }), normalize)).toBeUndefined();
    expect(termForms(tok('https://example.org', { kind: 'url' }), normalize)).toBeUndefined();
  });

  it('uses the morphology layer when present: content segment and stem', () => {
    const t = tok('وبالعراقيين', {
      segments: [
        { text: 'و', pos: 'CCONJ', lemma: 'و' },
        { text: 'ب', pos: 'ADP', lemma: 'ب' },
        { text: 'العراقيين', pos: 'ADJ', lemma: 'عراقي' },
      ],
      stem: 'عراقي',
    });
    expect(termForms(t, normalize)).toEqual({ norm: 'وبالعراقيين', base: 'عراقيين', stem: 'عراق' });
  });

  it('gives the same token spelling different forms when its content segment differs', () => {
    // Forms are cached per word: the key must hold the content segment, not the norm alone.
    const reading = (content: string) =>
      tok('وبالعراق', { segments: [{ text: 'و', pos: 'CCONJ', lemma: 'و' }, { text: 'ب', pos: 'ADP', lemma: 'ب' }, { text: content, pos: 'PROPN', lemma: content }], stem: 'x' });
    expect(termForms(reading('العراق'), normalize)?.base).toBe('عراق');
    expect(termForms(reading('عراق'), normalize)?.base).toBe('عراق');
    expect(termForms(reading('الع'), normalize)?.base).toBe('الع');
    const forms = termForms(reading('العراق'), normalize)!;
    forms.base = 'changed';
    expect(termForms(reading('العراق'), normalize)?.base).toBe('عراق');
  });

  it('stems the content segment: plural and feminine meet, spelling variants fold, short words stay', () => {
    // اتفاقيات / اتفاقية / اتفاقيتها: one stem; the segmenter already removed the enclitic of the last.
    expect(segmentedSearchStem('اتفاقيات')).toBe('اتفاق');
    expect(segmentedSearchStem('اتفاقية')).toBe('اتفاق');
    expect(segmentedSearchStem('مستشفى')).toBe('مستشفي');
    expect(segmentedSearchStem('مسؤولون')).toBe('مسوول');
    // No proclitic is guessed: the segmenter decided about و already.
    expect(segmentedSearchStem('وزير')).toBe('وزير');
    expect(segmentedSearchStem('دار')).toBe('دار');
    expect(segmentedSearchStem('٢٠٢٦')).toBe(indexable(normalize('٢٠٢٦')));
  });

  it('gives every token a non-empty stem of letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        const base = indexable(normalize(s));
        fc.pre(base !== '');
        const stem = segmentedSearchStem(base);
        return stem !== '' && /^[\p{L}\p{N}]+$/u.test(stem);
      }),
    );
  });

  it('keeps only letters and digits, lower-cased', () => {
    expect(indexable('COVID-19')).toBe('covid19');
    fc.assert(fc.property(fc.string(), (s) => /^[\p{L}\p{N}]*$/u.test(indexable(s))));
  });
});

describe('indexTerms', () => {
  it('keeps forms aligned with the original spans of indexed tokens', () => {
    const text = 'زار لافروف العراق، ثم مصر.';
    const tokens: Token[] = [...text.matchAll(/[\p{L}]+|[^\s\p{L}]/gu)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      text: m[0],
      norm: normalize(m[0]),
      kind: /\p{L}/u.test(m[0]) ? 'word' : 'punct',
    }));
    const terms = indexTerms(tokens, normalize);
    expect(terms.norm).toEqual(['زار', 'لافروف', 'العراق', 'ثم', 'مصر']);
    expect(terms.spans.length).toBe(2 * terms.norm.length);
    for (let i = 0; i < terms.norm.length; i++) {
      expect(normalize(text.slice(terms.spans[2 * i], terms.spans[2 * i + 1]))).toBe(terms.norm[i]);
    }
  });
});
