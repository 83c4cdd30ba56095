/**
 * The NER label set: BILOU over the four ANERcorp types. Label 0 is O; type `t` has
 * B (first token of a longer mention) at `1 + 4t`, I (inside) at `2 + 4t`, L (last) at
 * `3 + 4t` and U (a one-token mention) at `4 + 4t`.
 *
 * Why not BIO, which the corpora use: with BIO the model has to learn from context alone
 * where a name stops, and a surname after a first name looks like a mention start.
 * BILOU gives the last token and one-token mentions their own labels (Ratinov & Roth 2009);
 * on our ANERcorp cross-validation it removes about one boundary error in seven
 * (docs/NER.md). The corpora are read and written as BIO: {@link labelsFromSpans} encodes,
 * {@link BIO_NAMES} decodes.
 */
import type { EntityType } from '../document.js';

/** Entity types in label order. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];
/** Number of labels (O plus B/I/L/U per type). */
export const LABEL_COUNT = 1 + 4 * ENTITY_TYPES.length;

const PARTS = ['B', 'I', 'L', 'U'] as const;
const part = (l: number): number => (l - 1) & 3;

/** Label names in index order: `O`, `B-PER`, `I-PER`, `L-PER`, `U-PER`, `B-LOC`, … */
export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];

/** The BIO tag of each label (U reads as B, L as I), as the corpora and conlleval write them. */
export const BIO_NAMES: readonly string[] = LABELS.map((n) => (n.startsWith('U-') ? `B-${n.slice(2)}` : n.startsWith('L-') ? `I-${n.slice(2)}` : n));

/** True when label `l` starts a mention (B- or U-). */
export const isBegin = (l: number): boolean => l > 0 && (part(l) === 0 || part(l) === 3);
/** True when label `l` continues a mention (I- or L-). */
export const isInside = (l: number): boolean => l > 0 && (part(l) === 1 || part(l) === 2);
/** True when a mention is still open after label `l` (B- or I-): the next label must continue it. */
export const isOpen = (l: number): boolean => l > 0 && part(l) <= 1;
/** The type index of a non-O label. */
export const typeOfLabel = (l: number): number => (l - 1) >> 2;

/** The label of part `p` (0 B, 1 I, 2 L, 3 U) of type `t`. */
const labelOf = (t: number, p: number): number => 1 + 4 * t + p;

/**
 * Allowed transitions under BILOU: `allowed[prev * L + cur]`, with `prev = L` for the start
 * of a sentence. After B-X or I-X only I-X or L-X may come; I-X and L-X come only there.
 */
export function allowedTransitions(): Uint8Array {
  const L = LABEL_COUNT;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    const open = prev < L && isOpen(prev);
    for (let cur = 0; cur < L; cur++) {
      const ok = isInside(cur) ? open && typeOfLabel(prev) === typeOfLabel(cur) : !open;
      allowed[prev * L + cur] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Whether a sentence may end on label `l` (not on an open mention). */
export const mayEnd = (l: number): boolean => !isOpen(l);

/**
 * The end (exclusive) of the mention that starts at `labels[start]` (a B- or U- label),
 * within `labels[start … limit)`.
 */
export function mentionEnd(labels: ArrayLike<number>, start: number, limit: number): number {
  const t = typeOfLabel(labels[start]);
  let end = start + 1;
  if (!isOpen(labels[start])) return end;
  while (end < limit && isInside(labels[end]) && typeOfLabel(labels[end]) === t) {
    end++;
    if (!isOpen(labels[end - 1])) break;
  }
  return end;
}

/** Writes one mention of type `type` over `labels[start … end)`: U-, or B- I-… L-. */
export function writeMention(labels: Int32Array | number[], start: number, end: number, type: number): void {
  if (end - start === 1) {
    labels[start] = labelOf(type, 3);
    return;
  }
  labels[start] = labelOf(type, 0);
  for (let i = start + 1; i < end - 1; i++) labels[i] = labelOf(type, 1);
  labels[end - 1] = labelOf(type, 2);
}

/** The labels of `n` tokens holding the given mentions (type indexes into {@link ENTITY_TYPES}); the rest is O. */
export function labelsFromSpans(spans: readonly { start: number; end: number; type: number }[], n: number): Int32Array {
  const labels = new Int32Array(n);
  for (const s of spans) writeMention(labels, s.start, s.end, s.type);
  return labels;
}

/** Index of a label name (`B-PER`, `U-LOC`), or -1. */
export function labelIndex(name: string): number {
  return LABELS.indexOf(name);
}
