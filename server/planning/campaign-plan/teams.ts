// The joint teams of the scheduled visits (the second 双随机 draw, joint-teams.ts) with the campaign's limits: the
// rest rules over all of the campaign's shifts (and the shifts an officer already works elsewhere in the plan when
// one district-day is re-planned), at most so many teams per district and shift.
import { formJointTeams, type JointTeam, type OfficerRelation, type PastInspection, type RegistryOfficer } from '../joint-teams.js';
import { DEFAULT_REST_RULES, restCheckFor } from '../rest-rules.js';
import type { PlanShift, ScheduledVisit } from './schedule.js';

export interface PlanOfficer extends RegistryOfficer {
  certificateNo: string;
}

export interface TeamStepInput {
  seed: string;
  /** Every shift of the campaign (the rest rules look at all of them). */
  shifts: readonly PlanShift[];
  visits: readonly ScheduledVisit[];
  officers: readonly PlanOfficer[];
  relations: readonly OfficerRelation[];
  avoidOwnStreet: boolean;
  /** The officers' inspections in the stored plans of other campaigns (回避 of what they inspected lately). */
  pastInspections?: readonly PastInspection[];
  /** Not a target the officer inspected in the last N of those campaigns (0 = no such rule). */
  recentCampaigns?: number;
  maxShiftsPerWeek: number;
  maxStopsPerTeam: number;
  teamsPerDistrictShift: number;
  /** Shift ids each officer already works in the part of the plan that is kept. */
  otherShifts?: ReadonlyMap<number, readonly string[]>;
}

export interface TeamStepResult {
  teams: JointTeam[];
  /** Visits without a team, with the joint-team step's message. */
  failed: { visit: ScheduledVisit; message: string }[];
}

const visitKey = (shiftId: string, key: string) => `${shiftId}|${key}`;

export function formCampaignTeams(input: TeamStepInput): TeamStepResult {
  const rest = restCheckFor(
    input.shifts.map((s) => ({ shiftId: s.shiftId, start: s.start, end: s.end })),
    { ...DEFAULT_REST_RULES, maxShiftsPerWeek: input.maxShiftsPerWeek },
  );
  const byId = new Map(input.shifts.map((s) => [s.shiftId, s]));
  const other = input.otherShifts;
  const canTakeShift = other
    ? (officer: RegistryOfficer, shift: { id: string; date: string }, assigned: readonly { id: string; date: string }[]) => {
        const kept = (other.get(officer.id) ?? []).flatMap((id) => (byId.has(id) ? [{ id, date: byId.get(id)!.date }] : []));
        return rest(officer, shift, [...kept, ...assigned]);
      }
    : rest;
  const usedShifts = [...new Set(input.visits.map((v) => v.shiftId))];
  const plan = formJointTeams({
    seed: input.seed,
    shifts: usedShifts.map((id) => ({ id, date: byId.get(id)!.date })),
    inspections: input.visits.map((v) => ({ shiftId: v.shiftId, target: v.planned.inspection, priority: v.planned.target.priority })),
    officers: input.officers,
    relations: input.relations,
    pastInspections: input.pastInspections,
    canTakeShift,
    recusal: { avoidOwnStreet: input.avoidOwnStreet, recentCampaigns: input.recentCampaigns },
    maxStopsPerTeam: input.maxStopsPerTeam,
  });
  const visitOf = new Map(input.visits.map((v) => [visitKey(v.shiftId, v.planned.target.key), v]));
  const failed: TeamStepResult['failed'] = plan.failed.map((f) => ({
    visit: visitOf.get(visitKey(f.shiftId, `${f.target.kind}:${f.target.id}`))!,
    message: f.reasons.map((r) => r.message).join('；'),
  }));
  // Teams open in priority order, so the ones past the limit carry the least urgent stops.
  const count = new Map<string, number>();
  const teams: JointTeam[] = [];
  for (const team of plan.teams) {
    const key = `${team.districtCode}/${team.shiftId}`;
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    if (n <= input.teamsPerDistrictShift) {
      teams.push(team);
      continue;
    }
    for (const stop of team.stops) {
      failed.push({
        visit: visitOf.get(visitKey(team.shiftId, `${stop.kind}:${stop.id}`))!,
        message: `本班次已组 ${input.teamsPerDistrictShift} 个联合检查组（上限），其余检查对象无组可派 / the shift already has its ${input.teamsPerDistrictShift} joint teams (the limit): no team left for it`,
      });
    }
  }
  return { teams, failed };
}
