/**
 * Small lexical helpers shared by the article-understanding stages (linking, quotes,
 * events): clitic-tolerant lookups on normalized words, and the closed word classes that
 * bound names, titles and clauses.
 *
 * Everything works on token `norm` (see `normalize`), so spelling variants (فى/في, أ/ا,
 * diacritics, tatweel) are already folded. Clitics are not split by the tokenizer, and the
 * morphology stage may be absent, so lookups try the word as written first and then with
 * its proclitics peeled (و ف, then ب ل ك, then لل → ال): `وزير` is found as itself before
 * `زير` is ever tried.
 */

const WAW = 'و';
const FA = 'ف';

/** A hit of {@link lookupClitic}: the value and how many leading code units were proclitics. */
export interface CliticHit<T> {
  value: T;
  /** Code units of the word taken by proclitics (0 when the word matched as written). */
  prefix: number;
  /** The form that matched. */
  form: string;
}

/**
 * Looks a normalized word up in `map`, as written and then with proclitics removed.
 * The stripped form must keep at least `minRest` letters (with 3, `وفد` never becomes `فد`).
 */
export function lookupClitic<T>(map: ReadonlyMap<string, T>, norm: string, minRest = 2): CliticHit<T> | undefined {
  const direct = map.get(norm);
  if (direct !== undefined) return { value: direct, prefix: 0, form: norm };
  const c0 = norm[0];
  if (c0 !== WAW && c0 !== FA && c0 !== 'ب' && c0 !== 'ل' && c0 !== 'ك') return undefined;
  let at = 0;
  if ((c0 === WAW || c0 === FA) && norm.length - 1 >= minRest) {
    at = 1;
    const v = map.get(norm.slice(1));
    if (v !== undefined) return { value: v, prefix: 1, form: norm.slice(1) };
  }
  const c1 = norm[at];
  if ((c1 === 'ب' || c1 === 'ل' || c1 === 'ك') && norm.length - at - 1 >= minRest) {
    const rest = norm.slice(at + 1);
    const v = map.get(rest);
    if (v !== undefined) return { value: v, prefix: at + 1, form: rest };
    // لل: the preposition ل before the article, whose alef is not written (للعراق = ل + العراق).
    if (c1 === 'ل' && rest[0] === 'ل' && rest.length > minRest) {
      const withArticle = 'ا' + rest;
      const w = map.get(withArticle);
      if (w !== undefined) return { value: w, prefix: at + 1, form: withArticle };
    }
  }
  return undefined;
}

/**
 * The clitic-stripped forms of every token of a document, computed once so that the many
 * lexicon lookups of the understanding stages allocate nothing: `lookup(map, i)` gives the
 * same answer as `lookupClitic(map, tokens[i].norm)`.
 *
 * Shared between stages through {@link cliticForms}, keyed by the tokens array.
 */
export class CliticForms {
  /** Word minus a leading و/ف; '' when not applicable; undefined until first asked. */
  private readonly conj: (string | undefined)[];
  /** Word minus و/ف and then ب/ل/ك; '' when not applicable. */
  private readonly prep: string[];
  /** Offset where the preposition ends (1 or 2). */
  private readonly prepEnd: Uint8Array;
  readonly norms: string[];

  constructor(tokens: readonly { norm: string; kind: string }[]) {
    const n = tokens.length;
    this.norms = new Array<string>(n);
    for (let i = 0; i < n; i++) this.norms[i] = tokens[i].kind === 'word' ? tokens[i].norm : '';
    // The stripped forms are computed on demand: most tokens never need them.
    this.conj = new Array<string | undefined>(n);
    this.prep = new Array<string>(n);
    this.prepEnd = new Uint8Array(n);
  }

  /** Fills the stripped forms of token `i`. */
  private split(i: number): void {
    const norm = this.norms[i];
    let conj = '';
    let prep = '';
    const c0 = norm[0];
    if (c0 === WAW || c0 === FA || c0 === 'ب' || c0 === 'ل' || c0 === 'ك') {
      let at = 0;
      if (c0 === WAW || c0 === FA) {
        at = 1;
        conj = norm.slice(1);
      }
      const c1 = norm[at];
      if (c1 === 'ب' || c1 === 'ل' || c1 === 'ك') {
        prep = norm.slice(at + 1);
        this.prepEnd[i] = at + 1;
      }
    }
    this.conj[i] = conj;
    this.prep[i] = prep;
  }

  /** {@link lookupClitic} on token `i`. */
  lookup<T>(map: ReadonlyMap<string, T>, i: number, minRest = 2): CliticHit<T> | undefined {
    const norm = this.norms[i];
    if (norm === undefined || norm === '') return undefined;
    const direct = map.get(norm);
    if (direct !== undefined) return { value: direct, prefix: 0, form: norm };
    const c0 = norm[0];
    if (c0 !== WAW && c0 !== FA && c0 !== 'ب' && c0 !== 'ل' && c0 !== 'ك') return undefined;
    if (this.conj[i] === undefined) this.split(i);
    const conj = this.conj[i] ?? '';
    if (conj !== '' && conj.length >= minRest) {
      const v = map.get(conj);
      if (v !== undefined) return { value: v, prefix: 1, form: conj };
    }
    const rest = this.prep[i];
    if (rest !== '' && rest.length >= minRest) {
      const v = map.get(rest);
      if (v !== undefined) return { value: v, prefix: this.prepEnd[i], form: rest };
      if (norm[this.prepEnd[i] - 1] === 'ل' && rest[0] === 'ل' && rest.length > minRest) {
        const withArticle = 'ا' + rest;
        const w = map.get(withArticle);
        if (w !== undefined) return { value: w, prefix: this.prepEnd[i], form: withArticle };
      }
    }
    return undefined;
  }

  /** The word of token `i` without a leading conjunction (when at least `minRest` letters remain). */
  bare(i: number, minRest = 3): string {
    const norm = this.norms[i];
    if (norm[0] !== WAW && norm[0] !== FA) return norm;
    if (this.conj[i] === undefined) this.split(i);
    const conj = this.conj[i] ?? '';
    return conj !== '' && conj.length >= minRest ? conj : norm;
  }
}

/**
 * Every form under which {@link lookupClitic} can find one of `keys`: the key with و/ف,
 * ب/ل/ك and both before it, and لل for a key with the article. A Set of these answers
 * "could this token match?" with one lookup and no string slicing; callers then do the
 * real lookup on the few tokens that pass.
 */
export function withClitics(keys: Iterable<string>, extraPrefixes: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  const prefixes = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', ...extraPrefixes];
  for (const k of keys) {
    for (const p of prefixes) out.add(p + k);
    if (k.startsWith('ال') && k.length > 2) for (const p of ['ل', 'ول', 'فل']) out.add(p + k.slice(1));
  }
  return out;
}

const formsCache = new WeakMap<object, CliticForms>();

/** The {@link CliticForms} of a tokens array, built once and shared by every stage that asks. */
export function cliticForms(tokens: readonly { norm: string; kind: string }[]): CliticForms {
  let forms = formsCache.get(tokens);
  if (!forms || forms.norms.length !== tokens.length) {
    forms = new CliticForms(tokens);
    formsCache.set(tokens, forms);
  }
  return forms;
}

/** True when `lookupClitic` finds the word in `set` (a Set is a map to itself). */
export function hasClitic(set: ReadonlySet<string>, norm: string, minRest = 2): boolean {
  if (set.has(norm)) return true;
  const c0 = norm[0];
  if (c0 !== WAW && c0 !== FA && c0 !== 'ب' && c0 !== 'ل' && c0 !== 'ك') return false;
  let at = 0;
  if ((c0 === WAW || c0 === FA) && norm.length - 1 >= minRest) {
    at = 1;
    if (set.has(norm.slice(1))) return true;
  }
  const c1 = norm[at];
  if ((c1 === 'ب' || c1 === 'ل' || c1 === 'ك') && norm.length - at - 1 >= minRest) {
    const rest = norm.slice(at + 1);
    if (set.has(rest)) return true;
    if (c1 === 'ل' && rest[0] === 'ل' && rest.length > minRest && set.has('ا' + rest)) return true;
  }
  return false;
}

/** Removes a leading conjunction و or ف when at least `minRest` letters remain. */
export function stripConjunction(norm: string, minRest = 3): string {
  return (norm[0] === WAW || norm[0] === FA) && norm.length - 1 >= minRest ? norm.slice(1) : norm;
}

/** Removes the definite article ال when at least two letters remain. */
export function stripArticle(norm: string): string {
  return norm.startsWith('ال') && norm.length > 3 ? norm.slice(2) : norm;
}

/** The word with a conjunction and the article removed: the key under which titles and adjectives are stored. */
export function bareKey(norm: string): string {
  return stripArticle(stripConjunction(norm));
}

/** Splits a phrase on white space and normalizes nothing: callers pass normalized text. */
export const words = (phrase: string): string[] => phrase.split(' ').filter((w) => w !== '');

/**
 * Function words, normalized: prepositions, particles, complementizers, pronouns,
 * demonstratives, relatives. They end names and titles and are never names themselves.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `
في من الى على عن مع ب ل ك حتى منذ مذ عند لدى خلال بين ضد نحو حول عبر دون بعد قبل امام وراء فوق تحت عقب اثناء ازاء تجاه لدي
ان انه انها انهم انهما انني اننا بان بانه بانها لان لانه كان كانت يكون تكون قد لقد لم لن لا ما ليس ليست هل او ام ثم بل لكن لكنه غير سوى
و ف هذا هذه ذلك تلك هؤلاء هذان هاتان الذي التي الذين اللذين اللتين اللذان اللتان اللواتي من ما
هو هي هم هما هن نحن انا انت انتم له لها لهم لنا به بها بهم منه منها منهم فيه فيها فيهم عليه عليها عليهم اليه اليها عنه عنها معه معها
كما كل بعض جميع ايضا فقط حيث اذ اذا لو كي كيف متى اين عندما بينما وقد ولم ولن ولا وما وهو وهي وفي ومن والى وعلى وعن ومع وان وانه وانها
يمكن يجب ينبغي تم يتم جرى يجري هناك هنا الان اليوم امس غدا
`
    .split(/\s+/u)
    .filter(Boolean),
);

/** Honorifics and ranks that may precede a name and are not part of it. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  'د دكتور الدكتور الدكتورة المهندس المهندسة السيد السيدة الاستاذ الاستاذة الشيخ الشيخة الحاج اللواء العميد العقيد الفريق المشير الجنرال الرائد النقيب المستشار الامير الاميرة الملك'.split(' '),
);

/** True for a token kind that can be part of a name or a title. */
export const isWordKind = (kind: string): boolean => kind === 'word';
