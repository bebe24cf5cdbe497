import { createRoute, z } from '@hono/zod-openapi';
import { institutionStatuses, listStatuses } from './enums.js';
import { checkTimeRange, districtCodeParam, timeRangeShape } from './params.js';
import { jsonContent, protectedRoute } from './route-config.js';

export const summaryQuerySchema = z
  .object({ ...timeRangeShape, district: districtCodeParam.optional() })
  .superRefine(checkTimeRange);
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

const countsBy = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object(Object.fromEntries(values.map((v) => [v, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

export const summarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    /** The period of the same length just before [from, to), for the change figures. */
    previousFrom: z.string(),
    districtCode: z.string().nullable(),
    asOf: z.string(),
    institutions: z.object({
      total: z.number().int(),
      byStatus: countsBy(institutionStatuses),
      byList: countsBy(listStatuses),
    }),
    clues: z.object({
      inRange: z.number().int(),
      previousRange: z.number().int(),
      /** (inRange - previousRange) / previousRange; null when the previous period had none. */
      changeRatio: z.number().nullable(),
      /** Clues reported in range that are closed or rejected now. */
      closedInRange: z.number().int(),
      /** closedInRange / inRange; null when there were none. */
      closureRate: z.number().nullable(),
      /** Not closed nor rejected now, whenever reported. */
      open: z.number().int(),
      /** Open and past their due time now. */
      overdue: z.number().int(),
      /** When the scope's first clue was reported: a base period starting earlier is only partly recorded. */
      firstReportedAt: z.string().nullable(),
    }),
    officers: z.object({
      total: z.number().int(),
      validCertificates: z.number().int(),
      expiredCertificates: z.number().int(),
    }),
    /** Clues of [from, to) per district code, over every district the user may see (not only `district`). */
    cluesByDistrict: z.record(z.string(), z.number().int()),
  })
  .openapi('Summary');
export type Summary = z.infer<typeof summarySchema>;

export const summaryRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/summary',
    tags: ['summary'],
    summary: 'KPI cards for a time range (and district)',
    request: { query: summaryQuerySchema },
    responses: { 200: jsonContent(summarySchema, 'the KPI figures') },
  }),
);
