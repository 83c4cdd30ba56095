/**
 * The morphological analyzer: segmentation, UPOS tagging, lemmatization and search stems
 * for a sentence of surface tokens, from a model loaded from bytes (no file system here).
 *
 * Speed: everything that depends only on a word's spelling (its candidate splits and
 * their static scores, the static part of its tag scores, its lemma) is computed once per
 * distinct form and cached, as spaCy caches lexemes; only context features are computed
 * per occurrence. The caches are bounded and simply cleared when full.
 */
import { MarsadError } from '../errors.js';
import { normalize } from '../text/normalize.js';
import { ENCLITICS, PROCLITIC_CHAINS, rawStem } from './clitics.js';
import { dediacritize } from './eval.js';
import { goldTaggerWords } from './gold.js';
import { HashedLexicon } from './lexicon.js';
import { Lemmatizer, parseScript, ScriptIndex, type LemmaResult } from './lemmatizer.js';
import { cleanWithMap } from './orthography.js';
import { StemRestorer } from './restore.js';
import {
  CandidateScorer,
  asNextSeed,
  asPreviousSeed,
  contextFeatures,
  listCandidates,
  specialLabel,
  staticFeatures,
  type Candidate,
  type ContextSeeds,
  type SpecialAnalysis,
} from './segmenter.js';
import { searchKey } from './stemmer.js';
import { FeatureTable } from './table.js';
import {
  argmax,
  MAX_WORD_FEATURES,
  AGREEMENT_VALUES,
  agreementFeature,
  ambiguityPairFeatures,
  EDGE_AGREEMENT,
  firstWordFeatures,
  neighbourFeatures,
  noNeighbour,
  previousWordByTagFeatures,
  selfByPreviousTagFeatures,
  transitionFeatures,
  type Neighbour,
  staticWordFeatures,
  TAG_COUNT,
  UPOS_TAGS,
  WordRole,
  wordSeeds,
  type TaggerWord,
  type Upos,
  type WordSeeds,
} from './tagger.js';
import type { TreebankToken } from './treebank.js';
import { Vocabulary } from './vocabulary.js';

/** One syntactic word of an analyzed token. */
export interface MorphSegment {
  /** The word as PADT writes it (marks removed, orthography restored in fused tokens). */
  text: string;
  /** Offsets inside the token's text, or -1 when the word does not map onto its letters. */
  start: number;
  end: number;
  pos: Upos;
  /** Undiacritized lemma. */
  lemma: string;
  /** Vocalized lemma, when the lexicon knows the word. */
  lemmaVocalized: string | undefined;
  role: WordRole;
}

/** An analyzed surface token. */
export interface MorphToken {
  segments: MorphSegment[];
  /** POS and lemma of the token's head word (its stem, or its first word when it has none). */
  pos: Upos;
  lemma: string;
  /** Light stem for search (see `stemmer.ts`). */
  stem: string;
}

/** The parts a model is made of, once decoded. */
export interface MorphModelParts {
  vocab: Vocabulary;
  segmenter: FeatureTable;
  lexicon: HashedLexicon;
  restorer: StemRestorer;
  tagger: FeatureTable;
  lemmatizer: Lemmatizer;
  /** Version string of the model, for the record. */
  version: string;
}

/** The strings of a model: lexicons and edit scripts (`lexicon.json`). */
export interface MorphLexiconFile {
  format: 1;
  version: string;
  restoreForms: [string, string][];
  restoreAmbiguous: [string, string[]][];
  specials: [string, string[][]][];
  lemmaLexicon: [string, string][];
  lemmaScripts: string[];
}

/** File names of a morphology model inside `models/morph/`. */
export const MORPH_FILES = {
  lexicon: 'lexicon.json',
  vocab: 'vocab.bin',
  segmenter: 'segmenter.bin',
  segLexicon: 'seglex.bin',
  restore: 'restore.bin',
  tagger: 'tagger.bin',
  lemma: 'lemma.bin',
} as const;

function need(files: ReadonlyMap<string, Uint8Array>, name: string): Uint8Array {
  const bytes = files.get(name);
  if (!bytes) throw new MarsadError('MODEL_MISSING', `The morphology model has no file ${name}.`, { file: name });
  return bytes;
}

/** Decodes a model from its files' bytes (as returned by `loadModel('morph').files`). */
export function decodeMorphModel(files: ReadonlyMap<string, Uint8Array>): MorphModelParts {
  let lex: MorphLexiconFile;
  try {
    lex = JSON.parse(new TextDecoder().decode(need(files, MORPH_FILES.lexicon))) as MorphLexiconFile;
  } catch (e) {
    if (e instanceof MarsadError) throw e;
    throw new MarsadError('MODEL_CORRUPT', `The morphology lexicon is not valid JSON: ${(e as Error).message}`);
  }
  if (lex.format !== 1) throw new MarsadError('MODEL_CORRUPT', `Unsupported morphology lexicon format ${String(lex.format)}.`);
  const vocab = new Vocabulary(FeatureTable.deserialize(need(files, MORPH_FILES.vocab), MORPH_FILES.vocab));
  const specials = new Map<string, SpecialAnalysis[]>();
  for (const [norm, analyses] of lex.specials) specials.set(norm, analyses.map((forms) => ({ forms, label: specialLabel(forms) })));
  const lexicon = new HashedLexicon(FeatureTable.deserialize(need(files, MORPH_FILES.segLexicon), MORPH_FILES.segLexicon), specials);
  const restorer = new StemRestorer(
    new Map(lex.restoreForms),
    new Map(lex.restoreAmbiguous),
    FeatureTable.deserialize(need(files, MORPH_FILES.restore), MORPH_FILES.restore),
    vocab,
  );
  const lemmatizer = new Lemmatizer(
    new Map(lex.lemmaLexicon),
    new ScriptIndex(lex.lemmaScripts.map(parseScript)),
    FeatureTable.deserialize(need(files, MORPH_FILES.lemma), MORPH_FILES.lemma),
    vocab,
    dediacritize,
  );
  return {
    vocab,
    segmenter: FeatureTable.deserialize(need(files, MORPH_FILES.segmenter), MORPH_FILES.segmenter),
    lexicon,
    restorer,
    tagger: FeatureTable.deserialize(need(files, MORPH_FILES.tagger), MORPH_FILES.tagger),
    lemmatizer,
    version: lex.version,
  };
}

/**
 * A syntactic word as it comes out of one analysis of one token form: everything that
 * depends only on the form is computed once and kept here (tag scores of both passes,
 * context seeds, lemmas by tag).
 */
interface WordTemplate extends TaggerWord {
  /** Offsets inside the token's text, -1 when unmapped. */
  start: number;
  end: number;
  /** For a stem whose restored spelling depends on context: its raw form (else undefined). */
  ambiguousRaw: string | undefined;
  /** For such a stem: whether an enclitic follows. */
  hasEnclitic: boolean;
  /** Offset of the static part of the tag scores in the analyzer's score arena, or -1. */
  tagAt: number;
  /** Offset of the word's four neighbour contributions (as previous, before-previous, next, after-next word) in the arena, or -1. */
  neighbourAt: number;
  seeds: WordSeeds | undefined;
  /** Arena offsets of the word's scores under each previous tag (index prevTag + 1), -1 until needed. */
  byPreviousTag: Int32Array | undefined;
  /** Arena offsets of what the word contributes to the next word's scores once it has tag t (index t), -1 until needed. */
  asPreviousByTag: Int32Array | undefined;
  /** Lemmas for the first two tags the word got (a third tag is recomputed each time). */
  lemmaTag: number;
  lemma: LemmaResult | undefined;
  lemmaTag2: number;
  lemma2: LemmaResult | undefined;
  /** Search key of the word, when it heads its token. */
  stem: string | undefined;
}

/** What is cached per distinct token text. */
interface TokenType {
  text: string;
  clean: string;
  norm: string;
  /** Original offset of each clean index (length clean.length + 1), or undefined when identity. */
  toOriginal: Int32Array | undefined;
  /** The candidates worth scoring in context (best by static score), and those scores. */
  shortlist: Candidate[];
  shortScores: number[];
  /** Words of each shortlisted candidate, built on first use. */
  words: (WordTemplate[] | undefined)[];
  /** Words of the unsplit reading, for tokens that must not be split. */
  alone: WordTemplate[] | undefined;
  /** Context seeds of this form as a neighbour of another token. */
  asPrevious: number;
  asNext: number;
}

const CACHE_LIMIT = 200_000;
/**
 * How many candidates (best by static score) are scored with context features. Context
 * only reorders close candidates: on PADT dev, the best two give exactly the same
 * segmentation as all of them.
 */
const SHORTLIST = 2;
const UNSPLIT: Candidate = { split: { chain: 0, enclitic: 0, stemStart: 0, stemEnd: 0 }, special: undefined, label: 0 };

/** Options for {@link MorphAnalyzer.analyzeSentence}. */
export interface AnalyzeSentenceOptions {
  /** Whether token `i` may be split into clitics (default: every token). Non-word tokens should not be. */
  splittable?: (i: number) => boolean;
}

type Cached = 'tagAt' | 'neighbourAt' | 'seeds' | 'byPreviousTag' | 'asPreviousByTag' | 'lemmaTag' | 'lemma' | 'lemmaTag2' | 'lemma2' | 'ambiguousRaw' | 'hasEnclitic' | 'stem';

const EMPTY_CACHE: Pick<WordTemplate, Cached> = {
  ambiguousRaw: undefined,
  hasEnclitic: false,
  tagAt: -1,
  neighbourAt: -1,
  seeds: undefined,
  byPreviousTag: undefined,
  asPreviousByTag: undefined,
  lemmaTag: -1,
  lemma: undefined,
  lemmaTag2: -1,
  lemma2: undefined,
  stem: undefined,
};

function template(base: Omit<WordTemplate, Cached>): WordTemplate {
  // Spelled out rather than spread: this runs for every new word form.
  return {
    norm: base.norm,
    form: base.form,
    role: base.role,
    chain: base.chain,
    enclitic: base.enclitic,
    index: base.index,
    token: base.token,
    start: base.start,
    end: base.end,
    ambiguousRaw: undefined,
    hasEnclitic: false,
    tagAt: -1,
    neighbourAt: -1,
    seeds: undefined,
    byPreviousTag: undefined,
    asPreviousByTag: undefined,
    lemmaTag: -1,
    lemma: undefined,
    lemmaTag2: -1,
    lemma2: undefined,
    stem: undefined,
  };
}

const START_SEED = asPreviousSeed(undefined);
const END_SEED = asNextSeed(undefined);

/** The analyzer. Create one per model and reuse it: it caches per word form. */
export class MorphAnalyzer {
  readonly parts: MorphModelParts;
  private readonly types = new Map<string, TokenType>();
  private readonly restored = new Map<string, WordTemplate>();
  private readonly scorer = new CandidateScorer();
  private readonly keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  private readonly ctxKeys = new Uint32Array(16);
  private readonly scores = new Float64Array(TAG_COUNT);
  /** Static tag scores and neighbour contributions of every cached word, TAG_COUNT apiece; starts with the sentence-edge contributions. */
  private arena = new Float32Array(TAG_COUNT * 4096);
  private arenaUsed = 0;
  /** Offset of the sentence-edge neighbour contributions (the first block of the arena). */
  private edgeAt = 0;
  /** Dense tag-transition scores (both transition features): `[(prevTag + 1) * (TAG_COUNT + 1) + prev2Tag + 1]`, TAG_COUNT apiece. */
  private readonly transition2: Float64Array;
  /** Dense agreement scores: `[((prevAgreement * AGREEMENT_VALUES) + selfAgreement) * (TAG_COUNT + 1) + prevTag + 1]`, TAG_COUNT apiece (prevAgreement AGREEMENT_VALUES: the sentence edge). */
  private readonly agreement: Float64Array;
  /** Offset of the sentence-start contribution of the missing previous word (tag -1) in the arena. */
  private edgePreviousAt = 0;

  constructor(parts: MorphModelParts) {
    this.parts = parts;
    const T = TAG_COUNT + 1;
    this.transition2 = new Float64Array(T * T * TAG_COUNT);
    const keys = new Uint32Array(4);
    for (let p = -1; p < TAG_COUNT; p++) {
      for (let p2 = -1; p2 < TAG_COUNT; p2++) {
        transitionFeatures(p, p2, keys, 0);
        // Each row holds both transition features, so the inner loop reads one table.
        parts.tagger.addRow(keys[0], this.transition2, ((p + 1) * T + p2 + 1) * TAG_COUNT);
        parts.tagger.addRow(keys[1], this.transition2, ((p + 1) * T + p2 + 1) * TAG_COUNT);
      }
    }
    this.agreement = new Float64Array((AGREEMENT_VALUES + 1) * AGREEMENT_VALUES * T * TAG_COUNT);
    for (let pa = 0; pa <= AGREEMENT_VALUES; pa++) {
      for (let sa = 0; sa < AGREEMENT_VALUES; sa++) {
        for (let p = -1; p < TAG_COUNT; p++) {
          const key = agreementFeature(pa === AGREEMENT_VALUES ? EDGE_AGREEMENT : pa, sa, p);
          parts.tagger.addRow(key, this.agreement, ((pa * AGREEMENT_VALUES + sa) * T + p + 1) * TAG_COUNT);
        }
      }
    }
    this.reserveEdge();
  }

  /** Puts the sentence-edge neighbour contributions at the start of the arena. */
  private reserveEdge(): void {
    this.arenaUsed = 0;
    this.edgeAt = this.neighbourBlock(noNeighbour());
    this.scores.fill(0);
    const n = previousWordByTagFeatures(noNeighbour(), -1, this.keys, 0);
    for (let k = 0; k < n; k++) this.parts.tagger.addRow(this.keys[k], this.scores, 0);
    // The sentence start as the previous word: its neighbour row and its row under tag -1, summed.
    for (let t = 0; t < TAG_COUNT; t++) this.scores[t] += this.arena[this.edgeAt + t];
    this.edgePreviousAt = this.store(this.scores);
  }

  /** Sums the rows of `keys[0…n)`, plus the arena block at `base` if not negative, into a new arena block; returns its offset. */
  private storeKeys(n: number, base = -1): number {
    const scores = this.scores;
    scores.fill(0);
    if (base >= 0) for (let t = 0; t < TAG_COUNT; t++) scores[t] = this.arena[base + t];
    for (let k = 0; k < n; k++) this.parts.tagger.addRow(this.keys[k], scores, 0);
    return this.store(scores);
  }

  /** Stores the four neighbour contributions of a word (as previous, before-previous, next, after-next); returns their offset. */
  private neighbourBlock(seeds: WordSeeds): number {
    const at = this.arenaUsed;
    const scores = this.scores;
    const keys = this.keys;
    for (let which = 0; which < 4; which++) {
      scores.fill(0);
      const n = neighbourFeatures(seeds, which as Neighbour, keys, 0);
      for (let k = 0; k < n; k++) this.parts.tagger.addRow(keys[k], scores, 0);
      this.store(scores);
    }
    return at;
  }

  /** Builds an analyzer from model files (see {@link decodeMorphModel}). */
  static fromFiles(files: ReadonlyMap<string, Uint8Array>): MorphAnalyzer {
    return new MorphAnalyzer(decodeMorphModel(files));
  }

  private tokenType(text: string): TokenType {
    let t = this.types.get(text);
    if (t) return t;
    if (this.types.size >= CACHE_LIMIT) this.clearCaches();
    const view = cleanWithMap(text);
    let clean = view.clean;
    let norm = normalize(clean);
    let toOriginal = view.toOriginal;
    if (norm.length !== clean.length || clean.length === 0) {
      // Odd characters whose normalization changes length: analyze the token whole.
      clean = clean.length === 0 ? text : clean;
      norm = clean;
      toOriginal = undefined;
    }
    const { vocab, lexicon, segmenter } = this.parts;
    const candidates = listCandidates(norm, lexicon);
    const keys = this.scorer.keys;
    const scored: [Candidate, number][] = [];
    for (let i = 0; i < candidates.length && i < 64; i++) {
      const n = staticFeatures(norm, candidates[i], vocab, lexicon, keys, 0);
      let s = 0;
      for (let k = 0; k < n; k++) s += segmenter.weight(keys[k], 0);
      scored.push([candidates[i], s]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    const kept = scored.slice(0, SHORTLIST);
    t = {
      text,
      clean,
      norm,
      toOriginal,
      shortlist: kept.map((c) => c[0]),
      shortScores: kept.map((c) => c[1]),
      words: new Array<WordTemplate[] | undefined>(kept.length),
      alone: undefined,
      asPrevious: asPreviousSeed(norm),
      asNext: asNextSeed(norm),
    };
    this.types.set(text, t);
    return t;
  }

  private readonly ctx: ContextSeeds = { prev: 0, next: 0 };

  /** Drops every cached form (when the caches reach {@link CACHE_LIMIT}). */
  private clearCaches(): void {
    this.types.clear();
    this.restored.clear();
    this.reserveEdge();
  }

  private choose(type: TokenType, ctx: ContextSeeds): number {
    const { shortlist, shortScores } = type;
    if (shortlist.length === 1) return 0;
    const seg = this.parts.segmenter;
    const keys = this.ctxKeys;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < shortlist.length; i++) {
      const n = contextFeatures(shortlist[i], ctx, keys, 0);
      let s = shortScores[i];
      for (let k = 0; k < n; k++) s += seg.weight(keys[k], 0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private orig(type: TokenType, i: number): number {
    return type.toOriginal ? type.toOriginal[i] : Math.min(i, type.text.length);
  }

  /** The words of shortlisted candidate `c` of a token form (-1: the unsplit reading), built once. */
  private templates(type: TokenType, c: number): WordTemplate[] {
    const cached = c < 0 ? type.alone : type.words[c];
    if (cached) return cached;
    const cand = c < 0 ? UNSPLIT : type.shortlist[c];
    const { clean, norm, text } = type;
    let words: WordTemplate[];
    if (cand.split === undefined) {
      const forms = (cand.special as SpecialAnalysis).forms;
      // Map the parts onto the letters when they spell the token exactly (في + ما = فيما).
      const maps = forms.join('') === clean;
      let at = 0;
      words = forms.map((f, index) => {
        const start = maps ? this.orig(type, at) : -1;
        at += f.length;
        const end = maps ? this.orig(type, at) : -1;
        return template({ norm: normalize(f), form: f, role: WordRole.Special, chain: 0, enclitic: 0, index, token: norm, start, end });
      });
    } else if (cand.label === 0) {
      words = [template({ norm, form: clean, role: WordRole.Alone, chain: 0, enclitic: 0, index: 0, token: norm, start: 0, end: text.length })];
    } else {
      const split = cand.split;
      words = [];
      const chain = PROCLITIC_CHAINS[split.chain];
      let index = 0;
      chain.parts.forEach((p, k) => {
        words.push(template({ norm: p, form: p, role: WordRole.Proclitic, chain: split.chain, enclitic: split.enclitic, index: index++, token: norm, start: this.orig(type, k), end: this.orig(type, k + 1) }));
      });
      if (split.stemEnd > split.stemStart) {
        const raw = rawStem(clean, split);
        const restorer = this.parts.restorer;
        const ambiguous = restorer.alternatives(raw) !== undefined;
        const form = ambiguous ? raw : restorer.restore(raw, split.enclitic > 0, { prev: undefined, prev2: undefined, next: undefined, token: norm, chain: split.chain });
        const w = template({
          norm: normalize(form),
          form,
          role: WordRole.Stem,
          chain: split.chain,
          enclitic: split.enclitic,
          index: index++,
          token: norm,
          start: this.orig(type, split.stemStart),
          end: split.enclitic > 0 ? this.orig(type, split.stemEnd) : text.length,
        });
        if (ambiguous) {
          w.ambiguousRaw = raw;
          w.hasEnclitic = split.enclitic > 0;
        }
        words.push(w);
      }
      if (split.enclitic > 0) {
        const e = ENCLITICS[split.enclitic];
        words.push(template({ norm: e, form: e, role: WordRole.Enclitic, chain: split.chain, enclitic: split.enclitic, index: index++, token: norm, start: this.orig(type, split.stemEnd), end: text.length }));
      }
    }
    if (c < 0) type.alone = words;
    else type.words[c] = words;
    return words;
  }

  /** A stem whose spelling is chosen in context: the chosen variant's template (cached per spelling). */
  private restoredTemplate(w: WordTemplate, prev: string | undefined, prev2: string | undefined, next: string | undefined): WordTemplate {
    const raw = w.ambiguousRaw as string;
    const form = this.parts.restorer.restore(raw, w.hasEnclitic, { prev, prev2, next, token: w.token, chain: w.chain });
    const key = `${w.token}\u0001${w.index}\u0001${form}`;
    let t = this.restored.get(key);
    if (!t) {
      t = { ...w, ...EMPTY_CACHE, form, norm: normalize(form) };
      this.restored.set(key, t);
    }
    return t;
  }

  /** Segments a sentence: the word templates of each token. */
  private segmentSentence(tokens: readonly string[], options: AnalyzeSentenceOptions): WordTemplate[][] {
    const n = tokens.length;
    const types: TokenType[] = new Array<TokenType>(n);
    for (let i = 0; i < n; i++) types[i] = this.tokenType(tokens[i]);
    const out: WordTemplate[][] = new Array<WordTemplate[]>(n);
    for (let i = 0; i < n; i++) {
      const type = types[i];
      const prev = i > 0 ? types[i - 1].norm : undefined;
      const next = i + 1 < n ? types[i + 1].norm : undefined;
      let words: WordTemplate[];
      if (options.splittable && !options.splittable(i)) {
        words = this.templates(type, -1);
      } else {
        let c = 0;
        if (type.shortlist.length > 1) {
          this.ctx.prev = i > 0 ? types[i - 1].asPrevious : START_SEED;
          this.ctx.next = i + 1 < n ? types[i + 1].asNext : END_SEED;
          c = this.choose(type, this.ctx);
        }
        words = this.templates(type, c);
      }
      for (let k = 0; k < words.length; k++) {
        if (words[k].ambiguousRaw !== undefined) {
          words = words.slice();
          words[k] = this.restoredTemplate(words[k], prev, i > 1 ? types[i - 2].norm : undefined, next);
        }
      }
      out[i] = words;
    }
    return out;
  }

  /** Greedy left-to-right tagging; what depends on one word only is cached on its template. */
  private tag(words: readonly WordTemplate[], seeds: readonly WordSeeds[]): Int8Array {
    const weights = this.parts.tagger;
    const n = words.length;
    const tags = new Int8Array(n);
    const scores = this.scores;
    const keys = this.keys;
    const vocab = this.parts.vocab;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      if (w.tagAt < 0) {
        scores.fill(0);
        const m = staticWordFeatures(w, vocab, keys, 0);
        for (let k = 0; k < m; k++) weights.addRow(keys[k], scores, 0);
        w.tagAt = this.store(scores);
      }
      if (w.neighbourAt < 0) w.neighbourAt = this.neighbourBlock(seeds[i]);
    }
    const edge = this.edgeAt;
    const T = TAG_COUNT + 1;
    const transition2 = this.transition2;
    const agreement = this.agreement;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      const self = seeds[i];
      // Cached rows: the word's own under the previous tag, the previous word's under its tag.
      let byPrev = w.byPreviousTag;
      if (byPrev === undefined) byPrev = w.byPreviousTag = new Int32Array(T).fill(-1);
      let sp = byPrev[prev + 1];
      // Holds the word's static row too.
      if (sp < 0) sp = byPrev[prev + 1] = this.storeKeys(selfByPreviousTagFeatures(self, prev, keys, 0), w.tagAt);
      let pc = this.edgePreviousAt;
      if (i > 0) {
        const pw = words[i - 1];
        let asPrev = pw.asPreviousByTag;
        if (asPrev === undefined) asPrev = pw.asPreviousByTag = new Int32Array(TAG_COUNT).fill(-1);
        pc = asPrev[prev];
        // Holds the previous word's neighbour row too.
        if (pc < 0) pc = asPrev[prev] = this.storeKeys(previousWordByTagFeatures(seeds[i - 1], prev, keys, 0), pw.neighbourAt);
      }
      // storeKeys may have grown the arena: read it afterwards.
      const arena = this.arena;
      const p2 = (i > 1 ? words[i - 2].neighbourAt : edge) + 1 * TAG_COUNT;
      const n1 = (i + 1 < n ? words[i + 1].neighbourAt : edge) + 2 * TAG_COUNT;
      const n2 = (i + 2 < n ? words[i + 2].neighbourAt : edge) + 3 * TAG_COUNT;
      const t2 = ((prev + 1) * T + prev2 + 1) * TAG_COUNT;
      const prevSeeds = i > 0 ? seeds[i - 1] : undefined;
      const pa = prevSeeds === undefined ? AGREEMENT_VALUES : prevSeeds.agreement;
      const ag = ((pa * AGREEMENT_VALUES + self.agreement) * T + prev + 1) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        scores[t] =
          arena[sp + t] + arena[pc + t] + arena[p2 + t] + arena[n1 + t] + arena[n2 + t] + transition2[t2 + t] + agreement[ag + t];
      }
      let m = ambiguityPairFeatures(self, prevSeeds ?? noNeighbour(), i + 1 < n ? seeds[i + 1] : noNeighbour(), keys, 0);
      if (i === 0) m = firstWordFeatures(w, keys, m);
      for (let k = 0; k < m; k++) weights.addRow(keys[k], scores, 0);
      const t = argmax(scores, TAG_COUNT);
      tags[i] = t;
      prev2 = prev;
      prev = t;
    }
    return tags;
  }

  /** Keeps a word's static tag scores in the arena; returns their offset. */
  private store(scores: Float64Array): number {
    if (this.arenaUsed + TAG_COUNT > this.arena.length) {
      const bigger = new Float32Array(this.arena.length * 2);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    const at = this.arenaUsed;
    for (let t = 0; t < TAG_COUNT; t++) this.arena[at + t] = scores[t];
    this.arenaUsed += TAG_COUNT;
    return at;
  }

  private lemmaOf(w: WordTemplate, tag: number): LemmaResult {
    if (w.lemmaTag === tag && w.lemma) return w.lemma;
    if (w.lemmaTag2 === tag && w.lemma2) return w.lemma2;
    const pos = UPOS_TAGS[tag];
    const r = pos === 'PUNCT' || pos === 'NUM' || pos === 'SYM' ? { lemma: w.form, vocalized: undefined } : this.parts.lemmatizer.lemmatize(w.form, w.norm, pos, tag);
    if (w.lemmaTag < 0) {
      w.lemmaTag = tag;
      w.lemma = r;
    } else if (w.lemmaTag2 < 0) {
      w.lemmaTag2 = tag;
      w.lemma2 = r;
    }
    return r;
  }

  /** Analyzes one sentence of surface tokens (their original text). */
  analyzeSentence(tokens: readonly string[], options: AnalyzeSentenceOptions = {}): MorphToken[] {
    return this.finish(this.segmentSentence(tokens, options));
  }

  /** Tags, lemmatizes and stems segmented tokens. */
  private finish(byToken: WordTemplate[][]): MorphToken[] {
    const words: WordTemplate[] = [];
    for (const ws of byToken) for (const w of ws) words.push(w);
    const vocab = this.parts.vocab;
    const seeds: WordSeeds[] = new Array<WordSeeds>(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.seeds === undefined) w.seeds = wordSeeds(w, vocab);
      seeds[i] = w.seeds;
    }
    const tags = this.tag(words, seeds);
    const out: MorphToken[] = new Array<MorphToken>(byToken.length);
    let w = 0;
    for (let t = 0; t < byToken.length; t++) {
      const ws = byToken[t];
      const segments: MorphSegment[] = new Array<MorphSegment>(ws.length);
      let head = -1;
      for (let k = 0; k < ws.length; k++) {
        const word = ws[k];
        const tag = tags[w++];
        const { lemma, vocalized } = this.lemmaOf(word, tag);
        segments[k] = { text: word.form, start: word.start, end: word.end, pos: UPOS_TAGS[tag], lemma, lemmaVocalized: vocalized, role: word.role };
        if (head < 0 && (word.role === WordRole.Stem || word.role === WordRole.Alone)) head = k;
      }
      if (head < 0) head = headWithoutStem(segments);
      const h = segments[head];
      const hw = ws[head];
      if (hw.stem === undefined) hw.stem = searchKey(hw.form);
      out[t] = { segments, pos: h.pos, lemma: h.lemma, stem: hw.stem };
    }
    return out;
  }

  /**
   * Tags and lemmatizes gold syntactic words (a gold segmentation), as SIGMORPHON 2019's
   * lemmatization task does; returns UPOS and lemmas per word of each token.
   */
  analyzeGold(tokens: readonly TreebankToken[]): MorphToken[] {
    const byToken: WordTemplate[][] = tokens.map((t) => goldTaggerWords(t).map((w) => template({ ...w, start: -1, end: -1 })));
    return this.finish(byToken);
  }

  /** Segmentation only (no tags or lemmas): the words of each token. */
  segmentTokens(tokens: readonly string[], options: AnalyzeSentenceOptions = {}): string[][] {
    return this.segmentSentence(tokens, options).map((ws) => ws.map((w) => w.form));
  }

  /** Number of cached word forms (for tests and diagnostics). */
  get cacheSize(): number {
    return this.types.size;
  }
}

/** The head of a token without a stem: the last proclitic (`ل` of `له`) or, for irregular analyses, the first word. */
function headWithoutStem(segments: readonly MorphSegment[]): number {
  let last = -1;
  segments.forEach((s, i) => {
    if (s.role === WordRole.Proclitic) last = i;
  });
  return last >= 0 ? last : 0;
}
