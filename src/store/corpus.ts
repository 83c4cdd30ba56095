/**
 * The corpus: a store plus the analyzer that feeds it. Documents and queries go through the
 * same analyzer here, which is what makes `العراق` find `والعراق`: whatever forms the
 * analysis gives the documents, it gives the query too.
 *
 * The analyzer is injected (any `Pipeline`); the corpus uses whichever layers it produces.
 */
import { MarsadError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { type AnalyzedQuery, analyzeQuery, assertAnswerable, parseQuery, type QuerySyntax } from '../core/search/query.js';
import { normalize } from '../core/text/normalize.js';
import { nameKey } from './entity-linking.js';
import { formsOf, prepareDocument, type PrepareOptions, termPipelineOf } from './prepare.js';
import type {
  CorpusStore,
  DocumentInput,
  EventQuery,
  EventRecord,
  Page,
  PreparedDocument,
  PutOutcome,
  QuoteRecord,
  SearchRequest,
  SearchResponse,
} from './store.js';

/** Longest query accepted, in characters. */
export const MAX_QUERY_CHARS = 1000;

/** Quote filters as the API takes them: speakers by id or by name, words as text. */
export interface QuoteSearch {
  speaker?: string[];
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Event filters as the API takes them: entities by id or by name. */
export interface EventSearch extends Omit<EventQuery, 'actor' | 'target'> {
  actor?: string[];
  target?: string[];
}

/** A store with its analyzer. */
export class Corpus {
  readonly store: CorpusStore;
  readonly analyzer: Pipeline;
  /** Tokenize → repair → morphology: what titles and queries go through. */
  readonly termPipeline: Pipeline;

  constructor(store: CorpusStore, analyzer: Pipeline) {
    this.store = store;
    this.analyzer = analyzer;
    this.termPipeline = termPipelineOf(analyzer);
  }

  /** Analyzes one input for the store (see `prepareDocument`). */
  prepare(input: DocumentInput, options: Omit<PrepareOptions, 'termPipeline'> = {}): PreparedDocument {
    return prepareDocument(input, this.analyzer, { ...options, termPipeline: this.termPipeline });
  }

  /** Analyzes and stores documents in one transaction. */
  add(inputs: readonly DocumentInput[]): PutOutcome[] {
    return this.store.putDocuments(inputs.map((i) => this.prepare(i)));
  }

  /** Parses and analyzes a query; undefined for a blank one. */
  analyzeQuery(q: string | undefined, options: { procliticVariants?: boolean; syntax?: QuerySyntax } = {}): AnalyzedQuery | undefined {
    if (q === undefined || q.trim() === '') return undefined;
    if (q.length > MAX_QUERY_CHARS) {
      throw new MarsadError('INPUT_TOO_LARGE', `The query has ${q.length} characters; the limit is ${MAX_QUERY_CHARS}.`);
    }
    const analyzed = analyzeQuery(parseQuery(q, options.syntax), (text) => formsOf(this.termPipeline, text), options);
    assertAnswerable(analyzed);
    return analyzed.clauses.length > 0 ? analyzed : undefined;
  }

  /** Searches the documents (see `SearchRequest`). */
  search(request: SearchRequest): SearchResponse {
    const query = this.analyzeQuery(request.q, { procliticVariants: request.expandProclitics, syntax: request.syntax });
    if (query === undefined && request.q !== undefined && request.q.trim() !== '') {
      // Words that analyze to nothing (only punctuation): no document can match them.
      return { total: 0, offset: request.offset ?? 0, limit: request.limit ?? 10, mode: 'all', relaxed: false, results: [], ...(request.facets?.length ? { facets: {} } : {}) };
    }
    return this.store.search({ ...request, entity: request.entity && this.resolveEntities(request.entity) }, query);
  }

  /**
   * Entity references to ids: an id (`E12`) stays; a name becomes the ids of the entities
   * that have it as name or alias, or, failing that, whose name contains it. A name that
   * matches nothing gives an id that matches nothing, so the filter stays a filter.
   */
  resolveEntities(refs: readonly string[]): string[] {
    const ids = new Set<string>();
    for (const ref of refs) {
      if (/^E\d+$/.test(ref)) {
        ids.add(ref);
        continue;
      }
      const key = nameKey(normalize(ref));
      const found = this.store.findEntities(ref, { limit: 50 }).items;
      const exact = found.filter((e) => e.aliases.includes(key) || nameKey(normalize(e.name)) === key);
      const chosen = exact.length > 0 ? exact : found.slice(0, 10);
      if (chosen.length === 0) ids.add('E0');
      for (const e of chosen) ids.add(e.id);
    }
    return [...ids];
  }

  /** Quotes by speaker (id or name) and words. */
  quotes(search: QuoteSearch): Page<QuoteRecord> {
    return this.store.quotes({
      speaker: search.speaker && search.speaker.length > 0 ? this.resolveEntities(search.speaker) : undefined,
      query: this.analyzeQuery(search.q),
      from: search.from,
      to: search.to,
      limit: search.limit,
      offset: search.offset,
    });
  }

  /** Events by type, actor, target (ids or names) and date. */
  events(search: EventSearch): Page<EventRecord> {
    return this.store.events({
      ...search,
      actor: search.actor && search.actor.length > 0 ? this.resolveEntities(search.actor) : undefined,
      target: search.target && search.target.length > 0 ? this.resolveEntities(search.target) : undefined,
    });
  }
}
