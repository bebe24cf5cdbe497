import type { OpenAPIHono } from '@hono/zod-openapi';
import { cookieSecurityScheme, sessionCookieName } from '../contract/route-config.js';
import type { AppEnv } from './env.js';

export const openApiPath = '/api/openapi.json';

/** Registers the cookie security scheme; the document itself is served by `app.doc`. */
export function registerSecurityScheme(app: OpenAPIHono<AppEnv, any, any>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', cookieSecurityScheme, {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description: 'session cookie set by POST /api/auth/login (httpOnly, SameSite=Lax, 12 h)',
  });
}

export const openApiInfo = (version: string) => ({
  openapi: '3.0.3',
  info: {
    title: 'JointOps API — 校外培训联合执法',
    version,
    description:
      'GIS operations API for joint enforcement against irregular off-campus tutoring. GeoJSON in WGS84. ' +
      'Log in with POST /api/auth/login; every other endpoint except health and this document needs the session cookie. ' +
      'A district-scoped account sees only its district. Errors: { error: { code, message, details } }.',
    license: { name: 'MIT' },
  },
  security: [{ [cookieSecurityScheme]: [] }],
});
