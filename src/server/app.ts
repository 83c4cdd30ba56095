/**
 * The HTTP API on Fastify. Routes are thin plugins (`routes/*.ts`): validate with JSON
 * schema, call the corpus, return JSON. Everything that can go wrong maps to an error code
 * from `core/errors.ts` and its HTTP status; clients never see a stack trace.
 *
 * When a built web UI is present (`web/dist` by default), it is served at `/`; the API
 * routes keep their paths, so the UI should route on the client side (hash routes).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ERROR_CODES, httpStatusFor, isMarsadError, MarsadError } from '../core/errors.js';
import type { Corpus } from '../store/corpus.js';
import { analyzeRoutes } from './routes/analyze.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { healthRoutes } from './routes/health.js';
import { quoteAndEventRoutes } from './routes/quotes-events.js';
import { searchRoutes } from './routes/search.js';

/** Options of {@link buildServer}. */
export interface ServerOptions {
  corpus: Corpus;
  /** Bearer token for write endpoints; without it, writes are refused. */
  token?: string;
  /** Largest request body in bytes (default 2 MB). */
  bodyLimit?: number;
  /** Time allowed to receive a whole request, in ms (default 30 s). */
  requestTimeoutMs?: number;
  /** Folder of a built web UI to serve at `/` (default `web/dist`, when it exists; `false` for none). */
  staticDir?: string | false;
  /** Fastify logging (default off). */
  logger?: boolean;
  version?: string;
}

/** Builds the API server (not listening yet: call `listen`, or `inject` in tests). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    connectionTimeout: options.requestTimeoutMs ?? 30_000,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: false } },
  });

  // Plain-text bodies are articles (POST /analyze with a dropped .txt file).
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError | MarsadError, request, reply) => {
    const send = (code: string, message: string, details?: Record<string, unknown>): void => {
      void reply.status(httpStatusFor(code)).send({ error: { code, message, ...(details ? { details } : {}) } });
    };
    if (isMarsadError(error)) return send(error.code, error.message, error.details);
    const fe = error as FastifyError;
    if (fe.validation) {
      return send('VALIDATION', `Invalid request: ${fe.message}`, {
        issues: fe.validation.map((v) => ({ path: v.instancePath || fe.validationContext, message: v.message })),
      });
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send('INPUT_TOO_LARGE', `The request body is over the limit of ${app.initialConfig.bodyLimit} bytes.`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json) or, for /analyze, plain text (text/plain).');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send('EMPTY_INPUT', 'The request body is empty.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send('VALIDATION', 'The Content-Length does not match the body.');
    }
    if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON and the like: the client's fault, with Fastify's message (no stack).
      return send(fe.statusCode === 413 ? 'INPUT_TOO_LARGE' : 'VALIDATION', fe.message);
    }
    request.log.error({ err: error }, 'internal error');
    if (!options.logger) process.stderr.write(`marsad server: internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
    return send('INTERNAL', 'Internal error. The server log has the details.');
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Marsad API',
        description:
          'Arabic news intelligence: analysis, storage, Arabic-aware search, cross-article entities, quotes and events. ' +
          'Every span is [start, end) in UTF-16 code units of the original text. Errors are {error: {code, message}} with ' +
          `codes: ${Object.entries(ERROR_CODES)
            .map(([c, s]) => `${c} (${s})`)
            .join(', ')}.`,
        version: options.version ?? '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The MARSAD_TOKEN of the server.' } } },
      tags: [
        { name: 'analysis', description: 'Analyze a text without storing it' },
        { name: 'documents', description: 'Store and read articles' },
        { name: 'search', description: 'Full-text search with filters and facets' },
        { name: 'entities', description: 'People, places and organizations across articles' },
        { name: 'quotes', description: 'Who said what' },
        { name: 'events', description: 'Who did what to whom' },
        { name: 'meta', description: 'Health and API description' },
      ],
    },
  });

  const ctx = { corpus: options.corpus, token: options.token, version: options.version ?? '0.1.0' };
  await app.register(healthRoutes, ctx);
  await app.register(analyzeRoutes, ctx);
  await app.register(documentRoutes, ctx);
  await app.register(searchRoutes, ctx);
  await app.register(entityRoutes, ctx);
  await app.register(quoteAndEventRoutes, ctx);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const staticDir = options.staticDir === false ? undefined : resolve(options.staticDir ?? 'web/dist');
  if (staticDir && existsSync(resolve(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'], wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } }, async () => ({
      name: 'Marsad API',
      version: ctx.version,
      openapi: '/openapi.json',
      ui: 'not built (no web/dist/index.html)',
    }));
  }
  return app;
}

/** Route plugin context. */
export interface RouteContext {
  corpus: Corpus;
  token?: string;
  version: string;
}
