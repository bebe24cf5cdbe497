import { describe, expect, it, vi } from 'vitest';
import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import type { VrpSolution } from '../../../../server/routing/problem/solution-schema.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { attachMatrices } from './attach-matrices.js';
import { distanceMetres } from '../../../../server/domain/geodesy.js';
import { CIRCUITY_FACTOR, FALLBACK_SPEED_KMH } from '../../../../server/domain/travel.js';
import { createStraightLineProvider } from '../../../../server/routing/network/travel-costs.js';
import { randomProblem } from './random-problems.js';

const withoutTimes = (s: VrpSolution) => ({ ...s, summary: { ...s.summary, computing_times: null } });

function line(n: number) {
  const durations = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => 10 * Math.abs(a - b)));
  return { car: { durations, distances: durations } };
}

describe('solve', () => {
  it('is deterministic for a seed and an iteration limit', () => {
    const problem = randomProblem(3, { jobs: 30, vehicles: 4, timeWindows: true, capacity: true, shift: 800 });
    const a = solve(problem, { seed: 11, maxIterations: 600 });
    const b = solve(problem, { seed: 11, maxIterations: 600 });
    expect(withoutTimes(a)).toEqual(withoutTimes(b));
  }, 20_000);

  it('serves the high-priority jobs when capacity is short', () => {
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [2] }],
      jobs: [
        { id: 1, location_index: 1, delivery: [1], priority: 0 },
        { id: 2, location_index: 4, delivery: [1], priority: 90 },
        { id: 3, location_index: 2, delivery: [1], priority: 0 },
        { id: 4, location_index: 5, delivery: [1], priority: 60 },
      ],
      matrices: line(6),
    };
    const s = solve(problem, { maxIterations: 300 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.summary.priority).toBe(150);
    expect(s.unassigned.map((u) => u.id).sort()).toEqual([1, 3]);
    // The load of the two served jobs fills the vehicle: capacity, not time, keeps the others out.
    expect(s.unassigned.every((u) => u.reason === 'capacity')).toBe(true);
  });

  it('explains every unassigned job', () => {
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [3], skills: [1], time_window: [0, 100] }],
      jobs: [
        { id: 1, location_index: 1, skills: [2] },
        { id: 2, location_index: 1, delivery: [5] },
        { id: 3, location_index: 2, time_windows: [[500, 600]] },
        { id: 4, location_index: 1, delivery: [3] },
        { id: 5, location_index: 1, delivery: [3], priority: 10 },
      ],
      matrices: line(3),
    };
    const s = solve(problem, { maxIterations: 300 });
    expect(checkSolution(problem, s)).toEqual([]);
    const reasons = Object.fromEntries(s.unassigned.map((u) => [u.id, u.reason]));
    expect(reasons).toEqual({ 1: 'skills', 2: 'capacity', 3: 'time_window', 4: 'capacity' });
    expect(s.unassigned.every((u) => u.message.length > 10)).toBe(true);
  });

  it('uses an injected travel cost provider for coordinates, and the straight-line travel model by default', () => {
    const problem = {
      vehicles: [{ id: 1, start: [121.47, 31.23] as [number, number] }],
      jobs: [
        { id: 1, location: [121.5, 31.25] as [number, number] },
        { id: 2, location: [121.44, 31.2] as [number, number] },
      ],
    };
    const byDefault = solve(problem, { maxIterations: 50 });
    const far = distanceMetres([121.47, 31.23], [121.5, 31.25]);
    expect(byDefault.summary.distance).toBeGreaterThan(far * CIRCUITY_FACTOR);
    const provider = vi.fn(createStraightLineProvider({ speedKmh: 18 }));
    const slow = solve(problem, { maxIterations: 50, costProvider: provider });
    expect(provider).toHaveBeenCalledWith(expect.any(Array), 'car');
    expect(provider.mock.calls[0][0]).toHaveLength(3);
    expect(slow.summary.duration).toBeCloseTo((byDefault.summary.duration * FALLBACK_SPEED_KMH) / 18, 3);
    const withMatrices = attachMatrices(problem, createStraightLineProvider());
    expect(checkSolution(withMatrices, solve(withMatrices, { maxIterations: 50 }))).toEqual([]);
  });

  it('returns geometry through the geometry hook when options.g is set', () => {
    const problem = {
      vehicles: [{ id: 1, start: [121.47, 31.23] as [number, number], end: [121.47, 31.23] as [number, number] }],
      jobs: [{ id: 1, location: [121.5, 31.25] as [number, number] }],
      options: { g: true },
    };
    const straight = solve(problem, { maxIterations: 10 });
    expect(straight.routes[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [121.47, 31.23],
        [121.5, 31.25],
        [121.47, 31.23],
      ],
    });
    const hook = vi.fn(() => 'encoded-polyline');
    expect(solve(problem, { maxIterations: 10, geometryProvider: hook }).routes[0].geometry).toBe('encoded-polyline');
    expect(hook).toHaveBeenCalledWith(expect.any(Array), 'car');
  });

  it('the balance option shortens the longest route', () => {
    const durations = [
      [0, 10, 11, 12, 13],
      [10, 0, 1, 2, 3],
      [11, 1, 0, 1, 2],
      [12, 2, 1, 0, 1],
      [13, 3, 2, 1, 0],
    ];
    const problem: VrpProblem = {
      vehicles: [1, 2].map((id) => ({ id, start_index: 0, end_index: 0 })),
      jobs: [1, 2, 3, 4].map((k) => ({ id: k, location_index: k, service: 30 })),
      matrices: { car: { durations } },
    };
    const plain = solve(problem, { maxIterations: 300 });
    const balanced = solve({ ...problem, options: { balance: 2 } }, { maxIterations: 300 });
    const longest = (s: VrpSolution) => Math.max(...s.routes.map((r) => r.duration + r.service));
    expect(plain.routes).toHaveLength(1);
    expect(balanced.routes).toHaveLength(2);
    expect(longest(balanced)).toBeLessThan(longest(plain));
    expect(checkSolution(problem, balanced)).toEqual([]);
  });

  it('minimises distance when asked, duration otherwise', () => {
    const durations = [
      [0, 10, 10],
      [10, 0, 10],
      [10, 10, 0],
    ];
    const distances = [
      [0, 1, 100],
      [1, 0, 100],
      [100, 100, 0],
    ];
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [{ id: 1, location_index: 1 }, { id: 2, location_index: 2 }],
      matrices: { car: { durations, distances } },
    };
    expect(solve(problem, { maxIterations: 50 }).summary.cost).toBe(30);
    expect(solve({ ...problem, options: { minimise: 'distance' } }, { maxIterations: 50 }).summary.cost).toBe(201);
  });

  it('handles open routes (no end) and an empty job list', () => {
    const open: VrpProblem = { vehicles: [{ id: 1, start_index: 0 }], jobs: [{ id: 1, location_index: 3 }], matrices: line(4) };
    const s = solve(open, { maxIterations: 20 });
    expect(s.routes[0].steps.map((x) => x.type)).toEqual(['start', 'job']);
    expect(s.summary.cost).toBe(30);
    const none = solve({ vehicles: [{ id: 1, start_index: 0 }], matrices: line(2) });
    expect(none).toMatchObject({ code: 0, routes: [], unassigned: [] });
  });

  it('needs a clock for a time limit', () => {
    expect(() => solve(randomProblem(1, { jobs: 3, vehicles: 1 }), { timeLimitMs: 10 })).toThrow(/now\(\)/);
  });
});

describe('time limits', () => {
  it('stops at once when the budget is spent before the search starts', () => {
    let clock = 0;
    // Every reading of the clock advances it by 100 ms: the limit is over before the search.
    const now = () => (clock += 100);
    const problem = randomProblem(2, { jobs: 20, vehicles: 3, timeWindows: true });
    const s = solve(problem, { timeLimitMs: 150, now });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.routes.length).toBeGreaterThan(0);
  });
});
