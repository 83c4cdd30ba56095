import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../core/analyzer.js';
import { ANALYSIS_CODEC, decodeAnalysis, encodeAnalysis } from './analysis-codec.js';
import { ARTICLES } from './fixtures.test-util.js';
import { testAnalyze } from './test-analyzer.test-util.js';

describe('analysis codec', () => {
  it('round-trips analyses exactly, layers and token fields included', () => {
    for (const a of ARTICLES) {
      const doc = testAnalyze(a.text);
      expect(decodeAnalysis(encodeAnalysis(doc), doc.text, ANALYSIS_CODEC)).toEqual(doc);
    }
  });

  it('keeps a norm that normalize would not give, and morphology fields', () => {
    const doc = testAnalyze('مُحَمَّد فى العـــراق');
    doc.tokens![0].norm = 'محمد-خاص';
    doc.tokens![1].segments = [{ text: 'في', pos: 'ADP', lemma: 'في' }];
    doc.tokens![1].stem = 'في';
    expect(decodeAnalysis(encodeAnalysis(doc), doc.text)).toEqual(doc);
  });

  it('round-trips the real tokenizer on any text', () => {
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.constantFrom(...'العراقفىوزيرآءئؤةـًٌَُِّْ ،.«»٣٤5'), { maxLength: 60 }), (a, b) => {
        const doc = analyzer.analyze(a + b.join(''));
        expect(decodeAnalysis(encodeAnalysis(doc), doc.text)).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('is several times smaller than the JSON', () => {
    const doc = testAnalyze(ARTICLES.map((a) => a.text).join('\n'));
    expect(encodeAnalysis(doc).length * 3).toBeLessThan(JSON.stringify(doc).length * 2);
  });
});
