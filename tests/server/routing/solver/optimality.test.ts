import { describe, expect, it } from 'vitest';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { bruteForceOptimum } from './brute-force.js';
import { randomProblem } from './random-problems.js';

describe('tiny instances against exhaustive search', () => {
  const cases = Array.from({ length: 24 }, (_, i) => i + 1);
  it.each(cases)('seed %i: the solver reaches the exact lexicographic optimum', (seed) => {
    const problem = randomProblem(seed, {
      jobs: 5 + (seed % 2),
      vehicles: 2,
      timeWindows: seed % 3 !== 0,
      capacity: seed % 2 === 0,
      skills: seed % 4 === 1,
      priorities: seed % 5 < 2,
      maxTasks: seed % 6 === 5,
      shift: 400,
    });
    const optimum = bruteForceOptimum(problem);
    const solution = solve(problem, { seed, maxIterations: 1500 });
    expect(checkSolution(problem, solution)).toEqual([]);
    expect(solution.summary.priority).toBe(optimum.priority);
    expect(solution.routes.reduce((s, r) => s + r.steps.filter((x) => x.type === 'job').length, 0)).toBe(optimum.served);
    expect(solution.summary.cost).toBeCloseTo(optimum.cost, 6);
  });
});
