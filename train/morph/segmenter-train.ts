/**
 * Training the segmentation ranker and the contextual stem-restoration choice on the
 * PADT training treebank (averaged perceptron, jackknifed lexicon features).
 */
import { ForeignCounts, foreignWeights, MapWeights } from '../../src/core/morph/foreign.js';
import { restoreFeatures } from '../../src/core/morph/restore.js';
import { contextSeeds, CandidateScorer, firstPersonContext, listCandidates } from '../../src/core/morph/segmenter.js';
import type { TreebankSentence } from '../../src/core/morph/treebank.js';
import type { Vocabulary } from '../../src/core/morph/vocabulary.js';
import { normalize } from '../../src/core/text/normalize.js';
import { goldAnalysis, type GoldAnalysis } from '../../src/core/morph/gold.js';
import { CountingLexicon, HeldOutLexicon } from './seg-lexicon.js';
import { TrainableTable } from './perceptron.js';

/** A training sentence with its tokens' gold analyses (undefined where unreadable). */
export interface SegSentence {
  fold: number;
  gold: (GoldAnalysis | undefined)[];
  /** The normalized forms of the sentence's content words (NOUN ADJ VERB X) and whether PADT tagged each X. */
  contentWords: { norm: string; x: boolean }[];
}

/** The tags whose words count as content words for `foreignness`. */
export const CONTENT_TAGS: ReadonlySet<string> = new Set(['NOUN', 'ADJ', 'VERB', 'X']);

/**
 * Prepares sentences: gold analyses, and folds for jackknifing. PADT's "partial word form"
 * pairs (`للصناعة للصناعة` tagged ADP NOUN, a fused token written twice without its
 * parts) are left out of training: they would teach the model not to split such tokens.
 */
export function prepareSegSentences(sentences: readonly TreebankSentence[], folds: number): SegSentence[] {
  return sentences.map((s, i) => {
    const gold = s.tokens.map((t) => goldAnalysis(t));
    s.tokens.forEach((t, j) => {
      const next = s.tokens[j + 1];
      if (next && next.form === t.form && t.words.length === 1 && next.words.length === 1 && t.form.length > 2 && t.words[0].upos !== next.words[0].upos) {
        gold[j] = undefined;
        gold[j + 1] = undefined;
      }
    });
    const contentWords = s.tokens.flatMap((t) => t.words.filter((w) => w.upos !== undefined && CONTENT_TAGS.has(w.upos)).map((w) => ({ norm: normalize(w.form), x: w.upos === 'X' })));
    return { fold: i % folds, gold, contentWords };
  });
}

/** Deterministic shuffling (mulberry32). */
export function shuffled<T>(items: readonly T[], seedValue: number): T[] {
  let a = seedValue >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Result of segmenter training. */
export interface SegTrainResult {
  weights: TrainableTable;
  lexicon: CountingLexicon;
}

/** The weights of `foreignness`: from every fold (for the model's vocabulary) and without each fold (what training sees). */
export interface ForeignWeightsByFold {
  all: Map<number, number>;
  heldOut: MapWeights[];
}

/**
 * The weights of `foreignness` (`src/core/morph/foreign.ts`) from the sentences' content
 * words, once from all folds and once without each fold (what training must see, as for
 * the lexicon counts). A word type counts once per fold it occurs in.
 */
export function foreignWeightsByFold(data: readonly SegSentence[], folds: number): ForeignWeightsByFold {
  const byFold = Array.from({ length: folds }, () => new ForeignCounts());
  const types = Array.from({ length: folds }, () => new Set<string>());
  for (const s of data) {
    for (const w of s.contentWords) {
      const key = (w.x ? 'x' : 'a') + w.norm;
      if (w.norm.length < 2 || types[s.fold].has(key)) continue;
      types[s.fold].add(key);
      byFold[s.fold].addType(w.norm, w.x);
    }
  }
  const all = new ForeignCounts();
  for (const f of byFold) all.absorb(f);
  return { all: foreignWeights(all), heldOut: byFold.map((f) => new MapWeights(foreignWeights(all.minus(f)))) };
}

/** Trains the ranker. */
export function trainSegmenter(
  data: readonly SegSentence[],
  vocab: Vocabulary,
  /** `foreign` comes from {@link foreignWeightsByFold} over the same data and folds, computed once for every run. */
  options: { epochs: number; folds: number; foreign: ForeignWeightsByFold; log?: (s: string) => void; /** Base of the per-epoch shuffle seeds (default 17). */ shuffleSeed?: number },
): SegTrainResult {
  const full = new CountingLexicon();
  const byFold = Array.from({ length: options.folds }, () => new CountingLexicon());
  for (const s of data) {
    for (const g of s.gold) {
      if (!g) continue;
      full.add(g);
      byFold[s.fold].add(g);
    }
  }
  const heldOut = byFold.map((f, i) => new HeldOutLexicon(full, f, options.foreign.heldOut[i]));
  const weights = new TrainableTable(1, 1 << 20);
  const scorer = new CandidateScorer();
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let errors = 0;
    let total = 0;
    let unreachable = 0;
    for (const s of shuffled(data, (options.shuffleSeed ?? 17) + epoch)) {
      const lex = heldOut[s.fold];
      const firstPerson = firstPersonContext(s.gold.map((g) => g?.norm));
      for (let i = 0; i < s.gold.length; i++) {
        const g = s.gold[i];
        if (!g) continue;
        const cands = listCandidates(g.norm, lex);
        let goldIndex = cands.findIndex((c) => c.label === g.label);
        if (goldIndex < 0 && g.special) {
          // An irregular analysis the other folds never saw: still teach it for this token.
          cands.push({ split: undefined, special: g.special, label: g.label });
          goldIndex = cands.length - 1;
        }
        if (goldIndex < 0 || goldIndex >= 64) {
          unreachable++;
          continue;
        }
        const ctx = contextSeeds(s.gold[i - 1]?.norm, s.gold[i + 1]?.norm, vocab, firstPerson[i]);
        const pred = scorer.score(g.norm, cands, ctx, weights, vocab, lex);
        total++;
        if (pred !== goldIndex) {
          errors++;
          for (let k = scorer.starts[goldIndex]; k < scorer.starts[goldIndex + 1]; k++) weights.update(scorer.keys[k], 0, 1);
          for (let k = scorer.starts[pred]; k < scorer.starts[pred + 1]; k++) weights.update(scorer.keys[k], 0, -1);
        }
        weights.tick();
      }
    }
    options.log?.(`segmenter epoch ${epoch + 1}: ${errors} errors on ${total} tokens (${((100 * errors) / total).toFixed(2)}%), ${unreachable} unreachable, ${weights.size} features`);
  }
  return { weights, lexicon: full };
}

/** The restoration lexicon and its contextual model. */
export interface RestorerTrainResult {
  forms: Map<string, string>;
  ambiguous: Map<string, string[]>;
  weights: TrainableTable;
}

/**
 * Collects the forms PADT gives each stem and trains the contextual choice for stems
 * with several (a form counts when it makes up at least 5% of the stem's uses, twice).
 */
export function trainRestorer(data: readonly SegSentence[], options: { epochs: number; log?: (s: string) => void }): RestorerTrainResult {
  const counts = new Map<string, Map<string, number>>();
  for (const s of data) {
    for (const g of s.gold) {
      if (!g?.stemForm || !g.rawStem) continue;
      const key = normalize(g.rawStem);
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(g.stemForm, (m.get(g.stemForm) ?? 0) + 1);
    }
  }
  const forms = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [key, m] of counts) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const sorted = [...m].sort((a, b) => b[1] - a[1]);
    forms.set(key, sorted[0][0]);
    const strong = sorted.filter(([, c]) => c >= 2 && c >= 0.05 * total).map(([f]) => f);
    if (strong.length > 1) ambiguous.set(key, strong);
  }
  const weights = new TrainableTable(1, 1 << 12);
  const keys = new Uint32Array(16);
  const goldKeys = new Uint32Array(16);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let errors = 0;
    let total = 0;
    for (const s of shuffled(data, 99 + epoch)) {
      for (let i = 0; i < s.gold.length; i++) {
        const g = s.gold[i];
        if (!g?.stemForm || !g.rawStem || !g.split) continue;
        const alts = ambiguous.get(normalize(g.rawStem));
        if (!alts || !alts.includes(g.stemForm)) continue;
        if (/[أإآؤئء]/u.test(g.rawStem) && alts.includes(g.rawStem)) continue;
        const ctx = { prev: s.gold[i - 1]?.norm, prev2: s.gold[i - 2]?.norm, next: s.gold[i + 1]?.norm, token: g.norm, chain: g.split.chain, window: [3, 4, 5, 6].map((d) => s.gold[i - d]?.norm) };
        let best = '';
        let bestScore = Number.NEGATIVE_INFINITY;
        for (const a of alts) {
          const n = restoreFeatures(a, ctx, keys);
          let sc = 0;
          for (let k = 0; k < n; k++) sc += weights.weight(keys[k], 0);
          if (sc > bestScore) {
            bestScore = sc;
            best = a;
          }
        }
        total++;
        if (best !== g.stemForm) {
          errors++;
          const ng = restoreFeatures(g.stemForm, ctx, goldKeys);
          for (let k = 0; k < ng; k++) weights.update(goldKeys[k], 0, 1);
          const np = restoreFeatures(best, ctx, keys);
          for (let k = 0; k < np; k++) weights.update(keys[k], 0, -1);
        }
        weights.tick();
      }
    }
    options.log?.(`restorer epoch ${epoch + 1}: ${errors} errors on ${total} ambiguous stems`);
  }
  return { forms, ambiguous, weights };
}
