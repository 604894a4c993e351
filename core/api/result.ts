// Results, not exceptions, across processes (STYLE.md): every API call answers with an envelope.

export interface ApiError {
  /** Stable machine-readable code, e.g. E_NOT_FOUND, E_CONFLICT, E_INVALID_INPUT. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  /** Optional structured details (for example the list of model errors with JSON Pointers). */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, details?: unknown): { ok: false; error: ApiError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** An error a handler throws on purpose; dispatch turns it into a failed result. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
