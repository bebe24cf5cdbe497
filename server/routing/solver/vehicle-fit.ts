import { TIME_EPSILON, type Instance } from './instance.js';
import { Route } from './route.js';
import type { Solution } from './solution.js';

/** What keeps a job out of a vehicle's route even when the vehicle has nothing else to do. */
export type AloneBlock = 'capacity' | 'unreachable' | 'shift_length' | 'time_window' | null;

/** What keeps a job out of a vehicle's route as the solution left it. */
export type RouteBlock = 'max_tasks' | 'capacity' | 'time' | null;

/**
 * The checks behind the explanations of unassigned jobs and idle vehicles, on the final solution. Empty routes are
 * built once per vehicle: explaining every job of a large problem must not allocate a route per (job, vehicle).
 */
export class VehicleFit {
  readonly inst: Instance;
  private readonly sol: Solution;
  private readonly empty: (Route | undefined)[];

  constructor(sol: Solution) {
    this.sol = sol;
    this.inst = sol.inst;
    this.empty = new Array<Route | undefined>(sol.inst.vehicleCount);
  }

  hasSkills(v: number, j: number): boolean {
    return this.inst.compatible[v * this.inst.jobCount + j] === 1;
  }

  /** The job's amount exceeds the vehicle's capacity in some dimension (a limit no other job causes). */
  overCapacity(v: number, j: number): boolean {
    const inst = this.inst;
    const dims = inst.dims;
    for (let d = 0; d < dims; d++) {
      const cap = inst.vCapacity[v * dims + d];
      if (inst.delivery[j * dims + d] > cap || inst.pickup[j * dims + d] > cap) return true;
    }
    return false;
  }

  /** Travel start → job → end, service, and the breaks the shift must also hold (lower bound of the time needed). */
  neededSeconds(v: number, j: number): number {
    const inst = this.inst;
    const cls = inst.classes[inst.vClass[v]];
    const loc = inst.taskLoc[j];
    let breaks = 0;
    for (const b of inst.vBreaks[v]) breaks += inst.taskService[b];
    return cls.duration[inst.vStartLoc[v] * inst.n + loc] + inst.taskService[j] + cls.duration[loc * inst.n + inst.vEndLoc[v]] + breaks;
  }

  shiftSeconds(v: number): number {
    return this.inst.vTwEnd[v] - this.inst.vTwStart[v];
  }

  /** Why job j could not be served by vehicle v even alone (skills aside), or null when it could. */
  aloneBlock(v: number, j: number): AloneBlock {
    if (this.overCapacity(v, j)) return 'capacity';
    const inst = this.inst;
    const cls = inst.classes[inst.vClass[v]];
    const loc = inst.taskLoc[j];
    const there = cls.duration[inst.vStartLoc[v] * inst.n + loc];
    const back = cls.duration[loc * inst.n + inst.vEndLoc[v]];
    if (!Number.isFinite(there) || !Number.isFinite(back)) return 'unreachable';
    if (this.neededSeconds(v, j) > this.shiftSeconds(v) + TIME_EPSILON) return 'shift_length';
    const route = this.emptyRoute(v);
    for (let p = 0; p <= route.size; p++) if (!Number.isNaN(route.insertionCost(j, p))) return null;
    // The shift is long enough, so the job's windows (or where the breaks fall) do not meet it.
    return 'time_window';
  }

  /** Why job j does not go into vehicle v's route as it stands (skills aside), or null when some position is feasible. */
  routeBlock(v: number, j: number): RouteBlock {
    const inst = this.inst;
    const route = this.sol.routes[v];
    if (route.jobCount >= inst.vMaxTasks[v]) return 'max_tasks';
    const dims = inst.dims;
    const last = route.size * dims;
    for (let d = 0; d < dims; d++) {
      const cap = inst.vCapacity[v * dims + d];
      if (route.loadAfter[d] + inst.delivery[j * dims + d] > cap) return 'capacity';
      if (route.loadAfter[last + d] + inst.pickup[j * dims + d] > cap) return 'capacity';
    }
    for (let p = 0; p <= route.size; p++) if (!Number.isNaN(route.insertionCost(j, p))) return null;
    return 'time';
  }

  private emptyRoute(v: number): Route {
    let route = this.empty[v];
    if (!route) {
      route = new Route(this.inst, v);
      this.empty[v] = route;
    }
    return route;
  }
}
