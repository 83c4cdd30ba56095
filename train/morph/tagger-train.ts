/**
 * Training the UPOS tagger on gold syntactic words (greedy left-to-right averaged perceptron).
 */
import {
  addRows,
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

/** Tags a sentence greedily with `weights` (and first-pass tags when given). */
export function tagSentence(s: TagSentence, vocab: Vocabulary, weights: WeightSource, firstPass?: Int8Array): Int8Array {
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  const scores = new Float64Array(TAG_COUNT);
  const seeds = s.words.map((w) => wordSeeds(w, vocab));
  const out = new Int8Array(s.words.length);
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < s.words.length; i++) {
    let n = staticWordFeatures(s.words[i], vocab, keys, 0);
    n = contextWordFeatures(seeds, s.words, i, prev, prev2, keys, n, firstPass);
    scores.fill(0);
    addRows(weights, keys, 0, n, scores);
    out[i] = argmax(scores, TAG_COUNT);
    prev2 = prev;
    prev = out[i];
  }
  return out;
}

/**
 * First-pass tags for every training sentence, each predicted by a model that did not
 * see it (k-fold), so that the second pass learns how far to trust them.
 */
export function jackknifeFirstPass(data: readonly TagSentence[], vocab: Vocabulary, options: { epochs: number; folds: number; log?: (s: string) => void }): Int8Array[] {
  const out: Int8Array[] = new Array<Int8Array>(data.length);
  for (let f = 0; f < options.folds; f++) {
    const train = data.filter((_, i) => i % options.folds !== f);
    const w = trainTagger(train, vocab, { epochs: options.epochs }).averaged();
    data.forEach((s, i) => {
      if (i % options.folds === f) out[i] = tagSentence(s, vocab, w);
    });
    options.log?.(`tagger first pass: fold ${f + 1}/${options.folds} done`);
  }
  return out;
}

/** Trains the tagger (the second pass when `firstPass` tags are given). */
export function trainTagger(
  data: readonly TagSentence[],
  vocab: Vocabulary,
  options: { epochs: number; log?: (s: string) => void },
  firstPass?: readonly Int8Array[],
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
    for (const index of shuffled(order, 31 + epoch)) {
      const s = data[index];
      const fp = firstPass?.[index];
      const seeds = s.words.map((w) => wordSeeds(w, vocab));
      let prev = -1;
      let prev2 = -1;
      for (let i = 0; i < s.words.length; i++) {
        const hide = (seen.get(s.words[i].norm) ?? 0) <= 1 && coin();
        let n = staticWordFeatures(s.words[i], vocab, keys, 0, hide);
        n = contextWordFeatures(seeds, s.words, i, prev, prev2, keys, n, fp);
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
