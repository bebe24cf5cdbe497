import type { RoadNetworkData } from '../routing/network/index.js';
import type { SolveFailure, SolveProgress, SolveResult, SolveTask } from './solve-task.js';

/** The network a task runs on: its version, and its data unless the worker already holds that version. */
export interface NetworkRef {
  version: string;
  data?: RoadNetworkData | null;
}

export type ToWorker = { type: 'solve'; taskId: number; task: SolveTask; network: NetworkRef };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; taskId: number; progress: SolveProgress }
  | { type: 'done'; taskId: number; result: SolveResult }
  | { type: 'failed'; taskId: number; failure: SolveFailure };
