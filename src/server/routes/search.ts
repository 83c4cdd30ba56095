/** `GET /search`: Arabic-aware full-text search with filters, facets and snippets. */
import type { FastifyPluginAsync } from 'fastify';
import type { QuerySyntax } from '../../core/search/query.js';
import type { FacetName, SearchRequest } from '../../store/store.js';
import type { RouteContext } from '../app.js';
import { errorResponses, searchQuerySchema, searchResponseSchema } from '../schemas.js';

interface SearchQuery {
  q?: string;
  from?: string;
  to?: string;
  source?: string[];
  topic?: string[];
  entity?: string[];
  eventType?: string[];
  limit: number;
  offset: number;
  sort: 'relevance' | 'date';
  mode: 'auto' | 'all' | 'any';
  syntax: QuerySyntax;
  facets?: FacetName[];
  collapse: boolean;
  snippetTokens: number;
  in: 'all' | 'title' | 'body';
  proximity: boolean;
  clitics: boolean;
}

/** Search route. */
export const searchRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: SearchQuery }>(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search articles: العراق also finds والعراق, بالعراق, للعراق; "phrases", -exclusion, a OR b; filters; facets',
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema, ...errorResponses(400, 413) },
      },
    },
    async (request) => {
      const q = request.query;
      const started = performance.now();
      const req: SearchRequest = {
        q: q.q,
        from: q.from,
        to: q.to,
        source: q.source,
        topic: q.topic,
        entity: q.entity,
        eventType: q.eventType,
        limit: q.limit,
        offset: q.offset,
        sort: q.sort,
        mode: q.mode,
        syntax: q.syntax,
        facets: q.facets,
        collapseDuplicates: q.collapse,
        snippetTokens: q.snippetTokens,
        in: q.in,
        proximity: q.proximity,
        expandProclitics: q.clitics,
      };
      const result = ctx.corpus.search(req);
      return { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    },
  );
};
