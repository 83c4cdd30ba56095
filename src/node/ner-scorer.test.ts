/**
 * The tagger's fast scoring path against the reference one (feature lists from
 * FeatureExtractor, summed by emissionScores) on the committed NER model: the two must give
 * the same scores bit for bit and so the same labels. Sentences are drawn from words written
 * for this test in Egyptian-press style, with diacritics, tatweel, hamza forms and digits,
 * and with gazetteer names of several words so that gazetteer matches cross word boundaries.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContextScorer, documentFeatures, stemHash } from '../core/entities/context.js';
import { FeatureExtractor, TokenScorer } from '../core/entities/features.js';
import { LABEL_COUNT } from '../core/entities/labels.js';
import { addFeatureSums, emissionScores } from '../core/entities/model.js';
import { MorphFeatureSums, type MorphTag, morphFeatures } from '../core/entities/morph-features.js';
import { type NerModel, NerTagger, tagDocumentReference, usesMorphology } from '../core/entities/tagger.js';
import { normalize } from '../core/text/normalize.js';
import { loadNer } from './ner.js';

const WORDS = [
  'وقال', 'وزير', 'الخارجية', 'الروسى', 'سيرجى', 'لافروف', 'إن', 'روسيا', 'والعراق', 'للعراق', 'العراقى',
  'الأمم', 'المتحدة', 'عبد', 'الفتاح', 'السيسى', 'القاهرة', 'فى', 'على', 'مصطفى', 'إبراهيم', 'الجعفرى',
  'جامعة', 'الدول', 'العربية', 'مُحَمَّدٌ', 'الرئيـــس', 'آفاق', 'مسؤول', 'هيئة', 'سيئة', 'ءامن', '٢٠١٥',
  '10،5', '%', '،', '.', '"', 'وأوضح', 'أنه', 'الزيارة', 'موسكو', 'بغداد', 'الولايات', 'المتحدة', 'الأمريكية',
].map((w) => normalize(w));

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 });
const docs = fc.array(sentence, { minLength: 1, maxLength: 6 });

/** Morphology tags as the stage writes them, some tokens without any (no morphology reached them). */
const MORPH_TAGS: (MorphTag | undefined)[] = [
  { pos: 'PROPN', segments: [{ pos: 'PROPN' }] },
  { pos: 'NOUN', segments: [{ pos: 'CCONJ' }, { pos: 'ADP' }, { pos: 'NOUN' }] },
  { pos: 'VERB', segments: [{ pos: 'CCONJ' }, { pos: 'VERB' }] },
  { pos: 'ADJ', segments: [{ pos: 'ADJ' }] },
  { pos: 'PUNCT', segments: [{ pos: 'PUNCT' }] },
  undefined,
];
const tagPool = fc.array(fc.constantFrom(...MORPH_TAGS), { minLength: 90, maxLength: 90 });

let model: NerModel;
beforeAll(() => {
  model = loadNer();
});

describe('TokenScorer', () => {
  it('sums exactly the weights of the features FeatureExtractor emits, for both passes, across cache resets', () => {
    const models = model.weights2?.baseFeatures ? [model.weights, model.weights2] : [model.weights];
    const extractor = new FeatureExtractor({ lexicon: model.lexicon, clusters: model.clusters });
    // A cache of 6 types empties almost every sentence: ids and sums must not leak across.
    const scorers = [new TokenScorer(models, { lexicon: model.lexicon, clusters: model.clusters }, { maxTypes: 6 }), new TokenScorer(models, { lexicon: model.lexicon, clusters: model.clusters })];
    fc.assert(
      fc.property(docs, (sentences) => {
        for (const scorer of scorers) {
          for (const norms of sentences) {
            const n = norms.length;
            const types = new Int32Array(n);
            const sums = new Int32Array(n * scorer.width);
            scorer.resolve(norms, types);
            scorer.score(types, 0, n, sums);
            const feats = extractor.extract(norms);
            models.forEach((w, m) => {
              const want = new Float32Array(n * LABEL_COUNT);
              emissionScores(w, feats, want);
              const got = new Float32Array(n * LABEL_COUNT);
              for (let i = 0; i < n; i++) for (let y = 0; y < LABEL_COUNT; y++) got[i * LABEL_COUNT + y] = sums[i * scorer.width + m * LABEL_COUNT + y] * w.scale;
              expect(Array.from(got)).toEqual(Array.from(want));
            });
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('ContextScorer', () => {
  it('sums the weights of the document features documentFeatures builds', () => {
    const second = model.weights2;
    if (!second) throw new Error('the committed NER model has a second pass');
    const context = new ContextScorer(second);
    const labelOf = fc.integer({ min: 0, max: LABEL_COUNT - 1 });
    fc.assert(
      fc.property(docs, fc.array(labelOf, { minLength: 100, maxLength: 100 }), fc.constantFrom(Infinity, 1, 2), (sentences, pool, window) => {
        // Arbitrary labels, not only valid BIO runs: the features are defined on any labelling.
        const first = sentences.map((s, k) => Int32Array.from(s, (_, i) => pool[(k * 14 + i) % pool.length]));
        const stems = sentences.map((s) => Uint32Array.from(s, stemHash));
        const extras = documentFeatures(stems, first, window);
        const flatStems = Uint32Array.from(stems.flatMap((s) => Array.from(s)));
        const ids = new Map<number, number>();
        const stemIds = Int32Array.from(flatStems, (h) => ids.get(h) ?? (ids.set(h, ids.size), ids.size - 1));
        const bounds = new Int32Array(sentences.length + 1);
        sentences.forEach((s, k) => (bounds[k + 1] = bounds[k] + s.length));
        const N = bounds[sentences.length];
        const sums = new Int32Array(N * LABEL_COUNT);
        context.score(flatStems, stemIds, ids.size, Int32Array.from(first.flatMap((l) => Array.from(l))), bounds, sentences.length, window, sums);
        sentences.forEach((s, k) => {
          const want = new Float32Array(s.length * LABEL_COUNT);
          emissionScores(second, { keys: extras[k].keys, offsets: extras[k].offsets, length: s.length }, want);
          const got = Float32Array.from({ length: s.length * LABEL_COUNT }, (_, j) => sums[bounds[k] * LABEL_COUNT + j] * second.scale);
          expect(Array.from(got)).toEqual(Array.from(want));
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('MorphFeatureSums', () => {
  // Tags beyond the kept rows too: more distinct patterns than it keeps rows for.
  const UPOS = ['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADP', 'CCONJ', 'PRON', 'PUNCT', 'NUM', 'X', 'DET', 'PART'];
  const tag = fc.option(
    fc.record({ pos: fc.constantFrom(...UPOS), segments: fc.array(fc.record({ pos: fc.constantFrom(...UPOS) }), { maxLength: 4 }) }),
    { nil: undefined },
  );

  it('adds exactly the weights addFeatureSums gives for morphFeatures, in place in a longer array', () => {
    const models = model.weights2?.baseFeatures ? [model.weights, model.weights2] : [model.weights];
    const sums = new MorphFeatureSums(models);
    const W = sums.width;
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 40 }), fc.nat(5), (tags, pad) => {
        const all = [...new Array<undefined>(pad), ...tags, undefined];
        const from = pad;
        const to = pad + tags.length;
        const got = new Int32Array(all.length * W);
        sums.add(all, from, to, got);
        const want = new Int32Array(all.length * W);
        const f = morphFeatures(tags);
        models.forEach((w, m) => {
          for (let i = 0; i < tags.length; i++) addFeatureSums(w, f.keys, f.offsets[i], f.offsets[i + 1], want, (from + i) * W + m * LABEL_COUNT);
        });
        expect(Array.from(got)).toEqual(Array.from(want));
      }),
      { numRuns: 300 },
    );
  });
});

describe('NerTagger', () => {
  it('reads the morphology (the committed model was trained with its features)', () => {
    expect(usesMorphology(model)).toBe(true);
  });

  it('labels documents exactly as the reference path, sentence by sentence and by token ranges, with and without morphology', () => {
    const tagger = new NerTagger(model);
    fc.assert(
      fc.property(docs, fc.constantFrom(Infinity, 1), tagPool, fc.boolean(), (sentences, window, pool, withTags) => {
        let k = 0;
        const tags = withTags ? sentences.map((s) => s.map(() => pool[k++ % pool.length])) : undefined;
        const want = tagDocumentReference(model, sentences, window, tags).map((l) => Array.from(l));
        expect(tagger.tagDocument(sentences, window, tags).map((l) => Array.from(l))).toEqual(want);
        const norms = sentences.flat();
        const ranges: [number, number][] = [];
        let at = 0;
        for (const s of sentences) ranges.push([at, (at += s.length)]);
        expect(Array.from(tagger.tagRanges(norms, ranges, window, tags?.flat()))).toEqual(want.flat());
      }),
      { numRuns: 100 },
    );
  });

  it('gives tokens outside every range label O and tags the ranges alone', () => {
    const tagger = new NerTagger(model);
    const norms = ['وقال', 'وزير', 'الخارجية', 'الروسي', 'سيرجي', 'لافروف', '.', 'في', 'موسكو'].map((w) => normalize(w));
    const labels = tagger.tagRanges(norms, [[1, 6], [7, 9]]);
    expect(labels[0]).toBe(0);
    expect(labels[6]).toBe(0);
    const alone = tagger.tagDocument([norms.slice(1, 6), norms.slice(7, 9)]);
    expect(Array.from(labels.slice(1, 6))).toEqual(Array.from(alone[0]));
    expect(Array.from(labels.slice(7, 9))).toEqual(Array.from(alone[1]));
    expect(alone[0].some((l) => l !== 0)).toBe(true);
  });
});
