/**
 * Training the UPOS tagger on gold syntactic words (greedy left-to-right averaged perceptron).
 */
import {
  addRows,
  ambiguityClass,
  argmax,
  contextWordFeatures,
  MAX_WORD_FEATURES,
  staticWordFeatures,
  TAG_COUNT,
  UPOS_TAGS,
  wordSeeds,
  type TaggerWord,
} from '../../src/core/morph/tagger.js';
import type { TreebankSentence } from '../../src/core/morph/treebank.js';
import type { Vocabulary } from '../../src/core/morph/vocabulary.js';
import { foreignness, foreignnessBucket } from '../../src/core/morph/foreign.js';
import { goldTaggerWords } from '../../src/core/morph/gold.js';
import type { WeightSource } from '../../src/core/morph/table.js';
import { TrainableTable } from './perceptron.js';
import { shuffled } from './segmenter-train.js';

/** A sentence for the tagger: words and gold tag indexes. */
export interface TagSentence {
  words: TaggerWord[];
  tags: number[];
}

const TAG_INDEX = new Map<string, number>(UPOS_TAGS.map((t, i) => [t, i]));

/** The tagger's view of a gold sentence (gold segmentation). Words with an unknown tag get tag -1 and are not learned from. */
export function goldTagSentence(s: TreebankSentence): TagSentence {
  const words: TaggerWord[] = [];
  const tags: number[] = [];
  for (const t of s.tokens) {
    words.push(...goldTaggerWords(t));
    for (const w of t.words) tags.push(TAG_INDEX.get(w.upos ?? '') ?? -1);
  }
  return { words, tags };
}

/** A sentence read right to left, for the right-to-left tagger (the features then see the words after a word as its previous ones). */
export function reversedTagSentence(s: TagSentence): TagSentence {
  return { words: [...s.words].reverse(), tags: [...s.tags].reverse() };
}

/** Tag counts per normalized word. */
export function tagCounts(data: readonly TagSentence[], keep: (index: number) => boolean): Map<string, Int32Array> {
  const counts = new Map<string, Int32Array>();
  data.forEach((s, i) => {
    if (!keep(i)) return;
    s.words.forEach((w, j) => {
      const t = s.tags[j];
      if (t < 0) return;
      let c = counts.get(w.norm);
      if (!c) counts.set(w.norm, (c = new Int32Array(TAG_COUNT)));
      c[t]++;
    });
  });
  return counts;
}

/** Dense ids for ambiguity classes, shared by training and the model. */
export class AmbiguityIds {
  readonly ids = new Map<string, number>();

  id(counts: Int32Array | undefined): number {
    if (!counts) return -1;
    const key = ambiguityClass(counts);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * Sets each training word's ambiguity class from the other folds' counts (so that, as at
 * run time, a word seen once looks unseen), and returns the classes of the whole treebank
 * by word, for the model.
 */
export function assignAmbiguity(data: readonly TagSentence[], folds: number, ids: AmbiguityIds): Map<string, number> {
  for (let f = 0; f < folds; f++) {
    const counts = tagCounts(data, (i) => i % folds !== f);
    data.forEach((s, i) => {
      if (i % folds !== f) return;
      for (const w of s.words) w.ambiguity = ids.id(counts.get(w.norm));
    });
  }
  const full = new Map<string, number>();
  for (const [w, c] of tagCounts(data, () => true)) full.set(w, ids.id(c));
  return full;
}

/**
 * Sets each training word's `foreignness` bucket from weights learned without its fold
 * (`heldOut[f]` for the sentences `i % folds === f`, the segmenter's folds), as
 * {@link assignAmbiguity} does for ambiguity classes.
 */
export function assignForeignness(data: readonly TagSentence[], heldOut: readonly WeightSource[]): void {
  data.forEach((s, i) => {
    const weights = heldOut[i % heldOut.length];
    for (const w of s.words) w.foreign = foreignnessBucket(foreignness(weights, w.norm));
  });
}

/** Trains the tagger. */
export function trainTagger(
  data: readonly TagSentence[],
  vocab: Vocabulary,
  options: { epochs: number; log?: (s: string) => void; /** Base of the per-epoch shuffle seeds (default 31). */ shuffleSeed?: number },
): TrainableTable {
  const weights = new TrainableTable(TAG_COUNT, 1 << 18);
  // Words seen once are shown half the time without their identity, so that the model
  // learns how to tag words it has never seen from their shape and the news.
  const seen = new Map<string, number>();
  for (const s of data) for (const w of s.words) seen.set(w.norm, (seen.get(w.norm) ?? 0) + 1);
  let rng = 12345;
  const coin = (): boolean => {
    rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
    return (rng >>> 16) % 2 === 0;
  };
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  const scores = new Float64Array(TAG_COUNT);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let errors = 0;
    let total = 0;
    for (const index of shuffled(order, (options.shuffleSeed ?? 31) + epoch)) {
      const s = data[index];
      const seeds = s.words.map((w) => wordSeeds(w, vocab));
      let prev = -1;
      let prev2 = -1;
      for (let i = 0; i < s.words.length; i++) {
        const hide = (seen.get(s.words[i].norm) ?? 0) <= 1 && coin();
        let n = staticWordFeatures(s.words[i], vocab, keys, 0, hide);
        n = contextWordFeatures(seeds, s.words, i, prev, prev2, keys, n);
        scores.fill(0);
        addRows(weights, keys, 0, n, scores);
        const pred = argmax(scores, TAG_COUNT);
        const gold = s.tags[i];
        if (gold >= 0) {
          total++;
          if (pred !== gold) {
            errors++;
            for (let k = 0; k < n; k++) {
              weights.update(keys[k], gold, 1);
              weights.update(keys[k], pred, -1);
            }
          }
          weights.tick();
        }
        // Train on the tags the model itself would see at run time.
        prev2 = prev;
        prev = pred;
      }
    }
    options.log?.(`tagger epoch ${epoch + 1}: ${errors} errors on ${total} words (${((100 * errors) / total).toFixed(2)}%), ${weights.size} features`);
  }
  return weights;
}
