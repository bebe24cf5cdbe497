import { createRoute, z } from '@hono/zod-openapi';
import { featureCollectionSchema, polygonalGeometrySchema } from './geojson.js';
import { bboxParam, checkTimeRange, districtCodeParam, timeRangeShape } from './params.js';
import { jsonContent, protectedRoute } from './route-config.js';

export const gridCellsQuerySchema = z
  .object({
    bbox: bboxParam.optional(),
    ...timeRangeShape,
    district: districtCodeParam.optional(),
  })
  .superRefine(checkTimeRange);
export type GridCellsQuery = z.infer<typeof gridCellsQuerySchema>;

export const gridCellPropertiesSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    districtCode: z.string(),
    streetCode: z.string(),
    workerName: z.string(),
    synthetic: z.boolean(),
    /** Clues reported in [from, to) inside this cell: the choropleth value. */
    clueCount: z.number().int(),
  })
  .openapi('GridCellProperties');
export type GridCellProperties = z.infer<typeof gridCellPropertiesSchema>;

export const gridCellCollectionSchema = featureCollectionSchema(polygonalGeometrySchema, gridCellPropertiesSchema).openapi(
  'GridCellCollection',
);
export type GridCellCollection = z.infer<typeof gridCellCollectionSchema>;

export const listGridCellsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/grid-cells',
    tags: ['geography'],
    summary: '网格 polygons with the clue count of each for a time range (choropleth input)',
    request: { query: gridCellsQuerySchema },
    responses: { 200: jsonContent(gridCellCollectionSchema, 'grid cells as GeoJSON') },
  }),
);
