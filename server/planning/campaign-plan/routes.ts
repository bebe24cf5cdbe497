// The routing problem of one district's teams in one shift (VRPTW: the shift, the meal break, opening hours,
// priorities, at most so many stops a team), and the plan's teams and unassigned targets from its solution.
import type { CampaignPlanTeam, CampaignPlanUnassigned, planUnassignedReasons } from '../../contract/campaign-plans.js';
import type { LonLat } from '../../domain/geodesy.js';
import { formatClock } from '../../domain/time.js';
import type { VrpJob, VrpProblem, VrpVehicle } from '../../routing/problem/schema.js';
import type { VrpSolution } from '../../routing/problem/solution-schema.js';
import { LEAD_DEPARTMENT } from '../department-mix.js';
import type { JointTeam } from '../joint-teams.js';
import { serviceWindow, type PlanShift, type ScheduledVisit } from './schedule.js';
import type { PlanOfficer } from './teams.js';

export type PlanUnassignedReason = (typeof planUnassignedReasons)[number];

/**
 * Skills of the problem are not departments but jobs: job j requires skill JOB_SKILL_BASE + j, which every team that
 * may serve it has (its departments cover the target's, nobody on it is recused). So the solver moves a stop between
 * teams freely and never to a team that may not take it.
 */
export const JOB_SKILL_BASE = 1000;
/** Weight of the solver's balance term (longest route's working time): teams of a shift get similar days. */
export const ROUTE_BALANCE = 1;

export interface RouteInput {
  districtCode: string;
  shift: PlanShift;
  /** The district's teams in this shift, in their order (vehicle n = teams[n − 1]). */
  teams: readonly JointTeam[];
  /** The visits of the shift that have a team. */
  visits: readonly ScheduledVisit[];
  base: { name: string; location: LonLat };
  officers: ReadonlyMap<number, PlanOfficer>;
  /** `officerId|institutionId` of the registered relations (回避). */
  relations: ReadonlySet<string>;
  /** `officerId|targetKey` of the targets an officer inspected in the recent campaigns (回避, recentInspectionKeys). */
  recentlyInspected?: ReadonlySet<string>;
  avoidOwnStreet: boolean;
  maxStopsPerTeam: number;
}

export interface RouteProblem {
  input: RouteInput;
  problem: VrpProblem;
  departureHour: number;
  /** job id → the visit. */
  jobs: Map<number, ScheduledVisit>;
  /** Team index → job ids it may serve. */
  eligible: number[][];
  /** Visits no team may serve or whose hours leave no time in the shift: not sent to the solver. */
  unassigned: CampaignPlanUnassigned[];
}

/** `<district>/<date>/<shift>#<n>` for the n-th team of a shift `<date>#<shift>`. */
export const teamIdOf = (districtCode: string, shiftId: string, n: number) => `${districtCode}/${shiftId.replace('#', '/')}#${n}`;

function mayServe(team: JointTeam, visit: ScheduledVisit, input: RouteInput): boolean {
  const t = visit.planned.target;
  if (![LEAD_DEPARTMENT, ...t.departments].every((d) => team.departments.includes(d))) return false;
  return team.members.every((m) => {
    if (t.kind === 'institution' && input.relations.has(`${m.officerId}|${t.refId}`)) return false;
    if (input.recentlyInspected?.has(`${m.officerId}|${t.key}`)) return false;
    const home = input.officers.get(m.officerId)?.homeStreetCode ?? null;
    return !(input.avoidOwnStreet && home !== null && home === t.streetCode);
  });
}

export function buildRouteProblem(input: RouteInput): RouteProblem {
  const { shift } = input;
  const jobs = new Map<number, ScheduledVisit>();
  const eligible: number[][] = input.teams.map(() => []);
  const vrpJobs: VrpJob[] = [];
  const unassigned: CampaignPlanUnassigned[] = [];
  input.visits.forEach((visit, i) => {
    const jobId = i + 1;
    const t = visit.planned.target;
    const window = serviceWindow(t, shift);
    const teams = input.teams.flatMap((team, k) => (mayServe(team, visit, input) ? [k] : []));
    if (!window || teams.length === 0) {
      unassigned.push(
        window
          ? unassignedOf(visit, 'skills', `本班次 ${input.teams.length} 个组中没有一个具备所需部门且无需回避 / none of the ${input.teams.length} teams of the shift has its departments without a recusal`)
          : unassignedOf(visit, 'time_window', `营业时间与班次 ${formatClock(shift.startSeconds)}–${formatClock(shift.endSeconds)} 不相合 / its opening hours leave no time in the shift`),
      );
      return;
    }
    jobs.set(jobId, visit);
    for (const k of teams) eligible[k].push(jobId);
    vrpJobs.push({
      id: jobId,
      description: t.name,
      location: t.location,
      service: t.serviceMinutes * 60,
      skills: [JOB_SKILL_BASE + jobId],
      priority: Math.max(0, Math.min(100, Math.round(t.priority))),
      time_windows: [window],
    });
  });
  const vehicles: VrpVehicle[] = input.teams.map((team, k) => ({
    id: k + 1,
    description: `第${k + 1}组 team ${k + 1}`,
    start: input.base.location,
    end: input.base.location,
    skills: eligible[k].map((j) => JOB_SKILL_BASE + j),
    time_window: [shift.startSeconds, shift.endSeconds],
    max_tasks: input.maxStopsPerTeam,
    ...(shift.mealBreak
      ? { breaks: [{ id: 1, time_windows: [shift.mealBreak.window], service: shift.mealBreak.durationSeconds, description: '用餐 meal break' }] }
      : {}),
  }));
  return {
    input,
    problem: { vehicles, jobs: vrpJobs, options: { g: true, balance: ROUTE_BALANCE } },
    departureHour: Math.floor(shift.startSeconds / 3600),
    jobs,
    eligible,
    unassigned,
  };
}

const unassignedOf = (visit: ScheduledVisit, reason: PlanUnassignedReason, message: string): CampaignPlanUnassigned => ({
  targetKey: visit.planned.target.key,
  districtCode: visit.planned.target.districtCode,
  shiftId: visit.shiftId,
  reason,
  message,
});

const KNOWN_REASONS: ReadonlySet<string> = new Set<PlanUnassignedReason>(['skills', 'capacity', 'max_tasks', 'time_window', 'shift_length', 'no_room', 'unreachable']);

/** The solver's reason in the plan's words, with the numbers the planner met. */
function solverUnassigned(visit: ScheduledVisit, reason: string, solverMessage: string, eligibleTeams: number, teams: number): CampaignPlanUnassigned {
  const code: PlanUnassignedReason = KNOWN_REASONS.has(reason) ? (reason as PlanUnassignedReason) : 'no_room';
  const zh: Record<PlanUnassignedReason, string> = {
    skills: `只有 ${eligibleTeams} 组（共 ${teams} 组）具备所需部门`,
    capacity: `可派的 ${eligibleTeams} 组容量不足`,
    max_tasks: `可派的 ${eligibleTeams} 组检查点数已满`,
    time_window: `营业时间与可派的 ${eligibleTeams} 组的班次不相合`,
    shift_length: `班次时长不足以完成此检查`,
    no_room: `可派的 ${eligibleTeams} 组（共 ${teams} 组）已排满优先级更高的检查`,
    unreachable: `道路不通`,
    no_team: `无组可派`,
    no_shift: `无班次可排`,
  };
  return unassignedOf(visit, code, `${zh[code]} / ${solverMessage} (${eligibleTeams} of ${teams} teams could serve it)`);
}

export interface RouteOutcome {
  teams: CampaignPlanTeam[];
  unassigned: CampaignPlanUnassigned[];
}

/** The teams with their stops in route order and times, and what the solver left out. */
export function routesOf(built: RouteProblem, solution: VrpSolution): RouteOutcome {
  const { input } = built;
  const byVehicle = new Map(solution.routes.map((r) => [r.vehicle, r]));
  const unassignedJobs = new Set(solution.unassigned.map((u) => u.id));
  const teams: CampaignPlanTeam[] = input.teams.map((team, k) => {
    const route = byVehicle.get(k + 1);
    const stops: CampaignPlanTeam['stops'] = [];
    let previousDistance = 0;
    for (const step of route?.steps ?? []) {
      if (step.type === 'job' && step.id !== undefined) {
        const visit = built.jobs.get(step.id)!;
        const start = step.arrival + step.waiting_time;
        stops.push({
          targetKey: visit.planned.target.key,
          eta: formatClock(start),
          departure: formatClock(start + step.service),
          distanceMetres: Math.round((step.distance ?? 0) - previousDistance),
        });
      }
      if (step.location !== undefined) previousDistance = step.distance ?? previousDistance;
    }
    const last = route?.steps.at(-1);
    const geometry = route?.geometry;
    const idleReason =
      stops.length > 0
        ? null
        : built.eligible[k].length === 0
          ? 'no_compatible_target'
          : built.eligible[k].every((j) => !unassignedJobs.has(j))
            ? 'all_targets_served'
            : 'targets_unreachable';
    return {
      id: teamIdOf(input.districtCode, input.shift.shiftId, k + 1),
      label: `第${k + 1}组`,
      districtCode: input.districtCode,
      date: input.shift.date,
      shiftId: input.shift.shiftId,
      base: input.base,
      members: team.members.map((m) => {
        const officer = input.officers.get(m.officerId)!;
        return {
          officerId: m.officerId,
          name: m.name,
          departmentCode: m.departmentCode,
          certificateNo: officer.certificateNo,
          certificateExpiresOn: officer.certificateExpiresOn,
          lead: m.lead,
        };
      }),
      departments: team.departments,
      stops,
      distanceMetres: Math.round(route?.distance ?? 0),
      returns: stops.length && last ? formatClock(last.arrival) : null,
      line: stops.length && geometry && typeof geometry !== 'string' ? compactLine(geometry.coordinates) : [],
      idleReason,
      replannedAt: null,
    };
  });
  const unassigned = [
    ...built.unassigned,
    ...solution.unassigned.map((u) => {
      const visit = built.jobs.get(u.id)!;
      const eligibleTeams = built.eligible.filter((jobs) => jobs.includes(u.id)).length;
      return solverUnassigned(visit, u.reason, u.message, eligibleTeams, input.teams.length);
    }),
  ];
  return { teams, unassigned };
}

/** Degrees to 5 decimals (about a metre), repeated points dropped: the stored plan of a city stays small. */
export function compactLine(coordinates: readonly (readonly [number, number])[]): [number, number][] {
  const line: [number, number][] = [];
  for (const [lon, lat] of coordinates) {
    const point: [number, number] = [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
    const last = line.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) line.push(point);
  }
  return line;
}
