import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { cleanForm, restorationCost } from './orthography.js';
import { parseConllu, parsePadtTxt, parseTreebank, recoverPartCount } from './treebank.js';

// Sentences written for these tests, in the reduced PADT format: a fused token is an item
// tagged `_` followed by its parts.
const PADT = [
  ['وبالعراق و ب العراق زار الوزير للحكومة ل الحكومة مقرها مقر ها .', '_ CCONJ ADP NOUN VERB NOUN _ ADP NOUN _ NOUN PRON PUNCT'],
  ['حياتهم حياة هم واعلن و أعلن انه أن ه سيزور س يزور ٢٠١٥ .', '_ NOUN PRON _ CCONJ VERB _ SCONJ PRON _ AUX VERB NUM PUNCT'],
  ['نقلوه نقلوا ه عما عن ما _ قيل .', '_ VERB PRON _ ADP DET _ VERB PUNCT'],
]
  .map(([items, tags]) => `${items}\t${tags}`)
  .join('\n');

describe('cleanForm', () => {
  it('removes diacritics and tatweel but keeps hamza, alef maqsura and ta marbuta', () => {
    expect(cleanForm('وَبِالعِـرَاقِ')).toBe('وبالعراق');
    expect(cleanForm('أَعْلَنَ')).toBe('أعلن');
    expect(cleanForm('مُسْتَوَى')).toBe('مستوى');
    expect(cleanForm('الـمـسـؤولـيـة')).toBe('المسؤولية');
    expect(cleanForm('٢٠١٥')).toBe('2015');
  });
});

describe('restorationCost', () => {
  it.each([
    ['للحكومة', 'لالحكومة', 0.5],
    ['حياتهم', 'حياةهم', 0],
    ['واعلن', 'وأعلن', 0],
    ['نقلوه', 'نقلواه', 0.5],
    ['مما', 'منما', 0.5],
    ['لشئون', 'لشؤون', 0],
  ])('%s spelled by %s costs %d', (surface, target, cost) => {
    expect(restorationCost(surface, target)).toBe(cost);
  });

  it('charges unrelated letters', () => {
    expect(restorationCost('كتاب', 'كتب')).toBeGreaterThanOrEqual(1);
  });
});

describe('parsePadtTxt', () => {
  const tb = parsePadtTxt(PADT);

  it('recovers fused tokens and their parts, across PADT restorations', () => {
    const s = tb.sentences[0];
    expect(s.tokens.map((t) => t.form)).toEqual(['وبالعراق', 'زار', 'الوزير', 'للحكومة', 'مقرها', '.']);
    expect(s.tokens[0].words.map((w) => `${w.form}/${w.upos}`)).toEqual(['و/CCONJ', 'ب/ADP', 'العراق/NOUN']);
    expect(s.tokens[3].words.map((w) => w.form)).toEqual(['ل', 'الحكومة']);
    const s2 = tb.sentences[1];
    expect(s2.tokens.map((t) => t.words.length)).toEqual([2, 2, 2, 2, 1, 1]);
    expect(s2.tokens[2].words.map((w) => w.form)).toEqual(['أن', 'ه']);
  });

  it('drops items "_" tagged "_" and counts what it read', () => {
    expect(tb.sentences[2].tokens.map((t) => t.form)).toEqual(['نقلوه', 'عما', 'قيل', '.']);
    expect(tb.stats).toMatchObject({ sentences: 3, fused: 9, droppedEmpty: 1, partCounts: { 2: 8, 3: 1 }, unresolved: 0 });
    expect(tb.stats.words).toBe(tb.sentences.reduce((n, s) => n + s.tokens.reduce((m, t) => m + t.words.length, 0), 0));
  });

  it('picks the part count whose letters spell the token', () => {
    const items = ['و', 'ل', 'ه', 'في', 'البيت'];
    const tags = ['CCONJ', 'ADP', 'PRON', 'ADP', 'NOUN'];
    expect(recoverPartCount('وله', items, tags, 0).count).toBe(3);
  });

  it('rejects a line whose item and tag counts differ', () => {
    expect(() => parsePadtTxt('كتب الولد\tVERB')).toThrow(MarsadError);
  });
});

describe('parseConllu', () => {
  const conllu = [
    '# sent_id = t1',
    '# text = وبالعراق زار الوزيرُ.',
    '1-3\tوبالعراق\t_\t_\t_\t_\t_\t_\t_\t_',
    '1\tو\tوَ\tCCONJ\t_\t_\t_\t_\t_\t_',
    '2\tب\tبِ\tADP\t_\t_\t_\t_\t_\t_',
    '3\tالعراق\tعِرَاق\tNOUN\t_\t_\t_\t_\t_\t_',
    '4\tزار\tزَار\tVERB\t_\t_\t_\t_\t_\t_',
    '5\tالوزير\tوَزِير\tNOUN\t_\t_\t_\t_\t_\tSpaceAfter=No',
    '6\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_',
    '',
  ].join('\n');

  it('reads multiword-token ranges, lemmas and UPOS', () => {
    const tb = parseConllu(conllu);
    expect(tb.hasLemmas).toBe(true);
    expect(tb.hasUpos).toBe(true);
    expect(tb.sentences[0].id).toBe('t1');
    expect(tb.sentences[0].tokens.map((t) => t.words.length)).toEqual([3, 1, 1, 1]);
    expect(tb.sentences[0].tokens[0].words[2].lemma).toBe('عِرَاق');
  });

  it('rebuilds fused tokens from # text when the file has no ranges (SIGMORPHON style)', () => {
    const noRanges = [
      '# text = للمرشحين عليهم، ٣ أيام',
      '1\tل\tلِ\t_\t_\t_\t_\t_\t_\t_',
      '2\tالمرشحين\tمُرَشَّح\t_\t_\t_\t_\t_\t_\t_',
      '3\tعلي\tعَلَى\t_\t_\t_\t_\t_\t_\t_',
      '4\tهم\tهُوَ\t_\t_\t_\t_\t_\t_\t_',
      '5\t،\t،\t_\t_\t_\t_\t_\t_\t_',
      '6\t3\t3\t_\t_\t_\t_\t_\t_\t_',
      '7\tأيام\tيَوم\t_\t_\t_\t_\t_\t_\t_',
      '',
    ].join('\n');
    const tb = parseConllu(noRanges);
    expect(tb.sentences[0].tokens.map((t) => t.form)).toEqual(['للمرشحين', 'عليهم', '،', '3', 'أيام']);
    expect(tb.hasUpos).toBe(false);
  });

  it('keeps numbers glued to a clitic as tokens of their own, as PADT does (و6 → و, 6)', () => {
    const glued = ['# text = فاز 6-3 و6-4', '1\tفاز\t_\t_\t_\t_\t_\t_\t_\t_', '2\t6\t_\t_\t_\t_\t_\t_\t_\t_', '3\t-\t_\t_\t_\t_\t_\t_\t_\t_', '4\t3\t_\t_\t_\t_\t_\t_\t_\t_', '5\tو\t_\t_\t_\t_\t_\t_\t_\t_', '6\t6\t_\t_\t_\t_\t_\t_\t_\t_', '7\t-\t_\t_\t_\t_\t_\t_\t_\t_', '8\t4\t_\t_\t_\t_\t_\t_\t_\t_', ''].join('\n');
    expect(parseConllu(glued).sentences[0].tokens.map((t) => t.form)).toEqual(['فاز', '6', '-', '3', 'و', '6', '-', '4']);
  });

  it('is chosen by parseTreebank for 10-column input, the PADT reader otherwise', () => {
    expect(parseTreebank(conllu).hasLemmas).toBe(true);
    expect(parseTreebank(PADT).stats.sentences).toBe(3);
    expect(() => parseTreebank('\n# only a comment\n')).toThrow(MarsadError);
  });
});
