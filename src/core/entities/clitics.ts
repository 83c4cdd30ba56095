/**
 * Light proclitic analysis of a normalized word, for NER features and for trimming
 * mentions. This is deliberately shallow (no lexicon, no morphology): it says where the
 * conjunction (و ف), the preposition (ب ل ك) and the article (ال, or the ل left of it
 * after ل: لل) would end if the word had them. Callers decide whether to believe it:
 * features offer both the full and the stripped forms to the model, and mention trimming
 * checks the stripped form against what it knows (see `recognize.ts`).
 */

const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const ALEF = 0x0627;

/** Where the proclitics of a word end. All offsets are code units into the word. */
export interface ProcliticSplit {
  /** End of the conjunction (0 or 1). */
  conjEnd: number;
  /** End of the preposition (≥ conjEnd). */
  prepEnd: number;
  /** Start of the stem, after the article if any (≥ prepEnd). */
  stemStart: number;
  /** `al` for ال, `elided` for the ل of لل whose alef is dropped after ل, `none`. */
  article: 'al' | 'elided' | 'none';
}

/**
 * Packs the split into one integer (conjEnd | prepEnd << 2 | stemStart << 4 | article << 8)
 * so that the feature extractor allocates nothing. `article`: 0 none, 1 ال, 2 elided.
 *
 * Stripping stops when the rest would be shorter than `minStem` letters, so `وفد`, `بلد`,
 * `لها` keep their first letter.
 */
export function procliticsPacked(s: string, start = 0, end = s.length, minStem = 2): number {
  let at = start;
  const len = end - start;
  if (len < minStem + 1) return 0;
  const c0 = s.charCodeAt(at);
  if ((c0 === WAW || c0 === FA) && end - (at + 1) >= minStem + 1) at++;
  const conjEnd = at - start;
  const c1 = s.charCodeAt(at);
  if ((c1 === BA || c1 === LAM || c1 === KAF) && end - (at + 1) >= minStem + 1) at++;
  const prepEnd = at - start;
  let article = 0;
  if (s.charCodeAt(at) === ALEF && s.charCodeAt(at + 1) === LAM && end - (at + 2) >= minStem) {
    at += 2;
    article = 1;
  } else if (prepEnd > conjEnd && s.charCodeAt(at - 1) === LAM && s.charCodeAt(at) === LAM && end - (at + 1) >= minStem) {
    // لل: the preposition ل before the article, whose alef is not written.
    at += 1;
    article = 2;
  }
  return conjEnd | (prepEnd << 2) | ((at - start) << 4) | (article << 8);
}

/** Unpacks {@link procliticsPacked}. */
export function unpackProclitics(packed: number): ProcliticSplit {
  const art = (packed >> 8) & 3;
  return {
    conjEnd: packed & 3,
    prepEnd: (packed >> 2) & 3,
    stemStart: (packed >> 4) & 15,
    article: art === 1 ? 'al' : art === 2 ? 'elided' : 'none',
  };
}

/** The proclitic split of a normalized word (see {@link procliticsPacked}). */
export function splitProclitics(word: string, minStem = 2): ProcliticSplit {
  return unpackProclitics(procliticsPacked(word, 0, word.length, minStem));
}
