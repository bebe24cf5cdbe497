import type { RouteConfig } from '@hono/zod-openapi';
import { errorBodySchema } from './errors.js';

export const sessionCookieName = 'jointops_session';
export const cookieSecurityScheme = 'cookieAuth';

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorBodySchema } } });

export const commonErrorResponses = {
  400: errorResponse('invalid request (validation issues in error.details)'),
  500: errorResponse('internal error'),
} as const;

export const protectedErrorResponses = {
  ...commonErrorResponses,
  401: errorResponse('no valid session'),
  403: errorResponse('not allowed for this user or district'),
} as const;

export const errorResponses = {
  401: errorResponse('wrong username or password, or no valid session'),
  404: errorResponse('not found'),
  409: errorResponse('conflict with the current state'),
  413: errorResponse('request body too large'),
  415: errorResponse('a media type the route does not accept'),
  422: errorResponse('semantically invalid (e.g. geometry)'),
  429: errorResponse('too many attempts'),
} as const;

export const jsonContent = <S>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

// P keeps each path a literal type, so that AppType (and the web's typed client) knows every route.

/** Marks a route as open to anyone (OpenAPI security: []). */
export function publicRoute<P extends string, R extends RouteConfig & { path: P }>(route: R): R {
  return { ...route, security: [], responses: { ...commonErrorResponses, ...route.responses } };
}

/** Marks a route as requiring the session cookie; adds the 401/403 answers. */
export function protectedRoute<P extends string, R extends RouteConfig & { path: P }>(route: R): R {
  return {
    ...route,
    security: [{ [cookieSecurityScheme]: [] }],
    responses: { ...protectedErrorResponses, ...route.responses },
  };
}
