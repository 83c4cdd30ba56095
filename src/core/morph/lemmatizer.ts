/**
 * Lemmatization of syntactic words. Known words take their lemma from the training
 * lexicon (vocalized, as PADT writes it: `جامعات/NOUN` → `جَامِعَة`). Other words get an
 * undiacritized lemma from an edit script learned from the treebank: strip a prefix and a
 * suffix of the form and put others in their place (`الجامعات` → strip `ال`, `ات` → add
 * `ة` → `جامعة`; `اعلن` → strip `ا`, add `أ` → `أعلن`). A linear ranker chooses among the
 * scripts that apply, from the word's affixes and tag and from how often the resulting
 * lemma is written in the news.
 */
import { finish, mixChars, mixInt, mixString, seed } from './hash.js';
import type { WeightSource } from './table.js';
import type { Vocabulary } from './vocabulary.js';

/** An edit script: replace prefix `stripPrefix` by `addPrefix` and suffix `stripSuffix` by `addSuffix`. */
export interface EditScript {
  stripPrefix: string;
  addPrefix: string;
  stripSuffix: string;
  addSuffix: string;
}

/** The script's identity as a string (`ال>|ات>ة`). */
export function scriptName(s: EditScript): string {
  return `${s.stripPrefix}>${s.addPrefix}|${s.stripSuffix}>${s.addSuffix}`;
}

/** Parses {@link scriptName}. */
export function parseScript(name: string): EditScript {
  const [pre, suf] = name.split('|');
  const [stripPrefix, addPrefix] = pre.split('>');
  const [stripSuffix, addSuffix] = suf.split('>');
  return { stripPrefix, addPrefix, stripSuffix, addSuffix };
}

/**
 * The script that turns `form` into `lemma`, keeping the longest common run of letters
 * (both undiacritized). Returns undefined when they share no letter.
 */
export function scriptFor(form: string, lemma: string): EditScript | undefined {
  let bestLen = 0;
  let bestF = 0;
  let bestL = 0;
  for (let i = 0; i < form.length; i++) {
    for (let j = 0; j < lemma.length; j++) {
      let k = 0;
      while (i + k < form.length && j + k < lemma.length && form[i + k] === lemma[j + k]) k++;
      if (k > bestLen) {
        bestLen = k;
        bestF = i;
        bestL = j;
      }
    }
  }
  if (bestLen === 0) return undefined;
  return {
    stripPrefix: form.slice(0, bestF),
    addPrefix: lemma.slice(0, bestL),
    stripSuffix: form.slice(bestF + bestLen),
    addSuffix: lemma.slice(bestL + bestLen),
  };
}

/** Applies a script to a form, or undefined when its affixes are not there (or nothing would remain). */
export function applyScript(form: string, s: EditScript): string | undefined {
  if (!form.startsWith(s.stripPrefix) || !form.endsWith(s.stripSuffix)) return undefined;
  const core = form.length - s.stripPrefix.length - s.stripSuffix.length;
  if (core < 1) return undefined;
  return s.addPrefix + form.slice(s.stripPrefix.length, form.length - s.stripSuffix.length) + s.addSuffix;
}

const T_L_BIAS = 0x401;
const T_L_SUFFIX = 0x402;
const T_L_PREFIX = 0x403;
const T_L_FREQ = 0x404;
const T_L_LEN = 0x405;
const T_L_WORD = 0x406;

/** Feature keys of applying script number `script` to `form` (tag `tag`) giving `lemma`; returns the count. */
export function lemmaFeatures(form: string, tag: number, script: number, lemma: string, vocab: Vocabulary, out: Uint32Array): number {
  let k = 0;
  const len = form.length;
  out[k++] = finish(mixInt(mixInt(seed(T_L_BIAS), script), tag));
  out[k++] = finish(mixInt(seed(T_L_BIAS), script));
  for (let p = 1; p <= 4 && p <= len; p++) out[k++] = finish(mixInt(mixInt(mixChars(seed(T_L_SUFFIX), form, len - p, len), script), tag));
  for (let p = 1; p <= 3 && p <= len; p++) out[k++] = finish(mixInt(mixChars(seed(T_L_PREFIX), form, 0, p), script));
  const freq = Math.round(vocab.clean(lemma));
  out[k++] = finish(mixInt(mixInt(seed(T_L_FREQ), Math.min(freq, 20)), tag));
  out[k++] = finish(mixInt(mixInt(mixInt(seed(T_L_FREQ), Math.min(freq, 20)), script), 1));
  out[k++] = finish(mixInt(mixInt(seed(T_L_LEN), Math.min(lemma.length, 10)), tag));
  out[k++] = finish(mixInt(mixString(seed(T_L_WORD), form), script));
  return k;
}

/**
 * A templatic script, for the lemmas an affix edit cannot reach because the stem itself
 * changes: broken plurals (`محاكم` → `محكمة`, `عصور` → `عصر`) and hollow or defective
 * verbs (`يقوم` → `قام`). Both sides are written with slots `1`…`9` for the letters the
 * form and the lemma share, in order; every other letter is literal. `ال12ا34` → `1234ة`
 * turns `المحاكم` into `محكمة` and `المدارس` into `مدرسة`. A slot never stands for a
 * weak letter (alef, hamza forms, `و`, `ي`, `ى`, `ة`), because those are what the
 * patterns themselves are made of: letting a slot match them would let `فواعل` read as
 * any four-letter shape.
 */
export interface TemplateScript {
  form: string;
  lemma: string;
}

const WEAK_LETTERS = new Set([...'اأإآءئؤويىة']);
const SLOT_DIGITS = '123456789';

function isSlot(ch: string): boolean {
  return ch.length === 1 && ch >= '1' && ch <= '9';
}

/** The template's identity as a string (`@ال12ا34>1234ة`); {@link parseRule} reads it back. */
export function templateName(t: TemplateScript): string {
  return `@${t.form}>${t.lemma}`;
}

/**
 * The template that turns `form` into `lemma`, or undefined when the longest common
 * substring already keeps every strong letter they share (an {@link EditScript} does that
 * job, and more generally) or when fewer than two strong letters are shared. Shared letters
 * are found as the longest common subsequence of the strong (non-weak) letters.
 */
export function templateFor(form: string, lemma: string): TemplateScript | undefined {
  if (/[1-9]/u.test(form) || /[1-9]/u.test(lemma)) return undefined;
  const f = [...form];
  const l = [...lemma];
  const n = f.length;
  const m = l.length;
  // dp[i][j]: longest common subsequence of strong letters of f[i…] and l[j…].
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = f[i] === l[j] && !WEAK_LETTERS.has(f[i]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const shared = dp[0][0];
  if (shared < 2 || shared > SLOT_DIGITS.length) return undefined;
  const script = scriptFor(form, lemma);
  const core = script ? form.slice(script.stripPrefix.length, form.length - script.stripSuffix.length) : '';
  let strongInCore = 0;
  for (const ch of core) if (!WEAK_LETTERS.has(ch)) strongInCore++;
  if (strongInCore >= shared) return undefined;
  const fOut = [...f];
  const lOut = [...l];
  let slot = 0;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (f[i] === l[j] && !WEAK_LETTERS.has(f[i]) && dp[i][j] === dp[i + 1][j + 1] + 1) {
      fOut[i] = lOut[j] = SLOT_DIGITS[slot++];
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return { form: fOut.join(''), lemma: lOut.join('') };
}

/**
 * The forms of a template with the outer letters a lemma never keeps put back on its form
 * side: the article (`ال`) and the alef of accusative tanween (`قيودا`). A template is
 * learned from its core (`محاكم` → `محكمة` from `المحاكم`), and these variants let the one
 * learned from `المحاكم` serve `محاكم` and `محاكما` too.
 */
export function templateVariants(core: TemplateScript): TemplateScript[] {
  return ['', 'ال'].flatMap((article) => ['', 'ا'].map((tanween) => ({ form: `${article}${core.form}${tanween}`, lemma: core.lemma })));
}

/**
 * The core of a template: the article and a final tanween alef taken off its form side when
 * the lemma does not have them, or undefined when nothing is left to template.
 */
export function templateCore(t: TemplateScript): TemplateScript {
  let form = t.form;
  if (form.startsWith('ال') && !t.lemma.startsWith('ال')) form = form.slice(2);
  if (form.endsWith('ا') && form.length > 1 && isSlot(form[form.length - 2]) && !t.lemma.endsWith('ا')) form = form.slice(0, -1);
  return { form, lemma: t.lemma };
}

/**
 * Where a form (or a template's form side) has its weak letters: `المحاكم` and `ال12ا34` both
 * give `x..x...` (as a string). A template's slots are strong letters and its literal letters
 * are themselves, so a form can only fit templates of exactly its shape: the index looks
 * them up by it instead of trying every template of the form's length.
 */
export function weakShape(form: string): string {
  let out = '';
  for (const ch of form) out += WEAK_LETTERS.has(ch) ? 'x' : '.';
  return out;
}

/** Applies a template to a form, or undefined when the form does not fit it. */
export function applyTemplate(form: string, t: TemplateScript): string | undefined {
  const f = [...form];
  const pattern = [...t.form];
  if (f.length !== pattern.length) return undefined;
  const slots: string[] = [];
  for (let i = 0; i < f.length; i++) {
    const p = pattern[i];
    if (isSlot(p)) {
      if (WEAK_LETTERS.has(f[i]) || !/\p{L}/u.test(f[i])) return undefined;
      slots[p.charCodeAt(0) - 49] = f[i];
    } else if (p !== f[i]) return undefined;
  }
  let out = '';
  for (const ch of t.lemma) out += isSlot(ch) ? slots[ch.charCodeAt(0) - 49] : ch;
  return out;
}

/** A lemma rule as stored in the model: an affix script or a template. */
export type LemmaRule = { kind: 'affix'; script: EditScript } | { kind: 'template'; template: TemplateScript };

/** Reads a rule name: `@form>lemma` is a template, anything else a {@link scriptName}. */
export function parseRule(name: string): LemmaRule {
  if (name.startsWith('@')) {
    const [form, lemma] = name.slice(1).split('>');
    return { kind: 'template', template: { form, lemma } };
  }
  return { kind: 'affix', script: parseScript(name) };
}

/**
 * Lemma rules indexed for finding the ones that apply to a form: affix scripts by the
 * affixes they strip, templates by their {@link weakShape}. A rule's number is its position in the
 * list it was built from, which is what the ranker's features use.
 */
export class ScriptIndex {
  readonly rules: readonly LemmaRule[];
  private readonly byAffixes = new Map<string, number[]>();
  private readonly byShape = new Map<string, number[]>();
  private readonly maxPrefix: number;
  private readonly maxSuffix: number;

  constructor(rules: readonly (LemmaRule | EditScript)[]) {
    this.rules = rules.map((r) => ('kind' in r ? r : { kind: 'affix', script: r }));
    let mp = 0;
    let ms = 0;
    this.rules.forEach((r, i) => {
      if (r.kind === 'template') {
        const key = weakShape(r.template.form);
        let list = this.byShape.get(key);
        if (!list) this.byShape.set(key, (list = []));
        list.push(i);
        return;
      }
      const s = r.script;
      const key = `${s.stripPrefix}|${s.stripSuffix}`;
      let list = this.byAffixes.get(key);
      if (!list) this.byAffixes.set(key, (list = []));
      list.push(i);
      mp = Math.max(mp, s.stripPrefix.length);
      ms = Math.max(ms, s.stripSuffix.length);
    });
    this.maxPrefix = mp;
    this.maxSuffix = ms;
  }

  /** Builds the index from rule names as the model stores them. */
  static fromNames(names: readonly string[]): ScriptIndex {
    return new ScriptIndex(names.map(parseRule));
  }

  /** Numbers of the rules that may apply to `form` (affix scripts whose affixes it has, templates of its length). */
  applicable(form: string): number[] {
    const out: number[] = [];
    for (let p = 0; p <= this.maxPrefix && p < form.length; p++) {
      for (let s = 0; s <= this.maxSuffix && p + s < form.length; s++) {
        const list = this.byAffixes.get(`${form.slice(0, p)}|${form.slice(form.length - s)}`);
        if (list) for (const i of list) out.push(i);
      }
    }
    const templates = this.byShape.get(weakShape(form));
    if (templates) for (const i of templates) out.push(i);
    return out;
  }

  /** The lemma rule number `i` gives for `form`, or undefined when it does not fit. */
  apply(i: number, form: string): string | undefined {
    const r = this.rules[i];
    return r.kind === 'affix' ? applyScript(form, r.script) : applyTemplate(form, r.template);
  }
}

/** A lemma with its vocalized form when the lexicon knows it. */
export interface LemmaResult {
  lemma: string;
  vocalized: string | undefined;
}

/** The lemmatizer: lexicon first, then the edit-script ranker. */
export class Lemmatizer {
  private readonly keys = new Uint32Array(32);

  constructor(
    /** `form TAB tag` and `form` (clean, hamza kept) → vocalized lemma; also `norm TAB tag` with the `~` prefix. */
    private readonly lexicon: ReadonlyMap<string, string>,
    private readonly index: ScriptIndex,
    private readonly weights: WeightSource,
    private readonly vocab: Vocabulary,
    private readonly stripMarks: (s: string) => string,
  ) {}

  /** The best edit-script lemma of `form` with tag index `tag`, or the form itself. */
  guess(form: string, tag: number): string {
    let best = form;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const i of this.index.applicable(form)) {
      const lemma = this.index.apply(i, form);
      if (lemma === undefined) continue;
      const n = lemmaFeatures(form, tag, i, lemma, this.vocab, this.keys);
      let s = 0;
      for (let k = 0; k < n; k++) s += this.weights.weight(this.keys[k], 0);
      if (s > bestScore) {
        bestScore = s;
        best = lemma;
      }
    }
    return best;
  }

  /** The lemma of a word: `form` clean (hamza kept), `norm` normalized, `tag` a UPOS name and its index. */
  lemmatize(form: string, norm: string, tag: string, tagIndex: number): LemmaResult {
    const known = this.lexicon.get(`${form}\t${tag}`) ?? this.lexicon.get(`~${norm}\t${tag}`);
    if (known !== undefined) return { lemma: this.stripMarks(known), vocalized: known };
    return { lemma: this.guess(form, tagIndex), vocalized: undefined };
  }
}
