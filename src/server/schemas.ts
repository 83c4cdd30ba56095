/**
 * JSON schemas of the HTTP API: request validation, response serialization and the
 * OpenAPI document at `/openapi.json` all come from these, so they cannot drift apart.
 */

/** Largest article text accepted by `POST /analyze` and `POST /documents`, in characters. */
export const MAX_TEXT_CHARS = 500_000;

const nullableString = { type: ['string', 'null'] } as const;

/** The error body of every failed request. */
export const errorSchema = {
  type: 'object',
  description: 'An error: a stable code (see ERROR_CODES) and a human-readable message. Never a stack trace.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', examples: ['VALIDATION'] },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

/** Standard error responses for a route. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

const span = {
  type: 'object',
  properties: { start: { type: 'integer' }, end: { type: 'integer' } },
  required: ['start', 'end'],
} as const;

const entityRef = {
  type: 'object',
  properties: { id: { type: 'string', examples: ['E12'] }, type: { type: 'string', enum: ['PER', 'LOC', 'ORG', 'MISC'] }, name: { type: 'string' } },
  required: ['id', 'type', 'name'],
} as const;

/** The analysis JSON (schemaVersion 1); its layers are documented in `src/core/document.ts`. */
export const analysisSchema = {
  type: 'object',
  description: 'AnalyzedDocument (schemaVersion 1): text plus the layers the analyzer produced (tokens, sentences, repairs, entities, quotes, events, topics, …), every span in UTF-16 offsets of the original text.',
  additionalProperties: true,
  properties: { schemaVersion: { type: 'integer' }, text: { type: 'string' } },
  required: ['schemaVersion', 'text'],
} as const;

/** Fields of an article sent for storage. */
export const documentInputSchema = {
  type: 'object',
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS, description: 'The article text, as published.' },
    title: nullableString,
    source: { ...nullableString, description: 'Publisher or feed name.' },
    id: { ...nullableString, description: "The publisher's id for the article; with source, makes re-posting idempotent." },
    url: nullableString,
    date: { ...nullableString, description: 'Publication time (ISO 8601, RFC 2822 or YYYY-MM-DD).' },
    lang: nullableString,
    meta: { type: ['object', 'null'], additionalProperties: true },
  },
  required: ['text'],
  additionalProperties: false,
} as const;

/** Outcome of storing one document. */
export const putOutcomeSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['inserted', 'updated', 'unchanged', 'duplicate'] },
    id: { type: 'string' },
    nearDuplicateOf: { type: 'string' },
  },
  required: ['status', 'id'],
} as const;

/** A stored document. */
export const storedDocumentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: nullableString,
    source: nullableString,
    sourceId: nullableString,
    url: nullableString,
    published: nullableString,
    lang: { type: 'string' },
    text: { type: 'string' },
    contentHash: { type: 'string' },
    wordCount: { type: 'integer' },
    topic: nullableString,
    nearDuplicateOf: nullableString,
    nearDuplicates: { type: 'array', items: { type: 'string' } },
    aliases: { type: 'array', items: { type: 'string' } },
    duplicates: {
      type: 'array',
      description: 'Exact copies stored once: where each was seen (null fields: not given, or stored before schema 3)',
      items: {
        type: 'object',
        properties: {
          sourceKey: { type: 'string' },
          source: nullableString,
          url: nullableString,
          title: nullableString,
          published: nullableString,
          ingestedAt: nullableString,
        },
        required: ['sourceKey', 'source', 'url', 'title', 'published', 'ingestedAt'],
      },
    },
    ingestedAt: { type: 'string' },
    schemaVersion: { type: 'integer' },
    analyzer: { type: 'array', items: { type: 'string' } },
    meta: { type: ['object', 'null'], additionalProperties: true },
    analysis: analysisSchema,
  },
  required: ['id', 'text', 'schemaVersion'],
} as const;

const facetList = {
  type: 'array',
  items: {
    type: 'object',
    properties: { value: { type: 'string' }, count: { type: 'integer' }, label: { type: 'string' }, type: { type: 'string' } },
    required: ['value', 'count'],
  },
} as const;

/** The answer of `GET /search`. */
export const searchResponseSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    offset: { type: 'integer' },
    limit: { type: 'integer' },
    mode: { type: 'string', enum: ['all', 'any'] },
    relaxed: { type: 'boolean', description: 'True when no document had every word and the search fell back to any word.' },
    tookMs: { type: 'number' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: nullableString,
          source: nullableString,
          url: nullableString,
          published: nullableString,
          topic: nullableString,
          score: { type: 'number' },
          snippet: {
            type: 'object',
            description: 'text === document.text.slice(start, end); highlights are offsets in the ORIGINAL document text.',
            properties: {
              start: { type: 'integer' },
              end: { type: 'integer' },
              text: { type: 'string' },
              highlights: { type: 'array', items: span },
              truncatedStart: { type: 'boolean' },
              truncatedEnd: { type: 'boolean' },
            },
            required: ['start', 'end', 'text', 'highlights'],
          },
          titleHighlights: { type: 'array', items: span, description: 'Offsets into the title.' },
          nearDuplicates: { type: 'integer' },
        },
        required: ['id', 'score', 'snippet'],
      },
    },
    facets: {
      type: 'object',
      properties: { source: facetList, topic: facetList, entity: facetList, eventType: facetList, date: facetList },
    },
  },
  required: ['total', 'offset', 'limit', 'mode', 'relaxed', 'results'],
} as const;

const stringList = { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 20 } as const;
const dateParam = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (inclusive).' } as const;
const limit = (dflt: number) => ({ type: 'integer', minimum: 1, maximum: 100, default: dflt }) as const;
const offset = { type: 'integer', minimum: 0, maximum: 10_000, default: 0 } as const;

/** Query string of `GET /search`. Lists repeat the key (`source=a&source=b`). */
export const searchQuerySchema = {
  type: 'object',
  properties: {
    q: {
      type: 'string',
      maxLength: 1000,
      description: 'Words (all required), "phrases", -exclusions and a OR b. Empty: browse the filtered documents by date.',
    },
    from: dateParam,
    to: dateParam,
    source: stringList,
    topic: stringList,
    entity: { ...stringList, description: 'Entity ids (E12) or names; the document must mention each.' },
    eventType: { ...stringList, description: 'Event type or CAMEO code prefix.' },
    limit: limit(10),
    offset,
    sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
    mode: { type: 'string', enum: ['auto', 'all', 'any'], default: 'auto' },
    syntax: {
      type: 'string',
      enum: ['query', 'plain'],
      default: 'query',
      description: 'query: "phrases", -exclusion and OR are operators; plain: q is text (a pasted headline), with no operators.',
    },
    facets: { type: 'array', items: { type: 'string', enum: ['source', 'topic', 'entity', 'eventType', 'date'] }, maxItems: 5 },
    collapse: { type: 'boolean', default: true, description: 'One result per near-duplicate cluster.' },
    snippetTokens: { type: 'integer', minimum: 5, maximum: 200, default: 32 },
    in: { type: 'string', enum: ['all', 'title', 'body'], default: 'all', description: 'Match in title and text, the title only, or the text only.' },
    proximity: { type: 'boolean', default: false, description: 'Rank documents where consecutive query words are adjacent higher.' },
    clitics: { type: 'boolean', default: false, description: 'Also match bare query words with a proclitic (روسيا → وروسيا, بروسيا).' },
  },
  additionalProperties: false,
} as const;

/** An entity in lists. */
export const entitySummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    documents: { type: 'integer' },
    mentions: { type: 'integer' },
    firstSeen: nullableString,
    lastSeen: nullableString,
  },
  required: ['id', 'type', 'name', 'aliases', 'documents', 'mentions'],
} as const;

/** A stored quote. */
export const quoteSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    documentTitle: nullableString,
    published: nullableString,
    speaker: { anyOf: [entityRef, { type: 'null' }] },
    speakerText: nullableString,
    cue: { type: 'string' },
    kind: { type: 'string', enum: ['direct', 'indirect'] },
    text: { type: 'string' },
    start: { type: 'integer' },
    end: { type: 'integer' },
  },
  required: ['id', 'documentId', 'text', 'start', 'end'],
} as const;

/** A stored event. */
export const eventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    documentTitle: nullableString,
    published: nullableString,
    type: { type: 'string' },
    cameo: { type: 'string' },
    trigger: { type: 'object', properties: { text: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } },
    modality: nullableString,
    time: {
      anyOf: [{ type: 'object', properties: { text: { type: 'string' }, date: nullableString } }, { type: 'null' }],
    },
    participants: {
      type: 'array',
      items: { type: 'object', properties: { entity: entityRef, role: { type: 'string', enum: ['actor', 'target', 'place'] } } },
    },
  },
  required: ['id', 'documentId', 'type', 'cameo'],
} as const;

/** A page of items. */
export function pageSchema(items: object): object {
  return {
    type: 'object',
    properties: { total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, items: { type: 'array', items } },
    required: ['total', 'offset', 'limit', 'items'],
  };
}

/** An entity's profile. */
export const entityProfileSchema = {
  type: 'object',
  properties: {
    ...entitySummarySchema.properties,
    roles: {
      type: 'array',
      items: { type: 'object', properties: { title: { type: 'string' }, country: { type: 'string' }, org: { type: 'string' }, count: { type: 'integer' } } },
    },
    timeline: {
      type: 'array',
      items: { type: 'object', properties: { period: { type: 'string' }, mentions: { type: 'integer' }, documents: { type: 'integer' } } },
    },
    quotes: { type: 'array', items: quoteSchema },
    cooccurring: { type: 'array', items: { type: 'object', properties: { entity: entityRef, documents: { type: 'integer' } } } },
    events: { type: 'array', items: eventSchema },
  },
  required: [...entitySummarySchema.required, 'roles', 'timeline', 'quotes', 'cooccurring', 'events'],
} as const;

/** Query strings of the list routes. */
export const entitiesQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200, default: '' },
    type: { type: 'string', enum: ['PER', 'LOC', 'ORG', 'MISC'] },
    limit: limit(20),
    offset,
  },
  additionalProperties: false,
} as const;

export const quotesQuerySchema = {
  type: 'object',
  properties: {
    speaker: { ...stringList, description: 'Speaker entity ids (E12) or names.' },
    q: { type: 'string', maxLength: 1000, description: 'Words in the quote (same syntax as /search).' },
    from: dateParam,
    to: dateParam,
    limit: limit(20),
    offset,
  },
  additionalProperties: false,
} as const;

export const eventsQuerySchema = {
  type: 'object',
  properties: {
    type: { ...stringList, description: 'Event type or CAMEO code prefix.' },
    actor: { ...stringList, description: 'Actor entity ids or names.' },
    target: { ...stringList, description: 'Target entity ids or names.' },
    from: dateParam,
    to: dateParam,
    limit: limit(20),
    offset,
  },
  additionalProperties: false,
} as const;
