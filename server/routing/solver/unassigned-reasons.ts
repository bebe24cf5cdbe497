import type { UnassignedReason } from '../problem/solution-schema.js';
import { Route } from './route.js';
import type { Solution } from './solution.js';

/**
 * Why job j is left out: the first vehicle-independent obstacle (skills, capacity, time windows,
 * max_tasks) that holds for every vehicle, or `no_room` when the job fits an empty vehicle but
 * the routes are full of other (equal or higher priority) work.
 */
export function unassignedReason(sol: Solution, j: number): { reason: UnassignedReason; message: string } {
  const inst = sol.inst;
  const dims = inst.dims;
  const skilled: number[] = [];
  for (let v = 0; v < inst.vehicleCount; v++) if (inst.compatible[v * inst.jobCount + j]) skilled.push(v);
  if (skilled.length === 0) return { reason: 'skills', message: 'no vehicle has every skill this job requires' };
  const roomy = skilled.filter((v) => {
    for (let d = 0; d < dims; d++) {
      const cap = inst.vCapacity[v * dims + d];
      if (inst.delivery[j * dims + d] > cap || inst.pickup[j * dims + d] > cap) return false;
    }
    return true;
  });
  if (roomy.length === 0) return { reason: 'capacity', message: 'its amount exceeds the capacity of every vehicle with the required skills' };
  const withTasks = roomy.filter((v) => inst.vMaxTasks[v] > 0);
  if (withTasks.length === 0) return { reason: 'max_tasks', message: 'every suitable vehicle has max_tasks 0' };
  const reachable = withTasks.filter((v) => {
    const empty = new Route(inst, v);
    for (let p = 0; p <= empty.size; p++) if (!Number.isNaN(empty.insertionCost(j, p))) return true;
    return false;
  });
  if (reachable.length === 0) {
    return {
      reason: 'time_window',
      message: 'no suitable vehicle can reach it within its time windows and the vehicle shift (and breaks)',
    };
  }
  return {
    reason: 'no_room',
    message: `${reachable.length} vehicle(s) could serve it alone, but their time, capacity or task limits are taken by other jobs`,
  };
}
