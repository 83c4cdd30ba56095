/**
 * The morphological analyzer: segmentation, UPOS tagging, lemmatization and search stems
 * for a sentence of surface tokens, from a model loaded from bytes (no file system here).
 *
 * Speed: everything that depends only on a word's spelling (its candidate splits and
 * their static scores, the static part of its tag scores, its lemma) is computed once per
 * distinct form and cached, as spaCy caches lexemes; only context features are computed
 * per occurrence. The caches are bounded and simply cleared when full.
 */
import type { Segment, Token, TokenKind } from '../document.js';
import { MarsadError } from '../errors.js';
import { normalize } from '../text/normalize.js';
import { ENCLITICS, PROCLITIC_CHAINS, rawStem } from './clitics.js';
import { dediacritize } from './eval.js';
import { goldTaggerWords } from './gold.js';
import { HashedLexicon } from './lexicon.js';
import { Lemmatizer, ScriptIndex, type LemmaResult } from './lemmatizer.js';
import { cleanWithMap } from './orthography.js';
import { StemRestorer } from './restore.js';
import {
  CandidateScorer,
  asNextSeed,
  asPreviousSeed,
  contextFeatures,
  isFirstPersonMarker,
  listCandidates,
  specialLabel,
  staticFeatures,
  type Candidate,
  type ContextSeeds,
  SENTENCE_END_CLUSTER,
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


const HAS_LETTER = /\p{L}/u;
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
    ScriptIndex.fromNames(lex.lemmaScripts),
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
 * What the tagger keeps per distinct normalized word, shared by every word template with
 * that spelling: the context seeds and the rows it contributes to its neighbours' scores
 * depend on the normalized form only, so `و` of `والعراق` and of `وقال` share them.
 */
interface NormInfo {
  seeds: WordSeeds;
  /** Arena offset of the four neighbour contributions (as previous, before-previous, next, after-next word). */
  neighbourAt: number;
  /** Row of this word in the analyzer's table of contributions as previous word by tag. */
  id: number;
}

/** Lemmas of one (form, norm) by tag index, shared by every template with that spelling. */
interface LemmaSlots {
  norm: string;
  byTag: (LemmaResult | undefined)[];
}

/**
 * A syntactic word as it comes out of one analysis of one token form: everything that
 * depends only on the form is computed once and kept here or in what it points to
 * (static tag scores, context seeds and rows, lemmas by tag).
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
  /** Row of this word in the analyzer's table of scores by previous tag, -1 until tagged once. */
  slot: number;
  info: NormInfo | undefined;
  lemmas: (LemmaResult | undefined)[] | undefined;
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
  /** Its coarse news cluster, as the next token of another. */
  cluster: number;
  /** Whether it is a first-person word, which changes how the other tokens' `ي`, `نا` read. */
  firstPersonMarker: boolean;
}

const CACHE_LIMIT = 200_000;
/** Bound on the per-word score rows (TAG_COUNT floats each) before every cache is dropped: about 270 MB. */
const ROW_LIMIT = 4_000_000;
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

type Cached = 'tagAt' | 'slot' | 'info' | 'lemmas' | 'ambiguousRaw' | 'hasEnclitic' | 'stem';

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
    slot: -1,
    info: undefined,
    lemmas: undefined,
    stem: undefined,
  };
}

const START_SEED = asPreviousSeed(undefined);
const END_SEED = asNextSeed(undefined);
const NO_WORD = noNeighbour();
const T = TAG_COUNT + 1;

/** An Int32Array at least `n` long holding `a`'s values, new cells set to `fill`. */
function ensure(a: Int32Array<ArrayBuffer>, n: number, fill: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  let len = a.length * 2;
  while (len < n) len *= 2;
  const b = new Int32Array(len);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** The analyzer. Create one per model and reuse it: it caches per word form. */
export class MorphAnalyzer {
  readonly parts: MorphModelParts;
  private readonly types = new Map<string, TokenType>();
  private readonly restored = new Map<string, WordTemplate>();
  private readonly norms = new Map<string, NormInfo>();
  private readonly lemmaCache = new Map<string, LemmaSlots>();
  private readonly scorer = new CandidateScorer();
  private readonly keys = new Uint32Array(MAX_WORD_FEATURES * 2);
  private readonly ctxKeys = new Uint32Array(16);
  private readonly scores = new Float64Array(TAG_COUNT);
  /** Static tag scores and neighbour contributions of every cached word, TAG_COUNT apiece; starts with the sentence-edge contributions. */
  private arena = new Float32Array(TAG_COUNT * 65536);
  private arenaUsed = 0;
  /** Offset of the sentence-edge neighbour contributions (the first block of the arena). */
  private edgeAt = 0;
  /** Dense tag-transition scores (both transition features): `[(prevTag + 1) * (TAG_COUNT + 1) + prev2Tag + 1]`, TAG_COUNT apiece. */
  private readonly transition2: Float64Array;
  /** Dense agreement scores: `[((prevAgreement * AGREEMENT_VALUES) + selfAgreement) * (TAG_COUNT + 1) + prevTag + 1]`, TAG_COUNT apiece (prevAgreement AGREEMENT_VALUES: the sentence edge). */
  private readonly agreement: Float64Array;
  /** Offset of the sentence-start contribution of the missing previous word (tag -1) in the arena. */
  private edgePreviousAt = 0;
  /** Arena offsets of each template's scores under each previous tag: `[slot * (TAG_COUNT + 1) + prevTag + 1]`, -1 until needed. */
  private byPrevious = new Int32Array(T * 16384).fill(-1);
  private slots = 0;
  /** Arena offsets of what a word contributes to the next word's scores once it has tag t: `[info.id * TAG_COUNT + t]`, -1 until needed. */
  private asPrevious = new Int32Array(TAG_COUNT * 16384).fill(-1);
  private normIds = 0;
  // Per-sentence scratch, grown as needed: the words in order, their tags, and what the tag loop reads of each.
  private words: WordTemplate[] = [];
  private tags = new Int8Array(256);
  private wordNeighbour = new Int32Array(256);
  private wordSlot = new Int32Array(256);
  private wordNorm = new Int32Array(256);
  private wordAgreement = new Int32Array(256);
  private wordSeedsOf: WordSeeds[] = [];
  private sentenceTypes: TokenType[] = [];
  private byToken: WordTemplate[][] = [];
  private splitFlags = new Uint8Array(256);
  private texts: string[] = [];

  constructor(parts: MorphModelParts) {
    this.parts = parts;
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
    this.edgeAt = this.neighbourBlock(NO_WORD);
    this.scores.fill(0);
    const n = previousWordByTagFeatures(NO_WORD, -1, this.keys, 0);
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
      cluster: vocab.coarseCluster(norm),
      firstPersonMarker: isFirstPersonMarker(norm),
    };
    this.types.set(text, t);
    return t;
  }

  private readonly ctx: ContextSeeds = { prev: 0, next: 0, nextCluster: 0, firstPerson: 0 };
  private firstPerson = new Uint8Array(64);

  /** {@link firstPersonContext} of a sentence's tokens (the same rule, on cached flags), or undefined when none is a marker (the usual case). */
  private firstPersonFlags(types: readonly TokenType[], n: number): Uint8Array | undefined {
    let markers = 0;
    for (let i = 0; i < n; i++) if (types[i].firstPersonMarker) markers++;
    if (markers === 0) return undefined;
    if (this.firstPerson.length < n) this.firstPerson = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) this.firstPerson[i] = markers - (types[i].firstPersonMarker ? 1 : 0) > 0 ? 1 : 0;
    return this.firstPerson;
  }

  /**
   * Drops every cached form once the caches reach their bounds. Called only before a
   * sentence is analyzed, so that no template of the sentence points into a reset arena.
   */
  private bound(): void {
    if (this.types.size < CACHE_LIMIT && this.arenaUsed < ROW_LIMIT * TAG_COUNT && this.slots < ROW_LIMIT && this.normIds < CACHE_LIMIT * 2) return;
    this.types.clear();
    this.restored.clear();
    this.norms.clear();
    this.lemmaCache.clear();
    this.byPrevious.fill(-1);
    this.slots = 0;
    this.asPrevious.fill(-1);
    this.normIds = 0;
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
  private restoredTemplate(w: WordTemplate, prev: string | undefined, prev2: string | undefined, next: string | undefined, window: readonly (string | undefined)[]): WordTemplate {
    const raw = w.ambiguousRaw as string;
    const form = this.parts.restorer.restore(raw, w.hasEnclitic, { prev, prev2, next, token: w.token, chain: w.chain, window });
    const key = `${w.token}\u0001${w.index}\u0001${form}`;
    let t = this.restored.get(key);
    if (!t) {
      t = template({ norm: normalize(form), form, role: w.role, chain: w.chain, enclitic: w.enclitic, index: w.index, token: w.token, start: w.start, end: w.end });
      this.restored.set(key, t);
    }
    return t;
  }

  /**
   * Segments a sentence of `n` tokens: fills `this.byToken[0…n)` with the word templates of
   * each token. `split[i]` is 0 for a token that must stay whole (undefined: all may split).
   */
  private segmentSentence(tokens: readonly string[], n: number, split: Uint8Array | undefined): WordTemplate[][] {
    const types = this.sentenceTypes;
    for (let i = 0; i < n; i++) types[i] = this.tokenType(tokens[i]);
    const firstPerson = this.firstPersonFlags(types, n);
    const out = this.byToken;
    for (let i = 0; i < n; i++) {
      const type = types[i];
      let words: WordTemplate[];
      if (split !== undefined && split[i] === 0) {
        words = this.templates(type, -1);
      } else {
        let c = 0;
        if (type.shortlist.length > 1) {
          this.ctx.prev = i > 0 ? types[i - 1].asPrevious : START_SEED;
          this.ctx.next = i + 1 < n ? types[i + 1].asNext : END_SEED;
          this.ctx.nextCluster = i + 1 < n ? types[i + 1].cluster : SENTENCE_END_CLUSTER;
          this.ctx.firstPerson = firstPerson === undefined ? 0 : firstPerson[i];
          c = this.choose(type, this.ctx);
        }
        words = this.templates(type, c);
      }
      for (let k = 0; k < words.length; k++) {
        if (words[k].ambiguousRaw !== undefined) {
          words = words.slice();
          const prev = i > 0 ? types[i - 1].norm : undefined;
          const next = i + 1 < n ? types[i + 1].norm : undefined;
          const window = [3, 4, 5, 6].map((d) => (i >= d ? types[i - d].norm : undefined));
          words[k] = this.restoredTemplate(words[k], prev, i > 1 ? types[i - 2].norm : undefined, next, window);
        }
      }
      out[i] = words;
    }
    return out;
  }

  /** The shared per-norm data of a word, made on first use. */
  private normInfo(w: WordTemplate): NormInfo {
    // Templates never carry a caller-given ambiguity class (see `template`), so the seeds depend on the norm alone.
    let info = this.norms.get(w.norm);
    if (info !== undefined) return info;
    const seeds = wordSeeds(w, this.parts.vocab);
    const id = this.normIds++;
    this.asPrevious = ensure(this.asPrevious, (id + 1) * TAG_COUNT, -1);
    info = { seeds, neighbourAt: this.neighbourBlock(seeds), id };
    this.norms.set(w.norm, info);
    return info;
  }

  /** Gets each word's cached rows ready and copies what the tag loop reads into flat arrays. */
  private prepare(words: readonly WordTemplate[], n: number): void {
    if (this.tags.length < n) {
      let len = this.tags.length * 2;
      while (len < n) len *= 2;
      this.tags = new Int8Array(len);
      this.wordNeighbour = new Int32Array(len);
      this.wordSlot = new Int32Array(len);
      this.wordNorm = new Int32Array(len);
      this.wordAgreement = new Int32Array(len);
    }
    const scores = this.scores;
    const keys = this.keys;
    const vocab = this.parts.vocab;
    const weights = this.parts.tagger;
    const seedsOf = this.wordSeedsOf;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      let info = w.info;
      if (info === undefined) info = w.info = this.normInfo(w);
      if (w.tagAt < 0) {
        scores.fill(0);
        const m = staticWordFeatures(w, vocab, keys, 0);
        for (let k = 0; k < m; k++) weights.addRow(keys[k], scores, 0);
        w.tagAt = this.store(scores);
      }
      if (w.slot < 0) {
        w.slot = this.slots++;
        this.byPrevious = ensure(this.byPrevious, this.slots * T, -1);
      }
      const seeds = info.seeds;
      seedsOf[i] = seeds;
      this.wordNeighbour[i] = info.neighbourAt;
      this.wordSlot[i] = w.slot * T;
      this.wordNorm[i] = info.id * TAG_COUNT;
      this.wordAgreement[i] = seeds.agreement;
    }
  }

  /** Greedy left-to-right tagging of `words[0…n)` into `this.tags`; what depends on one word only is cached. */
  private tag(words: readonly WordTemplate[], n: number): Int8Array {
    this.prepare(words, n);
    const weights = this.parts.tagger;
    const tags = this.tags;
    const scores = this.scores;
    const keys = this.keys;
    const seedsOf = this.wordSeedsOf;
    const nb = this.wordNeighbour;
    const slot = this.wordSlot;
    const nid = this.wordNorm;
    const agr = this.wordAgreement;
    const edge = this.edgeAt;
    const transition2 = this.transition2;
    const agreement = this.agreement;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      // Cached rows: the word's own under the previous tag, the previous word's under its tag.
      const bp = slot[i] + prev + 1;
      let sp = this.byPrevious[bp];
      // Holds the word's static row too.
      if (sp < 0) sp = this.byPrevious[bp] = this.storeKeys(selfByPreviousTagFeatures(seedsOf[i], prev, keys, 0), words[i].tagAt);
      let pc = this.edgePreviousAt;
      if (i > 0) {
        const ap = nid[i - 1] + prev;
        pc = this.asPrevious[ap];
        // Holds the previous word's neighbour row too.
        if (pc < 0) pc = this.asPrevious[ap] = this.storeKeys(previousWordByTagFeatures(seedsOf[i - 1], prev, keys, 0), nb[i - 1]);
      }
      // storeKeys may have grown the arena: read it afterwards.
      const arena = this.arena;
      const p2 = (i > 1 ? nb[i - 2] : edge) + 1 * TAG_COUNT;
      const n1 = (i + 1 < n ? nb[i + 1] : edge) + 2 * TAG_COUNT;
      const n2 = (i + 2 < n ? nb[i + 2] : edge) + 3 * TAG_COUNT;
      const t2 = ((prev + 1) * T + prev2 + 1) * TAG_COUNT;
      const selfAgreement = agr[i];
      const pa = i > 0 ? agr[i - 1] : AGREEMENT_VALUES;
      const ag = ((pa * AGREEMENT_VALUES + selfAgreement) * T + prev + 1) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        scores[t] =
          arena[sp + t] + arena[pc + t] + arena[p2 + t] + arena[n1 + t] + arena[n2 + t] + transition2[t2 + t] + agreement[ag + t];
      }
      let m = ambiguityPairFeatures(seedsOf[i], i > 0 ? seedsOf[i - 1] : NO_WORD, i + 1 < n ? seedsOf[i + 1] : NO_WORD, keys, 0);
      if (i === 0) m = firstWordFeatures(words[i], keys, m);
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
    const arena = this.arena;
    for (let t = 0; t < TAG_COUNT; t++) arena[at + t] = scores[t];
    this.arenaUsed += TAG_COUNT;
    return at;
  }

  private lemmaOf(w: WordTemplate, tag: number): LemmaResult {
    let slots = w.lemmas;
    if (slots === undefined) slots = w.lemmas = this.lemmaSlots(w);
    const cached = slots[tag];
    if (cached !== undefined) return cached;
    const pos = UPOS_TAGS[tag];
    // Number words have lemmas like any word (`الثلاثين` → `ثلاثون`, `آلاف` → `ألف`); figures are their own.
    const own = pos === 'PUNCT' || pos === 'SYM' || (pos === 'NUM' && !HAS_LETTER.test(w.form));
    const r = own ? { lemma: w.form, vocalized: undefined } : this.parts.lemmatizer.lemmatize(w.form, w.norm, pos, tag);
    slots[tag] = r;
    return r;
  }

  /** The lemmas by tag of a word's (form, norm), shared with every word spelled the same. */
  private lemmaSlots(w: WordTemplate): (LemmaResult | undefined)[] {
    let entry = this.lemmaCache.get(w.form);
    if (entry === undefined) {
      entry = { norm: w.norm, byTag: new Array<LemmaResult | undefined>(TAG_COUNT).fill(undefined) };
      this.lemmaCache.set(w.form, entry);
    }
    // The lemma depends on the norm too; a word whose norm differs (gold words) keeps its own.
    return entry.norm === w.norm ? entry.byTag : new Array<LemmaResult | undefined>(TAG_COUNT).fill(undefined);
  }

  /** Tags segmented tokens: flattens `byToken[0…count)` into `this.words` and returns the tags. */
  private tagTokens(byToken: readonly WordTemplate[][], count: number): Int8Array {
    const words = this.words;
    let n = 0;
    for (let t = 0; t < count; t++) {
      const ws = byToken[t];
      for (let k = 0; k < ws.length; k++) words[n++] = ws[k];
    }
    return this.tag(words, n);
  }

  /** The search key of a token's head word, cached on its template. */
  private stemOf(w: WordTemplate): string {
    let s = w.stem;
    if (s === undefined) s = w.stem = searchKey(w.form);
    return s;
  }

  /** Analyzes one sentence of surface tokens (their original text). */
  analyzeSentence(tokens: readonly string[], options: AnalyzeSentenceOptions = {}): MorphToken[] {
    this.bound();
    const n = tokens.length;
    const split = this.splitFlagsOf(n, options);
    return this.finish(this.segmentSentence(tokens, n, split), n);
  }

  /** `options.splittable` as flags for `segmentSentence` (undefined: every token may split). */
  private splitFlagsOf(n: number, options: AnalyzeSentenceOptions): Uint8Array | undefined {
    const { splittable } = options;
    if (!splittable) return undefined;
    const split = this.flags(n);
    for (let i = 0; i < n; i++) split[i] = splittable(i) ? 1 : 0;
    return split;
  }

  private flags(n: number): Uint8Array {
    if (this.splitFlags.length < n) this.splitFlags = new Uint8Array(Math.max(n, this.splitFlags.length * 2));
    return this.splitFlags;
  }

  /**
   * Analyzes `tokens[from…to)` of a document as one sentence and writes the analyses onto
   * the tokens (segments with absolute offsets, pos, lemma, stem). A token whose kind has a
   * tag in `fixed` stays whole and takes that tag, but still gives the tagger its context.
   * This is the morphology stage's path: it builds no intermediate objects.
   */
  analyzeTokens(tokens: readonly Token[], from: number, to: number, fixed: Partial<Record<TokenKind, Upos>>): void {
    this.bound();
    const n = to - from;
    const texts = this.texts;
    const split = this.flags(n);
    for (let i = 0; i < n; i++) {
      const tok = tokens[from + i];
      texts[i] = tok.text;
      split[i] = tok.kind === 'word' ? 1 : 0;
    }
    const byToken = this.segmentSentence(texts, n, split);
    const tags = this.tagTokens(byToken, n);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const token = tokens[from + i];
      const ws = byToken[i];
      const fixedTag = token.kind === 'word' ? undefined : fixed[token.kind];
      if (fixedTag !== undefined) {
        w += ws.length;
        token.segments = [{ text: token.text, start: token.start, end: token.end, pos: fixedTag, lemma: token.norm }];
        token.pos = fixedTag;
        token.lemma = token.norm;
        token.stem = token.norm;
        continue;
      }
      const segments: Segment[] = new Array<Segment>(ws.length);
      let head = -1;
      let lastProclitic = -1;
      const base = token.start;
      for (let k = 0; k < ws.length; k++) {
        const word = ws[k];
        const tag = tags[w++];
        const r = this.lemmaOf(word, tag);
        const pos = UPOS_TAGS[tag];
        const voc = r.vocalized !== undefined && r.vocalized !== r.lemma ? r.vocalized : undefined;
        // Literals in the key order the fields were always written in: the JSON output stays the same.
        if (word.start >= 0 && word.end >= word.start) {
          segments[k] =
            voc === undefined
              ? { text: word.form, pos, lemma: r.lemma, start: base + word.start, end: base + word.end }
              : { text: word.form, pos, lemma: r.lemma, start: base + word.start, end: base + word.end, lemmaVocalized: voc };
        } else {
          segments[k] = voc === undefined ? { text: word.form, pos, lemma: r.lemma } : { text: word.form, pos, lemma: r.lemma, lemmaVocalized: voc };
        }
        if (head < 0 && (word.role === WordRole.Stem || word.role === WordRole.Alone)) head = k;
        if (word.role === WordRole.Proclitic) lastProclitic = k;
      }
      // Without a stem, the head is the last proclitic (`ل` of `له`) or, for irregular analyses, the first word.
      if (head < 0) head = lastProclitic >= 0 ? lastProclitic : 0;
      const h = segments[head];
      token.segments = segments;
      token.pos = h.pos;
      token.lemma = h.lemma;
      token.stem = this.stemOf(ws[head]);
    }
  }

  /** Tags, lemmatizes and stems segmented tokens. */
  private finish(byToken: WordTemplate[][], count: number): MorphToken[] {
    const tags = this.tagTokens(byToken, count);
    const out: MorphToken[] = new Array<MorphToken>(count);
    let w = 0;
    for (let t = 0; t < count; t++) {
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
      out[t] = { segments, pos: h.pos, lemma: h.lemma, stem: this.stemOf(ws[head]) };
    }
    return out;
  }

  /**
   * Tags and lemmatizes gold syntactic words (a gold segmentation), as SIGMORPHON 2019's
   * lemmatization task does; returns UPOS and lemmas per word of each token.
   */
  analyzeGold(tokens: readonly TreebankToken[]): MorphToken[] {
    this.bound();
    const byToken: WordTemplate[][] = tokens.map((t) => goldTaggerWords(t).map((w) => template({ ...w, start: -1, end: -1 })));
    return this.finish(byToken, byToken.length);
  }

  /** Segmentation only (no tags or lemmas): the words of each token. */
  segmentTokens(tokens: readonly string[], options: AnalyzeSentenceOptions = {}): string[][] {
    this.bound();
    const n = tokens.length;
    const split = this.splitFlagsOf(n, options);
    const byToken = this.segmentSentence(tokens, n, split);
    const out: string[][] = new Array<string[]>(n);
    for (let i = 0; i < n; i++) out[i] = byToken[i].map((w) => w.form);
    return out;
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
