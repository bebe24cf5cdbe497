import type { MiddlewareHandler } from 'hono';
import { sessionCookie } from '../auth/cookie.js';
import type { AppEnv } from '../http/env.js';
import { sessionOf } from '../services/auth.js';
import type { Deps } from '../services/deps.js';

/**
 * The API paths anyone may call; everything else under /api needs a valid session. A wall display's pairing is one:
 * its token is the credential, throttled like a password (services/wall-displays.ts).
 */
export const publicApiPaths: ReadonlySet<string> = new Set(['/api/health', '/api/auth/login', '/api/wall/pair', '/api/openapi.json']);
/** Everything under it is public too: the 一公开 result lists (rate-limited by middleware/public-rate.ts). */
export const publicApiPrefix = '/api/public/';

export function requireSession(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicApiPaths.has(c.req.path) || c.req.path.startsWith(publicApiPrefix)) return next();
    c.set('user', await sessionOf(deps, sessionCookie(c)));
    await next();
  };
}
