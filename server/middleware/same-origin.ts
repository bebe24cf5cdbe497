import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { forbidden } from '../services/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated writes, on top of the SameSite=Lax cookie: a browser sends Origin (or at
 * least Sec-Fetch-Site) with every cross-site write, so a write whose Origin is another site than the Host it was
 * sent to is refused. Clients that are not browsers send neither header and carry no ambient cookie of a victim.
 */
export function requireSameOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const host = c.req.header('host');
    const origin = c.req.header('origin');
    if (c.req.header('sec-fetch-site') === 'cross-site') throw forbidden('cross-site write refused (Sec-Fetch-Site: cross-site)');
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        originHost = origin === 'null' ? null : new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost === null || (host !== undefined && originHost !== host)) {
        throw forbidden(`cross-origin write refused: Origin ${origin} is not this server (${host ?? 'no Host header'})`);
      }
    }
    await next();
  };
}
