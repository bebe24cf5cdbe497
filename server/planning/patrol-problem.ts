import type { VrpJob, VrpProblem, VrpVehicle } from '../routing/problem/schema.js';
import { PlanningInputError } from './errors.js';
import { drawWithoutReplacement } from './random-draw.js';
import { resolveShift, type Shift, type ShiftInput } from './shift.js';
import { EDUCATION_SKILL, FIRE_SAFETY_SKILL } from './skills.js';
import { isUnlicensed, selectTargets, type LonLat, type PatrolCandidate, type TargetSelection } from './targets.js';
import { formTeams, type ExcludedOfficer, type PatrolOfficer, type PatrolTeam } from './teams.js';

/** Which institutions get a fire-safety check (and so need a fire officer on the team). */
export type FireSafetyPolicy = 'none' | 'unlicensed' | 'all';

export interface PatrolBase {
  name: string;
  location: LonLat;
}

export interface PatrolPlanInput {
  /** YYYY-MM-DD, Shanghai time. */
  date: string;
  shift: ShiftInput;
  teams: number;
  base: PatrolBase;
  /** The district's officers, certified or not: the planner applies 持证上岗 itself and reports who was left out. */
  officers: readonly PatrolOfficer[];
  /** The district's institutions and grid cells that may be patrolled. */
  candidates: readonly PatrolCandidate[];
  targets: TargetSelection;
  maxStopsPerTeam?: number;
  fireSafety?: FireSafetyPolicy;
}

export interface PatrolStop {
  /** The routing job id. */
  jobId: number;
  kind: PatrolCandidate['kind'];
  refId: number;
  name: string;
  location: LonLat;
  priority: number;
  serviceSeconds: number;
  checks: ('inspection' | 'fire_safety' | 'area_patrol')[];
}

export interface PatrolPlanDraft {
  problem: VrpProblem;
  stops: PatrolStop[];
  teams: PatrolTeam[];
  excludedOfficers: ExcludedOfficer[];
  shift: Shift;
  /** Hour the teams leave, for the hourly travel speed (evening peak). */
  departureHour: number;
  /** Ids of the institutions added by the random draw, and its seed. */
  draw: { seed: number; institutionIds: number[] } | null;
  warnings: string[];
}

/** On-site time: an institution inspection (证照、场所、台账) and a walk through a grid cell. */
export const SERVICE_SECONDS = { institution: 20 * 60, gridCell: 15 * 60 } as const;
export const DEFAULT_MAX_STOPS_PER_TEAM = 8;

/**
 * Builds the VROOM-style routing problem of a joint patrol: one vehicle per team from and back to the base within
 * the shift (with a meal break on long shifts), one job per target with its priority, service time and the skills
 * its checks need. Times are seconds after midnight of the date.
 */
export function buildPatrolProblem(input: PatrolPlanInput): PatrolPlanDraft {
  const shift = resolveShift(input.shift, input.date);
  const maxStops = input.maxStopsPerTeam ?? DEFAULT_MAX_STOPS_PER_TEAM;
  if (!Number.isInteger(maxStops) || maxStops < 1) {
    throw new PlanningInputError([{ path: 'maxStopsPerTeam', message: `must be a positive integer, got ${maxStops}` }]);
  }
  const formation = formTeams(input.officers, input.date, input.teams);
  const { targets, drawn } = selectTargets(input.candidates, input.targets, drawWithoutReplacement);
  const fireSafety = input.fireSafety ?? 'unlicensed';
  const stops: PatrolStop[] = targets.map(({ candidate: c, priority }, i) => {
    const fire = c.kind === 'institution' && (fireSafety === 'all' || (fireSafety === 'unlicensed' && isUnlicensed(c)));
    return {
      jobId: i + 1,
      kind: c.kind,
      refId: c.id,
      name: c.name,
      location: c.location,
      priority,
      serviceSeconds: SERVICE_SECONDS[c.kind],
      checks: c.kind === 'gridCell' ? ['area_patrol'] : fire ? ['inspection', 'fire_safety'] : ['inspection'],
    };
  });
  const vehicles: VrpVehicle[] = formation.teams.map((team) => ({
    id: team.id,
    description: `第${team.id}组 team ${team.id}`,
    start: input.base.location,
    end: input.base.location,
    skills: team.skills,
    time_window: [shift.startSeconds, shift.endSeconds],
    max_tasks: maxStops,
    ...(shift.mealBreak
      ? { breaks: [{ id: 1, time_windows: [shift.mealBreak.window], service: shift.mealBreak.durationSeconds, description: '用餐 meal break' }] }
      : {}),
  }));
  const jobs: VrpJob[] = stops.map((s) => ({
    id: s.jobId,
    description: s.name,
    location: s.location,
    service: s.serviceSeconds,
    skills: s.checks.includes('fire_safety') ? [EDUCATION_SKILL, FIRE_SAFETY_SKILL] : [EDUCATION_SKILL],
    // VROOM priorities are integers 0–100.
    priority: Math.round(s.priority),
  }));
  const warnings = [...formation.warnings];
  const fireStops = stops.filter((s) => s.checks.includes('fire_safety')).length;
  if (fireStops > 0 && !formation.teams.some((t) => t.skills.includes(FIRE_SAFETY_SKILL))) {
    warnings.push(`${fireStops} 处需消防检查，但没有检查组配备持证消防人员 / ${fireStops} stop(s) need a fire-safety check but no team has a certified fire officer`);
  }
  if (stops.length > formation.teams.length * maxStops) {
    warnings.push(
      `${stops.length} 个检查对象超出 ${formation.teams.length} 组 × 每组 ${maxStops} 个的上限 / ` +
        `${stops.length} targets for ${formation.teams.length} team(s) of at most ${maxStops} stops: some stay unassigned`,
    );
  }
  return {
    problem: { vehicles, jobs, options: { g: true } },
    stops,
    teams: formation.teams,
    excludedOfficers: formation.excluded,
    shift,
    departureHour: Math.floor(shift.startSeconds / 3600),
    draw: input.targets.randomInstitutions ? { seed: input.targets.randomInstitutions.seed, institutionIds: drawn } : null,
    warnings,
  };
}
