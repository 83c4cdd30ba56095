/**
 * Issue themes (military, energy, terrorism …) found by a lexicon, after the CAMEO /
 * Phoenix issue coding: an article can carry several themes, each scored by how much
 * distinct evidence it holds relative to its length.
 *
 * The lexicon file lists phrases as readers write them; on loading they are turned into
 * sequences of term keys with the stage's term function, so `القوات المسلحة` also matches
 * `والقوات المسلحة` and `للقوات المسلحة`. A phrase matches consecutive word tokens; at each
 * position the longest phrase wins, so `النفط والغاز` is not also counted as `النفط`.
 */
import type { Token, Topic } from '../document.js';
import { MarsadError } from '../errors.js';
import { normalize } from '../text/normalize.js';
import { HashIndex, hashString, termHashes } from './features.js';
import { light10Terms, termKeys, type TermFunction } from './terms.js';

/** One phrase of a theme, with its weight (1 strong, 0.5 weak) as stored in the lexicon file. */
export type ThemeTerm = [phrase: string, weight: number];

/** A theme as stored in the lexicon file. */
export interface ThemeEntry {
  label: string;
  description: string;
  terms: ThemeTerm[];
}

/** The JSON lexicon file (`themes.json` in the topics model). */
export interface ThemeLexiconFile {
  format: 'marsad-themes';
  version: 1;
  themes: ThemeEntry[];
}

interface Phrase {
  keys: string[];
  /** `hashString` of each key. */
  hashes: Uint32Array;
  theme: number;
  weight: number;
  id: number;
}

/** A lexicon compiled for matching with one term function. */
export interface ThemeLexicon {
  readonly labels: readonly string[];
  readonly descriptions: readonly string[];
  readonly terms: TermFunction;
  /** Phrases by their first key, longest first. */
  readonly byFirstKey: ReadonlyMap<string, readonly Phrase[]>;
  /** The same lists, found by the first key's hash (the hot path: no string hashing per token). */
  readonly firstHashIndex: HashIndex;
  readonly lists: readonly (readonly Phrase[])[];
  readonly phraseCount: number;
}

/** Weights below this are "weak": they only count outside sport articles. */
export const WEAK_WEIGHT = 0.75;

/** Term keys of a phrase written as text: one key per letter run, normalized like token `norm`. */
export function phraseKeys(phrase: string, terms: TermFunction = light10Terms): string[] {
  const words = phrase.match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.map((w) => terms.key({ norm: normalize(w), kind: 'word' })).filter((k) => k !== '');
}

/**
 * Compiles a lexicon file for a term function.
 * @throws MarsadError `MODEL_CORRUPT` when the file is not a theme lexicon.
 */
export function compileThemeLexicon(file: ThemeLexiconFile, terms: TermFunction = light10Terms): ThemeLexicon {
  if (file.format !== 'marsad-themes' || file.version !== 1 || !Array.isArray(file.themes)) {
    throw new MarsadError('MODEL_CORRUPT', 'Theme lexicon is unreadable: expected format marsad-themes v1.');
  }
  const byFirstKey = new Map<string, Phrase[]>();
  let id = 0;
  file.themes.forEach((theme, t) => {
    const seen = new Set<string>();
    for (const [phrase, weight] of theme.terms) {
      const keys = phraseKeys(phrase, terms);
      const sig = keys.join(' ');
      if (keys.length === 0 || seen.has(sig)) continue;
      seen.add(sig);
      const list = byFirstKey.get(keys[0]) ?? [];
      list.push({ keys, hashes: Uint32Array.from(keys, hashString), theme: t, weight, id: id++ });
      byFirstKey.set(keys[0], list);
    }
  });
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const firstHashIndex = new HashIndex();
  firstHashIndex.reset(byFirstKey.size);
  const lists: Phrase[][] = [];
  for (const [key, list] of byFirstKey) {
    firstHashIndex.set(hashString(key), lists.length);
    lists.push(list);
  }
  return {
    firstHashIndex,
    lists,
    labels: file.themes.map((t) => t.label),
    descriptions: file.themes.map((t) => t.description),
    terms,
    byFirstKey,
    phraseCount: id,
  };
}

/** Parses and compiles the lexicon file's bytes. */
export function decodeThemeLexicon(bytes: Uint8Array, terms: TermFunction = light10Terms): ThemeLexicon {
  let file: ThemeLexiconFile;
  try {
    file = JSON.parse(new TextDecoder().decode(bytes)) as ThemeLexiconFile;
  } catch {
    throw new MarsadError('MODEL_CORRUPT', 'Theme lexicon is unreadable: not JSON.');
  }
  return compileThemeLexicon(file, terms);
}

/** How often each phrase matched in a text. */
export interface ThemeMatches {
  /** Phrase id → [theme, weight, count, keys]. */
  phrases: Map<number, { theme: number; weight: number; count: number; keys: readonly string[] }>;
  /** Number of word tokens seen. */
  words: number;
}

const CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * Finds lexicon phrases in a token sequence. A word the term function left with a bare
 * proclitic (`وروسيا`, `بالنفط` is handled by the stemmer, `ونفط` is not) is also tried
 * without its first letter, since lexicon words are specific enough for that to be safe.
 */
export function matchThemes(lexicon: ThemeLexicon, tokens: readonly Pick<Token, 'norm' | 'kind'>[]): ThemeMatches {
  const keys = termKeys(tokens, lexicon.terms);
  const hashes = termHashes(keys);
  let words = 0;
  for (const k of keys) if (k !== '') words++;
  const phrases: ThemeMatches['phrases'] = new Map();
  let i = 0;
  while (i < tokens.length) {
    const key = keys[i];
    if (key === '') {
      i++;
      continue;
    }
    const list = lexicon.firstHashIndex.get(hashes[i]);
    let candidates: readonly Phrase[] | undefined = list >= 0 ? lexicon.lists[list] : undefined;
    if (candidates === undefined && key.length > 3 && CLITICS.has(key[0])) candidates = lexicon.byFirstKey.get(key.slice(1));
    let matchedLength = 0;
    if (candidates !== undefined) {
      for (const p of candidates) {
        if (matchedLength > 0 && p.keys.length < matchedLength) break;
        let ok = p.keys[0] === key || p.keys[0] === key.slice(1);
        for (let j = 1; ok && j < p.keys.length; j++) ok = i + j < keys.length && keys[i + j] !== '' && hashes[i + j] === p.hashes[j] && keys[i + j] === p.keys[j];
        if (!ok) continue;
        matchedLength = p.keys.length;
        const entry = phrases.get(p.id);
        if (entry) entry.count++;
        else phrases.set(p.id, { theme: p.theme, weight: p.weight, count: 1, keys: p.keys });
      }
    }
    i += Math.max(1, matchedLength);
  }
  return { phrases, words };
}

/** Options for {@link scoreThemes}. */
export interface ThemeScoreOptions {
  /** Probability that the article is sport: above 0.5, weak terms (`الدفاع`, `هجوم`) are ignored. */
  sportProbability?: number;
  /** Themes scoring below this are left out (default 0.3). */
  minScore?: number;
}

/**
 * Scores each theme from its matches: every distinct phrase adds its weight times
 * (1 + ln count), multiword phrases a little more; the sum is turned into (0, 1) by
 * 1 − exp(−evidence / scale) with a scale that grows with the article's length, so a
 * passing mention in a long article scores low. A theme needs at least one strong phrase.
 */
export function scoreThemes(lexicon: ThemeLexicon, matches: ThemeMatches, options: ThemeScoreOptions = {}): Topic[] {
  const ignoreWeak = (options.sportProbability ?? 0) > 0.5;
  const minScore = options.minScore ?? 0.3;
  const evidence = new Float64Array(lexicon.labels.length);
  const strong = new Uint8Array(lexicon.labels.length);
  for (const m of matches.phrases.values()) {
    const weak = m.weight < WEAK_WEIGHT;
    if (weak && ignoreWeak) continue;
    if (!weak) strong[m.theme] = 1;
    evidence[m.theme] += m.weight * (1 + Math.log(m.count)) * (1 + 0.25 * (m.keys.length - 1));
  }
  const scale = 2 + matches.words / 150;
  const out: Topic[] = [];
  lexicon.labels.forEach((label, t) => {
    if (!strong[t]) return;
    const score = 1 - Math.exp(-evidence[t] / scale);
    if (score >= minScore) out.push({ label, score: Math.round(score * 1e4) / 1e4 });
  });
  return out.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}
