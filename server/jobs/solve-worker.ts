// The worker thread of the routing runner: solves one task at a time, reports progress, keeps the road network.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { RoadNetworkData } from '../routing/network/index.js';
import { describeFailure, networkKeeper, runSolveTask } from './solve-task.js';
import type { ToWorker } from './messages.js';

const port = parentPort;
if (!port) throw new Error('solve-worker.ts must run in a worker thread');
const keeper = networkKeeper();
/** At most this many progress messages a second: the solver reports far more often. */
const PROGRESS_INTERVAL_MS = 100;

port.on('message', (message: ToWorker) => {
  if (message.type !== 'solve') return;
  const { taskId, task, network } = message;
  try {
    if (!keeper.has(network.version)) keeper.set(network.version, network.data as RoadNetworkData | null);
    let lastReport = -Infinity;
    const result = runSolveTask(task, keeper.get(), () => performance.now(), (progress) => {
      if (progress.elapsedMs - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = progress.elapsedMs;
      port.postMessage({ type: 'progress', taskId, progress });
    });
    port.postMessage({ type: 'done', taskId, result });
  } catch (error) {
    port.postMessage({ type: 'failed', taskId, failure: describeFailure(error) });
  }
});
port.postMessage({ type: 'ready' });
