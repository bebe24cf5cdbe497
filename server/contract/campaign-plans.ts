import { createRoute, z } from '@hono/zod-openapi';
import { campaignDayTypes } from './enums.js';
import { districtCodeParam, idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';
import { jobStatuses } from './routing.js';
import { isIsoDate } from '../domain/time.js';
import { checkItems } from '../domain/campaign.js';

// The plan of a special campaign (专项行动方案): its targets with their reasons, the 双随机 draw of the registry, the
// joint teams of every district, day and shift with their members, and the routes the VRPTW solver gave them. One
// stored plan per campaign version; re-planning one district-day replaces that part and keeps the rest.

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Why a target is in the plan: the priority list, a hot grid cell's area patrol, or the registry draw. An urgent target
 * added while the campaign runs (插单) counts with the priority list and carries the reason `urgent`.
 */
export const targetSources = ['priority', 'hot_cell', 'random_draw'] as const;
/**
 * What put a target on the priority list (several may hold): risk tier A or B, unlicensed with open clues,
 * black-listed (黑名单), repeat offender (two or more recorded violations), in or next to a 95 %/99 % Gi* hot cell of
 * the focus clue types. Area patrols carry `hot_cell_99` or `hot_cell_95`.
 */
export const targetReasonCodes = [
  'tier_a',
  'tier_b',
  // The risk score's tiers run from A 低风险 to D 高风险 (server/domain/risk.ts): the priority list takes the two
  // highest, D and C. tier_a / tier_b stay for readers of older plans and are not produced.
  'tier_d',
  'tier_c',
  'unlicensed_open_clues',
  'blacklisted',
  'repeat_offender',
  'in_hot_cell',
  'next_to_hot_cell',
  'hot_cell_99',
  'hot_cell_95',
  'drawn',
  // 插单: an urgent clue or institution added to a running day.
  'urgent',
] as const;

/**
 * Why a target got no place in a route, as the planner met it: no team of the district has the departments it needs
 * (`skills`: the message names how many teams have them), every team that could take it already has its stop cap
 * (`max_tasks`), its opening hours and the shift do not meet (`time_window`), the shift is too short for it even
 * alone (`shift_length`), the teams that could serve it are full of higher-priority work (`no_room`), no road leads
 * there (`unreachable`), no joint team could be formed for it (`no_team`: officers, certificates, rest, recusal), or
 * no shift of the campaign is left for it (`no_shift`).
 */
export const planUnassignedReasons = [
  'skills',
  'capacity',
  'max_tasks',
  'time_window',
  'shift_length',
  'no_room',
  'unreachable',
  'no_team',
  'no_shift',
] as const;

export const campaignPlanSettingsSchema = z
  .object({
    /** The draw's seed (text); the same seed, pool and settings give the same plan. Default: campaign id and version. */
    seed: z.string().trim().min(1).max(100).optional(),
    /** Joint teams per district and shift, at most. */
    teamsPerDistrictShift: z.number().int().min(1).max(30).default(3),
    maxStopsPerTeam: z.number().int().min(1).max(20).default(8),
    /** 差异化监管: draw tier-A objects more often than tier-D ones. */
    drawWeighting: z.enum(['uniform', 'risk_tier']).default('risk_tier'),
    /** Leave out of the draw what was inspected in the last N days. */
    excludeInspectedDays: z.number().int().min(0).max(365).default(30),
    /**
     * 回避: no officer on a target they inspected in the last N campaigns (the stored plans of the other approved,
     * active or closed campaigns, ordered by their latest inspection); 0 turns the rule off.
     */
    recentCampaigns: z.number().int().min(0).max(10).default(2),
    /** 回避: not in the officer's own 街镇. */
    avoidOwnStreet: z.boolean().default(false),
    maxShiftsPerWeek: z.number().int().min(1).max(14).default(5),
    /** Seconds of search per district-shift route. */
    routeTimeLimit: z.number().min(0.05).max(10).default(0.5),
  })
  .strict()
  .openapi('CampaignPlanSettings');
export type CampaignPlanSettings = z.output<typeof campaignPlanSettingsSchema>;

export const campaignPlanRequestSchema = z
  .object({
    /** The campaign version the user saw: planning a version someone changed meanwhile is refused (409). */
    version: z.number().int().positive(),
    settings: campaignPlanSettingsSchema.prefault({}),
  })
  .strict()
  .openapi('CampaignPlanRequest');

export const campaignReplanRequestSchema = z
  .object({
    version: z.number().int().positive(),
    district: districtCodeParam,
    date: isoDate,
  })
  .strict()
  .openapi('CampaignReplanRequest');

const targetSchema = z.object({
  /** `institution:<id>` or `gridCell:<id>`. */
  key: z.string(),
  kind: z.enum(['institution', 'gridCell']),
  refId: z.number().int(),
  districtCode: z.string(),
  streetCode: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  creditCode: z.string().nullable(),
  location: lonLat,
  source: z.enum(targetSources),
  reasons: z.array(z.enum(targetReasonCodes)),
  /** 0–100: the solver drops low priorities first. */
  priority: z.number(),
  /** On-site minutes: 20 for an institution, 10–15 for a hot cell's area patrol (by its z). */
  serviceMinutes: z.number(),
  /** Opening hours (institutions) on school days, HH:MM–HH:MM; null = any time in the shift. */
  opens: clock.nullable(),
  closes: clock.nullable(),
  /** Opening hours on weekends, holidays and vacation days (the all-day shifts). */
  weekendOpens: clock.nullable(),
  weekendCloses: clock.nullable(),
  /** The risk tier (A 低风险 … D 高风险) of an institution; null for a grid cell. */
  riskTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  /** Departments the target needs besides education, from the department mix rules. */
  departments: z.array(z.string()),
  checks: z.array(z.enum(checkItems)),
  /** Visits planned (hot cells: the campaign's goal, e.g. twice). */
  visits: z.number().int(),
});

const shiftSchema = z.object({ id: z.string(), date: isoDate, start: clock, end: clock, dayType: z.enum(campaignDayTypes) });

const memberSchema = z.object({
  officerId: z.number().int(),
  name: z.string(),
  departmentCode: z.string(),
  certificateNo: z.string(),
  certificateExpiresOn: isoDate,
  lead: z.boolean(),
});

const routeStopSchema = z.object({
  targetKey: z.string(),
  /** Arrival and departure, HH:MM. */
  eta: clock,
  departure: clock,
  /** Travel from the previous stop, metres. */
  distanceMetres: z.number(),
});

const teamSchema = z.object({
  /** `<district>/<date>/<shift>#<n>`. */
  id: z.string(),
  label: z.string(),
  districtCode: z.string(),
  date: isoDate,
  shiftId: z.string(),
  base: z.object({ name: z.string(), location: lonLat }),
  members: z.array(memberSchema),
  departments: z.array(z.string()),
  stops: z.array(routeStopSchema),
  distanceMetres: z.number(),
  /** Back at the base, HH:MM. */
  returns: clock.nullable(),
  /** The road path base → stops → base ([] when only straight legs are known). */
  line: z.array(lonLat),
  /** When the team got no stop: why (`no_compatible_target`, `all_targets_served`, `targets_unreachable`). */
  idleReason: z.string().nullable(),
  /** When the team's remaining stops were last re-planned during the campaign (调整); null (or absent in older plans): never. */
  replannedAt: z.string().nullable().default(null),
});

const unassignedSchema = z.object({
  targetKey: z.string(),
  districtCode: z.string(),
  /** The shift it was planned for; null when no shift was left for it. */
  shiftId: z.string().nullable(),
  reason: z.enum(planUnassignedReasons),
  /** zh-CN / English, naming the numbers the planner met (e.g. 只有 1 组具备所需部门 / only 1 of 3 teams ...). */
  message: z.string(),
});

const loadSpreadSchema = z.object({ min: z.number(), max: z.number(), maxMinRatio: z.number().nullable(), gini: z.number() });

export const campaignDrawSchema = z.object({
  seed: z.string(),
  seedCommitment: sha256Hex,
  poolHash: sha256Hex,
  poolSize: z.number().int(),
  /** The audit entry that recorded the commitment before the draw. */
  commitAuditId: z.number().int(),
  weighting: z.enum(['uniform', 'risk_tier']),
  ratio: z.number(),
  strata: z.array(z.object({ districtCode: z.string(), pool: z.number().int(), drawn: z.number().int() })),
  drawnKeys: z.array(z.string()),
});

export const campaignPlanSchema = z
  .object({
    campaignId: z.number().int(),
    campaignVersion: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    settings: campaignPlanSettingsSchema,
    shifts: z.array(shiftSchema),
    targets: z.array(targetSchema),
    draw: campaignDrawSchema,
    teams: z.array(teamSchema),
    unassigned: z.array(unassignedSchema),
    load: z.object({
      officers: z.array(
        z.object({ officerId: z.number().int(), name: z.string(), departmentCode: z.string(), districtCode: z.string(), shifts: z.number().int(), stops: z.number().int() }),
      ),
      shifts: loadSpreadSchema,
      stops: loadSpreadSchema,
    }),
    /** zh-CN / English: plan-wide notices (a district with no eligible officers, a goal not met, ...). */
    warnings: z.array(z.string()),
    /** Goals of the definition and how far the plan meets them. */
    goals: z.array(z.object({ goal: z.string(), target: z.number(), planned: z.number(), met: z.boolean() })),
  })
  .openapi('CampaignPlan');
export type CampaignPlan = z.infer<typeof campaignPlanSchema>;
export type CampaignPlanTarget = z.infer<typeof targetSchema>;
export type CampaignPlanTeam = z.infer<typeof teamSchema>;
export type CampaignPlanShift = z.infer<typeof shiftSchema>;
export type CampaignPlanUnassigned = z.infer<typeof unassignedSchema>;
export type CampaignDraw = z.infer<typeof campaignDrawSchema>;

export const dispatchQuerySchema = z.object({
  district: districtCodeParam.optional(),
  date: isoDate.optional(),
  team: z.string().max(80).optional(),
});

export const exportParamsSchema = idParamsSchema.extend({
  table: z.enum(['targets', 'routes', 'assignments']),
  format: z.enum(['csv', 'geojson']),
});

export const getCampaignPlanRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan',
    tags: ['campaigns'],
    summary: 'The stored plan of the campaign (its current version); 404 when not planned yet',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(campaignPlanSchema, 'the plan'), 404: errorResponses[404] },
  }),
);

/** The stages of a planning job, in order. */
export const campaignPlanStages = ['loading', 'drawing', 'teams', 'routing', 'saving', 'done'] as const;

export const campaignPlanJobSchema = z
  .object({
    id: z.string(),
    kind: z.literal('campaign-plan'),
    campaignId: z.number().int(),
    status: z.enum(jobStatuses),
    /** 0..1: the share of the district-shifts routed. */
    progress: z.number().min(0).max(1),
    stage: z.enum(campaignPlanStages),
    /** District-shifts routed so far, of `total` (0 until the teams are formed). */
    done: z.number().int(),
    total: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: campaignPlanSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  })
  .openapi('CampaignPlanJob');
export type CampaignPlanJob = z.infer<typeof campaignPlanJobSchema>;

const planJobParams = idParamsSchema.extend({ jobId: z.string().uuid().openapi({ param: { name: 'jobId', in: 'path' } }) });
const jsonBody = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export const startCampaignPlanRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns/{id}/plan/jobs',
    tags: ['campaigns'],
    summary: 'Plan the draft campaign in the background (targets, the 双随机 draw, joint teams, routes); poll the job',
    request: { params: idParamsSchema, body: jsonBody(campaignPlanRequestSchema) },
    responses: {
      202: jsonContent(campaignPlanJobSchema, 'the job, queued'),
      404: errorResponses[404],
      409: errorResponses[409],
      422: errorResponses[422],
    },
  }),
);

export const getCampaignPlanJobRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/plan/jobs/{jobId}',
    tags: ['campaigns'],
    summary: 'Stage, progress and, once done, the plan of a planning job (only the user who started it sees it)',
    request: { params: planJobParams },
    responses: { 200: jsonContent(campaignPlanJobSchema, 'the job'), 404: errorResponses[404] },
  }),
);

export const replanCampaignRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns/{id}/plan/replan',
    tags: ['campaigns'],
    summary: 'Re-plan one district-day of the stored plan (teams and routes), keeping the rest; answers the whole plan',
    request: { params: idParamsSchema, body: jsonBody(campaignReplanRequestSchema) },
    responses: {
      200: jsonContent(campaignPlanSchema, 'the updated plan'),
      404: errorResponses[404],
      409: errorResponses[409],
      422: errorResponses[422],
    },
  }),
);
