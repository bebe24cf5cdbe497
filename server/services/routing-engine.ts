import { availableParallelism } from 'node:os';
import type { Database } from '../../db/client.js';
import type { Clock } from '../domain/clock.js';
import { DomainInputError } from '../domain/errors.js';
import { RoutingInputError } from '../routing/problem/errors.js';
import { JobRegistry, type JobControl, type JobError, type JobLimits } from '../jobs/job-registry.js';
import type { SolveResult, SolveTask } from '../jobs/solve-task.js';
import { SolveTaskError, WorkerPool } from '../jobs/worker-pool.js';
import { roadNetworkSource } from './road-network.js';
import { ServiceError } from './errors.js';

/** Reading the network, computing matrices and drawing routes come on top of the search time. */
const DEADLINE_FACTOR = 2;
const DEADLINE_GRACE_MS = 30_000;

export interface RoutingEngineOptions {
  database: Database;
  now: Clock;
  /** Worker threads; default: all cores but one, at least one, at most two. */
  workers?: number;
  jobLimits?: JobLimits;
}

/** Solves in worker threads on the stored road network, and keeps the background jobs. */
export class RoutingEngine<R = unknown> {
  readonly jobs: JobRegistry<R>;
  private readonly pool: WorkerPool;
  private readonly network: ReturnType<typeof roadNetworkSource>;

  constructor(options: RoutingEngineOptions) {
    this.pool = new WorkerPool(options.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1)));
    this.network = roadNetworkSource(options.database);
    this.jobs = new JobRegistry<R>(options.now, options.jobLimits);
  }

  /** Runs one solve; `control` (of a job) receives progress and may cancel it. */
  async solve(task: SolveTask, control?: JobControl): Promise<SolveResult> {
    const network = await this.network();
    if (control?.signal.cancelled) throw new SolveTaskError({ kind: 'cancelled', message: 'the solve was cancelled' });
    const handle = this.pool.run(task, network, {
      deadlineMs: task.timeLimitMs * DEADLINE_FACTOR + DEADLINE_GRACE_MS,
      onProgress: control ? (p) => control.progress(p.fraction, p.iteration) : undefined,
    });
    control?.onCancel(() => handle.cancel());
    return handle.result.catch((error: unknown) => {
      throw asServiceFailure(error);
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * A failed solve as the error a request answers: bad input from the worker is the domain's input error (422 with
 * the fields), a solve past its deadline means the server is overloaded (503); cancellation stays as it is.
 */
function asServiceFailure(error: unknown): unknown {
  if (!(error instanceof SolveTaskError)) return error;
  const f = error.failure;
  if (f.kind === 'input') return new RoutingInputError(f.issues);
  if (f.kind === 'timeout') return new ServiceError('unavailable', `${f.message}; the solver is overloaded, try again shortly`, null, 10);
  return error;
}

/** How a failed job tells its owner why, in the API's error vocabulary. */
export function jobErrorOf(error: unknown): JobError {
  if (error instanceof SolveTaskError && (error.failure.kind === 'timeout' || error.failure.kind === 'cancelled')) {
    return { code: error.failure.kind, message: error.failure.message };
  }
  if (error instanceof ServiceError && error.status < 500) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof DomainInputError) return { code: 'unprocessable', message: error.message, details: { issues: error.issues } };
  // The client gets the one internal-error message; the cause stays in the server log.
  console.error('routing job failed:', error);
  return { code: 'internal', message: 'internal error while solving' };
}
