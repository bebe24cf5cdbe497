import { createRoute, z } from '@hono/zod-openapi';
import { problemSchema } from '../routing/problem/schema.js';
import { idleReasonSchema, idleVehicleDetailsSchema, routeSchema, solutionSchema, unassignedDetailsSchema } from '../routing/problem/solution-schema.js';
import { isIsoDate } from '../domain/time.js';
import { districtCodeParam } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// Patrol routing (巡查路线规划): VROOM-style solves with progress, and joint patrol plans for a district.

/** Answered in the request itself: the solver stops after this many seconds. */
export const maxDirectTimeLimitSeconds = 10;
/** Background jobs may search longer. */
export const maxJobTimeLimitSeconds = 60;
export const defaultTimeLimitSeconds = 2;

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const solveQueryShape = (maxSeconds: number) => ({
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional().openapi({ description: 'PRNG seed; the same seed gives the same plan', example: 1 }),
  timeLimit: z.coerce
    .number()
    .positive()
    .max(maxSeconds)
    .optional()
    .openapi({ description: `search time in seconds (default ${defaultTimeLimitSeconds}, at most ${maxSeconds})`, example: 2 }),
  departureHour: z.coerce
    .number()
    .min(0)
    .lt(24)
    .optional()
    .openapi({ description: 'hour of departure for road speeds (17–19 = 晚高峰 evening peak); default off-peak', example: 18 }),
});
export const optimizeQuerySchema = z.object(solveQueryShape(maxDirectTimeLimitSeconds));
export const jobQuerySchema = z.object(solveQueryShape(maxJobTimeLimitSeconds));
export type SolveQuery = z.infer<typeof optimizeQuerySchema>;

/**
 * The request body is the VROOM-style problem of the solver, checked by the solver's own validation (which also
 * checks ids, indices and matrix sizes), so that every routing entry point refuses the same inputs the same way.
 */
export const routingProblemBodySchema = z
  .record(z.string(), z.unknown())
  .openapi('RoutingProblem', {
    description: 'A VROOM-style problem: vehicles, jobs, optional matrices and options (see docs/routing.md)',
    example: {
      vehicles: [{ id: 1, start: [121.4737, 31.2304], end: [121.4737, 31.2304], time_window: [64800, 75600] }],
      jobs: [
        { id: 1, location: [121.48, 31.235], service: 1200 },
        { id: 2, location: [121.468, 31.225], service: 1200, time_windows: [[64800, 70000]] },
      ],
      options: { g: true },
    },
  });
export type RoutingProblem = z.infer<typeof problemSchema>;

export const routedRouteSchema = routeSchema.extend({
  /** Some leg is a straight-line estimate (great circle × circuity), not a path on the road network. */
  approximate: z.boolean(),
  /** Seconds for each vertex of the geometry, for playback; empty when there is no geometry. */
  timestamps: z.array(z.number()),
});
export const routedSolutionSchema = solutionSchema.extend({ routes: z.array(routedRouteSchema) }).openapi('RoutedSolution');
export type RoutedRoute = z.infer<typeof routedRouteSchema>;
export type RoutedSolution = z.infer<typeof routedSolutionSchema>;

export const routingResultSchema = z
  .object({
    solution: routedSolutionSchema,
    approximate: z.boolean(),
    roadNetwork: z.object({ edges: z.number().int(), nodes: z.number().int() }).nullable(),
  })
  .openapi('RoutingResult');
export type RoutingResult = z.infer<typeof routingResultSchema>;

export const shiftKinds = ['weekday_evening', 'weekend_day', 'custom'] as const;
export const fireSafetyPolicies = ['none', 'unlicensed', 'all'] as const;
const isoDate = z.string().refine(isIsoDate, 'date must be a calendar date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
const ids = z.array(z.number().int().positive()).max(200);

export const patrolPlanRequestSchema = z
  .object({
    district: districtCodeParam,
    date: isoDate.openapi({ example: '2026-11-23' }),
    shift: z.object({ kind: z.enum(shiftKinds), start: clock.optional(), end: clock.optional() }).strict(),
    teams: z.number().int().min(1).max(30),
    /** An office of the district (its department code, from patrol-options) or any point. */
    base: z.union([
      z.object({ office: z.string().min(1) }).strict(),
      z.object({ location: lonLat, name: z.string().max(100).optional() }).strict(),
    ]),
    targets: z
      .object({
        topInstitutions: z.number().int().min(0).max(200).optional(),
        topGridCells: z.number().int().min(0).max(100).optional(),
        institutionIds: ids.optional(),
        gridCellIds: ids.optional(),
        random: z.object({ count: z.number().int().min(1).max(100), seed: z.number().int().min(0).max(2 ** 31 - 1) }).strict().optional(),
      })
      .strict(),
    maxStopsPerTeam: z.number().int().min(1).max(30).optional(),
    fireSafety: z.enum(fireSafetyPolicies).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    timeLimit: z.number().positive().max(maxJobTimeLimitSeconds).optional(),
  })
  .strict()
  .openapi('PatrolPlanRequest', {
    example: {
      district: '310107',
      date: '2026-11-23',
      shift: { kind: 'weekday_evening' },
      teams: 2,
      base: { office: 'education' },
      targets: { topInstitutions: 10 },
    },
  });
export type PatrolPlanRequest = z.infer<typeof patrolPlanRequestSchema>;

const stopKind = z.enum(['institution', 'gridCell']);
const checks = z.array(z.enum(['inspection', 'fire_safety', 'area_patrol']));

export const plannedStopSchema = z.object({
  sequence: z.number().int(),
  jobId: z.number().int(),
  kind: stopKind,
  refId: z.number().int(),
  name: z.string(),
  location: lonLat,
  checks,
  priority: z.number(),
  arrivalSeconds: z.number(),
  startSeconds: z.number(),
  eta: z.string(),
});
export type PlannedStop = z.infer<typeof plannedStopSchema>;

export const teamSummarySchema = z.object({
  teamId: z.number().int(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), departmentCode: z.string() })),
  stops: z.array(plannedStopSchema),
  stopCount: z.number().int(),
  distanceMetres: z.number(),
  travelSeconds: z.number(),
  workingSeconds: z.number(),
  departure: z.string(),
  firstEta: z.string().nullable(),
  lastEta: z.string().nullable(),
  returnEta: z.string(),
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;

/** A team formed for the patrol that got no stop, and why. */
export const idleTeamSchema = z.object({
  teamId: z.number().int(),
  members: teamSummarySchema.shape.members,
  reason: idleReasonSchema,
  message: z.string(),
  details: idleVehicleDetailsSchema,
});
export type IdleTeam = z.infer<typeof idleTeamSchema>;

export const unassignedStopSchema = z.object({
  jobId: z.number().int(),
  kind: stopKind,
  refId: z.number().int(),
  name: z.string(),
  reason: z.string(),
  message: z.string(),
  details: unassignedDetailsSchema.optional(),
});
export type UnassignedStop = z.infer<typeof unassignedStopSchema>;

export const patrolPlanSchema = z
  .object({
    district: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    date: z.string(),
    shift: z.object({ kind: z.enum(shiftKinds), start: z.string(), end: z.string() }),
    base: z.object({ name: z.string(), location: lonLat }),
    teams: z.array(teamSummarySchema),
    /** Teams without a stop, each with the reason; the same teams are left out of `teams`. */
    idleTeams: z.array(idleTeamSchema),
    unassigned: z.array(unassignedStopSchema),
    excludedOfficers: z.array(z.object({ id: z.number().int(), name: z.string(), reason: z.literal('certificate_expired') })),
    warnings: z.array(z.string()),
    draw: z.object({ seed: z.number().int(), institutionIds: z.array(z.number().int()) }).nullable(),
    assignedStops: z.number().int(),
    totalDistanceMetres: z.number(),
    approximate: z.boolean(),
    seed: z.number().int(),
    solution: routedSolutionSchema,
    /** The routing problem as solved: download it and run `npm run vrp -- problem.json` to reproduce the plan. */
    problem: z.record(z.string(), z.unknown()),
    departureHour: z.number(),
  })
  .openapi('PatrolPlan');
export type PatrolPlan = z.infer<typeof patrolPlanSchema>;

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const routingJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['optimize', 'patrol-plan']),
    status: z.enum(jobStatuses),
    progress: z.number().min(0).max(1),
    iterations: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: z.union([routingResultSchema, patrolPlanSchema]).nullable(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  })
  .openapi('RoutingJob');
export type RoutingJob = z.infer<typeof routingJobSchema>;
/** What a routing job ends with: a solution, or a patrol plan. */
export type RoutingJobResult = RoutingResult | PatrolPlan;

export const patrolOptionsQuerySchema = z.object({
  district: districtCodeParam,
  date: isoDate.optional().openapi({ description: 'patrol date (certificates valid on it); default today', example: '2026-11-23' }),
});

export const patrolOptionsSchema = z
  .object({
    district: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    date: z.string(),
    bases: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), location: lonLat, officers: z.number().int() })),
    officers: z.object({ total: z.number().int(), certified: z.number().int(), education: z.number().int(), fireRescue: z.number().int(), maxTeams: z.number().int() }),
    institutions: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        location: lonLat,
        priority: z.number(),
        recentClueCount: z.number().int(),
        status: z.string(),
        listStatus: z.string(),
      }),
    ),
    gridCells: z.array(z.object({ id: z.number().int(), name: z.string(), location: lonLat, priority: z.number(), recentClueCount: z.number().int() })),
  })
  .openapi('PatrolOptions');
export type PatrolOptions = z.infer<typeof patrolOptionsSchema>;

const jobIdParams = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const jsonBody = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export const optimizeRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/routing/optimize',
    tags: ['routing'],
    summary: 'Solve a VROOM-style routing problem now (short solves), with road geometry where the network covers the stops',
    request: { query: optimizeQuerySchema, body: jsonBody(routingProblemBodySchema) },
    responses: { 200: jsonContent(routingResultSchema, 'the solution'), 413: errorResponses[413], 422: errorResponses[422] },
  }),
);

export const createRoutingJobRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/routing/jobs',
    tags: ['routing'],
    summary: 'Start a longer solve in the background; follow it at /routing/jobs/{id} or its /events stream',
    request: { query: jobQuerySchema, body: jsonBody(routingProblemBodySchema) },
    responses: { 202: jsonContent(routingJobSchema, 'the job, queued'), 413: errorResponses[413] },
  }),
);

export const getRoutingJobRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/routing/jobs/{id}',
    tags: ['routing'],
    summary: 'Status, progress and, once done, the result of a routing job (only its owner sees it)',
    request: { params: jobIdParams },
    responses: { 200: jsonContent(routingJobSchema, 'the job'), 404: errorResponses[404] },
  }),
);

export const cancelRoutingJobRoute = createRoute(
  protectedRoute({
    method: 'delete',
    path: '/routing/jobs/{id}',
    tags: ['routing'],
    summary: 'Cancel a routing job',
    request: { params: jobIdParams },
    responses: { 200: jsonContent(routingJobSchema, 'the job after cancelling'), 404: errorResponses[404] },
  }),
);

export const routingJobEventsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/routing/jobs/{id}/events',
    tags: ['routing'],
    summary: 'Server-Sent Events of a routing job: `progress` events, then one `end` event with the final job',
    request: { params: jobIdParams },
    responses: {
      200: { description: 'text/event-stream; each event data is a RoutingJob', content: { 'text/event-stream': { schema: z.string() } } },
      404: errorResponses[404],
    },
  }),
);

export const patrolOptionsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/routing/patrol-options',
    tags: ['routing'],
    summary: 'What a patrol in a district can start from: offices, certified officers, top-priority institutions and grid cells',
    request: { query: patrolOptionsQuerySchema },
    responses: { 200: jsonContent(patrolOptionsSchema, 'the options'), 404: errorResponses[404] },
  }),
);

export const patrolPlanRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/routing/patrol-plan',
    tags: ['routing'],
    summary: 'Plan a joint patrol (联合巡查): teams of certified officers, routes with ETAs, and the routing problem',
    request: { body: jsonBody(patrolPlanRequestSchema) },
    responses: { 200: jsonContent(patrolPlanSchema, 'the plan'), 404: errorResponses[404], 422: errorResponses[422] },
  }),
);

export const patrolPlanJobRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/routing/patrol-plan/jobs',
    tags: ['routing'],
    summary: 'Plan a joint patrol in the background (progress at /routing/jobs/{id})',
    request: { body: jsonBody(patrolPlanRequestSchema) },
    responses: { 202: jsonContent(routingJobSchema, 'the job, queued'), 404: errorResponses[404], 422: errorResponses[422] },
  }),
);
