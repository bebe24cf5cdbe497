import { describe, expect, it } from 'vitest';
import { solveInWorker } from '../../../../server/routing/worker.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { RoutingInputError } from '../../../../server/routing/problem/errors.js';
import type { SearchProgress } from '../../../../server/routing/solver/sisr.js';
import { randomProblem } from './random-problems.js';

describe('solveInWorker', { timeout: 60_000 }, () => {
  it('returns the same solution as an in-process solve with the same seed and iterations', async () => {
    const problem = randomProblem(5, { jobs: 25, vehicles: 3, timeWindows: true, capacity: true, shift: 900 });
    const progress: SearchProgress[] = [];
    const inWorker = await solveInWorker(problem, { seed: 4, maxIterations: 1500 }, (p) => progress.push(p));
    const local = solve(problem, { seed: 4, maxIterations: 1500 });
    expect(inWorker.routes).toEqual(local.routes);
    expect(inWorker.summary.cost).toBe(local.summary.cost);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0].fraction).toBeGreaterThanOrEqual(0);
  });

  it('rejects invalid input with a RoutingInputError', async () => {
    await expect(solveInWorker({ vehicles: [] }, {}, undefined)).rejects.toBeInstanceOf(RoutingInputError);
  });
});
