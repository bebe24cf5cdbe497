import { createRoute, z } from '@hono/zod-openapi';
import { EMERGING_CATEGORIES } from '../analytics/index.js';
import { riskFactorKeys, riskTiers } from '../domain/risk.js';
import { institutionStatuses, listStatuses } from './enums.js';
import { featureCollectionSchema, polygonalGeometrySchema } from './geojson.js';
import { checkTimeRange, districtCodeParam, idParamsSchema, timeRangeShape } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// Hotspot analytics over HTTP: Gi* on a posted FeatureCollection, on stored clues per 网格, emerging hot spots,
// the per-cell per-step counts the map recomputes live, and institution risk (差异化监管).

const weightsSpecText = z
  .string()
  .regex(/^(queen|rook|distance:[0-9.eE+]+|knn:[0-9]+)$/i, 'weights must be queen, rook, distance:<d> or knn:<k>')
  .openapi({ example: 'queen' });

export const hotspotRequestSchema = z
  .object({
    collection: z
      .looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
      .openapi({ description: 'a GeoJSON FeatureCollection of Point, MultiPoint, Polygon or MultiPolygon features' }),
    value: z.string().min(1).openapi({ description: 'name of the numeric property to analyse', example: 'count' }),
    weights: weightsSpecText.default('queen'),
    planar: z.boolean().default(false).openapi({ description: 'plane coordinates (distance in plane units) instead of WGS84 (metres)' }),
    style: z.enum(['binary', 'row']).default('binary'),
    permutations: z.number().int().min(1).max(9999).optional().openapi({ description: 'adds the pseudo p-value gi_p_sim' }),
    seed: z.number().int().optional().openapi({ description: 'seed of the permutation PRNG, default 1' }),
  })
  .openapi('HotspotRequest');
export type HotspotRequest = z.input<typeof hotspotRequestSchema>;
export type HotspotRequestBody = z.output<typeof hotspotRequestSchema>;

const binSchema = z.number().int().min(-3).max(3);
const levelCounts = z.object({ p90: z.number().int(), p95: z.number().int(), p99: z.number().int() });

export const hotspotSummarySchema = z
  .object({
    n: z.number().int(),
    weights: z.string(),
    style: z.enum(['binary', 'row']),
    planar: z.boolean(),
    /** Indices of features without any neighbour: reported, not dropped. */
    islands: z.array(z.number().int()),
    meanNeighbours: z.number(),
    hotFdr: levelCounts,
    coldFdr: levelCounts,
    permutations: z.number().int().optional(),
    seed: z.number().int().optional(),
  })
  .openapi('HotspotSummary');

export const hotspotResponseSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.looseObject({
        type: z.literal('Feature'),
        geometry: z.unknown(),
        properties: z.looseObject({
          gi_z: z.number(),
          gi_p: z.number(),
          gi_p_fdr: z.number(),
          gi_bin: binSchema,
          gi_bin_fdr: binSchema,
          gi_p_sim: z.number().optional(),
        }),
      }),
    ),
    gi_summary: hotspotSummarySchema,
  })
  .openapi('HotspotResponse');
export type HotspotResponse = z.infer<typeof hotspotResponseSchema>;

const requiredRange = {
  from: timeRangeShape.from,
  to: timeRangeShape.to,
};

export const gridHotspotsQuerySchema = z
  .object({ ...requiredRange, district: districtCodeParam.optional(), weights: weightsSpecText.optional() })
  .superRefine(checkTimeRange);
export type GridHotspotsQuery = z.infer<typeof gridHotspotsQuerySchema>;

export const gridHotspotCellSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  districtCode: z.string(),
  clueCount: z.number().int(),
  z: z.number(),
  p: z.number(),
  pFdr: z.number(),
  bin: binSchema,
  binFdr: binSchema,
});

export const gridHotspotsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    districtCode: z.string().nullable(),
    weights: z.string(),
    n: z.number().int(),
    meanNeighbours: z.number(),
    /** Ids of cells without any neighbour. */
    islands: z.array(z.number().int()),
    cells: z.array(gridHotspotCellSchema),
  })
  .openapi('GridHotspots');
export type GridHotspots = z.infer<typeof gridHotspotsSchema>;

export const emergingQuerySchema = z
  .object({ ...requiredRange, step: z.enum(['week', 'month']).default('week'), district: districtCodeParam.optional() })
  .superRefine(checkTimeRange);

export const emergingCategoryNames = EMERGING_CATEGORIES;
export type EmergingCategoryName = (typeof emergingCategoryNames)[number];

export const emergingHotspotsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    step: z.enum(['week', 'month']),
    /** Start of each time step (Asia/Shanghai calendar date), oldest first. */
    steps: z.array(z.string()),
    districtCode: z.string().nullable(),
    categoryCounts: z.record(z.string(), z.number().int()),
    cells: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        category: z.enum(emergingCategoryNames),
        /** Space-time Gi* z-score of each step. */
        z: z.array(z.number()),
        counts: z.array(z.number().int()),
        hotSteps: z.number().int(),
        coldSteps: z.number().int(),
        /** Mann–Kendall test of the z series. */
        trend: z.object({ s: z.number(), z: z.number(), p: z.number(), tau: z.number() }),
      }),
    ),
  })
  .openapi('EmergingHotspots');
export type EmergingHotspots = z.infer<typeof emergingHotspotsSchema>;

export const cellCountsQuerySchema = z
  .object({ ...requiredRange, step: z.enum(['day', 'week']).default('day'), district: districtCodeParam.optional() })
  .superRefine(checkTimeRange);

export const cellCountsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    step: z.enum(['day', 'week']),
    districtCode: z.string().nullable(),
    /** Step k covers [from + k·step, from + (k+1)·step); the last one ends at `to`. */
    stepStarts: z.array(z.string()),
    /** Grid cell ids, listed once; every other array refers to cells by their index here. */
    cellIds: z.array(z.number().int()),
    /** Non-zero counts sorted by step: the entries of step k are [stepOffsets[k], stepOffsets[k+1]). */
    stepOffsets: z.array(z.number().int()),
    cellIndex: z.array(z.number().int()),
    count: z.array(z.number().int()),
    /** Queen-contiguity neighbours of the cells in CSR form (the ones the server's Gi* uses). */
    neighbours: z.object({ weights: z.string(), offsets: z.array(z.number().int()), index: z.array(z.number().int()) }),
  })
  .openapi('CellCounts');
export type CellCounts = z.infer<typeof cellCountsSchema>;

export const analysisCellsQuerySchema = z.object({ district: districtCodeParam.optional() });

export const analysisCellCollectionSchema = featureCollectionSchema(
  polygonalGeometrySchema,
  z.object({ id: z.number().int(), code: z.string(), districtCode: z.string(), streetCode: z.string() }),
)
  .extend({
    /** 街镇 of the cells by code: their names, said once instead of on every cell. */
    streets: z.record(z.string(), z.object({ name: z.string(), districtCode: z.string() })),
    /** 区县 of the cells by code. */
    districts: z.record(z.string(), z.object({ name: z.string(), nameEn: z.string() })),
  })
  .openapi('AnalysisCellCollection');
export type AnalysisCellCollection = z.infer<typeof analysisCellCollectionSchema>;

export const riskFactorSchema = z.object({
  key: z.enum(riskFactorKeys),
  labelZh: z.string(),
  labelEn: z.string(),
  raw: z.union([z.number(), z.boolean(), z.null()]),
  normalised: z.number(),
  weight: z.number(),
  contribution: z.number(),
});

export const institutionRiskSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    districtCode: z.string(),
    status: z.enum(institutionStatuses),
    listStatus: z.enum(listStatuses),
    gridCellId: z.number().int().nullable(),
    asOf: z.string(),
    score: z.number(),
    tier: z.enum(riskTiers),
    frequency: z.object({ perYear: z.number(), intervalDays: z.number(), labelZh: z.string(), labelEn: z.string() }),
    factors: z.array(riskFactorSchema),
    overrides: z.array(z.string()),
  })
  .openapi('InstitutionRisk');
export type InstitutionRiskBody = z.infer<typeof institutionRiskSchema>;

export const riskListQuerySchema = z.object({
  district: districtCodeParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50).openapi({ example: 50 }),
});

export const riskListSchema = z
  .object({ asOf: z.string(), districtCode: z.string().nullable(), total: z.number().int(), items: z.array(institutionRiskSchema) })
  .openapi('InstitutionRiskList');
export type InstitutionRiskList = z.infer<typeof riskListSchema>;

export const postHotspotsRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/analysis/hotspots' as const,
    tags: ['analysis'],
    summary: 'Getis-Ord Gi* hot spots (with FDR) of a posted GeoJSON FeatureCollection',
    request: { body: { content: { 'application/json': { schema: hotspotRequestSchema } }, required: true } },
    responses: {
      200: jsonContent(hotspotResponseSchema, 'the features with gi_z, gi_p, gi_p_fdr, gi_bin, gi_bin_fdr (and gi_p_sim)'),
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);

export const gridHotspotsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/analysis/grid-hotspots' as const,
    tags: ['analysis'],
    summary: 'Gi* of the clues per 网格 in a time range (queen contiguity by default)',
    request: { query: gridHotspotsQuerySchema },
    responses: { 200: jsonContent(gridHotspotsSchema, 'z, p and bins per grid cell'), 422: errorResponses[422] },
  }),
);

export const emergingHotspotsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/analysis/emerging-hotspots' as const,
    tags: ['analysis'],
    summary: 'Emerging hot spot categories per 网格 from a space-time cube of clue counts',
    request: { query: emergingQuerySchema },
    responses: { 200: jsonContent(emergingHotspotsSchema, 'category, z series and trend per grid cell'), 422: errorResponses[422] },
  }),
);

export const cellCountsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/analysis/cell-counts' as const,
    tags: ['analysis'],
    summary: 'Clue counts per 网格 per day or week (sparse), with the cells’ neighbours, for live recomputation in the browser',
    request: { query: cellCountsQuerySchema },
    responses: { 200: jsonContent(cellCountsSchema, 'the count matrix and the neighbour lists') },
  }),
);

export const analysisCellsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/analysis/cells' as const,
    tags: ['analysis'],
    summary: 'Every 网格 of the scope as GeoJSON (id, code, district, 街镇), with the names of their 街镇 and 区县, for the hot spot layers',
    request: { query: analysisCellsQuerySchema },
    responses: { 200: jsonContent(analysisCellCollectionSchema, 'grid cell polygons') },
  }),
);

export const institutionRiskRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/institutions/{id}/risk' as const,
    tags: ['analysis'],
    summary: 'Explainable risk score, tier and inspection frequency of one institution',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(institutionRiskSchema, 'the risk and its factors'), 404: errorResponses[404] },
  }),
);

export const riskListRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/analysis/risk' as const,
    tags: ['analysis'],
    summary: 'Institutions ranked by risk score, highest first',
    request: { query: riskListQuerySchema },
    responses: { 200: jsonContent(riskListSchema, 'ranked institutions with their factors') },
  }),
);
