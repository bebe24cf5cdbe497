import type { ErrorCode } from '../../server/contract/index.js';
import type { MessageKey } from '../i18n/index.js';

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

/** A message of the catalogue that tells a user what went wrong. */
export interface ErrorMessage {
  key: MessageKey;
  /** Parameters of the message that are district codes, for the caller to name in the language shown. */
  districts?: Record<string, string>;
}

const DISTRICT_CODE = /^\d{6}$/;

/** The districts named by a refused district scope (403 `details` of server/services/access.ts), if they are there. */
export function scopeRefusal(error: ApiError): { allowed: string; requested: string } | null {
  if (error.status !== 403 || error.code !== 'forbidden') return null;
  const details = error.details as { allowedDistrict?: unknown; requestedDistrict?: unknown } | null | undefined;
  const allowed = details?.allowedDistrict;
  const requested = details?.requestedDistrict;
  if (typeof allowed !== 'string' || typeof requested !== 'string' || !DISTRICT_CODE.test(allowed) || !DISTRICT_CODE.test(requested)) return null;
  return { allowed, requested };
}

/**
 * What to tell a user about a failed request, by the error's code (or, for a body of another shape, its status). The
 * server's own message is English and written for developers and logs, so it is never shown as it is.
 */
export function errorMessage(error: ApiError): ErrorMessage {
  switch (error.code) {
    case 'network':
      return { key: 'error.network' };
    case 'aborted':
      return { key: 'error.aborted' };
    case 'bad_request':
    case 'validation_failed':
    case 'payload_too_large':
      return { key: 'error.badRequest' };
    case 'unauthenticated':
      return { key: 'error.unauthenticated' };
    case 'forbidden': {
      const scope = scopeRefusal(error);
      return scope ? { key: 'error.outsideScope', districts: scope } : { key: 'error.forbidden' };
    }
    case 'not_found':
      return { key: 'error.notFound' };
    case 'conflict':
      return { key: 'error.conflict' };
    case 'unprocessable':
      return { key: 'error.unprocessable' };
    case 'rate_limited':
      return { key: 'error.rateLimited' };
    case 'unavailable':
      return { key: 'error.unavailable' };
    case 'internal':
      return { key: 'error.internal' };
    case 'bad_response':
      return { key: error.status >= 500 ? 'error.unavailable' : 'error.badResponse' };
  }
}
