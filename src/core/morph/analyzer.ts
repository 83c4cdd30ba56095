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
import { normalize, normalizeWithMap } from '../text/normalize.js';
import { ENCLITICS, PROCLITIC_CHAINS, rawStem } from './clitics.js';
import { dediacritize } from './eval.js';
import { goldTaggerWords } from './gold.js';
import { HashedLexicon } from './lexicon.js';
import { Lemmatizer, parseScript, ScriptIndex, type LemmaResult } from './lemmatizer.js';
import { CLEAN_OPTIONS } from './orthography.js';
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
  contextWordFeatures,
  MAX_WORD_FEATURES,
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
  /** Second-pass tagger (sees the first pass's guesses for the words ahead); optional. */
  tagger2: FeatureTable | undefined;
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
  tagger2: 'tagger2.bin',
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
  const t2 = files.get(MORPH_FILES.tagger2);
  return {
    vocab,
    segmenter: FeatureTable.deserialize(need(files, MORPH_FILES.segmenter), MORPH_FILES.segmenter),
    lexicon,
    restorer,
    tagger: FeatureTable.deserialize(need(files, MORPH_FILES.tagger), MORPH_FILES.tagger),
    tagger2: t2 ? FeatureTable.deserialize(t2, MORPH_FILES.tagger2) : undefined,
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
  static1: Float64Array | undefined;
  static2: Float64Array | undefined;
  seeds: WordSeeds | undefined;
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
  candidates: Candidate[];
  staticScores: Float64Array;
  /** Words of each candidate, built on first use. */
  words: (WordTemplate[] | undefined)[];
  /** Context seeds of this form as a neighbour of another token. */
  asPrevious: number;
  asNext: number;
}

const CACHE_LIMIT = 200_000;
const UNSPLIT: Candidate = { split: { chain: 0, enclitic: 0, stemStart: 0, stemEnd: 0 }, special: undefined, label: 0 };

/** Options for {@link MorphAnalyzer.analyzeSentence}. */
export interface AnalyzeSentenceOptions {
  /** Whether token `i` may be split into clitics (default: every token). Non-word tokens should not be. */
  splittable?: (i: number) => boolean;
}

function template(base: Omit<WordTemplate, 'static1' | 'static2' | 'seeds' | 'lemmas' | 'ambiguousRaw' | 'hasEnclitic' | 'stem'>): WordTemplate {
  return { ...base, ambiguousRaw: undefined, hasEnclitic: false, static1: undefined, static2: undefined, seeds: undefined, lemmas: undefined, stem: undefined };
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
  private readonly unsplitIndex = new WeakMap<TokenType, number>();

  constructor(parts: MorphModelParts) {
    this.parts = parts;
  }

  /** Builds an analyzer from model files (see {@link decodeMorphModel}). */
  static fromFiles(files: ReadonlyMap<string, Uint8Array>): MorphAnalyzer {
    return new MorphAnalyzer(decodeMorphModel(files));
  }

  private tokenType(text: string): TokenType {
    let t = this.types.get(text);
    if (t) return t;
    if (this.types.size >= CACHE_LIMIT) {
      this.types.clear();
      this.restored.clear();
    }
    const view = normalizeWithMap(text, CLEAN_OPTIONS);
    let clean = view.text;
    let norm = normalize(clean);
    let toOriginal: Int32Array | undefined = clean.length === text.length ? undefined : view.toOriginal;
    if (norm.length !== clean.length || clean.length === 0) {
      // Odd characters whose normalization changes length: analyze the token whole.
      clean = clean.length === 0 ? text : clean;
      norm = clean;
      toOriginal = undefined;
    }
    const { vocab, lexicon, segmenter } = this.parts;
    const candidates = listCandidates(norm, lexicon);
    const staticScores = new Float64Array(candidates.length);
    const keys = this.scorer.keys;
    for (let i = 0; i < candidates.length && i < 64; i++) {
      const n = staticFeatures(norm, candidates[i], vocab, lexicon, keys, 0);
      let s = 0;
      for (let k = 0; k < n; k++) s += segmenter.weight(keys[k], 0);
      staticScores[i] = s;
    }
    t = {
      text,
      clean,
      norm,
      toOriginal,
      candidates,
      staticScores,
      words: new Array<WordTemplate[] | undefined>(candidates.length),
      asPrevious: asPreviousSeed(norm),
      asNext: asNextSeed(norm),
    };
    this.types.set(text, t);
    return t;
  }

  private readonly ctx: ContextSeeds = { prev: 0, next: 0 };

  private choose(type: TokenType, ctx: ContextSeeds): number {
    const { candidates, staticScores } = type;
    if (candidates.length === 1) return 0;
    const seg = this.parts.segmenter;
    const keys = this.ctxKeys;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length && i < 64; i++) {
      const n = contextFeatures(candidates[i], ctx, keys, 0);
      let s = staticScores[i];
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

  /** The words of candidate `c` of a token form, built once. */
  private templates(type: TokenType, c: number): WordTemplate[] {
    const cached = type.words[c];
    if (cached) return cached;
    const cand = c < 0 ? UNSPLIT : type.candidates[c];
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
    type.words[c] = words;
    return words;
  }

  /** A stem whose spelling is chosen in context: the chosen variant's template (cached per spelling). */
  private restoredTemplate(w: WordTemplate, prev: string | undefined, prev2: string | undefined, next: string | undefined): WordTemplate {
    const raw = w.ambiguousRaw as string;
    const form = this.parts.restorer.restore(raw, w.hasEnclitic, { prev, prev2, next, token: w.token, chain: w.chain });
    const key = `${w.token}\u0001${w.index}\u0001${form}`;
    let t = this.restored.get(key);
    if (!t) {
      t = { ...w, form, norm: normalize(form), ambiguousRaw: undefined, static1: undefined, static2: undefined, seeds: undefined, lemmas: undefined, stem: undefined };
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
        words = this.unsplit(type);
      } else {
        let c = 0;
        if (type.candidates.length > 1) {
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

  private unsplit(type: TokenType): WordTemplate[] {
    let c = this.unsplitIndex.get(type);
    if (c === undefined) {
      c = type.candidates.findIndex((k) => k.label === 0);
      this.unsplitIndex.set(type, c);
    }
    return this.templates(type, c);
  }

  private tagPass(words: readonly WordTemplate[], seeds: readonly WordSeeds[], weights: FeatureTable, pass: 1 | 2, firstPass: Int8Array | undefined): Int8Array {
    const tags = new Int8Array(words.length);
    const scores = this.scores;
    const keys = this.keys;
    const vocab = this.parts.vocab;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let st = pass === 1 ? w.static1 : w.static2;
      if (st === undefined) {
        st = new Float64Array(TAG_COUNT);
        const n = staticWordFeatures(w, vocab, keys, 0);
        for (let k = 0; k < n; k++) weights.addRow(keys[k], st, 0);
        if (pass === 1) w.static1 = st;
        else w.static2 = st;
      }
      scores.set(st);
      const n = contextWordFeatures(seeds, words, i, prev, prev2, keys, 0, firstPass);
      for (let k = 0; k < n; k++) weights.addRow(keys[k], scores, 0);
      const t = argmax(scores, TAG_COUNT);
      tags[i] = t;
      prev2 = prev;
      prev = t;
    }
    return tags;
  }

  private lemmaOf(w: WordTemplate, tag: number): LemmaResult {
    let lemmas = w.lemmas;
    if (lemmas === undefined) {
      lemmas = new Array<LemmaResult | undefined>(TAG_COUNT);
      w.lemmas = lemmas;
    }
    let r = lemmas[tag];
    if (r) return r;
    const pos = UPOS_TAGS[tag];
    if (pos === 'PUNCT' || pos === 'NUM' || pos === 'SYM') r = { lemma: w.form, vocalized: undefined };
    else r = this.parts.lemmatizer.lemmatize(w.form, w.norm, pos, tag);
    lemmas[tag] = r;
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
    let tags = this.tagPass(words, seeds, this.parts.tagger, 1, undefined);
    if (this.parts.tagger2) tags = this.tagPass(words, seeds, this.parts.tagger2, 2, tags);
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
