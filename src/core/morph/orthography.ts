/**
 * Orthography helpers for morphology: the "clean" written form of a word (marks and
 * tatweel gone, hamza and alef maqsura kept as written) and a restoration-aware matcher
 * that says how well a sequence of PADT syntactic words spells a surface token.
 *
 * PADT writes the parts of a fused token in a restored orthography: `للحكومة` is
 * `ل + الحكومة`, `حياتهم` is `حياة + هم`, `واعلن` is `و + أعلن`, `نقلوه` is `نقلوا + ه`,
 * `مما` is `من + ما`. The matcher treats exactly these differences as cheap, so that it can
 * recover how many parts follow a fused token in the reduced PADT format, and align the
 * words of a CoNLL-U sentence to its raw text.
 */
import { CharClass, charClassTable } from '../text/chars.js';
import { normalize, normalizeWithMap, type NormalizeOptions } from '../text/normalize.js';

/**
 * Options for {@link cleanForm}: removes what carries no letter (diacritics, tatweel,
 * zero-width and bidi controls, presentation forms, non-ASCII digits) and keeps spelling
 * choices that PADT forms keep (hamza seats, alef variants, alef maqsura, ta marbuta).
 */
export const CLEAN_OPTIONS: NormalizeOptions = {
  normalizePresentationForms: true,
  removeZeroWidth: true,
  removeBidiControls: true,
  removeDiacritics: true,
  removeTatweel: true,
  normalizeAlef: false,
  normalizeAlefMaksura: false,
  normalizeTaMarbuta: false,
  normalizeHamzaSeats: false,
  normalizeDigits: true,
  normalizePunctuation: false,
  normalizeSpaces: false,
  restoreFinalYa: false,
};

/** The written form without marks or tatweel: `وَبِالعِـرَاقِ` → `وبالعراق`, `أَعلن` → `أعلن`. */
export function cleanForm(s: string): string {
  return normalize(s, CLEAN_OPTIONS);
}

/**
 * The clean form of a token with a map back to its original offsets (undefined when the
 * two coincide, as for most tokens: then no copy is made).
 */
export function cleanWithMap(text: string): { clean: string; toOriginal: Int32Array | undefined } {
  const classes = charClassTable();
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    const cls = classes[cu];
    // Anything a clean form changes: marks, tatweel, format controls, non-ASCII digits, presentation forms, surrogates.
    if ((cls & (CharClass.Mark | CharClass.Format)) !== 0 || cu === 0x0640 || ((cls & CharClass.Digit) !== 0 && cu > 0x7f) || cu >= 0xd800) {
      const view = normalizeWithMap(text, CLEAN_OPTIONS);
      return { clean: view.text, toOriginal: view.text.length === text.length ? undefined : view.toOriginal };
    }
  }
  return { clean: text, toOriginal: undefined };
}

/** Letters that PADT may write differently from the surface: alef and hamza forms, alef maqsura. */
const ALEF_HAMZA = new Set(['ا', 'أ', 'إ', 'آ', 'ٱ', 'ء', 'ئ', 'ؤ', 'ى']);
const YA_LIKE = new Set(['ي', 'ى', 'ئ']);
const TA_LIKE = new Set(['ة', 'ت', 'ه']);
const WAW_LIKE = new Set(['و', 'ؤ']);
/** Letters a restored form may add to the surface: `لل` → `ل ال`, `نقلوه` → `نقلوا ه`, `مما` → `من ما`, `محامي` → `محامي ي`. */
const RESTORABLE = new Set(['ا', 'ن', 'ي', 'و']);

/** True when two letters may stand for each other between a surface token and its PADT parts. */
export function lettersMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (ALEF_HAMZA.has(a) && ALEF_HAMZA.has(b)) return true;
  if (YA_LIKE.has(a) && YA_LIKE.has(b)) return true;
  if (TA_LIKE.has(a) && TA_LIKE.has(b)) return true;
  return WAW_LIKE.has(a) && WAW_LIKE.has(b);
}

/**
 * Edit cost of spelling `surface` with the concatenated `target`, where the differences
 * PADT makes when restoring orthography cost 0 (equivalent letters) or 0.5 (a letter the
 * restoration adds), and anything else costs 1. Both inputs should be clean forms.
 */
export function restorationCost(surface: string, target: string): number {
  const n = surface.length;
  const m = target.length;
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + (RESTORABLE.has(target[j - 1]) ? 0.5 : 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + 1;
    const s = surface[i - 1];
    for (let j = 1; j <= m; j++) {
      const t = target[j - 1];
      const sub = prev[j - 1] + (lettersMatch(s, t) ? 0 : 1);
      const delSurface = prev[j] + 1;
      const addTarget = cur[j - 1] + (RESTORABLE.has(t) ? 0.5 : 1);
      cur[j] = Math.min(sub, delSurface, addTarget);
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[m];
}

/**
 * The best end offset `e` (exclusive) such that `text.slice(start, e)` spells `word`,
 * scanning candidate ends up to twice the word's length, and the cost of that match.
 * Marks and tatweel in the text are skipped for free. Used to align gold words to raw text.
 */
export function matchWordAt(text: string, start: number, word: string): { end: number; cost: number } {
  const target = cleanForm(word);
  let best = { end: start + Math.max(1, target.length), cost: Number.POSITIVE_INFINITY };
  let surface = '';
  const limit = Math.min(text.length, start + 2 * target.length + 8);
  for (let e = start + 1; e <= limit; e++) {
    const ch = text[e - 1];
    if (/\s/u.test(ch)) break;
    const cleaned = cleanForm(ch);
    surface += cleaned;
    if (cleaned === '' && e > start + 1) {
      // A mark or tatweel: extending over it costs nothing and keeps the mark with its letter.
      if (best.end === e - 1) best = { end: e, cost: best.cost };
      continue;
    }
    const cost = restorationCost(surface, target);
    if (cost < best.cost) best = { end: e, cost };
  }
  return best;
}
