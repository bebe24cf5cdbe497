import { createRoute, z } from '@hono/zod-openapi';
import { districtCodeParam, idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// Bearer tokens for GIS clients (QGIS, ogr2ogr) reading the OGC API – Features at /ogc: an administrator issues one
// with a name and a scope (the city or one district), sees its secret once, and revokes it when the client is retired.
// A token reads only, and only its scope's features.

export const gisTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    /** null = city-wide (全市); otherwise the token reads only this district. */
    districtCode: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** The last request it authorised (written at most once a minute); null = never used. */
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('GisToken');
export type GisToken = z.infer<typeof gisTokenSchema>;

export const issueGisTokenSchema = z
  .object({ name: z.string().trim().min(1).max(60), districtCode: districtCodeParam.nullable() })
  .strict()
  .openapi('IssueGisToken');
export type IssueGisToken = z.input<typeof issueGisTokenSchema>;

/** Answered once, at issue: only the token's SHA-256 is stored, so it cannot be shown again. */
export const issuedGisTokenSchema = z.object({ token: gisTokenSchema, secret: z.string() }).openapi('IssuedGisToken');
export type IssuedGisToken = z.infer<typeof issuedGisTokenSchema>;

export const listGisTokensRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/gis-tokens',
    tags: ['ogc'],
    summary: 'Every GIS client token, revoked ones too, oldest first (administrators)',
    responses: { 200: jsonContent(z.array(gisTokenSchema), 'the tokens, without their secrets') },
  }),
);

export const issueGisTokenRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/gis-tokens',
    tags: ['ogc'],
    summary: 'Issue a read-only bearer token for the OGC API (administrators, audited); answers its secret once',
    request: { body: { required: true, content: { 'application/json': { schema: issueGisTokenSchema } } } },
    responses: {
      201: jsonContent(issuedGisTokenSchema, 'the token and its secret, shown this once'),
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);

export const revokeGisTokenRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/gis-tokens/{id}/revoke',
    tags: ['ogc'],
    summary: 'Revoke a GIS client token: refused from now on (administrators, audited)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(gisTokenSchema, 'the revoked token'), 404: errorResponses[404], 409: errorResponses[409] },
  }),
);
