// The campaign planner's steps between the reads and the solver: targets, the draw's input, the schedule, the joint
// teams and the routing problems of every district-shift, and the plan assembled from the solutions. Pure; the
// service reads, commits the draw, solves and stores.
import type { CampaignDraw, CampaignPlan, CampaignPlanSettings, CampaignPlanTarget, CampaignPlanUnassigned } from '../../contract/campaign-plans.js';
import type { CampaignDefinition } from '../../domain/campaign.js';
import type { IsoDate } from '../../domain/time.js';
import type { VrpSolution } from '../../routing/problem/solution-schema.js';
import { DEFAULT_RECENT_CAMPAIGNS, recentInspectionKeys, type OfficerRelation, type PastInspection } from '../joint-teams.js';
import type { RegistryDrawInput, RegistryDrawResult } from '../registry-draw.js';
import { goalsOf, loadOf, warningsOf } from './report.js';
import { buildRouteProblem, routesOf, type RouteProblem } from './routes.js';
import { scheduleDistrict, type PlanShift, type ScheduledVisit } from './schedule.js';
import { drawRegistryOf, institutionTarget, selectTargets } from './targets.js';
import { formCampaignTeams, type PlanOfficer } from './teams.js';
import type { PlanCell, PlanInstitution, PlannedTarget } from './types.js';

export interface PlanningData {
  campaignId: number;
  campaignVersion: number;
  definition: CampaignDefinition;
  settings: CampaignPlanSettings;
  /** The seed of the draws (settings.seed or the default). */
  seed: string;
  shifts: readonly PlanShift[];
  institutions: readonly PlanInstitution[];
  cells: readonly PlanCell[];
  officers: readonly PlanOfficer[];
  relations: readonly OfficerRelation[];
  /** The officers' inspections in the stored plans of the other approved, active or closed campaigns. */
  pastInspections?: readonly PastInspection[];
  /** The base of each district's teams (the education office), when the district has officers. */
  bases: ReadonlyMap<string, { name: string; location: [number, number] }>;
  /** The draw date (planning day, Shanghai): inspections of the N days that end with it leave the pool. */
  drawDate: IsoDate;
}

export const defaultSeed = (campaignId: number, version: number) => `campaign-${campaignId}-v${version}`;

/** The priority list and the hot cells' area patrols. */
export const planTargets = (data: PlanningData) => selectTargets({ institutions: data.institutions, cells: data.cells, focus: data.definition.focus, goals: data.definition.goals });

/** The registry draw of the campaign: the focus institutions of its districts, minus the priority list and recent inspections. */
export function drawInputOf(data: PlanningData, priorityIds: readonly number[]): RegistryDrawInput {
  const registry = drawRegistryOf(data.institutions, data.definition.focus);
  return {
    seed: data.seed,
    registry: registry.map((i) => ({ id: i.id, districtCode: i.districtCode, riskTier: i.riskTier })),
    priorityIds: [...priorityIds].sort((a, b) => a - b),
    recentInspections: {
      days: data.settings.excludeInspectedDays,
      drawDate: data.drawDate,
      inspections: registry.flatMap((i) => (i.lastInspectedOn ? [{ id: i.id, inspectedOn: i.lastInspectedOn }] : [])),
    },
    sample: { ratio: data.definition.goals.drawPercent / 100 },
    stratify: 'district',
    weighting: data.settings.drawWeighting,
  };
}

export function drawOf(result: RegistryDrawResult, commitAuditId: number, ratio: number, weighting: CampaignDraw['weighting']): CampaignDraw {
  return {
    seed: result.seed,
    seedCommitment: result.seedCommitment,
    poolHash: result.poolHash,
    poolSize: result.poolSize,
    commitAuditId,
    weighting,
    ratio,
    strata: result.strata.map((s) => ({ districtCode: s.stratum, pool: s.poolSize, drawn: s.count })),
    drawnKeys: result.drawn.map((id) => `institution:${id}`),
  };
}

/** Every target of the plan: the priority list, the hot cells, then the drawn institutions in draw order. */
export function allTargets(data: PlanningData, selected: ReturnType<typeof planTargets>, drawn: readonly number[]): PlannedTarget[] {
  const byId = new Map(data.institutions.map((i) => [i.id, i]));
  const drawnTargets = drawn.map((id) => institutionTarget(byId.get(id)!, 'random_draw', ['drawn'], data.definition.focus));
  return [...selected.priority, ...selected.hotCells, ...drawnTargets];
}

export interface Prepared {
  problems: RouteProblem[];
  /** Visits that got no shift or no team. */
  unassigned: CampaignPlanUnassigned[];
  /** District-shifts with visits but no team at all (nothing to solve). */
  scheduled: ScheduledVisit[];
}

export interface PrepareScope {
  /** Plan only these districts' visits (all of the campaign when absent). */
  districts?: readonly string[];
  /** Keep the given shift of each visit instead of scheduling (re-planning one district-day). */
  fixedVisits?: readonly ScheduledVisit[];
  otherShifts?: ReadonlyMap<number, readonly string[]>;
  /** Seed of the joint-team draw. */
  teamSeed?: string;
}

const noShift = (v: { planned: PlannedTarget }, message: string): CampaignPlanUnassigned => ({
  targetKey: v.planned.target.key,
  districtCode: v.planned.target.districtCode,
  shiftId: null,
  reason: 'no_shift',
  message,
});

/** Schedules the targets, forms the teams and builds the routing problem of every district-shift that has a team. */
export function prepareRoutes(data: PlanningData, targets: readonly PlannedTarget[], scope: PrepareScope = {}): Prepared {
  const districts = scope.districts ?? data.definition.districts;
  const unassigned: CampaignPlanUnassigned[] = [];
  let scheduled: ScheduledVisit[];
  if (scope.fixedVisits) scheduled = [...scope.fixedVisits];
  else {
    scheduled = [];
    for (const district of districts) {
      const plan = scheduleDistrict(
        targets.filter((t) => t.target.districtCode === district),
        data.shifts,
        data.settings,
      );
      scheduled.push(...plan.scheduled);
      unassigned.push(...plan.unscheduled.map((u) => noShift(u, u.message)));
    }
  }
  const officers = data.officers.filter((o) => districts.includes(o.districtCode));
  // A plan stored before the setting existed has none (re-planning reads its settings unparsed).
  const recentCampaigns = data.settings.recentCampaigns ?? DEFAULT_RECENT_CAMPAIGNS;
  const teamStep = formCampaignTeams({
    seed: scope.teamSeed ?? `${data.seed}/teams`,
    shifts: data.shifts,
    visits: scheduled,
    officers,
    relations: data.relations,
    pastInspections: data.pastInspections,
    recentCampaigns,
    avoidOwnStreet: data.settings.avoidOwnStreet,
    maxShiftsPerWeek: data.settings.maxShiftsPerWeek,
    maxStopsPerTeam: data.settings.maxStopsPerTeam,
    teamsPerDistrictShift: data.settings.teamsPerDistrictShift,
    otherShifts: scope.otherShifts,
  });
  const failed = new Set(teamStep.failed.map((f) => `${f.visit.shiftId}|${f.visit.planned.target.key}`));
  for (const f of teamStep.failed)
    unassigned.push({ targetKey: f.visit.planned.target.key, districtCode: f.visit.planned.target.districtCode, shiftId: f.visit.shiftId, reason: 'no_team', message: f.message });
  const shiftById = new Map(data.shifts.map((s) => [s.shiftId, s]));
  const officerById = new Map(officers.map((o) => [o.id, o]));
  const relations = new Set(data.relations.map((r) => `${r.officerId}|${r.institutionId}`));
  const recentlyInspected = recentInspectionKeys(data.pastInspections ?? [], recentCampaigns);
  const groups = new Map<string, { district: string; shiftId: string; visits: ScheduledVisit[] }>();
  for (const v of scheduled) {
    if (failed.has(`${v.shiftId}|${v.planned.target.key}`)) continue;
    const key = `${v.planned.target.districtCode}/${v.shiftId}`;
    const group = groups.get(key) ?? { district: v.planned.target.districtCode, shiftId: v.shiftId, visits: [] };
    group.visits.push(v);
    groups.set(key, group);
  }
  const problems: RouteProblem[] = [];
  for (const group of [...groups.values()].sort((a, b) => a.shiftId.localeCompare(b.shiftId) || a.district.localeCompare(b.district))) {
    const teams = teamStep.teams.filter((t) => t.districtCode === group.district && t.shiftId === group.shiftId);
    const base = data.bases.get(group.district);
    if (teams.length === 0 || !base) {
      for (const v of group.visits)
        unassigned.push({ targetKey: v.planned.target.key, districtCode: group.district, shiftId: v.shiftId, reason: 'no_team', message: '本班次无联合检查组 / no joint team in this shift' });
      continue;
    }
    problems.push(
      buildRouteProblem({
        districtCode: group.district,
        shift: shiftById.get(group.shiftId)!,
        teams,
        visits: group.visits,
        base,
        officers: officerById,
        relations,
        recentlyInspected,
        avoidOwnStreet: data.settings.avoidOwnStreet,
        maxStopsPerTeam: data.settings.maxStopsPerTeam,
      }),
    );
  }
  return { problems, unassigned, scheduled };
}

export interface AssembleInput {
  data: PlanningData;
  createdBy: string;
  createdAt: string;
  targets: readonly CampaignPlanTarget[];
  draw: CampaignDraw;
  /** Solved problems, and what was unassigned before solving. */
  solved: readonly { problem: RouteProblem; solution: VrpSolution }[];
  unassigned: readonly CampaignPlanUnassigned[];
  /** Teams and unassigned entries of the stored plan that are kept (re-planning one district-day). */
  kept?: Pick<CampaignPlan, 'teams' | 'unassigned'>;
  /** Tier-D institutions of the campaign, when `data` holds only part of it (re-planning one district). */
  highestTierCount?: number;
}

const byShiftThenDistrict = <T extends { shiftId: string | null; districtCode: string }>(a: T, b: T) =>
  (a.shiftId ?? '~').localeCompare(b.shiftId ?? '~') || a.districtCode.localeCompare(b.districtCode);

export function assemblePlan(input: AssembleInput): CampaignPlan {
  const { data } = input;
  const outcomes = input.solved.map(({ problem, solution }) => routesOf(problem, solution));
  const teams = [...(input.kept?.teams ?? []), ...outcomes.flatMap((o) => o.teams)].sort((a, b) => byShiftThenDistrict(a, b) || a.id.localeCompare(b.id));
  const unassigned = [...(input.kept?.unassigned ?? []), ...input.unassigned, ...outcomes.flatMap((o) => o.unassigned)].sort(
    (a, b) => byShiftThenDistrict(a, b) || a.targetKey.localeCompare(b.targetKey),
  );
  const dates = data.shifts.map((s) => s.date).sort();
  const firstDate = dates[0] ?? data.definition.startsOn;
  const lastDate = dates.at(-1) ?? data.definition.endsOn;
  const goals = goalsOf({
    goals: data.definition.goals,
    targets: input.targets,
    teams,
    highestTierCount: input.highestTierCount ?? drawRegistryOf(data.institutions, data.definition.focus).filter((i) => i.riskTier === 'D').length,
    drawPoolSize: input.draw.poolSize,
  });
  return {
    campaignId: data.campaignId,
    campaignVersion: data.campaignVersion,
    createdBy: input.createdBy,
    createdAt: input.createdAt,
    settings: { ...data.settings, seed: data.seed },
    shifts: data.shifts.map((s) => ({ id: s.shiftId, date: s.date, start: s.start.slice(11, 16), end: s.end.slice(11, 16), dayType: s.dayType })),
    targets: [...input.targets],
    draw: input.draw,
    teams,
    unassigned,
    load: loadOf(data.officers, teams, data.definition.districts, firstDate),
    warnings: warningsOf({
      districts: data.definition.districts,
      officers: data.officers,
      firstDate,
      lastDate,
      goals,
      unassigned,
      hotCellCount: input.targets.filter((t) => t.kind === 'gridCell').length,
    }),
    goals,
  };
}
