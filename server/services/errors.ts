import { statusOfErrorCode, type ErrorCode } from '../contract/errors.js';

/**
 * A refusal the client can act on: its code, message and details go out in the API's one error shape
 * (middleware/errors.ts). Domain input errors (server/domain/errors.ts) and an unreachable database are mapped there
 * too, so services throw these only for what the domain cannot know: access, existence, state and capacity.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait before trying again (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = statusOfErrorCode[code];
  }
}

export const unauthenticated = (message = 'log in first: no valid session') => new ServiceError('unauthenticated', message);
export const forbidden = (message: string, details?: unknown) => new ServiceError('forbidden', message, details);
export const notFound = (what: string) => new ServiceError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new ServiceError('conflict', message, details);

/** Input that is well-formed but cannot be used: 422 with the field it concerns. */
export const unprocessable = (field: string, message: string, details?: Record<string, unknown>) =>
  new ServiceError('unprocessable', field ? `${field}: ${message}` : message, { issues: [{ path: field, message }], ...details });

/** A limit of the server (a queue, a per-user quota, a rate): 429, try again after `retryAfterSeconds`. */
export const payloadTooLarge = (maxBytes: number) => new ServiceError('payload_too_large', `request body is larger than ${maxBytes} bytes`, { maxBytes });
export const tooManyRequests = (message: string, retryAfterSeconds: number, details?: Record<string, unknown>) =>
  new ServiceError('rate_limited', message, { retryAfterSeconds, ...details }, retryAfterSeconds);
