/** `GET /quotes?speaker=&q=`, `GET /events?type=&actor=&from=&to=`. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';
import { errorResponses, eventSchema, eventsQuerySchema, pageSchema, quoteSchema, quotesQuerySchema } from '../schemas.js';

/** Quote and event routes. */
export const quoteAndEventRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: { speaker?: string[]; q?: string; from?: string; to?: string; limit: number; offset: number } }>(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Quotes by speaker (id or name) containing words, newest first',
        querystring: quotesQuerySchema,
        response: { 200: pageSchema(quoteSchema), ...errorResponses(400) },
      },
    },
    async (request) => ctx.corpus.quotes(request.query),
  );

  app.get<{ Querystring: { type?: string[]; actor?: string[]; target?: string[]; from?: string; to?: string; limit: number; offset: number } }>(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Events by type (or CAMEO prefix), actor, target and date, newest first',
        querystring: eventsQuerySchema,
        response: { 200: pageSchema(eventSchema), ...errorResponses(400) },
      },
    },
    async (request) => ctx.corpus.events(request.query),
  );
};
