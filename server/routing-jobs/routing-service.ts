import { availableParallelism } from 'node:os';
import type { Database } from '../../db/client.js';
import { JobRegistry, type JobControl, type JobError } from './job-registry.js';
import { roadNetworkSource } from './network-source.js';
import type { SolveResult, SolveTask } from './solve-task.js';
import { SolveTaskError, WorkerPool } from './worker-pool.js';

/** Reading the network, computing matrices and drawing routes come on top of the search time. */
const DEADLINE_FACTOR = 2;
const DEADLINE_GRACE_MS = 30_000;

export interface RoutingServiceOptions {
  database: Database;
  now: () => Date;
  /** Worker threads; default: all cores but one, at least one, at most two. */
  workers?: number;
}

/** Solves in worker threads on the stored road network, and keeps the background jobs. */
export class RoutingService<R = unknown> {
  readonly jobs: JobRegistry<R>;
  private readonly pool: WorkerPool;
  private readonly network: ReturnType<typeof roadNetworkSource>;

  constructor(options: RoutingServiceOptions) {
    this.pool = new WorkerPool(options.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1)));
    this.network = roadNetworkSource(options.database);
    this.jobs = new JobRegistry<R>(options.now);
  }

  /** Runs one solve; `control` (of a job) receives progress and may cancel it. */
  async solve(task: SolveTask, control?: JobControl): Promise<SolveResult> {
    const network = await this.network();
    if (control?.signal.cancelled) throw new SolveTaskError({ kind: 'cancelled', message: 'the solve was cancelled' });
    const handle = this.pool.run(task, network, {
      deadlineMs: task.timeLimitMs * DEADLINE_FACTOR + DEADLINE_GRACE_MS,
      onProgress: control ? (p) => control.progress(p.fraction, p.iteration) : undefined,
    });
    control?.onCancel(handle.cancel);
    return handle.result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** How a failed job tells its owner why, in the API's error vocabulary. */
export function jobErrorOf(error: unknown): JobError {
  if (error instanceof SolveTaskError) {
    const f = error.failure;
    if (f.kind === 'input') return { code: 'validation_failed', message: f.message, details: { issues: f.issues } };
    if (f.kind === 'timeout' || f.kind === 'cancelled') return { code: f.kind, message: f.message };
  }
  // Errors meant for the client (ApiError: 4xx) pass through with their code and message.
  const api = error as { status?: number; code?: string; message?: string; details?: unknown };
  if (api && typeof api.status === 'number' && api.status < 500 && typeof api.code === 'string') {
    return { code: api.code, message: api.message ?? 'invalid request', details: api.details };
  }
  // The client gets the one internal-error message; the cause stays in the server log.
  console.error('routing job failed:', error);
  return { code: 'internal', message: 'internal error while solving' };
}
