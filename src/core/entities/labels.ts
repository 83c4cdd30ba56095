/**
 * The NER label set: BIO over the four ANERcorp types. Label 0 is O; type `t` has B at
 * `1 + 2t` and I at `2 + 2t`.
 */
import type { EntityType } from '../document.js';

/** Entity types in label order. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];
/** Number of labels (O plus B/I per type). */
export const LABEL_COUNT = 1 + 2 * ENTITY_TYPES.length;

/** Label names in index order: `O`, `B-PER`, `I-PER`, … */
export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** True when label `l` is a B- label. */
export const isBegin = (l: number): boolean => l > 0 && l % 2 === 1;
/** True when label `l` is an I- label. */
export const isInside = (l: number): boolean => l > 0 && l % 2 === 0;
/** The type index of a non-O label. */
export const typeOfLabel = (l: number): number => (l - 1) >> 1;

/**
 * Allowed transitions under BIO: `allowed[prev * L + cur]`, with `prev = L` for the start of
 * a sentence. I-X may only follow B-X or I-X.
 */
export function bioTransitions(): Uint8Array {
  const L = LABEL_COUNT;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let cur = 0; cur < L; cur++) {
      const ok = !isInside(cur) || (prev < L && prev !== 0 && typeOfLabel(prev) === typeOfLabel(cur));
      allowed[prev * L + cur] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Index of a label name (`B-PER`), or -1. */
export function labelIndex(name: string): number {
  return LABELS.indexOf(name);
}
