import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForeignCounts, foreignness, foreignnessBucket, foreignWeights, forEachTrigram, MapWeights } from './foreign.js';
import { FeatureTable } from './table.js';
import { Vocabulary } from './vocabulary.js';

// Word types written for these tests: transliterated names (as PADT's X) and ordinary Arabic words.
const FOREIGN = ['ساندون', 'جونسون', 'ماريون', 'كامبوس', 'سيلفستر', 'نوفوسيبيرسك', 'فنربغشة', 'ميلوسيفيتش', 'جونز', 'ساها'];
const ARABIC = ['حكومة', 'سياسة', 'مدرسة', 'اجتماع', 'مفاوضات', 'وزارة', 'استقبال', 'مؤتمر', 'اتفاقية', 'قرار', 'رئيس', 'مجلس'];

function trainedCounts(): ForeignCounts {
  const counts = new ForeignCounts();
  for (const w of FOREIGN) counts.addType(w, true);
  for (const w of ARABIC) counts.addType(w, false);
  return counts;
}

const trained = (minCount = 1): MapWeights => new MapWeights(foreignWeights(trainedCounts(), minCount));

describe('foreignness', () => {
  it('scores unseen transliterated names above unseen Arabic words', () => {
    const weights = trained();
    for (const name of ['سانتوس', 'جونسن']) {
      for (const word of ['حكومية', 'مدارس', 'المجلس']) expect(foreignness(weights, name)).toBeGreaterThan(foreignness(weights, word));
    }
  });

  it('scores a slice like the word itself (the stem of وساندون)', () => {
    const weights = trained();
    expect(foreignness(weights, 'وساندون', 1, 7)).toBeCloseTo(foreignness(weights, 'ساندون'), 10);
  });

  it('is neutral without weights, and buckets into 0…11', () => {
    expect(foreignness(new MapWeights(new Map()), 'ساندون')).toBe(0);
    expect(foreignnessBucket(-100)).toBe(0);
    expect(foreignnessBucket(100)).toBe(11);
    expect(foreignnessBucket(0)).toBe(6);
  });

  it('visits one trigram per letter plus the end (padding included)', () => {
    const keys: number[] = [];
    forEachTrigram('مؤتمر', 0, 5, (k) => keys.push(k));
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
  });

  it('leaves out rare trigrams when asked to', () => {
    expect(foreignWeights(trainedCounts(), 1).size).toBeGreaterThan(foreignWeights(trainedCounts(), 3).size);
  });

  it('held-out counts: (a + b) − b has the counts and totals of a (property)', () => {
    const letters = [...'ابتسمنويةءأؤئ'];
    const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 7 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), { maxLength: 8 }), fc.array(fc.tuple(word, fc.boolean()), { maxLength: 8 }), (a, b) => {
        const ca = new ForeignCounts();
        const cb = new ForeignCounts();
        for (const [w, x] of a) ca.addType(w, x);
        for (const [w, x] of b) cb.addType(w, x);
        const sum = new ForeignCounts();
        sum.absorb(ca);
        sum.absorb(cb);
        const back = sum.minus(cb);
        expect(back.totals).toEqual(ca.totals);
        expect(new Map([...back.counts].sort())).toEqual(new Map([...ca.counts].sort()));
      }),
    );
  });
});

describe('Vocabulary.withForeignWeights', () => {
  it('keeps the counts and adds the weights (the table grows its scale when it must)', () => {
    const vocab = Vocabulary.fromCounts(new Map([['حكومة', 100], ['ساندون', 3]]), (s) => s);
    const weights = foreignWeights(trainedCounts(), 1);
    const withWeights = vocab.withForeignWeights(weights);
    expect(withWeights.norm('حكومة')).toBeCloseTo(vocab.norm('حكومة'), 2);
    expect(withWeights.foreignness('سانتوس')).toBeGreaterThan(withWeights.foreignness('حكومية'));
    expect(vocab.foreignness('سانتوس')).toBe(foreignnessBucket(0));
  });

  it('fromCounts keeps negative weights (a lone value is stored as it is)', () => {
    const weights = foreignWeights(trainedCounts(), 1);
    const built = Vocabulary.fromCounts(new Map([['حكومة', 100]]), (s) => s, new Map(), 2, new Map(), weights);
    const direct = new MapWeights(weights);
    expect(foreignness(built.table, 'حكومية')).toBeLessThan(0);
    expect(foreignness(built.table, 'حكومية')).toBeCloseTo(foreignness(direct, 'حكومية'), 2);
  });

  it('FeatureTable.withRows replaces a row it had and refuses wide tables', () => {
    const t = FeatureTable.build(1, [5, 9], [1, 2]);
    const u = t.withRows([9, 11], [40, -3]);
    expect(u.weight(5, 0)).toBeCloseTo(1, 2);
    expect(u.weight(9, 0)).toBeCloseTo(40, 2);
    expect(u.weight(11, 0)).toBeCloseTo(-3, 2);
    expect(() => FeatureTable.build(2, [5], [1, 2]).withRows([1], [1])).toThrow(/width 1/);
  });
});
