import { describe, expect, it } from 'vitest';
import { documentFeatures, stemHash } from './context.js';
import { LABELS } from './labels.js';

const lab = (...tags: string[]): Int32Array => Int32Array.from(tags, (t) => LABELS.indexOf(t));

describe('documentFeatures', () => {
  it('gives a word the labels it had in OTHER sentences, not its own', () => {
    const sentences = [
      ['وزير', 'الخارجية', 'سيرجى', 'لافروف'],
      ['وقال', 'لافروف'],
      ['وقال', 'لافروف'],
    ];
    const stems = sentences.map((s) => Uint32Array.from(s, stemHash));
    const labels = [lab('O', 'O', 'B-PER', 'I-PER'), lab('O', 'O'), lab('O', 'O')];
    const alone = documentFeatures([stems[1]], [labels[1]]);
    const withContext = documentFeatures(stems, labels);
    // Seen as I-PER in sentence 0: sentence 1's "لافروف" gets more features than on its own.
    expect(withContext[1].offsets[2] - withContext[1].offsets[1]).toBeGreaterThan(alone[0].offsets[2] - alone[0].offsets[1]);
    // Sentences 1 and 2 see the same context, so they get the same features.
    expect(Array.from(withContext[1].keys)).toEqual(Array.from(withContext[2].keys));
  });

  it('uses the stem, so a clitic-attached form matches the bare one', () => {
    expect(stemHash('والعراق')).toBe(stemHash('العراق'));
    expect(stemHash('للعراق')).toBe(stemHash('العراق'));
  });

  it('limits context to the window', () => {
    const stems = [0, 1, 2, 3].map(() => Uint32Array.from(['لافروف'], stemHash));
    const labels = [lab('B-PER'), lab('O'), lab('O'), lab('O')];
    const near = documentFeatures(stems, labels, 1);
    const noPer = documentFeatures(stems, [lab('O'), lab('O'), lab('O'), lab('O')], 1);
    // Sentence 3 is beyond the window of the only PER label (sentence 0); sentence 1 is within it.
    expect(Array.from(near[3].keys)).toEqual(Array.from(noPer[3].keys));
    expect(Array.from(near[1].keys)).not.toEqual(Array.from(noPer[1].keys));
  });
});
