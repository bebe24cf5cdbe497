import type { Instance } from '../instance.js';

/**
 * A capacitated VRP in its classic form: one depot, identical vehicles with one capacity, a
 * fleet that cannot run out, a symmetric cost matrix, nothing else. Node 0 is the depot, node
 * i (1..customers) is job i − 1.
 */
export interface CvrpModel {
  customers: number;
  /** Nodes per matrix row: customers + 1. */
  size: number;
  /** Symmetric travel cost, size × size. */
  dist: Float64Array;
  demand: Float64Array;
  capacity: number;
  /** For every node, the other customers by increasing cost from it (depot row empty). */
  nearest: Int32Array[];
  /** Largest arc cost: the scale of the initial capacity penalty. */
  maxDist: number;
  /** Total demand over all customers. */
  totalDemand: number;
}

/** How many nearest customers are kept per customer; the search uses a prefix. */
const NEAREST = 40;

/**
 * Whether the problem is a classic CVRP the dedicated search can solve exactly as stated: one
 * travel class with a symmetric matrix, vehicles all alike (same start and end place, one
 * capacity dimension, no shift end, breaks, fixed cost, skills or task limit that could bind),
 * at least as many vehicles as jobs (so the fleet never binds), every job a delivery without
 * time window or priority trade-off that fits an empty vehicle, and no balance term.
 */
export function cvrpApplies(inst: Instance): boolean {
  const J = inst.jobCount;
  if (J < 2 || inst.dims !== 1 || inst.classes.length !== 1 || inst.balanceWeight !== 0) return false;
  if (inst.vehicleCount < J) return false;
  const depot = inst.vStartLoc[0];
  const capacity = inst.vCapacity[0];
  if (!(capacity < Infinity) || !(capacity > 0)) return false;
  for (let v = 0; v < inst.vehicleCount; v++) {
    if (inst.vStartLoc[v] !== depot || inst.vEndLoc[v] !== depot || !inst.vHasStart[v] || !inst.vHasEnd[v]) return false;
    if (inst.vCapacity[v] !== capacity || inst.vBreaks[v].length > 0 || inst.vTwEnd[v] !== Infinity) return false;
    if (inst.vFixed[v] !== 0 || inst.vMaxTasks[v] < J) return false;
  }
  for (let i = 0; i < inst.compatible.length; i++) if (inst.compatible[i] === 0) return false;
  for (let j = 0; j < J; j++) {
    const w = inst.twOffset[j];
    if (inst.twOffset[j + 1] - w !== 1 || inst.twEnd[w] !== Infinity) return false;
    if (inst.pickup[j] !== 0 || inst.delivery[j] > capacity || inst.delivery[j] < 0) return false;
  }
  const cost = inst.classes[0].cost;
  const n = inst.n;
  const places = [depot, ...Array.from(inst.taskLoc.subarray(0, J))];
  for (const a of places) for (const b of places) if (cost[a * n + b] !== cost[b * n + a]) return false;
  return true;
}

export function cvrpModel(inst: Instance): CvrpModel {
  const J = inst.jobCount;
  const size = J + 1;
  const places = Int32Array.from([inst.vStartLoc[0], ...Array.from(inst.taskLoc.subarray(0, J))]);
  const cost = inst.classes[0].cost;
  const n = inst.n;
  const dist = new Float64Array(size * size);
  let maxDist = 0;
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      const c = cost[places[a] * n + places[b]];
      dist[a * size + b] = c;
      if (c > maxDist) maxDist = c;
    }
  }
  const demand = new Float64Array(size);
  let totalDemand = 0;
  for (let j = 0; j < J; j++) {
    demand[j + 1] = inst.delivery[j];
    totalDemand += inst.delivery[j];
  }
  const k = Math.min(NEAREST, J - 1);
  const nearest: Int32Array[] = [new Int32Array(0)];
  for (let a = 1; a < size; a++) {
    const others = Array.from({ length: J }, (_, i) => i + 1).filter((b) => b !== a);
    others.sort((x, y) => dist[a * size + x] - dist[a * size + y] || x - y);
    nearest.push(Int32Array.from(others.slice(0, k)));
  }
  return { customers: J, size, dist, demand, capacity: inst.vCapacity[0], nearest, maxDist, totalDemand };
}
