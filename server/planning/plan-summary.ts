import type { IdleReason, IdleVehicleDetails, UnassignedDetails, VrpSolution } from '../routing/problem/solution-schema.js';
import { formatClock } from './shift.js';
import type { PatrolPlanDraft, PatrolStop } from './patrol-problem.js';

export interface PlannedStop {
  /** 1-based order in the team's route. */
  sequence: number;
  jobId: number;
  kind: PatrolStop['kind'];
  refId: number;
  name: string;
  location: [number, number];
  checks: PatrolStop['checks'];
  priority: number;
  /** Seconds after midnight of the date. */
  arrivalSeconds: number;
  /** Start of the inspection (after waiting, if any). */
  startSeconds: number;
  eta: string;
}

export interface TeamSummary {
  teamId: number;
  members: { id: number; name: string; departmentCode: string }[];
  stops: PlannedStop[];
  stopCount: number;
  distanceMetres: number;
  /** Driving time only. */
  travelSeconds: number;
  /** From leaving the base to coming back. */
  workingSeconds: number;
  departure: string;
  firstEta: string | null;
  lastEta: string | null;
  returnEta: string;
}

export interface UnassignedStop {
  jobId: number;
  kind: PatrolStop['kind'];
  refId: number;
  name: string;
  reason: string;
  message: string;
  /** The counts behind the reason (teams in all, with the skills, that could take it, the stop limit…). */
  details?: UnassignedDetails;
}

/** A team that was formed but has no stop, and why (the solver's reason for its idle vehicle). */
export interface IdleTeam {
  teamId: number;
  members: TeamSummary['members'];
  reason: IdleReason;
  message: string;
  details: IdleVehicleDetails;
}

export interface PatrolPlanSummary {
  teams: TeamSummary[];
  idleTeams: IdleTeam[];
  unassigned: UnassignedStop[];
  assignedStops: number;
  totalDistanceMetres: number;
}

/** Names, ETAs and per-team figures of a solved patrol, for the summary table and the stop labels. */
export function summarisePatrolPlan(draft: PatrolPlanDraft, solution: VrpSolution): PatrolPlanSummary {
  const stopsByJob = new Map(draft.stops.map((s) => [s.jobId, s]));
  const teamsById = new Map(draft.teams.map((t) => [t.id, t]));
  const membersOf = (teamId: number) =>
    (teamsById.get(teamId)?.members ?? []).map((m) => ({ id: m.id, name: m.name, departmentCode: m.departmentCode }));
  const teams: TeamSummary[] = solution.routes.map((route) => {
    const stops: PlannedStop[] = [];
    for (const step of route.steps) {
      if (step.type !== 'job' || step.id === undefined) continue;
      const stop = stopsByJob.get(step.id);
      if (!stop) throw new Error(`the solution serves job ${step.id}, which the plan does not have`);
      const start = step.arrival + step.waiting_time;
      stops.push({
        sequence: stops.length + 1,
        jobId: stop.jobId,
        kind: stop.kind,
        refId: stop.refId,
        name: stop.name,
        location: stop.location,
        checks: stop.checks,
        priority: stop.priority,
        arrivalSeconds: step.arrival,
        startSeconds: start,
        eta: formatClock(start),
      });
    }
    const first = route.steps[0];
    const last = route.steps[route.steps.length - 1];
    return {
      teamId: route.vehicle,
      members: membersOf(route.vehicle),
      stops,
      stopCount: stops.length,
      distanceMetres: route.distance ?? 0,
      travelSeconds: route.duration,
      workingSeconds: last.arrival - first.arrival,
      departure: formatClock(first.arrival),
      firstEta: stops.length ? stops[0].eta : null,
      lastEta: stops.length ? stops[stops.length - 1].eta : null,
      returnEta: formatClock(last.arrival),
    };
  });
  const unassigned = solution.unassigned.map((u) => {
    const stop = stopsByJob.get(u.id);
    return {
      jobId: u.id,
      kind: stop?.kind ?? 'institution',
      refId: stop?.refId ?? u.id,
      name: stop?.name ?? u.description ?? `job ${u.id}`,
      reason: u.reason,
      message: u.message,
      ...(u.details ? { details: u.details } : {}),
    };
  });
  const idleTeams: IdleTeam[] = (solution.idle_vehicles ?? []).map((v) => ({
    teamId: v.vehicle,
    members: membersOf(v.vehicle),
    reason: v.reason,
    message: v.message,
    details: v.details,
  }));
  return {
    teams,
    idleTeams,
    unassigned,
    assignedStops: teams.reduce((sum, t) => sum + t.stopCount, 0),
    totalDistanceMetres: teams.reduce((sum, t) => sum + t.distanceMetres, 0),
  };
}
