/**
 * NER features from the morphology stage: each token's UPOS (that of its head word) and the
 * tags of its syntactic words, with the neighbours' tags and tag bigrams. A name the model
 * has never seen is still tagged `PROPN` by a tagger trained on another corpus (PADT). With
 * the committed recipe (`tsx train/ner/experiment.ts --two-stage --window 25 --no-trigrams
 * [--pos] --cv 5`, float weights), 5-fold cross-validation over our train split went from
 * 75.52 to 76.35 F1 and dev from 74.94 to 76.65, mostly on PER. The neighbours two away were
 * tried too (CV 76.23, dev 75.77) and dropped; the tag and segment pattern alone gave CV 76.28,
 * dev 75.40.
 *
 * The keys are appended to the token's other features (see `ExtraFeatures`), so training and
 * both run-time paths score them the same way.
 */
import type { ExtraFeatures } from './context.js';
import { combine, hashString } from './hash.js';
import { LABEL_COUNT } from './labels.js';
import { type NerWeights, addFeatureSums } from './model.js';

/** What the features read of a token's morphology: the fields the morphology stage fills. */
export interface MorphTag {
  /** UPOS of the token's head word. */
  pos?: string;
  /** The token's syntactic words, in order. */
  segments?: readonly { pos: string }[];
}

const enum K {
  Pos0 = 0x7a01,
  Pattern0,
  PosM1,
  PosP1,
  PosM1Pos0,
  Pos0PosP1,
}
const BEFORE = 0x5eed0101;
const AFTER = 0x5eed0102;
/** Features per token, a constant: {@link morphFeatures} writes exactly this many. */
export const MORPH_FEATURES_PER_TOKEN = 6;

/** A token's segment pattern (`NOUN+PRON`), building a new string only for a fused token. */
function patternOf(segments: readonly { pos: string }[] | undefined): string {
  if (segments === undefined || segments.length === 0) return '';
  if (segments.length === 1) return segments[0].pos;
  let p = segments[0].pos;
  for (let i = 1; i < segments.length; i++) p = `${p}+${segments[i].pos}`;
  return p;
}

/**
 * The morphology features of one sentence's tokens (`tags[i]` may be undefined for a token
 * the morphology did not reach; it then counts as `X`).
 */
export function morphFeatures(tags: readonly (MorphTag | undefined)[]): ExtraFeatures {
  const n = tags.length;
  const head = new Uint32Array(n);
  const pattern = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    head[i] = hashString(t?.pos ?? 'X');
    pattern[i] = hashString(patternOf(t?.segments));
  }
  const at = (i: number): number => (i < 0 ? BEFORE : i >= n ? AFTER : head[i]);
  const keys = new Uint32Array(n * MORPH_FEATURES_PER_TOKEN);
  const offsets = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    keys[k++] = combine(K.Pos0, at(i));
    keys[k++] = combine(K.Pattern0, pattern[i]);
    keys[k++] = combine(K.PosM1, at(i - 1));
    keys[k++] = combine(K.PosP1, at(i + 1));
    keys[k++] = combine(combine(K.PosM1Pos0, at(i - 1)), at(i));
    keys[k++] = combine(combine(K.Pos0PosP1, at(i)), at(i + 1));
  }
  offsets[n] = k;
  return { keys, offsets };
}

/** Tag strings (heads and patterns) whose rows are kept; ids 0 and 1 are the sentence edges. */
const ROW_TAGS = 128;
/** Distinct tag strings before the ids and rows are dropped and rebuilt (they come from a model, so this is never reached in practice). */
const MAX_TAG_IDS = 4096;
const UNARY_KINDS = [K.Pos0, K.Pattern0, K.PosM1, K.PosP1] as const;

/**
 * The morphology features' weight sums, added straight into a tagger's `sums` without
 * building the feature keys of every token: each feature depends only on one or two tag
 * strings out of a small set, so its row of quantized weights (every model's labels) is
 * looked up once and kept, by tag id. The sums are integers, so they equal those of
 * `addFeatureSums` over {@link morphFeatures} exactly, in any order.
 */
export class MorphFeatureSums {
  /** Integers per token in `sums`: `LABEL_COUNT` per model. */
  readonly width: number;
  private readonly models: readonly NerWeights[];
  private ids = new Map<string, number>();
  private hashes: number[] = [BEFORE, AFTER];
  private readonly unary: Int32Array;
  private readonly unaryDone: Uint8Array;
  private readonly pair: Int32Array;
  private readonly pairDone: Uint8Array;
  private readonly scratch: Int32Array;
  private readonly key = new Uint32Array(1);
  private head = new Int32Array(0);
  private pattern = new Int32Array(0);

  /** `models` are the weights that score base features, in the order of their parts of `sums`. */
  constructor(models: readonly NerWeights[]) {
    this.models = models;
    this.width = LABEL_COUNT * models.length;
    this.unary = new Int32Array(UNARY_KINDS.length * ROW_TAGS * this.width);
    this.unaryDone = new Uint8Array(UNARY_KINDS.length * ROW_TAGS);
    this.pair = new Int32Array(2 * ROW_TAGS * ROW_TAGS * this.width);
    this.pairDone = new Uint8Array(2 * ROW_TAGS * ROW_TAGS);
    this.scratch = new Int32Array(this.width);
  }

  private idOf(tag: string): number {
    let id = this.ids.get(tag);
    if (id === undefined) {
      id = this.hashes.length;
      this.hashes.push(hashString(tag));
      this.ids.set(tag, id);
    }
    return id;
  }

  private reset(): void {
    this.ids = new Map();
    this.hashes = [BEFORE, AFTER];
    this.unaryDone.fill(0);
    this.pairDone.fill(0);
  }

  /**
   * Adds the weight row of feature `template` over tag ids `a` (and `b` for a bigram, -1
   * otherwise) to `sums` at `at`: from row `r` of `table`, filled on first use, or looked
   * up afresh when the ids have no kept row (`r` < 0).
   */
  private addRow(template: number, a: number, b: number, table: Int32Array, done: Uint8Array, r: number, sums: Int32Array, at: number): void {
    const W = this.width;
    let row = this.scratch;
    let from = 0;
    if (r >= 0) {
      row = table;
      from = r * W;
    }
    if (r < 0 || done[r] === 0) {
      const first = combine(template, this.hashes[a]);
      this.key[0] = b < 0 ? first : combine(first, this.hashes[b]);
      row.fill(0, from, from + W);
      for (let m = 0; m < this.models.length; m++) addFeatureSums(this.models[m], this.key, 0, 1, row, from + m * LABEL_COUNT);
      if (r >= 0) done[r] = 1;
    }
    for (let y = 0; y < W; y++) sums[at + y] += row[from + y];
  }

  /** Adds the row of a one-tag feature (`kind` is its index in UNARY_KINDS). */
  private addUnary(kind: number, id: number, sums: Int32Array, at: number): void {
    const r = id < ROW_TAGS ? kind * ROW_TAGS + id : -1;
    this.addRow(UNARY_KINDS[kind], id, -1, this.unary, this.unaryDone, r, sums, at);
  }

  /** Adds the row of a tag-bigram feature (`kind` 0: previous + this, 1: this + next). */
  private addPair(kind: number, a: number, b: number, sums: Int32Array, at: number): void {
    const r = a < ROW_TAGS && b < ROW_TAGS ? (kind * ROW_TAGS + a) * ROW_TAGS + b : -1;
    this.addRow(kind === 0 ? K.PosM1Pos0 : K.Pos0PosP1, a, b, this.pair, this.pairDone, r, sums, at);
  }

  /**
   * Adds the morphology features of the sentence `tags[from .. to)` to `sums`, whose token
   * `from + i` starts at `(from + i) * width`.
   */
  add(tags: readonly (MorphTag | undefined)[], from: number, to: number, sums: Int32Array): void {
    const n = to - from;
    // Reset only between sentences, so that no id of this sentence is dropped.
    if (this.ids.size + 2 * n > MAX_TAG_IDS) this.reset();
    if (this.head.length < n) {
      this.head = new Int32Array(Math.max(n, this.head.length * 2, 64));
      this.pattern = new Int32Array(this.head.length);
    }
    const { head, pattern } = this;
    for (let i = 0; i < n; i++) {
      const t = tags[from + i];
      head[i] = this.idOf(t?.pos ?? 'X');
      pattern[i] = this.idOf(patternOf(t?.segments));
    }
    const W = this.width;
    for (let i = 0; i < n; i++) {
      const at = (from + i) * W;
      const prev = i > 0 ? head[i - 1] : 0;
      const next = i + 1 < n ? head[i + 1] : 1;
      this.addUnary(0, head[i], sums, at);
      this.addUnary(1, pattern[i], sums, at);
      this.addUnary(2, prev, sums, at);
      this.addUnary(3, next, sums, at);
      this.addPair(0, prev, head[i], sums, at);
      this.addPair(1, head[i], next, sums, at);
    }
  }
}
