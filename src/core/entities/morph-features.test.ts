import { describe, expect, it } from 'vitest';
import { MORPH_FEATURES_PER_TOKEN, morphFeatures } from './morph-features.js';

const propn = { pos: 'PROPN', segments: [{ pos: 'PROPN' }] };
const wAndNoun = { pos: 'NOUN', segments: [{ pos: 'CCONJ' }, { pos: 'NOUN' }] };
const verb = { pos: 'VERB', segments: [{ pos: 'VERB' }] };

const keysOf = (f: ReturnType<typeof morphFeatures>, i: number): number[] => Array.from(f.keys.slice(f.offsets[i], f.offsets[i + 1]));

describe('morphFeatures', () => {
  it('writes the same number of features for every token, in order', () => {
    const f = morphFeatures([verb, propn, wAndNoun]);
    expect(Array.from(f.offsets)).toEqual([0, 1, 2, 3].map((i) => i * MORPH_FEATURES_PER_TOKEN));
    expect(f.keys.length).toBe(3 * MORPH_FEATURES_PER_TOKEN);
  });

  it('depends on the token and its neighbours, not on where the sentence sits', () => {
    const a = morphFeatures([verb, propn, wAndNoun]);
    const b = morphFeatures([verb, propn, wAndNoun]);
    expect(Array.from(a.keys)).toEqual(Array.from(b.keys));
    // The same word between other neighbours shares its own features and not the context ones.
    const c = morphFeatures([wAndNoun, propn, verb]);
    const mid = new Set(keysOf(a, 1));
    const shared = keysOf(c, 1).filter((k) => mid.has(k));
    expect(shared.length).toBe(2); // its tag and its segment pattern
  });

  it('tells a proper noun from a noun behind a conjunction', () => {
    const [p] = keysOf(morphFeatures([propn]), 0);
    const [n] = keysOf(morphFeatures([wAndNoun]), 0);
    expect(p).not.toBe(n);
  });

  it('reads a token without morphology as X, and an empty sentence as nothing', () => {
    expect(keysOf(morphFeatures([undefined]), 0)).toEqual(keysOf(morphFeatures([{ pos: 'X' }]), 0));
    const empty = morphFeatures([]);
    expect(empty.keys.length).toBe(0);
    expect(Array.from(empty.offsets)).toEqual([0]);
  });

  it('hashes a fused token\'s pattern by its parts, so a different split gives a different key', () => {
    const nounPron = { pos: 'NOUN', segments: [{ pos: 'NOUN' }, { pos: 'PRON' }] };
    expect(keysOf(morphFeatures([nounPron]), 0)[1]).not.toBe(keysOf(morphFeatures([wAndNoun]), 0)[1]);
    expect(keysOf(morphFeatures([nounPron]), 0)[1]).toBe(keysOf(morphFeatures([{ ...nounPron }]), 0)[1]);
  });
});
