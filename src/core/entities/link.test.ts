import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyzedDocument, Entity } from '../document.js';
import type { Stage } from '../pipeline.js';
import { arabicText } from '../text/arbitraries.test-util.js';
import { normalize } from '../text/normalize.js';
import { entityNamed, nerFrom, understand } from './fixtures.test-util.js';

/** A two-visit article written for these tests, Egyptian spellings, diacritics, tatweel and Arabic digits. */
const ARTICLE =
  'توجّـه وزير الخارجية الأردنى، فيصل الحمدانى، مساء أمس الثلاثاء، إلى فرنسا فى زيارة تستغرق ٣ أيام، ' +
  'حيث عقد الحمدانى محادثات مع نظيره الفرنسى بيير دوران. ' +
  'وقال الحمدانى، عقب اللقاء، إن العلاقات بين الأردن وفرنسا متينة فى شؤون الاقتصاد والطاقة. ' +
  'وأكد الوزير أن البلدين سيوقعان اتفاقية للتعاون الاقتصادى. ' +
  'ومن جانبه، صرح المتحدث باسم الحكومة الأردنية، سامر الخطيب، بأن الزيارة ناجحة، مشيرا إلى أن الجانبين سيلتقيان مجددا غدا.';

const mentions = (e: Entity | undefined): string[] => (e?.mentions ?? []).map((m) => m.text + (m.via ? `/${m.via}` : ''));

describe('link stage', () => {
  const doc = understand(ARTICLE, { date: '2021-03-10' });

  it('merges a full name, its surname and a bare title into one person with a role', () => {
    const minister = entityNamed(doc, 'فيصل الحمداني');
    expect(mentions(minister)).toEqual(['فيصل الحمدانى', 'الحمدانى/surname', 'الحمدانى/surname', 'الوزير/title']);
    expect(minister?.roles).toEqual([{ title: 'وزير الخارجية', country: 'الاردن' }]);
  });

  it('gives the counterpart the title of the person the pronoun refers to, with its own country', () => {
    expect(entityNamed(doc, 'بيير دوران')?.roles).toEqual([{ title: 'وزير الخارجية', country: 'فرنسا' }]);
  });

  it('reads a spokesperson title with its government and country', () => {
    expect(entityNamed(doc, 'سامر الخطيب')?.roles).toEqual([{ title: 'المتحدث باسم الحكومة', country: 'الاردن' }]);
  });

  it('counts nationality adjectives as mentions of their country', () => {
    expect(mentions(entityNamed(doc, 'الأردن'))).toEqual(['الأردنى/nisba', 'الأردن', 'الأردنية/nisba']);
    expect(mentions(entityNamed(doc, 'فرنسا'))).toEqual(['فرنسا', 'الفرنسى/nisba', 'فرنسا']);
  });

  it('keeps every mention equal to its slice of the original text, and numbers entities in order', () => {
    for (const e of doc.entities ?? []) for (const m of e.mentions) expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    expect(doc.entities?.map((e) => e.id)).toEqual(doc.entities?.map((_, i) => `e${i + 1}`));
    const firsts = doc.entities?.map((e) => e.mentions[0].start) ?? [];
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('merges an official name with the common one and splits glued country names', () => {
    const d = understand('وصل الوفد إلى روسيا الاتحادية، وبحث التعاون بين روسياوفرنسا ولروسيا دور كبير.');
    expect(mentions(entityNamed(d, 'روسيا'))).toEqual(['روسيا الاتحادية/alias', 'روسيا', 'روسيا']);
    expect(mentions(entityNamed(d, 'فرنسا'))).toEqual(['فرنسا']);
  });

  it('takes the quoted name after an institution noun for an organization, with nothing NER read inside it', () => {
    const d = understand('وقالت قناة «ام تي فى» إن تنظيم "داعش" تبنّى الهجوم.', {}, nerFrom({ PER: ['ام تي'] }));
    expect(entityNamed(d, 'ام تي')).toBeUndefined();
    expect(d.entities?.filter((e) => e.type === 'ORG').map((e) => e.name)).toEqual([normalize('ام تي فى'), normalize('داعش')]);
  });

  it('does not read a verb or a place after a title as a name', () => {
    // A stand-in for the morphology stage: it tags the future verb.
    const verbs: Stage = {
      name: 'morphology',
      needs: ['tokens'],
      adds: ['morphology'],
      run: (doc) => {
        for (const t of doc.tokens ?? []) if (t.norm === normalize('سيزور')) t.pos = 'VERB';
      },
    };
    const d = understand('وقال المتحدث إن الوزير سيزور القاهرة.', {}, nerFrom({}), [verbs]);
    expect(d.entities?.filter((e) => e.type === 'PER')).toEqual([]);
    const p = understand('وقال المتحدث إن الوزير باريس.', {}, nerFrom({ LOC: ['باريس'] }));
    expect(p.entities?.map((e) => [e.type, e.name])).toEqual([['LOC', 'باريس']]);
  });

  it('adds the public institutions NER leaves untagged, as ANERcorp does', () => {
    const d = understand('وأكدت وزارة الخارجية الأردنية أن مجلس الأمن سيجتمع، وقال المتحدث باسم الوزارة إن الاجتماع مهم.');
    expect(d.entities?.filter((e) => e.type === 'ORG').map((e) => mentions(e))).toEqual([['وزارة الخارجية الأردنية'], ['مجلس الأمن']]);
    // The country of the adjective still counts.
    expect(mentions(entityNamed(d, 'الأردن'))).toEqual(['الأردنية/nisba']);
  });

  it('ends a person before a conjunction and a nationality adjective NER ran into', () => {
    const d = understand('والتقى الرئيسان الروسى فلاديمير بوتين والمصرى عبد الفتاح السيسى أمس.', {}, nerFrom({ PER: ['فلاديمير بوتين والمصرى', 'عبد الفتاح السيسى'] }));
    expect(d.entities?.filter((e) => e.type === 'PER').map((e) => mentions(e))).toEqual([['فلاديمير بوتين'], ['عبد الفتاح السيسى']]);
    expect(mentions(entityNamed(d, 'مصر'))).toEqual(['المصرى/nisba']);
  });

  it('gives a person the whole name after an honorific or a title where NER found only its tail', () => {
    const d = understand('وقالت د. سامية رؤوف، رئيسة الغرفة، إن الصادرات زادت. وأكد وزير الخارجية الأردنى فيصل الحمدانى ذلك.', {}, nerFrom({ PER: ['رؤوف', 'الحمدانى'] }));
    expect(d.entities?.filter((e) => e.type === 'PER').map((e) => mentions(e))).toEqual([['سامية رؤوف'], ['فيصل الحمدانى']]);
  });

  it('does not count a country named inside a longer place name', () => {
    // NER found only the country; the scan finds the longer name around it.
    const d = understand('وصلت بعثة الأمم المتحدة إلى جنوب السودان، ثم زارت دول أمريكا اللاتينية.', {}, nerFrom({ LOC: ['السودان', 'أمريكا اللاتينية'] }));
    expect(mentions(entityNamed(d, 'جنوب السودان'))).toEqual(['جنوب السودان']);
    expect(entityNamed(d, 'السودان')).toBeUndefined();
    expect(entityNamed(d, 'الولايات المتحدة')).toBeUndefined();
    expect(mentions(entityNamed(d, 'أمريكا اللاتينية'))).toEqual(['أمريكا اللاتينية']);
  });

  it('reads a country name followed by a regional adjective as another place', () => {
    const d = understand('زار الوفد دول أمريكا الجنوبية، ثم التقى مسؤولين من أمريكا وآسيا الوسطى.', {}, nerFrom({ LOC: ['أمريكا', 'آسيا'] }));
    expect(mentions(entityNamed(d, 'أمريكا الجنوبية'))).toEqual(['أمريكا الجنوبية']);
    expect(mentions(entityNamed(d, 'الولايات المتحدة'))).toEqual(['أمريكا/alias']);
    expect(mentions(entityNamed(d, 'آسيا الوسطى'))).toEqual(['آسيا الوسطى']);
    // Without NER, the country scan leaves South America alone too.
    const g = understand('تتوسع الشركة فى أمريكا الجنوبية وفى أمريكا.');
    expect(mentions(entityNamed(g, 'الولايات المتحدة'))).toEqual(['أمريكا/alias']);
  });

  it('links a bare title to the most recent named person whose role fits, not to one named inside a quote', () => {
    const d = understand(
      'وقال وزير الخارجية الأردنى، فيصل الحمدانى، إن الزيارة مهمة. ثم قال وزير الخارجية الفرنسى، بيير دوران: "أبلغنا وزير الخارجية الأردنى بموقفنا". وأكد الوزير أن المحادثات مثمرة.',
    );
    expect(mentions(entityNamed(d, 'فيصل الحمداني'))).toEqual(['فيصل الحمدانى', 'وزير الخارجية الأردنى/title']);
    expect(mentions(entityNamed(d, 'بيير دوران'))).toEqual(['بيير دوران', 'الوزير/title']);
  });

  it('reads a title after the name, and a name after an honorific', () => {
    const d = understand('وقالت د. ليلى عثمان، رئيسة الهيئة الوطنية للإحصاء، فى بيان إن الأرقام تحسنت.');
    expect(entityNamed(d, 'ليلى عثمان')?.roles).toEqual([{ title: 'رئيسة', org: 'الهيئة الوطنية للاحصاء' }]);
  });

  it('merges NER mentions of one person given under several names', () => {
    const text = 'قال نبيل الشامى إن الاقتصاد ينمو. وأضاف الشامى أن الصادرات زادت.';
    const ner = (doc: AnalyzedDocument): Entity[] => {
      const span = (s: string, from = 0): { start: number; end: number; text: string } => {
        const start = text.indexOf(s, from);
        return { start, end: start + s.length, text: s };
      };
      const given: Entity[] = [
        { id: 'e1', type: 'PER', name: 'نبيل الشامي', mentions: [span('نبيل الشامى')] },
        { id: 'e2', type: 'PER', name: 'الشامي', mentions: [span('الشامى', text.indexOf('وأضاف'))] },
      ];
      return given.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m, text: doc.text.slice(m.start, m.end) })) }));
    };
    const d = understand(text, {}, ner);
    expect(d.entities?.filter((e) => e.type === 'PER').map((e) => [e.name, mentions(e)])).toEqual([['نبيل الشامي', ['نبيل الشامى', 'الشامى/surname']]]);
  });

  it('merges a longer and a shorter tail of one name', () => {
    const text = 'وقال عبدالله آل طاوي إن المشروع اكتمل. وأضاف آل طاوي أن التكلفة انخفضت.';
    const d = understand(text, {}, nerFrom({ PER: ['عبدالله آل طاوي', 'آل طاوي'] }));
    expect(d.entities?.filter((e) => e.type === 'PER').map((e) => [e.name, e.mentions.length])).toEqual([['عبدالله ال طاوي', 2]]);
  });

  it('never produces an out-of-range or mismatched mention on arbitrary text', () => {
    fc.assert(
      fc.property(arabicText, (text) => {
        const d = understand(text, { date: '2020-01-01' });
        for (const e of d.entities ?? []) {
          expect(e.mentions.length).toBeGreaterThan(0);
          for (const m of e.mentions) {
            expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
            expect(text.slice(m.start, m.end)).toBe(m.text);
          }
        }
        for (const q of d.quotes ?? []) expect(text.slice(q.start, q.end)).toBe(q.text);
        for (const ev of d.events ?? []) expect(text.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
      }),
      { numRuns: 300 },
    );
  });
});
