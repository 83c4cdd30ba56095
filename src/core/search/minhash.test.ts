import { describe, expect, it } from 'vitest';
import { BANDS, bandKeys, jaccardEstimate, minhash, signatureFromBytes, signatureToBytes, SIGNATURE_SIZE } from './minhash.js';

const story =
  'اعلن وزير الخارجية الروسي ان بلاده ستواصل دعم العراق في تعزيز قدراته الدفاعية وضمان سلامة اراضيه وقال ان التعاون في مجال النفط والغاز بين البلدين له اهمية خاصة واضاف ان المحادثات تناولت تطوير العلاقات الثنائية في مجال التجارة والاقتصاد'.split(
    ' ',
  );
const other =
  'سجل الفريق هدفين في المباراة التي جرت مساء امس على ملعب المدينة وسط حضور جماهيري كبير وقال المدرب ان اللاعبين قدموا اداء رائعا رغم الاصابات التي تعرض لها الفريق في الاسابيع الماضية'.split(
    ' ',
  );

describe('minhash', () => {
  it('gives the same signature to the same words', () => {
    expect(minhash(story)).toEqual(minhash([...story]));
    expect(jaccardEstimate(minhash(story)!, minhash(story)!)).toBe(1);
  });

  it('estimates a high similarity for a lightly edited copy and a low one for another text', () => {
    const edited = ['المحرر', ...story, 'المصدر', 'وكالات'];
    const a = minhash(story)!;
    expect(jaccardEstimate(a, minhash(edited)!)).toBeGreaterThanOrEqual(0.7);
    expect(jaccardEstimate(a, minhash(other)!)).toBeLessThan(0.1);
  });

  it('shares a band key between near copies and none with an unrelated text', () => {
    const a = new Set(bandKeys(minhash(story)!));
    expect(bandKeys(minhash(['المحرر', ...story])!).some((k) => a.has(k))).toBe(true);
    expect(bandKeys(minhash(other)!).some((k) => a.has(k))).toBe(false);
    expect(a.size).toBeLessThanOrEqual(BANDS);
  });

  it('refuses texts too short to fingerprint', () => {
    expect(minhash(story.slice(0, 10))).toBeUndefined();
  });

  it('round-trips through bytes', () => {
    const s = minhash(story)!;
    const bytes = signatureToBytes(s);
    expect(bytes.byteLength).toBe(4 * SIGNATURE_SIZE);
    expect(signatureFromBytes(bytes)).toEqual(s);
  });
});
