import { describe, expect, it } from 'vitest';
import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import type { VrpSolution } from '../../../../server/routing/problem/solution-schema.js';
import { solutionSchema } from '../../../../server/routing/problem/solution-schema.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { solve, type SolveOptions } from '../../../../server/routing/solver/solve.js';

/** Places on a line, 10 s apart: index 0 is the base. */
function line(n: number) {
  const durations = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => 10 * Math.abs(a - b)));
  return { car: { durations, distances: durations } };
}

function solved(problem: VrpProblem, options: SolveOptions = {}): VrpSolution {
  const s = solve(problem, { maxIterations: 300, ...options });
  if (problem.matrices) expect(checkSolution(problem, s)).toEqual([]);
  expect(solutionSchema.safeParse(s).success).toBe(true);
  return s;
}

const reasonOf = (s: VrpSolution, id: number) => s.unassigned.find((u) => u.id === id);
const idleOf = (s: VrpSolution, id: number) => s.idle_vehicles?.find((v) => v.vehicle === id);
const base = { start_index: 0, end_index: 0 };

describe('why a job is unassigned: the limit that blocks it', () => {
  it('skills: no vehicle has them', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, skills: [1] }, { id: 2, ...base, skills: [1, 3] }],
      jobs: [{ id: 1, location_index: 1, skills: [2] }, { id: 2, location_index: 1, skills: [1] }],
      matrices: line(3),
    });
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'skills', details: { vehicles: 2, skilled: 0, suitable: 0 } });
    expect(reasonOf(s, 1)!.message).toContain('0 of 2');
  });

  it('skills: only one of two vehicles has them, its shift is full, and the other vehicle has time to spare', () => {
    // 30 s there, 25 s on site, 30 s back = 85 of the 100 s shift: one such job fits a shift, two do not.
    const s = solved({
      vehicles: [{ id: 1, ...base, skills: [1, 2], time_window: [0, 100] }, { id: 2, ...base, skills: [1], time_window: [0, 100] }],
      jobs: [
        { id: 1, location_index: 3, service: 25, skills: [1, 2], priority: 50 },
        { id: 2, location_index: 3, service: 25, skills: [1, 2], priority: 10 },
      ],
      matrices: line(4),
    });
    expect(s.unassigned.map((u) => u.id)).toEqual([2]);
    expect(reasonOf(s, 2)).toMatchObject({ reason: 'skills', details: { vehicles: 2, skilled: 1, suitable: 1 } });
    expect(reasonOf(s, 2)!.message).toBe('only 1 of 2 vehicles has the skills this job requires; its shift is full, while vehicles without the skills have room');
    // Vehicle 2 stays at the base: nothing it may serve.
    expect(idleOf(s, 2)).toMatchObject({ reason: 'no_compatible_job', details: { jobs: 2, compatible: 0, reachable: 0 } });
  });

  it('capacity: the amount exceeds every skilled vehicle', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, capacity: [3], skills: [1] }, { id: 2, ...base, capacity: [9], skills: [7] }],
      jobs: [{ id: 1, location_index: 1, delivery: [5], skills: [1] }],
      matrices: line(3),
    });
    // Vehicle 2 could carry it but has not the skill: the capacity of the vehicles that may serve it is what blocks.
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'capacity', details: { skilled: 1, suitable: 0 } });
  });

  it('capacity: the load of the jobs on board leaves no room', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, capacity: [3] }],
      jobs: [
        { id: 1, location_index: 1, delivery: [3], priority: 10 },
        { id: 2, location_index: 2, delivery: [3] },
      ],
      matrices: line(3),
    });
    expect(reasonOf(s, 2)).toMatchObject({ reason: 'capacity', details: { suitable: 1 } });
  });

  it('max_tasks: the only skilled vehicle has its stops, although another vehicle has time', () => {
    const s = solved({
      vehicles: [
        { id: 1, ...base, skills: [1, 2], max_tasks: 2 },
        { id: 2, ...base, skills: [1], max_tasks: 2 },
      ],
      jobs: [1, 2, 3].map((id) => ({ id, location_index: id, skills: [1, 2], priority: 10 * id })),
      matrices: line(4),
    });
    expect(s.unassigned.map((u) => u.id)).toEqual([1]);
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'max_tasks', details: { vehicles: 2, skilled: 1, suitable: 1, max_tasks: 2 } });
    expect(reasonOf(s, 1)!.message).toBe('the only suitable vehicle (1 of 2 vehicles has the skills this job requires) already has its max_tasks of 2 jobs');
  });

  it('time_window: the job opens after every shift ends', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, time_window: [0, 100] }],
      jobs: [{ id: 1, location_index: 2, time_windows: [[500, 600]] }],
      matrices: line(3),
    });
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'time_window', details: { suitable: 0 } });
  });

  it('shift_length: travel there and back plus the service exceed even an empty shift', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, time_window: [0, 100] }, { id: 2, ...base, time_window: [0, 90] }],
      jobs: [{ id: 1, location_index: 4, service: 30 }],
      matrices: line(5),
    });
    // 40 + 30 + 40 = 110 s; the message quotes the longer shift, where it comes closest.
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'shift_length', details: { needed_seconds: 110, shift_seconds: 100 } });
    expect(idleOf(s, 1)).toMatchObject({ reason: 'out_of_reach', details: { compatible: 1, reachable: 0 } });
  });

  it('shift_length counts the breaks the shift must hold', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base, time_window: [0, 100], breaks: [{ id: 1, time_windows: [[0, 100]], service: 40 }] }],
      jobs: [{ id: 1, location_index: 2, service: 30 }],
      matrices: line(3),
    });
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'shift_length', details: { needed_seconds: 110 } });
  });

  it('unreachable: the travel matrix has no route there', () => {
    const places: [number, number][] = [[121.4, 31.2], [121.5, 31.3]];
    const s = solved(
      { vehicles: [{ id: 1, start: places[0], end: places[0], time_window: [0, 3600] }], jobs: [{ id: 1, location: places[1] }] },
      {
        costProvider: (locations) => {
          const far = locations.map((a) => locations.map((b) => (a === b || a[0] === b[0] ? 0 : Infinity)));
          return { durations: far, distances: far };
        },
      },
    );
    expect(s.routes).toEqual([]);
    expect(reasonOf(s, 1)).toMatchObject({ reason: 'unreachable', details: { suitable: 0 } });
    expect(idleOf(s, 1)).toMatchObject({ reason: 'out_of_reach' });
  });

  it('no_room: every skilled vehicle could serve it alone, but their shifts are taken by higher priorities', () => {
    const s = solved({
      vehicles: [1, 2].map((id) => ({ id, ...base, time_window: [0, 100] as [number, number] })),
      jobs: [
        { id: 1, location_index: 3, service: 25, priority: 50 },
        { id: 2, location_index: 3, service: 25, priority: 40 },
        { id: 3, location_index: 3, service: 25, priority: 10 },
      ],
      matrices: line(4),
    });
    expect(s.unassigned.map((u) => u.id)).toEqual([3]);
    expect(reasonOf(s, 3)).toMatchObject({ reason: 'no_room', details: { vehicles: 2, skilled: 2, suitable: 2 } });
    expect(s.idle_vehicles).toBeUndefined();
  });
});

describe('why a vehicle stays idle', () => {
  it('served_by_others: the one job goes to another vehicle', () => {
    const s = solved({
      vehicles: [{ id: 1, ...base }, { id: 2, ...base }],
      jobs: [{ id: 1, location_index: 1 }],
      matrices: line(2),
    });
    expect(s.idle_vehicles).toHaveLength(1);
    expect(s.idle_vehicles![0]).toMatchObject({ reason: 'served_by_others', details: { jobs: 1, compatible: 1, reachable: 1 } });
  });

  it('out_of_reach: its shift is too short for any job; max_tasks 0 takes none', () => {
    const s = solved({
      vehicles: [
        { id: 1, ...base, time_window: [0, 100] },
        { id: 2, ...base, time_window: [0, 30] },
        { id: 3, ...base, max_tasks: 0 },
      ],
      jobs: [{ id: 1, location_index: 2 }, { id: 2, location_index: 3 }],
      matrices: line(4),
    });
    expect(idleOf(s, 2)).toMatchObject({ reason: 'out_of_reach', details: { compatible: 2, reachable: 0 } });
    expect(idleOf(s, 3)).toMatchObject({ reason: 'max_tasks' });
    expect(idleOf(s, 1)).toBeUndefined();
  });

  it('no idle list when every vehicle works', () => {
    const s = solved({ vehicles: [{ id: 1, ...base }], jobs: [{ id: 1, location_index: 1 }], matrices: line(2) });
    expect(s).not.toHaveProperty('idle_vehicles');
  });
});
