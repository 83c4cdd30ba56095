/**
 * Document-level features for the second pass of the recognizer (Ratinov & Roth 2009's
 * "prediction history", Krishnan & Manning 2006's non-local consistency): a name that the
 * first pass recognized in a clear context (`وزير الخارجية سيرجى لافروف`) should be
 * recognized where the context says little (`وقال لافروف`).
 *
 * For each sentence, the context is the OTHER sentences of the document (within
 * `window` sentences on each side; the whole article at run time). From their first-pass
 * labels it gathers, per word stem, how often it was labeled B-X / I-X / O, and which
 * token sequences were recognized as entities (a gazetteer built from the document).
 * The sentence's own first-pass labels are features too.
 */
import { combine, hashString } from './hash.js';
import { procliticsPacked } from './clitics.js';
import { LABEL_COUNT, isBegin, typeOfLabel } from './labels.js';

const enum T {
  DocLab = 101,
  DocAllO,
  DocEntB,
  DocEntI,
  S1,
  S1Prev,
  S1Next,
}

const SEQ = 0x3c6ef372;
const MAX_SPAN = 6;

/** Extra feature keys per token of one sentence: token `i` has `keys[offsets[i] .. offsets[i+1])`. */
export interface ExtraFeatures {
  keys: Uint32Array;
  offsets: Int32Array;
}

/** Stem hash of a normalized token: proclitics and article off (see `clitics.ts`). */
export function stemHash(norm: string): number {
  const p = procliticsPacked(norm);
  const stemStart = (p >> 4) & 15;
  return hashString(norm, stemStart);
}

const bucket = (c: number): number => (c <= 1 ? 1 : c <= 3 ? 2 : 3);

/**
 * Builds the second-pass features of every sentence of a document.
 * @param stems per sentence, the stem hash of each token ({@link stemHash})
 * @param labels per sentence, the first-pass label of each token
 * @param window how many sentences on each side count as context (Infinity: the whole document)
 */
export function documentFeatures(stems: readonly Uint32Array[], labels: readonly Int32Array[], window = Infinity): ExtraFeatures[] {
  const S = stems.length;
  // Per-sentence contributions: token label counts by stem, and recognized span sequences.
  const tokenCounts = new Map<number, Int32Array>();
  const spanCounts = new Map<number, Int32Array>(); // key → [count per type..., prefix count]
  const TYPES = (LABEL_COUNT - 1) / 2;
  const apply = (s: number, sign: number): void => {
    const st = stems[s];
    const lab = labels[s];
    for (let i = 0; i < st.length; i++) {
      let c = tokenCounts.get(st[i]);
      if (!c) tokenCounts.set(st[i], (c = new Int32Array(LABEL_COUNT)));
      c[lab[i]] += sign;
    }
    for (let i = 0; i < st.length; i++) {
      if (!isBegin(lab[i])) continue;
      let end = i + 1;
      while (end < st.length && lab[end] === lab[i] + 1) end++;
      if (end - i > MAX_SPAN) continue;
      let h = SEQ;
      for (let j = i; j < end; j++) {
        h = combine(h, st[j]);
        let c = spanCounts.get(h);
        if (!c) spanCounts.set(h, (c = new Int32Array(TYPES + 1)));
        if (j + 1 < end) c[TYPES] += sign;
        else c[typeOfLabel(lab[i])] += sign;
      }
    }
  };
  const out: ExtraFeatures[] = [];
  let lo = 0;
  let hi = -1; // sentences lo..hi are applied
  for (let s = 0; s < S; s++) {
    const from = window === Infinity ? 0 : Math.max(0, s - window);
    const to = window === Infinity ? S - 1 : Math.min(S - 1, s + window);
    while (hi < to) apply(++hi, 1);
    while (lo < from) apply(lo++, -1);
    apply(s, -1); // the sentence's own labels are not its context
    out.push(sentenceFeatures(stems[s], labels[s], tokenCounts, spanCounts, TYPES));
    apply(s, 1);
  }
  return out;
}

function sentenceFeatures(
  st: Uint32Array,
  lab: Int32Array,
  tokenCounts: Map<number, Int32Array>,
  spanCounts: Map<number, Int32Array>,
  TYPES: number,
): ExtraFeatures {
  const n = st.length;
  const keys: number[] = [];
  const offsets = new Int32Array(n + 1);
  const inside = new Int32Array(n);
  const starts: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    let h = SEQ;
    for (let j = i; j < n && j - i < MAX_SPAN; j++) {
      h = combine(h, st[j]);
      const c = spanCounts.get(h);
      if (!c) break;
      for (let t = 0; t < TYPES; t++) {
        if (c[t] <= 0) continue;
        starts[i].push(t * 8 + Math.min(j - i + 1, 5));
        for (let k = i + 1; k <= j; k++) inside[k] |= 1 << t;
      }
      if (c[TYPES] <= 0) break;
    }
  }
  for (let i = 0; i < n; i++) {
    offsets[i] = keys.length;
    const c = tokenCounts.get(st[i]);
    if (c) {
      let total = 0;
      for (let y = 0; y < LABEL_COUNT; y++) total += c[y];
      let entity = 0;
      for (let y = 1; y < LABEL_COUNT; y++) {
        if (c[y] > 0) {
          keys.push(combine(T.DocLab, y * 4 + bucket(c[y])));
          entity += c[y];
        }
      }
      if (total > 0 && entity === 0) keys.push(combine(T.DocAllO, bucket(total)));
    }
    for (const v of starts[i]) keys.push(combine(T.DocEntB, v));
    for (let t = 0; t < TYPES; t++) if (inside[i] & (1 << t)) keys.push(combine(T.DocEntI, t));
    keys.push(combine(T.S1, lab[i]));
    keys.push(combine(T.S1Prev, (i > 0 ? lab[i - 1] : 15) * 16 + lab[i]));
    keys.push(combine(T.S1Next, lab[i] * 16 + (i + 1 < n ? lab[i + 1] : 15)));
  }
  offsets[n] = keys.length;
  return { keys: Uint32Array.from(keys), offsets };
}
