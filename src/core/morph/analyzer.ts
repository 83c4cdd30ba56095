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
  markFirstPerson,
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
import { GreedyTagger, scoreMargin, SECOND_OPINION_MARGIN, secondOpinion, staticScores, type CachedTaggerWord, type NormInfo } from './greedy-tagger.js';
import { argmax, MAX_WORD_FEATURES, TAG_COUNT, UPOS_TAGS, WordRole, wordSeeds, type Upos, type WordSeeds } from './tagger.js';
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
  /** The right-to-left tagger (trained on reversed sentences), when the model has one. */
  taggerBackward?: FeatureTable;
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
  taggerBackward: 'tagger-rtl.bin',
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
  // Optional: models built before the right-to-left tagger existed tag in one direction.
  const backwardBytes = files.get(MORPH_FILES.taggerBackward);
  return {
    vocab,
    segmenter: FeatureTable.deserialize(need(files, MORPH_FILES.segmenter), MORPH_FILES.segmenter),
    lexicon,
    restorer,
    tagger: FeatureTable.deserialize(need(files, MORPH_FILES.tagger), MORPH_FILES.tagger),
    ...(backwardBytes ? { taggerBackward: FeatureTable.deserialize(backwardBytes, MORPH_FILES.taggerBackward) } : {}),
    lemmatizer,
    version: lex.version,
  };
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
interface WordTemplate extends CachedTaggerWord {
  /** Offsets inside the token's text, -1 when unmapped. */
  start: number;
  end: number;
  /** For a stem whose restored spelling depends on context: its raw form (else undefined). */
  ambiguousRaw: string | undefined;
  /** For such a stem: whether an enclitic follows. */
  hasEnclitic: boolean;
  /** The right-to-left model's static scores of the word, once it has been asked about it. */
  backwardStatic: Float64Array | undefined;
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

type Cached = 'tagAt' | 'slot' | 'info' | 'backwardStatic' | 'lemmas' | 'ambiguousRaw' | 'hasEnclitic' | 'stem';

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
    backwardStatic: undefined,
    lemmas: undefined,
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
  private readonly norms = new Map<string, NormInfo>();
  private readonly lemmaCache = new Map<string, LemmaSlots>();
  private readonly scorer = new CandidateScorer();
  private readonly ctxKeys = new Uint32Array(16);
  /** The left-to-right tagging loop and its caches. */
  private readonly forward: GreedyTagger;
  private normIds = 0;
  // Per-sentence scratch, grown as needed: the words in order (and reversed, with their seeds, for second opinions), the tag scores.
  private words: WordTemplate[] = [];
  private reversed: WordTemplate[] = [];
  private reversedSeeds: WordSeeds[] = [];
  private forwardScores = new Float64Array(256 * TAG_COUNT);
  private readonly opinion = new Float64Array(TAG_COUNT);
  private readonly opinionKeys = new Uint32Array(MAX_WORD_FEATURES * 2);
  private sentenceTypes: TokenType[] = [];
  private byToken: WordTemplate[][] = [];
  private splitFlags = new Uint8Array(256);
  private texts: string[] = [];

  constructor(parts: MorphModelParts) {
    this.parts = parts;
    this.forward = new GreedyTagger(parts.tagger, parts.vocab);
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

  /** {@link markFirstPerson} over a sentence's cached token flags, or undefined when none is a marker (the usual case). */
  private firstPersonFlags(types: readonly TokenType[], n: number): Uint8Array | undefined {
    if (this.firstPerson.length < n) this.firstPerson = new Uint8Array(n * 2);
    return markFirstPerson(n, (i) => types[i].firstPersonMarker, this.firstPerson) ? this.firstPerson : undefined;
  }

  /**
   * Drops every cached form once the caches reach their bounds. Called only before a
   * sentence is analyzed, so that no template of the sentence points into a reset arena.
   */
  private bound(): void {
    if (this.types.size < CACHE_LIMIT && !this.forward.full && this.normIds < CACHE_LIMIT * 2) return;
    this.types.clear();
    this.restored.clear();
    this.norms.clear();
    this.lemmaCache.clear();
    this.normIds = 0;
    this.forward.reset();
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
    this.forward.reserveNorms(id + 1);
    info = { seeds, neighbourAt: this.forward.neighbourBlock(seeds), id };
    this.norms.set(w.norm, info);
    return info;
  }

  /**
   * Tags `words[0…n)`: greedily left to right and, when the model has a right-to-left
   * tagger, asks it about the words the first pass is unsure of; such a word takes the tag
   * whose two scores sum highest (see {@link secondOpinion}).
   */
  private tag(words: readonly WordTemplate[], n: number): Int8Array {
    for (let i = 0; i < n; i++) {
      const w = words[i];
      if (w.info === undefined) w.info = this.normInfo(w);
    }
    const backward = this.parts.taggerBackward;
    if (backward === undefined) return this.forward.tag(words, n);
    if (this.forwardScores.length < n * TAG_COUNT) this.forwardScores = new Float64Array(n * 2 * TAG_COUNT);
    const scores = this.forwardScores;
    const tags = this.forward.tag(words, n, scores);
    let reversedReady = false;
    for (let i = 0; i < n; i++) {
      const at = i * TAG_COUNT;
      if (scoreMargin(scores, at) >= SECOND_OPINION_MARGIN) continue;
      if (!reversedReady) {
        for (let k = 0; k < n; k++) {
          const w = words[n - 1 - k];
          this.reversed[k] = w;
          this.reversedSeeds[k] = (w.info as NormInfo).seeds;
        }
        this.reversed.length = n;
        this.reversedSeeds.length = n;
        reversedReady = true;
      }
      const sum = this.opinion;
      for (let t = 0; t < TAG_COUNT; t++) sum[t] = scores[at + t];
      // The history is words i+1 and i+2, not changed yet: it stays the first pass's tags.
      const w = words[i];
      let row = w.backwardStatic;
      if (row === undefined) row = w.backwardStatic = staticScores(w, this.parts.vocab, backward, this.opinionKeys);
      secondOpinion(this.reversed, this.reversedSeeds, i, tags, this.parts.vocab, backward, this.opinionKeys, sum, row);
      tags[i] = argmax(sum, TAG_COUNT);
    }
    return tags;
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
