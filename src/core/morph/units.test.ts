import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { ENCLITICS, listSplits, PROCLITIC_CHAINS, rawStem, splitParts, type Split } from './clitics.js';
import { applyScript, applyTemplate, parseRule, ScriptIndex, scriptFor, templateCore, templateFor, templateName, templateVariants } from './lemmatizer.js';
import { endingNeedsEnclitic, StemRestorer, stemVariants } from './restore.js';
import { firstPersonContext } from './segmenter.js';
import { searchKey } from './stemmer.js';
import { FeatureTable } from './table.js';
import { normalize } from '../text/normalize.js';
import { cleanKey, normKey, Vocabulary } from './vocabulary.js';

const splitsOf = (word: string): string[] => {
  const out: Split[] = [];
  const n = listSplits(word, out);
  return out.slice(0, n).map((s) => splitParts(s, rawStem(word, s)).join(' '));
};

describe('listSplits', () => {
  it('offers the unsplit reading first, then what the spelling allows', () => {
    const splits = splitsOf('وبالعراق');
    expect(splits[0]).toBe('وبالعراق');
    expect(splits).toContain('و ب العراق');
    expect(splits).toContain('و بالعراق');
  });

  it('gives back the article after ل (للعراق → ل العراق; للجنة → ل اللجنة)', () => {
    expect(splitsOf('للعراق')).toContain('ل العراق');
    expect(splitsOf('للجنة')).toContain('ل اللجنة');
    expect(splitsOf('وللعراق')).toContain('و ل العراق');
  });

  it('splits pronoun suffixes, and lets a preposition take a pronoun with no stem', () => {
    expect(splitsOf('عددها')).toContain('عدد ها');
    expect(splitsOf('له')).toEqual(['له', 'ل ه']);
    expect(splitsOf('وبهم')).toContain('و ب هم');
  });

  it('offers the future س only before an imperfect verb', () => {
    expect(splitsOf('وسيزور')).toContain('و س يزور');
    expect(splitsOf('ستجرى')).toContain('س تجرى');
    expect(splitsOf('سنعود')).toContain('س نعود');
    expect(splitsOf('سعادته').filter((s) => s.startsWith('س '))).toEqual([]);
    expect(splitsOf('وسهوب')).not.toContain('و س هوب');
  });

  it('never leaves a one-letter stem', () => {
    for (const word of ['وزير', 'بين', 'وبه', 'فيه', 'سيرى']) {
      const out: Split[] = [];
      const n = listSplits(word, out);
      for (const s of out.slice(1, n)) expect(s.stemEnd - s.stemStart === 0 || s.stemEnd - s.stemStart >= 2).toBe(true);
    }
    expect(splitsOf('بي')).toEqual(['بي', 'ب ي']);
  });

  it('always spells the token (property: letters kept in order, modulo restored article alef)', () => {
    const letters = [...'وفبكلسالعراقهمني'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }), (chars) => {
        const word = chars.join('');
        const out: Split[] = [];
        const n = listSplits(word, out);
        for (const s of out.slice(0, n)) {
          const chain = PROCLITIC_CHAINS[s.chain];
          const stem = word.slice(s.stemStart, s.stemEnd);
          expect(chain.surface + stem + ENCLITICS[s.enclitic]).toBe(word);
        }
      }),
    );
  });
});

describe('FeatureTable', () => {
  it('finds rows and survives serialization (16-bit weights)', () => {
    const keys = [0x12345678, 0x9abcdef0, 7];
    const rows = [1, -2, 0.5, 0, 3, -0.25];
    const t = FeatureTable.build(2, keys, rows);
    const back = FeatureTable.deserialize(t.serialize());
    for (const table of [t, back]) {
      expect(table.weight(0x9abcdef0, 1)).toBeCloseTo(0, 3);
      expect(table.weight(7, 0)).toBeCloseTo(3, 3);
      expect(table.weight(12345, 0)).toBe(0);
      const out = new Float64Array(2);
      table.addRow(0x12345678, out, 0);
      expect(out[1]).toBeCloseTo(-2, 3);
    }
  });

  it('refuses bytes that are not a table', () => {
    expect(() => FeatureTable.deserialize(new Uint8Array([1, 2, 3]))).toThrow(MarsadError);
    const bytes = FeatureTable.build(1, [5], [1]).serialize();
    expect(() => FeatureTable.deserialize(bytes.slice(0, bytes.length - 1))).toThrow(/bytes/u);
  });
});

describe('searchKey (stemmer rules 2 and 3)', () => {
  it.each([
    ['العراق', 'عراق'],
    ['عراق', 'عراق'],
    ['الله', 'الله'],
    ['وزير', 'وزير'],
    ['مسؤولية', 'مسووليه'],
    ['مستشفى', 'مستشفي'],
    ['الإمارات', 'امارات'],
    ['الـعـراق', 'عراق'],
  ])('%s → %s', (stem, key) => {
    expect(searchKey(stem)).toBe(key);
  });
});

describe('edit scripts', () => {
  it.each([
    ['الجامعات', 'جامعة'],
    ['اعلن', 'أعلن'],
    ['وزيرة', 'وزير'],
    ['يزور', 'زار'],
  ])('%s → %s round-trips', (form, lemma) => {
    const s = scriptFor(form, lemma);
    expect(s).toBeDefined();
    if (s) expect(applyScript(form, s)).toBe(lemma);
  });

  it('applies only where its affixes are, and the index finds it', () => {
    const s = scriptFor('الجامعات', 'جامعة');
    if (!s) throw new Error('no script');
    expect(applyScript('المدارس', s)).toBeUndefined();
    expect(applyScript('الحكومات', s)).toBe('حكومة');
    const index = new ScriptIndex([s]);
    expect(index.applicable('الحكومات')).toEqual([0]);
    expect(index.applicable('حكومة')).toEqual([]);
  });
});

describe('templates (lemmas an affix edit cannot reach)', () => {
  it('learns a broken plural from one pair and applies it to another', () => {
    const t = templateFor('المحاكم', 'محكمة');
    expect(t).toEqual({ form: 'ال12ا34', lemma: '1234ة' });
    if (!t) throw new Error('no template');
    expect(applyTemplate('المدارس', t)).toBe('مدرسة');
    expect(applyTemplate('المدارسة', t)).toBeUndefined();
  });

  it('learns hollow verbs, and never lets a slot stand for a weak letter', () => {
    const t = templateFor('يقوم', 'قام');
    expect(t).toEqual({ form: 'ي1و2', lemma: '1ا2' });
    if (!t) throw new Error('no template');
    expect(applyTemplate('يزور', t)).toBe('زار');
    expect(applyTemplate('يووم', t)).toBeUndefined();
  });

  it('leaves to edit scripts what they already do', () => {
    expect(templateFor('الجامعات', 'جامعة')).toBeUndefined();
    expect(templateFor('وزير', 'وزير')).toBeUndefined();
  });

  it('serves the bare, the accusative and the definite forms from one core', () => {
    const t = templateFor('جذورا', 'جذر');
    if (!t) throw new Error('no template');
    const core = templateCore(t);
    expect(core).toEqual({ form: '12و3', lemma: '123' });
    const index = new ScriptIndex(templateVariants(core).map((v) => parseRule(templateName(v))));
    for (const form of ['قلوب', 'القلوب', 'قلوبا']) {
      const found = index.applicable(form).map((i) => index.apply(i, form));
      expect(found).toEqual(['قلب']);
    }
    expect(index.applicable('قلبا').map((i) => index.apply(i, 'قلبا')).filter((l) => l !== undefined)).toEqual([]);
  });
});

describe('firstPersonContext', () => {
  it('flags the other tokens of a sentence that has a first-person word, never the word itself', () => {
    expect([...firstPersonContext(['قال', 'انا', 'احب', 'اسلوبي'])]).toEqual([1, 0, 1, 1]);
    expect([...firstPersonContext(['نحن', 'نرى', 'ان', 'ارضنا', 'لنا'])]).toEqual([1, 1, 1, 1, 1]);
    expect([...firstPersonContext(['قال', 'الوزير', 'ان', 'اسلوبه', undefined])]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('stemVariants', () => {
  it('proposes hamza on an initial alef, after the article too', () => {
    expect(stemVariants('اعلن', false)).toContain('أعلن');
    expect(stemVariants('الاسلحة', false)).toContain('الأسلحة');
  });

  it('restores what a suffix hid: ة, ى, وا, ء', () => {
    expect(stemVariants('حيات', true)).toContain('حياة');
    expect(stemVariants('مستوا', true)).toContain('مستوى');
    expect(stemVariants('نقلو', true)).toContain('نقلوا');
    expect(stemVariants('لقائ', true)).toContain('لقاء');
    expect(stemVariants('حيات', false)).not.toContain('حياة');
  });
});

describe('endingNeedsEnclitic', () => {
  it('knows which restored endings only a pronoun suffix licenses', () => {
    expect(endingNeedsEnclitic('منعت', 'منعة')).toBe(true);
    expect(endingNeedsEnclitic('مستوا', 'مستوى')).toBe(true);
    expect(endingNeedsEnclitic('نقلو', 'نقلوا')).toBe(true);
    expect(endingNeedsEnclitic('لقائ', 'لقاء')).toBe(true);
  });

  it('leaves other restorations alone: hamza, final ه read as ة, the word as written', () => {
    expect(endingNeedsEnclitic('اصابت', 'أصابت')).toBe(false);
    expect(endingNeedsEnclitic('أنقره', 'أنقرة')).toBe(false);
    expect(endingNeedsEnclitic('خطأ', 'خطإ')).toBe(false);
    expect(endingNeedsEnclitic('منعت', 'منعت')).toBe(false);
  });
});

describe('StemRestorer', () => {
  const forms = new Map([['الإحجام', 'الإحجام'], ['المبدأ', 'المبدإ'], ['اعلن', 'أعلن']].map(([s, f]) => [normalize(s), f]));
  const restorer = new StemRestorer(forms, new Map(), undefined, new Vocabulary(FeatureTable.build(1, [], [])));
  const at = { prev: undefined, prev2: undefined, next: undefined, token: '', chain: 0 };

  it('takes the form PADT used for the stem', () => {
    expect(restorer.restore('الاحجام', false, at)).toBe('الإحجام');
    expect(restorer.restore('اعلن', false, at)).toBe('أعلن');
  });

  it("keeps the writer's hamza on the first alef, which tells words apart, but not a final seat, which PADT writes by case", () => {
    expect(restorer.restore('الأحجام', false, at)).toBe('الأحجام');
    expect(restorer.restore('المبدأ', false, at)).toBe('المبدإ');
  });
});

describe('Vocabulary', () => {
  it('reads a frequency that only a key collision with a cluster or ambiguity id can give as unseen', () => {
    // One table holds every kind of key: a form whose hash met a cluster id (here 433) must not look frequent.
    const table = FeatureTable.build(1, [cleanKey('أقتناعاة'), cleanKey('إحياء'), normKey('احياء'), normKey('مؤتمر')], [433, 6.64, 7.1, 2000]);
    const vocab = new Vocabulary(table);
    expect(vocab.clean('أقتناعاة')).toBe(0);
    expect(vocab.clean('إحياء')).toBeCloseTo(6.64, 1);
    expect(vocab.norm('احياء')).toBeCloseTo(7.1, 1);
    expect(vocab.norm('مؤتمر')).toBe(0);
    expect(vocab.normWithPrefix('', 'مؤتمر', 0, 5)).toBe(0);
  });
});
