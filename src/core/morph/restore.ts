/**
 * Restoring the spelling PADT gives the stem of a fused token. PADT writes the parts of
 * `واعلن` as `و + أعلن`, of `حياتهم` as `حياة + هم`, of `نقلوه` as `نقلوا + ه`, of
 * `مستواه` as `مستوى + ه`, of `ستجرى` as `س + تجري`. Three sources, in order:
 * 1. the training lexicon: the form PADT used for this stem (keyed by its normalized form);
 *    where PADT used several (`ان` → `أن` or `إن`), a small contextual model chooses;
 * 2. otherwise, spelling variants of the stem (hamza on an initial alef, `ة` for a final `ت`
 *    before a suffix, `ى` for `ا`, `وا` for `و`, `ء` for a final seat, `ي`/`ى`), ranked by
 *    how often each is written in the news;
 * 3. otherwise the stem as written.
 */
import { keepsAlefMaksura, normalize } from '../text/normalize.js';
import { finish, mixInt, mixString, seed } from './hash.js';
import type { WeightSource } from './table.js';
import type { Vocabulary } from './vocabulary.js';

/** Where a stem sits: what the contextual choice between restored forms looks at. */
export interface RestoreContext {
  /** Normalized previous token, undefined at the start. */
  prev: string | undefined;
  /** Normalized token before the previous one. */
  prev2: string | undefined;
  /** Normalized next token, undefined at the end. */
  next: string | undefined;
  /** The normalized token the stem comes from. */
  token: string;
  /**
   * Normalized tokens further back (three to six before), nearest first: the reporting verb
   * that decides `إن` or `أن` is often a few words away (`وأعلن مدير شرطة عمان انه`).
   */
  window?: readonly (string | undefined)[];
  /** Proclitic chain id of the split. */
  chain: number;
}

const T_R_BIAS = 0x301;
const T_R_PREV = 0x302;
const T_R_NEXT = 0x303;
const T_R_TOKEN = 0x304;
const T_R_CHAIN = 0x305;
const T_R_PREV_END = 0x306;
const T_R_PREV_STEM = 0x307;
const T_R_PREV2 = 0x308;
const T_R_WINDOW = 0x309;
const T_R_SAY = 0x30a;

/** Feature keys for choosing `form` in context; writes into `out`, returns the count. */
export function restoreFeatures(form: string, ctx: RestoreContext, out: Uint32Array): number {
  const f = mixString(seed(0x300), form);
  let k = 0;
  out[k++] = finish(mixInt(f, T_R_BIAS));
  out[k++] = finish(mixString(mixInt(f, T_R_PREV), ctx.prev ?? '<s>'));
  out[k++] = finish(mixString(mixInt(f, T_R_NEXT), ctx.next ?? '</s>'));
  out[k++] = finish(mixString(mixInt(f, T_R_TOKEN), ctx.token));
  out[k++] = finish(mixInt(mixInt(f, T_R_CHAIN), ctx.chain));
  const p = ctx.prev ?? '';
  out[k++] = finish(mixString(mixInt(f, T_R_PREV_END), p.slice(-2)));
  // The reporting verb decides إن (after قال) or أن (after أعلن), with or without its conjunction.
  if (p.length > 3 && (p[0] === 'و' || p[0] === 'ف')) out[k++] = finish(mixString(mixInt(f, T_R_PREV_STEM), p.slice(1)));
  else out[k++] = finish(mixString(mixInt(f, T_R_PREV_STEM), p));
  out[k++] = finish(mixString(mixInt(f, T_R_PREV2), ctx.prev2 ?? '<s>'));
  // prev2 and the window as a bag, without the conjunction: the verb counts wherever it is.
  const bag = [ctx.prev2, ...(ctx.window ?? [])];
  for (let i = 0; i < bag.length && k < out.length; i++) {
    const w = bag[i];
    if (w === undefined) break;
    out[k++] = finish(mixString(mixInt(f, T_R_WINDOW), w.length > 3 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w));
  }
  // Arabic writes إنّ after the verb of saying and أنّ after the others (PADT train: after قال
  // 27 times out of 28); its other forms are too rare in the treebank for the word features
  // (قالت once, يقول twice), so they share one feature: how far back the nearest one is.
  let say = 0;
  const near = [ctx.prev, ctx.prev2, ...(ctx.window ?? [])];
  for (let i = 0; i < near.length; i++) {
    if (isSayVerb(near[i])) {
      say = i + 1;
      break;
    }
  }
  if (k < out.length) out[k++] = finish(mixInt(mixInt(f, T_R_SAY), say));
  return k;
}

/** Forms of the verb of saying (قال) and its verbal noun, normalized, without a conjunction. */
const SAY_FORMS = new Set(
  'قال قالت قالا قالتا قالوا قلن قلت قلنا يقول تقول يقولان تقولان يقولون يقلن نقول اقول قوله قولها قولهم قولهما قولي قولنا قائلا قائلة قائلين'.split(' '),
);

/** Whether a normalized token is a form of قال (a leading و or ف aside). */
export function isSayVerb(norm: string | undefined): boolean {
  if (norm === undefined) return false;
  return SAY_FORMS.has(norm) || (norm.length > 3 && (norm[0] === 'و' || norm[0] === 'ف') && SAY_FORMS.has(norm.slice(1)));
}

/**
 * What a pronoun suffix may hide at the end of a stem, and what PADT writes instead: `ة`
 * written `ت` (`حياتهم` → `حياة`), `ى` written `ا` (`مستواه` → `مستوى`), the alef of `وا`
 * dropped (`نقلوه` → `نقلوا`), `ء` on a seat (`لقائه` → `لقاء`). Keyed by the stem's last letter.
 */
export const HIDDEN_ENDINGS: Readonly<Record<string, string>> = { 'ت': 'ة', 'ا': 'ى', 'و': 'وا', 'ئ': 'ء', 'ؤ': 'ء' };

/** Spelling variants of a raw stem that PADT's restoration may produce, the stem itself first. */
export function stemVariants(raw: string, hasEnclitic: boolean): string[] {
  const bases = [raw];
  if (raw.endsWith('ى')) bases.push(raw.slice(0, -1) + 'ي');
  else if (raw.endsWith('ي') && raw.length > 2) bases.push(raw.slice(0, -1) + 'ى');
  const starts: string[] = [];
  for (const b of bases) {
    starts.push(b);
    const p = b.startsWith('ال') && b.length > 3 ? 2 : 0;
    if (b[p] === 'ا') for (const h of ['أ', 'إ', 'آ']) starts.push(b.slice(0, p) + h + b.slice(p + 1));
  }
  const out: string[] = [];
  for (const s of starts) {
    out.push(s);
    if (!hasEnclitic) continue;
    const hidden = HIDDEN_ENDINGS[s[s.length - 1]];
    if (hidden !== undefined) out.push(s.slice(0, -1) + hidden);
  }
  return out;
}

const HAMZA = /[أإآؤئء]/u;

/** Alef forms PADT may write on a stem's first letter. */
const ALEFS = new Set(['ا', 'أ', 'إ', 'آ']);

/** Where the stem proper starts: after the article, if any. */
const stemStart = (s: string): number => (s.startsWith('ال') && s.length > 3 ? 2 : 0);

/**
 * True when the writer put a hamza on the stem's first alef and the lexicon's form differs
 * only by another one there: the hamza tells words apart (`الأحجام` "the sizes",
 * `الإحجام` "refraining"), so the writer's wins. A final hamza's seat is left to the
 * lexicon, since PADT writes it by case (`المبدإ`).
 */
function keepsWritersAlef(raw: string, known: string): boolean {
  if (raw.length !== known.length) return false;
  const p = stemStart(raw);
  const a = raw[p];
  const b = known[p];
  if (a === b || a === 'ا' || !ALEFS.has(a) || !ALEFS.has(b)) return false;
  return raw.slice(0, p) === known.slice(0, p) && raw.slice(p + 1) === known.slice(p + 1);
}

/**
 * True when `form` ends `raw` the way {@link HIDDEN_ENDINGS} restores it, which only a
 * following pronoun suffix licenses. In PADT train a stem with no suffix and a final `ت`
 * never has a gold form in `ة` (0 of 1,923).
 */
export function endingNeedsEnclitic(raw: string, form: string): boolean {
  const hidden = HIDDEN_ENDINGS[raw[raw.length - 1]];
  return hidden !== undefined && form.length === raw.length - 1 + hidden.length && form.endsWith(hidden);
}

/** Chooses the PADT spelling of stems. */
export class StemRestorer {
  private readonly keys = new Uint32Array(16);

  constructor(
    /** Normalized stem → the one form PADT used for it. */
    private readonly forms: ReadonlyMap<string, string>,
    /** Normalized stem → the forms PADT used, when it used several. */
    private readonly ambiguous: ReadonlyMap<string, readonly string[]>,
    private readonly weights: WeightSource | undefined,
    private readonly vocab: Vocabulary,
  ) {}

  /** The forms a contextual choice is made between for this stem, or undefined. */
  alternatives(raw: string): readonly string[] | undefined {
    return this.ambiguous.get(normalize(raw));
  }

  /** Scores `form` in context with the contextual model. */
  score(form: string, ctx: RestoreContext): number {
    if (!this.weights) return 0;
    const n = restoreFeatures(form, ctx, this.keys);
    let s = 0;
    for (let i = 0; i < n; i++) s += this.weights.weight(this.keys[i], 0);
    return s;
  }

  /** The PADT spelling of a raw stem (clean form, article already restored) in context. */
  restore(raw: string, hasEnclitic: boolean, ctx: RestoreContext): string {
    const key = normalize(raw);
    const alts = this.ambiguous.get(key);
    // A hamza the writer put on the stem is kept when PADT also uses that spelling.
    if (alts && HAMZA.test(raw) && alts.includes(raw)) return raw;
    if (alts) {
      let best: string | undefined;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const a of alts) {
        if (!hasEnclitic && endingNeedsEnclitic(raw, a)) continue;
        const s = this.score(a, ctx);
        if (s > bestScore) {
          best = a;
          bestScore = s;
        }
      }
      if (best !== undefined) return best;
    }
    // The lexicon is keyed by the stem's letters alone, so `منعت` may have been seen only as
    // the `منعة` of `منعته`; at the end of a word that restoration does not apply.
    const known = this.forms.get(key);
    if (known !== undefined && (hasEnclitic || !endingNeedsEnclitic(raw, known))) return keepsWritersAlef(raw, known) ? raw : known;
    return this.fromVariants(raw, hasEnclitic);
  }

  /** The variant of `raw` written most often in the news (`raw`, with Egyptian final ى read as ي, on a tie). */
  fromVariants(raw: string, hasEnclitic: boolean): string {
    const variants = stemVariants(raw, hasEnclitic);
    let best = raw.endsWith('ى') && !keepsAlefMaksura(raw) ? raw.slice(0, -1) + 'ي' : raw;
    let bestCount = this.vocab.clean(best);
    for (const v of variants) {
      const c = this.vocab.clean(v);
      if (c > bestCount) {
        best = v;
        bestCount = c;
      }
    }
    return best;
  }
}
