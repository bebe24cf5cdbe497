import type { MiddlewareHandler } from 'hono';
import { sessionUser } from '../../db/queries/users.js';
import { sessionCookie } from '../auth/cookie.js';
import { sessionTokenHash } from '../auth/session-token.js';
import { unauthenticated } from './api-error.js';
import type { AppEnv, Deps } from './env.js';

/** The API paths anyone may call; everything else under /api needs a valid session. */
export const publicApiPaths: ReadonlySet<string> = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

export function requireSession(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicApiPaths.has(c.req.path)) return next();
    const token = sessionCookie(c);
    if (!token) throw unauthenticated();
    const user = await sessionUser(deps.database, { tokenHash: sessionTokenHash(token), now: deps.now() });
    if (!user) throw unauthenticated('session expired or ended: log in again');
    c.set('user', user);
    await next();
  };
}
