import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { compileInstance } from '../../../../server/routing/solver/instance.js';
import { cvrpApplies, cvrpModel, type CvrpModel } from '../../../../server/routing/solver/cvrp/model.js';
import { Splitter } from '../../../../server/routing/solver/cvrp/split.js';
import { CvrpLocalSearch } from '../../../../server/routing/solver/cvrp/local-search.js';
import { orderedCrossover, runHgs } from '../../../../server/routing/solver/cvrp/hgs.js';
import { parseTsplib } from '../../../../server/routing/solver/formats/tsplib.js';
import { cvrpProblem } from '../../../../server/routing/solver/formats/benchmark-problems.js';
import { createRandom } from '../../../../server/domain/random.js';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/routing/${p}`, import.meta.url)), 'utf8');

/** A classic CVRP on a grid: depot at place 0, one job per other place, one vehicle per job. */
function tinyCvrp(seed: number, customers: number, capacity = 10): VrpProblem {
  const rng = createRandom(seed);
  const pts = Array.from({ length: customers + 1 }, () => [rng.int(100), rng.int(100)]);
  const matrix = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return {
    vehicles: Array.from({ length: customers }, (_, k) => ({ id: k, start_index: 0, end_index: 0, capacity: [capacity] })),
    jobs: Array.from({ length: customers }, (_, k) => ({ id: k + 1, location_index: k + 1, delivery: [1 + rng.int(5)] })),
    matrices: { car: { durations: matrix, distances: matrix } },
  };
}

/**
 * Exact optimum of a small CVRP from its definition: the shortest route through every subset of
 * customers (Held–Karp), then the cheapest partition into subsets that fit a vehicle.
 */
function cvrpOptimum(problem: VrpProblem): number {
  const m = problem.matrices!.car.durations!;
  const jobs = problem.jobs!;
  const cap = problem.vehicles[0].capacity![0];
  const n = jobs.length;
  const full = (1 << n) - 1;
  const loc = jobs.map((j) => j.location_index!);
  // path[S][k]: cheapest path from the depot through S ending at customer k ∈ S.
  const path = Array.from({ length: full + 1 }, () => new Float64Array(n).fill(Infinity));
  for (let k = 0; k < n; k++) path[1 << k][k] = m[0][loc[k]];
  for (let s = 1; s <= full; s++) {
    for (let k = 0; k < n; k++) {
      const c = path[s][k];
      if (!(s & (1 << k)) || c === Infinity) continue;
      for (let j = 0; j < n; j++) {
        if (s & (1 << j)) continue;
        const t = s | (1 << j);
        const d = c + m[loc[k]][loc[j]];
        if (d < path[t][j]) path[t][j] = d;
      }
    }
  }
  const route = new Float64Array(full + 1).fill(Infinity);
  for (let s = 1; s <= full; s++) {
    let load = 0;
    for (let k = 0; k < n; k++) if (s & (1 << k)) load += jobs[k].delivery![0];
    if (load > cap) continue;
    for (let k = 0; k < n; k++) if (s & (1 << k)) route[s] = Math.min(route[s], path[s][k] + m[loc[k]][0]);
  }
  const best = new Float64Array(full + 1).fill(Infinity);
  best[0] = 0;
  for (let s = 1; s <= full; s++) {
    const low = s & -s;
    // Subsets of s holding its lowest customer: each partition counted once.
    for (let t = s; t > 0; t = (t - 1) & s) {
      if (!(t & low) || route[t] === Infinity) continue;
      best[s] = Math.min(best[s], route[t] + best[s & ~t]);
    }
  }
  return best[full];
}

function modelOf(problem: VrpProblem): CvrpModel {
  return cvrpModel(compileInstance(problem));
}

/** Travel cost and load above capacity of routes given as customer nodes. */
function price(model: CvrpModel, routes: ArrayLike<number>[]): { cost: number; excess: number } {
  let cost = 0;
  let excess = 0;
  for (const r of routes) {
    let prev = 0;
    let load = 0;
    for (let i = 0; i < r.length; i++) {
      cost += model.dist[prev * model.size + r[i]];
      load += model.demand[r[i]];
      prev = r[i];
    }
    cost += model.dist[prev * model.size];
    excess += Math.max(0, load - model.capacity);
  }
  return { cost, excess };
}

function servedOnce(routes: ArrayLike<number>[], customers: number): boolean {
  const all = routes.flatMap((r) => Array.from(r)).sort((a, b) => a - b);
  return all.length === customers && all.every((c, i) => c === i + 1);
}

describe('which problems the CVRP search takes', () => {
  it('takes a classic CVRP', () => {
    expect(cvrpApplies(compileInstance(tinyCvrp(1, 8)))).toBe(true);
    expect(cvrpApplies(compileInstance(cvrpProblem(parseTsplib(fixture('cvrp/A/A-n32-k5.vrp')))))).toBe(true);
  });

  it('leaves time windows, a second depot, a small fleet, pickups, skills and asymmetric costs to the general search', () => {
    const variants: ((p: VrpProblem) => void)[] = [
      (p) => (p.jobs![0].time_windows = [[0, 500]]),
      (p) => (p.vehicles[1].start_index = 1),
      (p) => (p.vehicles = p.vehicles.slice(0, 3)),
      (p) => (p.jobs![2].pickup = [1]),
      (p) => {
        p.jobs![0].skills = [1];
        p.vehicles[0].skills = [1];
      },
      (p) => (p.vehicles[0].time_window = [0, 300]),
      (p) => (p.matrices!.car.durations![0][1] += 5),
    ];
    for (const change of variants) {
      const p = tinyCvrp(2, 8);
      change(p);
      expect(cvrpApplies(compileInstance(p))).toBe(false);
    }
  });
});

describe('optimal split', () => {
  /** Cheapest cut of a tour into consecutive routes by trying every cut (2^(n-1)). */
  const bruteSplit = (model: CvrpModel, tour: Int32Array, penalty: number) => {
    let best = Infinity;
    for (let mask = 0; mask < 1 << (tour.length - 1); mask++) {
      const routes: number[][] = [[tour[0]]];
      for (let i = 1; i < tour.length; i++) {
        if (mask & (1 << (i - 1))) routes.push([]);
        routes.at(-1)!.push(tour[i]);
      }
      const { cost, excess } = price(model, routes);
      best = Math.min(best, cost + penalty * excess);
    }
    return best;
  };

  it.each([1, 2, 3, 4, 5, 6])('seed %i: equals the cheapest of all cuts, with and without overload allowed', (seed) => {
    const model = modelOf(tinyCvrp(seed, 9, 9));
    const rng = createRandom(seed + 100);
    const tour = Int32Array.from({ length: 9 }, (_, i) => i + 1);
    for (let i = tour.length - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      [tour[i], tour[k]] = [tour[k], tour[i]];
    }
    for (const penalty of [1000, 2]) {
      const routes = new Splitter(model).split(tour, penalty);
      expect(Array.from(routes.flatMap((r) => Array.from(r)))).toEqual(Array.from(tour));
      const { cost, excess } = price(model, routes);
      // The splitter bounds a route's overload (1.5 × capacity); with a high penalty that never binds.
      if (penalty === 1000) expect(cost + penalty * excess).toBeCloseTo(bruteSplit(model, tour, penalty), 6);
      else expect(cost + penalty * excess).toBeLessThanOrEqual(bruteSplit(model, tour, 1000) + 1e-9);
    }
  });
});

describe('ordered crossover', () => {
  it('gives a permutation that keeps a slice of the first parent in place', () => {
    const rng = createRandom(7);
    const a = Int32Array.from([3, 1, 4, 5, 9, 2, 6, 8, 7]);
    const b = Int32Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (let t = 0; t < 50; t++) {
      const child = orderedCrossover(a, b, rng);
      expect(Array.from(child).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(Array.from(child).filter((c, i) => c === a[i]).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('CVRP local search', () => {
  it.each([1, 2, 3])('seed %i: serves every customer once and never raises the penalised cost', (seed) => {
    const problem = tinyCvrp(seed, 40, 25);
    const model = modelOf(problem);
    const rng = createRandom(seed);
    const ls = new CvrpLocalSearch(model, rng, model.customers, 10);
    for (const penalty of [0.5, 20]) {
      ls.penalty = penalty;
      // One customer per route, then everything on one route: both far from a local optimum.
      const starts = [Array.from({ length: 40 }, (_, i) => [i + 1]), [Array.from({ length: 40 }, (_, i) => i + 1)]];
      for (const start of starts) {
        const before = price(model, start);
        ls.load(start);
        ls.run();
        const routes = ls.export();
        expect(servedOnce(routes, 40)).toBe(true);
        const after = price(model, routes);
        expect(after.cost + penalty * after.excess).toBeLessThan(before.cost + penalty * before.excess);
        // A local optimum: a second descent finds nothing.
        ls.run();
        expect(price(model, ls.export()).cost).toBeCloseTo(after.cost, 9);
      }
    }
  });
});

describe('CVRP genetic search through solve()', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: the exact optimum of a random 10-customer CVRP', (seed) => {
    const problem = tinyCvrp(seed, 10, 12);
    const solution = solve(problem, { seed, maxIterations: 1000 });
    expect(checkSolution(problem, solution)).toEqual([]);
    expect(solution.unassigned).toEqual([]);
    expect(solution.summary.cost).toBeCloseTo(cvrpOptimum(problem), 6);
  }, 20_000);

  const a32 = cvrpProblem(parseTsplib(fixture('cvrp/A/A-n32-k5.vrp')));

  it('is feasible and reaches the optimum of A-n32-k5 (784) for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const solution = solve(a32, { seed, maxIterations: 2000 });
      expect(checkSolution(a32, solution)).toEqual([]);
      expect(solution.unassigned).toEqual([]);
      expect(solution.summary.cost).toBe(784);
    }
  }, 30_000);

  it('gives the same routes for the same seed and iteration limit', () => {
    const routes = (seed: number) =>
      solve(a32, { seed, maxIterations: 2000 }).routes.map((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id));
    expect(routes(5)).toEqual(routes(5));
    expect(routes(6)).toEqual(routes(6));
  }, 30_000);

  it('stops at the time limit and reports no feasible solution when it had no time for one', () => {
    let clock = 0;
    // Each clock read costs 1 ms: the budget runs out during the first educations.
    const now = () => clock++;
    const result = runHgs(modelOf(a32), createRandom(1), { maxIterations: Infinity, timeLimitMs: 5, now });
    expect(result.iterations).toBeLessThan(10);
    if (result.routes) expect(servedOnce(result.routes, 31)).toBe(true);
    const solution = solve(a32, { seed: 1, timeLimitMs: 200, now });
    expect(checkSolution(a32, solution)).toEqual([]);
    expect(solution.unassigned).toEqual([]);
  });

  it('reports progress with every job served once it has a feasible solution', () => {
    const seen: { fraction: number; served: number; cost: number }[] = [];
    const solution = solve(a32, {
      seed: 1,
      maxIterations: 1000,
      onProgress: (p) => seen.push({ fraction: p.fraction, served: p.best.served, cost: p.best.cost }),
    });
    expect(seen.length).toBeGreaterThan(1);
    const last = seen.at(-1)!;
    expect(last.served).toBe(31);
    expect(last.cost).toBeGreaterThanOrEqual(solution.summary.cost);
    expect(seen.every((p, i) => i === 0 || p.fraction >= seen[i - 1].fraction)).toBe(true);
  });

  it('refuses bad input before searching', () => {
    const bad = tinyCvrp(1, 5);
    bad.jobs![0].delivery = [-3];
    expect(() => solve(bad, { seed: 1, maxIterations: 10 })).toThrow();
  });
});
