import { createRoute, z } from '@hono/zod-openapi';
import { institutionCategories, institutionNatures, institutionStatuses, listStatuses, violationKinds } from './enums.js';
import { featureCollectionSchema, featureSchema, pointGeometrySchema } from './geojson.js';
import { bboxParam, csvEnumParam, districtCodeParam, idParamsSchema, pagingShape } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

export const institutionsQuerySchema = z.object({
  bbox: bboxParam,
  status: csvEnumParam(institutionStatuses),
  category: csvEnumParam(institutionCategories),
  listStatus: csvEnumParam(listStatuses),
  district: districtCodeParam.optional(),
  ...pagingShape,
});
export type InstitutionsQuery = z.infer<typeof institutionsQuerySchema>;

export const institutionPropertiesSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    category: z.enum(institutionCategories),
    nature: z.enum(institutionNatures),
    status: z.enum(institutionStatuses),
    listStatus: z.enum(listStatuses),
    districtCode: z.string(),
    gridCellId: z.number().int().nullable(),
    lastInspectedOn: z.string().nullable(),
    synthetic: z.boolean(),
  })
  .openapi('InstitutionProperties');
export type InstitutionProperties = z.infer<typeof institutionPropertiesSchema>;

export const institutionCollectionSchema = featureCollectionSchema(pointGeometrySchema, institutionPropertiesSchema).openapi(
  'InstitutionCollection',
);
export type InstitutionCollection = z.infer<typeof institutionCollectionSchema>;

export const institutionDetailPropertiesSchema = institutionPropertiesSchema
  .extend({
    creditCode: z.string().nullable(),
    licenceNo: z.string().nullable(),
    address: z.string(),
    districtName: z.string(),
    gridCellCode: z.string().nullable(),
    streetName: z.string().nullable(),
    clueCount: z.number().int(),
    openClueCount: z.number().int(),
    /** Every recorded violation; the 20 latest with their dates. */
    violationCount: z.number().int(),
    violations: z.array(z.object({ occurredOn: z.string(), kind: z.enum(violationKinds), description: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InstitutionDetailProperties');
export const institutionDetailSchema = featureSchema(pointGeometrySchema, institutionDetailPropertiesSchema).openapi(
  'InstitutionDetail',
);
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;

/** Most answers of a search: a combobox's list. */
export const MAX_INSTITUTION_MATCHES = 20;

export const institutionSearchQuerySchema = z.object({
  /** Part of the name (any characters, Chinese included), or a whole 统一社会信用代码 or 办学许可证号. */
  q: z.string().trim().min(1, 'type part of a name, a credit code or a licence number').max(50),
  limit: z.coerce.number().int().min(1).max(MAX_INSTITUTION_MATCHES).default(8),
});

export const institutionMatchSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    category: z.enum(institutionCategories),
    status: z.enum(institutionStatuses),
    districtCode: z.string(),
    districtName: z.string(),
    address: z.string(),
    creditCode: z.string().nullable(),
    licenceNo: z.string().nullable(),
    /** [lon, lat] WGS84. */
    position: z.tuple([z.number(), z.number()]),
  })
  .openapi('InstitutionMatch');
export type InstitutionMatch = z.infer<typeof institutionMatchSchema>;
export const institutionMatchesSchema = z.object({ matches: z.array(institutionMatchSchema) }).openapi('InstitutionMatches');
export type InstitutionMatches = z.infer<typeof institutionMatchesSchema>;

export const searchInstitutionsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/institutions/search',
    tags: ['institutions'],
    summary: 'Institutions of the account’s district by part of their name, or by credit code or licence number; the best matches first',
    request: { query: institutionSearchQuerySchema },
    responses: { 200: jsonContent(institutionMatchesSchema, 'the matches, at most `limit`') },
  }),
);

export const listInstitutionsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/institutions',
    tags: ['institutions'],
    summary: '校外培训机构 in a bbox, filtered and paged',
    request: { query: institutionsQuerySchema },
    responses: { 200: jsonContent(institutionCollectionSchema, 'institutions as GeoJSON points') },
  }),
);

export const getInstitutionRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/institutions/{id}',
    tags: ['institutions'],
    summary: 'One institution with its details',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(institutionDetailSchema, 'the institution'), 404: errorResponses[404] },
  }),
);
