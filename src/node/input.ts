/**
 * Reading user input (a file or standard input) as validated text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { MarsadError } from '../core/errors.js';
import { decodeInput, DEFAULT_MAX_INPUT_BYTES } from '../core/text/input.js';

/**
 * Reads a file (or standard input for `-` or no path) and decodes it with the checks of
 * `decodeInput`. Refuses an over-size file before reading it.
 */
export async function readTextInput(path: string | undefined, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<string> {
  if (path === undefined || path === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of process.stdin) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) {
        throw new MarsadError('INPUT_TOO_LARGE', `standard input is over the limit of ${maxBytes} bytes (raise it with --max-bytes).`, { maxBytes });
      }
      chunks.push(buf);
    }
    return decodeInput(Buffer.concat(chunks), { maxBytes, source: 'standard input' });
  }
  if (!existsSync(path)) throw new MarsadError('FILE_NOT_FOUND', `File not found: ${path}`, { path });
  const stat = statSync(path);
  if (stat.isDirectory()) throw new MarsadError('INVALID_ARGUMENT', `${path} is a folder, not a file.`, { path });
  if (stat.size > maxBytes) {
    throw new MarsadError('INPUT_TOO_LARGE', `${path} is ${stat.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-bytes).`, {
      bytes: stat.size,
      maxBytes,
    });
  }
  return decodeInput(readFileSync(path), { maxBytes, source: path });
}
