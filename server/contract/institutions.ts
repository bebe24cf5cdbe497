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
