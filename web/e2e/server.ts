/**
 * Starts the real Marsad server (`node dist/cli/bin.js serve`) on a temporary SQLite
 * database and a free port, serving the built UI, as `npm start` would. Needs `npm run build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running server. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  token: string;
  /** Everything the server wrote to stderr (startup lines, internal errors). */
  log: () => string;
  stop(): Promise<void>;
}

/** The write token the tests give the server. */
export const SERVER_TOKEN = 'e2e-secret-token';

/** Starts the server; resolves once it listens. */
export async function startServer(): Promise<RunningServer> {
  const root = resolve('.');
  const bin = join(root, 'dist/cli/bin.js');
  if (!existsSync(bin) || !existsSync(join(root, 'web/dist/index.html'))) throw new Error('Build first: `npm run build` (dist/ and web/dist/).');
  const dir = mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'marsad.db')], {
    cwd: root,
    env: { ...process.env, MARSAD_TOKEN: SERVER_TOKEN, PORT: '', MARSAD_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving on (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1].replace(/\/$/, ''));
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    token: SERVER_TOKEN,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
