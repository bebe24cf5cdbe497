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
  if (error.code === 'forbidden') {
    const scope = scopeRefusal(error);
    if (scope) return { key: 'error.outsideScope', districts: scope };
  }
  if (error.code === 'bad_response' && error.status >= 500) return { key: 'error.unavailable' };
  return { key: MESSAGE_OF_CODE[error.code] };
}

// A Record over every code, so that a code added to the contract without a message does not compile.
const MESSAGE_OF_CODE: Record<ApiError['code'], MessageKey> = {
  network: 'error.network',
  aborted: 'error.aborted',
  bad_request: 'error.badRequest',
  validation_failed: 'error.badRequest',
  payload_too_large: 'error.badRequest',
  unsupported_media_type: 'error.unsupportedMediaType',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  unprocessable: 'error.unprocessable',
  rate_limited: 'error.rateLimited',
  unavailable: 'error.unavailable',
  internal: 'error.internal',
  bad_response: 'error.badResponse',
};
