import type { Coordinate, VrpProblem } from '../../../../server/routing/problem/schema.js';
import { parseProblem, DEFAULT_PROFILE } from '../../../../server/routing/problem/validate.js';
import type { TravelCostProvider } from '../../../../server/routing/problem/travel-cost-provider.js';

/**
 * Test helper: turns a problem given by coordinates into one with matrices (coordinates kept for output), so a test
 * can check that a solve on matrices equals the solve on coordinates. Problems with matrices are returned as is.
 */
export function attachMatrices(input: unknown, provider: TravelCostProvider): VrpProblem {
  const problem = parseProblem(input);
  if (problem.matrices) return problem;
  const index = new Map<string, number>();
  const locations: Coordinate[] = [];
  const place = (c: Coordinate | undefined): number | undefined => {
    if (c === undefined) return undefined;
    const key = `${c[0]},${c[1]}`;
    let i = index.get(key);
    if (i === undefined) {
      i = locations.length;
      index.set(key, i);
      locations.push(c);
    }
    return i;
  };
  const jobs = (problem.jobs ?? []).map((j) => ({ ...j, location_index: place(j.location) }));
  const vehicles = problem.vehicles.map((v) => ({
    ...v,
    ...(v.start ? { start_index: place(v.start) } : {}),
    ...(v.end ? { end_index: place(v.end) } : {}),
  }));
  const profiles = [...new Set(problem.vehicles.map((v) => v.profile ?? DEFAULT_PROFILE))];
  const matrices = Object.fromEntries(
    profiles.map((p) => {
      const m = provider(locations, p);
      return [p, { durations: m.durations, distances: m.distances }];
    }),
  );
  return { ...problem, jobs, vehicles, matrices };
}
