import { describe, expect, it } from 'vitest';
import { formatNerScores, mapEntityType, parseGold, parseTag, scoreNer, spansToTags, tagSpans } from './conll.js';

describe('tagSpans (conlleval chunking)', () => {
  it.each([
    [['B-PER', 'I-PER', 'O', 'B-LOC'], ['PER 0-2', 'LOC 3-4']],
    // I- after O starts a chunk, as conlleval reads IOB1-style continuations.
    [['O', 'I-ORG', 'I-ORG'], ['ORG 1-3']],
    // A type change inside a run starts a new chunk.
    [['B-PER', 'I-LOC'], ['PER 0-1', 'LOC 1-2']],
    [['B-LOC', 'B-LOC'], ['LOC 0-1', 'LOC 1-2']],
    [['B-PERS', 'I-PERS'], ['PER 0-2']],
  ])('%j', (tags, expected) => {
    expect(tagSpans(tags).map((s) => `${s.type} ${s.start}-${s.end}`)).toEqual(expected);
  });

  it('round-trips through spansToTags', () => {
    const tags = ['B-PER', 'I-PER', 'O', 'B-ORG', 'B-LOC', 'I-LOC'];
    expect(spansToTags(tagSpans(tags), tags.length)).toEqual(tags);
  });
});

describe('type mapping', () => {
  it.each([
    ['PERS', 'PER'],
    ['MIS1`', 'MISC'],
    ['MIS-1', 'MISC'],
    ['MISS1', 'MISC'],
    ['-ORG', 'ORG'],
    ['GPE', 'LOC'],
    ['FAC', 'LOC'],
    ['CURR', 'MISC'],
    ['NORP', undefined],
    ['OCC', undefined],
    ['ENGLISH', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(mapEntityType(raw)).toBe(expected);
  });

  it('reads AQMAR typos and odd O tags', () => {
    expect(parseTag('I--ORG')).toEqual({ prefix: 'I', type: 'ORG' });
    expect(parseTag('OO')).toEqual({ prefix: 'O' });
    expect(parseTag('B-ENGLISH')).toEqual({ prefix: 'O' });
  });
});

describe('parseGold', () => {
  it('reads ANERcorp-style sentences', () => {
    const text = ['زار B-PERS', 'أحمد I-PERS', 'القاهرة B-LOC', '. O', '', 'وقال O', 'سامح B-PERS', ''].join('\n');
    const s = parseGold(text);
    expect(s).toHaveLength(2);
    expect(s[0].tokens).toEqual(['زار', 'أحمد', 'القاهرة', '.']);
    // The first tag was I- after nothing; conlleval treats it as a chunk start, and so do we.
    expect(s[0].tags).toEqual(['B-PER', 'I-PER', 'B-LOC', 'O']);
    expect(s[1].tags).toEqual(['O', 'B-PER']);
  });

  it('resolves Wojood nesting to the outermost mapped spans and splits at document markers', () => {
    const text = [
      'أمين B-OCC',
      'عام I-OCC',
      'جامعة I-OCC B-ORG',
      'الدول I-OCC I-ORG',
      'العربية I-OCC I-ORG I-NORP',
      '$#$ O',
      'زار O',
      'بيروت B-GPE',
    ].join('\n');
    const s = parseGold(text);
    expect(s).toHaveLength(2);
    expect(s[0].tags).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG']);
    expect(s[1].tags).toEqual(['O', 'B-LOC']);
  });
});

describe('scoreNer', () => {
  it('counts exact span-and-type matches only', () => {
    const gold = [['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG']];
    const pred = [['B-PER', 'O', 'O', 'B-LOC', 'O', 'B-LOC']];
    const s = scoreNer(gold, pred);
    expect(s.overall.gold).toBe(3);
    expect(s.overall.predicted).toBe(3);
    expect(s.overall.correct).toBe(1);
    expect(s.overall.f1).toBeCloseTo(33.33, 2);
    expect(s.byType.LOC.precision).toBe(50);
    expect(s.byType.LOC.recall).toBe(100);
    expect(s.byType.PER.f1).toBe(0);
    expect(formatNerScores(s).split('\n').at(-1)).toBe('overall F1 33.33');
  });
});
