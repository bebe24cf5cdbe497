import { createRoute, z } from '@hono/zod-openapi';
import { checkInResults } from '../domain/vocabulary.js';
import { idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// The campaign board (行动看板): planned vs done so far, by district, team-shift and shift, the results, where each
// team was last seen, and every planned stop done or not, in the caller's district scope.

const lonLat = z.tuple([z.number(), z.number()]);

/** planned = the stops of the stored plan; done = check-ins; confirmed = co-signed (双人执法); pending = 待确认; far = 距离过远. */
const countsShape = {
  planned: z.number().int(),
  done: z.number().int(),
  confirmed: z.number().int(),
  pending: z.number().int(),
  far: z.number().int(),
};
export const progressCountsSchema = z.object(countsShape);
export type ProgressCounts = z.infer<typeof progressCountsSchema>;

export const teamPositionSchema = z.object({
  location: lonLat,
  /** When the device was there (its clock): the check-in's time or the arrival's. */
  at: z.string(),
  source: z.enum(['check_in', 'arrival']),
  targetKey: z.string(),
});

export const campaignProgressSchema = z
  .object({
    campaignId: z.number().int(),
    version: z.number().int(),
    status: z.string(),
    name: z.string(),
    totals: progressCountsSchema,
    districts: z.array(z.object({ districtCode: z.string(), ...countsShape })),
    shifts: z.array(z.object({ shiftId: z.string(), date: z.string(), start: z.string(), end: z.string(), ...countsShape })),
    teams: z.array(
      z.object({
        teamId: z.string(),
        label: z.string(),
        districtCode: z.string(),
        date: z.string(),
        shiftId: z.string(),
        /** The team lead's name (the plan's member marked lead), for the board's table. */
        lead: z.string().nullable(),
        ...countsShape,
        lastPosition: teamPositionSchema.nullable(),
      }),
    ),
    /** Check-ins so far by result, every result listed (0 when none). */
    results: z.array(z.object({ result: z.enum(checkInResults), count: z.number().int() })),
    /** Every planned stop, in route order per team: done or not, for the map. */
    stops: z.array(
      z.object({
        teamId: z.string(),
        targetKey: z.string(),
        name: z.string(),
        location: lonLat,
        order: z.number().int(),
        result: z.enum(checkInResults).nullable(),
        confirmed: z.boolean(),
        far: z.boolean(),
      }),
    ),
    /** The newest device time among the check-ins and arrivals counted; null before the first. */
    lastActivityAt: z.string().nullable(),
  })
  .openapi('CampaignProgress');
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

export const campaignProgressRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/progress',
    tags: ['campaigns'],
    summary: 'The campaign board: planned vs done by district, team-shift and shift, results so far, team positions (caller’s district scope)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(campaignProgressSchema, 'the progress'), 404: errorResponses[404] },
  }),
);
