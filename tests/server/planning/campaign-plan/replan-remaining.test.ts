import { describe, expect, test } from 'vitest';
import type { CampaignPlan, CampaignPlanTarget, CampaignPlanTeam } from '../../../../server/contract/campaign-plans.js';
import { DomainInputError } from '../../../../server/domain/errors.js';
import { replanRemaining, type FixedStop, type ReplanInput } from '../../../../server/planning/campaign-plan/index.js';
import { createStraightLineProvider } from '../../../../server/routing/network/travel-costs.js';
import { checkSolution } from '../../../../server/routing/solver/check.js';

const DISTRICT = '310107';
const DATE = '2027-01-23';
const SHIFT = `${DATE}#1`; // Saturday 08:30–12:00
const BASE: [number, number] = [121.4, 31.25];

function target(id: number, overrides: Partial<CampaignPlanTarget> = {}): CampaignPlanTarget {
  return {
    key: `institution:${id}`,
    kind: 'institution',
    refId: id,
    districtCode: DISTRICT,
    streetCode: '310107001',
    name: `机构${id}`,
    address: `地址${id}`,
    creditCode: null,
    location: [121.4 + (id % 7) * 0.004, 31.25 + Math.floor(id / 7) * 0.003],
    source: 'priority',
    reasons: ['tier_d'],
    priority: 50 + id,
    serviceMinutes: 20,
    opens: '16:00',
    closes: '21:00',
    weekendOpens: '08:30',
    weekendCloses: '20:30',
    riskTier: 'D',
    departments: [],
    checks: ['unlicensed'],
    visits: 1,
    ...overrides,
  };
}

const member = (officerId: number, departmentCode: string, lead = false) => ({
  officerId,
  name: `人员${officerId}`,
  departmentCode,
  certificateNo: `ZF${officerId}`,
  certificateExpiresOn: '2030-12-31',
  lead,
});

function team(n: number, members: CampaignPlanTeam['members'], keys: number[]): CampaignPlanTeam {
  let at = 9 * 60;
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    id: `${DISTRICT}/${DATE}/1#${n}`,
    label: `第${n}组`,
    districtCode: DISTRICT,
    date: DATE,
    shiftId: SHIFT,
    base: { name: '教育局办公点', location: BASE },
    members,
    departments: [...new Set(members.map((m) => m.departmentCode))].sort(),
    stops: keys.map((id) => {
      const stop = { targetKey: `institution:${id}`, eta: clock(at), departure: clock(at + 20), distanceMetres: 1000 };
      at += 32;
      return stop;
    }),
    distanceMetres: keys.length * 1000,
    returns: clock(at),
    line: [],
    idleReason: null,
    replannedAt: null,
  };
}

function plan(): CampaignPlan {
  const targets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => target(id, id === 4 ? { departments: ['market_regulation'] } : {}));
  return {
    campaignId: 1,
    campaignVersion: 1,
    createdBy: 'planner',
    createdAt: '2027-01-20T00:00:00.000Z',
    settings: { teamsPerDistrictShift: 3, maxStopsPerTeam: 6, drawWeighting: 'risk_tier', excludeInspectedDays: 30, recentCampaigns: 2, avoidOwnStreet: false, maxShiftsPerWeek: 5, routeTimeLimit: 0.5, seed: 's' },
    shifts: [
      { id: SHIFT, date: DATE, start: '08:30', end: '12:00', dayType: 'weekend' },
      { id: `${DATE}#2`, date: DATE, start: '13:30', end: '17:30', dayType: 'weekend' },
    ],
    targets,
    draw: { seed: 's', seedCommitment: '0'.repeat(64), poolHash: '0'.repeat(64), poolSize: 0, commitAuditId: 1, weighting: 'risk_tier', ratio: 0.05, strata: [], drawnKeys: [] },
    teams: [
      // Team 1: two officers only; team 2: three (one of them market regulation); team 3: two.
      team(1, [member(11, 'education', true), member(12, 'culture_tourism')], [1, 2, 3]),
      team(2, [member(21, 'education', true), member(22, 'education'), member(23, 'market_regulation')], [4, 5, 6]),
      team(3, [member(31, 'education', true), member(32, 'culture_tourism')], [7, 8]),
    ],
    unassigned: [],
    load: { officers: [], shifts: { min: 0, max: 0, maxMinRatio: null, gini: 0 }, stops: { min: 0, max: 0, maxMinRatio: null, gini: 0 } },
    warnings: [],
    goals: [],
  };
}

const NINE_THIRTY = 9.5 * 3600;
const input = (overrides: Partial<ReplanInput>): ReplanInput => ({
  plan: plan(),
  districtCode: DISTRICT,
  date: DATE,
  fixed: [],
  now: NINE_THIRTY,
  at: '2027-01-23T01:30:00.000Z',
  event: { kind: 'officer_out', officerId: 22 },
  ...overrides,
});

const provider = createStraightLineProvider();
const run = (i: ReplanInput) => replanRemaining(i, { seed: 7, maxIterations: 500, costProvider: provider });
const keysOf = (t: CampaignPlanTeam) => t.stops.map((s) => s.targetKey);
const teamOf = (p: CampaignPlan, n: number) => p.teams.find((t) => t.id.endsWith(`#${n}`))!;

/** The independent checker on the straight-line matrices of the problem's places. */
function feasible(result: ReturnType<typeof run>): string[] {
  const problem = result.built.problem!;
  const places: [number, number][] = [];
  const add = (c: [number, number] | undefined) => c && !places.some((p) => p[0] === c[0] && p[1] === c[1]) && places.push(c);
  for (const v of problem.vehicles) {
    add(v.start);
    add(v.end);
  }
  for (const j of problem.jobs ?? []) add(j.location);
  const { durations, distances } = provider(places, 'car');
  const index = (c: [number, number]) => places.findIndex((p) => p[0] === c[0] && p[1] === c[1]);
  return checkSolution(problem, result.solution!, { car: { durations, distances } }, index);
}

describe('re-planning the remaining stops', () => {
  test('an officer out of a three-person team: the team keeps its stops, the done ones first in the order they were done', () => {
    // Team 2 did stop 5 before stop 4, and is at stop 6 now (arrived, no check-in yet).
    const fixed: FixedStop[] = [
      { teamId: teamOf(plan(), 2).id, targetKey: 'institution:5', state: 'done', at: 9 * 3600 },
      { teamId: teamOf(plan(), 2).id, targetKey: 'institution:4', state: 'done', at: 9.25 * 3600 },
    ];
    const withMore = plan();
    withMore.teams[1] = team(2, withMore.teams[1].members, [4, 5, 6, 9, 10]);
    const result = run(input({ plan: withMore, fixed, event: { kind: 'officer_out', officerId: 22 } }));
    const t2 = teamOf(result.plan, 2);
    expect(keysOf(t2).slice(0, 2)).toEqual(['institution:5', 'institution:4']);
    expect(t2.stops.slice(0, 2)).toEqual([withMore.teams[1].stops[1], withMore.teams[1].stops[0]]);
    expect(keysOf(t2).slice(2).sort()).toEqual(['institution:10', 'institution:6', 'institution:9']);
    expect(t2.members.map((m) => m.officerId)).toEqual([21, 23]);
    expect(t2.replannedAt).toBe('2027-01-23T01:30:00.000Z');
    // The other teams are not touched.
    expect(teamOf(result.plan, 1)).toEqual(withMore.teams[0]);
    expect(teamOf(result.plan, 3)).toEqual(withMore.teams[2]);
    expect(result.teamIds).toEqual([t2.id]);
    expect(result.summary.moved).toEqual([]);
    // New ETAs start after now, from the last done stop.
    for (const s of t2.stops.slice(2)) expect(s.eta >= '09:30').toBe(true);
    expect(feasible(result)).toEqual([]);
  });

  test('an officer out of a two-person team: it stops, its remaining stops go to the other teams, the done one stays', () => {
    const t1 = teamOf(plan(), 1);
    const fixed: FixedStop[] = [{ teamId: t1.id, targetKey: 'institution:1', state: 'done', at: 9 * 3600 }];
    const result = run(input({ fixed, event: { kind: 'officer_out', officerId: 12 } }));
    const after = teamOf(result.plan, 1);
    expect(keysOf(after)).toEqual(['institution:1']);
    expect(after.members.map((m) => m.officerId)).toEqual([11]);
    expect(after.idleReason).toBe('too_few_officers');
    const others = [...keysOf(teamOf(result.plan, 2)), ...keysOf(teamOf(result.plan, 3))];
    const placed = ['institution:2', 'institution:3'].filter((k) => others.includes(k));
    const left = result.plan.unassigned.map((u) => u.targetKey);
    expect([...placed, ...left.filter((k) => k === 'institution:2' || k === 'institution:3')].sort()).toEqual(['institution:2', 'institution:3']);
    expect(placed.length).toBeGreaterThan(0);
    for (const m of result.summary.moved) expect(m.from).toBe(t1.id);
    // The other teams keep their own stops (market regulation's stop 4 stays with team 2).
    expect(keysOf(teamOf(result.plan, 2))).toContain('institution:4');
    expect(keysOf(teamOf(result.plan, 3))).toEqual(expect.arrayContaining(['institution:7', 'institution:8']));
    expect(result.teamIds.sort()).toEqual(plan().teams.map((t) => t.id).sort());
    expect(feasible(result)).toEqual([]);
  });

  test('an urgent target lands in exactly one team with room, first in priority', () => {
    const urgent = target(20, { location: [121.405, 31.252] });
    const result = run(input({ event: { kind: 'urgent_target', target: urgent } }));
    const holders = result.plan.teams.filter((t) => keysOf(t).includes(urgent.key));
    expect(holders).toHaveLength(1);
    expect(result.plan.targets.find((t) => t.key === urgent.key)?.priority).toBe(100);
    expect(result.summary.moved).toContainEqual({ targetKey: urgent.key, from: null, to: holders[0].id });
    // Every stop the plan had is still served (the teams have room).
    const served = result.plan.teams.flatMap(keysOf);
    for (const t of plan().teams) for (const k of keysOf(t)) expect(served).toContain(k);
    expect(feasible(result)).toEqual([]);
  });

  test('an urgent target is added even when every team has its stop cap (插单)', () => {
    const full = plan();
    full.settings = { ...full.settings, maxStopsPerTeam: 3 };
    full.teams[2] = team(3, full.teams[2].members, [7, 8, 9]);
    const urgent = target(23, { location: [121.41, 31.255] });
    const result = run(input({ plan: full, event: { kind: 'urgent_target', target: urgent } }));
    expect(result.plan.teams.filter((t) => keysOf(t).includes(urgent.key))).toHaveLength(1);
    expect(feasible(result)).toEqual([]);
  });

  test('the same input gives the same result', () => {
    const i = input({ event: { kind: 'officer_out', officerId: 12 }, fixed: [{ teamId: teamOf(plan(), 1).id, targetKey: 'institution:1', state: 'in_progress', at: 9.4 * 3600 }] });
    expect(run(i).plan).toEqual(run(i).plan);
    const u = input({ event: { kind: 'urgent_target', target: target(21) } });
    expect(run(u).summary).toEqual(run(u).summary);
  });

  test('an officer not on the day, an urgent target of another district or one already inspected is refused', () => {
    expect(() => run(input({ event: { kind: 'officer_out', officerId: 999 } }))).toThrow(DomainInputError);
    expect(() => run(input({ event: { kind: 'urgent_target', target: target(22, { districtCode: '310106' }) } }))).toThrow(/district/);
    const fixed: FixedStop[] = [{ teamId: teamOf(plan(), 1).id, targetKey: 'institution:1', state: 'done', at: 9 * 3600 }];
    expect(() => run(input({ fixed, event: { kind: 'urgent_target', target: target(1) } }))).toThrow(/already inspected/);
  });
});
