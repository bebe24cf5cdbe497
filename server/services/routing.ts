// Route solving as a capability: a solve answered in the request, background jobs with progress and cancellation
// (each owned by the user who started it), and joint patrol plans as jobs.
import { defaultTimeLimitSeconds, type PatrolPlanRequest, type RoutingJob, type RoutingJobResult, type RoutingResult, type SolveQuery } from '../contract/routing.js';
import type { UserRow } from '../../db/queries/users.js';
import type { JobView } from '../jobs/job-registry.js';
import type { SolveTask } from '../jobs/solve-task.js';
import { parseProblem } from '../routing/problem/validate.js';
import { requirePlanner } from './access.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';
import { planPatrol } from './patrol.js';
import { jobErrorOf } from './routing-engine.js';

type RoutingDeps = Pick<Deps, 'database' | 'now' | 'cellWeights' | 'routing'>;

/** Checks the problem here (a quick 422 naming the field) before it goes to a worker thread. */
function solveTask(body: unknown, query: SolveQuery): SolveTask {
  parseProblem(body);
  return { problem: body, seed: query.seed ?? 1, timeLimitMs: (query.timeLimit ?? defaultTimeLimitSeconds) * 1000, departureHour: query.departureHour };
}

const jobBody = (view: JobView<RoutingJobResult>) => view as RoutingJob;

export async function optimize(deps: RoutingDeps, user: UserRow, body: unknown, query: SolveQuery): Promise<RoutingResult> {
  requirePlanner(user);
  const task = solveTask(body, query);
  return await deps.routing.solve(task);
}

export function startSolveJob(deps: RoutingDeps, user: UserRow, body: unknown, query: SolveQuery): RoutingJob {
  requirePlanner(user);
  const task = solveTask(body, query);
  return jobBody(deps.routing.jobs.start(user.id, 'optimize', (control) => deps.routing.solve(task, control), jobErrorOf));
}

export function startPatrolPlanJob(deps: RoutingDeps, user: UserRow, request: PatrolPlanRequest): RoutingJob {
  requirePlanner(user);
  return jobBody(deps.routing.jobs.start(user.id, 'patrol-plan', (control) => planPatrol(deps, user, request, control), jobErrorOf));
}

export function routingJob(deps: RoutingDeps, user: UserRow, id: string): RoutingJob {
  const view = deps.routing.jobs.get(id, user.id);
  if (!view) throw notFound('routing job');
  return jobBody(view);
}

export function cancelRoutingJob(deps: RoutingDeps, user: UserRow, id: string): RoutingJob {
  const view = deps.routing.jobs.cancel(id, user.id);
  if (!view) throw notFound('routing job');
  return jobBody(view);
}

const ended = (job: RoutingJob) => job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

/**
 * Follows a job: `send` gets its current state, then every change, until it ends (`end` is then true). Resolves when
 * the job has ended or `aborted` resolves; progress events carry no result, the end event carries the whole job.
 */
export async function followRoutingJob(
  deps: RoutingDeps,
  user: UserRow,
  id: string,
  send: (event: 'progress' | 'end', job: RoutingJob) => Promise<void>,
  aborted: Promise<void>,
): Promise<void> {
  const first = routingJob(deps, user, id);
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const emit = (view: JobView<RoutingJobResult>) => {
    const job = jobBody(view);
    void send(ended(job) ? 'end' : 'progress', ended(job) ? job : { ...job, result: null }).then(() => ended(job) && finish());
  };
  const unsubscribe = deps.routing.jobs.subscribe(id, user.id, emit);
  void aborted.then(finish);
  emit(deps.routing.jobs.get(id, user.id) ?? first);
  await done;
  unsubscribe?.();
}
