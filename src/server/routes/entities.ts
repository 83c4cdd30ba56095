/** `GET /entities?q=`, `GET /entities/:id`. */
import type { FastifyPluginAsync } from 'fastify';
import type { EntityType } from '../../core/document.js';
import { MarsadError } from '../../core/errors.js';
import type { RouteContext } from '../app.js';
import { entitiesQuerySchema, entityProfileSchema, entitySummarySchema, errorResponses, pageSchema } from '../schemas.js';

/** Entity routes. */
export const entityRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: { q: string; type?: EntityType; limit: number; offset: number } }>(
    '/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Entities whose name or an alias contains q (all when empty), most documented first',
        querystring: entitiesQuerySchema,
        response: { 200: pageSchema(entitySummarySchema), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, type, limit, offset } = request.query;
      return ctx.corpus.store.findEntities(q, { type, limit, offset });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { granularity: 'day' | 'month'; limit: number } }>(
    '/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'An entity: aliases, roles, mentions over time, quotes, co-occurring entities and events',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^E\\d+$' } }, required: ['id'] },
        querystring: {
          type: 'object',
          properties: {
            granularity: { type: 'string', enum: ['day', 'month'], default: 'month' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
        response: { 200: entityProfileSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const profile = ctx.corpus.store.getEntity(request.params.id, request.query);
      if (!profile) throw new MarsadError('NOT_FOUND', `No entity with id ${request.params.id}.`);
      return profile;
    },
  );
};
