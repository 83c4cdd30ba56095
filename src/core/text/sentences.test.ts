import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicText } from './arbitraries.test-util.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

function split(text: string): string[] {
  return splitSentences(text, tokenize(text)).map((s) => (s.kind === 'heading' ? '# ' : '') + text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits on . ! ? ؟ … .. and newlines', () => {
    expect(split('ذهب أحمد. هل عاد؟ نعم! ثم… انتهى.. وبعد\nسطر جديد')).toEqual([
      'ذهب أحمد.',
      'هل عاد؟',
      'نعم!',
      'ثم…',
      'انتهى..',
      'وبعد',
      'سطر جديد',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(split('وقال: "نحن مستعدون." ثم غادر. وأضاف: «انتهى الأمر.» وسكت.')).toEqual([
      'وقال: "نحن مستعدون."',
      'ثم غادر.',
      'وأضاف: «انتهى الأمر.»',
      'وسكت.',
    ]);
  });

  it('does not end a sentence at an abbreviation or inside a decimal number', () => {
    expect(split('قال د. أحمد إن النمو بلغ 3.5 في المئة. وأكد أ. سامي ذلك.')).toEqual([
      'قال د. أحمد إن النمو بلغ 3.5 في المئة.',
      'وأكد أ. سامي ذلك.',
    ]);
  });

  it('does not end a sentence inside a dotted acronym', () => {
    expect(split('باريس (أ.ف.ب) - أعلنت شركة بي.بي إغلاق مصفاتها، ونقلت شبكة سي.إن.إن الخبر. وتابع المتحدث.')).toEqual([
      'باريس (أ.ف.ب) - أعلنت شركة بي.بي إغلاق مصفاتها، ونقلت شبكة سي.إن.إن الخبر.',
      'وتابع المتحدث.',
    ]);
    // The dot that closes an acronym ends the sentence only before an opener or a line break.
    expect(split('ذكرت مجلة U.S. News ذلك. ونقلت وكالة أ.ف.ب. وقال الوزير إنه راضٍ.')).toEqual([
      'ذكرت مجلة U.S. News ذلك.',
      'ونقلت وكالة أ.ف.ب.',
      'وقال الوزير إنه راضٍ.',
    ]);
  });

  it('still ends a sentence at a full stop glued to the next word', () => {
    expect(split('انتهى الاجتماع.وقال الوزير إنه راضٍ. فاز بها.ثم غادر.')).toEqual(['انتهى الاجتماع.', 'وقال الوزير إنه راضٍ.', 'فاز بها.', 'ثم غادر.']);
  });

  it('gives an inline sub-heading its own span', () => {
    expect(split('وتعهد الوزير بدعم الجيش. صفقات الأسلحة الجديدة للجزائر وأوضح المتحدث، أن الصفقات كبيرة.')).toEqual([
      'وتعهد الوزير بدعم الجيش.',
      '# صفقات الأسلحة الجديدة للجزائر',
      'وأوضح المتحدث، أن الصفقات كبيرة.',
    ]);
    expect(split('أزمة المياه فى ٢٠١٥ ومن جانبه، قال الخبير إن الوضع صعب.')[0]).toBe('# أزمة المياه فى ٢٠١٥');
  });

  it('does not take an ordinary sentence for a heading', () => {
    expect(split('أكد الوزير وقال إن الأمر انتهى.')).toEqual(['أكد الوزير وقال إن الأمر انتهى.']);
    expect(split('في القاهرة وقال الرئيس كلمته.')).toEqual(['في القاهرة وقال الرئيس كلمته.']);
    expect(split('الرئيس وأكد.')).toEqual(['الرئيس وأكد.']); // one word is too short for a heading
  });

  it('sentences are ordered, in bounds and never overlap, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), arabicText), (s) => {
        const tokens = tokenize(s);
        const sentences = splitSentences(s, tokens);
        let pos = 0;
        for (const sentence of sentences) {
          expect(sentence.start).toBeGreaterThanOrEqual(pos);
          expect(sentence.end).toBeGreaterThan(sentence.start);
          expect(sentence.end).toBeLessThanOrEqual(s.length);
          pos = sentence.end;
        }
        // Every token lies in exactly one sentence.
        for (const t of tokens) expect(sentences.filter((x) => x.start <= t.start && t.end <= x.end)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
