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
import { type NerWeights, addWeights } from './model.js';

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
/** Number of entity types. */
const TYPES = (LABEL_COUNT - 1) / 2;

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

/** Summed weights of one document-feature template over its small value domain, filled on first use. */
class DocRows {
  readonly rows: Int32Array;
  readonly filled: Uint8Array;
  constructor(
    size: number,
    readonly keyOf: (v: number) => number,
  ) {
    this.rows = new Int32Array(size * LABEL_COUNT);
    this.filled = new Uint8Array(size);
  }
}

/**
 * The second pass's document-feature sums under one model, computed as {@link documentFeatures}
 * builds the features and `emissionScores` sums them, without building feature lists: every
 * document feature takes its value from a small domain, so each one's weights are summed
 * once into a table. Buffers are reused from document to document (not reentrant).
 */
export class ContextScorer {
  private readonly weights: NerWeights;
  private readonly docLab = new DocRows(LABEL_COUNT * 4, (v) => combine(T.DocLab, v));
  private readonly docAllO = new DocRows(4, (v) => combine(T.DocAllO, v));
  private readonly docEntB = new DocRows(TYPES * 8, (v) => combine(T.DocEntB, v));
  private readonly docEntI = new DocRows(TYPES, (v) => combine(T.DocEntI, v));
  private readonly s1 = new DocRows(16, (v) => combine(T.S1, v));
  private readonly s1Prev = new DocRows(256, (v) => combine(T.S1Prev, v));
  private readonly s1Next = new DocRows(256, (v) => combine(T.S1Next, v));
  private counts = new Int32Array(0);
  private readonly spans = new Map<number, number>();
  private spanCounts = new Int32Array(0);
  private inside = new Int32Array(0);

  constructor(weights: NerWeights) {
    this.weights = weights;
  }

  private add(d: DocRows, v: number, sums: Int32Array, o: number): void {
    if (d.filled[v] === 0) {
      addWeights(this.weights, d.keyOf(v), d.rows, v * LABEL_COUNT);
      d.filled[v] = 1;
    }
    const rows = d.rows;
    const at = v * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) sums[o + y] += rows[at + y];
  }

  /**
   * Writes into `sums[k * LABEL_COUNT ..]` the document-feature sums of each token `k`.
   * @param stems per token, its stem hash ({@link stemHash})
   * @param stemIds per token, a dense id of its stem, below `stemCount`
   * @param labels per token, its first-pass label
   * @param bounds sentence `s` is tokens `[bounds[s], bounds[s + 1])` (empty sentences count for `window`)
   * @param sentences number of sentences
   */
  score(
    stems: Uint32Array,
    stemIds: Int32Array,
    stemCount: number,
    labels: Int32Array,
    bounds: Int32Array,
    sentences: number,
    window: number,
    sums: Int32Array,
  ): void {
    const S = sentences;
    const N = bounds[S];
    if (this.counts.length < stemCount * LABEL_COUNT) this.counts = new Int32Array(Math.max(stemCount * LABEL_COUNT * 2, 1024));
    if (this.inside.length < N) this.inside = new Int32Array(Math.max(N, this.inside.length * 2, 256));
    let lo = 0;
    let hi = -1;
    for (let s = 0; s < S; s++) {
      const from = window === Infinity ? 0 : Math.max(0, s - window);
      const to = window === Infinity ? S - 1 : Math.min(S - 1, s + window);
      while (hi < to) this.apply(stems, stemIds, labels, bounds[++hi], bounds[hi + 1], 1);
      while (lo < from) this.apply(stems, stemIds, labels, bounds[lo], bounds[++lo], -1);
      const a = bounds[s];
      const b = bounds[s + 1];
      this.apply(stems, stemIds, labels, a, b, -1);
      this.sentence(stems, stemIds, labels, a, b, sums);
      this.apply(stems, stemIds, labels, a, b, 1);
    }
    const counts = this.counts;
    for (let k = 0; k < N; k++) counts.fill(0, stemIds[k] * LABEL_COUNT, stemIds[k] * LABEL_COUNT + LABEL_COUNT);
    this.spans.clear();
  }

  /** Adds `sign` times tokens `[a, b)`'s labels to the stem counts, and their recognized spans to the span counts. */
  private apply(stems: Uint32Array, stemIds: Int32Array, labels: Int32Array, a: number, b: number, sign: number): void {
    const counts = this.counts;
    for (let k = a; k < b; k++) counts[stemIds[k] * LABEL_COUNT + labels[k]] += sign;
    for (let i = a; i < b; i++) {
      const l = labels[i];
      if (!isBegin(l)) continue;
      let end = i + 1;
      while (end < b && labels[end] === l + 1) end++;
      if (end - i > MAX_SPAN) continue;
      let h = SEQ;
      for (let j = i; j < end; j++) {
        h = combine(h, stems[j]);
        let at = this.spans.get(h);
        if (at === undefined) {
          at = this.spans.size * (TYPES + 1);
          this.spans.set(h, at);
          if (this.spanCounts.length < at + TYPES + 1) {
            const bigger = new Int32Array(Math.max(64, this.spanCounts.length * 2));
            bigger.set(this.spanCounts);
            this.spanCounts = bigger;
          }
          this.spanCounts.fill(0, at, at + TYPES + 1);
        }
        if (j + 1 < end) this.spanCounts[at + TYPES] += sign;
        else this.spanCounts[at + typeOfLabel(l)] += sign;
      }
    }
  }

  /** The features of {@link sentenceFeatures}, summed. */
  private sentence(stems: Uint32Array, stemIds: Int32Array, lab: Int32Array, a: number, b: number, sums: Int32Array): void {
    const n = b - a;
    const L = LABEL_COUNT;
    const { counts, spans, spanCounts, inside } = this;
    sums.fill(0, a * L, b * L);
    inside.fill(0, 0, n);
    if (spans.size > 0) {
      for (let i = 0; i < n; i++) {
        let h = SEQ;
        for (let j = i; j < n && j - i < MAX_SPAN; j++) {
          h = combine(h, stems[a + j]);
          const at = spans.get(h);
          if (at === undefined) break;
          for (let t = 0; t < TYPES; t++) {
            if (spanCounts[at + t] <= 0) continue;
            this.add(this.docEntB, t * 8 + Math.min(j - i + 1, 5), sums, (a + i) * L);
            for (let k = i + 1; k <= j; k++) inside[k] |= 1 << t;
          }
          if (spanCounts[at + TYPES] <= 0) break;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const o = (a + i) * L;
      const c = stemIds[a + i] * L;
      let total = 0;
      let entity = 0;
      for (let y = 0; y < L; y++) total += counts[c + y];
      for (let y = 1; y < L; y++) {
        const cy = counts[c + y];
        if (cy > 0) {
          this.add(this.docLab, y * 4 + bucket(cy), sums, o);
          entity += cy;
        }
      }
      if (total > 0 && entity === 0) this.add(this.docAllO, bucket(total), sums, o);
      const ins = inside[i];
      if (ins !== 0) for (let t = 0; t < TYPES; t++) if (ins & (1 << t)) this.add(this.docEntI, t, sums, o);
      const l = lab[a + i];
      this.add(this.s1, l, sums, o);
      this.add(this.s1Prev, (i > 0 ? lab[a + i - 1] : 15) * 16 + l, sums, o);
      this.add(this.s1Next, l * 16 + (i + 1 < n ? lab[a + i + 1] : 15), sums, o);
    }
  }
}
