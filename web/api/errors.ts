import type { ErrorCode } from '../../server/contract/index.js';

/** An API failure with the server's error code; network failures use code `network`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'aborted' | 'bad_response',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads `{ error: { code, message, details } }`; a body of another shape still yields a useful error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.message, status, error.code as ErrorCode, error.details);
  }
  return new ApiError(`HTTP ${status}`, status, 'bad_response');
}

export function isAbort(error: unknown): boolean {
  return (error instanceof DOMException && error.name === 'AbortError') || (error instanceof ApiError && error.code === 'aborted');
}
