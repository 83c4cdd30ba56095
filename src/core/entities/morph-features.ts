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

/**
 * Hashes of the tag strings seen so far. There are few of them (17 UPOS and the patterns
 * they form), and a cache hit saves hashing the string again per token.
 */
const tagHashes = new Map<string, number>();
const MAX_TAG_HASHES = 4096;

function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    if (tagHashes.size < MAX_TAG_HASHES) tagHashes.set(tag, h);
  }
  return h;
}

/** The hash of a token's segment pattern (`NOUN+PRON`), building the string only for a fused token. */
function patternHash(segments: readonly { pos: string }[] | undefined): number {
  if (segments === undefined || segments.length === 0) return tagHash('');
  if (segments.length === 1) return tagHash(segments[0].pos);
  let p = segments[0].pos;
  for (let i = 1; i < segments.length; i++) p = `${p}+${segments[i].pos}`;
  return tagHash(p);
}

/**
 * The morphology features of one sentence's tokens, `tags[from .. to)` (the whole array by
 * default). A tag may be undefined for a token the morphology did not reach; it then counts
 * as `X`.
 */
export function morphFeatures(tags: readonly (MorphTag | undefined)[], from = 0, to = tags.length): ExtraFeatures {
  const n = to - from;
  const head = new Uint32Array(n);
  const pattern = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tags[from + i];
    head[i] = tagHash(t?.pos ?? 'X');
    pattern[i] = patternHash(t?.segments);
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
