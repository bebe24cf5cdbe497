import { createRoute, z } from '@hono/zod-openapi';
import { featureCollectionSchema, polygonalGeometrySchema } from './geojson.js';
import { districtCodeParam } from './params.js';
import { jsonContent, protectedRoute } from './route-config.js';

export const streetsQuerySchema = z.object({ district: districtCodeParam.optional() });

export const streetPropertiesSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    districtCode: z.string(),
    synthetic: z.boolean(),
    gridCellCount: z.number().int(),
  })
  .openapi('StreetProperties');
export type StreetProperties = z.infer<typeof streetPropertiesSchema>;

/** A street's geometry is null until its grid cells are built. */
export const streetCollectionSchema = featureCollectionSchema(polygonalGeometrySchema.nullable(), streetPropertiesSchema).openapi(
  'StreetCollection',
);
export type StreetCollection = z.infer<typeof streetCollectionSchema>;

export const listStreetsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/streets',
    tags: ['geography'],
    summary: '街镇 (streets and towns), optionally of one district',
    request: { query: streetsQuerySchema },
    responses: { 200: jsonContent(streetCollectionSchema, 'streets as GeoJSON') },
  }),
);
