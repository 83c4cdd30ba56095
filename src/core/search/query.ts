/**
 * The search query language and its translation to an FTS5 match expression.
 *
 * Syntax (after web search engines):
 * - words are required by default (`العراق روسيا` = both);
 * - `"…"` (also `«…»`, `“…”`) is a phrase;
 * - `-word` or `-"phrase"` excludes;
 * - `a OR b` (also `a | b`) makes alternatives; `OR` binds tighter than the implicit AND, so
 *   `العراق روسيا OR سوريا` is `العراق AND (روسيا OR سوريا)`.
 *
 * With `syntax: 'plain'` none of that applies: the input is text (a headline, a sentence), every
 * word of it is a required term and quote marks, `-` and `OR` are just characters. A title
 * pasted as a query should not turn its quoted name into a phrase or its `-الأوروبية` into an
 * exclusion.
 *
 * Words and phrases are analyzed with the same analyzer as the documents (see `terms.ts`),
 * and every operator, column name and term is written into the FTS5 expression quoted, so
 * no user input can change the expression's structure.
 */
import { MarsadError } from '../errors.js';
import { procliticVariants, type TermForms } from './terms.js';

/** A word or phrase as the user wrote it. */
export interface QueryItem {
  kind: 'term' | 'phrase';
  text: string;
}

/** A parsed query: required clauses (each a list of alternatives) and exclusions. */
export interface ParsedQuery {
  clauses: QueryItem[][];
  exclusions: QueryItem[];
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '”' };

/** How a query string is read: with the search syntax (default), or as plain text. */
export type QuerySyntax = 'query' | 'plain';

// Quote marks of either direction: in plain text they only delimit, so they become spaces.
const QUOTE_MARKS = /["«»“”„]/gu;

/**
 * Parses the query syntax. Never throws: stray quotes and operators are read as literally as
 * possible. With `syntax: 'plain'`, every white-space-separated word (quote marks taken off)
 * is a required term and nothing is an operator.
 */
export function parseQuery(input: string, syntax: QuerySyntax = 'query'): ParsedQuery {
  const clauses: QueryItem[][] = [];
  const exclusions: QueryItem[] = [];
  const s = input.normalize('NFC');
  if (syntax === 'plain') {
    for (const word of s.replace(QUOTE_MARKS, ' ').split(/\s+/u)) {
      if (word !== '') clauses.push([{ kind: 'term', text: word }]);
    }
    return { clauses, exclusions };
  }
  let pendingOr = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/u.test(ch) || ch === '(' || ch === ')') {
      i++;
      continue;
    }
    let negate = false;
    if (ch === '-' && i + 1 < s.length && !/\s/u.test(s[i + 1])) {
      negate = true;
      i++;
    }
    let item: QueryItem | undefined;
    const close = OPEN_QUOTES[s[i]];
    if (close !== undefined) {
      let j = s.indexOf(close, i + 1);
      if (j < 0) j = s.length;
      const text = s.slice(i + 1, j).trim();
      i = j + 1;
      if (text !== '') item = { kind: 'phrase', text };
    } else {
      let j = i;
      while (j < s.length && !/\s/u.test(s[j]) && s[j] !== '"' && s[j] !== '«' && s[j] !== '“' && s[j] !== '(' && s[j] !== ')') j++;
      const word = s.slice(i, j);
      i = j;
      if (!negate && (word === 'OR' || word === '|')) {
        if (clauses.length > 0) pendingOr = true;
        continue;
      }
      if (word !== '' && word !== '-') item = { kind: 'term', text: word };
    }
    if (!item) continue;
    if (negate) {
      exclusions.push(item);
      pendingOr = false;
    } else if (pendingOr && clauses.length > 0) {
      clauses[clauses.length - 1].push(item);
      pendingOr = false;
    } else {
      clauses.push([item]);
    }
  }
  return { clauses, exclusions };
}

/** A query item after analysis: one {@link TermForms} per token (two or more make a phrase). */
export interface AnalyzedItem {
  text: string;
  forms: TermForms[];
  /** For a one-word item: exact forms of the word with a proclitic (see `procliticVariants`). */
  variants?: string[];
}

/** A query whose items have been analyzed into search forms. */
export interface AnalyzedQuery {
  clauses: AnalyzedItem[][];
  exclusions: AnalyzedItem[];
  /**
   * The normalized forms of every query word in order, function words kept, joined by a
   * space; only for a query that is one run of required words (no `OR`, no exclusion). A
   * document whose title is exactly this (a pasted headline) ranks first.
   */
  whole?: string;
}

/**
 * Function words dropped from queries of several words (not from phrases): they match
 * nearly every article and, as required terms, would only cost recall. Normalized spelling.
 */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'في فى من الى على عن مع ان او ثم اذا اذ لا لم لن ما ماذا هل قد كان كانت يكون تكون هذا هذه ذلك تلك هو هي هم ' +
    'التي الذي الذين اللذين اللتين وفي ومن وعلى والى وعن وان وقد ولا وما بين بعد قبل حتى عند منذ خلال ضد حول ' +
    'كل بعض غير اي ايضا لكن بل كما لدى لها له لهم به بها فيه فيها منه منها عليه عليها اليه عنه انه انها وهو وهي'
  ).split(' '),
);

/**
 * Analyzes a parsed query. `analyze` turns a piece of text into the forms of its indexable
 * tokens, with the same analyzer the documents went through. Items that yield no token are
 * dropped, and so are stop words, unless the query has nothing else.
 *
 * With `procliticVariants`, a bare one-word item also matches its forms with a proclitic
 * (`روسيا` → `وروسيا`, `بروسيا`): useful while the morphology stage is absent, which would
 * otherwise split them. Off by default: on ANT fold-8 titles it lowered known-item MRR@10
 * slightly, since more documents then pass the all-words filter.
 */
export function analyzeQuery(
  parsed: ParsedQuery,
  analyze: (text: string) => TermForms[],
  { procliticVariants: expand = false }: { procliticVariants?: boolean } = {},
): AnalyzedQuery {
  const run = (item: QueryItem): AnalyzedItem | undefined => {
    const forms = analyze(item.text);
    if (forms.length === 0) return undefined;
    // Only for a bare word: one that already carries clitics or the article has its own base form.
    const variants = expand && forms.length === 1 && forms[0].base === forms[0].norm ? procliticVariants(forms[0].norm) : [];
    return variants.length > 0 ? { text: item.text, forms, variants } : { text: item.text, forms };
  };
  let clauses = parsed.clauses
    .map((alts) => alts.map(run).filter((x): x is AnalyzedItem => x !== undefined))
    .filter((alts) => alts.length > 0);
  const isStop = (alts: AnalyzedItem[]): boolean =>
    alts.length === 1 && alts[0].forms.length === 1 && QUERY_STOP_WORDS.has(alts[0].forms[0].norm);
  const whole =
    parsed.exclusions.length === 0 && clauses.length > 0 && clauses.every((alts) => alts.length === 1)
      ? clauses.flatMap((alts) => alts[0].forms.map((f) => f.norm)).join(' ')
      : undefined;
  const content = clauses.filter((alts) => !isStop(alts));
  if (content.length > 0) clauses = content;
  const exclusions = parsed.exclusions.map(run).filter((x): x is AnalyzedItem => x !== undefined);
  return whole === undefined ? { clauses, exclusions } : { clauses, exclusions, whole };
}

/** The FTS5 columns that hold each form; a term matches if any form matches in its columns. */
export interface FormColumns {
  norm: readonly string[];
  base: readonly string[];
  stem: readonly string[];
}

/** FTS5 string literal: double quotes, inner quotes doubled. */
function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function columnFilter(columns: readonly string[]): string {
  return `{${columns.join(' ')}}`;
}

/** The FTS5 expression for one item over the given form kinds. */
function itemExpression(item: AnalyzedItem, columns: FormColumns, kinds: readonly (keyof TermForms)[]): string {
  const parts: string[] = [];
  for (const kind of kinds) {
    const cols = columns[kind];
    if (cols.length === 0) continue;
    const phrase = item.forms.map((f) => f[kind]).join(' ');
    parts.push(`${columnFilter(cols)} : ${quote(phrase)}`);
    if (kind === 'norm' && item.variants) for (const v of item.variants) parts.push(`${columnFilter(cols)} : ${quote(v)}`);
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** How required clauses combine: all must match, or any may. */
export type MatchMode = 'all' | 'any';

/** Options of {@link toFtsMatch}. */
export interface FtsMatchOptions {
  mode?: MatchMode;
  /**
   * Reward documents where consecutive query words appear next to each other (as clitic-free
   * forms), after the phrase fields of Lucene's edismax. Changes the ranking only, never the
   * set of matches (default false here; the store decides).
   */
  proximity?: boolean;
}

/**
 * Writes the FTS5 MATCH expression of a query, or undefined when it has no positive term
 * (a query of exclusions alone cannot be answered by the index).
 *
 * Positive items match on any form (exact, clitic-free or stem) so that ranking can reward
 * exact forms through column weights; exclusions match on exact and clitic-free forms only,
 * so `-العراقية` does not also remove every article about `العراق`.
 *
 * Proximity: for each pair of consecutive one-word clauses, the phrase of their clitic-free
 * forms is added in a part of the expression that every match already satisfies
 * (`ALL AND (P1 OR … OR C1 OR … OR Cn)`), so BM25 scores the pairs that occur without
 * adding documents.
 */
export function toFtsMatch(query: AnalyzedQuery, columns: FormColumns, options: FtsMatchOptions | MatchMode = {}): string | undefined {
  const { mode = 'all', proximity = false } = typeof options === 'string' ? { mode: options } : options;
  if (query.clauses.length === 0) return undefined;
  const positive = query.clauses.map((alts) => {
    const exprs = alts.map((item) => itemExpression(item, columns, ['norm', 'base', 'stem']));
    return exprs.length === 1 ? exprs[0] : `(${exprs.join(' OR ')})`;
  });
  const pairs: string[] = [];
  if (proximity && columns.base.length > 0) {
    for (let i = 0; i + 1 < query.clauses.length; i++) {
      const [a, b] = [query.clauses[i], query.clauses[i + 1]];
      if (a.length !== 1 || b.length !== 1 || a[0].forms.length !== 1 || b[0].forms.length !== 1) continue;
      pairs.push(`${columnFilter(columns.base)} : ${quote(`${a[0].forms[0].base} ${b[0].forms[0].base}`)}`);
    }
  }
  let expr = positive.length === 1 ? positive[0] : `(${positive.join(mode === 'all' ? ' AND ' : ' OR ')})`;
  if (pairs.length > 0) {
    expr = mode === 'all' ? `(${expr} AND (${[...pairs, ...positive].join(' OR ')}))` : `(${[...positive, ...pairs].join(' OR ')})`;
  }
  for (const ex of query.exclusions) expr = `${expr} NOT ${itemExpression(ex, columns, ['norm', 'base'])}`;
  return expr;
}

/** Throws a clear error for a query that has only exclusions. */
export function assertAnswerable(query: AnalyzedQuery): void {
  if (query.clauses.length === 0 && query.exclusions.length > 0) {
    throw new MarsadError('INVALID_ARGUMENT', 'A query needs at least one word or phrase to look for, besides the exclusions.');
  }
}
