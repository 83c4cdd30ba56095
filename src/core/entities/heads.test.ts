import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { promoteInstitutionHeads } from './heads.js';
import { LABELS, labelIndex } from './labels.js';

const run = (tokens: string[], tags: string[]): string[] => {
  const labels = Int32Array.from(tags, (t) => labelIndex(t));
  promoteInstitutionHeads(tokens.map((t) => normalize(t)), labels);
  return Array.from(labels, (l) => LABELS[l]);
};

describe('promoteInstitutionHeads', () => {
  it('makes a head noun and the place after it one ORG', () => {
    expect(run(['مع', 'جامعة', 'القاهرة', '.'], ['O', 'O', 'B-LOC', 'O'])).toEqual(['O', 'B-ORG', 'I-ORG', 'O']);
    expect(run(['وبنك', 'إنجلترا', 'المركزى'], ['O', 'B-LOC', 'O'])).toEqual(['B-ORG', 'I-ORG', 'O']);
    expect(run(['مستشفى', 'عين', 'شمس'], ['O', 'B-LOC', 'I-LOC'])).toEqual(['B-ORG', 'I-ORG', 'I-ORG']);
  });

  it('reads through diacritics and tatweel on the head', () => {
    expect(run(['جَامِعَـة', 'الكويت'], ['O', 'B-LOC'])).toEqual(['B-ORG', 'I-ORG']);
  });

  it('leaves other heads, other types and tagged heads alone', () => {
    expect(run(['مدينة', 'القاهرة'], ['O', 'B-LOC'])).toEqual(['O', 'B-LOC']);
    expect(run(['شركة', 'أرامكو'], ['O', 'B-ORG'])).toEqual(['O', 'B-ORG']);
    expect(run(['جامعة', 'محمد'], ['O', 'B-PER'])).toEqual(['O', 'B-PER']);
    expect(run(['جامعة', 'القاهرة'], ['B-ORG', 'I-ORG'])).toEqual(['B-ORG', 'I-ORG']);
    expect(run(['جامعة'], ['O'])).toEqual(['O']);
  });

  it('stays inside the range it is given', () => {
    const labels = Int32Array.from(['O', 'B-LOC'], (t) => labelIndex(t));
    promoteInstitutionHeads(['جامعة', 'القاهرة'].map((t) => normalize(t)), labels, 0, 1);
    expect(Array.from(labels, (l) => LABELS[l])).toEqual(['O', 'B-LOC']);
  });
});
