import type { MiddlewareHandler } from 'hono';
import { sessionUser } from '../../db/queries/users.js';
import { sessionCookie } from '../auth/cookie.js';
import type { SessionCache } from '../auth/session-cache.js';
import { sessionTokenHash } from '../auth/session-token.js';
import { unauthenticated } from './api-error.js';
import type { AppEnv, Deps } from './env.js';

/** The API paths anyone may call; everything else under /api needs a valid session. */
export const publicApiPaths: ReadonlySet<string> = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

export function requireSession(deps: Deps, cache: SessionCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicApiPaths.has(c.req.path)) return next();
    const token = sessionCookie(c);
    if (!token) throw unauthenticated();
    const tokenHash = sessionTokenHash(token);
    const now = deps.now();
    let session = cache.get(tokenHash, now);
    if (!session) {
      session = await sessionUser(deps.database, { tokenHash, now });
      if (!session) throw unauthenticated('session expired or ended: log in again');
      cache.set(tokenHash, session, now);
    }
    c.set('user', session.user);
    await next();
  };
}
