/**
 * Tagger decoding experiments on PADT dev gold words (no model written):
 *
 * - greedy left-to-right (the committed tagger) against the same features trained right to
 *   left on reversed sentences, and the two combined by summing their per-word softmaxes
 *   (temperature T over the raw perceptron scores);
 * - beam search over the committed, greedily trained weights (`--beam`).
 *
 *   npx tsx train/morph/experiments/bidirectional.ts [--epochs N] [--retrain] [--beam]
 *
 * `--retrain` retrains the left-to-right model too instead of using the committed one.
 * Tunes on PADT dev only.
 */
import { decodeMorphModel } from '../../../src/core/morph/analyzer.js';
import { contextWordFeatures, MAX_WORD_FEATURES, staticWordFeatures, TAG_COUNT, wordSeeds } from '../../../src/core/morph/tagger.js';
import type { WeightSource } from '../../../src/core/morph/table.js';
import type { Vocabulary } from '../../../src/core/morph/vocabulary.js';
import { loadModel } from '../../../src/node/models.js';
import { DEV_SETS, readTreebank } from '../evaluate.js';
import { AmbiguityIds, assignAmbiguity, goldTagSentence, trainTagger, type TagSentence } from '../tagger-train.js';

const args = process.argv.slice(2);
const epochsAt = args.indexOf('--epochs');
const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : 8;
const parts = decodeMorphModel(loadModel('morph').files);
const dev = readTreebank(DEV_SETS.padtDev).sentences.map(goldTagSentence);

/** Per-word tag scores along the greedy path. */
function greedyScores(s: TagSentence, vocab: Vocabulary, weights: WeightSource): Float64Array[] {
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  const seeds = s.words.map((w) => wordSeeds(w, vocab));
  const out: Float64Array[] = [];
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < s.words.length; i++) {
    let n = staticWordFeatures(s.words[i], vocab, keys, 0);
    n = contextWordFeatures(seeds, s.words, i, prev, prev2, keys, n);
    const sc = new Float64Array(TAG_COUNT);
    for (let k = 0; k < n; k++) for (let t = 0; t < TAG_COUNT; t++) sc[t] += weights.weight(keys[k], t);
    out.push(sc);
    prev2 = prev;
    prev = argmax(sc);
  }
  return out;
}

/** Beam search over (previous, before-previous) tag states with the summed raw scores. */
function beamTags(s: TagSentence, vocab: Vocabulary, weights: WeightSource, width: number): number[] {
  const keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  const seeds = s.words.map((w) => wordSeeds(w, vocab));
  let beam: { tags: number[]; score: number }[] = [{ tags: [], score: 0 }];
  const sc = new Float64Array(TAG_COUNT);
  for (let i = 0; i < s.words.length; i++) {
    const next: { tags: number[]; score: number }[] = [];
    const fixed = staticWordFeatures(s.words[i], vocab, keys, 0);
    for (const h of beam) {
      const prev = h.tags.length > 0 ? h.tags[h.tags.length - 1] : -1;
      const prev2 = h.tags.length > 1 ? h.tags[h.tags.length - 2] : -1;
      const n = contextWordFeatures(seeds, s.words, i, prev, prev2, keys, fixed);
      sc.fill(0);
      for (let k = 0; k < n; k++) for (let t = 0; t < TAG_COUNT; t++) sc[t] += weights.weight(keys[k], t);
      for (let t = 0; t < TAG_COUNT; t++) next.push({ tags: [...h.tags, t], score: h.score + sc[t] });
    }
    next.sort((a, b) => b.score - a.score);
    const states = new Set<string>();
    beam = [];
    for (const h of next) {
      const state = h.tags.slice(-2).join(',');
      if (states.has(state)) continue;
      states.add(state);
      beam.push(h);
      if (beam.length >= width) break;
    }
  }
  return beam[0].tags;
}

function argmax(v: ArrayLike<number>): number {
  let b = 0;
  for (let t = 1; t < v.length; t++) if (v[t] > v[b]) b = t;
  return b;
}

function softmax(v: Float64Array, temperature: number): Float64Array {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp((x - m) / temperature));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

const results = new Map<string, [number, number]>();
const count = (name: string, predicted: number, gold: number): void => {
  const r = results.get(name) ?? [0, 0];
  r[1]++;
  if (predicted === gold) r[0]++;
  results.set(name, r);
};

if (args.includes('--beam')) {
  for (const width of [2, 4, 8]) {
    for (const s of dev) {
      const p = beamTags(s, parts.vocab, parts.tagger, width);
      s.tags.forEach((g, i) => g >= 0 && count(`beam ${width}`, p[i], g));
    }
  }
} else {
  const train = readTreebank('ud-arabic-padt/ar_padt-ud-train.txt').sentences.map(goldTagSentence);
  assignAmbiguity(train, 10, new AmbiguityIds());
  const reversed = (s: TagSentence): TagSentence => ({ words: [...s.words].reverse(), tags: [...s.tags].reverse() });
  const l2r = args.includes('--retrain') ? trainTagger(train, parts.vocab, { epochs }).averaged() : parts.tagger;
  const r2l = trainTagger(train.map(reversed), parts.vocab, { epochs }).averaged();
  for (const s of dev) {
    const a = greedyScores(s, parts.vocab, l2r);
    const b = greedyScores(reversed(s), parts.vocab, r2l).reverse();
    s.tags.forEach((g, i) => {
      if (g < 0) return;
      count('left to right', argmax(a[i]), g);
      count('right to left', argmax(b[i]), g);
      count('both, raw scores summed', argmax(a[i].map((x, t) => x + b[i][t])), g);
      for (const temperature of [0.5, 1, 2, 4, 8]) {
        const pa = softmax(a[i], temperature);
        const pb = softmax(b[i], temperature);
        count(`both, T=${temperature}`, argmax(pa.map((x, t) => x + pb[t])), g);
      }
    });
  }
}
for (const [name, [correct, total]] of results) console.log(`${name}: UPOS ${((100 * correct) / total).toFixed(2)} on gold words (${total - correct} errors / ${total})`);
