/**
 * The event trigger lexicon: which words announce which kind of event, with its CAMEO code
 * and the frame that says where its participants are.
 *
 * Two sources, in order of trust:
 * - the core triggers written here (news verbs and nouns, with their inflections), which
 *   define the event types the brief shows;
 * - verbs compiled from the PETRARCH Arabic CAMEO dictionary by `npm run train:events`
 *   (`models/events/verbs.json`), each with the CAMEO code its patterns vote for. Those
 *   are perfect-tense lemmas, so they match a token's lemma (from the morphology stage) or
 *   the perfect forms derived from them.
 */
import { MarsadError } from '../errors.js';

/** Where a trigger's participants are. */
export type EventFrame =
  /** Travel: the destination after `إلى` is the place (and the host when it is a country). */
  | 'destination'
  /** The other party follows `مع` (talks, meetings). */
  | 'with'
  /** The target is the object after the trigger. */
  | 'object'
  /** A signing verb: an agreement noun must follow (or precede) it. */
  | 'agreement'
  /** Only the actor matters (statements). */
  | 'actor';

/** One trigger: event type, CAMEO code, frame. */
export interface TriggerSense {
  type: string;
  cameo: string;
  frame: EventFrame;
  /** True for nouns (their actor is searched before them, not after). */
  noun: boolean;
  /** Where the sense comes from. */
  source: 'core' | 'cameo';
}

/** Core triggers: `[type, cameo, frame, 'verbs…', 'nouns…']`, all normalized. The first verb is the lemma. */
const CORE: readonly [string, string, EventFrame, string, string][] = [
  ['VISIT', '042', 'object', 'زار زارت زارا زاروا يزور تزور يزوران', ''],
  ['VISIT', '042', 'destination', 'توجه توجهت توجها توجهوا يتوجه تتوجه يتوجهان', ''],
  ['VISIT', '042', 'destination', 'وصل وصلت وصلا وصلوا يصل تصل يصلان', ''],
  ['VISIT', '042', 'destination', 'سافر سافرت سافرا سافروا يسافر تسافر', ''],
  ['VISIT', '042', 'destination', '', 'زيارة زيارته زيارتها زيارتهم بزيارة الزيارة بالزيارة لزيارة'],
  ['VISIT', '043', 'object', 'استقبل استقبلت استقبلا استقبلوا يستقبل تستقبل', ''],
  ['MEET', '040', 'with', 'التقى التقت التقيا التقوا يلتقي تلتقي يلتقيان', 'لقاء لقائه لقائها اللقاء'],
  ['MEET', '040', 'with', 'اجتمع اجتمعت اجتمعا اجتمعوا يجتمع تجتمع يجتمعان', 'اجتماع اجتماعا الاجتماع'],
  ['MEET', '040', 'with', 'بحث بحثت بحثا بحثوا يبحث تبحث يبحثان', ''],
  ['MEET', '040', 'with', 'ناقش ناقشت ناقشا ناقشوا يناقش تناقش', ''],
  ['MEET', '040', 'with', 'تباحث تباحثت تباحثا يتباحث', 'محادثات المحادثات مباحثات المباحثات مشاورات المشاورات'],
  ['STATEMENT', '010', 'actor', 'اعلن اعلنت اعلنا اعلنوا', ''],
  ['STATEMENT', '010', 'actor', 'صرح صرحت صرحا صرحوا', 'بيان بيانا'],
  ['AGREEMENT', '057', 'agreement', 'وقع وقعت وقعا وقعوا يوقع يوقعان', 'توقيع بتوقيع'],
  ['AGREEMENT', '057', 'agreement', 'ابرم ابرمت ابرما ابرموا يبرم تبرم يبرمان', 'ابرام'],
  ['AGREEMENT', '057', 'agreement', 'عقد عقدت عقدا عقدوا يعقد تعقد', ''],
  ['AGREEMENT', '057', 'with', 'اتفق اتفقت اتفقا اتفقوا يتفق تتفق يتفقان', ''],
  ['AID', '070', 'object', 'ساعد ساعدت ساعدا ساعدوا يساعد تساعد', 'مساعدة مساعدات معونة معونات'],
  ['SUPPORT', '070', 'object', 'دعم دعمت دعما دعموا يدعم تدعم يدعمان', 'دعم الدعم لدعم'],
  ['CONDEMN', '111', 'object', 'ادان ادانت ادانا ادانوا يدين تدين', 'ادانة'],
  ['CONDEMN', '111', 'object', 'ندد نددت نددا نددوا يندد تندد', 'تنديد'],
  ['CONDEMN', '111', 'object', 'استنكر استنكرت استنكروا يستنكر تستنكر', ''],
  ['CONDEMN', '111', 'object', 'انتقد انتقدت انتقدا انتقدوا ينتقد تنتقد', ''],
  ['ACCUSE', '112', 'object', 'اتهم اتهمت اتهما اتهموا يتهم تتهم', 'اتهام اتهامات'],
  ['ATTACK', '190', 'object', 'هاجم هاجمت هاجما هاجموا يهاجم تهاجم', 'هجوم هجوما الهجوم هجمات هجمة'],
  ['ATTACK', '195', 'object', 'قصف قصفت قصفا قصفوا يقصف تقصف', 'قصفا القصف غارة غارات'],
  ['ATTACK', '190', 'object', 'استهدف استهدفت استهدفا استهدفوا يستهدف تستهدف', ''],
  ['ATTACK', '186', 'object', 'اغتال اغتالت اغتالوا يغتال', 'اغتيال'],
  ['ATTACK', '183', 'object', 'فجر فجرت', 'تفجير تفجيرات'],
  ['ARREST', '173', 'object', 'اعتقل اعتقلت اعتقلا اعتقلوا يعتقل تعتقل', 'اعتقال'],
  ['ARREST', '173', 'object', 'احتجز احتجزت احتجزوا يحتجز تحتجز', 'احتجاز'],
  ['ARREST', '173', 'object', 'اوقف اوقفت اوقفوا', ''],
];

/** Nouns that make a signing verb an agreement (`وقع اتفاقية`, `صفقات … عقدت`). */
export const AGREEMENT_NOUNS: ReadonlySet<string> = new Set(
  'اتفاق اتفاقا الاتفاق اتفاقية الاتفاقية اتفاقيات الاتفاقيات اتفاقات الاتفاقات معاهدة المعاهدة مذكرة مذكرات بروتوكول البروتوكول صفقة الصفقة صفقات الصفقات عقد عقود العقود عقدا وثيقة'.split(
    ' ',
  ),
);

/** Multi-word triggers: `القى القبض` (arrest), `قام بزيارة` (visit), `شن هجوما` (attack). First word → rest, sense. */
const PHRASES: readonly [string, string, string, EventFrame][] = [
  ['القى القبض', 'ARREST', '173', 'object'],
  ['القت القبض', 'ARREST', '173', 'object'],
  ['قبض على', 'ARREST', '173', 'object'],
  ['شن هجوما', 'ATTACK', '190', 'object'],
  ['شنت هجوما', 'ATTACK', '190', 'object'],
  ['شن غارات', 'ATTACK', '195', 'object'],
  ['شنت غارات', 'ATTACK', '195', 'object'],
];

/** File name of the compiled CAMEO verbs inside `models/events/`. */
export const EVENT_VERBS_FILE = 'verbs.json';
/** Format tag of the compiled CAMEO verbs. */
export const EVENT_VERBS_FORMAT = 'marsad-event-verbs/1';

/** The serialized CAMEO verbs: `[lemma, type, cameo]`. */
export interface EventVerbsData {
  format: typeof EVENT_VERBS_FORMAT;
  verbs: [string, string, string][];
}

/** Frame of a type when the sense comes from the CAMEO dictionary. */
const DEFAULT_FRAME: Record<string, EventFrame> = {
  VISIT: 'object',
  MEET: 'with',
  AGREEMENT: 'agreement',
  AID: 'object',
  SUPPORT: 'object',
  CONDEMN: 'object',
  ACCUSE: 'object',
  ATTACK: 'object',
  ARREST: 'object',
  STATEMENT: 'actor',
};

/** A compiled trigger lexicon. */
export interface TriggerLexicon {
  /** Surface forms (normalized, without clitics) → sense. */
  forms: ReadonlyMap<string, TriggerSense>;
  /** Lemmas (normalized perfect 3ms) → sense, for tokens with a lemma. */
  lemmas: ReadonlyMap<string, TriggerSense>;
  /** Two-word triggers: first word → second word → sense. */
  phrases: ReadonlyMap<string, ReadonlyMap<string, TriggerSense>>;
}

/**
 * Builds the trigger lexicon from the core triggers and, when given, the compiled CAMEO
 * verbs. A core sense always wins over a CAMEO one for the same form.
 */
export function compileTriggerLexicon(cameo?: EventVerbsData): TriggerLexicon {
  const forms = new Map<string, TriggerSense>();
  const lemmas = new Map<string, TriggerSense>();
  for (const [type, code, frame, verbs, nouns] of CORE) {
    const vs = verbs.split(' ').filter(Boolean);
    for (const v of vs) if (!forms.has(v)) forms.set(v, { type, cameo: code, frame, noun: false, source: 'core' });
    if (vs[0] && !lemmas.has(vs[0])) lemmas.set(vs[0], { type, cameo: code, frame, noun: false, source: 'core' });
    for (const w of nouns.split(' ').filter(Boolean)) {
      // A form that is both verb and verbal noun (دعم) is read as the noun: the verb reading
      // would borrow the previous actor for a subject it does not have.
      const prev = forms.get(w);
      if (!prev || (prev.type === type && !prev.noun)) forms.set(w, { type, cameo: code, frame, noun: true, source: 'core' });
    }
  }
  for (const [lemma, type, code] of cameo?.verbs ?? []) {
    const sense: TriggerSense = { type, cameo: code, frame: DEFAULT_FRAME[type] ?? 'object', noun: false, source: 'cameo' };
    if (!lemmas.has(lemma)) lemmas.set(lemma, sense);
    for (const f of perfectForms(lemma)) if (!forms.has(f)) forms.set(f, sense);
  }
  const phrases = new Map<string, Map<string, TriggerSense>>();
  for (const [phrase, type, code, frame] of PHRASES) {
    const [a, b] = phrase.split(' ');
    const m = phrases.get(a) ?? new Map<string, TriggerSense>();
    m.set(b, { type, cameo: code, frame, noun: false, source: 'core' });
    phrases.set(a, m);
  }
  return { forms, lemmas, phrases };
}

/** Perfect-tense forms of a 3ms perfect lemma: 3fs, 3md, 3mp. Lemmas ending in a weak letter keep only the lemma. */
export function perfectForms(lemma: string): string[] {
  if (/[اىي]$/u.test(lemma)) return [lemma];
  return [lemma, lemma + 'ت', lemma + 'ا', lemma + 'وا'];
}

/**
 * Reads the compiled CAMEO verbs from the bytes of `verbs.json`.
 * @throws MarsadError `MODEL_CORRUPT` when the file is not an event-verbs file.
 */
export function loadEventVerbs(bytes: Uint8Array): EventVerbsData {
  let data: EventVerbsData;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes)) as EventVerbsData;
  } catch (e) {
    throw new MarsadError('MODEL_CORRUPT', `The event verbs file is not valid JSON: ${(e as Error).message}`, { model: 'events' });
  }
  if (data.format !== EVENT_VERBS_FORMAT || !Array.isArray(data.verbs)) {
    throw new MarsadError('MODEL_CORRUPT', `The event verbs file has format "${String(data.format)}", expected "${EVENT_VERBS_FORMAT}".`, { model: 'events' });
  }
  return data;
}

/** Maps a CAMEO code to one of our event types, or undefined when we do not report it. */
export function typeOfCameo(code: string): string | undefined {
  const c3 = code.slice(0, 3);
  if (c3 === '042' || c3 === '043') return 'VISIT';
  if (c3 === '036' || (c3.startsWith('04') && c3 !== '045')) return 'MEET';
  if (c3 === '057') return 'AGREEMENT';
  if (c3.startsWith('07')) return 'AID';
  if (c3 === '112') return 'ACCUSE';
  if (c3 === '110' || c3 === '111') return 'CONDEMN';
  if (c3 === '173') return 'ARREST';
  if (c3.startsWith('18') || c3.startsWith('19')) return 'ATTACK';
  return undefined;
}
