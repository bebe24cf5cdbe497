import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../contract/errors.js';
import { isDatabaseUnavailable } from '../../db/client.js';
import { DomainInputError } from '../domain/errors.js';
import type { AppEnv } from '../http/env.js';
import { ServiceError } from '../services/errors.js';

/** While the database is down, clients are asked to come back after this many seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

function send(c: Context, status: number, code: ErrorCode, message: string, details: unknown = null, retryAfterSeconds?: number) {
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  const body: ErrorBody = { error: { code, message, details } };
  return c.json(body, status as ContentfulStatusCode);
}

/**
 * The one place errors become responses. Known conditions get their status: refusals of the services (4xx),
 * domain input errors (422 with the fields), an unreachable database (503 with Retry-After); only a bug is a 500,
 * and its internals (stack, SQL) stay in the server log.
 */
export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ServiceError) return send(c, error.status, error.code, error.message, error.details ?? null, error.retryAfterSeconds);
  if (error instanceof DomainInputError) return send(c, 422, 'unprocessable', error.message, { issues: error.issues });
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : status < 500 ? 'bad_request' : 'internal';
    return send(c, status, code, status < 500 ? error.message || 'bad request' : 'internal error');
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}: database unavailable:`, error.message);
    return send(c, 503, 'unavailable', 'the database is not reachable; try again shortly', null, DATABASE_RETRY_AFTER_SECONDS);
  }
  console.error(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}:`, error);
  return send(c, 500, 'internal', 'internal error', { requestId: c.get('requestId') ?? null });
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => send(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);

/** zod-openapi's hook: a failed request validation becomes a 400 with the zod issues, each naming its field. */
export function validationHook(result: { success: boolean; error?: ZodError; target: string }): void {
  if (!result.success && result.error) {
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
    const summary = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    throw new ServiceError('validation_failed', `invalid ${result.target}: ${summary}`, { target: result.target, issues });
  }
}
