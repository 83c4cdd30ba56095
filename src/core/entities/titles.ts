/**
 * Titles and the names they introduce.
 *
 * News Arabic names a person by a title in apposition, before the name
 * (`وزير الخارجية الروسي، سيرجي لافروف`), after it (`سامية رؤوف، رئيسة الغرفة`), by a
 * possessive counterpart (`نظيره الروسي سيرجي لافروف`), or by the title alone later on
 * (`وأشار الوزير`). This module reads one title at a token position:
 *
 *   head (وزير, المتحدث, رئيس…) → portfolio from the title trie or a generic noun phrase
 *   (`الخارجية`, `باسم الحكومة`, `الغرفة التجارية`) → country by name in construct
 *   (`وزير خارجية العراق`) or by nationality adjective (`الروسي`, `العراقية`),
 *
 * and finds the name that follows it, if any. It never decides who a bare title refers
 * to: that is the linker's job.
 */
import type { Token } from '../document.js';
import { cliticForms, FUNCTION_WORDS, HONORIFICS, stripArticle, stripConjunction, type CliticForms } from '../discourse/lexical.js';
import { TIME_WORDS } from '../discourse/time-words.js';
import { normalizeToken } from '../text/tokenize.js';
import type { LinkingLexicon, TitleTrieNode } from './link-lexicon.js';

/**
 * Title heads (bare, normalized) → class. Two titles refer to the same kind of person when
 * their classes are equal; `الوزير` can stand for any minister named before.
 */
export const TITLE_HEADS: ReadonlyMap<string, string> = new Map([
  ['وزير', 'minister'],
  ['وزيرة', 'minister'],
  ['رئيس', 'president'],
  ['رئيسة', 'president'],
  ['متحدث', 'spokesperson'],
  ['متحدثة', 'spokesperson'],
  ['ناطق', 'spokesperson'],
  ['ناطقة', 'spokesperson'],
  ['سفير', 'ambassador'],
  ['سفيرة', 'ambassador'],
  ['مبعوث', 'envoy'],
  ['مبعوثة', 'envoy'],
  ['مندوب', 'envoy'],
  ['مندوبة', 'envoy'],
  ['ممثل', 'envoy'],
  ['ممثلة', 'envoy'],
  ['قائد', 'commander'],
  ['قائدة', 'commander'],
  ['مدير', 'director'],
  ['مديرة', 'director'],
  ['امين', 'secretary'],
  ['امينة', 'secretary'],
  ['سكرتير', 'secretary'],
  ['نائب', 'deputy'],
  ['نائبة', 'deputy'],
  ['وكيل', 'deputy'],
  ['مستشار', 'adviser'],
  ['مستشارة', 'adviser'],
  ['محافظ', 'governor'],
  ['حاكم', 'governor'],
  ['زعيم', 'leader'],
  ['زعيمة', 'leader'],
  ['ملك', 'monarch'],
  ['ملكة', 'monarch'],
  ['عاهل', 'monarch'],
  ['امير', 'emir'],
  ['اميرة', 'emir'],
  ['ولي', 'emir'],
  ['مسؤول', 'official'],
  ['مسؤولة', 'official'],
  ['قاضي', 'judge'],
  ['عمدة', 'mayor'],
  ['رئيس وزراء', 'premier'],
  ['رئيسة وزراء', 'premier'],
  ['رئيس حكومة', 'premier'],
  ['رئيسة حكومة', 'premier'],
]);

/**
 * Heads that are also common first names or nouns (`أمين`, `ملك`, `نائب` = MP, `حاكم`):
 * taken as titles only with the article, a portfolio, or a country after them.
 */
const AMBIGUOUS_HEADS: ReadonlySet<string> = new Set(['امين', 'امينة', 'ملك', 'ملكة', 'امير', 'اميرة', 'ولي', 'نائب', 'نائبة', 'حاكم', 'قاضي', 'مسؤول', 'مسؤولة', 'ممثل', 'ممثلة', 'وكيل', 'مستشار']);

/** Classes whose head takes a portfolio noun into the title (`وزير الطاقة`) rather than an organization. */
const PORTFOLIO_CLASSES: ReadonlySet<string> = new Set(['minister']);
/** Classes whose head takes a following definite noun phrase as the organization (`رئيسة الغرفة التجارية`). */
const ORG_CLASSES: ReadonlySet<string> = new Set(['president', 'director', 'secretary', 'commander', 'leader', 'deputy', 'adviser', 'governor', 'envoy', 'ambassador']);

/** Nouns that head an organization's name, in the construct state (`مجلس إدارة الغرفة`). */
const INSTITUTION_HEADS: ReadonlySet<string> = new Set(
  'مجلس ادارة هيئة لجنة اتحاد جمعية غرفة شركة وزارة جامعة حزب حركة منظمة مؤسسة مركز قسم بنك مصرف نادي جهاز دائرة مكتب مجموعة صندوق برنامج مشروع اكاديمية معهد كلية محكمة نيابة شرطة جيش قوات رابطة نقابة تحالف ائتلاف وكالة صحيفة قناة بلدية امانة بحوث دراسات شؤون قطاع وحدة فريق مديرية سلطة بعثة مرصد منتدى مستشفى'.split(' '),
);

/** Title phrases every build knows, on top of those mined from the agents dictionary (bare keys). */
export const CORE_TITLE_PHRASES: readonly string[] = [
  'وزير خارجية',
  'وزيرة خارجية',
  'وزير دفاع',
  'وزير داخلية',
  'وزير مالية',
  'وزير عدل',
  'وزير نفط',
  'وزير طاقة',
  'وزير دولة',
  'رئيس وزراء',
  'رئيسة وزراء',
  'رئيس حكومة',
  'رئيس جمهورية',
  'رئيس دولة',
  'رئيس برلمان',
  'رئيس مجلس نواب',
  'رئيس مجلس وزراء',
  'رئيس اركان',
  'نائب رئيس',
  'نائب رئيس وزراء',
  'نائب وزير',
  'نائب وزير خارجية',
  'امين عام',
  'ولي عهد',
  'متحدث رسمي',
  'ناطق رسمي',
  'مساعد وزير',
  'وكيل وزارة',
];

/** Possessive "counterpart" nouns (`نظيره`: his counterpart): the title comes from the possessor. */
export const COUNTERPARTS: ReadonlySet<string> = new Set([
  'نظيره',
  'نظيرها',
  'نظيرهم',
  'نظيرهما',
  'نظيرته',
  'نظيرتها',
  'نظيريه',
  'نظراءه',
  'نظرائه',
  'نظيري',
  'نظيرتي',
]);

/** Reporting verbs and other words that can never start a name right after a title. */
const NOT_NAME: ReadonlySet<string> = new Set(['قال', 'اكد', 'اوضح', 'اشار', 'صرح', 'اعلن', 'اضاف', 'توقع', 'شدد', 'ذكر', 'لافتا', 'مشيرا', 'مشددا', 'مؤكدا', 'موضحا', 'مضيفا', 'عقب', 'وفق', 'وفقا', 'حسب', 'نقلا', 'اليوم', 'امس', 'غدا']);

/** Title heads with and without the article → class. */
export const HEAD_LOOKUP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [head, cls] of TITLE_HEADS) {
    if (head.includes(' ')) continue;
    m.set(head, cls);
    m.set('ال' + head, cls);
  }
  return m;
})();

/** A title read at a token position. Token indexes are `[start, end)`. */
export interface TitleMatch {
  start: number;
  end: number;
  /** Canonical title without the country: `وزير الخارجية`, `المتحدث باسم الحكومة`, `الرئيس`. Empty for a bare counterpart. */
  title: string;
  /** Class of the head (see {@link TITLE_HEADS}); empty for a bare counterpart. */
  cls: string;
  /** True when the title is its head alone (`الوزير`, `الرئيس الجزائري`). */
  headOnly: boolean;
  /** ISO-3 code of the country named by the title (by name or adjective). */
  country?: string;
  /** Token span of the country word(s) inside the title. */
  countrySpan?: [number, number];
  /** The organization the title is held in (`الغرفة التجارية المشتركة`), when read. */
  org?: string;
  /** `نظيره …`: the title is the one held by the person the pronoun refers to. */
  counterpart: boolean;
}

const isComma = (t: Token | undefined): boolean => t !== undefined && t.kind === 'punct' && (t.norm === ',' || t.norm === ';');

/** The class of a title head at token `i`, or undefined. */
export function headClass(tokens: readonly Token[], i: number, forms: CliticForms = cliticForms(tokens)): string | undefined {
  return forms.lookup(HEAD_LOOKUP, i, 3)?.value;
}

/** The country named at token `i` by a name (possibly several words): its code and end. */
export function countryNameAt(
  tokens: readonly Token[],
  i: number,
  lex: LinkingLexicon,
  clitics = true,
  forms: CliticForms = cliticForms(tokens),
): { code: string; end: number; prefix: number; form: string } | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return undefined;
  const direct = lex.countryPhrases.get(t.norm);
  const hit = direct ? { value: direct, prefix: 0, form: t.norm } : clitics ? forms.lookup(lex.countryPhrases, i, 2) : undefined;
  if (!hit) return undefined;
  for (const entry of hit.value) {
    let ok = true;
    for (let k = 1; k < entry.words.length; k++) {
      const u = tokens[i + k];
      if (u === undefined || u.norm !== entry.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok && !isRegionAdjective(tokens[i + entry.words.length])) return { code: entry.value, end: i + entry.words.length, prefix: hit.prefix, form: hit.form };
  }
  return undefined;
}

/**
 * Adjectives that turn a country name into another place: `أمريكا الجنوبية` (South America),
 * `أمريكا اللاتينية`, `إيرلندا الشمالية`, `ألمانيا الشرقية`. A phrase the lexicon knows whole
 * (`كوريا الجنوبية`, `تيمور الشرقية`) is matched before this applies.
 */
const REGION_ADJECTIVES = new Set(
  ['الجنوبية', 'الشمالية', 'الشرقية', 'الغربية', 'الوسطى', 'اللاتينية', 'الجنوبي', 'الشمالي', 'الشرقي', 'الغربي'].map(normalizeToken),
);

/** True when `t` is one of {@link REGION_ADJECTIVES}. */
export function isRegionAdjective(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && REGION_ADJECTIVES.has(t.norm);
}

/** The country of a nationality adjective at token `i` (`الروسي`, `والعراقية`), or undefined. */
export function nisbaAt(tokens: readonly Token[], i: number, lex: LinkingLexicon, forms: CliticForms = cliticForms(tokens)): { code: string; prefix: number } | undefined {
  const hit = forms.lookup(lex.nisba, i, 3);
  return hit ? { code: hit.value, prefix: hit.prefix } : undefined;
}

/** True when the word at `i` can continue a noun phrase inside a title (`الغرفة التجارية`). */
function isPhraseWord(tokens: readonly Token[], i: number, lex: LinkingLexicon): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return false;
  const n = t.norm;
  if (FUNCTION_WORDS.has(n) || TIME_WORDS.has(n) || n.length < 3) return false;
  if (nisbaAt(tokens, i, lex) || countryNameAt(tokens, i, lex, false)) return false;
  if (headClass(tokens, i) !== undefined) return false;
  return true;
}

const isDefinite = (n: string): boolean => n.startsWith('ال') && n.length > 3;

/** Walks the title trie from `node` over the tokens from `i`; returns the end of the longest complete phrase. */
function walkTrie(tokens: readonly Token[], i: number, node: TitleTrieNode): number {
  let best = -1;
  let at = i;
  let cur: TitleTrieNode | undefined = node;
  while (cur) {
    if (cur.end) best = at;
    const t = tokens[at];
    if (t === undefined || t.kind !== 'word') break;
    cur = cur.next.get(stripArticle(t.norm));
    at++;
  }
  return best;
}

/**
 * Reads a title starting at token `i`, or returns undefined. The title may carry a
 * conjunction or preposition on its first word (`وأشار الوزير`, `لوزير الخارجية`).
 */
export function matchTitle(tokens: readonly Token[], i: number, lex: LinkingLexicon, trie: TitleTrieNode, forms: CliticForms = cliticForms(tokens)): TitleMatch | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return undefined;
  if (COUNTERPARTS.has(forms.bare(i, 4)) || COUNTERPARTS.has(t.norm)) {
    const m: TitleMatch = { start: i, end: i + 1, title: '', cls: '', headOnly: true, counterpart: true };
    const nis = nisbaAt(tokens, i + 1, lex);
    if (nis) {
      m.country = nis.code;
      m.countrySpan = [i + 1, i + 2];
      m.end = i + 2;
    }
    return m;
  }
  const head = forms.lookup(HEAD_LOOKUP, i, 3);
  if (!head) return undefined;
  const headWord = head.form;
  let cls = head.value;
  const titleWords = [headWord];
  let j = i + 1;
  let extended = false;
  // Portfolio from the trie (longest complete phrase), e.g. وزير + الخارجية, رئيس + الوزراء.
  const root = trie.next.get(stripArticle(headWord));
  if (root) {
    const end = walkTrie(tokens, j, root);
    if (end > j) {
      for (let k = j; k < end; k++) titleWords.push(tokens[k].norm);
      const phraseClass = TITLE_HEADS.get([stripArticle(headWord), ...titleWords.slice(1).map(stripArticle)].slice(0, 2).join(' '));
      if (phraseClass) cls = phraseClass;
      j = end;
      extended = true;
    }
  }
  let org: string | undefined;
  if (cls === 'spokesperson') {
    if (tokens[j]?.norm === 'الرسمي' || tokens[j]?.norm === 'رسمي') {
      titleWords.push(tokens[j].norm);
      j++;
    }
    if (tokens[j]?.norm === 'باسم') {
      const npStart = j + 1;
      let k = npStart;
      while (k < npStart + 3 && isPhraseWord(tokens, k, lex)) k++;
      if (k > npStart) {
        titleWords.push('باسم', ...tokens.slice(npStart, k).map((u) => u.norm));
        const np = tokens.slice(npStart, k).map((u) => u.norm).join(' ');
        if (stripArticle(np) !== 'حكومة') org = np;
        j = k;
        extended = true;
      }
    }
  } else if (!extended && (PORTFOLIO_CLASSES.has(cls) || ORG_CLASSES.has(cls))) {
    // A generic definite noun phrase: a portfolio for a minister, an organization otherwise.
    let k = j;
    const max = PORTFOLIO_CLASSES.has(cls) ? 2 : 3;
    // An organization in the construct state: `مجلس إدارة` + `الغرفة التجارية الصناعية`.
    if (ORG_CLASSES.has(cls)) {
      while (k < j + 3 && tokens[k]?.kind === 'word' && INSTITUTION_HEADS.has(tokens[k].norm)) k++;
    }
    const construct = k > j;
    // An organization starts with a noun, not an adjective (`الزعيم الكردي` is no organization).
    const adjective = !construct && ORG_CLASSES.has(cls) && /ية?$/u.test(tokens[j]?.norm ?? '');
    while (!adjective && k < j + max + (construct ? 2 : 0) && isPhraseWord(tokens, k, lex) && isDefinite(tokens[k].norm)) k++;
    // A genitive with ل closes an organization's name: الهيئة الوطنية للإحصاء.
    if (k > j && ORG_CLASSES.has(cls) && tokens[k]?.kind === 'word' && tokens[k].norm.startsWith('لل') && isPhraseWord(tokens, k, lex)) k++;
    if (k > j) {
      const np = tokens.slice(j, k).map((u) => u.norm);
      if (PORTFOLIO_CLASSES.has(cls)) titleWords.push(...np);
      else org = np.join(' ');
      j = k;
      extended = true;
    }
  }
  const m: TitleMatch = { start: i, end: j, title: '', cls, headOnly: !extended, counterpart: false, ...(org ? { org } : {}) };
  // Country: a nationality adjective, or a name in construct (وزير خارجية العراق).
  const nis = nisbaAt(tokens, j, lex);
  if (nis && nis.prefix === 0) {
    m.country = nis.code;
    m.countrySpan = [j, j + 1];
    m.end = j + 1;
  } else {
    const name = countryNameAt(tokens, j, lex, false);
    if (name) {
      m.country = name.code;
      m.countrySpan = [j, name.end];
      m.end = name.end;
      // In construct the title word has no article (خارجية); its citation form has one.
      const last = titleWords.length - 1;
      if (last > 0 && !titleWords[last].startsWith('ال')) titleWords[last] = 'ال' + titleWords[last];
    }
  }
  if (AMBIGUOUS_HEADS.has(stripArticle(headWord)) && !headWord.startsWith('ال') && !extended && m.country === undefined) return undefined;
  m.title = titleWords.join(' ');
  return m;
}

/** A name found after a title, as a token span. */
export interface NameSpan {
  start: number;
  end: number;
}

/** True when the word at `i` may be part of a person's name. */
function isNameWord(tokens: readonly Token[], i: number, lex: LinkingLexicon, forms: CliticForms, taken?: Uint8Array): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word' || taken?.[i]) return false;
  const n = t.norm;
  // The morphology, when it ran, knows a verb (`الوزير سيزور باريس`); a known first name stays a name (يزيد).
  if (t.pos === 'VERB' && !lex.firstNames.has(n)) return false;
  if (n.length < 2 || FUNCTION_WORDS.has(n) || TIME_WORDS.has(n) || NOT_NAME.has(stripConjunction(n))) return false;
  if (HONORIFICS.has(n)) return false;
  // A preposition glued to the article (بالوضع, للعراق) is not how names are written.
  if (n.length >= 5 && /^(?:بال|لل|كال|فال|وال)/u.test(n)) return false;
  if (headClass(tokens, i, forms) !== undefined || COUNTERPARTS.has(forms.bare(i, 4)) || INSTITUTION_HEADS.has(n)) return false;
  if (nisbaAt(tokens, i, lex, forms) || countryNameAt(tokens, i, lex, true, forms)) return false;
  return true;
}

const NAME_LINKS: ReadonlySet<string> = new Set(['بن', 'ابن', 'ابو', 'ابي', 'عبد', 'بنت', 'ام', 'ال', 'بو']);

/** True when a token ends a name: punctuation, a quote, a function or time word, or the end. */
function isNameBoundary(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return true;
  if (t.kind === 'punct' || t.kind === 'quote') return true;
  if (t.kind !== 'word') return false;
  return FUNCTION_WORDS.has(t.norm) || TIME_WORDS.has(t.norm) || NOT_NAME.has(stripConjunction(t.norm)) || /^(?:في|فى)$/u.test(t.norm);
}

/**
 * Finds the name that follows a title ending at token `k` (after an optional comma and
 * honorifics). `knownStart` gives the end of a PER mention starting at a token, from NER
 * or the gazetteer, which wins over the heuristic. The heuristic takes one to four name
 * words that end at a boundary (punctuation, a function or time word); without a boundary
 * it takes two words only when the first is a known first name. Tokens marked in `taken`
 * (inside another entity's mention: `باريس` as a place) are never name words.
 */
export function nameAfter(tokens: readonly Token[], k: number, lex: LinkingLexicon, knownStart: ReadonlyMap<number, number>, taken?: Uint8Array): NameSpan | undefined {
  let at = k;
  if (isComma(tokens[at])) at++;
  while (tokens[at]?.kind === 'word' && HONORIFICS.has(tokens[at].norm)) {
    at++;
    if (tokens[at]?.norm === '.') at++;
  }
  const known = knownStart.get(at);
  if (known !== undefined) return { start: at, end: known };
  let end = at;
  const forms = cliticForms(tokens);
  while (end < at + 4 && isNameWord(tokens, end, lex, forms, taken)) end++;
  if (end === at) return undefined;
  const isCommon = (i: number): boolean => !lex.firstNames.has(tokens[i].norm) && (lex.commonWords.has(tokens[i].norm) || lex.commonWords.has(stripConjunction(tokens[i].norm)));
  // A frequent common word (سبل, تعزيز) does not open a name.
  if (isCommon(at)) return undefined;
  if (isNameBoundary(tokens, end)) {
    const isClosed = (e: number): boolean => tokens[e] === undefined || tokens[e].kind === 'punct' || tokens[e].kind === 'quote';
    // Not closed by punctuation, a name stops before a frequent common word (`بجدة كلمة أشار`).
    if (!isClosed(end)) {
      for (let k = at + 1; k < end; k++) {
        if (isCommon(k) && !NAME_LINKS.has(tokens[k - 1].norm)) {
          end = k;
          break;
        }
      }
    }
    // A given name comes first: a definite word opens a phrase (`الكردي المسجون`), not a name.
    if (end - at >= 2 && isDefinite(tokens[at].norm) && !lex.firstNames.has(tokens[at].norm)) return undefined;
    if (end - at === 1) {
      // A possessive suffix marks a noun (بموقفنا, قدراته), not a name.
      if (/(?:نا|ها|هم|كم|هما|ته)$/u.test(tokens[at].norm) && tokens[at].norm.length >= 5 && !lex.firstNames.has(tokens[at].norm)) return undefined;
      // A lone word is a name only when punctuation closes it right away, no comma stood
      // before it (`…، دعت في` is the next clause), and it is not a bare definite noun.
      if (!isClosed(end) || at > k || (isDefinite(tokens[at].norm) && !lex.firstNames.has(tokens[at].norm))) return undefined;
    }
    return { start: at, end };
  }
  if (end - at >= 2 && lex.firstNames.has(tokens[at].norm)) {
    const len = NAME_LINKS.has(tokens[at + 1].norm) && end - at >= 3 ? 3 : 2;
    return { start: at, end: at + len };
  }
  // No boundary: a name of two or three words closed by a common word (مراد بلقاسم سبل …).
  if (isDefinite(tokens[at].norm)) return undefined;
  for (let e = at + 2; e <= Math.min(end, at + 3); e++) {
    if (e < end && isCommon(e) && !isCommon(e - 1)) return { start: at, end: e };
  }
  return undefined;
}

/**
 * A title after a name (`سامية رؤوف، رئيسة الغرفة التجارية المشتركة،`): the title must
 * follow the name's comma and be closed by punctuation or the end.
 */
export function titleAfterName(tokens: readonly Token[], nameEnd: number, lex: LinkingLexicon, trie: TitleTrieNode): TitleMatch | undefined {
  if (!isComma(tokens[nameEnd])) return undefined;
  const m = matchTitle(tokens, nameEnd + 1, lex, trie);
  if (!m || m.counterpart) return undefined;
  const after = tokens[m.end];
  if (after !== undefined && after.kind !== 'punct') return undefined;
  return m;
}
