import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { bigramHash, decodeLexicon, encodeLexicon, isLexiconWord, lexiconFromCounts } from './lexicon.js';
import { normalize } from './normalize.js';

const words = new Map([
  ['العراق', 735],
  ['روسيا', 2214],
  ['والعراق', 114],
  ['في', 112079],
  ['مستشفى', 40],
  ['مؤتمر', 12],
  ['الجزائر', 300],
  ['ء', 1],
]);
const bigrams = new Map([
  ['روسيا والعراق', 3],
  ['في العراق', 90],
]);

describe('isLexiconWord', () => {
  it.each<[string, boolean]>([
    ['العراق', true],
    ['مؤتمر', true], // ؤ
    ['الجزائر', true], // ئ
    ['ماء', true], // ء
    ['مستشفى', true], // ى
    ['آسيا', true], // آ is a letter of the range; normalize() folds it before lookup anyway
    ['العِراق', false], // a diacritic: normalize first
    ['العـراق', false], // tatweel: normalize first
    ['G20', false],
    ['٢٠١٥', false],
    ['', false],
  ])('%s → %s', (w, expected) => {
    expect(isLexiconWord(w)).toBe(expected);
  });
});

describe('encodeLexicon / decodeLexicon', () => {
  const bytes = encodeLexicon(words, bigrams, 4_000_000);
  const lexicon = decodeLexicon(bytes);

  it('round-trips words, counts, pairs and the total', () => {
    expect(lexicon.total).toBe(4_000_000);
    expect(lexicon.size).toBe(words.size);
    expect(lexicon.bigramCount).toBe(bigrams.size);
    for (const [w, c] of words) expect(lexicon.count(w)).toBe(c);
    expect(lexicon.bigram('روسيا', 'والعراق')).toBe(3);
    expect(lexicon.bigram('في', 'العراق')).toBe(90);
  });

  it('answers 0 for unknown words and pairs, and for forms it cannot store', () => {
    expect(lexicon.count('سوريا')).toBe(0);
    expect(lexicon.count('العراقي')).toBe(0);
    expect(lexicon.count('العِراق')).toBe(0);
    expect(lexicon.count('')).toBe(0);
    expect(lexicon.bigram('والعراق', 'روسيا')).toBe(0);
  });

  it('agrees with the in-memory lexicon', () => {
    const memory = lexiconFromCounts(words, bigrams, 4_000_000);
    for (const w of [...words.keys(), 'سوريا']) expect(memory.count(w)).toBe(lexicon.count(w));
    expect(memory.bigram('روسيا', 'والعراق')).toBe(3);
  });

  it('skips words it cannot store instead of writing a broken file', () => {
    const l = decodeLexicon(encodeLexicon(new Map([['العِراق', 5], ['G20', 7], ['مصر', 9]])));
    expect(l.size).toBe(1);
    expect(l.count('مصر')).toBe(9);
    expect(l.total).toBe(9);
  });

  it('stores large counts exactly (varints past 2^31)', () => {
    const l = decodeLexicon(encodeLexicon(new Map([['في', 3_000_000_000]])));
    expect(l.count('في')).toBe(3_000_000_000);
  });

  it('keys words on their normalized form, as tokens look them up', () => {
    expect(lexicon.count(normalize('فى'))).toBe(112079); // Egyptian final ى
    expect(lexicon.count(normalize('العـــراق'))).toBe(735); // tatweel
    expect(lexicon.count(normalize('العِرَاقُ'))).toBe(735); // diacritics
  });

  it.each<[string, Uint8Array]>([
    ['empty', new Uint8Array(0)],
    ['bad magic', Uint8Array.from([1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['truncated', bytes.subarray(0, bytes.length - 3)],
    ['trailing bytes', Uint8Array.from([...bytes, 0])],
    ['a letter out of range', Uint8Array.from(bytes, (b, i) => (i === 17 ? 0x7f : b))],
  ])('rejects a corrupt file (%s) with MODEL_CORRUPT', (_name, bad) => {
    expect(() => decodeLexicon(bad)).toThrow(MarsadError);
    try {
      decodeLexicon(bad);
    } catch (e) {
      expect((e as MarsadError).code).toBe('MODEL_CORRUPT');
    }
  });

  it('round-trips any set of Arabic words (property)', () => {
    const letter = fc.constantFrom(...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي');
    const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.dictionary(word, fc.integer({ min: 1, max: 2 ** 40 }), { maxKeys: 60 }), fc.array(fc.tuple(word, word), { maxLength: 20 }), (dict, pairs) => {
        const counts = new Map(Object.entries(dict));
        const pairCounts = new Map(pairs.map(([a, b]) => [`${a} ${b}`, 1]));
        const l = decodeLexicon(encodeLexicon(counts, pairCounts));
        for (const [w, c] of counts) expect(l.count(w)).toBe(c);
        for (const [a, b] of pairs) expect(l.bigram(a, b)).toBeGreaterThanOrEqual(1);
        expect(l.size).toBe(counts.size);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bigramHash', () => {
  it('is an unsigned 32-bit hash that depends on the order of the words', () => {
    const h = bigramHash('روسيا', 'والعراق');
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(bigramHash('والعراق', 'روسيا')).not.toBe(h);
    expect(bigramHash('روسيا', 'والعراق')).toBe(h);
  });
});
