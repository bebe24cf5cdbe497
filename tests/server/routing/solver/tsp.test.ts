import { describe, expect, it } from 'vitest';
import { TspSolver } from '../../../../server/routing/solver/tsp.js';
import { createRandom } from '../../../../server/domain/random.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';

function bruteForceTour(c: Float64Array, m: number): number {
  let best = Infinity;
  const rest = Array.from({ length: m - 1 }, (_, i) => i + 1);
  const permute = (at: number, cost: number, left: number[]) => {
    if (cost >= best) return;
    if (left.length === 0) {
      best = Math.min(best, cost + c[at * m]);
      return;
    }
    left.forEach((x, i) => permute(x, cost + c[at * m + x], [...left.slice(0, i), ...left.slice(i + 1)]));
  };
  permute(0, 0, rest);
  return best;
}

function randomMatrix(seed: number, m: number, symmetric: boolean): Float64Array {
  const rng = createRandom(seed);
  const pts = Array.from({ length: m }, () => [rng.next() * 100, rng.next() * 100]);
  const c = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const d = Math.round(Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]));
      // One-way streets: asymmetric costs up to +40 % in one direction.
      c[a * m + b] = a === b ? 0 : symmetric ? d : Math.round(d * (1 + (a < b ? 0.4 * rng.next() : 0)));
    }
  }
  return c;
}

const budget = { maxIterations: 400, timeLimitMs: Infinity, now: () => 0 };

describe('TspSolver', () => {
  it.each([1, 2, 3, 4, 5])('symmetric instance %i: finds the exact optimum of 9 nodes', (seed) => {
    const c = randomMatrix(seed, 9, true);
    const result = new TspSolver(c, 9).solve(createRandom(seed), budget);
    expect(result.cost).toBe(bruteForceTour(c, 9));
    expect([...result.tour].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.tour[0]).toBe(0);
  });

  it.each([6, 7, 8, 9, 10])('asymmetric instance %i: finds the exact optimum of 9 nodes', (seed) => {
    const c = randomMatrix(seed, 9, false);
    const solver = new TspSolver(c, 9);
    const result = solver.solve(createRandom(seed), budget);
    expect(result.cost).toBe(bruteForceTour(c, 9));
    expect(solver.cost(result.tour)).toBe(result.cost);
  });

  it('a single-vehicle problem with a shift too short for the tour falls back to the general search', () => {
    const m = 12;
    const c = randomMatrix(11, m, true);
    const durations = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => c[a * m + b]));
    const problem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, time_window: [0, 250] as [number, number] }],
      jobs: Array.from({ length: m - 1 }, (_, k) => ({ id: k + 1, location_index: k + 1, service: 10 })),
      matrices: { car: { durations } },
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.unassigned.length).toBeGreaterThan(0);
  });
});
