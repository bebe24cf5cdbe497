/**
 * Runs a solve off the main thread so that the server stays responsive, posting progress.
 *
 * In a worker (workerData.kind === 'vrp-solve') it solves workerData.problem and posts
 * `{ type: 'progress', … }` messages, then `{ type: 'result', solution }` or
 * `{ type: 'error', error }`. From the main thread, `solveInWorker` starts such a worker.
 * Travel cost providers are functions and cannot cross threads: give the problem matrices
 * first (see attachMatrices).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { RoutingInputError, type RoutingInputIssue } from './problem/errors.js';
import type { VrpSolution } from './problem/solution-schema.js';
import { solve } from './solver/solve.js';
import type { SearchProgress } from './solver/sisr.js';

export interface WorkerSolveOptions {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
}

export type WorkerMessage =
  | { type: 'progress'; progress: SearchProgress }
  | { type: 'result'; solution: VrpSolution }
  | { type: 'error'; error: { name: string; message: string; issues?: RoutingInputIssue[] } };

const PROGRESS_INTERVAL_MS = 250;

function runInWorker(): void {
  const { problem, options } = workerData as { problem: unknown; options: WorkerSolveOptions };
  let lastPost = -Infinity;
  try {
    const solution = solve(problem, {
      ...options,
      now: () => performance.now(),
      onProgress: (progress) => {
        const t = performance.now();
        if (t - lastPost < PROGRESS_INTERVAL_MS) return;
        lastPost = t;
        parentPort!.postMessage({ type: 'progress', progress } satisfies WorkerMessage);
      },
    });
    parentPort!.postMessage({ type: 'result', solution } satisfies WorkerMessage);
  } catch (e) {
    const error = e as Error;
    parentPort!.postMessage({
      type: 'error',
      error: { name: error.name, message: error.message, ...(e instanceof RoutingInputError ? { issues: e.issues } : {}) },
    } satisfies WorkerMessage);
  }
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === 'vrp-solve') runInWorker();

/**
 * Solves in a new worker thread. Rejects with RoutingInputError for invalid input. When this
 * module runs from TypeScript source, the worker first registers the tsx loader.
 */
export function solveInWorker(
  problem: unknown,
  options: WorkerSolveOptions = {},
  onProgress?: (progress: SearchProgress) => void,
): Promise<VrpSolution> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ kind: 'vrp-solve', problem, options });
    let settled = false;
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.progress);
      else {
        settled = true;
        if (msg.type === 'result') resolve(msg.solution);
        else reject(msg.error.issues ? new RoutingInputError(msg.error.issues) : new Error(msg.error.message));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`routing worker stopped with code ${code}`));
    });
  });
}

function startWorker(data: unknown): Worker {
  const entry = new URL(import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  // Register tsx's ESM loader in the worker, then load this module through it.
  const tsxApi = pathToFileURL(createRequire(entry).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `(async () => {
    const { register } = await import(${JSON.stringify(tsxApi)});
    register();
    await import(${JSON.stringify(entry.href)});
  })();`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}
