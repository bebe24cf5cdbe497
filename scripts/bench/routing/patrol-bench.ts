import { performance } from 'node:perf_hooks';
import { checkSolution } from '../../../server/routing/solver/check.js';
import { solve } from '../../../server/routing/solver/solve.js';
import type { SisrParameters } from '../../../server/routing/solver/sisr.js';
import { CITY_PATROL, patrolProblem } from './patrol.js';

/** Solves the synthetic city patrol and reports size, service level, time and feasibility. */
export function runPatrol(
  seconds: number,
  seed: number,
  clock: () => number = () => performance.now(),
  sisr?: Partial<SisrParameters>,
) {
  const t0 = clock();
  const problem = patrolProblem(CITY_PATROL, seed);
  const built = clock();
  const solution = solve(problem, { seed, timeLimitMs: seconds * 1000, now: clock, sisr });
  const solved = clock();
  const violations = checkSolution(problem, solution);
  const jobs = problem.jobs ?? [];
  const totalPriority = jobs.reduce((s, j) => s + (j.priority ?? 0), 0);
  const highPriority = jobs.filter((j) => (j.priority ?? 0) >= 50);
  const unassigned = new Set(solution.unassigned.map((u) => u.id));
  return {
    timeLimitSeconds: seconds,
    districts: CITY_PATROL.districts,
    stops: jobs.length,
    teams: problem.vehicles.length,
    buildMs: Math.round(built - t0),
    solveMs: Math.round(solved - built),
    routes: solution.routes.length,
    served: jobs.length - solution.unassigned.length,
    unassigned: solution.unassigned.length,
    unassignedByReason: solution.unassigned.reduce<Record<string, number>>((m, u) => ({ ...m, [u.reason]: (m[u.reason] ?? 0) + 1 }), {}),
    highPriorityServedPercent: Math.round((1000 * highPriority.filter((j) => !unassigned.has(j.id)).length) / highPriority.length) / 10,
    priorityServedPercent: Math.round((1000 * solution.summary.priority) / totalPriority) / 10,
    travelHours: Math.round(solution.summary.duration / 36) / 100,
    distanceKm: Math.round((solution.summary.distance ?? 0) / 100) / 10,
    feasible: violations.length === 0,
    violations: violations.slice(0, 5),
  };
}
