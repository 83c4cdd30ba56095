import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { HashIndex, hashPair, hashString, termFeatures } from './features.js';
import { light10Terms } from './terms.js';

describe('termFeatures', () => {
  it('counts unigrams and bigrams of term keys, breaking bigrams at punctuation and numbers', () => {
    const counts = termFeatures(tokenize('النفطُ والغاز، النفط ٣ الغاز'), light10Terms, true);
    const oil = hashString('نفط');
    const gas = hashString('غاز');
    expect(counts.get(oil)).toBe(2);
    expect(counts.get(gas)).toBe(2);
    expect(counts.get(hashPair(oil, gas))).toBe(1);
    expect(counts.size).toBe(3);
    expect(termFeatures(tokenize('النفط والغاز'), light10Terms, false).size).toBe(2);
  });

  it('hashes pairs in order', () => {
    expect(hashPair(1, 2)).not.toBe(hashPair(2, 1));
  });
});

describe('HashIndex', () => {
  it('behaves like a Map from hashes to ids, across resets', () => {
    const index = new HashIndex();
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 3000 }), { maxLength: 4 }), (docs) => {
        for (const hashes of docs) {
          index.reset(hashes.length);
          const reference = new Map<number, number>();
          for (const h of hashes) {
            if (!reference.has(h)) {
              expect(index.get(h)).toBe(-1);
              reference.set(h, reference.size);
              index.set(h, reference.get(h) as number);
            }
            expect(index.get(h)).toBe(reference.get(h));
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
