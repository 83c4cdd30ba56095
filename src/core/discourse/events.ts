/**
 * Events: the `events` stage. A trigger word (see `event-lexicon.ts`) gives the type and
 * CAMEO code; its frame says where the participants are:
 *
 * - the actor is the subject: a person named after the verb (news Arabic is mostly
 *   verb-first, `توجه وزير خارجية العراق، إبراهيم الجعفري`), an entity right after it
 *   (`هاجمت إسرائيل`), a dual (`الجانبان العراقي والروسي`, `البلدين`), the entity just
 *   before it (`روسيا ستواصل مساعدة`), or, for a verb without an expressed subject, the
 *   previous event's actor;
 * - the target follows `مع` for talks, is the destination after `إلى` for travel, or the
 *   object after the trigger;
 * - signing verbs (`وقع`, `أبرم`, `عقد`) make an AGREEMENT only with an agreement noun.
 *
 * Modality: `expected` under a future prefix (`سيوقعان`), after `أن` + imperfect
 * (`توقع أن يبرم`), or after words of expectation (`من المتوقع`, `ستشهد توقيع`); `negated`
 * after a negation. Time: the nearest time expression of the sentence, resolved against
 * `options.date`.
 */
import type { AnalyzedDocument, Entity, EventParticipant, NewsEvent, Token } from '../document.js';
import type { AnalyzeOptions, Stage } from '../pipeline.js';
import { firstMentionIn, indexDocument, type DocIndex, type TokenMention } from './doc-index.js';
import { AGREEMENT_NOUNS, compileTriggerLexicon, type EventVerbsData, type TriggerLexicon, type TriggerSense } from './event-lexicon.js';
import { cliticForms, stripConjunction, withClitics, type CliticForms } from './lexical.js';
import { cueKind } from './quotes.js';
import { findTimes, parseIsoDate, type FoundTime } from './time.js';
import { normalize } from '../text/normalize.js';

/** What the events stage needs: the compiled CAMEO verbs, when available. */
export interface EventResources {
  verbs?: EventVerbsData;
}

const NEGATIONS: ReadonlySet<string> = new Set(['لم', 'لن', 'لا', 'ما', 'ليس', 'ليست', 'غير', 'عدم', 'دون']);
/** Words before a trigger that make it anticipated rather than reported. */
const EXPECTATION: ReadonlySet<string> = new Set([
  'توقع',
  'توقعت',
  'يتوقع',
  'تتوقع',
  'متوقع',
  'المتوقع',
  'متوقعا',
  'المنتظر',
  'منتظر',
  'المقرر',
  'مقرر',
  'المرتقب',
  'المرتقبة',
  'مرتقب',
  'سوف',
  'يعتزم',
  'تعتزم',
  'يعتزمان',
  'ينوي',
  'تنوي',
  'يمكن',
  'يتطلع',
  'تتطلع',
  'يرتقب',
  'يامل',
  'تامل',
]);
/** Duals and plurals standing for the two parties: `الجانبان`, `البلدين` … */
const PARTIES: ReadonlySet<string> = new Set(['الجانبان', 'الجانبين', 'البلدان', 'البلدين', 'الطرفان', 'الطرفين', 'الدولتان', 'الدولتين', 'الحكومتان', 'الحكومتين']);
/** Light verbs whose subject is the actor of the noun after them (`عقد محادثات`, `أجرى مباحثات`, `شن هجوما`). */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['عقد', 'عقدت', 'عقدا', 'اجرى', 'اجرت', 'اجريا', 'قام', 'قامت', 'شن', 'شنت', 'نفذ', 'نفذت', 'واصل', 'واصلت', 'بدا', 'بدات', 'اختتم', 'اختتمت', 'يعقد', 'تعقد', 'يجري', 'تجري']);
/** Prepositions that end a verb's subject zone. */
const ZONE_END: ReadonlySet<string> = new Set(['مع', 'الى', 'على', 'ضد', 'في', 'لدى', 'عن', 'من', 'بين']);

/** How far the actor of a noun may stand before it, and the object after a trigger (tokens). */
const BACK_WINDOW = 10;
const NOUN_BACK_WINDOW = 5;
/** A time expression farther than this from the trigger belongs to another clause. */
const TIME_WINDOW = 15;
const OBJECT_WINDOW = 8;
const SUBJECT_WINDOW = 12;

/** The trigger at token `i`: its sense, token span and whether a future prefix was on it. */
interface TriggerHit {
  sense: TriggerSense;
  ts: number;
  te: number;
  future: boolean;
  prefix: number;
}

/** Looks a token up in the trigger lexicon: phrase, surface form with clitics, future prefix, lemma. */
function triggerAt(tokens: readonly Token[], i: number, lex: TriggerLexicon, forms: CliticForms = cliticForms(tokens)): TriggerHit | undefined {
  const t = tokens[i];
  if (t.kind !== 'word') return undefined;
  if (!anyTriggerOf(lex).has(t.norm)) return t.lemma ? lemmaHit(t.lemma, i, lex) : undefined;
  const bare = forms.bare(i, 3);
  const phrase = lex.phrases.get(bare);
  if (phrase) {
    const next = tokens[i + 1];
    const sense = next && phrase.get(next.norm);
    if (sense) return { sense, ts: i, te: i + 2, future: false, prefix: t.norm.length - bare.length };
  }
  const hit = forms.lookup(lex.forms, i, 3);
  if (hit) return { sense: hit.value, ts: i, te: i + 1, future: false, prefix: hit.prefix };
  // Future prefix س on an imperfect verb: سيوقعان, وسيزور.
  const s = bare.startsWith('س') ? bare.slice(1) : '';
  if (s.length >= 3 && /^[يتنا]/u.test(s)) {
    const f = lex.forms.get(s);
    if (f && !f.noun) return { sense: f, ts: i, te: i + 1, future: true, prefix: t.norm.length - bare.length };
  }
  return t.lemma ? lemmaHit(t.lemma, i, lex) : undefined;
}

function lemmaHit(lemma: string, i: number, lex: TriggerLexicon): TriggerHit | undefined {
  const l = lex.lemmas.get(normalize(lemma));
  return l ? { sense: l, ts: i, te: i + 1, future: false, prefix: 0 } : undefined;
}

const anyTriggerCache = new WeakMap<TriggerLexicon, Set<string>>();

/** Every trigger form and phrase head with the proclitics and future prefix it may carry. */
function anyTriggerOf(lex: TriggerLexicon): Set<string> {
  let s = anyTriggerCache.get(lex);
  if (!s) {
    s = withClitics([...lex.forms.keys(), ...lex.phrases.keys()], ['س', 'وس', 'فس']);
    anyTriggerCache.set(lex, s);
  }
  return s;
}

const isNisba = (m: TokenMention): boolean => m.mention.via === 'nisba';
const named = (m: TokenMention): boolean => !isNisba(m);
const wordAt = (tokens: readonly Token[], k: number): string => (tokens[k]?.kind === 'word' ? tokens[k].norm : '');

/** The first mention after `from` (within `to`) that follows the preposition `prep`. */
function afterPreposition(index: DocIndex, from: number, to: number, preps: ReadonlySet<string>, types: readonly ('PER' | 'ORG' | 'LOC')[], accept?: (m: TokenMention) => boolean): TokenMention | undefined {
  const { tokens } = index;
  for (let k = from; k < to; k++) {
    const w = wordAt(tokens, k);
    if (preps.has(stripConjunction(w, 2))) return firstMentionIn(index, k + 1, Math.min(to, k + OBJECT_WINDOW), types, accept);
    // `لروسيا`, `للعراق`: the preposition glued to the name.
    const glued = index.mentionAt[k];
    if (glued && preps.has('ل') && glued.ts === k && /^(?:ل|ول|فل)/u.test(w) && tokens[k].start < glued.mention.start && (!accept || accept(glued))) return glued;
  }
  return undefined;
}

/** The two parties a dual stands for: nationality adjectives after it, or the article's two main countries. */
function partiesAt(index: DocIndex, k: number, topCountries: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (let j = k + 1; j < k + 4 && j < index.tokens.length; j++) {
    const m = index.mentionAt[j];
    if (!m || m.entity.type !== 'LOC') break;
    if (!out.includes(m.entity)) out.push(m.entity);
  }
  return out.length >= 2 ? out : topCountries.slice(0, 2);
}

/** Finds the events of a document (needs tokens, sentences, entities). */
export function findEvents(doc: AnalyzedDocument, lex: TriggerLexicon, options: AnalyzeOptions = {}): NewsEvent[] {
  const index = indexDocument(doc);
  const { tokens, sentenceOf } = index;
  const base = parseIsoDate(options.date);
  const text = doc.text;
  const topCountries = (doc.entities ?? [])
    .filter((e) => e.type === 'LOC')
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
  const timesBySentence = new Map<number, FoundTime[]>();
  const timesOf = (s: number): FoundTime[] => {
    let list = timesBySentence.get(s);
    if (!list) {
      const [from, to] = index.sentenceTokens[s] ?? [0, 0];
      list = findTimes(tokens, from, to, text, base);
      timesBySentence.set(s, list);
    }
    return list;
  };

  const forms = cliticForms(tokens);
  const events: NewsEvent[] = [];
  let lastActors: { sentence: number; ids: string[] } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const hit = triggerAt(tokens, i, lex, forms);
    if (!hit) continue;
    const s = sentenceOf[i];
    if (s < 0) continue;
    const [sStart, sEnd] = index.sentenceTokens[s];
    const { sense } = hit;
    const actors: Entity[] = [];
    const targets: Entity[] = [];
    const places: Entity[] = [];
    const after = hit.te;

    // Actor.
    if (!sense.noun) {
      let zoneEnd = Math.min(sEnd, after + SUBJECT_WINDOW);
      for (let k = after; k < zoneEnd; k++) {
        if (ZONE_END.has(stripConjunction(wordAt(tokens, k), 2)) || tokens[k].norm === '.' || tokens[k].norm === ':') {
          zoneEnd = k;
          break;
        }
      }
      // A verb marked plural or dual (يزورون, يلتقيان) agrees with a subject before it, so
      // what follows it is its object.
      const agreesBefore = /(?:ون|وا|ان)$/u.test(forms.bare(i, 3));
      const person = agreesBefore ? undefined : firstMentionIn(index, after, zoneEnd, ['PER']);
      const right = agreesBefore ? undefined : index.mentionAt[after];
      if (person) actors.push(person.entity);
      else if (!agreesBefore && PARTIES.has(wordAt(tokens, after))) actors.push(...partiesAt(index, after, topCountries));
      else if (right && right.ts === after && named(right) && right.entity.type !== 'MISC') actors.push(right.entity);
    } else {
      const next = index.mentionAt[after];
      const possessive = /(?:ه|ها|هم)$/u.test(tokens[i].norm) && !AGREEMENT_NOUNS.has(tokens[i].norm);
      if (next && next.ts === after && named(next) && (sense.frame === 'destination' || sense.frame === 'with')) actors.push(next.entity);
      else if (possessive) {
        const prev = lastMentionBefore(index, i, sStart, ['PER']);
        if (prev) actors.push(prev.entity);
      }
    }
    if (actors.length === 0) {
      for (let k = i - 1; k >= Math.max(sStart, i - (sense.noun ? NOUN_BACK_WINDOW : BACK_WINDOW)); k--) {
        // A noun that is another trigger's object (`أدانت مصر الهجوم`) does not share its subject.
        if (sense.noun && tokens[k].kind === 'word' && (triggerAt(tokens, k, lex) || cueKind(tokens[k].norm))) break;
        if (!sense.noun && i - k <= 2 && PARTIES.has(stripConjunction(wordAt(tokens, k), 2)) && wordAt(tokens, k - 1) !== 'بين') {
          actors.push(...partiesAt(index, k, topCountries));
          break;
        }
        const m = index.mentionAt[k];
        if (m && named(m) && m.entity.type !== 'MISC' && (sense.noun || i - k <= 3)) {
          // The subject of a verb just before it (`أدانت مصر الهجوم`) is not the noun's actor.
          // A light verb (`عقد الحمداني محادثات`) lends its subject to the noun.
          const governed =
            sense.noun &&
            [m.ts - 1].some(
              (j) =>
                j >= sStart &&
                tokens[j].kind === 'word' &&
                !LIGHT_VERBS.has(stripConjunction(tokens[j].norm, 2)) &&
                (triggerAt(tokens, j, lex)?.sense.noun === false || cueKind(tokens[j].norm) !== undefined),
            );
          if (!governed) actors.push(m.entity);
          break;
        }
      }
    }
    // Inside a direct quote, `we` is the speaker's side: `وعزمنا على دعم …`.
    if (actors.length === 0 && firstPersonPlural(tokens, i, sStart)) {
      const q = (doc.quotes ?? []).find((x) => x.kind === 'direct' && x.speaker && x.start <= tokens[i].start && tokens[i].end <= x.end);
      const e = q && (doc.entities ?? []).find((x) => x.id === q.speaker);
      if (e) actors.push(e);
    }
    if (actors.length === 0 && sense.frame === 'actor') {
      const q = (doc.quotes ?? []).find((x) => x.speaker && x.start >= tokens[i].end && x.start <= tokens[sEnd - 1].end);
      const e = q && (doc.entities ?? []).find((x) => x.id === q.speaker);
      if (e) actors.push(e);
    }
    if (actors.length === 0 && !sense.noun && lastActors && s - lastActors.sentence <= 1) {
      for (const id of lastActors.ids) {
        const e = (doc.entities ?? []).find((x) => x.id === id);
        if (e) actors.push(e);
      }
    }

    // Target and place, by frame.
    const notActor = (m: TokenMention): boolean => !actors.includes(m.entity);
    if (sense.frame === 'with') {
      const withWindow = Math.min(sEnd, after + SUBJECT_WINDOW + OBJECT_WINDOW);
      const other = afterPreposition(index, after, withWindow, new Set(['مع']), ['PER'], notActor) ?? afterPreposition(index, after, withWindow, new Set(['مع']), ['ORG', 'LOC'], notActor);
      if (other) targets.push(other.entity);
      else if (!sense.noun) {
        // A direct object (`يلتقي الشاذلي الرئيس الجزائري`): the first other entity after the verb.
        const obj = firstMentionIn(index, after, Math.min(sEnd, after + OBJECT_WINDOW), ['PER', 'ORG', 'LOC'], notActor);
        if (obj) targets.push(obj.entity);
      }
      if (targets.length === 0 && actors.length < 2) continue;
    } else if (sense.frame === 'destination') {
      const dest = afterPreposition(index, after, Math.min(sEnd, after + SUBJECT_WINDOW + 4), new Set(['الى', 'ل']), ['LOC'], named);
      if (!dest) continue;
      places.push(dest.entity);
      targets.push(dest.entity);
    } else if (sense.frame === 'agreement') {
      let hasNoun = false;
      for (let k = after; k < Math.min(sEnd, after + OBJECT_WINDOW) && !hasNoun; k++) hasNoun = AGREEMENT_NOUNS.has(stripConjunction(wordAt(tokens, k), 2));
      for (let k = Math.max(sStart, i - 3); k < i && !hasNoun; k++) hasNoun = AGREEMENT_NOUNS.has(stripConjunction(wordAt(tokens, k), 2));
      if (!hasNoun) continue;
      const between = betweenParties(index, after, Math.min(sEnd, after + OBJECT_WINDOW + 4));
      for (const e of between) if (!actors.includes(e)) actors.push(e);
      const other = afterPreposition(index, after, Math.min(sEnd, after + OBJECT_WINDOW + 4), new Set(['مع']), ['PER', 'ORG', 'LOC'], notActor);
      if (other) targets.push(other.entity);
    } else if (sense.frame === 'object') {
      // The object, not a place (`قصفت إسرائيل مواقع في سوريا`: Syria is where, not whom).
      // A mention coordinated with و (`في العراق وسوريا`) continues what came before it.
      const notPlace = (m: TokenMention): boolean =>
        notActor(m) && !/^(?:في|فى)$/u.test(wordAt(tokens, m.ts - 1)) && !(m.mention.start > tokens[m.ts].start && /^[وف]/u.test(tokens[m.ts].norm));
      const obj = firstMentionIn(index, after, Math.min(sEnd, after + OBJECT_WINDOW), ['PER', 'ORG', 'LOC'], notPlace);
      if (obj) targets.push(obj.entity);
    }
    if (sense.frame !== 'destination') {
      const place = afterPreposition(index, after, Math.min(sEnd, after + OBJECT_WINDOW + 4), new Set(['في']), ['LOC'], (m) => named(m) && notActor(m) && !targets.includes(m.entity));
      if (place && sense.frame !== 'actor') places.push(place.entity);
    }
    const participants: EventParticipant[] = [];
    const add = (e: Entity, role: EventParticipant['role']): void => {
      if (!participants.some((p) => p.entity === e.id && p.role === role)) participants.push({ entity: e.id, role });
    };
    for (const e of actors) add(e, 'actor');
    for (const e of targets) if (!actors.includes(e)) add(e, 'target');
    for (const e of places) if (!actors.includes(e)) add(e, 'place');
    if (participants.length === 0) continue;

    const modality = modalityOf(tokens, hit, sStart);
    const trigger = { start: tokens[i].start + hit.prefix, end: tokens[hit.te - 1].end, text: '' };
    trigger.text = text.slice(trigger.start, trigger.end);
    const ev: NewsEvent = {
      type: sense.type,
      cameo: sense.type === 'MEET' && modality === 'expected' ? '036' : sense.cameo,
      trigger,
      participants,
      time: nearestTime(timesOf(s), i)?.expression ?? null,
      sentence: s,
    };
    if (modality !== 'asserted') ev.modality = modality;
    const actorIds = participants.filter((p) => p.role === 'actor').map((p) => p.entity);
    if (actorIds.length > 0) lastActors = { sentence: s, ids: actorIds };
    // One event per type, sentence and actors: `وصل … إلى الجزائر في زيارة` is one visit.
    const dup = events.find((e) => e.type === ev.type && e.sentence === s && sameActors(e, ev));
    if (dup) {
      for (const p of ev.participants) if (!dup.participants.some((q) => q.entity === p.entity && q.role === p.role)) dup.participants.push(p);
      dup.time ??= ev.time;
      continue;
    }
    events.push(ev);
    i = hit.te - 1;
  }
  return events;
}

/** A first-person plural verb or pronoun on or just before the trigger (`عزمنا`, `نحن`). */
function firstPersonPlural(tokens: readonly Token[], i: number, sStart: number): boolean {
  for (let k = i; k >= Math.max(sStart, i - 3); k--) {
    const w = stripConjunction(wordAt(tokens, k), 2);
    if (w === 'نحن' || w === 'اننا' || (w.length >= 4 && w.endsWith('نا'))) return true;
  }
  return false;
}

function sameActors(a: NewsEvent, b: NewsEvent): boolean {
  const x = a.participants.filter((p) => p.role === 'actor').map((p) => p.entity);
  const y = b.participants.filter((p) => p.role === 'actor').map((p) => p.entity);
  return x.length === y.length && x.every((id) => y.includes(id));
}

/** The last mention of one of `types` that ends before token `i`, within the sentence. */
function lastMentionBefore(index: DocIndex, i: number, sStart: number, types: readonly string[]): TokenMention | undefined {
  for (let k = i - 1; k >= sStart; k--) {
    const m = index.mentionAt[k];
    if (m && types.includes(m.entity.type) && named(m)) return m;
  }
  return undefined;
}

/** `بين X و Y` (also glued `بين روسياوالعراق`): the two parties. */
function betweenParties(index: DocIndex, from: number, to: number): Entity[] {
  const { tokens } = index;
  for (let k = from; k < to; k++) {
    if (stripConjunction(wordAt(tokens, k), 2) !== 'بين') continue;
    const out: Entity[] = [];
    for (let j = k + 1; j < Math.min(to + 2, k + 5); j++) {
      for (const m of index.allMentionsAt[j] ?? []) if (m.entity.type !== 'PER' && named(m) && !out.includes(m.entity)) out.push(m.entity);
    }
    return out.slice(0, 2);
  }
  return [];
}

/** `expected`, `negated` or `asserted`, from the words around the trigger. */
function modalityOf(tokens: readonly Token[], hit: TriggerHit, sStart: number): 'asserted' | 'expected' | 'negated' {
  const i = hit.ts;
  for (let k = i - 1; k >= Math.max(sStart, i - 2); k--) if (NEGATIONS.has(stripConjunction(wordAt(tokens, k), 2))) return 'negated';
  if (hit.future) return 'expected';
  const w = stripConjunction(wordAt(tokens, i), 2);
  // أن + imperfect: `توقع أن يبرم`, `يمكن أن يتم`.
  if (!hit.sense.noun && /^[يتن]/u.test(w) && wordAt(tokens, i - 1) === 'ان') return 'expected';
  for (let k = i - 1; k >= Math.max(sStart, i - 12); k--) {
    const u = stripConjunction(wordAt(tokens, k), 2);
    if (EXPECTATION.has(u)) return 'expected';
    // A future verb governing a noun trigger: `ستشهد توقيع`.
    if (hit.sense.noun && k === i - 1 && /^س[يتن]/u.test(u) && u.length >= 5) return 'expected';
  }
  return 'asserted';
}

function nearestTime(times: FoundTime[], i: number): FoundTime | undefined {
  let best: FoundTime | undefined;
  let bestDistance = Infinity;
  for (const t of times) {
    const d = t.te <= i ? i - t.te : t.ts > i ? t.ts - i : 0;
    if (d < bestDistance && d <= TIME_WINDOW) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/** The `events` stage: needs `entities` and `sentences`; adds `events`. Reads `options.date`. */
export function createEventsStage(resources: EventResources = {}): Stage {
  const lex = compileTriggerLexicon(resources.verbs);
  return {
    name: 'events',
    needs: ['entities', 'sentences'],
    adds: ['events'],
    run(doc, options) {
      doc.events = findEvents(doc, lex, options);
    },
  };
}
