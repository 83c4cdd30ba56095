/**
 * Parsing of shared CLI option values.
 */
import { MarsadError } from '../core/errors.js';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** Parses a byte size such as `1048576`, `512KB` or `10MB`. */
export function parseByteSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new MarsadError('INVALID_ARGUMENT', `Not a size: "${value}" (use e.g. 1048576, 512KB, 10MB).`);
  return Math.floor(Number(m[1]) * unit);
}
