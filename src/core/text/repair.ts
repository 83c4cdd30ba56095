/**
 * Repair of words glued together by scraping or typing (`روسياوالعراق` → `روسيا` + `والعراق`).
 *
 * The splitter is statistical. For a word the lexicon does not know well, every split into
 * two known words is a candidate, and a small logistic model scores it from lexicon
 * evidence: how frequent the whole word and the two parts are, how often the two parts
 * were seen side by side, whether the whole word is better explained as one word with
 * clitics and suffixes (`سيدعمه` = س + يدعمه, `القراران` = القرار + ان), and the shape of the
 * junction (a ة or ى cannot end a word's middle; `و` and `ال` often start the second word).
 * The best candidate is accepted when its score passes a threshold tuned for very few
 * false splits. The weights and threshold are trained by `npm run train:lexicon` and ship
 * with the lexicon model (`glue.json`), so that training and runtime share this file's
 * feature code.
 *
 * Only the repair layer and the token array change: the original text is never altered.
 */
import type { AnalyzedDocument, Repair, Token } from '../document.js';
import { MarsadError } from '../errors.js';
import type { Stage } from '../pipeline.js';
import type { Lexicon } from './lexicon.js';
import { isLexiconWord } from './lexicon.js';
import { normalize, normalizeWithMap, restoreFinalYa } from './normalize.js';

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
function junctionKind(left: string, right: string): GlueClass {
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
 */
export function glueCandidates(charNormalized: string, wholeCount: number, lexicon: Lexicon, minPart = 2): GlueCandidate[] {
  const out: GlueCandidate[] = [];
  const n = charNormalized.length;
  let explained = -1;
  let family = 0;
  const wholeAl = /^(?:[وفبك]?ال|لل)/u.test(charNormalized);
  for (let at = minPart; at <= n - minPart; at++) {
    const left = restoreFinalYa(charNormalized.slice(0, at));
    const right = restoreFinalYa(charNormalized.slice(at));
    if (PROCLITIC_ONLY.has(left) || SUFFIX_ONLY.has(right)) continue;
    if (NAME_TAILS.has(right) || (NAME_HEADS.has(left) && right.startsWith('ال'))) continue;
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

/** Builds a splitter from a lexicon and the trained glue model. */
export function createGlueSplitter(lexicon: Lexicon, model: GlueModel): GlueSplitter {
  const minLength = 2 * model.minPart;
  const candidates = (word: string, norm?: string): GlueCandidates | null => {
    const n = norm ?? normalize(word);
    if (n.length < minLength) return null;
    const wholeCount = lexicon.count(n);
    // The fast path: nearly every token is a word the lexicon knows well.
    if (wholeCount >= model.knownCount) return null;
    if (!isLexiconWord(n) || !ARABIC_WORD.test(n)) return null;
    const view = normalizeWithMap(word, { restoreFinalYa: false });
    const scored: ScoredGlueCandidate[] = [];
    for (const candidate of glueCandidates(view.text, wholeCount, lexicon, model.minPart)) {
      // Diacritics and tatweel after the last letter of the left part stay with it.
      const cut = view.toOriginal[candidate.at];
      // A cut inside one original character (a ligature such as ﻻ) cannot be drawn on the original.
      if (cut <= view.toOriginal[candidate.at - 1] || cut <= 0 || cut >= word.length) continue;
      scored.push({ candidate, score: glueScore(model, candidate), cut });
    }
    return { wholeCount, candidates: scored };
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
    split(word, norm) {
      const b = best(word, norm);
      return b === null || b.margin <= 0 ? null : [b.cut];
    },
  };
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
      out.push({ start: token.start + bounds[k], end: token.start + bounds[k + 1], text, norm: normalize(text), kind: 'word' });
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
