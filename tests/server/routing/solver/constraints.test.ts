import { describe, expect, it } from 'vitest';
import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import type { VrpSolution } from '../../../../server/routing/problem/solution-schema.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { randomProblem } from './random-problems.js';

/** Places on a line: index i at position 10·i; travel time = distance. */
function line(n: number) {
  const durations = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => 10 * Math.abs(a - b)));
  return { car: { durations, distances: durations } };
}

const jobsOf = (s: VrpSolution, vehicle: number) =>
  s.routes.find((r) => r.vehicle === vehicle)?.steps.filter((x) => x.type === 'job').map((x) => x.id) ?? [];

describe('hard constraints', () => {
  it('time windows force an order the distance alone would not choose', () => {
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [
        { id: 1, location_index: 1, time_windows: [[100, 110]] },
        { id: 2, location_index: 2, time_windows: [[0, 25]] },
        { id: 3, location_index: 3 },
      ],
      matrices: line(4),
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(jobsOf(s, 1)).toEqual([2, 3, 1]);
    const job1 = s.routes[0].steps.find((x) => x.id === 1)!;
    expect(job1.arrival + job1.waiting_time).toBeGreaterThanOrEqual(100);
  });

  it('capacity splits the work between vehicles, pickups counted on the way back', () => {
    const problem: VrpProblem = {
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, capacity: [4] },
        { id: 2, start_index: 0, end_index: 0, capacity: [4] },
      ],
      jobs: [
        { id: 1, location_index: 1, delivery: [3] },
        { id: 2, location_index: 2, delivery: [3] },
        { id: 3, location_index: 3, pickup: [2] },
      ],
      matrices: line(4),
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    for (const r of s.routes) for (const step of r.steps) expect(step.load[0]).toBeLessThanOrEqual(4);
    expect(s.routes).toHaveLength(2);
  });

  it('skills send a job to the only vehicle qualified for it, however far', () => {
    const m = line(6);
    const problem: VrpProblem = {
      vehicles: [
        { id: 1, start_index: 1, end_index: 1, skills: [1] },
        { id: 2, start_index: 5, end_index: 5, skills: [1, 7] },
      ],
      jobs: [
        { id: 1, location_index: 1, skills: [7] },
        { id: 2, location_index: 2, skills: [1] },
      ],
      matrices: m,
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(jobsOf(s, 2)).toContain(1);
    expect(jobsOf(s, 1)).not.toContain(1);
  });

  it('a shift too short leaves unreachable work out rather than running late', () => {
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, time_window: [0, 70] }],
      jobs: [
        { id: 1, location_index: 1, service: 10 },
        { id: 2, location_index: 5, service: 10 },
      ],
      matrices: line(6),
    };
    const s = solve(problem, { maxIterations: 300 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(jobsOf(s, 1)).toEqual([1]);
    // 50 s there, 10 s on site, 50 s back: more than the 70 s shift even alone.
    expect(s.unassigned).toMatchObject([{ id: 2, reason: 'shift_length', details: { needed_seconds: 110, shift_seconds: 70 } }]);
    const end = s.routes[0].steps.at(-1)!;
    expect(end.arrival).toBeLessThanOrEqual(70);
  });

  it('breaks are always taken within their window', () => {
    const problem: VrpProblem = {
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          time_window: [0, 500],
          breaks: [{ id: 9, time_windows: [[60, 80]], service: 50 }],
        },
      ],
      jobs: [1, 2, 3, 4].map((k) => ({ id: k, location_index: k, service: 20 })),
      matrices: line(5),
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    const brk = s.routes[0].steps.find((x) => x.type === 'break')!;
    expect(brk.id).toBe(9);
    expect(brk.arrival + brk.waiting_time).toBeGreaterThanOrEqual(60);
    expect(brk.arrival + brk.waiting_time).toBeLessThanOrEqual(80);
  });

  it('max_tasks caps the jobs per vehicle', () => {
    const problem: VrpProblem = {
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, max_tasks: 2 },
        { id: 2, start_index: 4, end_index: 4, max_tasks: 5 },
      ],
      jobs: [1, 2, 3].map((k) => ({ id: k, location_index: k })),
      matrices: line(5),
    };
    const s = solve(problem, { maxIterations: 500 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(jobsOf(s, 1).length).toBeLessThanOrEqual(2);
    expect(s.unassigned).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6])('random instance %i with every constraint: the checker finds no violation', (seed) => {
    const problem = randomProblem(seed * 101, {
      jobs: 40,
      vehicles: 5,
      places: 30,
      timeWindows: true,
      capacity: true,
      skills: true,
      priorities: true,
      maxTasks: true,
      breaks: true,
      shift: 700,
    });
    const s = solve(problem, { seed, maxIterations: 800 });
    expect(checkSolution(problem, s)).toEqual([]);
    expect(s.routes.length + s.unassigned.length).toBeGreaterThan(0);
  });
});
