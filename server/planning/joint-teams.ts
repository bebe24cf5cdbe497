import { createRandom, seedOfText } from '../domain/random.js';
import { requireIsoDate, type IsoDate } from '../domain/time.js';
import type { OfficerRelationKind } from '../domain/vocabulary.js';
import { departmentMix, LEAD_DEPARTMENT, type DepartmentNeed, type InspectionTarget, type TargetKind } from './department-mix.js';
import { checkDrawSeed } from './draw-seed.js';
import { PlanningInputError, type PlanningIssue } from './errors.js';
import { loadSpread, type LoadSpread } from './load.js';
import type { FireSafetyPolicy } from './patrol-problem.js';
import { MIN_TEAM_SIZE, type PatrolOfficer } from './teams.js';

/**
 * 双随机 (second draw): the joint teams of a campaign. For every planned inspection (a target in a shift) the
 * departments its target needs (department-mix.ts), and officers drawn at random among the eligible: certificate
 * valid on the day (持证上岗), free in that shift, allowed by the rest rules (`canTakeShift`), and not recused (回避)
 * from any stop of their team. A team serves several stops of one district in a shift; a stop joins an open team
 * when the team can take it, else a new team is drawn. Seeded and reproducible: every seat is drawn from a generator
 * forked from the seed by the seat's label. docs/campaigns-draws.md is the reference.
 */

export interface RegistryOfficer extends PatrolOfficer {
  /** The district the officer works for: teams are drawn from the target's district. */
  districtCode: string;
  /** The 街镇 the officer lives in; null when not registered (then never recused for it). */
  homeStreetCode: string | null;
}

/** A registered relation (利害关系登记, db table officer_relations). */
export interface OfficerRelation {
  officerId: number;
  institutionId: number;
  kind: OfficerRelationKind;
}

/** An inspection an officer took part in, from the stored campaigns. */
export interface PastInspection {
  officerId: number;
  targetKind: TargetKind;
  targetId: number;
  campaignId: string | number;
  inspectedOn: IsoDate;
}

export interface TeamShift {
  id: string;
  date: IsoDate;
  /** Stops one team serves in this shift; default the input's maxStopsPerTeam. */
  maxStopsPerTeam?: number;
}

export interface PlannedInspection {
  shiftId: string;
  target: InspectionTarget;
  /** Served first when officers run short (the risk score, say); default 0. */
  priority?: number;
}

/**
 * Rest rules, supplied by the calendar: may the officer work this shift, given the shifts this plan has given them
 * so far (in plan order)? The plan already keeps an officer to one team per shift.
 */
export type CanTakeShift = (officer: RegistryOfficer, shift: TeamShift, assignedShifts: readonly TeamShift[]) => boolean;

export interface RecusalOptions {
  /** Not a target the officer inspected in the last N campaigns (default 2; 0 = no such rule). */
  recentCampaigns?: number;
  /** Not a target in the officer's home 街镇 (default false). */
  avoidOwnStreet?: boolean;
}

export interface JointTeamInput {
  seed: string;
  shifts: readonly TeamShift[];
  inspections: readonly PlannedInspection[];
  officers: readonly RegistryOfficer[];
  relations?: readonly OfficerRelation[];
  pastInspections?: readonly PastInspection[];
  /** Default: every officer may take every shift. */
  canTakeShift?: CanTakeShift;
  recusal?: RecusalOptions;
  fireSafety?: FireSafetyPolicy;
  /** Default DEFAULT_STOPS_PER_TEAM. */
  maxStopsPerTeam?: number;
  /** Draw each seat among the eligible officers with the fewest shifts (then stops) so far; default true. */
  balance?: boolean;
}

export interface TargetRef {
  kind: TargetKind;
  id: number;
}

export interface TeamMember {
  officerId: number;
  name: string;
  departmentCode: string;
  /** The education officer who leads the team (牵头). */
  lead: boolean;
  /** Eligible officers of the seat when it was drawn, and how many of them the draw was among (the least loaded). */
  eligible: number;
  drawnAmong: number;
}

export interface JointTeam {
  /** `<shift id>#<n>`, n from 1 in the order teams are opened. */
  id: string;
  shiftId: string;
  date: IsoDate;
  districtCode: string;
  members: TeamMember[];
  /** Departments of the members, education first. */
  departments: string[];
  /** In the order they joined the team (the route is the router's). */
  stops: TargetRef[];
}

export interface InspectionAssignment {
  shiftId: string;
  target: TargetRef;
  teamId: string;
  needs: DepartmentNeed[];
}

/**
 * Why a target got no team, for one department: nobody of it in the district (`no_officer`), or everybody left out
 * at one of the stages in this order, the code naming the stage that left nobody: certificate expired on the day,
 * already on another team in the shift, resting (`canTakeShift`), recused. `team_too_small`: the departments are
 * covered but a second officer cannot be found.
 */
export type TeamFailureCode = 'no_officer' | 'certificates_expired' | 'booked' | 'unavailable' | 'recused' | 'team_too_small';

export interface ScreenCounts {
  registered: number;
  certificateExpired: number;
  booked: number;
  unavailable: number;
  recusedRelation: number;
  recusedRecent: number;
  recusedOwnStreet: number;
  eligible: number;
}

export interface TeamFailureReason {
  code: TeamFailureCode;
  /** null for team_too_small (any department). */
  departmentCode: string | null;
  counts: ScreenCounts;
  /** Chinese / English. */
  message: string;
}

export interface InspectionFailure {
  shiftId: string;
  date: IsoDate;
  target: TargetRef;
  districtCode: string;
  needs: DepartmentNeed[];
  reasons: TeamFailureReason[];
}

export interface OfficerLoad {
  officerId: number;
  name: string;
  departmentCode: string;
  districtCode: string;
  shifts: number;
  stops: number;
}

export interface LoadReport {
  /**
   * Every officer of the districts inspected whose certificate is valid on at least one shift's date (those who
   * could have been drawn), busiest first.
   */
  officers: OfficerLoad[];
  shifts: LoadSpread;
  stops: LoadSpread;
  byDistrict: { districtCode: string; shifts: LoadSpread; stops: LoadSpread }[];
}

export interface JointTeamPlan {
  seed: string;
  teams: JointTeam[];
  assigned: InspectionAssignment[];
  failed: InspectionFailure[];
  load: LoadReport;
}

export const DEFAULT_STOPS_PER_TEAM = 4;
/** Education and every department one target can need (market, fire, urban management, police, its sector). */
export const MAX_JOINT_TEAM_SIZE = 6;
export const DEFAULT_RECENT_CAMPAIGNS = 2;
/** Who makes up a team of one department to two: the lead of comprehensive enforcement (Putuo §四(二)). */
export const SECOND_SEAT_DEPARTMENT = 'market_regulation';

const TEAM_ERROR = 'cannot form the joint teams';

type Recusal = 'relation' | 'recent' | 'own_street';

interface Seat {
  officer: RegistryOfficer;
  departmentCode: string;
  lead: boolean;
  eligible: number;
  drawnAmong: number;
}

interface Draft {
  id: string;
  shift: TeamShift;
  districtCode: string;
  seats: Seat[];
  targets: InspectionTarget[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const targetKey = (kind: TargetKind, id: number) => `${kind}:${id}`;
const refOf = (t: InspectionTarget): TargetRef => ({ kind: t.kind, id: t.id });

function validate(input: JointTeamInput): PlanningIssue[] {
  const issues: PlanningIssue[] = [];
  const positive = (value: number | undefined, path: string) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) issues.push({ path, message: `must be a positive integer, got ${value}` });
  };
  positive(input.maxStopsPerTeam, 'maxStopsPerTeam');
  const recent = input.recusal?.recentCampaigns;
  if (recent !== undefined && !(Number.isInteger(recent) && recent >= 0)) issues.push({ path: 'recusal.recentCampaigns', message: `must be a non-negative integer, got ${recent}` });
  const shiftIds = new Set<string>();
  input.shifts.forEach((s, i) => {
    if (shiftIds.has(s.id)) issues.push({ path: `shifts[${i}].id`, message: `duplicate shift ${s.id}` });
    shiftIds.add(s.id);
    try {
      requireIsoDate(s.date, `shifts[${i}].date`);
    } catch {
      issues.push({ path: `shifts[${i}].date`, message: `not a calendar date YYYY-MM-DD: ${JSON.stringify(s.date)}` });
    }
    positive(s.maxStopsPerTeam, `shifts[${i}].maxStopsPerTeam`);
  });
  const planned = new Set<string>();
  input.inspections.forEach((p, i) => {
    if (!shiftIds.has(p.shiftId)) issues.push({ path: `inspections[${i}].shiftId`, message: `no shift ${p.shiftId}` });
    const key = `${p.shiftId}/${targetKey(p.target.kind, p.target.id)}`;
    if (planned.has(key)) issues.push({ path: `inspections[${i}]`, message: `${p.target.kind} ${p.target.id} is planned twice in shift ${p.shiftId}` });
    planned.add(key);
  });
  const officerIds = new Set<number>();
  input.officers.forEach((o, i) => {
    if (officerIds.has(o.id)) issues.push({ path: `officers[${i}].id`, message: `duplicate officer ${o.id}` });
    officerIds.add(o.id);
  });
  return issues;
}

/** The campaigns that count as recent: the N with the latest inspections (ties: the larger id), as text. */
function recentCampaignIds(past: readonly PastInspection[], n: number): Set<string> {
  const latest = new Map<string, IsoDate>();
  for (const p of past) {
    const id = String(p.campaignId);
    const date = latest.get(id);
    if (date === undefined || p.inspectedOn > date) latest.set(id, p.inspectedOn);
  }
  const ordered = [...latest].sort((a, b) => compareText(b[1], a[1]) || compareText(b[0], a[0]));
  return new Set(ordered.slice(0, n).map(([id]) => id));
}

/**
 * `<officerId>|<kind>:<id>` of the targets an officer inspected in the last N campaigns: the recusal the team draw
 * applies, and the one the router must keep when it moves a stop between teams.
 */
export function recentInspectionKeys(past: readonly PastInspection[], n: number): Set<string> {
  const recent = recentCampaignIds(past, n);
  return new Set(past.filter((p) => recent.has(String(p.campaignId))).map((p) => `${p.officerId}|${targetKey(p.targetKind, p.targetId)}`));
}

const STAGES: readonly { code: TeamFailureCode; count: (c: ScreenCounts) => number }[] = [
  { code: 'certificates_expired', count: (c) => c.certificateExpired },
  { code: 'booked', count: (c) => c.booked },
  { code: 'unavailable', count: (c) => c.unavailable },
  { code: 'recused', count: (c) => c.recusedRelation + c.recusedRecent + c.recusedOwnStreet },
];

function failureMessage(code: TeamFailureCode, department: string | null, districtCode: string, shift: TeamShift, c: ScreenCounts): string {
  const what = department ?? 'any department';
  if (code === 'no_officer') {
    return `${districtCode} 名录库中无 ${what} 执法人员 / no ${what} officer registered in ${districtCode}`;
  }
  const recused = c.recusedRelation + c.recusedRecent + c.recusedOwnStreet;
  const zh = [
    `名录 ${c.registered} 人`,
    c.certificateExpired && `执法证过期 ${c.certificateExpired} 人`,
    c.booked && `本班次已在他组 ${c.booked} 人`,
    c.unavailable && `按排班规则休息 ${c.unavailable} 人`,
    recused && `回避 ${recused} 人（利害关系 ${c.recusedRelation}、近期检查过 ${c.recusedRecent}、本街镇 ${c.recusedOwnStreet}）`,
  ].filter(Boolean);
  const en = [
    `${c.registered} registered`,
    c.certificateExpired && `${c.certificateExpired} certificate(s) expired`,
    c.booked && `${c.booked} already on another team this shift`,
    c.unavailable && `${c.unavailable} resting under the shift rules`,
    recused && `${recused} recused (relation ${c.recusedRelation}, inspected recently ${c.recusedRecent}, own street ${c.recusedOwnStreet})`,
  ].filter(Boolean);
  const [zhHead, enHead] =
    code === 'team_too_small'
      ? [`${districtCode} ${shift.date} 凑不足 ${MIN_TEAM_SIZE} 名可派持证人员`, `fewer than ${MIN_TEAM_SIZE} eligible officers in ${districtCode} on ${shift.date} (shift ${shift.id})`]
      : [`${districtCode} ${shift.date} 无可派 ${what} 执法人员`, `no eligible ${what} officer in ${districtCode} on ${shift.date} (shift ${shift.id})`];
  return `${zhHead}：${zh.join('，')} / ${enHead}: ${en.join(', ')}`;
}

function failureOf(department: string | null, districtCode: string, shift: TeamShift, counts: ScreenCounts, tooSmall = false): TeamFailureReason {
  let code: TeamFailureCode = tooSmall ? 'team_too_small' : 'no_officer';
  if (!tooSmall && counts.registered > 0) {
    // The stage that left nobody is the last one that removed somebody.
    for (const stage of STAGES) if (stage.count(counts) > 0) code = stage.code;
  }
  return { code, departmentCode: department, counts, message: failureMessage(code, department, districtCode, shift, counts) };
}

/** Forms the joint teams of a campaign's inspections. Pure and reproducible from the seed. */
export function formJointTeams(input: JointTeamInput): JointTeamPlan {
  const seed = checkDrawSeed(input.seed);
  const issues = validate(input);
  if (issues.length) throw new PlanningInputError(issues, TEAM_ERROR);
  const canTakeShift: CanTakeShift = input.canTakeShift ?? (() => true);
  const balance = input.balance ?? true;
  const avoidOwnStreet = input.recusal?.avoidOwnStreet ?? false;
  const root = createRandom(seedOfText(seed));

  const officers = [...input.officers].sort((a, b) => a.id - b.id);
  const byDistrictDepartment = new Map<string, RegistryOfficer[]>();
  for (const o of officers) {
    for (const key of [`${o.districtCode}|${o.departmentCode}`, `${o.districtCode}|*`]) {
      const list = byDistrictDepartment.get(key);
      if (list) list.push(o);
      else byDistrictDepartment.set(key, [o]);
    }
  }
  const related = new Set((input.relations ?? []).map((r) => `${r.officerId}|${r.institutionId}`));
  const inspectedRecently = recentInspectionKeys(input.pastInspections ?? [], input.recusal?.recentCampaigns ?? DEFAULT_RECENT_CAMPAIGNS);
  const recusalOf = (o: RegistryOfficer, t: InspectionTarget): Recusal | null => {
    if (t.kind === 'institution' && related.has(`${o.id}|${t.id}`)) return 'relation';
    if (inspectedRecently.has(`${o.id}|${targetKey(t.kind, t.id)}`)) return 'recent';
    if (avoidOwnStreet && o.homeStreetCode !== null && o.homeStreetCode === t.streetCode) return 'own_street';
    return null;
  };

  const assignedShifts = new Map<number, TeamShift[]>();
  const stopsOf = new Map<number, number>();
  const teams: Draft[] = [];
  const assigned: InspectionAssignment[] = [];
  const failed: InspectionFailure[] = [];

  const shifts = [...input.shifts].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
  for (const shift of shifts) {
    const booked = new Set<number>();
    const open: Draft[] = [];
    const maxStops = shift.maxStopsPerTeam ?? input.maxStopsPerTeam ?? DEFAULT_STOPS_PER_TEAM;

    /** The officers of a department (or `*`) of the district who may sit on a team serving `targets`. */
    const screen = (department: string, districtCode: string, targets: readonly InspectionTarget[], taken: ReadonlySet<number>) => {
      const counts: ScreenCounts = { registered: 0, certificateExpired: 0, booked: 0, unavailable: 0, recusedRelation: 0, recusedRecent: 0, recusedOwnStreet: 0, eligible: 0 };
      const pool: RegistryOfficer[] = [];
      for (const o of byDistrictDepartment.get(`${districtCode}|${department}`) ?? []) {
        if (taken.has(o.id)) continue;
        counts.registered++;
        if (o.certificateExpiresOn < shift.date) counts.certificateExpired++;
        else if (booked.has(o.id)) counts.booked++;
        else if (!canTakeShift(o, shift, assignedShifts.get(o.id) ?? [])) counts.unavailable++;
        else {
          const recusal = targets.map((t) => recusalOf(o, t)).find((r) => r !== null);
          if (recusal === 'relation') counts.recusedRelation++;
          else if (recusal === 'recent') counts.recusedRecent++;
          else if (recusal === 'own_street') counts.recusedOwnStreet++;
          else pool.push(o);
        }
      }
      counts.eligible = pool.length;
      return { pool, counts };
    };

    const draw = (pool: readonly RegistryOfficer[], label: string, lead: boolean): Seat => {
      let candidates = pool;
      if (balance) {
        const load = (o: RegistryOfficer) => [(assignedShifts.get(o.id) ?? []).length, stopsOf.get(o.id) ?? 0];
        const least = pool.map(load).reduce((m, l) => (l[0] < m[0] || (l[0] === m[0] && l[1] < m[1]) ? l : m));
        candidates = pool.filter((o) => load(o)[0] === least[0] && load(o)[1] === least[1]);
      }
      const officer = root.fork(`${shift.id}|${label}`).pick(candidates);
      return { officer, departmentCode: officer.departmentCode, lead, eligible: pool.length, drawnAmong: candidates.length };
    };

    const sit = (team: Draft, seat: Seat) => {
      team.seats.push(seat);
      booked.add(seat.officer.id);
      assignedShifts.set(seat.officer.id, [...(assignedShifts.get(seat.officer.id) ?? []), shift]);
      stopsOf.set(seat.officer.id, (stopsOf.get(seat.officer.id) ?? 0) + team.targets.length);
    };
    const addStop = (team: Draft, target: InspectionTarget) => {
      team.targets.push(target);
      for (const seat of team.seats) stopsOf.set(seat.officer.id, (stopsOf.get(seat.officer.id) ?? 0) + 1);
    };

    /** Joins an open team that can take the target: nobody on it recused, its missing departments drawable. */
    const join = (target: InspectionTarget, needs: readonly DepartmentNeed[]): Draft | null => {
      const options = open
        .map((team, order) => ({ team, order, missing: needs.filter((n) => !team.seats.some((s) => s.departmentCode === n.departmentCode)) }))
        .filter(({ team, missing }) =>
          team.districtCode === target.districtCode &&
          team.targets.length < maxStops &&
          team.seats.length + missing.length <= MAX_JOINT_TEAM_SIZE &&
          team.seats.every((s) => recusalOf(s.officer, target) === null),
        )
        .sort(
          (a, b) =>
            a.missing.length - b.missing.length ||
            Number(b.team.targets.some((t) => t.streetCode === target.streetCode)) - Number(a.team.targets.some((t) => t.streetCode === target.streetCode)) ||
            a.team.targets.length - b.team.targets.length ||
            a.order - b.order,
        );
      for (const { team, missing } of options) {
        const taken = new Set(team.seats.map((s) => s.officer.id));
        const pools = missing.map((n) => screen(n.departmentCode, team.districtCode, [...team.targets, target], taken).pool);
        if (pools.some((p) => p.length === 0)) continue;
        missing.forEach((n, i) => sit(team, draw(pools[i], `${team.id}|${targetKey(target.kind, target.id)}|${n.departmentCode}`, false)));
        addStop(team, target);
        return team;
      }
      return null;
    };

    /** A new team for the target, or why there can be none. */
    const openTeam = (target: InspectionTarget, needs: readonly DepartmentNeed[]): Draft | TeamFailureReason[] => {
      const seats: Seat[] = [];
      const reasons: TeamFailureReason[] = [];
      const label = (seat: string) => `new|${targetKey(target.kind, target.id)}|${seat}`;
      const taken = () => new Set(seats.map((s) => s.officer.id));
      for (const need of needs) {
        const { pool, counts } = screen(need.departmentCode, target.districtCode, [target], taken());
        if (pool.length === 0) reasons.push(failureOf(need.departmentCode, target.districtCode, shift, counts));
        else seats.push(draw(pool, label(need.departmentCode), need.departmentCode === LEAD_DEPARTMENT && !seats.some((s) => s.lead)));
      }
      if (reasons.length) return reasons;
      while (seats.length < MIN_TEAM_SIZE) {
        // The second officer: market regulation (综合执法牵头), else any other department, else education last,
        // because every team needs an education officer to lead it and they are the first to run out.
        const all = screen('*', target.districtCode, [target], taken());
        const byPreference = [
          all.pool.filter((o) => o.departmentCode === SECOND_SEAT_DEPARTMENT),
          all.pool.filter((o) => o.departmentCode !== LEAD_DEPARTMENT),
          all.pool,
        ];
        const pool = byPreference.find((p) => p.length > 0);
        if (!pool) return [failureOf(null, target.districtCode, shift, all.counts, true)];
        seats.push(draw(pool, label(`extra${seats.length}`), false));
      }
      const team: Draft = { id: `${shift.id}#${open.length + 1}`, shift, districtCode: target.districtCode, seats: [], targets: [target] };
      for (const seat of seats) sit(team, seat);
      open.push(team);
      teams.push(team);
      return team;
    };

    const planned = input.inspections
      .filter((p) => p.shiftId === shift.id)
      .sort(
        (a, b) =>
          (b.priority ?? 0) - (a.priority ?? 0) ||
          compareText(a.target.districtCode, b.target.districtCode) ||
          compareText(a.target.streetCode, b.target.streetCode) ||
          compareText(a.target.kind, b.target.kind) ||
          a.target.id - b.target.id,
      );
    for (const { target } of planned) {
      const needs = departmentMix(target, { fireSafety: input.fireSafety });
      const team = join(target, needs) ?? openTeam(target, needs);
      if (Array.isArray(team)) failed.push({ shiftId: shift.id, date: shift.date, target: refOf(target), districtCode: target.districtCode, needs, reasons: team });
      else assigned.push({ shiftId: shift.id, target: refOf(target), teamId: team.id, needs });
    }
  }

  return {
    seed,
    teams: teams.map((t) => ({
      id: t.id,
      shiftId: t.shift.id,
      date: t.shift.date,
      districtCode: t.districtCode,
      members: t.seats.map((s) => ({
        officerId: s.officer.id,
        name: s.officer.name,
        departmentCode: s.departmentCode,
        lead: s.lead,
        eligible: s.eligible,
        drawnAmong: s.drawnAmong,
      })),
      departments: [...new Set(t.seats.map((s) => s.departmentCode))],
      stops: t.targets.map(refOf),
    })),
    assigned,
    failed,
    load: loadReport(input, officers, teams),
  };
}

function loadReport(input: JointTeamInput, officers: readonly RegistryOfficer[], teams: readonly Draft[]): LoadReport {
  const districts = new Set(input.inspections.map((p) => p.target.districtCode));
  const lastDate = input.shifts.reduce((latest, s) => (s.date > latest ? s.date : latest), '');
  const firstDate = input.shifts.reduce((earliest, s) => (s.date < earliest ? s.date : earliest), lastDate);
  const loads = new Map<number, OfficerLoad>();
  for (const o of officers) {
    // Could have been drawn: of a district inspected and certified on the first shift's date at least.
    if (districts.has(o.districtCode) && o.certificateExpiresOn >= firstDate) {
      loads.set(o.id, { officerId: o.id, name: o.name, departmentCode: o.departmentCode, districtCode: o.districtCode, shifts: 0, stops: 0 });
    }
  }
  for (const team of teams) {
    for (const seat of team.seats) {
      const load = loads.get(seat.officer.id)!;
      load.shifts++;
      load.stops += team.targets.length;
    }
  }
  const list = [...loads.values()].sort((a, b) => b.shifts - a.shifts || b.stops - a.stops || a.officerId - b.officerId);
  const spreadOf = (of: readonly OfficerLoad[]) => ({ shifts: loadSpread(of.map((l) => l.shifts)), stops: loadSpread(of.map((l) => l.stops)) });
  return {
    officers: list,
    ...spreadOf(list),
    byDistrict: [...districts].sort().map((districtCode) => ({ districtCode, ...spreadOf(list.filter((l) => l.districtCode === districtCode)) })),
  };
}
