/**
 * The committed NER model (which reads the morphology, so tokens go through the committed
 * morphology stage first, as in the analyzer) on sentences written for these tests in Egyptian-press style
 * (final ى for ي, فى), with diacritics, tatweel, hamza forms (أ إ آ ء ئ ؤ), Arabic-Indic
 * digits and words glued by scraping, split as the repair stage splits them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, type Token } from '../core/document.js';
import { createNerStage } from '../core/entities/stage.js';
import { tokenize } from '../core/text/tokenize.js';
import { recognizeEntities, recognizeMentions, trimFirstWord, withWholeAcronyms, type RecognizedMention } from '../core/entities/recognize.js';
import { type NerModel, NerTagger } from '../core/entities/tagger.js';
import { createPipeline, type Stage } from '../core/pipeline.js';
import { normalize } from '../core/text/normalize.js';
import { createMorphologyStage } from '../core/morph/stage.js';
import { loadModel } from './models.js';
import { loadNer } from './ner.js';

/**
 * A stand-in for the tokenizer and the repair stage: words and punctuation marks with their
 * offsets; the words in `glued` are split at the given code unit, keeping original offsets.
 */
function tokens(text: string, glued: Record<string, number> = {}): Token[] {
  const out: Token[] = [];
  const push = (start: number, s: string): void => {
    out.push({ start, end: start + s.length, text: s, norm: normalize(s), kind: /\p{L}/u.test(s) ? 'word' : 'punct' });
  };
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}\u0640]+|\S/gu)) {
    const start = m.index ?? 0;
    const cut = glued[m[0]];
    if (cut) {
      push(start, m[0].slice(0, cut));
      push(start + cut, m[0].slice(cut));
    } else push(start, m[0]);
  }
  return out;
}

let model: NerModel;
let tagger: NerTagger;
let morphology: Stage;
beforeAll(() => {
  model = loadNer();
  tagger = new NerTagger(model);
  morphology = createMorphologyStage(loadModel('morph').files);
});

/** Tokens of a text as the tokenizer, repair and morphology stages would give them. */
function analyzedTokens(text: string, glued?: Record<string, number>): Token[] {
  const doc = createDocument(text);
  doc.tokens = tokens(text, glued);
  morphology.run(doc, {});
  return doc.tokens;
}

const found = (text: string, glued?: Record<string, number>): string[] =>
  recognizeMentions(tagger, text, analyzedTokens(text, glued)).map((m) => `${m.type} ${m.name} «${m.text}»`);

describe('recognition on Egyptian-press spelling', () => {
  it.each([
    [
      'التقى وزير الخارجية المصرى سامح شكرى نظيره الأردنى أيمن الصفدى فى عمّان أمس .',
      ['PER سامح شكري «سامح شكرى»', 'PER ايمن الصفدي «أيمن الصفدى»', 'LOC عمان «عمّان»'],
    ],
    [
      'زار الرئيـــس الفرنسىّ إيمانويل ماكرون القاهرة يوم ٢٠ مارس ٢٠١٩ ، والتقى الرئيس عبد الفتاح السيسى .',
      ['PER ايمانويل ماكرون «إيمانويل ماكرون»', 'LOC القاهرة «القاهرة»', 'PER عبد الفتاح السيسي «عبد الفتاح السيسى»'],
    ],
    [
      'أكّد مسؤول فى هيئة الأمم المتحدة أن رئيس الوزراء العراقىّ حيدر العبادى سيزور القاهرة يوم ١٥ أبريل .',
      ['ORG الامم المتحدة «الأمم المتحدة»', 'PER حيدر العبادي «حيدر العبادى»', 'LOC القاهرة «القاهرة»'],
    ],
    ['ونقلت وكالة سبوتنيك الروسية عن الوزير قوله إن العلاقات مع إيران قوية .', ['ORG سبوتنيك «سبوتنيك»', 'LOC ايران «إيران»']],
    [
      'وذكرت صحيفة "الأهرام" أن شركة أرامكو وقّعت اتفاقا مع جامعة القاهرة .',
      ['ORG الاهرام «الأهرام»', 'ORG ارامكو «أرامكو»', 'ORG جامعة القاهرة «جامعة القاهرة»'],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('mention offsets', () => {
  it('finds both names in a glued pair once repaired, without the conjunction', () => {
    const text = 'وتناولت المباحثات العلاقات بين مصروالسودان وسبل دعم التعاون .';
    expect(found(text, { مصروالسودان: 3 })).toEqual(['LOC مصر «مصر»', 'LOC السودان «السودان»']);
  });

  it('drops proclitics before the article, and ل of لل, keeping the name whole', () => {
    const text = 'وأشار رئيس الوزراء اللبنانى سعد الحريرى إلى أن لبنان ينتظر مساعدات من البنك الدولى للعراق وسوريا .';
    const ms = recognizeMentions(tagger, text, analyzedTokens(text));
    const iraq = ms.find((m) => m.name === 'العراق');
    expect(iraq?.text).toBe('لعراق');
    expect(text.slice(iraq?.start, iraq?.end)).toBe('لعراق');
    expect(ms.map((m) => m.name)).toContain('سوريا');
  });

  it('keeps mention text equal to the original slice, through diacritics and tatweel', () => {
    const texts = [
      'زار الرئيـــس الفرنسىّ إيمانويل ماكرون القاهرة يوم ٢٠ مارس ٢٠١٩ .',
      'وقالت الرئاسة السوريّة إن الرئيس بشّار الأسد استقبل فى دمشق وفداً برئاسة نائب وزير الخارجية .',
      'وصل وزيـر الخارجيـة إلى بغدادوموسكو .',
    ];
    for (const text of texts) {
      for (const m of recognizeMentions(tagger, text, analyzedTokens(text, { بغدادوموسكو: 5 }))) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(normalize(m.text)).not.toMatch(/^[وفب]ال/u);
      }
    }
  });

  it('groups mentions by type and normalized name, ids in order of first mention', () => {
    const text = 'وقال الرئيس الأمريكى دونالد ترامب إن واشنطن لن تسمح بذلك . وأكد دونالد ترامب أن القرار نهائى .';
    const entities = recognizeEntities(tagger, text, analyzedTokens(text));
    expect(entities[0]).toMatchObject({ id: 'e1', type: 'PER', name: 'دونالد ترامب' });
    expect(entities[0].mentions).toHaveLength(2);
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
  });
});

describe('withWholeAcronyms', () => {
  const text = 'أعلنت شركة بي.إم.دبليو ومجموعة بي.بي أرباحهما.';
  const tokens = tokenize(text);
  const at = (word: string, from = 0): number => tokens.findIndex((t, i) => i >= from && t.text === word);
  const mention = (i: number, type: RecognizedMention['type'] = 'ORG'): RecognizedMention => ({ start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, type, name: tokens[i].norm, tokens: [i, i + 1] });

  it('widens a mention on one letter of a dotted acronym to the whole acronym', () => {
    const out = withWholeAcronyms(text, tokens, [mention(at('إم'))]);
    expect(out.map((m) => [m.text, m.name])).toEqual([['بي.إم.دبليو', 'بي.ام.دبليو']]);
  });

  it('merges the mentions NER gave each letter, and leaves other mentions alone', () => {
    const first = at('بي', at('ومجموعة'));
    const out = withWholeAcronyms(text, tokens, [mention(at('شركة')), mention(first), mention(at('بي', first + 1))]);
    expect(out.map((m) => m.text)).toEqual(['شركة', 'بي.بي']);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('trimFirstWord', () => {
  const none = { documentWords: new Set<string>() };
  it.each([
    ['والعراق', 1, 'العراق'],
    ['بالقاهرة', 1, 'القاهرة'],
    ['للعراق', 1, 'العراق'],
    // No article: only when the rest is a known name and the whole is not.
    ['وروسيا', 1, 'روسيا'],
    ['لبنان', 0, 'لبنان'],
    ['بغداد', 0, 'بغداد'],
    ['فرنسا', 0, 'فرنسا'],
    // A kunya or patronymic after a clitic, even where the lexicon knows the whole word (بابي).
    ['بابي', 1, 'ابي'],
    ['وابو', 1, 'ابو'],
    ['لابن', 1, 'ابن'],
    ['بعبد', 1, 'عبد'],
    // Not أم and أبا: وام is a news agency, بابا the Pope.
    ['وام', 0, 'وام'],
    ['بابا', 0, 'بابا'],
  ])('%s', (word, cut, head) => {
    expect(trimFirstWord(word, { ...none, lexicon: model.lexicon })).toEqual({ cut, head });
  });

  it('keeps a known name that only looks like clitic + article whole', async () => {
    const { buildLexicon, LEX } = await import('../core/entities/resources.js');
    const { combine, hashString } = await import('../core/entities/hash.js');
    const lexicon = buildLexicon(new Map([[combine(0x2545f491, hashString('فالنسيا')), LEX.nameStart]]));
    expect(trimFirstWord('فالنسيا', { documentWords: new Set(), lexicon })).toEqual({ cut: 0, head: 'فالنسيا' });
    expect(trimFirstWord('فالعراق', { documentWords: new Set(), lexicon })).toEqual({ cut: 1, head: 'العراق' });
  });

  it('uses the document: a bare form seen elsewhere lets the clitic go', () => {
    expect(trimFirstWord('ولافروف', none)).toEqual({ cut: 0, head: 'ولافروف' });
    expect(trimFirstWord('ولافروف', { documentWords: new Set(['لافروف']) })).toEqual({ cut: 1, head: 'لافروف' });
  });
});

describe('the ner stage', () => {
  it('runs after a tokenizer in a checked pipeline and adds entities', () => {
    const tokenize: Stage = {
      name: 'tokenize',
      needs: [],
      adds: ['tokens'],
      run: (doc) => {
        doc.tokens = tokens(doc.text);
      },
    };
    const ner = createNerStage(model);
    expect(ner).toMatchObject({ name: 'ner', needs: ['tokens', 'morphology'], adds: ['entities'] });
    const doc = createPipeline([tokenize, morphology, ner]).analyze('استقبل الملك عبد الله الثانى فى عمّان وزير الخارجية الفرنسى .');
    expect(doc.entities?.map((e) => e.type)).toContain('LOC');
    expect(() => createPipeline([ner])).toThrow(/needs tokens, morphology/);
    expect(() => createPipeline([tokenize, ner])).toThrow(/needs morphology/);
  });

  it('gives an empty list for a document without tokens', () => {
    const doc = createDocument('');
    doc.tokens = [];
    createNerStage(model).run(doc, {});
    expect(doc.entities).toEqual([]);
  });
});

describe('sentence ranges', () => {
  it('follow the sentence layer and keep stray tokens', async () => {
    const { sentenceRanges } = await import('../core/entities/recognize.js');
    const text = 'قال د. سامية رؤوف إن القاهرة مستعدة . ثم';
    const toks = tokens(text);
    const end = text.indexOf('.', 10) + 1;
    expect(sentenceRanges(toks, [{ start: 0, end }])).toEqual([
      [0, toks.findIndex((t) => t.start >= end)],
      [toks.findIndex((t) => t.start >= end), toks.length],
    ]);
  });
});

describe('mention offsets, property', () => {
  it('every mention is a non-empty slice of the original, for any mix of names, clitics, marks and digits', async () => {
    const fc = (await import('fast-check')).default;
    const { tokenize } = await import('../core/text/tokenize.js');
    const pieces = [
      ...'وزير الخارجية العراق روسيا لافروف الجعفرى فى إلى آ ء ئ ؤ ـ َ ُ ِ ّ ٠١٢ . ، " « »'.split(' '),
      'للعراق',
      'والعراق',
      'بالقاهرة',
      'مصروالسودان',
      ' ',
      ' ',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join('')), (text) => {
        for (const m of recognizeMentions(tagger, text, tokenize(text))) {
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(normalize(m.text)).not.toMatch(/^[وفبلك]ال/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});
