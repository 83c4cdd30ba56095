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

/** Scripts indexed by the affixes they strip, for finding the ones that apply to a form. */
export class ScriptIndex {
  readonly scripts: readonly EditScript[];
  private readonly byAffixes = new Map<string, number[]>();
  private readonly maxPrefix: number;
  private readonly maxSuffix: number;

  constructor(scripts: readonly EditScript[]) {
    this.scripts = scripts;
    let mp = 0;
    let ms = 0;
    scripts.forEach((s, i) => {
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

  /** Indexes of the scripts whose stripped affixes `form` has. */
  applicable(form: string): number[] {
    const out: number[] = [];
    for (let p = 0; p <= this.maxPrefix && p < form.length; p++) {
      for (let s = 0; s <= this.maxSuffix && p + s < form.length; s++) {
        const list = this.byAffixes.get(`${form.slice(0, p)}|${form.slice(form.length - s)}`);
        if (list) for (const i of list) out.push(i);
      }
    }
    return out;
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
      const lemma = applyScript(form, this.index.scripts[i]);
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
