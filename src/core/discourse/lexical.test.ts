import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { bareKey, hasClitic, lookupClitic, stripArticle, stripConjunction } from './lexical.js';

const MAP = new Map([
  ['وزير', 'minister'],
  ['العراق', 'IRQ'],
  ['روسيا', 'RUS'],
  ['فرنسا', 'FRA'],
]);

describe('lookupClitic', () => {
  it.each([
    ['وزير', 'minister', 0],
    ['ووزير', 'minister', 1],
    ['لوزير', 'minister', 1],
    ['والعراق', 'IRQ', 1],
    ['بالعراق', 'IRQ', 1],
    ['وبالعراق', 'IRQ', 2],
    ['للعراق', 'IRQ', 1],
    ['لروسيا', 'RUS', 1],
    ['فرنسا', 'FRA', 0],
  ])('%s → %s with a %d-letter prefix', (word, value, prefix) => {
    expect(lookupClitic(MAP, word)).toMatchObject({ value, prefix });
  });

  it('finds words as written before peeling letters that may be proclitics', () => {
    // وزير must not be read as و + زير, nor فرنسا as ف + رنسا.
    expect(lookupClitic(MAP, 'وزير')?.prefix).toBe(0);
    expect(lookupClitic(MAP, 'فرنسا')?.prefix).toBe(0);
  });

  it('returns undefined for unknown words and keeps short stems whole', () => {
    expect(lookupClitic(MAP, 'وزارة')).toBeUndefined();
    expect(lookupClitic(new Map([['فد', 1]]), 'وفد', 3)).toBeUndefined();
  });

  it('agrees with hasClitic', () => {
    const set = new Set(MAP.keys());
    for (const w of ['وزير', 'ووزير', 'للعراق', 'وزارة', 'ف', '']) expect(hasClitic(set, w)).toBe(lookupClitic(MAP, w) !== undefined);
  });

  it('works on normalized Egyptian spellings with diacritics and tatweel', () => {
    expect(lookupClitic(MAP, normalize('وَالعِـــراق'))?.value).toBe('IRQ');
    expect(lookupClitic(MAP, normalize('لِوَزِيرِ'))?.value).toBe('minister');
  });
});

describe('stripping helpers', () => {
  it('strips a conjunction only when enough letters remain', () => {
    expect(stripConjunction('والعراق')).toBe('العراق');
    expect(stripConjunction('ولد')).toBe('ولد');
    expect(stripArticle('الخارجية')).toBe('خارجية');
    expect(stripArticle('الى')).toBe('الى');
    expect(bareKey('والحكومة')).toBe('حكومة');
  });
});
