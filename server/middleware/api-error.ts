import { statusOfErrorCode, type ErrorCode } from '../contract/errors.js';

/** An error meant for the client: its code, message and details go out in the one error shape. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = statusOfErrorCode[code];
  }
}

export const unauthenticated = (message = 'log in first: no valid session') => new ApiError('unauthenticated', message);
export const forbidden = (message: string) => new ApiError('forbidden', message);
export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new ApiError('conflict', message, details);
export const unprocessable = (message: string, details?: unknown) => new ApiError('unprocessable', message, details);
