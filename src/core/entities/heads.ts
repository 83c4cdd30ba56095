/**
 * One annotation convention applied after the model: an institution named by a head noun and
 * a place (`جامعة القاهرة`, `بنك إنجلترا`, `مستشفى الكويت`) is one ORG, head included.
 * ANERcorp tags `جامعة` + name as a whole ORG 23 times out of 31, but a place name is such a
 * strong LOC that the model, retrained on features that moved a little, sometimes leaves the
 * head out and calls the rest a place. This rule makes the output for that pattern stable;
 * it does not change the figures (see docs/NER.md).
 */
import { normalize } from '../text/normalize.js';
import { labelIndex } from './labels.js';

/** Head nouns of institutions whose name is a place: written as `normalize()` gives them. */
const INSTITUTION_HEADS = new Set(
  'جامعة شركة وكالة صحيفة جريدة مجلة قناة بنك مصرف معهد نادي نادى مستشفى كلية جمعية إذاعة تلفزيون'.split(' ').map((w) => normalize(w)),
);

const O = labelIndex('O');
const B_LOC = labelIndex('B-LOC');
const I_LOC = labelIndex('I-LOC');
const B_ORG = labelIndex('B-ORG');
const I_ORG = labelIndex('I-ORG');

/** Whether a normalized token is an institution head, alone or after the conjunction و or ف. */
export function isInstitutionHead(norm: string): boolean {
  return INSTITUTION_HEADS.has(norm) || ((norm.startsWith('و') || norm.startsWith('ف')) && INSTITUTION_HEADS.has(norm.slice(1)));
}

/**
 * Rewrites, in place, `O` + a LOC mention into one ORG mention when the `O` token is an
 * institution head, within the sentence `labels[start…end)` of label indexes.
 */
export function promoteInstitutionHeads(norms: readonly string[], labels: Int32Array | number[], start = 0, end = labels.length): void {
  for (let i = start; i + 1 < end; i++) {
    if (labels[i] !== O || labels[i + 1] !== B_LOC || !isInstitutionHead(norms[i])) continue;
    labels[i] = B_ORG;
    let j = i + 1;
    labels[j++] = I_ORG;
    while (j < end && labels[j] === I_LOC) labels[j++] = I_ORG;
    i = j - 1;
  }
}
