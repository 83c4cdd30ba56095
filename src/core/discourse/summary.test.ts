import { describe, expect, it } from 'vitest';
import type { AnalyzedDocument, Entity, NewsEvent } from '../document.js';
import { createDocument } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { tokenize } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { buildHeadline, HEADLINE_MAX_WORDS, headlineFromEvents, headlineFromLead } from './headline.js';
import { createSummaryStage, summarize } from './summary.js';

function analyzed(text: string): AnalyzedDocument {
  const doc = createDocument(text);
  doc.tokens = tokenize(text);
  doc.sentences = splitSentences(text, doc.tokens);
  return doc;
}

const headline = (text: string): string => {
  const doc = analyzed(text);
  return headlineFromLead(doc.tokens ?? [], doc.sentences ?? []);
};
const words = (s: string): number => s.split(' ').filter((w) => w !== '').length;

describe('headline from the lead sentence', () => {
  it.each([
    [
      'drops the time adverbial and the subordinate clause',
      'وصل وزيرُ الطاقة الأردنىّ، خالد الرفاعى، مساء أمس الثلاثاء، إلى القاهرة، حيث التقى نظيره المصرى لبحث إمدادات الغاز.',
      'وصل وزيرُ الطاقة الأردنىّ خالد الرفاعى إلى القاهرة',
    ],
    [
      'turns reported speech into Speaker: claim',
      'قال المتحدث باسم الحكومة إن المفاوضات مع صندوق النقد الدولى ستُستأنف الأسبوع المقبل فى العاصمة.',
      'المتحدث باسم الحكومة: المفاوضات مع صندوق النقد الدولى ستُستأنف فى العاصمة',
    ],
    [
      'drops a dateline',
      'دبي، الإمارات العربية المتحدة (CNN)-- أعلنت شركة الطيران الوطنية عن خطة لشراء ٢٠ طائرة جديدة خلال العام المقبل.',
      'أعلنت شركة الطيران الوطنية عن خطة لشراء ٢٠ طائرة جديدة',
    ],
    [
      'cuts at a circumstantial participle',
      'أكدت الوزارة ارتفاع الصادرات الزراعية، مشيرة إلى أن الطلب على زيت الزيتون تضاعف.',
      'أكدت الوزارة ارتفاع الصادرات الزراعية',
    ],
  ])('%s', (_why, text, expected) => {
    expect(headline(text)).toBe(expected);
  });

  it('keeps at most 12 words and never ends on a preposition', () => {
    const long =
      'بحث رئيس الوزراء مع وفد من رجال الأعمال والمستثمرين العرب والأجانب فرص الاستثمار فى مشروعات الطاقة المتجددة والبنية التحتية والموانئ فى المنطقة الاقتصادية.';
    const h = headline(long);
    expect(words(h)).toBeLessThanOrEqual(HEADLINE_MAX_WORDS);
    expect(h.split(' ').at(-1)).not.toMatch(/^(فى|في|على|من|مع|إلى)$/u);
    expect(h.startsWith('بحث رئيس الوزراء')).toBe(true);
  });

  it('skips a heading and a too-short opening', () => {
    const doc = analyzed('أسعار الذهب اليوم\nعاجل.\nانخفضت أسعار الذهب فى الأسواق العالمية اليوم.');
    doc.sentences = doc.sentences?.map((s, i) => (i === 0 ? { ...s, kind: 'heading' as const } : s));
    expect(headlineFromLead(doc.tokens ?? [], doc.sentences ?? [])).toBe('انخفضت أسعار الذهب فى الأسواق العالمية');
  });

  it('is empty for a document without sentences', () => {
    expect(headlineFromLead([], [])).toBe('');
  });
});

describe('headline from events', () => {
  const entities: Entity[] = [
    { id: 'e1', type: 'PER', name: 'خالد الرفاعي', mentions: [] },
    { id: 'e2', type: 'LOC', name: 'القاهرة', mentions: [] },
    { id: 'e3', type: 'PER', name: 'محمود عبد الرؤوف', mentions: [] },
  ];
  const event = (type: string, trigger: string, participants: NewsEvent['participants']): NewsEvent => ({
    type,
    cameo: '000',
    trigger: { start: 0, end: trigger.length, text: trigger },
    participants,
    time: null,
    sentence: 0,
  });

  it('prefers the first non-statement event with an actor and a target or place', () => {
    const events = [
      event('STATEMENT', 'قال', [{ entity: 'e1', role: 'actor' }, { entity: 'e3', role: 'target' }]),
      event('VISIT', 'وصل', [
        { entity: 'e1', role: 'actor' },
        { entity: 'e2', role: 'place' },
      ]),
    ];
    expect(headlineFromEvents(events, entities)).toBe('خالد الرفاعي وصل القاهرة');
    const doc = { ...analyzed('نص قصير للتجربة فقط هنا.'), events, entities };
    expect(buildHeadline(doc, { fromEvents: true })).toBe('خالد الرفاعي وصل القاهرة');
  });

  it('trims the lead by default, and falls back to it when no event has an actor', () => {
    const lead = analyzed('وصل الوزير إلى القاهرة فى زيارة رسمية.');
    const visit = event('VISIT', 'وصل', [
      { entity: 'e1', role: 'actor' },
      { entity: 'e2', role: 'place' },
    ]);
    expect(buildHeadline({ ...lead, events: [visit], entities })).toBe('وصل الوزير إلى القاهرة فى زيارة رسمية');
    expect(buildHeadline({ ...lead, events: [event('VISIT', 'وصل', [])], entities }, { fromEvents: true })).toBe('وصل الوزير إلى القاهرة فى زيارة رسمية');
  });
});

describe('summary', () => {
  const TEXT =
    'وصل وزيرُ الطاقة الأردنىّ إلى القاهرة فى زيارة رسمية لبحث إمدادات الغاز الطبيعى بين البلدين. ' +
    'وقال الوزير إن الأردن يتطلع إلى زيادة واردات الغاز عبر خط الأنابيب العربى. ' +
    'الطقس. ' +
    'وأكد نظيره المصرى أن مصر مستعدة لتأمين إمدادات الغاز الطبيعى للأردن. ' +
    'وفى سياق آخر، افتُتح معرض للكتاب فى المدينة بمشاركة ٣٠٠ دار نشر.';

  it('picks 1–3 running-text sentences in text order, starting from the lead', () => {
    const s = summarize(analyzed(TEXT));
    expect(s.sentences.length).toBeGreaterThanOrEqual(1);
    expect(s.sentences.length).toBeLessThanOrEqual(3);
    expect(s.sentences[0]).toBe(0);
    expect([...s.sentences].sort((a, b) => a - b)).toEqual(s.sentences);
    expect(words(s.headline)).toBeLessThanOrEqual(HEADLINE_MAX_WORDS);
  });

  it('takes more sentences when asked, skipping the fragment, the aside and near-duplicates', () => {
    const s = summarize(analyzed(TEXT), { targetWords: 200, maxSentences: 3 });
    expect(s.sentences).not.toContain(2);
    expect(s.sentences.length).toBe(3);
    expect(s.sentences).toContain(0);
  });

  it('never takes a heading', () => {
    const doc = analyzed('خبر عاجل\nوصل الوزير إلى القاهرة فى زيارة رسمية تستغرق يومين.');
    doc.sentences = doc.sentences?.map((s, i) => (i === 0 ? { ...s, kind: 'heading' as const } : s));
    expect(summarize(doc).sentences).toEqual([1]);
  });

  it('handles an empty document', () => {
    expect(summarize(analyzed(''))).toEqual({ sentences: [], headline: '' });
  });

  it('is a stage that needs sentences and tokens', () => {
    const stage = createSummaryStage();
    expect([stage.name, stage.needs, stage.adds]).toEqual(['summary', ['sentences', 'tokens'], ['summary']]);
    const doc = createPipeline([stage], { initial: ['tokens', 'sentences'] }).run(analyzed(TEXT));
    // 15 words: cut before the purpose clause (لبحث), the last boundary that leaves at most 12.
    expect(doc.summary?.headline).toBe('وصل وزيرُ الطاقة الأردنىّ إلى القاهرة فى زيارة رسمية');
  });
});
