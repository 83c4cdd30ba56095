import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../core/analyzer.js';
import type { AnalyzedDocument, Segment, Token } from '../core/document.js';
import { isMarsadError } from '../core/errors.js';
import { normalize } from '../core/text/normalize.js';
import { ANALYSIS_CODEC, decodeAnalysis, encodeAnalysis } from './analysis-codec.js';
import { ARTICLES } from './fixtures.test-util.js';
import { testAnalyze } from './test-analyzer.test-util.js';

/** The bytes the previous codec (`deflate-compact-v1`) wrote, rebuilt here to check that old rows still read. */
function encodeCompactV1(doc: AnalyzedDocument): Buffer {
  const { text, ...rest } = doc;
  const tokens = doc.tokens?.map(({ text: t, norm, ...others }) => ({
    ...others,
    ...(t !== text.slice(others.start, others.end) ? { text: t } : {}),
    ...(norm !== normalize(t) ? { norm } : {}),
  }));
  return deflateRawSync(JSON.stringify({ ...rest, ...(tokens ? { tokens } : {}) }), { level: 1 });
}

/** A document whose tokens carry arbitrary morphology over a text of Arabic letters, marks, tatweel and digits. */
const analyzedDocument = fc
  .array(
    fc.record({
      word: fc.array(fc.constantFrom(...'وبالعراقفىزيرآءئؤةـًٌَُِّْ٣٤'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
      gap: fc.constantFrom(' ', '  ', '، ', '\n'),
      kind: fc.constantFrom<Token['kind']>('word', 'number', 'punct', 'quote'),
      oddNorm: fc.option(fc.constantFrom('خاص', ''), { nil: undefined }),
      segments: fc.option(
        fc.array(
          fc.record(
            {
              split: fc.nat(8),
              text: fc.option(fc.constantFrom('ال', 'ب', 'و', 'عراق', 'في'), { nil: undefined }),
              pos: fc.constantFrom('NOUN', 'ADP', 'CCONJ', 'X', 'PROPN'),
              lemma: fc.option(fc.constantFrom('عِراق', 'في', 'ب'), { nil: undefined }),
              offsets: fc.boolean(),
              lemmaVocalized: fc.option(fc.constantFrom('عِراق', 'فِي'), { nil: undefined }),
              odd: fc.option(fc.constantFrom(1, 'x'), { nil: undefined }),
            },
            { requiredKeys: ['split', 'pos', 'offsets'] },
          ),
          { maxLength: 4 },
        ),
        { nil: undefined },
      ),
      pos: fc.option(fc.constantFrom('NOUN', 'VERB', 'NUM'), { nil: undefined }),
      lemma: fc.option(fc.constantFrom('first', 'قال', 'عِراق'), { nil: undefined }),
      stem: fc.option(fc.constantFrom('norm', 'عراق', ''), { nil: undefined }),
      // Keys as pairs, not fc.record: a record cannot hold an own `__proto__` field.
      extra: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom('score', '__proto__', 'weight'), fc.integer()), { selector: ([k]) => k, minLength: 1, maxLength: 3 }), { nil: undefined }),
    }),
    { maxLength: 25 },
  )
  .map((specs): AnalyzedDocument => {
    let text = '';
    const tokens: Token[] = [];
    for (const s of specs) {
      const start = text.length;
      text += s.word;
      const end = text.length;
      text += s.gap;
      const token: Token = { start, end, text: s.word, norm: s.oddNorm ?? normalize(s.word), kind: s.kind };
      if (s.segments) {
        token.segments = s.segments.map((g) => {
          const a = start + Math.min(g.split, s.word.length);
          const spelled = text.slice(a, end);
          const seg: Segment = { text: g.text ?? spelled, pos: g.pos, lemma: g.lemma ?? g.text ?? spelled };
          if (g.offsets) Object.assign(seg, { start: a, end });
          if (g.lemmaVocalized !== undefined) seg.lemmaVocalized = g.lemmaVocalized;
          if (g.odd !== undefined) Object.assign(seg, { odd: g.odd });
          return seg;
        });
      }
      if (s.pos !== undefined) token.pos = s.pos;
      if (s.lemma !== undefined) token.lemma = s.lemma === 'first' ? (token.segments?.[0]?.lemma ?? 'قال') : s.lemma;
      if (s.stem !== undefined) token.stem = s.stem === 'norm' ? token.norm : s.stem;
      if (s.extra !== undefined) for (const [k, v] of s.extra) Object.defineProperty(token, k, { value: v, enumerable: true, writable: true, configurable: true });
      tokens.push(token);
    }
    return { schemaVersion: 1, text, tokens, quotes: [] };
  });

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

  it('round-trips any morphology, odd fields included, with nothing added or dropped', () => {
    fc.assert(
      fc.property(analyzedDocument, (doc) => {
        expect(decodeAnalysis(encodeAnalysis(doc), doc.text)).toStrictEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('writes segments and tokens back with their keys in the analyzer order', () => {
    const doc: AnalyzedDocument = {
      schemaVersion: 1,
      text: 'وبالعراق ٣',
      tokens: [
        {
          start: 0,
          end: 8,
          text: 'وبالعراق',
          norm: 'وبالعراق',
          kind: 'word',
          segments: [
            { text: 'و', pos: 'CCONJ', lemma: 'و', start: 0, end: 1 },
            { text: 'ب', pos: 'ADP', lemma: 'ب', start: 1, end: 2 },
            { text: 'العراق', pos: 'PROPN', lemma: 'عراق', start: 2, end: 8, lemmaVocalized: 'عِراق' },
          ],
          pos: 'PROPN',
          lemma: 'عراق',
          stem: 'عراق',
        },
        { start: 9, end: 10, text: '٣', norm: '3', kind: 'number', segments: [{ text: '٣', pos: 'NUM', lemma: '3' }], pos: 'NUM', lemma: '3', stem: '3' },
      ],
      entities: [],
    };
    expect(JSON.stringify(decodeAnalysis(encodeAnalysis(doc), doc.text))).toBe(JSON.stringify(doc));
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

  it('still reads rows written with the previous codec', () => {
    fc.assert(
      fc.property(analyzedDocument, (doc) => {
        expect(decodeAnalysis(encodeCompactV1(doc), doc.text, 'deflate-compact-v1')).toEqual(doc);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a codec it does not know, with a clear error', () => {
    const doc = testAnalyze('قال الوزير');
    let error: unknown;
    try {
      decodeAnalysis(encodeAnalysis(doc), doc.text, 'deflate-columns-v9');
    } catch (e) {
      error = e;
    }
    expect(isMarsadError(error) && error.message.includes('deflate-columns-v9')).toBe(true);
  });

  it('is several times smaller than the JSON, and smaller than the previous codec', () => {
    const doc = testAnalyze(ARTICLES.map((a) => a.text).join('\n'));
    expect(encodeAnalysis(doc).length * 3).toBeLessThan(JSON.stringify(doc).length * 2);
    expect(encodeAnalysis(doc).length).toBeLessThan(encodeCompactV1(doc).length);
  });
});
