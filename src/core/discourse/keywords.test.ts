import { describe, expect, it } from 'vitest';
import { createDocument } from '../document.js';
import { isMarsadError } from '../errors.js';
import { loadModel } from '../../node/models.js';
import { tokenize } from '../text/tokenize.js';
import { decodeKeywordModel, encodeKeywordTable, idfOf } from './keyword-model.js';
import { createKeywordsStage, extractKeywords, forEachCandidate, loadKeywordModel } from './keywords.js';
import { hashPair, hashString } from './features.js';
import { light10Terms } from './terms.js';

const tokens = tokenize;

const model = loadKeywordModel(loadModel('keywords'));

/** An article written for this test: Egyptian spelling, diacritics, tatweel, Arabic-Indic digits. */
const ARTICLE =
  'وصل وزيرُ الطاقة الأردنىّ خالد الرفاعى إلى القاهرة فى زيارة رسمية لبحث إمدادات الغاز الطبيعى. ' +
  'وقال الرفاعى إن الأردن يتطلع إلى زيادة واردات الغاز المصرى عبر خط الأنابيب العربى إلى ٣٥٠ مليون قدم مكعب يومياً. ' +
  'وأكد وزير البترول المصرى أن مصر مستعدة لتأمين إمدادات الغاز الطبيعى، مشيرا إلى حماية خط الأنابيب من الهجمات الإرهابيـــة. ' +
  'وأضاف الرفاعى أن الجانبين ناقشا ربط شبكتى الكهرباء وإنشاء محطة لتسييل الغاز.';

describe('keyword model', () => {
  it('loads from bytes and knows common terms', () => {
    expect(model.known(hashString('نفط'))).toBe(true);
    expect(model.idf(hashString('نفط'))).toBeLessThan(model.maxIdf);
    expect(model.stopKeys.has(light10Terms.key({ norm: 'في', kind: 'word' }))).toBe(true);
  });

  it('round-trips an idf table and refuses another term function', () => {
    const table = encodeKeywordTable(
      { termFunction: 'light10-v1', documents: 100, minDf: { unigram: 2, phrase: 3 }, maxPhraseWords: 3 },
      new Map([[hashString('نفط'), 10]]),
    );
    const stop = new TextEncoder().encode('# comment\nفي\n');
    const m = decodeKeywordModel(table, stop, light10Terms);
    expect(m.idf(hashString('نفط'))).toBeCloseTo(idfOf(100, 10), 1);
    expect(m.idf(hashString('غاز'))).toBeCloseTo(idfOf(100, 1), 5);
    expect([...m.stopKeys]).toEqual(['في']);
    try {
      decodeKeywordModel(table, stop, { name: 'lemma-v1', key: () => '' });
      expect.unreachable();
    } catch (e) {
      expect(isMarsadError(e) && e.code).toBe('MODEL_CORRUPT');
    }
  });
});

describe('forEachCandidate', () => {
  it('visits content words and runs of them, never across stop words or punctuation', () => {
    const seen: string[] = [];
    const keys = forEachCandidate(light10Terms, new Set(['في']), tokens('النفط والغاز في مصر، وزير الطاقة'), 3, (hash, words, start) => {
      seen.push(`${start}:${words}`);
      if (words === 2 && start === 0) expect(hash).toBe(hashPair(hashString('نفط'), hashString('غاز')));
    });
    expect(keys.slice(0, 3)).toEqual(['نفط', 'غاز', 'في']);
    expect(seen).toEqual(['0:1', '0:2', '1:1', '3:1', '5:1', '5:2', '6:1']);
  });
});

describe('extractKeywords', () => {
  const keywords = extractKeywords(model, tokens(ARTICLE));
  const texts = keywords.map((k) => k.text);

  it('ranks the article’s subject and people first', () => {
    // The phrase may grow into `إمدادات الغاز الطبيعي`; the Egyptian final ى reads ي.
    expect(texts.slice(0, 3).some((t) => t.includes('الغاز الطبيعي'))).toBe(true);
    expect(texts.slice(0, 3)).toContain('الرفاعي');
    expect(texts).toContain('خط الأنابيب');
  });

  it('shows keywords readably: no diacritics, no tatweel, hamza kept, no leading conjunction', () => {
    for (const t of texts) {
      expect(t).not.toMatch(/[\u064B-\u0652\u0640]/u);
      expect(t).not.toMatch(/^وال/u);
    }
    expect(texts.some((t) => t.includes('أ'))).toBe(true);
  });

  it('leaves stop words and reporting verbs out', () => {
    for (const t of texts) expect(['في', 'إلى', 'قال', 'وقال', 'أن', 'إن']).not.toContain(t);
  });

  it('scores the best keyword 1 and sorts the rest', () => {
    expect(keywords[0].score).toBe(1);
    for (let i = 1; i < keywords.length; i++) expect(keywords[i - 1].score).toBeGreaterThanOrEqual(keywords[i].score);
    expect(keywords.length).toBeLessThanOrEqual(10);
  });

  it('does not list a word alone when a chosen phrase accounts for it', () => {
    expect(texts).not.toContain('الأنابيب');
  });

  it('respects the limit and handles empty input', () => {
    expect(extractKeywords(model, tokens(ARTICLE), { limit: 3 })).toHaveLength(3);
    expect(extractKeywords(model, [])).toEqual([]);
    expect(extractKeywords(model, tokens('في من على ، .'))).toEqual([]);
  });
});

describe('keywords stage', () => {
  it('declares its contract and adds keywords', () => {
    const stage = createKeywordsStage(loadModel('keywords'));
    expect([stage.name, stage.needs, stage.adds]).toEqual(['keywords', ['tokens'], ['keywords']]);
    const doc = createDocument(ARTICLE);
    doc.tokens = tokens(ARTICLE);
    stage.run(doc, {});
    expect(doc.keywords?.length).toBeGreaterThan(3);
  });
});

describe('glued words', () => {
  it('does not show two common words glued by scraping as a keyword', () => {
    const text =
      'وقال الوزير إن التعاون بين روسياوالعراق يتطور، وإن روسياوالعراق يبحثان صفقات السلاح. ' +
      'وأكد أن العلاقات بين روسياوالعراق قوية، وأن الوزير لافروف سيزور بغداد، وأن لافروف متفائل.';
    const texts = extractKeywords(model, tokens(text)).map((k) => k.text);
    expect(texts).not.toContain('روسياوالعراق');
    expect(texts).toContain('لافروف');
  });
});
