// Re-planning a running campaign day (调整): an officer drops out (因故缺勤) or an urgent target arrives (插单). Only the
// remaining stops of the team-shifts the event concerns are routed again; what a team has done or is doing stays at the
// head of its route in the order it happened, and each team starts from where it is now. Pure: the service reads the
// check-ins and arrivals, solves the problem (on the road network) and stores the result.
import type { CampaignPlan, CampaignPlanTarget, CampaignPlanTeam, CampaignPlanUnassigned } from '../../contract/campaign-plans.js';
import { DomainInputError } from '../../domain/errors.js';
import type { LonLat } from '../../domain/geodesy.js';
import { formatClock, parseClock, type IsoDate } from '../../domain/time.js';
import type { VrpJob, VrpProblem, VrpVehicle } from '../../routing/problem/schema.js';
import type { TravelCostProvider } from '../../routing/problem/travel-cost-provider.js';
import type { VrpSolution } from '../../routing/problem/solution-schema.js';
import { solve } from '../../routing/solver/solve.js';
import { mealBreakOf } from '../shift.js';
import { LEAD_DEPARTMENT } from '../department-mix.js';
import { compactLine, JOB_SKILL_BASE, ROUTE_BALANCE } from './routes.js';
import { serviceWindow } from './schedule.js';

/** 双人执法: a team inspects with at least two certified officers. */
export const MIN_TEAM_OFFICERS = 2;
/** An urgent target (插单) outranks every planned stop. */
export const URGENT_PRIORITY = 100;

export type ReplanEvent =
  | { kind: 'officer_out'; officerId: number }
  /** The target as the plan would hold it (an existing target of the plan, or a new one: a clue's institution or cell). */
  | { kind: 'urgent_target'; target: CampaignPlanTarget; clueId?: number };

/** A stop the team has checked in at (`done`) or arrived at without a check-in yet (`in_progress`): both stay fixed. */
export interface FixedStop {
  teamId: string;
  targetKey: string;
  state: 'done' | 'in_progress';
  /** Seconds after midnight of the day: the check-in, or the arrival. */
  at: number;
}

export interface ReplanInput {
  plan: CampaignPlan;
  districtCode: string;
  date: IsoDate;
  /** Only this shift of the day (default: every shift of the day the event concerns). */
  shiftId?: string;
  fixed: readonly FixedStop[];
  /** Seconds after midnight of the day (0 before the day, 86,400 after it). */
  now: number;
  /** When the re-plan is made (ISO), written as the changed teams' `replannedAt`. */
  at: string;
  event: ReplanEvent;
  /** `officerId|targetKey` pairs an officer must not inspect (回避: registered relations). */
  recused?: ReadonlySet<string>;
}

export interface ReplanTeamChange {
  teamId: string;
  /** Remaining stops before and after, in route order (fixed stops not listed). */
  before: string[];
  after: string[];
  /** Officer ids before and after. */
  membersBefore: number[];
  membersAfter: number[];
  /** False when the team can no longer inspect (fewer than two certified officers or no education lead). */
  active: boolean;
}

export interface ReplanSummary {
  event: ReplanEvent['kind'];
  teams: ReplanTeamChange[];
  /** Stops that changed team; `to` null = left unassigned. `from` null = the urgent target, new to the day. */
  moved: { targetKey: string; from: string | null; to: string | null }[];
  unassigned: string[];
}

export interface ReplanResult {
  plan: CampaignPlan;
  summary: ReplanSummary;
  /** The team ids whose route or members changed. */
  teamIds: string[];
}

interface Vehicle {
  team: CampaignPlanTeam;
  members: CampaignPlanTeam['members'];
  departments: string[];
  fixed: FixedStop[];
  position: LonLat;
  start: number;
  active: boolean;
}

export interface ReplanProblem {
  input: ReplanInput;
  /** Null when no affected team has anything left to route (the result follows from the event alone). */
  problem: VrpProblem | null;
  /** Hour of departure for the hourly travel speed. */
  departureHour: number;
  /** The affected teams (vehicle n = vehicles[n − 1]). */
  vehicles: Vehicle[];
  /** job id → the stop's target key and the team it had (null = the urgent target). */
  jobs: Map<number, { targetKey: string; from: string | null }>;
  targets: Map<string, CampaignPlanTarget>;
  /** The plan's targets, with the urgent one added when it is new. */
  planTargets: CampaignPlanTarget[];
  /** Remaining stops no active team may take at all (departments, recusal): unassigned without solving. */
  orphans: { targetKey: string; from: string; reason: CampaignPlanUnassigned['reason']; message: string; shiftId: string }[];
}

const fail = (path: string, message: string): never => {
  throw new DomainInputError([{ path, message }]);
};

const certified = (members: CampaignPlanTeam['members'], date: IsoDate) => members.filter((m) => m.certificateExpiresOn >= date);

/** A team may take a stop when its departments cover the target's (and education's) and nobody on it is recused. */
function mayServe(v: Vehicle, target: CampaignPlanTarget, recused: ReadonlySet<string> | undefined): boolean {
  if (!v.active) return false;
  if (![LEAD_DEPARTMENT, ...target.departments].every((d) => v.departments.includes(d))) return false;
  return !v.members.some((m) => recused?.has(`${m.officerId}|${target.key}`));
}

/** Builds the routing problem of the affected team-shifts; throws DomainInputError for an event that does not fit the day. */
export function buildReplan(input: ReplanInput): ReplanProblem {
  const { plan, districtCode, date } = input;
  const dayShifts = plan.shifts.filter((s) => s.date === date && (input.shiftId === undefined || s.id === input.shiftId));
  if (dayShifts.length === 0) fail('date', `the plan has no shift ${input.shiftId ?? ''} on ${date}`.replace('  ', ' '));
  const dayTeams = plan.teams.filter((t) => t.districtCode === districtCode && dayShifts.some((s) => s.id === t.shiftId));
  if (dayTeams.length === 0) fail('district', `district ${districtCode} has no team on ${date}`);
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const fixedOf = (team: CampaignPlanTeam) => {
    const keys = new Set(team.stops.map((s) => s.targetKey));
    return input.fixed.filter((f) => f.teamId === team.id && keys.has(f.targetKey)).sort((a, b) => a.at - b.at || a.targetKey.localeCompare(b.targetKey));
  };

  // Which shift the event concerns, and the teams of it that are routed again.
  let shiftId: string;
  let affected: CampaignPlanTeam[];
  let leaving: number | null = null;
  let urgent: CampaignPlanTarget | null = null;
  if (input.event.kind === 'officer_out') {
    const officerId = input.event.officerId;
    const own = dayTeams.filter((t) => t.members.some((m) => m.officerId === officerId));
    if (own.length === 0) fail('event.officerId', `officer ${officerId} is on no team of district ${districtCode} on ${date}`);
    // An officer on two shifts of the day leaves the one that is running or next; a finished shift stays as it was.
    const open = own.filter((t) => parseClock(shiftOf(plan, t.shiftId).end, 'end') > input.now);
    if (open.length === 0) fail('event.officerId', `the shifts of officer ${officerId} on ${date} are over`);
    const team = open.sort((a, b) => a.shiftId.localeCompare(b.shiftId))[0];
    shiftId = team.shiftId;
    leaving = officerId;
    affected = [team];
  } else {
    urgent = { ...input.event.target, priority: URGENT_PRIORITY };
    if (urgent.districtCode !== districtCode) fail('event', `${urgent.key} is in district ${urgent.districtCode}, not ${districtCode}`);
    const open = dayShifts.filter((s) => parseClock(s.end, 'end') > input.now && dayTeams.some((t) => t.shiftId === s.id));
    const fitting = open.filter((s) => serviceWindow(urgent!, windowShift(s, input.now)) !== null);
    if (fitting.length === 0) fail('event', `no shift of ${date} left in district ${districtCode} has time for ${urgent.key} in its opening hours`);
    shiftId = fitting.sort((a, b) => a.id.localeCompare(b.id))[0].id;
    const holder = dayTeams.find((t) => t.shiftId === shiftId && t.stops.some((s) => s.targetKey === urgent!.key));
    if (holder && fixedOf(holder).some((f) => f.targetKey === urgent!.key)) fail('event', `${urgent.key} was already inspected by ${holder.id}`);
    affected = [];
  }
  const shift = shiftOf(plan, shiftId);
  const shiftTeams = dayTeams.filter((t) => t.shiftId === shiftId);

  const vehicleOf = (team: CampaignPlanTeam): Vehicle => {
    let members = team.members.filter((m) => m.officerId !== leaving);
    if (members.length !== team.members.length && !members.some((m) => m.lead)) {
      // The lead left: the first education officer leads (every team is led by education).
      const lead = members.find((m) => m.departmentCode === LEAD_DEPARTMENT);
      members = members.map((m) => ({ ...m, lead: m === lead }));
    }
    const fixed = fixedOf(team);
    const last = fixed.at(-1);
    const lastTarget = last ? targets.get(last.targetKey) : undefined;
    const start = Math.max(
      parseClock(shift.start, 'start'),
      input.now,
      last ? last.at + (last.state === 'in_progress' ? (lastTarget?.serviceMinutes ?? 0) * 60 : 0) : 0,
    );
    const able = certified(members, date);
    return {
      team,
      members,
      departments: [...new Set(members.map((m) => m.departmentCode))].sort(),
      fixed,
      position: lastTarget?.location ?? team.base.location,
      start,
      active: able.length >= MIN_TEAM_OFFICERS && able.some((m) => m.departmentCode === LEAD_DEPARTMENT) && start < parseClock(shift.end, 'end'),
    };
  };

  const own = affected.map(vehicleOf);
  const remainingOf = (v: Vehicle) => {
    const fixed = new Set(v.fixed.map((f) => f.targetKey));
    return v.team.stops.filter((s) => !fixed.has(s.targetKey)).map((s) => s.targetKey);
  };
  // An officer out: the team keeps what it can still do; the rest goes to the shift's other teams.
  let vehicles = own;
  if (input.event.kind === 'officer_out') {
    const losing = own.flatMap((v) => remainingOf(v).filter((key) => !mayServe(v, targets.get(key)!, input.recused)));
    if (losing.length > 0) vehicles = [...own, ...shiftTeams.filter((t) => !affected.includes(t)).map(vehicleOf)];
  } else vehicles = shiftTeams.map(vehicleOf);

  const jobs = new Map<number, { targetKey: string; from: string | null }>();
  const vrpJobs: VrpJob[] = [];
  const eligible: number[][] = vehicles.map(() => []);
  const orphans: ReplanProblem['orphans'] = [];
  const windowed = windowShift(shift, 0);
  const addJob = (target: CampaignPlanTarget, from: number | null) => {
    // A stop of a team that keeps its members stays with it; only what its team cannot do (and the urgent target) moves.
    const home = from === null ? null : vehicles[from];
    const keeps = home !== null && mayServe(home, target, input.recused);
    const candidates = keeps ? [from!] : vehicles.flatMap((v, k) => (mayServe(v, target, input.recused) ? [k] : []));
    const window = serviceWindow(target, windowed);
    if (candidates.length === 0 || window === null) {
      if (home)
        orphans.push({
          targetKey: target.key,
          from: home.team.id,
          shiftId,
          reason: window === null ? 'time_window' : 'skills',
          message:
            window === null
              ? '营业时间与班次不相合 / its opening hours leave no time in the shift'
              : `本班次 ${vehicles.length} 个组中没有一个能接手（所需部门或回避）/ none of the ${vehicles.length} teams of the shift can take it (departments or recusal)`,
        });
      else if (window === null) fail('event', `${target.key}'s opening hours leave no time in shift ${shiftId}`);
      else {
        const able = vehicles.filter((v) => v.active);
        const skilled = able.filter((v) => [LEAD_DEPARTMENT, ...target.departments].every((d) => v.departments.includes(d)));
        fail(
          'event',
          skilled.length === 0
            ? `none of the ${able.length} teams of shift ${shiftId} that can inspect has the departments ${[LEAD_DEPARTMENT, ...target.departments].join(', ')} that ${target.key} needs`
            : `every team of shift ${shiftId} with the departments ${target.key} needs has an officer who must recuse themself (回避)`,
        );
      }
      return;
    }
    const id = jobs.size + 1;
    jobs.set(id, { targetKey: target.key, from: home?.team.id ?? null });
    for (const k of candidates) eligible[k].push(id);
    vrpJobs.push({
      id,
      description: target.name,
      location: target.location,
      service: target.serviceMinutes * 60,
      skills: [JOB_SKILL_BASE + id],
      priority: Math.max(0, Math.min(100, Math.round(target.priority))),
      time_windows: [window],
    });
  };
  vehicles.forEach((v, k) => {
    for (const key of remainingOf(v)) addJob(key === urgent?.key ? urgent : targets.get(key)!, k);
  });
  if (urgent && !vehicles.some((v) => remainingOf(v).includes(urgent.key))) addJob(urgent, null);

  const maxStops = plan.settings.maxStopsPerTeam;
  const end = parseClock(shift.end, 'end');
  const routable = vehicles.map((v, k) => ({ v, k })).filter(({ v }) => v.active);
  const vrpVehicles: VrpVehicle[] = routable.map(({ v, k }) => {
    const meal = mealBreakOf(parseClock(shift.start, 'start'), end);
    // The meal break is still to come only when its window has not passed; it can start no earlier than now.
    const breakWindow: [number, number] | null = meal && meal.window[1] >= v.start ? [Math.max(meal.window[0], v.start), meal.window[1]] : null;
    return {
      id: k + 1,
      description: v.team.label,
      start: v.position,
      end: v.team.base.location,
      skills: eligible[k].map((j) => JOB_SKILL_BASE + j),
      time_window: [v.start, end],
      // 插单 adds to a full team: the cap gives way by one for the urgent target.
      max_tasks: Math.max(0, maxStops - v.fixed.length) + (urgent ? 1 : 0),
      ...(meal && breakWindow ? { breaks: [{ id: 1, time_windows: [breakWindow], service: meal.durationSeconds, description: '用餐 meal break' }] } : {}),
    };
  });
  const planTargets = urgent && !targets.has(urgent.key) ? [...plan.targets, urgent] : plan.targets.map((t) => (urgent && t.key === urgent.key ? urgent : t));
  const allTargets = new Map(planTargets.map((t) => [t.key, t]));
  return {
    input,
    problem: vrpVehicles.length > 0 && vrpJobs.length > 0 ? { vehicles: vrpVehicles, jobs: vrpJobs, options: { g: true, balance: ROUTE_BALANCE } } : null,
    departureHour: Math.floor(Math.max(parseClock(shift.start, 'start'), input.now) / 3600) % 24,
    vehicles,
    jobs,
    targets: allTargets,
    planTargets,
    orphans,
  };
}

function shiftOf(plan: CampaignPlan, shiftId: string) {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) throw new DomainInputError([{ path: 'shiftId', message: `the plan has no shift ${shiftId}` }]);
  return shift;
}

/** The shift as serviceWindow reads it, from `now` on. */
const windowShift = (s: CampaignPlan['shifts'][number], now: number) => ({
  dayType: s.dayType,
  startSeconds: Math.max(parseClock(s.start, 'start'), now),
  endSeconds: parseClock(s.end, 'end'),
});

/** The plan with the affected teams' routes from the solution (null problem: no solution), and what changed. */
export function applyReplan(built: ReplanProblem, solution: VrpSolution | null): ReplanResult {
  const { input, vehicles, targets } = built;
  const byVehicle = new Map((solution?.routes ?? []).map((r) => [r.vehicle, r]));
  const changes: ReplanTeamChange[] = [];
  const moved: ReplanSummary['moved'] = [];
  const assigned = new Map<string, string>();
  const newTeams = new Map<string, CampaignPlanTeam>();
  vehicles.forEach((v, k) => {
    const route = byVehicle.get(k + 1);
    const oldStops = new Map(v.team.stops.map((s) => [s.targetKey, s]));
    const head = v.fixed.map((f) => oldStops.get(f.targetKey)!);
    const tail: CampaignPlanTeam['stops'] = [];
    let previous = 0;
    for (const step of route?.steps ?? []) {
      if (step.type === 'job' && step.id !== undefined) {
        const job = built.jobs.get(step.id)!;
        const begin = step.arrival + step.waiting_time;
        tail.push({ targetKey: job.targetKey, eta: formatClock(begin), departure: formatClock(begin + step.service), distanceMetres: Math.round((step.distance ?? 0) - previous) });
        assigned.set(job.targetKey, v.team.id);
      }
      if (step.location !== undefined) previous = step.distance ?? previous;
    }
    const stops = [...head, ...tail];
    const last = route?.steps.at(-1);
    const geometry = route?.geometry;
    const headLine: [number, number][] = [v.team.base.location, ...head.map((s) => targets.get(s.targetKey)!.location)];
    const tailLine = geometry && typeof geometry !== 'string' ? geometry.coordinates : [...tail.map((s) => targets.get(s.targetKey)!.location), v.team.base.location];
    const distance = head.reduce((n, s) => n + s.distanceMetres, 0) + Math.round(route?.distance ?? 0);
    const membersChanged = v.members.length !== v.team.members.length;
    newTeams.set(v.team.id, {
      ...v.team,
      members: v.members,
      departments: v.departments,
      stops,
      distanceMetres: distance,
      returns: tail.length && last ? formatClock(last.arrival) : head.length ? v.team.returns : null,
      line: stops.length ? compactLine([...headLine, ...tailLine]) : [],
      // A team that can no longer inspect (双人执法) says why, even with the stops it did before.
      idleReason: !v.active ? 'too_few_officers' : stops.length ? null : 'all_targets_served',
      replannedAt: input.at,
    });
    const before = v.team.stops.filter((s) => !v.fixed.some((f) => f.targetKey === s.targetKey)).map((s) => s.targetKey);
    const after = tail.map((s) => s.targetKey);
    if (membersChanged || before.join() !== after.join() || input.event.kind === 'urgent_target')
      changes.push({ teamId: v.team.id, before, after, membersBefore: v.team.members.map((m) => m.officerId), membersAfter: v.members.map((m) => m.officerId), active: v.active });
  });
  for (const job of built.jobs.values()) {
    const to = assigned.get(job.targetKey) ?? null;
    if (to !== job.from || job.from === null) moved.push({ targetKey: job.targetKey, from: job.from, to });
  }
  for (const o of built.orphans) moved.push({ targetKey: o.targetKey, from: o.from, to: null });

  const shiftId = vehicles[0].team.shiftId;
  const unassignedNow: CampaignPlanUnassigned[] = [
    ...built.orphans.map((o) => ({ targetKey: o.targetKey, districtCode: input.districtCode, shiftId: o.shiftId, reason: o.reason, message: o.message })),
    ...(solution?.unassigned ?? []).map((u) => {
      const job = built.jobs.get(u.id)!;
      return { targetKey: job.targetKey, districtCode: input.districtCode, shiftId, reason: 'no_room' as const, message: `调整后无组可接手 / no team has room for it after the re-plan (${u.reason}: ${u.message})` };
    }),
  ];
  // Jobs that never reached the solver (no active vehicle): unassigned too.
  if (!solution) {
    for (const job of built.jobs.values()) {
      unassignedNow.push({ targetKey: job.targetKey, districtCode: input.districtCode, shiftId, reason: 'no_team', message: '本班次无可执法的检查组 / no team of the shift can inspect' });
      if (!moved.some((m) => m.targetKey === job.targetKey)) moved.push({ targetKey: job.targetKey, from: job.from, to: null });
    }
  }
  const nowUnassigned = new Set(unassignedNow.map((u) => u.targetKey));
  const routed = new Set([...assigned.keys()]);
  const plan: CampaignPlan = {
    ...input.plan,
    targets: built.planTargets,
    teams: input.plan.teams.map((t) => newTeams.get(t.id) ?? t),
    unassigned: [
      ...input.plan.unassigned.filter((u) => !(u.shiftId === shiftId && u.districtCode === input.districtCode && (nowUnassigned.has(u.targetKey) || routed.has(u.targetKey)))),
      ...unassignedNow,
    ].sort((a, b) => (a.shiftId ?? '~').localeCompare(b.shiftId ?? '~') || a.districtCode.localeCompare(b.districtCode) || a.targetKey.localeCompare(b.targetKey)),
  };
  return {
    plan,
    summary: { event: input.event.kind, teams: changes, moved: moved.sort((a, b) => a.targetKey.localeCompare(b.targetKey)), unassigned: [...nowUnassigned].sort() },
    teamIds: [...newTeams.keys()],
  };
}

export interface ReplanSolveOptions {
  seed: number;
  /** The search's iteration budget: the same seed and budget give the same routes. */
  maxIterations?: number;
  costProvider?: TravelCostProvider;
}

export const REPLAN_ITERATIONS = 2_000;

/** Builds, solves (with the project's solver, straight-line travel unless a provider is given) and applies. */
export function replanRemaining(input: ReplanInput, options: ReplanSolveOptions): ReplanResult & { built: ReplanProblem; solution: VrpSolution | null } {
  const built = buildReplan(input);
  const solution = built.problem ? solve(built.problem, { seed: options.seed, maxIterations: options.maxIterations ?? REPLAN_ITERATIONS, costProvider: options.costProvider }) : null;
  return { ...applyReplan(built, solution), built, solution };
}
