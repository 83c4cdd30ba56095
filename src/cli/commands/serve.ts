/**
 * `marsad serve`: the HTTP API (and the web UI when built) on the embedded database.
 */
import type { Command } from 'commander';
import { startServer } from '../../server/start.js';

/** Registers `serve` on the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (and the web UI when built) on the embedded database; PORT, HOST, MARSAD_DB, MARSAD_TOKEN')
    .option('--port <n>', 'port (default: $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--db <path>', 'database file (default: $MARSAD_DB or ./var/marsad.db)')
    .option('--static <dir>', 'folder of the built web UI (default: web/dist when present)')
    .option('--log', 'log requests')
    .action(async (opts: { port?: string; host?: string; db?: string; static?: string; log?: boolean }) => {
      await startServer({
        port: opts.port !== undefined ? Number(opts.port) : undefined,
        host: opts.host,
        db: opts.db,
        staticDir: opts.static,
        logger: opts.log,
      });
      // Keep running: the server holds the event loop until SIGINT/SIGTERM.
      await new Promise<never>(() => undefined);
    });
}
