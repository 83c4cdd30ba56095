import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocument, type Token } from '../document.js';
import { MarsadError } from '../errors.js';
import { createPipeline } from '../pipeline.js';
import { loadModel } from '../../node/models.js';
import { arabicText } from './arbitraries.test-util.js';
import { lexiconFromCounts } from './lexicon.js';
import {
  createGlueSplitter,
  createRepairStage,
  familyCount,
  explainedCount,
  GLUE_CLASSES,
  GLUE_FEATURES,
  loadGlueSplitter,
  parseGlueModel,
  repairTokens,
  type GlueModel,
} from './repair.js';
import { createTokenizeStage } from './stages.js';
import { rebuild, tokenize } from './tokenize.js';

/**
 * A toy model whose only evidence is "the two parts were seen side by side": it makes the
 * mechanics (offsets, normalization, fast path) testable without the trained weights.
 */
function toyModel(knownCount = 100): GlueModel {
  const w = GLUE_FEATURES.map((f) => (f === 'bias' ? -5 : f === 'bigramSeen' ? 10 : 0));
  return {
    version: 2,
    features: [...GLUE_FEATURES],
    weights: Object.fromEntries(GLUE_CLASSES.map((c) => [c, [...w]])) as GlueModel['weights'],
    thresholds: Object.fromEntries(GLUE_CLASSES.map((c) => [c, 0])) as GlueModel['thresholds'],
    knownCount,
    minPart: 2,
  };
}

const toyLexicon = lexiconFromCounts(
  new Map([
    ['روسيا', 50],
    ['والعراق', 20],
    ['العراق', 60],
    ['في', 500],
    ['سل', 5],
    ['اعب', 5],
    ['مصر', 40],
    ['والسودان', 8],
    ['مصروالسودان', 300],
  ]),
  [
    ['روسيا والعراق', 2],
    ['في العراق', 30],
    ['سل اعب', 1],
    ['مصر والسودان', 4],
  ],
  1_000_000,
);
const toy = createGlueSplitter(toyLexicon, toyModel());

describe('glue splitter mechanics (toy model)', () => {
  it.each<[string, number[] | null]>([
    ['روسياوالعراق', [5]],
    ['رُوسيَاوالعِراق', [7]], // diacritics stay with their letter: the cut follows the َ of ا
    ['روسيـــاوالعراق', [8]], // tatweel inside the left part stays with it
    ['فىالعراق', [2]], // Egyptian final ى on the left part is looked up as في
    ['روسيا', null], // one word
    ['سﻻعب', null], // the only cut falls inside the ligature ﻻ: it cannot be drawn on the original
    ['مصروالسودان', null], // the fast path: seen 300 times as one word
    ['Russia', null],
    ['في', null],
  ])('%s → %j', (word, cuts) => {
    expect(toy.split(word)).toEqual(cuts);
  });

  it('accepts the token norm instead of normalizing again', () => {
    expect(toy.split('روسياوالعراق', 'روسياوالعراق')).toEqual([5]);
  });

  it('explains its decision', () => {
    const best = toy.best('روسياوالعراق');
    expect(best?.candidate.left).toBe('روسيا');
    expect(best?.candidate.right).toBe('والعراق');
    expect(best?.candidate.kind).toBe('waw');
    expect(best?.margin).toBeGreaterThan(0);
    expect(toy.candidates('روسياوالعراق')?.candidates.length).toBeGreaterThan(0);
  });

  it('leaves compound names as written (عبدالمجيد, وعبدالكريم, نورالدين)', () => {
    const names = lexiconFromCounts(
      new Map([
        ['عبد', 100],
        ['وعبد', 10],
        ['المجيد', 10],
        ['الكريم', 10],
        ['نور', 50],
        ['الدين', 80],
      ]),
      [
        ['عبد المجيد', 5],
        ['وعبد الكريم', 5],
        ['نور الدين', 5],
      ],
    );
    const s = createGlueSplitter(names, toyModel());
    for (const w of ['عبدالمجيد', 'وعبدالكريم', 'نورالدين']) expect(s.split(w)).toBeNull();
  });
});

describe('whole-word evidence', () => {
  const lex = lexiconFromCounts(
    new Map([
      ['يدعمه', 30],
      ['مصرفي', 3],
      ['المصرفي', 40],
      ['مصرفية', 25],
    ]),
  );
  it('explains a word as clitics + a known stem (سيدعمه = س + يدعمه)', () => {
    expect(explainedCount('سيدعمه', lex)).toBe(30);
    expect(explainedCount('روسياوالعراق', lex)).toBe(0);
  });
  it("counts a word's family (مصرفي: المصرفي, مصرفية)", () => {
    expect(familyCount('مصرفي', lex)).toBe(65);
    expect(familyCount('روسياوالعراق', lex)).toBe(0);
  });
});

describe('repairTokens and the repair stage', () => {
  const text = 'قال الوزير إن التعاون بين رُوسيَاوالعِراق مهم، وإن ٣ اتفاقات وُقّعت فىالعراق.';

  it('replaces a glued token by its parts with original offsets, and records the repair', () => {
    const { tokens, repairs } = repairTokens(tokenize(text), toy);
    expect(repairs.map((r) => [r.original, r.replacement, text.slice(r.start, r.end)])).toEqual([
      ['رُوسيَاوالعِراق', 'رُوسيَا والعِراق', 'رُوسيَاوالعِراق'],
      ['فىالعراق', 'فى العراق', 'فىالعراق'],
    ]);
    const parts = tokens.filter((t) => t.start >= repairs[0].start && t.end <= repairs[0].end);
    expect(parts.map((t) => [t.text, t.norm, t.kind])).toEqual([
      ['رُوسيَا', 'روسيا', 'word'],
      ['والعِراق', 'والعراق', 'word'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(rebuild(text, tokens)).toBe(text);
  });

  it('never touches numbers, punctuation or Latin words', () => {
    const tokens: Token[] = tokenize('Russiaand ٢٠١٥ روسياوالعراق!');
    const { tokens: out } = repairTokens(tokens, toy);
    expect(out.filter((t) => t.kind !== 'word')).toEqual(tokens.filter((t) => t.kind !== 'word'));
    expect(out.find((t) => t.text === 'Russiaand')).toBeDefined();
  });

  it('declares its contract and runs in a pipeline after tokenize', () => {
    const stage = createRepairStage(toy);
    expect([stage.name, stage.needs, stage.adds]).toEqual(['repair', ['tokens'], ['repairs']]);
    const doc = createPipeline([createTokenizeStage(), stage]).analyze(text);
    expect(doc.text).toBe(text);
    expect(doc.repairs).toHaveLength(2);
    expect(() => createPipeline([stage])).toThrow(MarsadError);
  });

  it('adds an empty repair layer when nothing is glued', () => {
    const doc = createDocument('لا شيء هنا');
    doc.tokens = tokenize(doc.text);
    createRepairStage(toy).run(doc, {});
    expect(doc.repairs).toEqual([]);
    expect(doc.tokens).toHaveLength(3);
  });
});

describe('parseGlueModel', () => {
  it('reads a model from JSON bytes', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(toyModel()));
    expect(parseGlueModel(bytes).thresholds.waw).toBe(0);
  });
  it.each<[string, string]>([
    ['not JSON', '{'],
    ['an older version', JSON.stringify({ ...toyModel(), version: 1 })],
    ['other features', JSON.stringify({ ...toyModel(), features: ['bias'] })],
    ['a missing class', JSON.stringify({ ...toyModel(), weights: { waw: toyModel().weights.waw } })],
  ])('rejects %s with MODEL_CORRUPT', (_name, json) => {
    try {
      parseGlueModel(json);
      expect.unreachable();
    } catch (e) {
      expect((e as MarsadError).code).toBe('MODEL_CORRUPT');
    }
  });
});

describe('the trained splitter (models/lexicon)', () => {
  const { splitter } = loadGlueSplitter(loadModel('lexicon'));
  const repaired = (text: string): string[] => repairTokens(tokenize(text), splitter).repairs.map((r) => `${r.original} → ${r.replacement}`);

  // Sentences written for these tests, in Egyptian-press style: فى, final ى for ي, no diacritics
  // unless stated, and words run together as scraping leaves them.
  it.each<[string, string[]]>([
    ['وأكد المتحدث الرسمى أن العلاقات بين مصروالسودان تشهد تطورا كبيرا فى مجال الزراعة.', ['مصروالسودان → مصر والسودان']],
    ['وبحث الوزير مع نظيره سبل دعم التعاون بين فرنساوألمانيا فى المجال العسكرى.', ['فرنساوألمانيا → فرنسا وألمانيا']],
    ['استقبل الرئيس وفدا من الجزائروتونس لبحث ملف الطاقة.', ['الجزائروتونس → الجزائر وتونس']], // ئ
    ['وتوقع المسؤول توقيع اتفاقات مع دول آسياوأفريقيا خلال العام المقبل.', ['آسياوأفريقيا → آسيا وأفريقيا']], // آ
    ['وقال رئيس مجلس الوزراءوالنواب إن الجلسة ستعقد غدا.', ['الوزراءوالنواب → الوزراء والنواب']], // ء
    ['وأشار إلى أن الحكومةالمصرية تدرس المقترح.', ['الحكومةالمصرية → الحكومة المصرية']], // ة inside a word
    ['وعقد المؤتمرالصحفى فى مقر الوزارة.', ['المؤتمرالصحفى → المؤتمر الصحفى']], // ؤ
    ['وأعلن أن رُوسيَاوالعِراق وقّعتا ٣ اتفاقات.', ['رُوسيَاوالعِراق → رُوسيَا والعِراق']], // diacritics
    ['وتناولت المحادثات العلاقات بين العـــراقوسوريا.', ['العـــراقوسوريا → العـــراق وسوريا']], // tatweel
  ])('%s', (text, expected) => {
    expect(repaired(text)).toEqual(expected);
  });

  it('leaves running text alone: clitics, Egyptian spelling, names, digits', () => {
    const text =
      'وأوضح المتحدث باسم وزارة الخارجية المصرية، أحمد عبدالعزيز، فى مؤتمر صحفى عقده اليوم الأربعاء، ' +
      'أن الوزير سيلتقى نظيره الروسى لبحث التعاون الاقتصادى والعسكرى، مشيرا إلى أن حجم التبادل التجارى ' +
      'بين البلدين بلغ ٣٫٥ مليار دولار عام ٢٠١٥، وأن المستشفى الجديد سيفتتح فى القاهرة بالتعاون مع ' +
      'الجانب الإماراتى. وأضاف أن المفاوضات مستمرة، ولفت إلى أن الاستثمارات المصرفية تضاعفت، ' +
      'مؤكدا على أهمية دعم المؤسسات الدولية للاقتصاد المصرى فى المرحلة المقبلة.';
    expect(repaired(text)).toEqual([]);
  });

  it('split() decides exactly as best() (its cheap bound never changes a decision)', () => {
    const words = [
      'مصروالسودان', 'فرنساوألمانيا', 'الحكومةالمصرية', 'رُوسيَاوالعِراق', 'العـــراقوسوريا', 'فىالعراق', 'لايمكن',
      'منقسم', 'المصرفي', 'القراران', 'سيدعمه', 'وزير', 'والعراق', 'عبدالعزيز', 'مستشفى', 'بالإضافة', 'ﻻعب', 'في',
    ];
    const check = (w: string): void => {
      const b = splitter.best(w);
      expect(splitter.split(w)).toEqual(b !== null && b.margin > 0 ? [b.cut] : null);
    };
    words.forEach(check);
    fc.assert(
      fc.property(arabicText, (text) => {
        for (const t of tokenize(text)) if (t.kind === 'word') check(t.text);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its invariants on any text (property)', () => {
    fc.assert(
      fc.property(arabicText, (text) => {
        const tokens = tokenize(text);
        const { tokens: out, repairs } = repairTokens(tokens, splitter);
        expect(rebuild(text, out)).toBe(text);
        let pos = 0;
        for (const t of out) {
          expect(t.start).toBeGreaterThanOrEqual(pos);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          pos = t.end;
        }
        for (const r of repairs) {
          expect(text.slice(r.start, r.end)).toBe(r.original);
          expect(r.replacement.replaceAll(' ', '')).toBe(r.original);
        }
        expect(out.length).toBe(tokens.length + repairs.length);
      }),
      { numRuns: 300 },
    );
  });
});
