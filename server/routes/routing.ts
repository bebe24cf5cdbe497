import { streamSSE } from 'hono/streaming';
import {
  cancelRoutingJobRoute,
  createRoutingJobRoute,
  defaultTimeLimitSeconds,
  getRoutingJobRoute,
  optimizeRoute,
  patrolOptionsRoute,
  patrolPlanJobRoute,
  patrolPlanRoute,
  routingJobEventsRoute,
  type PatrolPlan,
  type PatrolPlanRequest,
  type RoutingJob,
  type RoutingResult,
  type SolveQuery,
} from '../contract/routing.js';
import type { UserRow } from '../../db/queries/users.js';
import { ApiError, forbidden, notFound, unprocessable } from '../middleware/api-error.js';
import { audited } from '../middleware/audit.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { PlanningInputError } from '../planning/errors.js';
import { RoutingInputError } from '../routing/problem/errors.js';
import { parseProblem } from '../routing/problem/validate.js';
import type { JobView } from '../routing-jobs/job-registry.js';
import { patrolOptions, planPatrol } from '../routing-jobs/patrol-plan.js';
import { jobErrorOf, RoutingService } from '../routing-jobs/routing-service.js';
import type { SolveTask } from '../routing-jobs/solve-task.js';
import { shanghaiParts } from './shanghai-time.js';
import { createRouter } from './router.js';

type JobResult = RoutingResult | PatrolPlan;

/** Solving changes nothing, so every role may plan except the read-only wall display. */
function requirePlanner(user: UserRow): void {
  if (user.role === 'wall') throw forbidden('the wall display account cannot plan routes');
}

/** Checks the problem here (a quick 400) before it goes to a worker thread. */
function solveTask(body: unknown, query: SolveQuery): SolveTask {
  try {
    parseProblem(body);
  } catch (error) {
    if (error instanceof RoutingInputError) throw new ApiError('validation_failed', error.message, { issues: error.issues });
    throw error;
  }
  return { problem: body, seed: query.seed ?? 1, timeLimitMs: (query.timeLimit ?? defaultTimeLimitSeconds) * 1000, departureHour: query.departureHour };
}

/** A failed solve or plan as the API's one error shape. */
function apiErrorOf(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof PlanningInputError) return unprocessable(error.message, { issues: error.issues });
  const job = jobErrorOf(error);
  if (job.code === 'validation_failed') return new ApiError('validation_failed', job.message, job.details);
  if (job.code === 'timeout') return unprocessable(job.message);
  return error;
}

const jobBody = (view: JobView<JobResult>) => view as RoutingJob;

export function routingRouter(deps: Deps) {
  const service = new RoutingService<JobResult>({ database: deps.database, now: deps.now });

  const plan = async (user: UserRow, request: PatrolPlanRequest, control?: Parameters<typeof planPatrol>[4]) => {
    const p = { scope: scopeOf(user), district: request.district };
    const result = await planPatrol(deps.database, service, p, request, control).catch((error: unknown) => {
      throw apiErrorOf(error);
    });
    await audited(deps, { actor: user.username, action: 'patrol.plan', entity: 'patrol_plan' }, async () => ({
      entityId: null,
      before: null,
      after: {
        request,
        teams: result.teams.map((t) => ({ teamId: t.teamId, members: t.members.map((m) => m.id), stops: t.stops.map((s) => `${s.kind}:${s.refId}`) })),
        unassigned: result.unassigned.length,
        draw: result.draw,
      },
      result: null,
    }));
    return result;
  };

  return createRouter()
    .openapi(optimizeRoute, async (c) => {
      requirePlanner(c.get('user'));
      const task = solveTask(c.req.valid('json'), c.req.valid('query'));
      const result = await service.solve(task).catch((error: unknown) => {
        throw apiErrorOf(error);
      });
      return c.json(result as RoutingResult, 200);
    })
    .openapi(createRoutingJobRoute, async (c) => {
      const user = c.get('user');
      requirePlanner(user);
      const task = solveTask(c.req.valid('json'), c.req.valid('query'));
      const view = service.jobs.start(user.id, 'optimize', (control) => service.solve(task, control), jobErrorOf);
      return c.json(jobBody(view), 202);
    })
    .openapi(getRoutingJobRoute, async (c) => {
      const view = service.jobs.get(c.req.valid('param').id, c.get('user').id);
      if (!view) throw notFound('routing job');
      return c.json(jobBody(view), 200);
    })
    .openapi(cancelRoutingJobRoute, async (c) => {
      const view = service.jobs.cancel(c.req.valid('param').id, c.get('user').id);
      if (!view) throw notFound('routing job');
      return c.json(jobBody(view), 200);
    })
    .openapi(routingJobEventsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const owner = c.get('user').id;
      const first = service.jobs.get(id, owner);
      if (!first) throw notFound('routing job');
      return streamSSE(c, async (stream) => {
        const ended = (v: JobView<JobResult>) => v.status === 'done' || v.status === 'failed' || v.status === 'cancelled';
        let finish: () => void = () => {};
        const done = new Promise<void>((resolve) => (finish = resolve));
        const send = (v: JobView<JobResult>) => {
          // Progress events carry no result; the end event carries the whole job.
          const event = ended(v) ? 'end' : 'progress';
          const data = ended(v) ? v : { ...v, result: null };
          void stream.writeSSE({ event, data: JSON.stringify(data) }).then(() => ended(v) && finish());
        };
        const unsubscribe = service.jobs.subscribe(id, owner, send);
        stream.onAbort(() => finish());
        send(service.jobs.get(id, owner) ?? first);
        await done;
        unsubscribe?.();
      }) as never;
    })
    .openapi(patrolOptionsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      allowedDistrict(user, q.district);
      const date = q.date ?? shanghaiParts(deps.now()).iso;
      return c.json(await patrolOptions(deps.database, { scope: scopeOf(user), district: q.district }, date), 200);
    })
    .openapi(patrolPlanRoute, async (c) => {
      const user = c.get('user');
      requirePlanner(user);
      const request = c.req.valid('json');
      allowedDistrict(user, request.district);
      return c.json(await plan(user, request), 200);
    })
    .openapi(patrolPlanJobRoute, async (c) => {
      const user = c.get('user');
      requirePlanner(user);
      const request = c.req.valid('json');
      allowedDistrict(user, request.district);
      const view = service.jobs.start(user.id, 'patrol-plan', (control) => plan(user, request, control), (error) => jobErrorOf(apiErrorOf(error)));
      return c.json(jobBody(view), 202);
    });
}
