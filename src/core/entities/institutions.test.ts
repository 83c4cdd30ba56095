import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { scanInstitutions } from './institutions.js';

const found = (text: string, skip?: (tokens: ReturnType<typeof tokenize>) => Uint8Array): string[] => {
  const tokens = tokenize(text);
  return scanInstitutions(tokens, skip?.(tokens)).map((m) => `${text.slice(m.start, m.end)}=${m.name}`);
};

describe('scanInstitutions', () => {
  it('takes a head noun with up to three definite complements, clitics off the head', () => {
    expect(found('أوضحت وزارة الداخليّة أنه لا تغيير.')).toEqual(['وزارة الداخليّة=وزارة الداخلية']);
    expect(found('وقالت لـوزارة الخارجية المصرية إن الزيارة تمت.')).toEqual(['وزارة الخارجية المصرية=وزارة الخارجية المصرية']);
    expect(found('وطالب بموقف من جامعة الدول العربية والأمم المتحدة.')).toEqual(['جامعة الدول العربية=جامعة الدول العربية']);
    expect(found('وتنظر محكمة الاستئناف العليا الإدارية الدائمة في القضية.')).toEqual(['محكمة الاستئناف العليا الإدارية=محكمة الاستئناف العليا الادارية']);
  });

  it('stops at time words, function words and punctuation, and needs a definite complement', () => {
    expect(found('أعلنت وزارة الصحة اليوم تسجيل ٣ حالات.')).toEqual(['وزارة الصحة=وزارة الصحة']);
    expect(found('وقال مجلس إدارة الشركة إن الأرباح زادت.')).toEqual([]);
    expect(found('وزارة، الداخلية')).toEqual([]);
    expect(found('ونقلت وكالة "سبوتنيك" الخبر.')).toEqual([]);
  });

  it('leaves tokens another mention holds', () => {
    // NER's own organization wins: nothing starts inside it, and a phrase stops before it.
    const skipWords = (words: string[]) => (tokens: ReturnType<typeof tokenize>) => Uint8Array.from(tokens, (t) => (words.includes(t.text) ? 1 : 0));
    expect(found('وأكد مجلس الأمن الدولي ذلك.', skipWords(['مجلس', 'الأمن', 'الدولي']))).toEqual([]);
    expect(found('وأكد مجلس الأمن الدولي ذلك.', skipWords(['الدولي']))).toEqual(['مجلس الأمن=مجلس الامن']);
  });
});
