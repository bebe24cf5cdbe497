import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { tooManyRequests } from '../services/errors.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobError {
  /** An API error code (validation_failed, unprocessable, not_found…), or timeout / cancelled. */
  code: string;
  message: string;
  details?: unknown;
}

export interface JobView<R> {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0..1. */
  progress: number;
  iterations: number;
  createdAt: string;
  finishedAt: string | null;
  result: R | null;
  error: JobError | null;
}

interface JobRecord<R> extends JobView<R> {
  owner: number;
  cancel: () => void;
  listeners: Set<(view: JobView<R>) => void>;
}

export interface JobControl {
  progress(fraction: number, iterations: number): void;
  /** Set once the work can be stopped. */
  onCancel(cancel: () => void): void;
  signal: { cancelled: boolean };
}

/** Finished jobs are kept this long for their owner to fetch the result … */
export const FINISHED_JOB_TTL_MS = 15 * 60_000;
/** … and at most this many of them (the oldest go first). */
export const MAX_FINISHED_JOBS = 200;

export interface JobLimits {
  /** Queued or running jobs of all users together. */
  active: number;
  /** Queued or running jobs of one user. */
  activePerUser: number;
  /** Told to a refused client: how long a job usually takes to finish. */
  retryAfterSeconds: number;
}

/** The workers solve a few jobs at a time; more queue behind them. One user may not take the whole queue. */
export const DEFAULT_JOB_LIMITS: JobLimits = { active: 24, activePerUser: 4, retryAfterSeconds: 5 };

/**
 * Routing jobs in memory: each belongs to the user who started it, reports progress to its listeners (the SSE stream)
 * and keeps its result for a while after it ends. A restart forgets them: a job is a computation, not a record.
 */
export class JobRegistry<R> {
  private readonly jobs = new Map<string, JobRecord<R>>();

  constructor(
    private readonly now: Clock,
    private readonly limits: JobLimits = DEFAULT_JOB_LIMITS,
  ) {}

  /** Starts a job, or refuses it with 429 when the queue or the user's quota is full. */
  start(owner: number, kind: string, work: (control: JobControl) => Promise<R>, describeError: (error: unknown) => JobError): JobView<R> {
    this.sweep();
    const active = [...this.jobs.values()].filter((j) => j.status === 'queued' || j.status === 'running');
    const { retryAfterSeconds } = this.limits;
    if (active.filter((j) => j.owner === owner).length >= this.limits.activePerUser) {
      throw tooManyRequests(`you already have ${this.limits.activePerUser} routing jobs queued or running; wait for one to finish`, retryAfterSeconds, {
        limit: this.limits.activePerUser,
      });
    }
    if (active.length >= this.limits.active) {
      throw tooManyRequests(`the routing queue is full (${this.limits.active} jobs); try again shortly`, retryAfterSeconds, { limit: this.limits.active });
    }
    const job: JobRecord<R> = {
      id: randomUUID(),
      kind,
      owner,
      status: 'queued',
      progress: 0,
      iterations: 0,
      createdAt: this.now().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
      cancel: () => {},
      listeners: new Set(),
    };
    this.jobs.set(job.id, job);
    const signal = { cancelled: false };
    const control: JobControl = {
      progress: (fraction, iterations) => {
        if (job.status !== 'queued' && job.status !== 'running') return;
        job.status = 'running';
        job.progress = Math.max(job.progress, Math.min(0.99, fraction));
        job.iterations = iterations;
        this.emit(job);
      },
      onCancel: (cancel) => (job.cancel = cancel),
      signal,
    };
    job.cancel = () => (signal.cancelled = true);
    work(control).then(
      (result) => this.end(job, { status: 'done', result, progress: 1 }),
      (error: unknown) => this.end(job, signal.cancelled ? { status: 'cancelled', error: { code: 'cancelled', message: 'the job was cancelled' } } : { status: 'failed', error: describeError(error) }),
    );
    return this.view(job);
  }

  get(id: string, owner: number): JobView<R> | null {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? this.view(job) : null;
  }

  /** Whether the registry still holds the job (of any owner). */
  exists(id: string): boolean {
    return this.jobs.has(id);
  }

  cancel(id: string, owner: number): JobView<R> | null {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return null;
    if (job.status === 'queued' || job.status === 'running') {
      const cancel = job.cancel;
      job.cancel = () => {};
      this.end(job, { status: 'cancelled', error: { code: 'cancelled', message: 'the job was cancelled' } });
      cancel();
    }
    return this.view(job);
  }

  /** Calls `listener` on every change until it returns; returns the unsubscribe function, or null for an unknown job. */
  subscribe(id: string, owner: number, listener: (view: JobView<R>) => void): (() => void) | null {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return null;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  private end(job: JobRecord<R>, change: Partial<JobView<R>>): void {
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return;
    Object.assign(job, change, { finishedAt: this.now().toISOString() });
    this.emit(job);
  }

  private emit(job: JobRecord<R>): void {
    const view = this.view(job);
    for (const listener of job.listeners) listener(view);
  }

  private view(job: JobRecord<R>): JobView<R> {
    const { owner: _o, cancel: _c, listeners: _l, ...view } = job;
    return { ...view };
  }

  private sweep(): void {
    const cutoff = this.now().getTime() - FINISHED_JOB_TTL_MS;
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const job of finished) if (Date.parse(job.finishedAt!) < cutoff) this.jobs.delete(job.id);
    // Insertion order is creation order, so the first finished ones are the oldest.
    const excess = finished.filter((j) => this.jobs.has(j.id)).length - MAX_FINISHED_JOBS;
    for (const job of finished.slice(0, Math.max(0, excess))) this.jobs.delete(job.id);
  }
}
