/**
 * Repair of words glued together by scraping or typing (`روسياوالعراق` → `روسيا` + `والعراق`).
 *
 * The splitter is statistical, over the frequency lexicon (`lexicon.ts`). A word token the
 * lexicon has seen often is left alone at once (the fast path: one hash lookup of the
 * token's `norm`). For any other Arabic word, every cut into two known words is a
 * candidate, and a logistic model scores it from lexicon evidence: how frequent the whole
 * word and the two parts are, how often the two parts were seen side by side, whether the
 * whole word is better read as one word with clitics and suffixes (`سيدعمه` = س + يدعمه) or
 * has a family of related forms (`مصرفي`: `المصرفي`, `مصرفية`), and the shape of the junction
 * (a ة or ى never ends the middle of a word; `و` and `ال` often start the second word). Each
 * kind of junction has its own weights and threshold ({@link GLUE_CLASSES}). The best
 * candidate is split when it passes its threshold, tuned for very few false splits.
 *
 * Weights, thresholds and the fast-path count are trained by `npm run train:lexicon` and ship
 * with the lexicon model (`glue.json`); training computes features with this file's code, so
 * training and runtime agree. Figures: docs/GLUED-WORDS.md (`npm run eval:glue`).
 *
 * Limits: two-way splits only, and both parts must be words the lexicon has seen, so three
 * words glued together (`روسياوالعراقوإيران`) are left whole.
 *
 * Only the token array and the repair layer change: the original text is never altered.
 */
import type { AnalyzedDocument, Repair, Token } from '../document.js';
import { MarsadError } from '../errors.js';
import type { Stage } from '../pipeline.js';
import type { Lexicon } from './lexicon.js';
import { decodeLexicon, isLexiconWord } from './lexicon.js';
import { normalize, normalizeWithMap, restoreFinalYa } from './normalize.js';
import { normalizeToken } from './tokenize.js';

/** Names of the features the glue model scores, in the order of its weights (one set of weights per class). */
export const GLUE_FEATURES = [
  'bias',
  'logWhole',
  'wholeUnseen',
  'logExplained',
  'logLeft',
  'logRight',
  'logMinPart',
  'left2',
  'right2',
  'left3',
  'right3',
  'minLength',
  'sumLength',
  'rightAl',
  'rightWal',
  'leftTaMarbuta',
  'leftAlefMaksura',
  'leftAlef',
  'rightAn',
  'bigramSeen',
  'logBigram',
  'logCondLeft',
  'logCondRight',
  'logWawStem',
  'wawStemUnseen',
  'wholeAl',
  'leftAl',
  'logFamily',
  'leftAnMin',
  'rightFiAl',
] as const;

/** A glue-model feature name. */
export type GlueFeature = (typeof GLUE_FEATURES)[number];

/**
 * Kinds of junction, each with its own weights and threshold, because the evidence weighs
 * differently for each: a right part that is also a suffix (`القرار+ان` is usually the dual
 * `القراران`); a two-letter left part (`ان+فعل` is usually the verb `انفعل`); a right part
 * starting with the conjunction و (the commonest scraping glue); one starting with the
 * article ال; and the rest.
 */
export const GLUE_CLASSES = ['suffix', 'short', 'waw', 'article', 'other'] as const;

/** A junction kind. */
export type GlueClass = (typeof GLUE_CLASSES)[number];

/** The trained glue model: logistic weights over {@link GLUE_FEATURES} per class, and thresholds. */
export interface GlueModel {
  version: 2;
  /** Feature names, in the order of each weight vector (checked against {@link GLUE_FEATURES} on load). */
  features: string[];
  /** Weights per class. */
  weights: Record<GlueClass, number[]>;
  /** A candidate is accepted when its score (log-odds) exceeds its class's threshold. */
  thresholds: Record<GlueClass, number>;
  /** Words seen at least this often are never split (the fast path; tuned so that it changes no decision). */
  knownCount: number;
  /** Minimum letters in each part. */
  minPart: number;
}

/** One way to split a normalized word in two. */
export interface GlueCandidate {
  /** Split offset in the normalized word. */
  at: number;
  /** Normalized parts (final ya restored on each, as `normalize` would on a separate word). */
  left: string;
  right: string;
  /** The junction kind, which selects the weights. */
  kind: GlueClass;
  /** Values of {@link GLUE_FEATURES}. */
  features: number[];
}

/**
 * Left parts that are only proclitics (the article, conjunctions, prepositions): a word
 * never stands alone as one of these, so a split leaving one is always wrong.
 */
const PROCLITIC_ONLY = new Set(
  'ال وال فال بال كال لل ولل فلل وب ول وك وس فب فل فك فس وبال وكال فبال فكال'.split(' '),
);

/** Right parts that are bound suffixes and never words (`كتابها` is not `كتاب ها`). */
const SUFFIX_ONLY = new Set('ال ها هما هن نا ني ات تان تين وا ية يه يات يين'.split(' '));

/** Right parts that are words but also common suffixes (`هم`, `كما`, dual `ان`, plural `ين`, `ون`). */
const SUFFIX_LIKE = new Set('هم كم كما كن ان ين ون يا ما'.split(' '));

/**
 * Compound names are written solid as often as apart (`عبدالمجيد`, `ابوالغيط`, `نورالدين`):
 * both spellings are right, so they are left as written.
 */
const NAME_HEADS = new Set('عبد ابو ابن بن بو ام'.split(' '));
const NAME_TAILS = new Set('الدين الله'.split(' '));

/** `عبد`, `ابو` … alone or after a conjunction or preposition (`وعبد`, `لابو`). */
function isNameHead(left: string): boolean {
  return NAME_HEADS.has(left) || ('وفبل'.includes(left[0]) && NAME_HEADS.has(left.slice(1)));
}

/** Proclitic strings a whole word may start with when we explain it as clitics + a known stem. */
const PROCLITICS = [
  '',
  'و',
  'ف',
  'ب',
  'ك',
  'ل',
  'س',
  'ال',
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'فك',
  'وس',
  'فس',
  'ولل',
  'فلل',
  'وبال',
  'فبال',
  'وكال',
  'فكال',
];

/** Suffixes (pronouns and inflections) a whole word may end with when we explain it the same way. */
const SUFFIXES = [
  '',
  'ه',
  'ها',
  'هم',
  'هما',
  'هن',
  'ك',
  'كم',
  'كما',
  'كن',
  'نا',
  'ني',
  'ي',
  'ة',
  'ات',
  'ان',
  'ين',
  'ون',
  'تان',
  'تين',
  'ية',
  'ا',
  'وا',
];

/**
 * The frequency of the best "clitics + known stem + suffix" reading of a whole word, or 0.
 * A word like `سيدعمه` (س + يدعمه) or `الناديان` (النادي + ان) is a real word even when the
 * lexicon never saw it whole, and must not be split into `سي` + `دعمه`.
 */
export function explainedCount(word: string, lexicon: Lexicon): number {
  let best = 0;
  for (const p of PROCLITICS) {
    if (!word.startsWith(p)) continue;
    for (const s of SUFFIXES) {
      if ((p === '' && s === '') || !word.endsWith(s)) continue;
      const stemLength = word.length - p.length - s.length;
      if (stemLength < 2) continue;
      const c = lexicon.count(restoreFinalYa(word.slice(p.length, word.length - s.length)));
      if (c > best) best = c;
    }
  }
  return best;
}

const FAMILY_PREFIXES = ['', 'ال', 'وال', 'بال', 'لل', 'و', 'ب', 'ل'];
const FAMILY_SUFFIXES = ['', 'ة', 'ات', 'ي', 'ية', 'ه', 'ها', 'هم', 'ين', 'ون', 'ان'];
const ARTICLE_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

/**
 * How often the lexicon saw the word's relatives: the word (without its article) with other
 * clitics and suffixes (`مصرفي` → `المصرفي`, `مصرفية` …), the word itself excluded. A real
 * word that is rare as written usually has a family; two glued words (`روسياوالعراق`) do not.
 */
export function familyCount(word: string, lexicon: Lexicon): number {
  let core = word;
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) {
      core = word.slice(p.length);
      break;
    }
  }
  let sum = 0;
  for (const p of FAMILY_PREFIXES) {
    for (const s of FAMILY_SUFFIXES) {
      const form = p + core + s;
      if (form !== word) sum += lexicon.count(form);
    }
  }
  return sum;
}

/** Per-million log frequency; the scale makes weights independent of the corpus size. */
function logPerMillion(count: number, total: number): number {
  return Math.log((count * 1e6) / Math.max(total, 1));
}

/** The junction kind of a candidate split. */
export function junctionKind(left: string, right: string): GlueClass {
  if (SUFFIX_LIKE.has(right)) return 'suffix';
  if (left.length === 2) return 'short';
  if (right.charCodeAt(0) === 0x0648) return 'waw'; // و
  if (right.startsWith('ال')) return 'article';
  return 'other';
}

/**
 * All two-way splits of a normalized word into known parts, with their features.
 * @param charNormalized the word normalized WITHOUT `restoreFinalYa`, so that a ى inside a
 *   glued word is still visible (each part gets its own final-ya decision here).
 * @param wholeCount the lexicon count of the whole word's `normalize()` form.
 * @param wholeEvidence the whole word's {@link explainedCount} and {@link familyCount}, when the
 *   caller has them (or zeros, for the splitter's upper bound); computed here otherwise.
 */
export function glueCandidates(
  charNormalized: string,
  wholeCount: number,
  lexicon: Lexicon,
  minPart = 2,
  wholeEvidence?: { explained: number; family: number },
): GlueCandidate[] {
  const out: GlueCandidate[] = [];
  const n = charNormalized.length;
  let explained = wholeEvidence?.explained ?? -1;
  let family = wholeEvidence?.family ?? 0;
  const wholeAl = /^(?:[وفبك]?ال|لل)/u.test(charNormalized);
  for (let at = minPart; at <= n - minPart; at++) {
    const left = restoreFinalYa(charNormalized.slice(0, at));
    const right = restoreFinalYa(charNormalized.slice(at));
    if (PROCLITIC_ONLY.has(left) || SUFFIX_ONLY.has(right)) continue;
    if (NAME_TAILS.has(right) || (right.startsWith('ال') && isNameHead(left))) continue;
    const cl = lexicon.count(left);
    if (cl === 0) continue;
    const cr = lexicon.count(right);
    if (cr === 0) continue;
    if (explained < 0) {
      const whole = restoreFinalYa(charNormalized);
      explained = explainedCount(whole, lexicon);
      family = familyCount(whole, lexicon);
    }
    const cb = lexicon.bigram(left, right);
    const ll = logPerMillion(cl, lexicon.total);
    const lr = logPerMillion(cr, lexicon.total);
    const lastLeft = left.charCodeAt(left.length - 1);
    const waw = right.charCodeAt(0) === 0x0648 && right.length >= 3;
    const wawStem = waw ? lexicon.count(right.slice(1)) : 0;
    const features = [
      1,
      Math.log1p(wholeCount),
      wholeCount === 0 ? 1 : 0,
      Math.log1p(explained),
      ll,
      lr,
      Math.min(ll, lr),
      left.length === 2 ? 1 : 0,
      right.length === 2 ? 1 : 0,
      left.length === 3 ? 1 : 0,
      right.length === 3 ? 1 : 0,
      Math.min(left.length, right.length, 8) / 4,
      Math.min(n, 16) / 8,
      right.startsWith('ال') ? 1 : 0,
      right.startsWith('وال') ? 1 : 0,
      lastLeft === 0x0629 ? 1 : 0, // ة
      lastLeft === 0x0649 ? 1 : 0, // ى (kept only on true alef-maqsura words)
      lastLeft === 0x0627 ? 1 : 0, // ا
      right === 'ان' ? 1 : 0,
      cb > 0 ? 1 : 0,
      Math.log1p(cb),
      cb > 0 ? Math.log(cb / cl) : 0,
      cb > 0 ? Math.log(cb / cr) : 0,
      wawStem > 0 ? logPerMillion(wawStem, lexicon.total) : 0,
      waw && wawStem === 0 ? 1 : 0,
      wholeAl ? 1 : 0,
      left.startsWith('ال') ? 1 : 0,
      Math.log1p(family),
      // ان / من + a verb or noun is often one word: form VII (انفتحت) or its participle (منضبط).
      left === 'ان' || left === 'من' ? 1 : 0,
      // … + في on a word with the article is often a nisba adjective (المصرفي, البيروفي).
      right === 'في' && wholeAl ? 1 : 0,
    ];
    out.push({ at, left, right, kind: junctionKind(left, right), features });
  }
  return out;
}

/** The score (log-odds) of a candidate under a model. */
export function glueScore(model: GlueModel, candidate: GlueCandidate): number {
  const w = model.weights[candidate.kind];
  const f = candidate.features;
  let z = 0;
  for (let k = 0; k < f.length; k++) z += w[k] * f[k];
  return z;
}

/**
 * Checks and returns a glue model read from JSON (text or bytes).
 * @throws MarsadError `MODEL_CORRUPT` when it does not match this code's features.
 */
export function parseGlueModel(source: string | Uint8Array): GlueModel {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  let model: GlueModel;
  try {
    model = JSON.parse(text) as GlueModel;
  } catch (e) {
    throw new MarsadError('MODEL_CORRUPT', `Glue model is not valid JSON: ${(e as Error).message}.`);
  }
  const same =
    model.version === 2 &&
    Array.isArray(model.features) &&
    model.features.length === GLUE_FEATURES.length &&
    model.features.every((f, i) => f === GLUE_FEATURES[i]) &&
    typeof model.weights === 'object' &&
    typeof model.thresholds === 'object' &&
    GLUE_CLASSES.every(
      (c) =>
        Array.isArray(model.weights[c]) &&
        model.weights[c].length === GLUE_FEATURES.length &&
        model.weights[c].every((w) => Number.isFinite(w)) &&
        typeof model.thresholds[c] === 'number' &&
        !Number.isNaN(model.thresholds[c]),
    ) &&
    Number.isInteger(model.knownCount) &&
    Number.isInteger(model.minPart) &&
    model.minPart >= 1;
  if (!same) {
    throw new MarsadError(
      'MODEL_CORRUPT',
      `Glue model does not match this version of Marsad (expected version 2 with classes ${GLUE_CLASSES.join(', ')} and features ${GLUE_FEATURES.join(', ')}). Rebuild it with npm run train:lexicon.`,
    );
  }
  return model;
}

/** A candidate split of an original word, scored. */
export interface ScoredGlueCandidate {
  candidate: GlueCandidate;
  /** Log-odds of the candidate under its class's weights (before the threshold). */
  score: number;
  /** The cut as an offset into the original word. */
  cut: number;
}

/** The candidates of one word. */
export interface GlueCandidates {
  /** Lexicon count of the whole word. */
  wholeCount: number;
  candidates: ScoredGlueCandidate[];
}

/** The best split of a word, whether or not it passes the threshold. */
export interface GlueDecision extends ScoredGlueCandidate {
  /** Score minus the class's threshold: the word is split when this is positive. */
  margin: number;
  wholeCount: number;
}

/** Splits glued words. */
export interface GlueSplitter {
  /**
   * Where to split `word` (an original token text, diacritics and all), as offsets into
   * `word`, or null to leave it whole.
   * @param norm `normalize(word)` when the caller already has it (a token's `norm`).
   */
  split(word: string, norm?: string): number[] | null;
  /** The best candidate of a word, for evaluation and debugging; null when there is none or the word is on the fast path. */
  best(word: string, norm?: string): GlueDecision | null;
  /** Every candidate of a word with its score (for tuning thresholds); null when the word is not a candidate at all. */
  candidates(word: string, norm?: string): GlueCandidates | null;
}

/** Letters-only Arabic words: the only tokens we try to split. */
const ARABIC_WORD = /^(?:(?=\p{Script=Arabic})\p{L})+$/u;

/**
 * Picks the candidate with the highest margin over its class's threshold; null when there
 * are no candidates. Shared by the splitter and threshold tuning so that both decide alike.
 */
export function pickGlueCandidate<T extends { candidate: GlueCandidate; score: number }>(
  candidates: readonly T[],
  thresholds: Readonly<Record<GlueClass, number>>,
): { item: T; margin: number } | null {
  let top: T | null = null;
  let topMargin = -Infinity;
  for (const c of candidates) {
    const m = c.score - thresholds[c.candidate.kind];
    if (m > topMargin) {
      topMargin = m;
      top = c;
    }
  }
  return top === null ? null : { item: top, margin: topMargin };
}

const NO_FINAL_YA = { restoreFinalYa: false } as const;
const YA = 0x064a;

/** Builds a splitter from a lexicon and the trained glue model. */
export function createGlueSplitter(lexicon: Lexicon, model: GlueModel): GlueSplitter {
  const minLength = 2 * model.minPart;
  // With no negative evidence from the whole word (explained and family counts taken as 0),
  // each score is an upper bound when those weights are ≤ 0, as trained models have them: a
  // word whose bounds all stay under their thresholds is settled without the ~100 lookups
  // the two counts cost.
  const explainedAt = GLUE_FEATURES.indexOf('logExplained');
  const familyAt = GLUE_FEATURES.indexOf('logFamily');
  const canBound = GLUE_CLASSES.every((c) => model.weights[c][explainedAt] <= 0 && model.weights[c][familyAt] <= 0);
  const noEvidence = { explained: 0, family: 0 };

  /** The word's normalized form without final-ya restoration, and its count; null on the fast path. */
  const prepare = (word: string, norm?: string): { s: string; wholeCount: number } | null => {
    const n = norm ?? normalize(word);
    if (n.length < minLength) return null;
    const wholeCount = lexicon.count(n);
    // The fast path: nearly every token is a word the lexicon knows well.
    if (wholeCount >= model.knownCount) return null;
    if (!isLexiconWord(n) || !ARABIC_WORD.test(n)) return null;
    // restoreFinalYa changes at most the last letter (ى → ي), so only then is the view different.
    return { s: n.charCodeAt(n.length - 1) === YA ? normalize(word, NO_FINAL_YA) : n, wholeCount };
  };

  const candidates = (word: string, norm?: string): GlueCandidates | null => {
    const p = prepare(word, norm);
    if (p === null) return null;
    const view = normalizeWithMap(word, NO_FINAL_YA);
    const scored: ScoredGlueCandidate[] = [];
    for (const candidate of glueCandidates(p.s, p.wholeCount, lexicon, model.minPart)) {
      const cut = cutOf(view, candidate.at, word.length);
      if (cut !== null) scored.push({ candidate, score: glueScore(model, candidate), cut });
    }
    return { wholeCount: p.wholeCount, candidates: scored };
  };
  const best = (word: string, norm?: string): GlueDecision | null => {
    const all = candidates(word, norm);
    if (all === null) return null;
    const top = pickGlueCandidate(all.candidates, model.thresholds);
    return top === null ? null : { ...top.item, margin: top.margin, wholeCount: all.wholeCount };
  };
  return {
    candidates,
    best,
    // The same decision as best(), made cheaply: bound first, exact scores only when a bound
    // passes, and the offset map only for the candidate that wins.
    split(word, norm) {
      const p = prepare(word, norm);
      if (p === null) return null;
      if (canBound) {
        let passes = false;
        for (const c of glueCandidates(p.s, p.wholeCount, lexicon, model.minPart, noEvidence)) {
          if (glueScore(model, c) > model.thresholds[c.kind]) {
            passes = true;
            break;
          }
        }
        if (!passes) return null;
      }
      const ranked = glueCandidates(p.s, p.wholeCount, lexicon, model.minPart)
        .map((candidate) => ({ candidate, margin: glueScore(model, candidate) - model.thresholds[candidate.kind] }))
        .sort((a, b) => b.margin - a.margin);
      if (ranked.length === 0 || ranked[0].margin <= 0) return null;
      const view = normalizeWithMap(word, NO_FINAL_YA);
      for (const r of ranked) {
        const cut = cutOf(view, r.candidate.at, word.length);
        if (cut !== null) return r.margin > 0 ? [cut] : null;
      }
      return null;
    },
  };
}

/**
 * The original offset of a cut at `at` in the normalized view, or null when it cannot be
 * drawn on the original (inside one original character, such as the ligature ﻻ). Diacritics
 * and tatweel after the last letter of the left part stay with it.
 */
function cutOf(view: { toOriginal: Int32Array }, at: number, length: number): number | null {
  const cut = view.toOriginal[at];
  return cut > view.toOriginal[at - 1] && cut > 0 && cut < length ? cut : null;
}

/** The files of the lexicon model, as `loadModel('lexicon')` returns them (or a browser fetch builds them). */
export interface LexiconModelFiles {
  files: ReadonlyMap<string, Uint8Array>;
}

/** File names inside `models/lexicon/`. */
export const LEXICON_FILES = { lexicon: 'lexicon.bin', glue: 'glue.json' } as const;

/**
 * Decodes the lexicon model and builds its glue splitter.
 * @throws MarsadError `MODEL_MISSING` when a file is absent, `MODEL_CORRUPT` when one does not decode.
 */
export function loadGlueSplitter(model: LexiconModelFiles): { lexicon: Lexicon; splitter: GlueSplitter } {
  const file = (name: string): Uint8Array => {
    const bytes = model.files.get(name);
    if (bytes === undefined) throw new MarsadError('MODEL_MISSING', `The lexicon model has no file ${name}.`, { file: name });
    return bytes;
  };
  const lexicon = decodeLexicon(file(LEXICON_FILES.lexicon));
  return { lexicon, splitter: createGlueSplitter(lexicon, parseGlueModel(file(LEXICON_FILES.glue))) };
}

/** Replaces glued word tokens by their parts; returns the new tokens and the repairs. */
export function repairTokens(tokens: readonly Token[], splitter: GlueSplitter): { tokens: Token[]; repairs: Repair[] } {
  const out: Token[] = [];
  const repairs: Repair[] = [];
  for (const token of tokens) {
    const cuts = token.kind === 'word' ? splitter.split(token.text, token.norm) : null;
    if (cuts === null) {
      out.push(token);
      continue;
    }
    const bounds = [0, ...cuts, token.text.length];
    const parts: string[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const text = token.text.slice(bounds[k], bounds[k + 1]);
      parts.push(text);
      out.push({ start: token.start + bounds[k], end: token.start + bounds[k + 1], text, norm: normalizeToken(text), kind: 'word' });
    }
    repairs.push({ start: token.start, end: token.end, original: token.text, replacement: parts.join(' '), kind: 'split' });
  }
  return { tokens: out, repairs };
}

/**
 * The `repair` stage: splits glued word tokens in `doc.tokens` (each part keeps its
 * original offsets) and records each split in `doc.repairs`.
 */
export function createRepairStage(splitter: GlueSplitter): Stage {
  return {
    name: 'repair',
    needs: ['tokens'],
    adds: ['repairs'],
    run(doc: AnalyzedDocument) {
      const { tokens, repairs } = repairTokens(doc.tokens ?? [], splitter);
      doc.tokens = tokens;
      doc.repairs = repairs;
    },
  };
}
