/** `POST /analyze`: analysis of one text, not stored. */
import type { FastifyPluginAsync } from 'fastify';
import { MarsadError } from '../../core/errors.js';
import { createPipeline } from '../../core/pipeline.js';
import type { RouteContext } from '../app.js';
import { analysisSchema, errorResponses, MAX_TEXT_CHARS } from '../schemas.js';

interface AnalyzeBody {
  text: string;
  date?: string;
  stages?: string[];
}

/** Analyze route. */
export const analyzeRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.post<{ Body: AnalyzeBody | string; Querystring: { date?: string } }>(
    '/analyze',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Analyze a text (JSON {text, date?, stages?} or a text/plain body) without storing it',
        querystring: { type: 'object', properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } },
        body: {
          anyOf: [
            {
              type: 'object',
              properties: {
                text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS },
                date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Publication date, to resolve relative times.' },
                stages: { type: 'array', items: { type: 'string' }, maxItems: 20, description: 'Subset of stages to run.' },
              },
              required: ['text'],
              additionalProperties: false,
            },
            { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS },
          ],
        },
        response: { 200: analysisSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      const body = typeof request.body === 'string' ? { text: request.body } : request.body;
      if (body.text.trim() === '') throw new MarsadError('EMPTY_INPUT', 'The text is empty.');
      const date = body.date ?? request.query.date;
      const analyzer = body.stages ? createPipeline(ctx.corpus.analyzer.stages, { only: body.stages }) : ctx.corpus.analyzer;
      return analyzer.analyze(body.text, date ? { date } : {});
    },
  );
};
