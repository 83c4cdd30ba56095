import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBuckwalter, fromSafeBuckwalter, toBuckwalter, toSafeBuckwalter } from './transliterate.js';

const ARABIC = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغـفقكلمنهوىيًٌٍَُِّْٰٱپچڤگ';

describe('Buckwalter', () => {
  it.each([
    ['مُحَمَّدٌ', 'muHama~dN'],
    ['إِلَى', '<ilaY'],
    ['مسؤول رئيس آفاق', 'ms&wl r}ys |fAq'],
    ['ذهب', '*hb'],
  ])('%s ↔ %s', (ar, bw) => {
    expect(toBuckwalter(ar)).toBe(bw);
    expect(fromBuckwalter(bw)).toBe(ar);
  });

  it('safe Buckwalter has no regex, XML or shell metacharacters', () => {
    expect(toSafeBuckwalter('ذئب أُسْرة إِلى مسؤول آفاق شمس هٰذا')).toBe('VQb Ousorp IilY msWwl MfAq cms heVA');
    expect(toSafeBuckwalter(ARABIC)).not.toMatch(/['|>&<}*$`]/u);
    expect(toSafeBuckwalter('ذئب')).toBe('VQb');
    expect(toSafeBuckwalter('شأن')).toBe('cOn');
  });

  it('round-trips any string of Arabic letters and diacritics', () => {
    const arabic = fc.array(fc.constantFrom(...ARABIC), { maxLength: 50 }).map((a) => a.join(''));
    fc.assert(
      fc.property(arabic, (s) => {
        expect(fromBuckwalter(toBuckwalter(s))).toBe(s);
        expect(fromSafeBuckwalter(toSafeBuckwalter(s))).toBe(s);
      }),
    );
  });

  it('passes characters outside the table through (digits, spaces, other Arabic letters)', () => {
    expect(toBuckwalter('٢٠١٥ ڭ')).toBe('٢٠١٥ ڭ');
  });
});
