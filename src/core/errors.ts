/**
 * Error codes. Every error Marsad raises on purpose carries one of these codes and a clear
 * message; the CLI prints the message and exits non-zero, and the server maps the code to
 * an HTTP status (see {@link httpStatusFor}). Clients never see stack traces.
 */

/** The table of error codes with the HTTP status each maps to. */
export const ERROR_CODES = {
  EMPTY_INPUT: 400,
  INPUT_TOO_LARGE: 413,
  INVALID_UTF8: 400,
  BINARY_INPUT: 400,
  FILE_NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  STAGE_NEEDS_UNMET: 500,
  UNKNOWN_STAGE: 400,
  MODEL_MISSING: 500,
  MODEL_CORRUPT: 500,
  DATA_MISSING: 500,
  FETCH_FAILED: 502,
  TIMEOUT: 504,
  INTERNAL: 500,
} as const;

/** A known error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a code from {@link ERROR_CODES} and optional structured details. */
export class MarsadError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MarsadError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  /** The JSON body that the API returns for this error. */
  toJSON(): { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** The HTTP status for an error code; unknown codes are 500. */
export function httpStatusFor(code: string): number {
  return (ERROR_CODES as Record<string, number>)[code] ?? 500;
}

/** True when `e` is a {@link MarsadError}. */
export function isMarsadError(e: unknown): e is MarsadError {
  return e instanceof MarsadError;
}
