import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { dediacritize, scoreConll2018, summaryLine } from './eval.js';
import type { TreebankSentence } from './treebank.js';

const w = (form: string, upos?: string, lemma?: string): { form: string; upos?: string; lemma?: string } => ({
  form,
  ...(upos ? { upos } : {}),
  ...(lemma ? { lemma } : {}),
});

// A sentence written for these tests: وبالعراق زار الوزيرُ مقرها.
const gold: TreebankSentence[] = [
  {
    tokens: [
      { form: 'وبالعراق', words: [w('و', 'CCONJ', 'وَ'), w('ب', 'ADP', 'بِ'), w('العراق', 'NOUN', 'عِرَاق')] },
      { form: 'زار', words: [w('زار', 'VERB', 'زَار')] },
      { form: 'الوزيرُ', words: [w('الوزير', 'NOUN', 'وَزِير')] },
      { form: 'مقرها', words: [w('مقر', 'NOUN', 'مَقَرّ'), w('ها', 'PRON', 'هُوَ')] },
      { form: '.', words: [w('.', 'PUNCT', '.')] },
    ],
  },
];

describe('scoreConll2018', () => {
  it('scores a perfect system 100 everywhere', () => {
    const s = scoreConll2018(gold, gold);
    expect([s.words.f1, s.upos?.f1, s.lemma?.f1, s.lemmaExact?.f1]).toEqual([100, 100, 100, 100]);
    expect(summaryLine(s)).toBe('Words 100.00 UPOS 100.00 Lemma 100.00');
  });

  it('aligns words inside multiword tokens by their forms (LCS), as the 2018 script does', () => {
    const system: TreebankSentence[] = [
      {
        tokens: [
          // Under-segmented: و + بالعراق. Only و matches a gold word.
          { form: 'وبالعراق', words: [w('و', 'CCONJ'), w('بالعراق', 'NOUN')] },
          { form: 'زار', words: [w('زار', 'NOUN')] },
          { form: 'الوزيرُ', words: [w('الوزير', 'NOUN')] },
          // Not split at all: the gold words are lost, the span word is not aligned to either.
          { form: 'مقرها', words: [w('مقرها', 'NOUN')] },
          { form: '.', words: [w('.', 'PUNCT')] },
        ],
      },
    ];
    const s = scoreConll2018(gold, system);
    // gold 8 words, system 6 words, aligned: و, زار, الوزير, . = 4
    expect(s.words.aligned).toBe(4);
    expect(s.words.f1).toBeCloseTo((200 * 4) / 14, 10);
    // UPOS correct on و, الوزير and . (زار is wrong)
    expect(s.upos?.correct).toBe(3);
    expect(s.lemma?.correct).toBe(0);
    expect(summaryLine(scoreConll2018(gold, system, { goldHasLemmas: false }))).toBe(`Words ${((200 * 4) / 14).toFixed(2)} UPOS ${((200 * 3) / 14).toFixed(2)} Lemma -`);
  });

  it('compares lemmas without diacritics, and as written for LemmaExact', () => {
    const system = structuredClone(gold);
    system[0].tokens[1].words[0].lemma = 'زار';
    const s = scoreConll2018(gold, system);
    expect(s.lemma?.f1).toBe(100);
    expect(s.lemmaExact?.correct).toBe(7);
  });

  it('refuses a system whose characters differ from the gold', () => {
    const system = structuredClone(gold);
    system[0].tokens[1].form = 'زور';
    expect(() => scoreConll2018(gold, system)).toThrow(MarsadError);
  });
});

describe('dediacritize', () => {
  it('removes harakat, shadda, dagger alef and tatweel, keeps hamza', () => {
    expect(dediacritize('مَقَرّ')).toBe('مقر');
    expect(dediacritize('هٰذا')).toBe('هذا');
    expect(dediacritize('أَعلَنَ')).toBe('أعلن');
    expect(dediacritize('مسـؤول')).toBe('مسؤول');
  });
});
