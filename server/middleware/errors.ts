import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../contract/errors.js';
import { ApiError } from './api-error.js';
import type { AppEnv } from './env.js';

function send(c: Context, status: number, body: ErrorBody) {
  return c.json(body, status as ContentfulStatusCode);
}

/** The one place errors become responses; internals (stack, SQL) stay in the server log. */
export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) {
    return send(c, error.status, { error: { code: error.code, message: error.message, details: error.details ?? null } });
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : status < 500 ? 'bad_request' : 'internal';
    const message = status < 500 ? error.message || 'bad request' : 'internal error';
    return send(c, status, { error: { code, message, details: null } });
  }
  console.error(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}:`, error);
  return send(c, 500, { error: { code: 'internal', message: 'internal error', details: { requestId: c.get('requestId') ?? null } } });
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  send(c, 404, { error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}`, details: null } });

/** zod-openapi's hook: a failed request validation becomes a 400 with the zod issues. */
export function validationHook(result: { success: boolean; error?: ZodError; target: string }): void {
  if (!result.success && result.error) {
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
    const summary = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    throw new ApiError('validation_failed', `invalid ${result.target}: ${summary}`, { target: result.target, issues });
  }
}
