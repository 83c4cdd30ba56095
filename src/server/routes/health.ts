/** `GET /health`: liveness plus what the server runs on. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';

/** Health route. */
export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  const started = Date.now();
  app.get(
    '/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness, store counts and analyzer stages',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ok'] },
              version: { type: 'string' },
              uptimeSeconds: { type: 'number' },
              store: {
                type: 'object',
                properties: {
                  kind: { type: 'string' },
                  documents: { type: 'integer' },
                  nearDuplicates: { type: 'integer' },
                  entities: { type: 'integer' },
                  quotes: { type: 'integer' },
                  events: { type: 'integer' },
                  schemaVersion: { type: 'integer' },
                },
              },
              analyzer: { type: 'object', properties: { stages: { type: 'array', items: { type: 'string' } } } },
              writes: { type: 'boolean', description: 'True when the server has a token, so write endpoints can be used.' },
            },
          },
        },
      },
    },
    async () => ({
      status: 'ok',
      version: ctx.version,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      store: { kind: ctx.corpus.store.kind, ...ctx.corpus.store.stats() },
      analyzer: { stages: ctx.corpus.analyzer.stages.map((s) => s.name) },
      writes: Boolean(ctx.token),
    }),
  );
};
