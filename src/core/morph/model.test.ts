/**
 * Tests on the committed model (models/morph), with sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../node/models.js';
import { createDocument } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { createTokenizeStage } from '../text/stages.js';
import { decodeMorphModel, MorphAnalyzer } from './analyzer.js';
import { goldTaggerWords } from './gold.js';
import { referenceTags } from './greedy-tagger.js';
import { applyAnalysis, createMorphologyStage, sentenceRuns } from './stage.js';
import { UPOS_TAGS, WordRole } from './tagger.js';
import type { TreebankToken } from './treebank.js';

const model = loadModel('morph');
const analyzer = MorphAnalyzer.fromFiles(model.files);
const words = (tokens: string[]): string[] => analyzer.analyzeSentence(tokens).map((t) => t.segments.map((s) => s.text).join(' '));

describe('segmentation with the committed model', () => {
  it('segments وبالعراق as و ب العراق', () => {
    expect(words(['وبالعراق'])).toEqual(['و ب العراق']);
    expect(words(['زار', 'الوزير', 'وبالعراق', 'قال', 'إنه', 'سعيد'])[2]).toBe('و ب العراق');
  });

  it.each([
    [['ذهب', 'الوفد', 'إلى', 'بغداد', 'والتقى', 'بالرئيس'], ['ذهب', 'الوفد', 'إلى', 'بغداد', 'و التقى', 'ب الرئيس']],
    [['قدمت', 'الحكومة', 'الدعم', 'للعراق', 'وللمنطقة'], ['قدمت', 'الحكومة', 'الدعم', 'ل العراق', 'و ل المنطقة']],
    [['أعلن', 'الوزير', 'عن', 'زيارته', 'وسيلتقي', 'نظيره'], ['أعلن', 'الوزير', 'عن', 'زيارة ه', 'و س يلتقي', 'نظير ه']],
    [['قال', 'وزير', 'الخارجية', 'إن', 'بلاده', 'تدعمها'], ['قال', 'وزير', 'الخارجية', 'إن', 'بلاد ه', 'تدعم ها']],
  ])('segments %j', (tokens, expected) => {
    expect(words(tokens)).toEqual(expected);
  });

  it('restores إن after the verb of saying and أن after the others, even a few words away', () => {
    expect(words(['وقالت', 'الوزيرة', 'انها', 'سعيدة'])[2]).toBe('إن ها');
    expect(words(['فالمدرب', 'يقول', 'انه', 'مستعد'])[2]).toBe('إن ه');
    expect(words(['وأعلن', 'مدير', 'شرطة', 'المدينة', 'انه', 'اعتقل', 'اثنين'])[4]).toBe('أن ه');
  });

  it('leaves وزير and بين whole (no و or ب clitic)', () => {
    expect(words(['التقى', 'وزير', 'الدفاع', 'بين', 'الجلسات'])).toEqual(['التقى', 'وزير', 'الدفاع', 'بين', 'الجلسات']);
  });

  it('reads through diacritics, tatweel and hamza seats, and maps segments back onto the original letters', () => {
    const tokens = ['وَبِالعِـرَاقِ', 'سُئِلَ', 'المسـؤولون', 'عن', 'مستقبلهم', 'فى', '٢٠١٥'];
    const analyzed = analyzer.analyzeSentence(tokens);
    expect(analyzed[0].segments.map((s) => s.text)).toEqual(['و', 'ب', 'العراق']);
    expect(analyzed[0].segments.map((s) => tokens[0].slice(s.start, s.end))).toEqual(['وَ', 'بِ', 'العِـرَاقِ']);
    expect(analyzed[4].segments.map((s) => s.text)).toEqual(['مستقبل', 'هم']);
    expect(analyzed[4].segments.map((s) => tokens[4].slice(s.start, s.end))).toEqual(['مستقبل', 'هم']);
    expect(analyzed[6].pos).toBe('NUM');
  });

  it('restores PADT spelling in fused tokens: ت → ة before a suffix, hamza on the stem', () => {
    expect(words(['عبرت', 'عن', 'رغبتها', 'في', 'السلام'])[2]).toBe('رغبة ها');
    expect(words(['وأكد', 'أنه', 'لن', 'يتراجع'])[1]).toBe('أن ه');
  });

  it('keeps a final ت when no suffix follows (a verb, not the ة of a noun before a suffix)', () => {
    // `منعت` is `منعة` only in `منعته`; in PADT train a stem without a suffix never ends in ة for a written ت.
    expect(words(['وصلت', 'الشرطة', 'ومنعت', 'المسيرة', '.'])[2]).toBe('و منعت');
  });

  it('reads فيما by the word after it: one conjunction before a verb of saying, في + ما before يتعلق', () => {
    // The treebank has seen few of the words that follow فيما; the next word's news cluster carries it.
    expect(words(['فيما', 'أكد', 'الوزير', 'أن', 'المحادثات', 'مستمرة'])[0]).toBe('فيما');
    expect(words(['فيما', 'يتعلق', 'بالعراق'])[0]).toBe('في ما');
  });
});

describe('tags, lemmas and stems with the committed model', () => {
  const analyzed = analyzer.analyzeSentence(['وقال', 'الوزير', 'إن', 'المفاوضات', 'ستستأنف', 'في', 'القاهرة', '،', 'وأضاف', 'أن', '3', 'وفود', 'وصلت', '.']);

  it('tags clitics and clear words', () => {
    const tags = analyzed.map((t) => t.segments.map((s) => s.pos).join('+'));
    expect(tags[0]).toBe('CCONJ+VERB');
    expect(tags[1]).toBe('NOUN');
    expect(tags[5]).toBe('ADP');
    expect(tags[7]).toBe('PUNCT');
    expect(tags[10]).toBe('NUM');
    expect(tags[13]).toBe('PUNCT');
  });

  it('gives undiacritized lemmas, vocalized where the lexicon knows the word', () => {
    const wazir = analyzed[1].segments[0];
    expect(wazir.lemma).toBe('وزير');
    expect(wazir.lemmaVocalized).toMatch(/^و\p{M}*ز\p{M}*ي\p{M}*ر\p{M}*$/u);
    expect(analyzed[3].lemma).toBe('مفاوضة');
  });

  it('lemmatizes number words and broken plurals, and leaves figures as they are', () => {
    const lemmas = (tokens: string[]): string[] => analyzer.analyzeSentence(tokens).map((t) => t.lemma);
    expect(lemmas(['قتل', 'آلاف', 'الأشخاص', 'فى', '٢٠١٥'])).toEqual(['قتل', 'ألف', 'شخص', 'في', '2015']);
    expect(lemmas(['حضر', 'الثلاثين', 'مسؤولا'])[1]).toBe('ثلاثون');
    expect(lemmas(['زار', 'المحاكم', 'والمدارس']).slice(1)).toEqual(['محكمة', 'مدرسة']);
  });

  it('stems والعراق, بالعراق, للعراق and العراق alike, and leaves وزير alone', () => {
    const stems = analyzer.analyzeSentence(['والعراق', 'بالعراق', 'للعراق', 'العراق', 'وزير']).map((t) => t.stem);
    expect(new Set(stems.slice(0, 4)).size).toBe(1);
    expect(stems[0]).toBe('عراق');
    expect(stems[4]).toBe('وزير');
  });

  it('marks the role of each segment', () => {
    expect(analyzed[0].segments.map((s) => s.role)).toEqual([WordRole.Proclitic, WordRole.Stem]);
    expect(analyzed[1].segments[0].role).toBe(WordRole.Alone);
  });
});

describe('morphology stage', () => {
  const text = 'وأكّد المسـؤولون فى بيانٍ صدر أمس أن العراقوروسيا؟ لا، بل وبالعراق ٣ مواقع.';
  const pipeline = createPipeline([createTokenizeStage(), createMorphologyStage(model.files)]);
  const doc = pipeline.analyze(text);

  it('fills segments, pos, lemma and stem on every token, with offsets inside the token', () => {
    for (const t of doc.tokens ?? []) {
      expect(t.segments?.length).toBeGreaterThan(0);
      expect(t.pos).toBeDefined();
      expect(t.lemma).toBeDefined();
      expect(t.stem).toBeDefined();
      for (const s of t.segments ?? []) {
        if (s.start === undefined || s.end === undefined) continue;
        expect(s.start).toBeGreaterThanOrEqual(t.start);
        expect(s.end).toBeLessThanOrEqual(t.end);
      }
    }
  });

  it('splits word tokens only, and tags the rest by kind', () => {
    const byText = new Map((doc.tokens ?? []).map((t) => [t.text, t]));
    expect(byText.get('وبالعراق')?.segments?.map((s) => s.text)).toEqual(['و', 'ب', 'العراق']);
    expect(byText.get('وبالعراق')?.segments?.map((s) => text.slice(s.start, s.end))).toEqual(['و', 'ب', 'العراق']);
    expect(byText.get('٣')?.pos).toBe('NUM');
    expect(byText.get('؟')?.pos).toBe('PUNCT');
    expect(byText.get('،')?.segments?.length).toBe(1);
  });

  it('declares what it needs and adds', () => {
    const stage = createMorphologyStage(analyzer);
    expect(stage.name).toBe('morphology');
    expect(stage.needs).toEqual(['tokens']);
    expect(stage.adds).toEqual(['morphology']);
  });
});

describe('robustness (property)', () => {
  const alphabet = [...'وفبكلسالعراقهمنيىةءأإآؤئـًٌٍَُِّْ٠١٢3،.؟!"«»-xyzLNG '];

  it('never throws, and maps every segment inside its token', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }).map((cs) => cs.join('').trim() || 'و'), { minLength: 1, maxLength: 8 }), (tokens) => {
        const analyzed = analyzer.analyzeSentence(tokens);
        expect(analyzed).toHaveLength(tokens.length);
        analyzed.forEach((a, i) => {
          expect(a.segments.length).toBeGreaterThan(0);
          for (const s of a.segments) {
            if (s.start < 0) continue;
            expect(s.start).toBeLessThanOrEqual(s.end);
            expect(s.end).toBeLessThanOrEqual(tokens[i].length);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the stage writes what analyzeSentence and applyAnalysis give', () => {
  const alphabet = [...'وفبكلسالعراقهمنيىةءأإآؤئـًٌٍَُِّْ٠١٢3،.؟!"«»-xyz '];

  it('on random texts, token by token (property)', async () => {
    const fc = (await import('fast-check')).default;
    // Separate analyzers: the stage's fast path must not depend on what the reference cached.
    const stage = createMorphologyStage(MorphAnalyzer.fromFiles(model.files));
    const reference = MorphAnalyzer.fromFiles(model.files);
    const tokenize = createTokenizeStage();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const fast = createDocument(text);
        tokenize.run(fast, {});
        const slow = structuredClone(fast);
        stage.run(fast, {});
        const tokens = slow.tokens ?? [];
        for (const [from, to] of sentenceRuns(slow)) {
          const run = tokens.slice(from, to);
          const analyses = reference.analyzeSentence(
            run.map((t) => t.text),
            { splittable: (i) => run[i].kind === 'word' },
          );
          run.forEach((t, i) => applyAnalysis(t, analyses[i]));
        }
        expect(JSON.stringify(fast.tokens)).toBe(JSON.stringify(slow.tokens));
      }),
      { numRuns: 300 },
    );
  });
});

describe('tagging in both directions', () => {
  // Gold segmentations written for this test: diacritics, hamza seats, tatweel, Arabic digits.
  const sentences: TreebankToken[][] = [
    [['وقال', ['و', 'قال']], ['الوزيـر', ['الوزيـر']], ['إنّ', ['إنّ']], ['المفاوضات', ['المفاوضات']], ['ستُستأنف', ['س', 'تُستأنف']], ['في', ['في']], ['القاهرة', ['القاهرة']], ['.', ['.']]],
    [['وأكد', ['و', 'أكد']], ['أن', ['أن']], ['بلاده', ['بلاد', 'ه']], ['تدعم', ['تدعم']], ['جهود', ['جهود']], ['السلام', ['السلام']], ['منذ', ['منذ']], ['٢٠١٥', ['٢٠١٥']]],
    [['سُئل', ['سُئل']], ['المسؤولون', ['المسؤولون']], ['عن', ['عن']], ['آرائهم', ['آراء', 'هم']], ['فى', ['فى']], ['الاتفاق', ['الاتفاق']], ['الجديد', ['الجديد']]],
  ].map((s) => s.map(([form, words]) => ({ form: form as string, words: (words as string[]).map((w) => ({ form: w })) })));

  it('is what the model has: a left-to-right and a right-to-left tagger', () => {
    expect(analyzer.parts.taggerBackward).toBeDefined();
  });

  it('gives, with every cache, the tags of the straightforward two-direction tagger', () => {
    const { vocab, tagger, taggerBackward } = analyzer.parts;
    for (const s of sentences) {
      const fast = analyzer.analyzeGold(s).flatMap((t) => t.segments.map((g) => g.pos));
      const slow = referenceTags(s.flatMap((t) => goldTaggerWords(t)), vocab, tagger, taggerBackward).map((t) => UPOS_TAGS[t]);
      expect(fast).toEqual(slow);
      // Twice: the second run reads the caches the first filled.
      expect(analyzer.analyzeGold(s).flatMap((t) => t.segments.map((g) => g.pos))).toEqual(slow);
    }
  });

  it('still tags in one direction with a model that has no right-to-left tagger', () => {
    const files = new Map(model.files);
    files.delete('tagger-rtl.bin');
    const parts = decodeMorphModel(files);
    expect(parts.taggerBackward).toBeUndefined();
    const oneWay = new MorphAnalyzer(parts);
    for (const s of sentences) {
      const tags = oneWay.analyzeGold(s).flatMap((t) => t.segments.map((g) => g.pos));
      expect(tags).toEqual(referenceTags(s.flatMap((t) => goldTaggerWords(t)), parts.vocab, parts.tagger).map((t) => UPOS_TAGS[t]));
    }
  });
});
