import { describe, expect, it } from 'vitest';
import { acronymSpan, isAcronymWord } from './acronyms.js';
import { tokenize } from './tokenize.js';

/** The text of the acronym around the token whose text is `at` (its first occurrence). */
function spanText(text: string, at: string): string | undefined {
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.text === at);
  const s = acronymSpan(tokens, i);
  return s && text.slice(tokens[s[0]].start, tokens[s[1] - 1].end);
}

describe('dotted acronyms', () => {
  it('knows single letters, letter names and short Latin groups', () => {
    const words = tokenize('أ بي إم دبليو US وزير الـبي');
    expect(words.map(isAcronymWord)).toEqual([true, true, true, true, true, false, false]);
  });

  it('spans the letters and inner dots of an acronym from any of its tokens', () => {
    expect(spanText('أعلنت شركة بي.إم.دبليو أرباحها.', 'إم')).toBe('بي.إم.دبليو');
    expect(spanText('نقلت وكالة أ.ف.ب الخبر.', 'أ')).toBe('أ.ف.ب');
    expect(spanText('ذكرت U.S. News ذلك.', 'S')).toBe('U.S');
  });

  it('is not fooled by a full stop glued to a word, or by spaced letters', () => {
    expect(spanText('فاز بها.ثم غادر.', 'بها')).toBeUndefined();
    expect(spanText('مقابلة مع بي. بي. سي أمس.', 'بي')).toBeUndefined();
    expect(spanText('قرأ الحرف ب.', 'ب')).toBeUndefined();
  });
});
