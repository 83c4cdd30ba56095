import { describe, expect, it } from 'vitest';
import { nameOf, nerFrom, understand } from '../entities/fixtures.test-util.js';
import type { Stage } from '../pipeline.js';
import { compileTriggerLexicon, perfectForms, typeOfCameo } from './event-lexicon.js';

/** Events of a text as readable strings: `TYPE cameo trigger actor=… target=… place=… @date [modality]`. */
function events(text: string, date?: string): string[] {
  const doc = understand(text, date ? { date } : {}, nerFrom({ PER: ['فيصل الحمدانى', 'الحمدانى', 'بيير دوران'], LOC: ['الأردن', 'فرنسا', 'مصر', 'سوريا', 'إسرائيل', 'روسيا'] }));
  return (doc.events ?? []).map((e) => {
    expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    const parts = [e.type, e.cameo, e.trigger.text, ...e.participants.map((p) => `${p.role}=${nameOf(doc, p.entity)}`)];
    if (e.time) parts.push(`@${e.time.date ?? e.time.text}`);
    if (e.modality) parts.push(`[${e.modality}]`);
    return parts.join(' ');
  });
}

describe('events', () => {
  it('reads a visit with its traveller, destination and resolved time', () => {
    expect(events('توجّـه وزير الخارجية الأردنى، فيصل الحمدانى، مساء أمس الثلاثاء، إلى فرنسا فى زيارة رسمية.', '2021-03-10')).toEqual([
      'VISIT 042 توجّـه actor=فيصل الحمداني target=فرنسا place=فرنسا @2021-03-09',
    ]);
  });

  it('reads talks held with someone, after a light verb', () => {
    expect(events('وعقد فيصل الحمدانى، اليوم، محادثات مع نظيره الفرنسى بيير دوران.', '2021-03-10')).toEqual([
      'MEET 040 محادثات actor=فيصل الحمداني target=بيير دوران @2021-03-10',
    ]);
  });

  it('marks an anticipated agreement between the two countries as expected', () => {
    expect(events('قال الحمدانى إن الأردن وفرنسا تربطهما علاقات. وتوقع أن يبرم الجانبان الأردنى والفرنسى عددا من الاتفاقات.')).toEqual([
      'AGREEMENT 057 يبرم actor=الاردن actor=فرنسا [expected]',
    ]);
    expect(events('وأكد أن البلدين سيوقعان ٣ اتفاقيات بين الأردن وفرنسا.')).toContain('AGREEMENT 057 سيوقعان actor=الاردن actor=فرنسا [expected]');
  });

  it('does not take a signing verb without an agreement for an agreement', () => {
    expect(events('وقع الحادث فى مصر.')).toEqual([]);
  });

  it('reads a future meeting as intent to meet (036), with a direct object', () => {
    expect(events('ومن المنتظر أن يلتقى الحمدانى الرئيس الفرنسى غدا.', '2021-03-10')).toEqual(['MEET 036 يلتقى actor=الحمداني target=فرنسا @2021-03-11 [expected]']);
  });

  it('reads condemnations, attacks and aid with their parties', () => {
    expect(events('وأدانت مصر الهجوم على السفارة الفرنسية.')).toEqual(['CONDEMN 111 أدانت actor=مصر target=فرنسا', 'ATTACK 190 الهجوم target=فرنسا']);
    expect(events('وقصفت إسرائيل مواقع فى سوريا الأسبوع الماضى.', '2021-03-10')).toEqual(['ATTACK 195 قصفت actor=اسرائيل place=سوريا @2021-03-03']);
    expect(events('وأعلن أن روسيا ستواصل مساعدة سوريا.')).toEqual(['AID 070 مساعدة actor=روسيا target=سوريا [expected]']);
  });

  it('marks negated events', () => {
    expect(events('ولن يزور الحمدانى فرنسا.')).toEqual(['VISIT 042 يزور actor=الحمداني target=فرنسا [negated]']);
    expect(events('وأكد أن الأردن لم يوقع أى اتفاق مع فرنسا.')).toEqual(['AGREEMENT 057 يوقع actor=الاردن target=فرنسا [negated]']);
  });

  it('uses the lemma the morphology stage gives when the surface form is unknown', () => {
    const text = 'وقال الحمدانى إن الوزراء الأردنيين يزورون فرنسا غدا.';
    const lemmas: Stage = {
      name: 'morphology',
      needs: ['tokens'],
      adds: ['morphology'],
      run: (doc) => {
        for (const t of doc.tokens ?? []) if (t.text === 'يزورون') t.lemma = 'زار';
      },
    };
    const ner = nerFrom({ PER: ['الحمدانى'], LOC: ['فرنسا'] });
    const read = (extra: Stage[]): string[] => {
      const doc = understand(text, { date: '2021-03-10' }, ner, extra);
      return (doc.events ?? []).map((e) => `${e.type} ${e.trigger.text} ${e.participants.map((p) => `${p.role}=${nameOf(doc, p.entity)}`).join(' ')} @${e.time?.date}`);
    };
    expect(read([])).toEqual([]);
    expect(read([lemmas])).toEqual(['VISIT يزورون target=فرنسا @2021-03-11']);
  });

  it('compiles the lexicon: core senses win, perfect forms are derived, codes map to types', () => {
    const lex = compileTriggerLexicon({ format: 'marsad-event-verbs/1', verbs: [['زار', 'ATTACK', '190'], ['دمر', 'ATTACK', '190']] });
    expect(lex.forms.get('زار')?.type).toBe('VISIT');
    expect(lex.forms.get('دمرت')).toMatchObject({ type: 'ATTACK', source: 'cameo' });
    expect(perfectForms('دمر')).toEqual(['دمر', 'دمرت', 'دمرا', 'دمروا']);
    expect([typeOfCameo('042'), typeOfCameo('036'), typeOfCameo('0571'), typeOfCameo('1124'), typeOfCameo('173'), typeOfCameo('195'), typeOfCameo('010')]).toEqual([
      'VISIT',
      'MEET',
      'AGREEMENT',
      'ACCUSE',
      'ARREST',
      'ATTACK',
      undefined,
    ]);
  });
});
