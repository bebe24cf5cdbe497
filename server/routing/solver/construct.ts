import { bestInsertionInRoute, candidateRoutes, type Insertion } from './insertion.js';
import type { Solution } from './solution.js';

/** Above this many job × route pairs the regret cache costs more than it gives; greedy is used. */
const REGRET_MAX_PAIRS = 60_000;

/**
 * Initial solution by regret-2 insertion (Potvin & Rousseau 1993), one priority tier at a time
 * so that higher-priority jobs claim capacity first. Each round inserts the job whose best and
 * second-best routes differ most: the one that would lose most by waiting.
 */
export function constructSolution(sol: Solution, jobs: number[]): void {
  const inst = sol.inst;
  const tiers = new Map<number, number[]>();
  for (const j of jobs) {
    const p = inst.priority[j];
    if (!tiers.has(p)) tiers.set(p, []);
    tiers.get(p)!.push(j);
  }
  const order = [...tiers.keys()].sort((a, b) => b - a);
  for (const p of order) {
    const tier = tiers.get(p)!;
    if (tier.length * inst.vehicleCount <= REGRET_MAX_PAIRS) regretInsert(sol, tier);
    else greedyInsert(sol, tier);
  }
}

function regretInsert(sol: Solution, pending: number[]): void {
  const R = sol.routes.length;
  const m = pending.length;
  const costs = new Float64Array(m * R);
  const positions = new Int32Array(m * R);
  const done = new Uint8Array(m);
  const ins: Insertion = { cost: NaN, position: -1 };
  let maxWork = sol.maxWorkTime();
  const fill = (k: number, r: number) => {
    bestInsertionInRoute(sol, pending[k], r, maxWork, undefined, 0, ins);
    costs[k * R + r] = Number.isNaN(ins.cost) ? Infinity : ins.cost;
    positions[k * R + r] = ins.position;
  };
  for (let k = 0; k < m; k++) for (let r = 0; r < R; r++) fill(k, r);
  const candidates: number[] = [];
  for (let left = m; left > 0; left--) {
    candidateRoutes(sol, candidates);
    let bestK = -1;
    let bestRegret = -Infinity;
    let bestCost = Infinity;
    let bestRoute = -1;
    for (let k = 0; k < m; k++) {
      if (done[k]) continue;
      let c1 = Infinity;
      let c2 = Infinity;
      let r1 = -1;
      for (const r of candidates) {
        const c = costs[k * R + r];
        if (c < c1) {
          c2 = c1;
          c1 = c;
          r1 = r;
        } else if (c < c2) c2 = c;
      }
      if (r1 < 0) continue;
      const regret = c2 === Infinity ? Number.MAX_VALUE : c2 - c1;
      if (regret > bestRegret || (regret === bestRegret && c1 < bestCost)) {
        bestRegret = regret;
        bestCost = c1;
        bestK = k;
        bestRoute = r1;
      }
    }
    if (bestK < 0) break;
    sol.insert(pending[bestK], bestRoute, positions[bestK * R + bestRoute]);
    done[bestK] = 1;
    const newMax = sol.maxWorkTime();
    if (newMax !== maxWork && sol.inst.balanceWeight > 0) {
      maxWork = newMax;
      for (let k = 0; k < m; k++) if (!done[k]) for (let r = 0; r < R; r++) fill(k, r);
    } else {
      for (let k = 0; k < m; k++) if (!done[k]) fill(k, bestRoute);
    }
  }
}

/** Cheapest insertion in the given order; used for large tiers. */
export function greedyInsert(sol: Solution, jobs: number[]): void {
  const candidates: number[] = [];
  const ins: Insertion = { cost: NaN, position: -1 };
  for (const j of jobs) {
    const maxWork = sol.maxWorkTime();
    candidateRoutes(sol, candidates);
    let best = Infinity;
    let bestRoute = -1;
    let bestPos = -1;
    for (const r of candidates) {
      bestInsertionInRoute(sol, j, r, maxWork, undefined, 0, ins);
      if (ins.cost < best) {
        best = ins.cost;
        bestRoute = r;
        bestPos = ins.position;
      }
    }
    if (bestRoute >= 0) sol.insert(j, bestRoute, bestPos);
  }
}
