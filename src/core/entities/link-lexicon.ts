/**
 * The linking lexicon: countries (names, official names, aliases and the nationality
 * adjectives derived from them), title phrases (from the PETRARCH agents dictionary) and
 * known people with their country (from the PETRARCH actor dictionary).
 *
 * It is built offline by `npm run train:linking` into `models/linking/lexicon.json` and
 * read here from bytes, so the core never touches files. All strings are normalized with
 * `normalize()` by the build script; lookups here are Map and Set hits only.
 */
import { MarsadError } from '../errors.js';
import { stripArticle, words } from '../discourse/lexical.js';

/** File name of the lexicon inside `models/linking/`. */
export const LINKING_LEXICON_FILE = 'lexicon.json';

/** Format tag written by the build script and checked by the loader. */
export const LINKING_LEXICON_FORMAT = 'marsad-linking/1';

/** One country as the build script writes it. */
export interface CountryRecord {
  /** ISO 3166-1 alpha-3 code. */
  code: string;
  /** Canonical normalized name (the common Arabic name): `العراق`, `روسيا`. */
  name: string;
  /** Every normalized name and alias, one or several words: `روسيا`, `روسيا الاتحادية`. */
  names: string[];
  /** Masculine singular nationality adjectives without the article: `عراقي`, `روسي`. */
  nisba: string[];
}

/** The serialized lexicon (`lexicon.json`). */
export interface LinkingLexiconData {
  format: typeof LINKING_LEXICON_FORMAT;
  countries: CountryRecord[];
  /** Title phrases, normalized, two words or more; matched with the article optional on every word. */
  titles: string[];
  /** Known people: `[normalized name, ISO-3 country code or '']`. */
  persons: [string, string][];
  /** First names seen in annotated person names (normalized). */
  firstNames?: string[];
  /** Frequent words almost never inside a name (normalized): they end a name. */
  commonWords?: string[];
}

/** A multi-word phrase keyed by its first word, for longest-match scanning. */
export interface PhraseEntry<T> {
  words: string[];
  value: T;
}

/** The compiled lexicon: maps and sets ready for token scans. */
export interface LinkingLexicon {
  countries: ReadonlyMap<string, CountryRecord>;
  /** First word of a country name → candidate names, longest first. */
  countryPhrases: ReadonlyMap<string, PhraseEntry<string>[]>;
  /** Single-word country names → code (for glued-word splitting). */
  countrySingle: ReadonlyMap<string, string>;
  /** Last three letters of the single-word country names: a cheap test before trying to split a glued pair. */
  countryTails: ReadonlySet<string>;
  /** Every inflected nationality adjective, with and without the article → code. */
  nisba: ReadonlyMap<string, string>;
  /** Title phrase trie over bare keys: a key path ending in `''` marks a complete phrase. */
  titleTrie: TitleTrieNode;
  /** First word of a known person's name → candidates, longest first. */
  personPhrases: ReadonlyMap<string, PhraseEntry<string>[]>;
  /** Normalized full name of a known person → country code ('' when unknown). */
  personCountry: ReadonlyMap<string, string>;
  /** First names (evidence that a word starts a name). */
  firstNames: ReadonlySet<string>;
  /** Frequent words that are almost never part of a name. */
  commonWords: ReadonlySet<string>;
  /**
   * Every word that can start a lexicon match (country or person first words, adjectives);
   * the link stage adds title heads. One lookup here tells whether a token is worth the
   * specific scans.
   */
  anyWord: Map<string, true>;
}

/** A node of the title trie. */
export interface TitleTrieNode {
  end: boolean;
  next: Map<string, TitleTrieNode>;
}

/**
 * Inflects a masculine nisba (`عراقي`) into the forms news text uses: feminine, plurals
 * and duals, each with and without the article.
 */
export function nisbaForms(base: string): string[] {
  const stems = [base, base + 'ة', base + 'ون', base + 'ين', base + 'ات', base + 'ان', base + 'تين', base + 'تان'];
  return [...stems, ...stems.map((s) => 'ال' + s)];
}

function addPhrase<T>(map: Map<string, PhraseEntry<T>[]>, phrase: string, value: T): void {
  const ws = words(phrase);
  if (ws.length === 0) return;
  const list = map.get(ws[0]) ?? [];
  if (!list.some((e) => e.words.join(' ') === ws.join(' '))) list.push({ words: ws, value });
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(ws[0], list);
}

/** Compiles serialized lexicon data into lookup structures. */
export function compileLinkingLexicon(data: LinkingLexiconData): LinkingLexicon {
  const countries = new Map<string, CountryRecord>();
  const countryPhrases = new Map<string, PhraseEntry<string>[]>();
  const countrySingle = new Map<string, string>();
  const nisba = new Map<string, string>();
  for (const c of data.countries) {
    countries.set(c.code, c);
    for (const n of c.names) {
      addPhrase(countryPhrases, n, c.code);
      if (!n.includes(' ')) countrySingle.set(n, c.code);
    }
    for (const base of c.nisba) for (const f of nisbaForms(base)) if (!nisba.has(f)) nisba.set(f, c.code);
  }
  const titleTrie: TitleTrieNode = { end: false, next: new Map() };
  for (const t of data.titles) {
    let node = titleTrie;
    for (const w of words(t).map(stripArticle)) {
      let child = node.next.get(w);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.end = true;
  }
  const personPhrases = new Map<string, PhraseEntry<string>[]>();
  const personCountry = new Map<string, string>();
  const firstNames = new Set<string>(data.firstNames ?? []);
  for (const [name, code] of data.persons) {
    addPhrase(personPhrases, name, code);
    personCountry.set(name, code);
    const ws = words(name);
    if (ws.length >= 2) firstNames.add(ws[0]);
  }
  const countryTails = new Set([...countrySingle.keys()].map((k) => k.slice(-3)));
  const anyWord = new Map<string, true>();
  for (const k of [...countryPhrases.keys(), ...nisba.keys(), ...personPhrases.keys()]) anyWord.set(k, true);
  return { countries, countryPhrases, countrySingle, countryTails, nisba, titleTrie, personPhrases, personCountry, firstNames, commonWords: new Set(data.commonWords ?? []), anyWord };
}

/**
 * Reads the linking lexicon from the bytes of `lexicon.json`.
 * @throws MarsadError `MODEL_CORRUPT` when the file is not a linking lexicon.
 */
export function loadLinkingLexicon(bytes: Uint8Array): LinkingLexicon {
  let data: LinkingLexiconData;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes)) as LinkingLexiconData;
  } catch (e) {
    throw new MarsadError('MODEL_CORRUPT', `The linking lexicon is not valid JSON: ${(e as Error).message}`, { model: 'linking' });
  }
  if (data.format !== LINKING_LEXICON_FORMAT || !Array.isArray(data.countries)) {
    throw new MarsadError('MODEL_CORRUPT', `The linking lexicon has format "${String(data.format)}", expected "${LINKING_LEXICON_FORMAT}".`, {
      model: 'linking',
    });
  }
  return compileLinkingLexicon(data);
}

/** An empty lexicon: linking then relies on NER and on the title and pattern rules alone. */
export function emptyLinkingLexicon(): LinkingLexicon {
  return compileLinkingLexicon({ format: LINKING_LEXICON_FORMAT, countries: [], titles: [], persons: [] });
}
