/** `POST /documents` (token), `GET /documents/:id`, `DELETE /documents/:id` (token). */
import type { FastifyPluginAsync } from 'fastify';
import { MarsadError } from '../../core/errors.js';
import type { RouteContext } from '../app.js';
import { requireToken } from '../auth.js';
import { documentInputSchema, errorResponses, putOutcomeSchema, storedDocumentSchema } from '../schemas.js';

interface DocumentBody {
  text: string;
  title?: string | null;
  source?: string | null;
  id?: string | null;
  url?: string | null;
  date?: string | null;
  lang?: string | null;
  meta?: Record<string, unknown> | null;
}

const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['id'] } as const;

/** Document routes. */
export const documentRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  const auth = requireToken(ctx.token);

  app.post<{ Body: DocumentBody }>(
    '/documents',
    {
      preHandler: auth,
      schema: {
        tags: ['documents'],
        summary: 'Analyze and store an article (idempotent by source + id, URL, or content)',
        security: [{ bearer: [] }],
        body: documentInputSchema,
        response: { 200: putOutcomeSchema, 201: putOutcomeSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const [outcome] = ctx.corpus.add([
        { text: b.text, title: b.title, source: b.source, sourceId: b.id, url: b.url, published: b.date, lang: b.lang, meta: b.meta },
      ]);
      const created = outcome.status === 'inserted' || outcome.status === 'updated';
      void reply.status(created ? 201 : 200).header('location', `/documents/${outcome.id}`);
      return outcome;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { analysis: boolean } }>(
    '/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'A stored article with its metadata and (by default) its analysis',
        params: idParams,
        querystring: { type: 'object', properties: { analysis: { type: 'boolean', default: true } } },
        response: { 200: storedDocumentSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const doc = ctx.corpus.store.getDocument(request.params.id, { analysis: request.query.analysis });
      if (!doc) throw new MarsadError('NOT_FOUND', `No document with id ${request.params.id}.`);
      return doc;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/documents/:id',
    {
      preHandler: auth,
      schema: {
        tags: ['documents'],
        summary: 'Delete a stored article and everything derived from it',
        security: [{ bearer: [] }],
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      if (!ctx.corpus.store.deleteDocument(request.params.id)) throw new MarsadError('NOT_FOUND', `No document with id ${request.params.id}.`);
      return reply.status(204).send();
    },
  );
};
