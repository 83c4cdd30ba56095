/**
 * Turning user input bytes into text, with clear errors instead of crashes or garbage:
 * empty input, binary input, invalid UTF-8 (with the byte offset), input over a size limit.
 * Shared by the CLI and the server.
 */
import { MarsadError } from '../errors.js';

/** Default limit on input size: 10 MB, far above any news article. */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Options for {@link decodeInput}. */
export interface DecodeInputOptions {
  /** Maximum accepted size in bytes. */
  maxBytes?: number;
  /** Name of the input, for messages (a file name, or "standard input"). */
  source?: string;
}

/**
 * Returns the byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are
 * valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * True when the bytes look binary rather than text: a NUL byte, or many control
 * characters other than tab, line feed, carriage return and form feed, in the first 8 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * Validates and decodes input bytes as UTF-8 text.
 * @throws MarsadError `INPUT_TOO_LARGE`, `BINARY_INPUT`, `INVALID_UTF8` (with `byteOffset`) or `EMPTY_INPUT`.
 */
export function decodeInput(bytes: Uint8Array, { maxBytes = DEFAULT_MAX_INPUT_BYTES, source = 'input' }: DecodeInputOptions = {}): string {
  if (bytes.length > maxBytes) {
    throw new MarsadError('INPUT_TOO_LARGE', `${source} is ${bytes.length} bytes, over the limit of ${maxBytes} bytes (raise it with --max-bytes).`, {
      bytes: bytes.length,
      maxBytes,
    });
  }
  if (looksBinary(bytes)) {
    throw new MarsadError('BINARY_INPUT', `${source} looks like a binary file, not text.`);
  }
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new MarsadError('INVALID_UTF8', `${source} is not valid UTF-8: bad byte 0x${bytes[bad].toString(16).padStart(2, '0')} at byte offset ${bad}.`, {
      byteOffset: bad,
    });
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return checkText(text, source);
}

/**
 * Checks already-decoded text (from an API body, say) for emptiness.
 * @throws MarsadError `EMPTY_INPUT` when the text is empty or only white space.
 */
export function checkText(text: string, source = 'input'): string {
  if (!/[^\s\p{Cf}]/u.test(text)) throw new MarsadError('EMPTY_INPUT', `${source} is empty: there is no text to analyze.`);
  return text;
}
