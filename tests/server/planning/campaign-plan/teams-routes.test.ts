import { describe, expect, test } from 'vitest';
import {
  buildRouteProblem,
  formCampaignTeams,
  goalsOf,
  institutionTarget,
  JOB_SKILL_BASE,
  loadOf,
  routesOf,
  type ScheduledVisit,
} from '../../../../server/planning/campaign-plan/index.js';
import type { VrpSolution } from '../../../../server/routing/problem/solution-schema.js';
import { focus, goals, institution, officer, shifts } from './fixtures.js';

const visit = (id: number, shiftId: string, overrides = {}): ScheduledVisit => ({
  planned: institutionTarget(institution(id, overrides), 'priority', ['tier_d'], focus),
  visit: 0,
  shiftId,
});

const officers = [officer(1, 'education'), officer(2, 'education'), officer(3, 'market_regulation'), officer(4, 'culture_tourism'), officer(5, 'culture_tourism'), officer(6, 'market_regulation')];
const base = { shifts, relations: [], avoidOwnStreet: false, maxShiftsPerWeek: 5, maxStopsPerTeam: 2, teamsPerDistrictShift: 1, seed: 'test' };

describe('joint teams of the campaign', () => {
  test('at most teamsPerDistrictShift teams a shift: the stops of the others are no_team with the limit named', () => {
    const visits = [1, 2, 3, 4].map((id) => visit(id, shifts[0].shiftId));
    const { teams, failed } = formCampaignTeams({ ...base, visits, officers });
    expect(teams.length).toBe(1);
    expect(teams[0].stops.length).toBe(2);
    expect(failed.length).toBe(2);
    expect(failed[0].message).toContain('the limit');
  });

  test('no officer in the district: every visit fails with the joint-team step\'s message', () => {
    const { teams, failed } = formCampaignTeams({ ...base, visits: [visit(1, shifts[0].shiftId)], officers: [] });
    expect(teams).toEqual([]);
    expect(failed[0].message).toContain('no education officer registered');
  });

  test('the rest rules count the shifts an officer works in the kept part of the plan', () => {
    // Both education officers already work every other shift of the week: with at most one shift a week nobody leads.
    const otherShifts = new Map([1, 2].map((id) => [id, [shifts[1].shiftId]]));
    const { teams, failed } = formCampaignTeams({ ...base, maxShiftsPerWeek: 1, visits: [visit(1, shifts[0].shiftId)], officers, otherShifts });
    expect(teams).toEqual([]);
    expect(failed[0].message).toContain('resting');
  });
});

describe('the routing problem of a district-shift', () => {
  const shift = shifts[1]; // Saturday morning 08:30–12:00
  const visits = [visit(1, shift.shiftId), visit(2, shift.shiftId)];
  const { teams } = formCampaignTeams({ ...base, teamsPerDistrictShift: 2, maxStopsPerTeam: 1, visits, officers });
  const input = {
    districtCode: '310107',
    shift,
    teams,
    visits,
    base: { name: '教育局办公点', location: [121.4, 31.25] as [number, number] },
    officers: new Map(officers.map((o) => [o.id, o])),
    relations: new Set<string>(),
    avoidOwnStreet: false,
    maxStopsPerTeam: 8,
  };

  test('one skill per job, given to every team that may serve it; the shift, opening hours and priorities', () => {
    expect(teams.length).toBe(2);
    const built = buildRouteProblem(input);
    expect(built.problem.jobs!.map((j) => j.skills)).toEqual([[JOB_SKILL_BASE + 1], [JOB_SKILL_BASE + 2]]);
    expect(built.problem.vehicles.map((v) => v.skills)).toEqual([
      [JOB_SKILL_BASE + 1, JOB_SKILL_BASE + 2],
      [JOB_SKILL_BASE + 1, JOB_SKILL_BASE + 2],
    ]);
    expect(built.problem.vehicles[0]).toMatchObject({ time_window: [8.5 * 3600, 12 * 3600], max_tasks: 8 });
    expect(built.problem.jobs![0]).toMatchObject({ service: 1200, time_windows: [[8.5 * 3600, 12 * 3600 - 1200]], priority: 64 });
  });

  test('a team with a member related to the institution may not serve it', () => {
    const member = teams[0].members[0].officerId;
    const built = buildRouteProblem({ ...input, relations: new Set([`${member}|1`]) });
    expect(built.problem.vehicles[0].skills).toEqual([JOB_SKILL_BASE + 2]);
    expect(built.problem.vehicles[1].skills).toContain(JOB_SKILL_BASE + 1);
  });

  test('a team with a member who inspected the target in a recent campaign may not serve it', () => {
    const member = teams[0].members[0].officerId;
    const built = buildRouteProblem({ ...input, recentlyInspected: new Set([`${member}|institution:1`]) });
    expect(built.problem.vehicles[0].skills).toEqual([JOB_SKILL_BASE + 2]);
    expect(built.problem.vehicles[1].skills).toContain(JOB_SKILL_BASE + 1);
  });

  test('the team step passes the past inspections and recentCampaigns to the draw', () => {
    const visits1 = [visit(1, shifts[0].shiftId)];
    const drawn = formCampaignTeams({ ...base, visits: visits1, officers }).teams[0].members.map((m) => m.officerId);
    const pastInspections = drawn.map((officerId) => ({ officerId, targetKind: 'institution' as const, targetId: 1, campaignId: 7, inspectedOn: '2026-07-01' }));
    const recused = formCampaignTeams({ ...base, visits: visits1, officers, pastInspections });
    expect(recused.teams.flatMap((t) => t.members.map((m) => m.officerId)).some((id) => drawn.includes(id))).toBe(false);
    const off = formCampaignTeams({ ...base, visits: visits1, officers, pastInspections, recentCampaigns: 0 });
    expect(off.teams[0].members.map((m) => m.officerId)).toEqual(drawn);
  });

  test('the solution becomes teams with stops, times and idle reasons; the solver\'s reasons are mapped', () => {
    const built = buildRouteProblem(input);
    const step = (type: 'start' | 'job' | 'end', arrival: number, distance: number, id?: number) => ({
      type,
      id,
      location: [121.4, 31.25] as [number, number],
      arrival,
      duration: 0,
      setup: 0,
      service: type === 'job' ? 1200 : 0,
      waiting_time: type === 'job' ? 60 : 0,
      distance,
      load: [],
    });
    const solution = {
      code: 0,
      summary: {} as VrpSolution['summary'],
      unassigned: [{ id: 2, type: 'job' as const, reason: 'something_new' as never, message: 'solver words' }],
      routes: [
        {
          vehicle: 1,
          cost: 0,
          delivery: [],
          amount: [],
          pickup: [],
          setup: 0,
          service: 1200,
          duration: 600,
          waiting_time: 60,
          priority: 64,
          distance: 3000,
          steps: [step('start', 30600, 0), step('job', 31000, 1500, 1), step('end', 33000, 3000)],
          geometry: { type: 'LineString' as const, coordinates: [[121.4, 31.25], [121.41, 31.25]] as [number, number][] },
        },
      ],
    } as unknown as VrpSolution;
    const { teams: planned, unassigned } = routesOf(built, solution);
    expect(planned[0]).toMatchObject({ id: '310107/2027-01-23/1#1', label: '第1组', distanceMetres: 3000, returns: '09:10', idleReason: null });
    expect(planned[0].stops).toEqual([{ targetKey: 'institution:1', eta: '08:38', departure: '08:58', distanceMetres: 1500 }]);
    expect(planned[0].members.every((m) => m.certificateNo.startsWith('ZF'))).toBe(true);
    expect(planned[1]).toMatchObject({ stops: [], idleReason: 'targets_unreachable', returns: null, line: [] });
    expect(unassigned).toEqual([
      expect.objectContaining({ targetKey: 'institution:2', reason: 'no_room', shiftId: shift.shiftId, message: expect.stringContaining('2 of 2 teams') }),
    ]);

    const load = loadOf(officers, planned, ['310107'], '2027-01-22');
    const busy = planned[0].members.map((m) => m.officerId);
    for (const o of load.officers) expect(o.shifts).toBe(busy.includes(o.officerId) ? 1 : 0);
    expect(load.shifts.max).toBe(1);
    expect(load.shifts.min).toBe(0);
    expect(load.shifts.maxMinRatio).toBeNull();

    const targets = built.input.visits.map((v) => ({ ...v.planned.target, riskTier: 'D' as const }));
    expect(goalsOf({ goals, targets, teams: planned, highestTierCount: 2, drawPoolSize: 0 })[0]).toEqual({ goal: 'coverTierA', target: 2, planned: 1, met: false });
  });
});

describe('compact route lines', () => {
  test('rounds to about a metre and drops repeated points', async () => {
    const { compactLine } = await import('../../../../server/planning/campaign-plan/index.js');
    expect(compactLine([[121.4000001, 31.2500004], [121.4000002, 31.2500001], [121.412345678, 31.25]])).toEqual([[121.4, 31.25], [121.41235, 31.25]]);
    expect(compactLine([])).toEqual([]);
  });
});
