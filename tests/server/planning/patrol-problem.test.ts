import { describe, expect, test } from 'vitest';
import {
  buildPatrolProblem,
  EDUCATION_SKILL,
  FIRE_SAFETY_SKILL,
  summarisePatrolPlan,
  type PatrolCandidate,
  type PatrolOfficer,
} from '../../../server/planning/index.js';
import { checkSolution } from '../../../server/routing/solver/check.js';
import { solve } from '../../../server/routing/solver/solve.js';
import { createStraightLineProvider } from '../../../server/routing/network/travel-costs.js';

const officers: PatrolOfficer[] = [
  { id: 1, name: '甲', departmentCode: 'education', certificateExpiresOn: '2028-01-01' },
  { id: 2, name: '乙', departmentCode: 'education', certificateExpiresOn: '2028-01-01' },
  { id: 3, name: '丙', departmentCode: 'fire_rescue', certificateExpiresOn: '2028-01-01' },
  { id: 4, name: '丁', departmentCode: 'market_regulation', certificateExpiresOn: '2028-01-01' },
  { id: 5, name: '戊', departmentCode: 'urban_management', certificateExpiresOn: '2025-01-01' },
];

const candidates: PatrolCandidate[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    kind: 'institution' as const,
    id: 100 + i,
    name: `机构${i}`,
    location: [121.39 + 0.004 * i, 31.24 + 0.002 * (i % 3)] as [number, number],
    recentClueCount: 8 - i,
    status: i % 3 === 0 ? ('unlicensed' as const) : ('licensed' as const),
    listStatus: 'none' as const,
    riskScore: 80 - 10 * i,
  })),
  { kind: 'gridCell', id: 5, name: '网格 5', location: [121.4, 31.25], recentClueCount: 4 },
];

const input = {
  date: '2026-11-23',
  shift: { kind: 'weekday_evening' as const },
  teams: 2,
  base: { name: '教育局', location: [121.397, 31.2495] as [number, number] },
  officers,
  candidates,
  targets: { topInstitutions: 6, topGridCells: 1 },
};

describe('buildPatrolProblem', () => {
  test('one vehicle per team from and back to the base within the shift; one job per target with its skills', () => {
    const draft = buildPatrolProblem(input);
    const { vehicles, jobs } = draft.problem;
    expect(vehicles).toHaveLength(2);
    for (const v of vehicles) {
      expect(v.start).toEqual(input.base.location);
      expect(v.end).toEqual(input.base.location);
      expect(v.time_window).toEqual([64800, 75600]);
      expect(v.skills).toContain(EDUCATION_SKILL);
    }
    expect(jobs).toHaveLength(7);
    // Unlicensed premises get a fire-safety check; a grid cell is an area patrol.
    for (const stop of draft.stops) {
      const job = jobs!.find((j) => j.id === stop.jobId)!;
      const unlicensed = stop.kind === 'institution' && (stop.refId - 100) % 3 === 0;
      expect(job.skills!.includes(FIRE_SAFETY_SKILL)).toBe(unlicensed);
      expect(stop.checks.includes('area_patrol')).toBe(stop.kind === 'gridCell');
    }
    expect(draft.departureHour).toBe(18);
    expect(draft.excludedOfficers.map((o) => o.id)).toEqual([5]);
  });

  test('solved, it gives a plan the independent checker accepts, with fire checks only on the team with the fire officer', () => {
    const draft = buildPatrolProblem(input);
    const provider = createStraightLineProvider();
    const solution = solve(draft.problem, { seed: 1, maxIterations: 2000, costProvider: provider });
    const locations = [input.base.location, ...draft.stops.map((s) => s.location)];
    const { durations, distances } = provider(locations, 'car');
    const index = (c: [number, number]) => locations.findIndex((l) => l[0] === c[0] && l[1] === c[1]);
    expect(checkSolution(draft.problem, solution, { car: { durations, distances } }, index)).toEqual([]);
    const summary = summarisePatrolPlan(draft, solution);
    expect(summary.assignedStops + summary.unassigned.length).toBe(7);
    for (const team of summary.teams) {
      const fire = team.members.some((m) => m.departmentCode === 'fire_rescue');
      for (const stop of team.stops) {
        if (stop.checks.includes('fire_safety')) expect(fire).toBe(true);
        expect(stop.eta >= '18:00' && stop.eta <= '21:00').toBe(true);
      }
      expect(team.stops.map((s) => s.sequence)).toEqual(team.stops.map((_, i) => i + 1));
    }
  });

  test('a long weekend shift carries a meal break; without a fire officer the plan warns', () => {
    const draft = buildPatrolProblem({ ...input, date: '2026-11-21', shift: { kind: 'weekend_day' }, officers: officers.filter((o) => o.departmentCode !== 'fire_rescue') });
    expect(draft.problem.vehicles[0].breaks?.[0].service).toBe(45 * 60);
    expect(draft.warnings.join(' ')).toContain('need a fire-safety check but no team has a certified fire officer');
  });

  test('refuses a bad stop limit', () => {
    expect(() => buildPatrolProblem({ ...input, maxStopsPerTeam: 0 })).toThrow('maxStopsPerTeam: must be a positive integer');
  });
});
