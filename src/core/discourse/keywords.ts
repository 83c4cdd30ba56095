/**
 * The `keywords` stage: single terms and 2–3-word phrases ranked by TF-IDF, with document
 * frequencies counted on a news corpus (the keyword model).
 *
 * Candidates are runs of content words: a stop word, punctuation or a number ends a run,
 * so a phrase never starts or ends on `في` or `،`. A phrase is kept if it recurs in the
 * article or is an established collocation in the corpus (`وزير الخارجية`, `حقوق الإنسان`).
 * Once a phrase is chosen, its words are only chosen alone if they also occur often
 * outside it. Each keyword is shown in the spelling most used in the article, without
 * diacritics or tatweel and without a leading conjunction (`والعراق` reads `العراق`).
 */
import type { AnalyzedDocument, Keyword, Token } from '../document.js';
import { MarsadError } from '../errors.js';
import type { Stage } from '../pipeline.js';
import { normalize } from '../text/normalize.js';
import { HashIndex, hashPair, hashString, termHashes } from './features.js';
import { decodeKeywordModel, type KeywordModel } from './keyword-model.js';
import { displayForm, TERM_FUNCTIONS, light10Terms, termKeys, type TermFunction } from './terms.js';
import type { ModelFiles } from './topics.js';

/** The file names inside `models/keywords/`. */
export const KEYWORDS_FILES = { table: 'idf.bin', stopWords: 'stopwords.txt' } as const;

/**
 * Decodes the keyword model from its files, for a term function (default: the one the
 * model was built with, which must be known to this build).
 */
export function loadKeywordModel(model: ModelFiles, terms?: TermFunction): KeywordModel {
  const table = model.files.get(KEYWORDS_FILES.table);
  const stop = model.files.get(KEYWORDS_FILES.stopWords);
  if (table === undefined || stop === undefined) {
    throw new MarsadError('MODEL_MISSING', `The keywords model needs ${KEYWORDS_FILES.table} and ${KEYWORDS_FILES.stopWords}.`);
  }
  // Peek at the header's term function when none is given.
  let chosen = terms;
  if (chosen === undefined) {
    const match = /"termFunction":"([^"]+)"/.exec(new TextDecoder().decode(table.subarray(0, Math.min(table.length, 512))));
    chosen = (match && TERM_FUNCTIONS.get(match[1])) || light10Terms;
  }
  return decodeKeywordModel(table, stop, chosen);
}

/** Share of its rarer word's documents a phrase must appear in to count as a collocation. */
const COLLOCATION = 0.2;
/** From this many words on, a keyword must occur at least twice (or be a corpus collocation). */
const LONG_TEXT_WORDS = 120;
/** Extra weight per extra word of a phrase. */
const PHRASE_BONUS = 0.25;

/** Candidate index and arrays reused across documents (the stage is synchronous, so one set is enough). */
const INDEX = new HashIndex();

function buffers(size: number): { hash: Uint32Array; words: Uint8Array; count: Uint32Array; first: Int32Array } {
  return { hash: new Uint32Array(size), words: new Uint8Array(size), count: new Uint32Array(size), first: new Int32Array(size) };
}

let BUFFERS = buffers(4096);
let SCORES = new Float64Array(4096);

/** Options for {@link extractKeywords}. */
export interface KeywordOptions {
  /** Most keywords to return (default 10). */
  limit?: number;
}

/** A chosen keyword before display. */
interface Chosen {
  hash: number;
  words: number;
  count: number;
  first: number;
  score: number;
  /** Term keys joined by a space. */
  sig: string;
}

const READABLE = { normalizeAlef: false, normalizeDigits: false, normalizePunctuation: false } as const;

/** Occurrences read to choose a keyword's spelling: enough to find the usual one. */
const DISPLAY_SAMPLE = 6;

const READABLE_MEMO = new Map<string, string>();
const READABLE_MEMO_LIMIT = 50_000;

/** A readable spelling of a token's text: no diacritics or tatweel, standard final ya, hamza kept (memoized). */
function readable(text: string): string {
  let out = READABLE_MEMO.get(text);
  if (out === undefined) {
    out = normalize(text, READABLE);
    if (READABLE_MEMO.size >= READABLE_MEMO_LIMIT) READABLE_MEMO.clear();
    READABLE_MEMO.set(text, out);
  }
  return out;
}

/** The spelling used most often across a keyword's first occurrences (first seen wins ties). */
function display(tokens: readonly Token[], starts: readonly number[], words: number): string {
  const forms = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const start of starts.slice(0, DISPLAY_SAMPLE)) {
    let form = displayForm(readable(tokens[start].text));
    for (let j = 1; j < words; j++) form += ' ' + readable(tokens[start + j].text);
    const count = (forms.get(form) ?? 0) + 1;
    forms.set(form, count);
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Visits every keyword candidate of a token sequence: each content word (a term of at
 * least two letters that is not a stop word) and each run of 2..`maxWords` consecutive
 * content words, as (hash, number of words, index of the first token). The training
 * script counts document frequencies with this same function. Returns the term keys.
 */
export function forEachCandidate(
  terms: TermFunction,
  stopKeys: ReadonlySet<string>,
  tokens: readonly Pick<Token, 'norm' | 'kind'>[],
  maxWords: number,
  visit: (hash: number, words: number, start: number) => void,
): string[] {
  const n = tokens.length;
  const keys = termKeys(tokens, terms);
  const hashes = termHashes(keys);
  const content = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key.length >= 2 && !stopKeys.has(key)) content[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (!content[i]) continue;
    let h = hashes[i];
    visit(h, 1, i);
    for (let j = i + 1; j < n && j - i < maxWords && content[j]; j++) {
      h = hashPair(h, hashes[j]);
      visit(h, j - i + 1, i);
    }
  }
  return keys;
}

/**
 * Ranks the keywords of a token sequence. Scores are TF-IDF relative to the best keyword
 * (which scores 1): (1 + ln tf) × idf for a word, (1 + ln tf) × mean idf of its words ×
 * (1 + 0.25 per extra word) for a phrase. Candidates live in typed arrays keyed by their
 * 32-bit hash, so no phrase string is built until output.
 */
export function extractKeywords(model: KeywordModel, tokens: readonly Token[], options: KeywordOptions = {}): Keyword[] {
  const limit = options.limit ?? 10;
  const maxWords = model.header.maxPhraseWords;
  const capacity = tokens.length * maxWords + 1;
  const idOf = INDEX;
  idOf.reset(capacity);
  if (BUFFERS.hash.length < capacity) BUFFERS = buffers(capacity * 2);
  const { hash: cHash, words: cWords, count: cCount, first: cFirst } = BUFFERS;
  let size = 0;
  const keys = forEachCandidate(model.terms, model.stopKeys, tokens, maxWords, (hash, words, at) => {
    const id = idOf.get(hash);
    if (id >= 0) {
      cCount[id]++;
      return;
    }
    idOf.set(hash, size);
    cHash[size] = hash;
    cWords[size] = words;
    cCount[size] = 1;
    cFirst[size] = at;
    size++;
  });
  const hashes = termHashes(keys);

  // In an article of some length a keyword recurs; a word seen once is more often a rare
  // inflection (`لتسييل`, `أعلمنا`) than a subject.
  let wordCount = 0;
  for (const t of tokens) if (t.kind === 'word') wordCount++;
  const minCount = wordCount >= LONG_TEXT_WORDS ? 2 : 1;
  if (SCORES.length < size) SCORES = new Float64Array(size * 2);
  const score = SCORES;
  const kept: number[] = [];
  for (let id = 0; id < size; id++) {
    const count = cCount[id];
    const words = cWords[id];
    const tf = 1 + Math.log(count);
    if (words === 1) {
      if (count < minCount) continue;
      score[id] = tf * model.idf(cHash[id]);
      kept.push(id);
      continue;
    }
    // A phrase must recur in the article, or be a collocation of the corpus: seen in at
    // least a fifth of the documents of its rarer word (`خط الأنابيب`, not `تشمل إنشاء`).
    if (count < 2 && !model.known(cHash[id])) continue;
    let idfSum = 0;
    let minDf = Infinity;
    for (let j = 0; j < words; j++) {
      const h = hashes[cFirst[id] + j];
      idfSum += model.idf(h);
      minDf = Math.min(minDf, model.df(h));
    }
    if (count < 2 && model.df(cHash[id]) < COLLOCATION * minDf) continue;
    // Scored by its words' mean idf, so a phrase is not preferred merely for being rare as a whole.
    score[id] = tf * (idfSum / words) * (1 + PHRASE_BONUS * (words - 1));
    kept.push(id);
  }
  kept.sort((a, b) => score[b] - score[a] || cFirst[a] - cFirst[b]);

  const chosen: Chosen[] = [];
  const inPhrase = new Map<string, number>();
  for (const id of kept) {
    if (chosen.length >= limit) break;
    const c: Chosen = {
      hash: cHash[id],
      words: cWords[id],
      count: cCount[id],
      first: cFirst[id],
      score: score[id],
      sig: keys.slice(cFirst[id], cFirst[id] + cWords[id]).join(' '),
    };
    if (c.words === 1) {
      if (looksGlued(model, tokens[c.first].norm, c.hash)) continue;
      // Alone only if it occurs clearly more often than inside the phrases already chosen.
      const within = inPhrase.get(c.sig) ?? 0;
      if (within > 0 && c.count <= 2 * within) continue;
    } else if (chosen.some((p) => p.words > 1 && (contains(p.sig, c.sig) || contains(c.sig, p.sig) || overlaps(p.sig, c.sig)))) {
      continue;
    } else {
      // A word chosen earlier that this phrase mostly explains gives its place to the phrase.
      for (let i = chosen.length - 1; i >= 0; i--) {
        const p = chosen[i];
        if (p.words === 1 && contains(c.sig, p.sig) && c.count * 2 >= p.count) chosen.splice(i, 1);
      }
    }
    chosen.push(c);
    if (c.words > 1) for (const k of c.sig.split(' ')) inPhrase.set(k, Math.max(inPhrase.get(k) ?? 0, c.count));
  }
  chosen.sort((a, b) => b.score - a.score || a.first - b.first);

  // Occurrences of the chosen keywords only: tokens whose term hashes repeat the first occurrence's.
  const byFirstHash = new Map<number, Chosen[]>();
  for (const c of chosen) {
    const h = hashes[c.first];
    const list = byFirstHash.get(h);
    if (list) list.push(c);
    else byFirstHash.set(h, [c]);
  }
  const starts = new Map<Chosen, number[]>(chosen.map((c) => [c, []]));
  for (let i = 0; i < tokens.length; i++) {
    const list = byFirstHash.get(hashes[i]);
    if (list === undefined || keys[i] === '') continue;
    for (const c of list) {
      let same = i + c.words <= tokens.length;
      for (let j = 1; same && j < c.words; j++) same = keys[i + j] !== '' && hashes[i + j] === hashes[c.first + j];
      if (same) starts.get(c)?.push(i);
    }
  }
  const top = chosen[0]?.score ?? 1;
  return chosen.map((c) => ({ text: display(tokens, starts.get(c) ?? [c.first], c.words), score: Math.round((c.score / top) * 1e4) / 1e4 }));
}

/** Both halves of a glued word must be this common in the corpus. */
const GLUED_MIN_DF = 20;

/**
 * True for a word the corpus does not know that is two common words joined by و, as
 * scraping leaves them (`روسياوالعراق`). Such a word is not shown as a keyword; in the
 * full pipeline the repair stage splits it before this stage runs.
 */
export function looksGlued(model: KeywordModel, norm: string, hash: number): boolean {
  if (model.known(hash) || norm.length < 7) return false;
  const common = (part: string): boolean => model.df(hashString(model.terms.key({ norm: part, kind: 'word' }))) >= GLUED_MIN_DF;
  for (let p = 3; p <= norm.length - 3; p++) {
    if (norm[p] === 'و' && common(norm.slice(0, p)) && common(norm.slice(p + 1))) return true;
  }
  return false;
}

/** True when phrase `a` contains phrase `b` as whole words. */
function contains(a: string, b: string): boolean {
  return (' ' + a + ' ').includes(' ' + b + ' ');
}

/** True when two phrases share a word at their junction (`وزير خارجية` / `خارجية عراق`). */
function overlaps(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return wa[wa.length - 1] === wb[0] || wb[wb.length - 1] === wa[0];
}

/**
 * The `keywords` stage (needs tokens, adds keywords).
 * @param model the keyword model files (`loadModel('keywords')`) or a decoded model.
 */
export function createKeywordsStage(model: ModelFiles | KeywordModel, options: KeywordOptions = {}): Stage {
  const decoded = 'stopKeys' in model ? model : loadKeywordModel(model);
  return {
    name: 'keywords',
    needs: ['tokens'],
    adds: ['keywords'],
    run(doc: AnalyzedDocument) {
      doc.keywords = extractKeywords(decoded, doc.tokens ?? [], options);
    },
  };
}
