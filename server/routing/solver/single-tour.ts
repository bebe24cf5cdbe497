import type { Instance } from './instance.js';
import type { Random } from '../../domain/random.js';
import type { Solution } from './solution.js';
import { TspSolver, type TspBudget } from './tsp.js';

/**
 * One vehicle, a closed tour, no time windows or breaks, every job allowed and the load never
 * able to exceed capacity: a travelling salesman problem, solved by the dedicated TSP search.
 */
export function tourApplies(inst: Instance): boolean {
  if (inst.vehicleCount !== 1 || inst.vBreaks[0].length > 0) return false;
  if (inst.vStartLoc[0] !== inst.vEndLoc[0]) return false;
  if (inst.vMaxTasks[0] < inst.jobCount) return false;
  for (let j = 0; j < inst.jobCount; j++) {
    if (!inst.compatible[j]) return false;
    const w = inst.twOffset[j];
    if (inst.twOffset[j + 1] - w !== 1 || inst.twStart[w] > inst.vTwStart[0] || inst.twEnd[w] !== Infinity) return false;
  }
  for (let d = 0; d < inst.dims; d++) {
    let total = 0;
    for (let j = 0; j < inst.jobCount; j++) total += inst.delivery[j * inst.dims + d] + inst.pickup[j * inst.dims + d];
    if (total > inst.vCapacity[d]) return false;
  }
  return true;
}

/** Sets the single route to the best tour found; false if the tour breaks the shift. */
export function solveSingleTour(sol: Solution, rng: Random, budget: TspBudget): boolean {
  const inst = sol.inst;
  const m = inst.jobCount + 1;
  const locs = new Int32Array(m);
  locs[0] = inst.vStartLoc[0];
  for (let j = 0; j < inst.jobCount; j++) locs[j + 1] = inst.taskLoc[j];
  const full = inst.classes[inst.vClass[0]].cost;
  const cost = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cost[a * m + b] = full[locs[a] * inst.n + locs[b]];
  const { tour } = new TspSolver(cost, m).solve(rng, budget);
  const route = sol.routes[0];
  route.tasks = Array.from(tour.subarray(1), (node) => node - 1);
  route.update();
  if (!route.feasible) {
    route.tasks = [];
    route.update();
    return false;
  }
  for (const j of route.tasks) sol.jobRoute[j] = 0;
  return true;
}
