/**
 * The corpus store: the interface every storage backend implements.
 *
 * Callers (ingest, the HTTP API, the CLI) only see {@link CorpusStore}. The embedded
 * default is SQLite (`sqlite-store.ts`); a server database can be added behind the same
 * interface. The store does not analyze text: documents arrive prepared (analysis, index
 * terms, fingerprints; see `prepare.ts`), and queries arrive analyzed (see `corpus.ts`), so
 * a backend never needs to know which analyzer produced them.
 */
import type { AnalyzedDocument, EntityType, Role, Span } from '../core/document.js';
import type { AnalyzedQuery, MatchMode, QuerySyntax } from '../core/search/query.js';
import type { Snippet } from '../core/search/snippet.js';
import type { IndexTerms } from '../core/search/terms.js';

/** Metadata of a document as given to ingest. Only `text` is required. */
export interface DocumentInput {
  text: string;
  title?: string | null;
  /** Publisher or feed name (`BBC`, `alriyadh`). */
  source?: string | null;
  /** The publisher's own id for the article; with `source`, it identifies the article across runs. */
  sourceId?: string | null;
  url?: string | null;
  /** Publication time, any format `Date.parse` reads; stored as ISO 8601 UTC. */
  published?: string | null;
  /** BCP 47 language tag (default `ar`). */
  lang?: string | null;
  /** Any other fields of the input, kept as given. */
  meta?: Record<string, unknown> | null;
}

/** A document ready to be written: normalized metadata, analysis and everything derived from it (index terms, MinHash signature). */
export interface PreparedDocument {
  /** Public id: derived from the source key when there is one, else from the content hash. */
  id: string;
  /** `source` + `sourceId`, or the URL, or null when the input has neither. */
  sourceKey: string | null;
  /** sha256 (hex) of the normalized text. */
  contentHash: string;
  title: string | null;
  source: string | null;
  sourceId: string | null;
  url: string | null;
  /** ISO 8601 (UTC), or null. */
  published: string | null;
  lang: string;
  meta: Record<string, unknown> | null;
  /**
   * The analysis. When {@link PreparedDocument.encodedAnalysis} is set, stores write that
   * instead and read only the document-level layers here (text, topics, themes, entities,
   * quotes, events), so a sender may leave the bulky token layer out.
   */
  analysis: AnalyzedDocument;
  /**
   * The analysis already encoded for storage (`encodeAnalysis`), when a worker thread did it
   * so that the writing thread does not have to; `codec` names the encoding.
   */
  encodedAnalysis?: { codec: string; bytes: Uint8Array };
  /** Names of the stages that produced the analysis. */
  analyzer: string[];
  titleTerms: IndexTerms;
  bodyTerms: IndexTerms;
  /** MinHash signature of the body's shingles (undefined for very short texts). */
  signature: Uint32Array | undefined;
  wordCount: number;
}

/** What happened to one document on write. */
export type PutStatus = 'inserted' | 'updated' | 'unchanged' | 'duplicate';

/** The outcome of writing one document. */
export interface PutOutcome {
  status: PutStatus;
  /** Id of the stored document (for `duplicate`, the document it duplicates). */
  id: string;
  /** Set when the new document was linked as a near-duplicate of an earlier one. */
  nearDuplicateOf?: string;
}

/** A stored document. */
export interface StoredDocument {
  id: string;
  title: string | null;
  source: string | null;
  sourceId: string | null;
  url: string | null;
  published: string | null;
  lang: string;
  text: string;
  contentHash: string;
  wordCount: number;
  /** Primary topic label, when the topics stage ran. */
  topic: string | null;
  /** The earlier document this one nearly duplicates (same story, another site), or null. */
  nearDuplicateOf: string | null;
  /** Later documents that nearly duplicate this one. */
  nearDuplicates: string[];
  /** Other source keys whose content was identical to this document. */
  aliases: string[];
  /** Where those identical copies were seen, in the order they arrived (one per alias). */
  duplicates: DuplicateCopy[];
  ingestedAt: string;
  schemaVersion: number;
  analyzer: string[];
  meta: Record<string, unknown> | null;
  /** The analysis (schemaVersion as stored), when asked for. */
  analysis?: AnalyzedDocument;
}

/**
 * An exact copy of a stored document that arrived under another source key (the same wire
 * story on another site): stored once, but where it was seen is kept. Fields are null when
 * the copy did not have them, or when it was stored before the store kept them (schema 3).
 */
export interface DuplicateCopy {
  sourceKey: string;
  source: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  /** When the copy arrived (ISO 8601), or null. */
  ingestedAt: string | null;
}

/** Facet names. */
export type FacetName = 'source' | 'topic' | 'entity' | 'eventType' | 'date';

/** A search request. All filters combine with AND; values within one filter with OR. */
export interface SearchRequest {
  /** Query text (see `parseQuery`). Empty: browse the filtered documents by date. */
  q?: string;
  /** Inclusive date range on publication date, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  source?: string[];
  topic?: string[];
  /** Global entity ids: the document must mention every one. */
  entity?: string[];
  /** Event type or CAMEO code prefix. */
  eventType?: string[];
  limit?: number;
  offset?: number;
  sort?: 'relevance' | 'date';
  /** `all`: every word required; `any`: any word; `auto` (default): `all`, relaxed to `any` when nothing matches. */
  mode?: MatchMode | 'auto';
  /**
   * `query` (default): `"phrases"`, `-exclusions` and `OR` are operators; `plain`: the query is
   * text (a headline pasted in), its quote marks, `-` and `OR` are not operators.
   */
  syntax?: QuerySyntax;
  /** Facets to count over all matches (default: none). */
  facets?: FacetName[];
  /** Show one document per near-duplicate cluster (default true). */
  collapseDuplicates?: boolean;
  /** Tokens in a snippet window (default 32). */
  snippetTokens?: number;
  /** Where words must match: title and text (default), title only, or text only. */
  in?: 'all' | 'title' | 'body';
  /**
   * Rank documents with consecutive query words next to each other higher (default false:
   * on ANT fold-8 titles it did not help and doubled query time).
   */
  proximity?: boolean;
  /** Also match one-word query items with a proclitic (`روسيا` → `وروسيا`); default false (see `analyzeQuery`). */
  expandProclitics?: boolean;
}

/** One search result. */
export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  topic: string | null;
  /**
   * BM25 score (higher is better); 0 when browsing without a query. Results come in score
   * order, except that a document whose title is the whole query comes first.
   */
  score: number;
  /** Snippet of the text; highlights are offsets into the ORIGINAL document text. */
  snippet: Snippet;
  /** Matches in the title, as offsets into the title. */
  titleHighlights: Span[];
  /** Number of near-duplicates folded into this result. */
  nearDuplicates: number;
}

/** A facet value and its count of matching documents. */
export interface FacetCount {
  value: string;
  count: number;
  /** Display label (entity facet: the entity's name). */
  label?: string;
  /** Entity facet: the entity type. */
  type?: string;
}

/** Facet counts; only the facets asked for are present. `date` counts per month (`YYYY-MM`). */
export type Facets = Partial<Record<FacetName, FacetCount[]>>;

/** The answer to a search. */
export interface SearchResponse {
  total: number;
  offset: number;
  limit: number;
  /** The match mode actually used. */
  mode: MatchMode;
  /** True when `auto` mode found nothing with every word and relaxed to any word. */
  relaxed: boolean;
  results: SearchHit[];
  facets?: Facets;
}

/** An entity of the corpus. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  documents: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A role with the number of documents that give it. */
export interface RoleCount extends Role {
  count: number;
}

/** Mentions of an entity in one period. */
export interface TimelinePoint {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  period: string;
  mentions: number;
  documents: number;
}

/** Another entity and the number of documents both appear in. */
export interface Cooccurrence {
  entity: Pick<EntitySummary, 'id' | 'type' | 'name'>;
  documents: number;
}

/** A stored quote. */
export interface QuoteRecord {
  id: number;
  documentId: string;
  documentTitle: string | null;
  published: string | null;
  speaker: Pick<EntitySummary, 'id' | 'type' | 'name'> | null;
  speakerText: string | null;
  cue: string;
  kind: 'direct' | 'indirect';
  text: string;
  /** Offsets in the document's original text. */
  start: number;
  end: number;
}

/** A stored event. */
export interface EventRecord {
  id: number;
  documentId: string;
  documentTitle: string | null;
  published: string | null;
  type: string;
  cameo: string;
  trigger: Span & { text: string };
  modality: string | null;
  time: { text: string; date: string | null } | null;
  participants: { entity: Pick<EntitySummary, 'id' | 'type' | 'name'>; role: 'actor' | 'target' | 'place' }[];
}

/** An entity's profile page. */
export interface EntityProfile extends EntitySummary {
  roles: RoleCount[];
  timeline: TimelinePoint[];
  quotes: QuoteRecord[];
  cooccurring: Cooccurrence[];
  events: EventRecord[];
}

/** Filters for quotes. */
export interface QuoteQuery {
  /** Global entity id of the speaker. */
  speaker?: string[];
  /** Analyzed words to look for in the quote text. */
  query?: AnalyzedQuery;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Filters for events. */
export interface EventQuery {
  /** Event type or CAMEO code prefix. */
  type?: string[];
  /** Global entity ids in the actor role. */
  actor?: string[];
  /** Global entity ids in the target role. */
  target?: string[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** A page of items with the total count. */
export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

/** Counts for `/health` and the CLI. */
export interface StoreStats {
  documents: number;
  nearDuplicates: number;
  entities: number;
  quotes: number;
  events: number;
  schemaVersion: number;
}

/** A cached HTTP validator for conditional requests. */
export interface FetchValidator {
  url: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
}

/** The storage backend interface. */
export interface CorpusStore {
  /** A short name of the backend (`sqlite`). */
  readonly kind: string;
  /** True when a document with this source key (or an alias of it) is stored. */
  hasSourceKey(key: string): boolean;
  /** True when a document with this content hash is stored. */
  hasContentHash(hash: string): boolean;
  /** Writes documents in one transaction: all of them or none. */
  putDocuments(docs: readonly PreparedDocument[]): PutOutcome[];
  /** A document by public id; `analysis: true` includes the analysis JSON. */
  getDocument(id: string, options?: { analysis?: boolean }): StoredDocument | undefined;
  /** Deletes a document with everything derived from it. Returns false when it did not exist. */
  deleteDocument(id: string): boolean;
  /** Full-text search with filters and facets; `query` is the analyzed `request.q`. */
  search(request: SearchRequest, query: AnalyzedQuery | undefined): SearchResponse;
  /** Entities whose name or an alias contains the normalized text (all when empty), most documents first. */
  findEntities(text: string, options?: { type?: EntityType; limit?: number; offset?: number }): Page<EntitySummary>;
  /** An entity's profile, or undefined. `granularity` sets the timeline's period. */
  getEntity(id: string, options?: { granularity?: 'day' | 'month'; limit?: number }): EntityProfile | undefined;
  quotes(query: QuoteQuery): Page<QuoteRecord>;
  events(query: EventQuery): Page<EventRecord>;
  stats(): StoreStats;
  /** HTTP validators remembered for conditional GETs. */
  getFetchValidator(url: string): FetchValidator | undefined;
  setFetchValidator(validator: FetchValidator): void;
  close(): void;
}
