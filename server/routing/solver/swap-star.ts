import type { Route } from './route.js';
import type { Solution } from './solution.js';

export interface SwapStarMove {
  /** Cost change; NaN when not evaluated. */
  delta: number;
  /** Where v goes in u's route: after this position, or -1 for u's place. */
  vAfter: number;
  /** Where u goes in v's route: after this position, or -1 for v's place. */
  uAfter: number;
}

const TOP = 3;

/**
 * SWAP* (Vidal 2022): u of route A and v of route B change routes, each inserted at its best
 * place in the other route rather than in the other's old place. The best place of v in A
 * without u is either u's old place or one of v's three cheapest insertions into A that do not
 * touch u, so three cached insertions per (job, route) make one evaluation O(1).
 *
 * Only for plain problems (capacity and max_tasks only, no time windows, one cost matrix): with
 * time windows an insertion cost cached for A says nothing about A without u.
 */
export class SwapStarCache {
  private readonly sol: Solution;
  private readonly jobs: number;
  /** Per route: for each job, the route version its entries were computed for. */
  private readonly stamp: (Int32Array | undefined)[];
  private readonly cost: (Float64Array | undefined)[];
  private readonly after: (Int32Array | undefined)[];
  private readonly move: SwapStarMove = { delta: NaN, vAfter: -1, uAfter: -1 };
  private best = 0;
  private bestAfter = -1;

  constructor(sol: Solution) {
    this.sol = sol;
    this.jobs = sol.inst.jobCount;
    const R = sol.routes.length;
    this.stamp = new Array<Int32Array | undefined>(R);
    this.cost = new Array<Float64Array | undefined>(R);
    this.after = new Array<Int32Array | undefined>(R);
  }

  /** u at position pu of A, v at position pv of B; the returned object is reused. */
  evaluate(A: Route, pu: number, B: Route, pv: number): SwapStarMove {
    const inst = this.sol.inst;
    const u = A.tasks[pu - 1];
    const v = B.tasks[pv - 1];
    this.bestInsertion(A, pu, v);
    const insV = this.best;
    const vAfter = this.bestAfter;
    this.bestInsertion(B, pv, u);
    const insU = this.best;
    const uAfter = this.bestAfter;
    const n = inst.n;
    const remU = removal(A, pu, n);
    const remV = removal(B, pv, n);
    const m = this.move;
    m.delta = remU + remV + insV + insU;
    m.vAfter = vAfter;
    m.uAfter = uAfter;
    return m;
  }

  /** Cheapest insertion of job w into route R once the job at position p has left it. */
  private bestInsertion(R: Route, p: number, w: number): void {
    const inst = this.sol.inst;
    const n = inst.n;
    const c = R.cst;
    const lw = inst.taskLoc[w];
    const pred = R.effLoc[p - 1];
    const succ = R.effLoc[p + 1];
    this.best = c[pred * n + lw] + c[lw * n + succ] - c[pred * n + succ];
    this.bestAfter = -1;
    const base = this.top(R, w);
    const cost = this.cost[R.vehicle]!;
    const after = this.after[R.vehicle]!;
    // Sorted: the first entry that touches neither arc of p is the best one that survives.
    for (let k = 0; k < TOP; k++) {
      const q = after[base + k];
      if (q < 0) break;
      if (q === p - 1 || q === p) continue;
      if (cost[base + k] < this.best) {
        this.best = cost[base + k];
        this.bestAfter = q;
      }
      break;
    }
  }

  /** Offset of job w's cheapest insertions into route R, computed if R changed since. */
  private top(R: Route, w: number): number {
    const r = R.vehicle;
    let stamp = this.stamp[r];
    if (!stamp) {
      stamp = new Int32Array(this.jobs);
      this.stamp[r] = stamp;
      this.cost[r] = new Float64Array(this.jobs * TOP);
      this.after[r] = new Int32Array(this.jobs * TOP);
    }
    const base = w * TOP;
    if (stamp[w] === R.version) return base;
    stamp[w] = R.version;
    const cost = this.cost[r]!;
    const after = this.after[r]!;
    for (let k = 0; k < TOP; k++) {
      cost[base + k] = Infinity;
      after[base + k] = -1;
    }
    const inst = this.sol.inst;
    const n = inst.n;
    const c = R.cst;
    const lw = inst.taskLoc[w];
    for (let q = 0; q <= R.size; q++) {
      const d = c[R.effLoc[q] * n + lw] + c[lw * n + R.effLoc[q + 1]] - R.arcCost[q];
      if (d >= cost[base + TOP - 1]) continue;
      let k = TOP - 1;
      while (k > 0 && cost[base + k - 1] > d) {
        cost[base + k] = cost[base + k - 1];
        after[base + k] = after[base + k - 1];
        k--;
      }
      cost[base + k] = d;
      after[base + k] = q;
    }
    return base;
  }
}

/** Cost change of taking the job at position p out of R (R keeps another job). */
function removal(R: Route, p: number, n: number): number {
  const c = R.cst;
  const pred = R.effLoc[p - 1];
  const succ = R.effLoc[p + 1];
  const l = R.effLoc[p];
  return c[pred * n + succ] - c[pred * n + l] - c[l * n + succ];
}
