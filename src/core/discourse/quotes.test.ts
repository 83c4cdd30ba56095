import { describe, expect, it } from 'vitest';
import { nameOf, nerFrom, understand } from '../entities/fixtures.test-util.js';
import { cueKind } from './quotes.js';

/** People of the test sentences, as a NER model would mark them. */
const PEOPLE = ['فيصل الحمدانى', 'الحمدانى', 'بيير دوران', 'سامر الخطيب', 'الخطيب', 'نبيل الشامى'];

/** Quotes of a text as `[speaker name or ?speakerText, cue, kind, content]`. */
function quotes(text: string): [string | null, string, string, string][] {
  const doc = understand(text, {}, nerFrom({ PER: PEOPLE }));
  return (doc.quotes ?? []).map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    return [nameOf(doc, q.speaker) ?? (q.speakerText ? `?${q.speakerText}` : null), q.cue, q.kind, q.text];
  });
}

describe('quotes', () => {
  it('reads an indirect quote after a verb and its subject with a title in apposition', () => {
    expect(quotes('وأكد وزير الخارجية الفرنسى، بيير دوران، أن العلاقات متينة.')).toEqual([['بيير دوران', 'أكد', 'indirect', 'العلاقات متينة']]);
  });

  it('inherits the speaker of a verb without a subject from the previous quote', () => {
    expect(quotes('وقال فيصل الحمدانى إن الزيارة ناجحة. وأوضح أنه سيعود قريبا.')).toEqual([
      ['فيصل الحمداني', 'قال', 'indirect', 'الزيارة ناجحة'],
      ['فيصل الحمداني', 'أوضح', 'indirect', 'سيعود قريبا'],
    ]);
  });

  it('reads a direct quote over two sentences, with its colon and verb', () => {
    expect(quotes('وقال وزير الخارجية الأردنى، فيصل الحمدانى: "نحن ندعم الحوار.. ونرفض التدخل الخارجى".')).toEqual([
      ['فيصل الحمداني', 'قال', 'direct', 'نحن ندعم الحوار.. ونرفض التدخل الخارجى'],
    ]);
  });

  it('reads guillemets and curly quotes, and a speaker named after the quote', () => {
    expect(quotes('«الوضع الاقتصادى يتحسن بسرعة كبيرة هذا العام»، قال سامر الخطيب.')).toEqual([
      ['سامر الخطيب', 'قال', 'direct', 'الوضع الاقتصادى يتحسن بسرعة كبيرة هذا العام'],
    ]);
    expect(quotes('وأضاف: “سنواصل العمل معا”.')).toEqual([[null, 'أضاف', 'direct', 'سنواصل العمل معا']]);
  });

  it('splits a participle clause into its own quote with the clause speaker', () => {
    expect(quotes('وتوقع سامر الخطيب أن ترتفع الصادرات، مشيرا إلى أن الأسواق الأوروبية مفتوحة، ومشددة على شيء.')).toEqual([
      ['سامر الخطيب', 'توقع', 'indirect', 'ترتفع الصادرات'],
      ['سامر الخطيب', 'مشيرا إلى', 'indirect', 'الأسواق الأوروبية مفتوحة'],
    ]);
  });

  it('resolves a bare title to the person it stands for', () => {
    expect(quotes('وصل وزير الخارجية التونسى، نبيل الشامى، أمس. وأشار الوزير إلى أن المباحثات بدأت.')).toEqual([
      ['نبيل الشامي', 'أشار إلى', 'indirect', 'المباحثات بدأت'],
    ]);
  });

  it('keeps the words of a subject it cannot link', () => {
    expect(quotes('وقال مصدر مسؤول إن المحادثات مستمرة.')).toEqual([['?مصدر مسؤول', 'قال', 'indirect', 'المحادثات مستمرة']]);
  });

  it('handles diacritics, hamza forms, tatweel and digits inside the content', () => {
    expect(quotes('وَقَالَ سامر الخطيب إِنَّ الـمُؤتمرَ سيُعقد فى ٣ آذار.')).toEqual([['سامر الخطيب', 'قَالَ', 'indirect', 'الـمُؤتمرَ سيُعقد فى ٣ آذار']]);
  });

  it('does not take names in quotes, impersonal يذكر, or a verb without a complementizer for quotes', () => {
    expect(quotes('ونقلت وكالة "رويترز" الخبر. يُذكر أن الاجتماع تأجل. وقال الخطيب فى مؤتمر صحفى.')).toEqual([]);
  });

  it('takes a quote that follows its verb at a distance, or right after إن, as direct', () => {
    expect(quotes('وقال سامر الخطيب فى مؤتمر صحفى فى عمّان قبل أن يغادر “لن نتراجع عن خططنا الاقتصادية”.')).toEqual([
      ['سامر الخطيب', 'قال', 'direct', 'لن نتراجع عن خططنا الاقتصادية'],
    ]);
    expect(quotes('وقال الخطيب إن "التراجع غير وارد".')).toEqual([['الخطيب', 'قال', 'direct', 'التراجع غير وارد']]);
  });

  it('does not read أن after قبل or بعد as reported speech', () => {
    expect(quotes('وقال سامر الخطيب قبل أن يغادر القاعة.')).toEqual([]);
  });

  it('gives a verb in a relative clause the speaker the clause is about', () => {
    expect(quotes('والتقى الوفد سامر الخطيب أمس، الذى أكّد أن المحادثات ناجحة.')).toEqual([['سامر الخطيب', 'أكّد', 'indirect', 'المحادثات ناجحة']]);
    // An institution named by the link stage speaks too.
    expect(quotes('وفقا لما أعلنته وزارة الطاقة، التى أشارت إلى أن الأسعار ستنخفض ٣٪.')).toEqual([['وزارة الطاقة', 'أشارت إلى', 'indirect', 'الأسعار ستنخفض ٣٪']]);
  });

  it('keeps only the noun phrase of an unlinked subject', () => {
    expect(quotes('وأعلن الحزب بعد تعرضه لقصف أن الهدنة انتهت.')).toEqual([['?الحزب', 'أعلن', 'indirect', 'الهدنة انتهت']]);
  });

  it('recognizes cue forms with clitics', () => {
    expect(cueKind('وقال')).toBe('verb');
    expect(cueKind('فأضافت')).toBeUndefined(); // normalized input only
    expect(cueKind('فاضافت')).toBe('verb');
    expect(cueKind('مشيرا')).toBe('participle');
    expect(cueKind('قالب')).toBeUndefined();
  });
});
