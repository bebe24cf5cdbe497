import { createRoute, z } from '@hono/zod-openapi';
import { districtCodeParam, idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';
import { isIsoDate } from '../domain/time.js';
import { replanReasons } from '../domain/vocabulary.js';
import { campaignPlanSchema } from './campaign-plans.js';

// Re-planning a running campaign day (调整): an officer drops out (因故缺勤) or an urgent target arrives (插单). The
// remaining stops of the team-shifts it concerns are routed again; what the teams did or are doing stays fixed.

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const id = z.number().int().positive();

/** 因故缺勤: the officer leaves their team; 插单: an urgent clue (its institution, or its grid cell) or an institution. */
export const replanEventSchema = z.union([
  z.object({ kind: z.literal('officer_out'), officerId: id }).strict(),
  z.object({ kind: z.literal('urgent_target'), clueId: id }).strict(),
  z.object({ kind: z.literal('urgent_target'), institutionId: id }).strict(),
]);

export const teamReplanRequestSchema = z
  .object({
    /** The campaign version the user saw (409 when it changed). */
    version: z.number().int().positive(),
    district: districtCodeParam,
    date: isoDate,
    /** One shift of the day (`<date>#<n>`); default: the shift the event concerns. */
    shiftId: z.string().regex(/^\d{4}-\d{2}-\d{2}#\d+$/).optional(),
    event: replanEventSchema,
  })
  .strict()
  .openapi('TeamReplanRequest');
export type TeamReplanRequest = z.output<typeof teamReplanRequestSchema>;

const teamChangeSchema = z.object({
  teamId: z.string(),
  /** Remaining stops (target keys) before and after, in route order; the fixed (done, in progress) ones are not listed. */
  before: z.array(z.string()),
  after: z.array(z.string()),
  membersBefore: z.array(z.number().int()),
  membersAfter: z.array(z.number().int()),
  /** False when the team can no longer inspect (双人执法: fewer than two certified officers, or no education lead). */
  active: z.boolean(),
});

export const teamReplanResultSchema = z
  .object({
    campaignId: z.number().int(),
    districtCode: z.string(),
    date: isoDate,
    reason: z.enum(replanReasons),
    /** The teams whose route or members changed (they carry `replannedAt`). */
    teamIds: z.array(z.string()),
    replannedAt: z.string(),
    summary: z.object({
      teams: z.array(teamChangeSchema),
      /** Stops that changed team; `to` null = unassigned now, `from` null = the urgent target. */
      moved: z.array(z.object({ targetKey: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
      unassigned: z.array(z.string()),
    }),
    /** The changed teams as the plan now holds them. */
    teams: campaignPlanSchema.shape.teams,
    /** The urgent target, when it was new to the plan. */
    addedTarget: campaignPlanSchema.shape.targets.element.nullable(),
  })
  .openapi('TeamReplanResult');
export type TeamReplanResult = z.infer<typeof teamReplanResultSchema>;

export const replanTeamsRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns/{id}/plan/teams/replan',
    tags: ['campaigns'],
    summary: 'Re-plan the remaining stops of a running campaign day after an officer drops out or an urgent target arrives (audited)',
    request: { params: idParamsSchema, body: { required: true, content: { 'application/json': { schema: teamReplanRequestSchema } } } },
    responses: {
      200: jsonContent(teamReplanResultSchema, 'the changed teams and what moved'),
      404: errorResponses[404],
      409: errorResponses[409],
      422: errorResponses[422],
    },
  }),
);
