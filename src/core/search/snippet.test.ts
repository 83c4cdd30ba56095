import { describe, expect, it } from 'vitest';
import type { Token } from '../document.js';
import { normalize } from '../text/normalize.js';
import { analyzeQuery, parseQuery } from './query.js';
import { buildSnippet, highlightAll, matchPositions } from './snippet.js';
import { indexTerms, termForms } from './terms.js';

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}\u0640]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    text: m[0],
    norm: normalize(m[0]),
    kind: /^[\p{L}\p{M}]/u.test(m[0]) ? 'word' : /^\p{N}/u.test(m[0]) ? 'number' : 'punct',
  }));
}
const forms = (t: string) => tokens(t).map((x) => termForms(x, normalize)).filter((f) => f !== undefined);

const TEXT = 'قالت الوزارة إن وزير الخارجيـة الروسى وصل إلى بغداد، وإن المحادثات فى بغدادَ تناولت النفط والغاز. ' + 'وأضافت أن الوفد سيزور البصرة بعد ذلك لبحث ملفات أخرى تخص الموانئ والنقل والكهرباء.';

describe('snippets', () => {
  const terms = indexTerms(tokens(TEXT), normalize);

  it('highlights original spans, diacritics and tatweel included', () => {
    const q = analyzeQuery(parseQuery('بغداد "وزير الخارجية"'), forms);
    const runs = matchPositions(q, terms);
    const s = buildSnippet(TEXT, terms, runs, { windowTokens: 40 });
    expect(s.highlights.map((h) => TEXT.slice(h.start, h.end))).toEqual(['وزير الخارجيـة', 'بغداد', 'بغدادَ']);
    expect(s.text).toBe(TEXT.slice(s.start, s.end));
  });

  it('centres a short window on the densest cluster of matches and cuts on token boundaries', () => {
    const q = analyzeQuery(parseQuery('الموانئ الكهرباء'), forms);
    const s = buildSnippet(TEXT, terms, matchPositions(q, terms), { windowTokens: 8 });
    expect(s.truncatedStart).toBe(true);
    expect(s.highlights.map((h) => TEXT.slice(h.start, h.end))).toEqual(['الموانئ', 'والكهرباء']);
    expect(s.text.endsWith('والكهرباء.')).toBe(true);
    expect(/^\p{L}/u.test(s.text)).toBe(true);
  });

  it('falls back to the start of the text without matches', () => {
    const s = buildSnippet(TEXT, terms, [], { windowTokens: 5 });
    expect(s.start).toBe(0);
    expect(s.truncatedEnd).toBe(true);
    expect(s.highlights).toEqual([]);
  });

  it('highlights every match in a title', () => {
    const title = 'بغداد تستقبل وزير الخارجية';
    const t = indexTerms(tokens(title), normalize);
    const spans = highlightAll(t, matchPositions(analyzeQuery(parseQuery('وزير بغداد'), forms), t));
    expect(spans.map((h) => title.slice(h.start, h.end))).toEqual(['بغداد', 'وزير']);
  });
});
