/**
 * The light stemmer for search, built on the segmenter. Its rules, in order:
 * 1. Take the stem the segmenter found: proclitics (`و ف ب ك ل س`) and pronoun enclitics
 *    are gone, and `لل` has given back its article (`للعراق` → `العراق`). A word the
 *    segmenter leaves whole stays whole: `وزير` is not `و + زير`, `بين` is not `ب + ين`.
 * 2. Fold spelling variants: diacritics, tatweel, alef forms (`أ إ آ` → `ا`), alef maqsura
 *    (`ى` → `ي`), ta marbuta (`ة` → `ه`), hamza seats (`ؤ` → `و`, `ئ` → `ي`), digits.
 * 3. Drop the article `ال` when at least three letters remain (`العراق` → `عراق`, but
 *    `الله` stays), so that `عراق` and `العراق` meet.
 * Nothing else is removed: no plural or feminine suffix stripping, which is where
 * aggressive stemmers conflate unrelated words.
 */
import { normalize, type NormalizeOptions } from '../text/normalize.js';

/** The spelling folds of rule 2. */
export const SEARCH_FOLD_OPTIONS: NormalizeOptions = {
  normalizeAlefMaksura: true,
  normalizeTaMarbuta: true,
  normalizeHamzaSeats: true,
  restoreFinalYa: false,
};

/** Rules 2 and 3 applied to a stem segment (rule 1 is the segmenter's). */
export function searchKey(stem: string): string {
  const folded = normalize(stem, SEARCH_FOLD_OPTIONS);
  if (folded.length >= 5 && folded.startsWith('ال')) return folded.slice(2);
  return folded;
}
