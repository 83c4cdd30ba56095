import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { TEST_LEXICON } from './fixtures.test-util.js';
import { matchTitle, nameAfter } from './titles.js';

/** The first title in a text with the name after it, as words. */
function read(text: string): { title: string; cls: string; country?: string; org?: string; name?: string; counterpart: boolean } | undefined {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const m = matchTitle(tokens, i, TEST_LEXICON, TEST_LEXICON.titleTrie);
    if (!m) continue;
    const name = nameAfter(tokens, m.end, TEST_LEXICON, new Map());
    return {
      title: m.title,
      cls: m.cls,
      counterpart: m.counterpart,
      ...(m.country ? { country: m.country } : {}),
      ...(m.org ? { org: m.org } : {}),
      ...(name ? { name: text.slice(tokens[name.start].start, tokens[name.end - 1].end) } : {}),
    };
  }
  return undefined;
}

describe('matchTitle and nameAfter', () => {
  it.each([
    ['وزير الخارجية الفرنسى، بيير دوران، إن', { title: 'وزير الخارجية', cls: 'minister', country: 'FRA', name: 'بيير دوران' }],
    ['توجه وزير خارجية الأردن، فيصل الحمدانى، إلى', { title: 'وزير الخارجية', cls: 'minister', country: 'JOR', name: 'فيصل الحمدانى' }],
    ['أكد المتحدث باسم الحكومة الأردنية، سامر الخطيب، أن', { title: 'المتحدث باسم الحكومة', cls: 'spokesperson', country: 'JOR', name: 'سامر الخطيب' }],
    ['صرح المتحدث باسم وزارة الخارجية المصرية، هالة يوسف، بأن', { title: 'المتحدث باسم وزارة الخارجية', cls: 'spokesperson', country: 'EGY', org: 'وزارة الخارجية', name: 'هالة يوسف' }],
    ['وَقَالَ وَزِيـرُ الخَارِجِيَّةِ التُّونِسِيُّ، نَبِيل الشَّامِي، إنّ', { title: 'وزير الخارجية', cls: 'minister', country: 'TUN', name: 'نَبِيل الشَّامِي' }],
    ['مع نظيره الفرنسى بيير دوران.', { title: '', cls: '', country: 'FRA', name: 'بيير دوران', counterpart: true }],
    ['وأشار الوزير إلى أن', { title: 'الوزير', cls: 'minister' }],
    ['يلتقى الرئيس التونسى غدا الجمعة', { title: 'الرئيس', cls: 'president', country: 'TUN' }],
    ['التقت رئيسة الغرفة التجارية المشتركة، وفدا', { title: 'رئيسة', cls: 'president', org: 'الغرفة التجارية المشتركة' }],
    ['أعلمنا وزير الخارجية الأردنى بالوضع فى البلاد', { title: 'وزير الخارجية', cls: 'minister', country: 'JOR' }],
    ['قال رئيس الوزراء المصرى إن', { title: 'رئيس الوزراء', cls: 'premier', country: 'EGY' }],
    ['وألقى رئيس مجلس إدارة الغرفة التجارية بجدة كلمة أشار فيها', { title: 'رئيس', cls: 'president', org: 'مجلس ادارة الغرفة التجارية' }],
    ['بدأت مفاوضات مع الزعيم الكردى المسجون', { title: 'الزعيم', cls: 'leader' }],
    ['بحث مع نظيره الفرنسى سبل تعزيز التعاون', { title: '', cls: '', country: 'FRA', counterpart: true }],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual({ counterpart: false, ...expected });
  });

  it('does not take a common first name for a title', () => {
    // أمين and ملك are names as often as titles: without the article or a portfolio they are names.
    expect(read('قال أمين حسن إن')).toBeUndefined();
    expect(read('وقال الأمين العام إن')).toMatchObject({ cls: 'secretary' });
  });

  it('does not read a prepositional phrase or the next clause as a name', () => {
    expect(read('وزير الخارجية الأردنى بالوضع فى')?.name).toBeUndefined();
    expect(read('رئيسة الغرفة التجارية، دعت فى بيان')?.name).toBeUndefined();
  });
});
