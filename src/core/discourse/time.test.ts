import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { findTimes, parseIsoDate } from './time.js';

function times(text: string, date?: string): [string, string | undefined][] {
  const tokens = tokenize(text);
  return findTimes(tokens, 0, tokens.length, text, parseIsoDate(date)).map((t) => [t.expression.text, t.expression.date]);
}

describe('time expressions', () => {
  // 2015-07-16 was a Thursday.
  it.each([
    ['توجه الوزير مساء أمس الأربعاء إلى موسكو', 'مساء أمس الأربعاء', '2015-07-15'],
    ['عقد الوزير اليوم محادثات', 'اليوم', '2015-07-16'],
    ['يلتقي الرئيس غدًا الجمعة', 'غدًا الجمعة', '2015-07-17'],
    ['وصل صباح اليوم الخميس', 'صباح اليوم الخميس', '2015-07-16'],
    ['وقع الانفجار أول أمس', 'أول أمس', '2015-07-14'],
    ['يصل الوفد بعد غد', 'بعد غد', '2015-07-18'],
    ['اجتمع المجلس يوم الإثنين', 'يوم الإثنين', '2015-07-13'],
    ['يعقد الاجتماع الأحد المقبل', 'الأحد المقبل', '2015-07-19'],
    ['زار الأسبوع الماضي القاهرة', 'الأسبوع الماضي', '2015-07-09'],
    ['ويعود الأسبوع المقبل', 'الأسبوع المقبل', '2015-07-23'],
    ['تراجعت الأسعار الشهر الماضي', 'الشهر الماضي', '2015-06-16'],
    ['وُقّعت الاتفاقية في ١٦ يوليو ٢٠١٥', '١٦ يوليو ٢٠١٥', '2015-07-16'],
    ['ويبدأ المؤتمر في 3 آب', '3 آب', '2015-08-03'],
    ['والتـقى الطرفان واليوم', 'اليوم', '2015-07-16'],
  ])('%s', (text, phrase, date) => {
    expect(times(text, '2015-07-16')).toEqual([[phrase, date]]);
  });

  it('keeps the phrase without a date when no publication date is given', () => {
    expect(times('توجه مساء أمس الأربعاء إلى موسكو')).toEqual([['مساء أمس الأربعاء', undefined]]);
  });

  it('keeps a year as a phrase only', () => {
    expect(times('بلغ حجم التجارة العام الماضي مليار دولار', '2015-07-16')).toEqual([['العام الماضي', undefined]]);
  });

  it('does not read a day part without a day as a time', () => {
    expect(times('في مساء هادئ', '2015-07-16')).toEqual([]);
  });

  it('rejects impossible publication dates', () => {
    expect(parseIsoDate('2015-02-30')).toBeUndefined();
    expect(parseIsoDate('16-07-2015')).toBeUndefined();
    expect(parseIsoDate('2015-07-16')?.toISOString()).toBe('2015-07-16T00:00:00.000Z');
  });
});
