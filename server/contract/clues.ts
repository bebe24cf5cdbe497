import { createRoute, z } from '@hono/zod-openapi';
import { clueSources, clueStatuses, suspectedTypes } from './enums.js';
import { featureCollectionSchema, featureSchema, pointGeometrySchema } from './geojson.js';
import { bboxParam, checkTimeRange, csvEnumParam, districtCodeParam, idParamsSchema, isoInstantParam, pagingShape, timeRangeShape } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

export const cluesQuerySchema = z
  .object({
    bbox: bboxParam,
    ...timeRangeShape,
    status: csvEnumParam(clueStatuses),
    source: csvEnumParam(clueSources),
    suspectedType: csvEnumParam(suspectedTypes),
    district: districtCodeParam.optional(),
    ...pagingShape,
  })
  .superRefine(checkTimeRange);
export type CluesQuery = z.infer<typeof cluesQuerySchema>;

export const cluePropertiesSchema = z
  .object({
    id: z.number().int(),
    source: z.enum(clueSources),
    reportedAt: z.string(),
    suspectedType: z.enum(suspectedTypes),
    status: z.enum(clueStatuses),
    institutionId: z.number().int().nullable(),
    districtCode: z.string(),
    gridCellId: z.number().int().nullable(),
    dueAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    synthetic: z.boolean(),
  })
  .openapi('ClueProperties');
export type ClueProperties = z.infer<typeof cluePropertiesSchema>;

export const clueCollectionSchema = featureCollectionSchema(pointGeometrySchema, cluePropertiesSchema).openapi('ClueCollection');
export type ClueCollection = z.infer<typeof clueCollectionSchema>;

export const clueDetailPropertiesSchema = cluePropertiesSchema
  .extend({
    address: z.string(),
    description: z.string(),
    districtName: z.string(),
    gridCellCode: z.string().nullable(),
    institutionName: z.string().nullable(),
    /** Open and past its due time, as of the server's clock. */
    overdue: z.boolean(),
    nextStatuses: z.array(z.enum(clueStatuses)),
  })
  .openapi('ClueDetailProperties');
export const clueDetailSchema = featureSchema(pointGeometrySchema, clueDetailPropertiesSchema).openapi('ClueDetail');
export type ClueDetail = z.infer<typeof clueDetailSchema>;

export const clueStatusChangeSchema = z
  .object({
    status: z.enum(clueStatuses),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('ClueStatusChange');
export type ClueStatusChange = z.infer<typeof clueStatusChangeSchema>;

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const newClueSchema = z
  .object({
    source: z.enum(clueSources),
    reportedAt: isoInstantParam.openapi({ example: '2026-11-20T09:30:00+08:00' }),
    geometry: z.object({ type: z.literal('Point'), coordinates: lonLat }).openapi({ example: { type: 'Point', coordinates: [121.397, 31.249] } }),
    address: z.string().trim().min(1).max(500),
    description: z.string().trim().min(1).max(5000),
    suspectedType: z.enum(suspectedTypes),
    institutionId: z.number().int().positive().optional(),
  })
  .strict()
  .openapi('NewClue');
export type NewClue = z.input<typeof newClueSchema>;
export type NewClueBody = z.output<typeof newClueSchema>;

export const listCluesRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues',
    tags: ['clues'],
    summary: '线索 in a bbox and time range, filtered and paged',
    request: { query: cluesQuerySchema },
    responses: { 200: jsonContent(clueCollectionSchema, 'clues as GeoJSON points') },
  }),
);

export const patchClueRoute = createRoute(
  protectedRoute({
    method: 'patch',
    path: '/clues/{id}',
    tags: ['clues'],
    summary: 'Move a clue along the clue loop (audited)',
    request: { params: idParamsSchema, body: { required: true, content: { 'application/json': { schema: clueStatusChangeSchema } } } },
    responses: {
      200: jsonContent(clueDetailSchema, 'the clue after the change'),
      404: errorResponses[404],
      409: errorResponses[409],
      413: errorResponses[413],
    },
  }),
);
