import type { MiddlewareHandler } from 'hono';
import { sessionCookie } from '../auth/cookie.js';
import type { AppEnv } from '../http/env.js';
import { clientAddress } from '../http/client-address.js';
import { scopeOf } from '../services/access.js';
import { sessionOf } from '../services/auth.js';
import type { Deps } from '../services/deps.js';
import { scopeOfGisToken } from '../services/gis-tokens.js';
import { ServiceError } from '../services/errors.js';

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * Every /ogc request reads in a scope: a GIS client's bearer token (QGIS, ogr2ogr) or, for a person in the browser,
 * the session cookie. A header that is present but no bearer token is refused rather than ignored, so that a client
 * misconfigured with Basic credentials hears why.
 */
export function requireOgcReader(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      const authorization = c.req.header('Authorization');
      if (authorization !== undefined) {
        const match = bearer.exec(authorization);
        if (!match) throw new ServiceError('unauthenticated', 'the Authorization header must be "Bearer <GIS token>"');
        c.set('ogcScope', await scopeOfGisToken(deps, match[1], clientAddress(c)));
      } else c.set('ogcScope', scopeOf(await sessionOf(deps, sessionCookie(c))));
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer realm="ogc"');
      throw error;
    }
    await next();
  };
}
