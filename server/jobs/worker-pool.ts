import { Worker } from 'node:worker_threads';
import type { RoadNetworkData } from '../routing/network/index.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { SolveFailure, SolveProgress, SolveResult, SolveTask } from './solve-task.js';

/** Why a task ended without a result. */
export class SolveTaskError extends Error {
  constructor(
    readonly failure: SolveFailure | { kind: 'cancelled' | 'timeout'; message: string },
  ) {
    super(failure.message);
    this.name = 'SolveTaskError';
  }
}

export interface TaskHandle {
  result: Promise<SolveResult>;
  /** Stops the task: a queued task leaves the queue, a running one loses its worker (a fresh one replaces it). */
  cancel(): void;
}

interface Pending {
  taskId: number;
  task: SolveTask;
  network: { version: string; data: RoadNetworkData | null };
  onProgress?: (p: SolveProgress) => void;
  resolve: (r: SolveResult) => void;
  reject: (e: Error) => void;
  /** Hard limit: the worker is terminated when the task runs this long (the solver's own limit plus loading and drawing). */
  deadlineMs: number;
}

interface Slot {
  worker: Worker;
  networkVersion: string | null;
  running: Pending | null;
  timer: NodeJS.Timeout | null;
}

const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url);
const entry = new URL('./solve-worker.ts', import.meta.url).href;

/**
 * A fixed number of worker threads that solve routing tasks one at a time each, so that a long solve never blocks the
 * server's event loop. Workers are unref'd: an idle pool does not keep the process alive.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
  }

  run(task: SolveTask, network: { version: string; data: RoadNetworkData | null }, options: { deadlineMs: number; onProgress?: (p: SolveProgress) => void }): TaskHandle {
    if (this.closed) throw new Error('the routing worker pool is closed');
    let pending!: Pending;
    const result = new Promise<SolveResult>((resolve, reject) => {
      pending = { taskId: this.nextTaskId++, task, network, onProgress: options.onProgress, resolve, reject, deadlineMs: options.deadlineMs };
    });
    this.queue.push(pending);
    this.dispatch();
    return { result, cancel: () => this.abort(pending, { kind: 'cancelled', message: 'the solve was cancelled' }) };
  }

  get busy(): number {
    return this.slots.filter((s) => s.running).length + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new SolveTaskError({ kind: 'cancelled', message: 'the server is shutting down' }));
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, 'the server is shutting down')));
  }

  private spawn(): Slot {
    const worker = new Worker(bootstrap, { workerData: { entry } });
    worker.unref();
    const slot: Slot = { worker, networkVersion: null, running: null, timer: null };
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error: Error) => this.onCrash(slot, error));
    worker.on('exit', (code) => {
      if (slot.running) this.onCrash(slot, new Error(`routing worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.running = pending;
      const send = slot.networkVersion !== pending.network.version;
      const message: ToWorker = {
        type: 'solve',
        taskId: pending.taskId,
        task: pending.task,
        network: send ? pending.network : { version: pending.network.version },
      };
      slot.networkVersion = pending.network.version;
      slot.worker.postMessage(message);
      slot.timer = setTimeout(
        () => this.abort(pending, { kind: 'timeout', message: `the solve did not finish within ${Math.round(pending.deadlineMs / 1000)} s` }),
        pending.deadlineMs,
      );
      slot.timer.unref();
    }
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const pending = slot.running;
    if (message.type === 'ready' || !pending || message.taskId !== pending.taskId) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.finish(slot);
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(new SolveTaskError(message.failure));
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = null;
  }

  private onCrash(slot: Slot, error: Error): void {
    const pending = slot.running;
    this.finish(slot);
    this.remove(slot);
    pending?.reject(new SolveTaskError({ kind: 'internal', message: error.message }));
    this.dispatch();
  }

  private abort(pending: Pending, failure: { kind: 'cancelled' | 'timeout'; message: string }): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      pending.reject(new SolveTaskError(failure));
      return;
    }
    const slot = this.slots.find((s) => s.running === pending);
    if (!slot) return;
    this.finish(slot);
    void this.retire(slot, failure.message);
    pending.reject(new SolveTaskError(failure));
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private async retire(slot: Slot, _why: string): Promise<void> {
    this.remove(slot);
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
  }
}
