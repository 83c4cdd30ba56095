/**
 * Reported speech: the `quotes` stage.
 *
 * - Direct quotes: text between `"…"`, `«…»` or `“…”` that is introduced as speech (a
 *   colon, a reporting verb right before it) or long enough to be a sentence, possibly
 *   over several sentences. Short quoted names (`وكالة "سبوتنيك"`) are not quotes.
 * - Indirect quotes: a reporting verb (`قال`, `أكد`, `أوضح`, `أشار إلى` … in their
 *   persons, tenses and with و/ف) or a circumstantial participle (`مشددا على`, `مشيرا إلى`)
 *   followed within its clause by a complementizer (`أن`, `إن`, `أنه`, `بأن`). The span is
 *   the reported content only, up to the end of the sentence or the next cue.
 *
 * The speaker is the subject after the verb (a person first, then an organization or a
 * country), a bare title the linker resolved (`وأشار الوزير`), or, when the verb has no
 * expressed subject (`وصرح أنه…`), the speaker of the previous quote. A participle's
 * speaker is its clause's speaker. Offsets are into the original text.
 */
import type { AnalyzedDocument, EntityType, Quote } from '../document.js';
import type { Stage } from '../pipeline.js';
import { firstMentionIn, indexDocument, type DocIndex, type TokenMention } from './doc-index.js';
import { cliticForms, FUNCTION_WORDS, stripConjunction, type CliticForms } from './lexical.js';
import { TIME_WORDS } from './time-words.js';

/**
 * Reporting verbs (normalized), as past stems with their inflections and present forms.
 * `يذكر` is left out: unvocalized it is mostly the impersonal passive (`يُذكر أن`).
 */
const REPORTING_VERBS: readonly (readonly string[])[] = [
  ['قال', 'قالت', 'قالا', 'قالوا', 'قالتا', 'يقول', 'تقول', 'يقولون', 'يقولان'],
  ['اكد', 'اكدت', 'اكدا', 'اكدوا', 'اكدتا', 'يؤكد', 'تؤكد', 'يؤكدون', 'يؤكدان'],
  ['اوضح', 'اوضحت', 'اوضحا', 'اوضحوا', 'يوضح', 'توضح', 'يوضحون'],
  ['اشار', 'اشارت', 'اشارا', 'اشاروا', 'يشير', 'تشير', 'يشيرون'],
  ['صرح', 'صرحت', 'صرحا', 'صرحوا', 'يصرح', 'تصرح'],
  ['اعلن', 'اعلنت', 'اعلنا', 'اعلنوا', 'يعلن', 'تعلن', 'يعلنون'],
  ['اضاف', 'اضافت', 'اضافا', 'اضافوا', 'يضيف', 'تضيف'],
  ['توقع', 'توقعت', 'توقعا', 'توقعوا', 'يتوقع', 'تتوقع', 'يتوقعون'],
  ['شدد', 'شددت', 'شددا', 'شددوا', 'يشدد', 'تشدد'],
  ['ذكر', 'ذكرت', 'ذكرا', 'ذكروا'],
  ['افاد', 'افادت', 'افادوا'],
  ['نفى', 'نفت', 'نفيا', 'نفوا', 'ينفي', 'تنفي'],
  ['اعتبر', 'اعتبرت', 'اعتبروا', 'يعتبر', 'تعتبر'],
  ['راى', 'يرى', 'ترى'],
  ['لفت', 'لفتت'],
  ['نوه', 'نوهت'],
  ['كشف', 'كشفت', 'كشفوا'],
  ['تابع', 'تابعت'],
  ['اردف', 'اردفت'],
  ['زعم', 'زعمت', 'زعموا', 'يزعم'],
  ['حذر', 'حذرت', 'حذروا', 'يحذر'],
  ['اعرب', 'اعربت'],
  ['ابلغ', 'ابلغت'],
];

/** Circumstantial participles (masculine and feminine, tanween alef already bare). */
const PARTICIPLES: readonly string[] = [
  'مشددا',
  'مشددة',
  'مشيرا',
  'مشيرة',
  'لافتا',
  'لافتة',
  'مؤكدا',
  'مؤكدة',
  'موضحا',
  'موضحة',
  'مضيفا',
  'مضيفة',
  'معتبرا',
  'معتبرة',
  'متوقعا',
  'متوقعة',
  'منوها',
  'منوهة',
  'مبينا',
  'مبينة',
  'محذرا',
  'محذرة',
  'كاشفا',
  'كاشفة',
  'معلنا',
  'معلنة',
  'قائلا',
  'قائلة',
  'زاعما',
  'مردفا',
];

const VERB_SET: ReadonlySet<string> = new Set(REPORTING_VERBS.flat());
const PARTICIPLE_SET: ReadonlySet<string> = new Set(PARTICIPLES);

/** Complementizers that open reported content (`أن`, `إن`, `أنه`, `بأن` …), normalized. */
const COMPLEMENTIZERS: ReadonlySet<string> = new Set([
  'ان',
  'انه',
  'انها',
  'انهم',
  'انهما',
  'انني',
  'اننا',
  'بان',
  'بانه',
  'بانها',
  'بانهم',
  'بانهما',
]);

/** Words that make `أن` a temporal or concessive conjunction, not reported speech (`قبل أن يبدأ`). */
const NOT_REPORTING_BEFORE: ReadonlySet<string> = new Set(['قبل', 'بعد', 'منذ', 'دون', 'بدون', 'الا', 'رغم', 'برغم', 'حين', 'لحين', 'حتى', 'بمجرد', 'مجرد', 'عوضا', 'بدلا', 'يمكن', 'يجب', 'ينبغي', 'اراد', 'يريد', 'تريد', 'قرر', 'يستطيع', 'تستطيع']);

/** Nouns before a quoted name: `وكالة "سبوتنيك"`, `صحيفة «الأهرام»`, `مسلسل "…"`. */
const NAME_INTRODUCERS: ReadonlySet<string> = new Set(
  'وكالة صحيفة جريدة قناة شبكة موقع مجلة حزب حركة شركة اذاعة تلفزيون منظمة جمعية مؤسسة مجموعة بنك مصرف برنامج مسلسل فيلم كتاب رواية مشروع عملية حملة مبادرة مؤتمر ملتقى مهرجان تطبيق منصة هاشتاغ وسم'.split(' '),
);

/** A noun without a conjunction, a preposition or the article (`لوكالة` → `وكالة`). */
function bareNoun(norm: string): string {
  let w = stripConjunction(norm, 3);
  if (/^[لب]/u.test(w) && w.length > 4) w = w.slice(1);
  if (w.startsWith('ال') && w.length > 4) w = w.slice(2);
  else if (w.startsWith('ل') && w.length > 4) w = w.slice(1);
  return w;
}

/** Adverbs and framing words that may stand between a verb and its subject, or stand for none. */
const ADVERBS: ReadonlySet<string> = new Set(['ايضا', 'كذلك', 'سابقا', 'لاحقا', 'مؤخرا', 'بدوره', 'بدورها', 'بدورهم', 'بدورهما', 'حينها', 'وقتها', 'اخيرا', 'مجددا', 'صراحة', 'بوضوح']);

/** Prepositions a reporting verb governs before its complementizer (`أشار إلى أن`). */
const CUE_PREPOSITIONS: ReadonlySet<string> = new Set(['الى', 'على', 'عن', 'من', 'ب']);

/** How far (in tokens) a complementizer may stand from its verb: subject, appositions, a PP. */
const MAX_CUE_WINDOW = 28;
/** A quote-mark span longer than this is taken as a mismatched mark, not a quote. */
const MAX_DIRECT_TOKENS = 400;
/** Quoted text this long is a quotation even without a reporting verb. */
const MIN_BARE_DIRECT_WORDS = 6;

/** The kind of cue a word is: a reporting verb, a participle, or neither. */
export type CueKind = 'verb' | 'participle';

/** Every cue with and without a conjunction: one lookup tells whether a token can be a cue. */
const ANY_CUE: ReadonlySet<string> = new Set([...VERB_SET, ...PARTICIPLE_SET].flatMap((w) => [w, 'و' + w, 'ف' + w]));

/** {@link cueKind} of token `i`, without allocating. */
function cueKindAt(forms: CliticForms, i: number): CueKind | undefined {
  const norm = forms.norms[i];
  if (!ANY_CUE.has(norm)) return undefined;
  const bare = forms.bare(i, 2);
  if (VERB_SET.has(norm) || VERB_SET.has(bare)) return 'verb';
  if (PARTICIPLE_SET.has(norm) || PARTICIPLE_SET.has(bare)) return 'participle';
  return undefined;
}

/** Whether a normalized word (with or without و/ف) is a reporting cue. */
export function cueKind(norm: string): CueKind | undefined {
  const bare = stripConjunction(norm, 2);
  if (VERB_SET.has(norm) || VERB_SET.has(bare)) return 'verb';
  if (PARTICIPLE_SET.has(norm) || PARTICIPLE_SET.has(bare)) return 'participle';
  return undefined;
}

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '„': '”', '"': '"', '‹': '›' };

/** A direct-quote candidate between two quote marks (token indexes of the marks). */
interface MarkPair {
  open: number;
  close: number;
}

/** Pairs quote marks: typographic ones by kind, straight ones by alternation within a paragraph. */
function pairQuoteMarks(index: DocIndex, text: string): MarkPair[] {
  const { tokens } = index;
  const pairs: MarkPair[] = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'quote') continue;
    if (open >= 0) {
      const paragraphBreak = text.slice(tokens[open].end, t.start).includes('\n');
      if (t.text === closer && !paragraphBreak && i - open <= MAX_DIRECT_TOKENS) {
        pairs.push({ open, close: i });
        open = -1;
        continue;
      }
      if (!paragraphBreak && t.text !== '"' && OPENERS[t.text] === undefined) continue;
      open = -1;
    }
    const c = OPENERS[t.text];
    if (c !== undefined) {
      open = i;
      closer = c;
    }
  }
  return pairs;
}

/** Relative pronouns (normalized) that open a clause about the noun before them. */
const RELATIVES = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان']);

/**
 * The speaker of a verb in a relative clause (`أعلنته وزارة الطاقة أمس، التي أشارت إلى أن`):
 * the person or organization whose mention ends right before the relative pronoun, past a
 * comma or a time word (`أمس`). Undefined when the verb does not follow a relative pronoun.
 */
function relativeAntecedent(index: DocIndex, verb: number): TokenMention | undefined {
  const tokens = index.tokens;
  const rel = verb - 1;
  if (rel < 1 || tokens[rel].kind !== 'word' || !RELATIVES.has(tokens[rel].norm)) return undefined;
  let k = rel - 1;
  for (let skipped = 0; k >= 0 && skipped < 3 && (tokens[k].norm === '،' || tokens[k].norm === ',' || TIME_WORDS.has(tokens[k].norm)); skipped++) k--;
  if (k < 0 || index.sentenceOf[k] !== index.sentenceOf[verb]) return undefined;
  return index.allMentionsAt[k]?.find((m) => m.te === k + 1 && (m.entity.type === 'PER' || m.entity.type === 'ORG'));
}

/** A quote before its speaker is known, with token spans. */
interface Draft {
  kind: 'direct' | 'indirect';
  cueTokens: [number, number];
  cueText: string;
  /** Content token span `[from, to)`. */
  from: number;
  to: number;
  sentence: number;
  speaker: string | null;
  speakerText: string | null;
  /** True when the speaker was not expressed and comes from an earlier quote. */
  inherited: boolean;
  participle: boolean;
}

const SPEAKER_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC'];

/** Finds the quotes of a document (needs tokens and sentences; entities when present). */
export function findQuotes(doc: AnalyzedDocument): Quote[] {
  const index = indexDocument(doc);
  const { tokens, sentenceOf } = index;
  const text = doc.text;
  const n = tokens.length;
  const inDirect = new Uint8Array(n);
  const forms = cliticForms(tokens);
  const drafts: Draft[] = [];

  // 1. Direct quotes.
  for (const { open, close } of pairQuoteMarks(index, text)) {
    let wordsInside = 0;
    for (let k = open + 1; k < close; k++) if (tokens[k].kind === 'word') wordsInside++;
    if (wordsInside === 0) continue;
    const sentence = sentenceOf[open];
    const sentStart = sentence >= 0 ? index.sentenceTokens[sentence][0] : 0;
    const colon = open > 0 && tokens[open - 1].norm === ':';
    // The reporting verb before the quote, in the same sentence, with no complementizer
    // between (`وقال الرئيس في مؤتمر صحفي "…"`): its object is the quote itself.
    let cue = -1;
    let complementizer = false;
    for (let k = open - 1; k >= sentStart && k >= open - 24; k--) {
      if (tokens[k].kind === 'quote') break;
      if (tokens[k].kind !== 'word') continue;
      // `قال إن "…"`: a complementizer right before the mark introduces the quote itself.
      if (k < open - 1 && COMPLEMENTIZERS.has(tokens[k].norm) && !NOT_REPORTING_BEFORE.has(stripConjunction(tokens[k - 1]?.norm ?? '', 2))) complementizer = true;
      if (cueKind(tokens[k].norm)) {
        cue = k;
        break;
      }
    }
    if (cue >= 0 && complementizer && !colon) cue = -1;
    // A quoted name (`لوكالة "أنباء الشرق الأوسط"`) is not speech.
    if (!colon && open > 0 && NAME_INTRODUCERS.has(bareNoun(tokens[open - 1].norm))) continue;
    const near = cue >= 0 && (colon || open - cue <= 3 || wordsInside >= 4);
    if (!near && !(colon && wordsInside >= 2) && wordsInside < MIN_BARE_DIRECT_WORDS) continue;
    for (let k = open; k <= close; k++) inDirect[k] = 1;
    const draft: Draft = {
      kind: 'direct',
      cueTokens: cue >= 0 ? [cue, cue + 1] : [open, open + 1],
      cueText: cue >= 0 ? surfaceWithoutConjunction(text, tokens[cue]) : '',
      from: open + 1,
      to: close,
      sentence,
      speaker: null,
      speakerText: null,
      inherited: false,
      participle: cue >= 0 && cueKind(tokens[cue].norm) === 'participle',
    };
    if (cue >= 0) {
      const subject = firstMentionIn(index, cue + 1, open, SPEAKER_TYPES);
      if (subject) {
        draft.speaker = subject.entity.id;
        draft.speakerText = text.slice(subject.mention.start, subject.mention.end);
      }
    } else {
      // `"…"، قال فلان` / `"…"، حسب فلان`: the speaker after the closing mark.
      let k = close + 1;
      if (tokens[k]?.norm === ',') k++;
      if (tokens[k] && (cueKind(tokens[k].norm) === 'verb' || tokens[k].norm === 'حسب' || tokens[k].norm === 'وفق')) {
        draft.cueTokens = [k, k + 1];
        draft.cueText = surfaceWithoutConjunction(text, tokens[k]);
        const sentEnd = sentenceOf[k] >= 0 ? index.sentenceTokens[sentenceOf[k]][1] : n;
        const subject = firstMentionIn(index, k + 1, Math.min(sentEnd, k + 6), SPEAKER_TYPES);
        if (subject) {
          draft.speaker = subject.entity.id;
          draft.speakerText = text.slice(subject.mention.start, subject.mention.end);
        }
      }
    }
    if (draft.speaker === null) draft.inherited = true;
    drafts.push(draft);
  }

  // 2. Indirect quotes.
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || inDirect[i]) continue;
    const kind = cueKindAt(forms, i);
    if (!kind) continue;
    const sentence = sentenceOf[i];
    if (sentence >= 0 && doc.sentences?.[sentence]?.kind === 'heading') continue;
    const sentEnd = sentence >= 0 ? index.sentenceTokens[sentence][1] : n;
    // The complementizer, within the verb's clause.
    let comp = -1;
    for (let k = i + 1; k < sentEnd && k <= i + MAX_CUE_WINDOW; k++) {
      const u = tokens[k];
      if (inDirect[k] || u.norm === ':' || u.norm === '.' || u.norm === '?' || u.norm === '!') break;
      if (u.kind !== 'word') continue;
      if (COMPLEMENTIZERS.has(u.norm) && !NOT_REPORTING_BEFORE.has(stripConjunction(tokens[k - 1]?.norm ?? '', 2))) {
        comp = k;
        break;
      }
      if (cueKind(u.norm)) break;
    }
    if (comp < 0) continue;
    // A participle's complementizer follows it at once, or after its preposition.
    if (kind === 'participle' && comp > i + 2) continue;
    const from = comp + 1;
    let to = from;
    while (to < sentEnd && !inDirect[to] && !startsNewCue(index, to)) to++;
    while (to > from && (tokens[to - 1].kind === 'punct' || tokens[to - 1].kind === 'quote')) to--;
    if (to <= from) continue;
    const prep = comp - 1 > i && CUE_PREPOSITIONS.has(tokens[comp - 1].norm) ? comp - 1 : -1;
    const cueText = surfaceWithoutConjunction(text, t) + (prep >= 0 ? ' ' + tokens[prep].text : '');
    const draft: Draft = {
      kind: 'indirect',
      cueTokens: [i, i + 1],
      cueText,
      from,
      to,
      sentence,
      speaker: null,
      speakerText: null,
      inherited: false,
      participle: kind === 'participle',
    };
    if (kind === 'verb') {
      const windowEnd = prep >= 0 ? prep : comp;
      // A country speaks only as the subject itself (`وأكدت مصر أن`), not inside one (`مسلمو إثيوبيا`).
      const subject = firstMentionIn(index, i + 1, windowEnd, SPEAKER_TYPES, (m) => m.entity.type !== 'LOC' || (m.mention.via !== 'nisba' && m.ts === i + 1));
      const antecedent = subject ? undefined : relativeAntecedent(index, i);
      if (subject) {
        draft.speaker = subject.entity.id;
        draft.speakerText = text.slice(subject.mention.start, subject.mention.end);
      } else if (antecedent) {
        draft.speaker = antecedent.entity.id;
        draft.speakerText = text.slice(antecedent.mention.start, antecedent.mention.end);
      } else if (windowEnd > i + 1) {
        // An unlinked subject (`مصدر مسؤول`): its words after any adverb, up to the first
        // preposition or time word.
        let b = i + 1;
        while (b < windowEnd && ADVERBS.has(tokens[b].norm)) b++;
        let e = b;
        while (e < windowEnd && e < b + 4 && tokens[e].kind === 'word' && !FUNCTION_WORDS.has(tokens[e].norm) && !TIME_WORDS.has(tokens[e].norm) && !ADVERBS.has(tokens[e].norm)) e++;
        if (e > b) draft.speakerText = text.slice(tokens[b].start, tokens[e - 1].end);
        else draft.inherited = true;
      } else {
        draft.inherited = true;
      }
    } else {
      draft.inherited = true;
    }
    drafts.push(draft);
    i = to - 1;
  }

  // 3. Unexpressed speakers: the clause's or the previous quote's speaker.
  drafts.sort((a, b) => a.from - b.from);
  for (let q = 0; q < drafts.length; q++) {
    const d = drafts[q];
    if (!d.inherited || d.speakerText !== null) continue;
    const prev = drafts
      .slice(0, q)
      .reverse()
      .find((p) => p.speaker !== null && d.sentence - p.sentence <= 2);
    if (prev && (!d.participle || prev.sentence === d.sentence || prev.sentence === d.sentence - 1)) {
      d.speaker = prev.speaker;
    } else {
      // The subject of the clause: the first person named in the sentence before the cue.
      const s = d.sentence >= 0 ? index.sentenceTokens[d.sentence][0] : 0;
      const subject = firstMentionIn(index, s, d.cueTokens[0], ['PER']);
      if (subject) d.speaker = subject.entity.id;
    }
  }

  return drafts.map((d) => {
    const start = tokens[d.from].start;
    const end = tokens[d.to - 1].end;
    return { speaker: d.speaker, speakerText: d.speakerText, cue: d.cueText, kind: d.kind, start, end, text: text.slice(start, end) };
  });
}

/** True when the token at `k` opens a new reported clause (`، مشيرا إلى`, `وأكد`). */
function startsNewCue(index: DocIndex, k: number): boolean {
  const t = index.tokens[k];
  if (t.kind !== 'word') return false;
  const kind = cueKind(t.norm);
  if (!kind) return false;
  if (kind === 'participle') return true;
  const prev = index.tokens[k - 1];
  return t.norm !== stripConjunction(t.norm, 2) || prev?.norm === ',';
}

/** The original text of a token without a leading conjunction (`وقال` → `قال`). */
function surfaceWithoutConjunction(text: string, t: { start: number; end: number; norm: string }): string {
  const s = text.slice(t.start, t.end);
  if (t.norm === stripConjunction(t.norm, 2) || (s[0] !== 'و' && s[0] !== 'ف')) return s;
  // The conjunction and the marks on it (وَقال).
  let i = 1;
  while (i < s.length && /[\p{M}\u0640]/u.test(s[i])) i++;
  return s.slice(i);
}

/** The `quotes` stage: needs `entities` and `sentences`; adds `quotes`. */
export function createQuotesStage(): Stage {
  return {
    name: 'quotes',
    needs: ['entities', 'sentences'],
    adds: ['quotes'],
    run(doc) {
      doc.quotes = findQuotes(doc);
    },
  };
}
