import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelsFromTags, spansToTags, tagSpans } from './conll.js';
import { BIO_NAMES, ENTITY_TYPES, LABELS, allowedTransitions, isBegin, mayEnd, mentionEnd, typeOfLabel, writeMention } from './labels.js';

const names = (labels: ArrayLike<number>): string[] => Array.from(labels, (l) => LABELS[l]);

describe('BILOU labels', () => {
  it('encodes one-token mentions as U and longer ones as B … L', () => {
    expect(names(labelsFromTags(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC']))).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-LOC',
      'L-LOC',
    ]);
  });

  it('reads an I- after O as a mention start, as conlleval does', () => {
    expect(names(labelsFromTags(['O', 'I-ORG', 'I-ORG', 'I-MISC']))).toEqual(['O', 'B-ORG', 'L-ORG', 'U-MISC']);
  });

  it('finds where each mention ends', () => {
    const labels = labelsFromTags(['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC', 'I-LOC', 'I-LOC']);
    expect(mentionEnd(labels, 0, labels.length)).toBe(2);
    expect(mentionEnd(labels, 2, labels.length)).toBe(3);
    expect(mentionEnd(labels, 4, labels.length)).toBe(7);
    expect(mentionEnd(labels, 4, 6)).toBe(6);
  });

  it('writes a mention over any range', () => {
    const labels = new Int32Array(4);
    writeMention(labels, 1, 4, ENTITY_TYPES.indexOf('ORG'));
    expect(names(labels)).toEqual(['O', 'B-ORG', 'I-ORG', 'L-ORG']);
    writeMention(labels, 0, 1, ENTITY_TYPES.indexOf('LOC'));
    expect(names(labels)).toEqual(['U-LOC', 'B-ORG', 'I-ORG', 'L-ORG']);
  });

  it('round-trips any tag sequence through BIO: the spans come back unchanged, and the labels are a valid BILOU path', () => {
    const allowed = allowedTransitions();
    const L = LABELS.length;
    const tag = fc.constantFrom('O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC');
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 20 }), (tags) => {
        const labels = labelsFromTags(tags);
        expect(tagSpans(Array.from(labels, (l) => BIO_NAMES[l]))).toEqual(tagSpans(tags));
        expect(Array.from(labels, (l) => BIO_NAMES[l])).toEqual(spansToTags(tagSpans(tags), tags.length));
        for (let i = 0; i < labels.length; i++) expect(allowed[(i === 0 ? L : labels[i - 1]) * L + labels[i]]).toBe(1);
        expect(mayEnd(labels[labels.length - 1])).toBe(true);
        // Walking the mentions with mentionEnd finds the same spans.
        const walked: { start: number; end: number; type: string }[] = [];
        for (let i = 0; i < labels.length; i++) {
          if (!isBegin(labels[i])) continue;
          const end = mentionEnd(labels, i, labels.length);
          walked.push({ start: i, end, type: ENTITY_TYPES[typeOfLabel(labels[i])] });
          i = end - 1;
        }
        expect(walked).toEqual(tagSpans(tags));
      }),
    );
  });
});
