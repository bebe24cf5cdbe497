import type { Instance } from './instance.js';
import { Route } from './route.js';

/** Lexicographic objective: served priority first, then served jobs, then cost. */
export interface Score {
  priority: number;
  served: number;
  cost: number;
}

export function isBetter(a: Score, b: Score, costEpsilon = 1e-9): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.served !== b.served) return a.served > b.served;
  return a.cost < b.cost - costEpsilon;
}

/**
 * Routes plus the job → route index. Changes go through `touch` first so that a rejected
 * search move can be undone by restoring only the routes it changed.
 */
export class Solution {
  readonly inst: Instance;
  readonly routes: Route[];
  readonly jobRoute: Int32Array;
  private saved = new Map<number, number[]>();
  private savedUnassigned: number[] = [];

  constructor(inst: Instance) {
    this.inst = inst;
    this.routes = Array.from({ length: inst.vehicleCount }, (_, v) => new Route(inst, v));
    this.jobRoute = new Int32Array(inst.jobCount).fill(-1);
  }

  score(): Score {
    const inst = this.inst;
    let priority = 0;
    let served = 0;
    for (let j = 0; j < inst.jobCount; j++) {
      if (this.jobRoute[j] >= 0) {
        served++;
        priority += inst.priority[j];
      }
    }
    return { priority, served, cost: this.cost() };
  }

  /** Travel and fixed costs plus the balance term. */
  cost(): number {
    let cost = 0;
    let maxWork = 0;
    for (const r of this.routes) {
      cost += r.cost;
      if (r.workTime > maxWork) maxWork = r.workTime;
    }
    return cost + this.inst.balanceWeight * maxWork;
  }

  maxWorkTime(): number {
    let maxWork = 0;
    for (const r of this.routes) if (r.workTime > maxWork) maxWork = r.workTime;
    return maxWork;
  }

  unassigned(): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.inst.jobCount; j++) if (this.jobRoute[j] < 0) out.push(j);
    return out;
  }

  /** Starts a move that may be undone: remembers the jobs unassigned now. */
  begin(): void {
    this.saved.clear();
    this.savedUnassigned = this.unassigned();
  }

  touch(r: number): void {
    if (!this.saved.has(r)) this.saved.set(r, this.routes[r].tasks.slice());
  }

  /** Routes changed since `begin`. */
  touchedRoutes(): IterableIterator<number> {
    return this.saved.keys();
  }

  /** Undoes everything since `begin`. */
  rollback(): void {
    for (const j of this.savedUnassigned) this.jobRoute[j] = -1;
    for (const [r, tasks] of this.saved) {
      const route = this.routes[r];
      route.tasks = tasks;
      route.update();
      for (const t of tasks) if (t < this.inst.jobCount) this.jobRoute[t] = r;
    }
    this.saved.clear();
  }

  insert(j: number, r: number, p: number): void {
    this.touch(r);
    this.routes[r].insert(j, p);
    this.jobRoute[j] = r;
  }

  snapshot(): number[][] {
    return this.routes.map((r) => r.tasks.slice());
  }

  restore(snapshot: number[][]): void {
    this.jobRoute.fill(-1);
    snapshot.forEach((tasks, r) => {
      const route = this.routes[r];
      route.tasks = tasks.slice();
      route.update();
      for (const t of tasks) if (t < this.inst.jobCount) this.jobRoute[t] = r;
    });
  }
}
