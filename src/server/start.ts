/**
 * Starting the server on the embedded database: `npm start` and `marsad serve`.
 * PORT, HOST, MARSAD_DB and MARSAD_TOKEN come from the environment unless given.
 */
import type { FastifyInstance } from 'fastify';
import { MarsadError } from '../core/errors.js';
import { openCorpus } from '../store/open.js';
import { buildServer } from './app.js';

/** Options of {@link startServer}. */
export interface StartOptions {
  port?: number;
  host?: string;
  db?: string;
  token?: string;
  staticDir?: string | false;
  logger?: boolean;
}

/** Opens (creating if missing) the database, builds the server and listens. Closes both on SIGINT/SIGTERM. */
export async function startServer(options: StartOptions = {}): Promise<FastifyInstance> {
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MarsadError('INVALID_ARGUMENT', `Not a port: ${process.env.PORT ?? options.port}`);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const token = options.token ?? (process.env.MARSAD_TOKEN || undefined);
  const corpus = openCorpus({ db: options.db });
  const app = await buildServer({ corpus, token, staticDir: options.staticDir, logger: options.logger });
  app.addHook('onClose', async () => corpus.store.close());
  const address = await app.listen({ port, host });
  const s = corpus.store.stats();
  process.stderr.write(
    `marsad: serving on ${address} (API description at ${address}/openapi.json)\n` +
      `marsad: database ${corpus.store.path} (${s.documents} documents), analyzer stages: ${corpus.analyzer.stages.map((x) => x.name).join(', ')}\n` +
      `marsad: writes ${token ? 'enabled (bearer token from MARSAD_TOKEN)' : 'disabled (set MARSAD_TOKEN to enable POST /documents)'}\n`,
  );
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
