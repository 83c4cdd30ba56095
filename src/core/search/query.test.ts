import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { analyzeQuery, parseQuery, toFtsMatch } from './query.js';
import { termForms } from './terms.js';

/** Whitespace tokenizer for query tests: the real analyzer is injected in the store. */
const forms = (text: string) =>
  text
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => termForms({ start: 0, end: w.length, text: w, norm: normalize(w), kind: /\p{L}|\p{N}/u.test(w) ? 'word' : 'punct' }, normalize))
    .filter((f) => f !== undefined);

describe('parseQuery', () => {
  it.each([
    ['العراق روسيا', { clauses: [[{ kind: 'term', text: 'العراق' }], [{ kind: 'term', text: 'روسيا' }]], exclusions: [] }],
    ['"وزير الخارجية" لافروف', { clauses: [[{ kind: 'phrase', text: 'وزير الخارجية' }], [{ kind: 'term', text: 'لافروف' }]], exclusions: [] }],
    ['«الأمم المتحدة»', { clauses: [[{ kind: 'phrase', text: 'الأمم المتحدة' }]], exclusions: [] }],
    ['العراق -سوريا', { clauses: [[{ kind: 'term', text: 'العراق' }]], exclusions: [{ kind: 'term', text: 'سوريا' }] }],
    ['العراق -"الأمم المتحدة"', { clauses: [[{ kind: 'term', text: 'العراق' }]], exclusions: [{ kind: 'phrase', text: 'الأمم المتحدة' }] }],
    [
      'العراق روسيا OR سوريا',
      {
        clauses: [[{ kind: 'term', text: 'العراق' }], [{ kind: 'term', text: 'روسيا' }, { kind: 'term', text: 'سوريا' }]],
        exclusions: [],
      },
    ],
    ['مصر | تونس', { clauses: [[{ kind: 'term', text: 'مصر' }, { kind: 'term', text: 'تونس' }]], exclusions: [] }],
    // Stray operators and an unclosed quote do not break parsing.
    ['OR العراق "روسيا', { clauses: [[{ kind: 'term', text: 'العراق' }], [{ kind: 'phrase', text: 'روسيا' }]], exclusions: [] }],
    ['- ( )', { clauses: [], exclusions: [] }],
  ])('%s', (q, expected) => {
    expect(parseQuery(q)).toEqual(expected);
  });
});

describe('parseQuery with plain syntax', () => {
  it.each([
    ['آبل" تحتفل بـ"آيفون"', ['آبل', 'تحتفل', 'بـ', 'آيفون']],
    ['الشراكة العربية -الأوروبية', ['الشراكة', 'العربية', '-الأوروبية']],
    ['«الأمم المتحدة» OR مجلس الأمن', ['الأمم', 'المتحدة', 'OR', 'مجلس', 'الأمن']],
    ['  " ', []],
  ])('%s', (q, words) => {
    const parsed = parseQuery(q, 'plain');
    expect(parsed.exclusions).toEqual([]);
    expect(parsed.clauses).toEqual(words.map((text) => [{ kind: 'term', text }]));
  });
});

describe('analyzeQuery', () => {
  it('drops stop words from multi-word queries but not from phrases', () => {
    const q = analyzeQuery(parseQuery('العراق فى "التعاون فى المجال"'), forms);
    expect(q.clauses.map((c) => c[0].text)).toEqual(['العراق', 'التعاون فى المجال']);
    expect(q.clauses[1][0].forms.map((f) => f.norm)).toEqual(['التعاون', 'في', 'المجال']);
  });

  it('keeps the whole run of words, function words included, for a query without OR or exclusions', () => {
    expect(analyzeQuery(parseQuery('قتلى فى إطلاق نار بأمريكا'), forms).whole).toBe('قتلى في اطلاق نار بامريكا');
    expect(analyzeQuery(parseQuery('الشراكة "العربية الأوروبية" : ٢٠٢٦'), forms).whole).toBe('الشراكة العربية الاوروبية 2026');
    expect(analyzeQuery(parseQuery('مصر OR تونس'), forms).whole).toBeUndefined();
    expect(analyzeQuery(parseQuery('مصر -تونس'), forms).whole).toBeUndefined();
    // In plain syntax `OR` is a word of the headline.
    expect(analyzeQuery(parseQuery('مصر OR تونس', 'plain'), forms).whole).toBe('مصر or تونس');
  });

  it('keeps a stop word when it is all the query has', () => {
    expect(analyzeQuery(parseQuery('فى'), forms).clauses).toHaveLength(1);
  });
});

describe('proclitic variants', () => {
  it('expands a bare query word with proclitics, not a word that has them or the article', () => {
    const on = { procliticVariants: true };
    const [item] = analyzeQuery(parseQuery('روسيا'), forms, on).clauses[0];
    expect(item.variants).toEqual(expect.arrayContaining(['وروسيا', 'بروسيا', 'لروسيا', 'وبروسيا']));
    expect(analyzeQuery(parseQuery('روسيا'), forms).clauses[0][0].variants).toBeUndefined();
    expect(analyzeQuery(parseQuery('والعراق'), forms, on).clauses[0][0].variants).toBeUndefined();
    expect(analyzeQuery(parseQuery('العراق'), forms, on).clauses[0][0].variants).toBeUndefined();
    expect(analyzeQuery(parseQuery('"روسيا والعراق"'), forms, on).clauses[0][0].variants).toBeUndefined();
    expect(analyzeQuery(parseQuery('في'), forms, on).clauses[0][0].variants).toBeUndefined();
  });
});

describe('toFtsMatch', () => {
  const cols = { norm: ['n'], base: ['b'], stem: ['s'] };
  it('matches a word on any form and quotes every term', () => {
    const expr = toFtsMatch(analyzeQuery(parseQuery('والعراق'), forms), cols, { proximity: false });
    expect(expr).toBe('({n} : "والعراق" OR {b} : "عراق" OR {s} : "عراق")');
  });

  it('joins clauses with AND or OR and appends exclusions on exact and base forms only', () => {
    const q = analyzeQuery(parseQuery('العراق روسيا -سوريا'), forms, { procliticVariants: true });
    expect(toFtsMatch(q, cols, 'all')).toContain(' AND ');
    expect(toFtsMatch(q, cols, 'any')).toContain(' OR ');
    const expr = toFtsMatch(q, cols)!;
    const excluded = expr.slice(expr.indexOf(' NOT '));
    expect(excluded).toContain('{n} : "سوريا"');
    expect(excluded).toContain('{n} : "وسوريا"');
    expect(excluded).toContain('{b} : "سوريا"');
    expect(excluded).not.toContain('{s}');
  });

  it('adds the clitic-free pairs of consecutive words for proximity, inside a part every match satisfies', () => {
    const q = analyzeQuery(parseQuery('وزير الخارجية'), forms);
    const expr = toFtsMatch(q, cols, { mode: 'all', proximity: true })!;
    expect(expr).toContain('{b} : "وزير خارجية"');
    expect(expr.startsWith('((')).toBe(true);
    expect(toFtsMatch(q, cols, { mode: 'all', proximity: false })).not.toContain('"وزير خارجية"');
    expect(toFtsMatch(analyzeQuery(parseQuery('العراق'), forms), cols)).not.toContain(' AND ');
  });

  it('is undefined without a positive term', () => {
    expect(toFtsMatch(analyzeQuery(parseQuery('-سوريا'), forms), cols)).toBeUndefined();
  });
});
