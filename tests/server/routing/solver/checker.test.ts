import { describe, expect, it } from 'vitest';
import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import type { VrpSolution } from '../../../../server/routing/problem/solution-schema.js';
import { solve } from '../../../../server/routing/solver/solve.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';
import { randomProblem } from './random-problems.js';

const clone = (s: VrpSolution): VrpSolution => structuredClone(s);

describe('checkSolution', () => {
  const problem: VrpProblem = randomProblem(7, {
    jobs: 12,
    vehicles: 2,
    timeWindows: true,
    capacity: true,
    skills: true,
    breaks: true,
    maxTasks: false,
    shift: 900,
  });
  const valid = solve(problem, { maxIterations: 400 });

  it('accepts the solver output', () => {
    expect(checkSolution(problem, valid)).toEqual([]);
    expect(valid.routes.length).toBeGreaterThan(0);
  });

  it('flags a job served twice and a job that vanished', () => {
    const s = clone(valid);
    const steps = s.routes[0].steps;
    const job = steps.find((x) => x.type === 'job')!;
    s.routes[0].steps = steps.filter((x) => x !== job);
    expect(checkSolution(problem, s).join('\n')).toMatch(new RegExp(`job ${job.id} neither served nor unassigned`));
    const twice = clone(valid);
    twice.unassigned.push({ id: job.id!, type: 'job', reason: 'no_room', message: '' });
    twice.summary.unassigned++;
    expect(checkSolution(problem, twice).join('\n')).toMatch(/both served and unassigned/);
  });

  it('flags wrong arrival times, a late end and a missing break', () => {
    const s = clone(valid);
    const job = s.routes[0].steps.find((x) => x.type === 'job')!;
    job.arrival += 5;
    expect(checkSolution(problem, s).join('\n')).toMatch(/arrival/);
    const late: VrpProblem = { ...problem, vehicles: problem.vehicles.map((v) => ({ ...v, time_window: [0, 10] as [number, number] })) };
    expect(checkSolution(late, valid).join('\n')).toMatch(/after its shift|outside its time windows/);
    const noBreak = clone(valid);
    noBreak.routes[0].steps = noBreak.routes[0].steps.filter((x) => x.type !== 'break');
    expect(checkSolution(problem, noBreak).join('\n')).toMatch(/break 1 missing/);
  });

  it('flags exceeded capacity, missing skills and max_tasks', () => {
    const small: VrpProblem = { ...problem, vehicles: problem.vehicles.map((v) => ({ ...v, capacity: [1], skills: [], max_tasks: 1 })) };
    const text = checkSolution(small, valid).join('\n');
    expect(text).toMatch(/over capacity/);
    expect(text).toMatch(/exceed max_tasks/);
    if ((problem.jobs ?? []).some((j) => j.skills?.length)) expect(text).toMatch(/lacks skill/);
  });
});
