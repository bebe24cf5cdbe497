import { createRoute, z } from '@hono/zod-openapi';
import { featureCollectionSchema, polygonalGeometrySchema } from './geojson.js';
import { jsonContent, protectedRoute } from './route-config.js';

export const districtPropertiesSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    synthetic: z.boolean(),
    institutionCount: z.number().int(),
    clueCount: z.number().int(),
    openClueCount: z.number().int(),
  })
  .openapi('DistrictProperties');
export type DistrictProperties = z.infer<typeof districtPropertiesSchema>;

export const districtCollectionSchema = featureCollectionSchema(polygonalGeometrySchema, districtPropertiesSchema).openapi(
  'DistrictCollection',
);
export type DistrictCollection = z.infer<typeof districtCollectionSchema>;

export const listDistrictsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/districts',
    tags: ['geography'],
    summary: '区县 borders with institution and clue counts (a scoped user gets only their district)',
    responses: { 200: jsonContent(districtCollectionSchema, 'districts as GeoJSON') },
  }),
);
