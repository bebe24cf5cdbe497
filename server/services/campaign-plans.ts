// The plan of a special campaign (专项行动方案) on the stored data: read the campaign's districts, pick the targets,
// commit and make the 双随机 draw of the registry (the commitment is audited before the draw), form the joint teams,
// solve every district-shift's routes on the routing workers, and store the plan with its audit entry in one
// transaction. A stored plan's district-day can be re-planned alone. The planning itself is server/planning's.
import type { z } from 'zod';
import { localGiStar } from '../analytics/index.js';
import {
  campaignPlanSchema,
  type CampaignPlan,
  type CampaignPlanJob,
  type campaignPlanRequestSchema,
  type campaignReplanRequestSchema,
} from '../contract/campaign-plans.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import { campaignById, type CampaignRow } from '../../db/queries/campaigns.js';
import { campaignPlanOf, focusCells, focusClueCounts, pastInspectionsOf, planInstitutions, saveCampaignPlan } from '../../db/queries/campaign-plans.js';
import { officerRegistry, officerRelations } from '../../db/queries/officers.js';
import { patrolBases } from '../../db/queries/patrol.js';
import type { Queryable, Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { planScopeRefusal, type CampaignDefinition } from '../domain/campaign.js';
import { seedOfText } from '../domain/random.js';
import { RECENT_CLUE_WINDOW_DAYS, VIOLATION_WINDOW_DAYS } from '../domain/risk.js';
import { addDays, daysBefore, shanghaiDate } from '../domain/time.js';
import type { SuspectedType } from '../domain/vocabulary.js';
import type { JobControl } from '../jobs/job-registry.js';
import { campaignShifts } from '../planning/campaign-shifts.js';
import {
  allTargets,
  assemblePlan,
  defaultSeed,
  drawInputOf,
  drawOf,
  hotBinOf,
  planTargets,
  prepareRoutes,
  type PlanCell,
  type PlanInstitution,
  type PlannedTarget,
  type PlanningData,
  type RouteProblem,
  type ScheduledVisit,
} from '../planning/campaign-plan/index.js';
import { departmentMix } from '../planning/department-mix.js';
import type { RegistryDrawInput, RegistryDrawResult } from '../planning/registry-draw.js';
import type { VrpSolution } from '../routing/problem/solution-schema.js';
import { scopeOf } from './access.js';
import { audited } from './audit.js';
import { campaignDaysFor } from './calendar.js';
import type { PlanReporter } from './campaign-plan-jobs.js';
import type { Deps } from './deps.js';
import { commitInspectionDraw, drawInspectionObjects } from './draws.js';
import { conflict, forbidden, notFound, unprocessable } from './errors.js';
import { scoreInstitutions } from './risk.js';
import { jobErrorOf } from './routing-engine.js';

type PlanDeps = Pick<Deps, 'database' | 'now' | 'cellWeights' | 'routing' | 'calendar' | 'campaignPlanJobs'>;
type PlanRequest = z.output<typeof campaignPlanRequestSchema>;
type ReplanRequest = z.output<typeof campaignReplanRequestSchema>;

/** What replays the draw: its input and its recorded result (stored beside the plan). */
export interface DrawRecord {
  input: RegistryDrawInput;
  result: RegistryDrawResult;
}

const officeName = (office: { name: string }) => `${office.name}办公点`;

// ---- checks ----

interface Checked {
  row: CampaignRow;
  definition: CampaignDefinition;
}

/** The campaign as the user may plan it: in scope (404), all its districts theirs (403), this version (409), a draft (409). */
async function checkedCampaign(q: Queryable, user: UserRow, id: number, version: number, forUpdate = false): Promise<Checked> {
  const row = await campaignById(q, { scope: scopeOf(user), id, forUpdate });
  if (!row) throw notFound(`campaign ${id}`);
  const refusal = planScopeRefusal({ userId: user.id, role: user.role, districtCode: user.districtCode }, row.districts);
  if (refusal) throw forbidden(refusal, { allowedDistrict: user.districtCode, campaignDistricts: row.districts });
  if (version !== row.currentVersion)
    throw conflict(`the campaign is at version ${row.currentVersion}, not ${version}: reload it before planning`, { currentVersion: row.currentVersion });
  if (row.status !== 'draft') throw conflict(`a campaign is planned while it is a draft; this one is ${row.status}`, { status: row.status });
  return { row, definition: campaignDefinitionSchema.parse(row.definition) };
}

// ---- reading ----

interface DistrictData {
  institutions: PlanInstitution[];
  cells: PlanCell[];
  officers: PlanningData['officers'];
  relations: PlanningData['relations'];
  pastInspections: NonNullable<PlanningData['pastInspections']>;
  base: { name: string; location: [number, number] } | null;
}

/**
 * One district's data. `teamsOnly` (re-planning a district-day, whose targets are kept as stored) skips what only
 * choosing targets needs: the risk scores and the hot cells, the slowest reads.
 */
async function readDistrict(deps: PlanDeps, scope: Scope, district: string, checked: Checked, asOf: Date, teamsOnly = false): Promise<DistrictData> {
  const { definition } = checked;
  const q = deps.database;
  const asOfDate = shanghaiDate(asOf);
  const window = { scope, district, from: daysBefore(asOf, RECENT_CLUE_WINDOW_DAYS), to: asOf, types: definition.focus.suspectedTypes };
  // Independent reads, together (a pool of connections serves them at once; PGlite queues them).
  const [scored, rows, weights, counts, officers, relations, pastInspections, offices] = await Promise.all([
    teamsOnly ? [] : scoreInstitutions(deps, scope, { district }, asOf),
    planInstitutions(q, { scope, district, violationsSince: addDays(asOfDate, -VIOLATION_WINDOW_DAYS) }),
    teamsOnly ? null : deps.cellWeights.get(q, { scope, district }, { type: 'queen' }),
    teamsOnly ? new Map<number, number>() : focusClueCounts(q, window),
    officerRegistry(q, { scope, district }),
    officerRelations(q, { scope, district }),
    pastInspectionsOf(q, { scope, district, exceptCampaignId: checked.row.id }),
    patrolBases(q, { scope, district }),
  ]);
  const risk = new Map(scored.map((s) => [s.row.id, s]));
  const institutions: PlanInstitution[] = rows.map((r) => {
    const scored = risk.get(r.id);
    return {
      id: r.id,
      districtCode: r.districtCode,
      streetCode: r.streetCode,
      name: r.name,
      address: r.address,
      creditCode: r.creditCode,
      location: [r.lon, r.lat],
      category: r.category,
      status: r.status,
      listStatus: r.listStatus,
      riskTier: scored?.risk.tier ?? 'A',
      riskScore: scored?.risk.score ?? 0,
      violationCount: scored?.row.violationDates.length ?? 0,
      violationKinds: r.violationKinds,
      openClueCount: r.openClueCount,
      clueTypes: r.clueTypes,
      gridCellId: r.gridCellId,
      lastInspectedOn: r.lastInspectedOn,
      hours: {
        weekday: r.weekdayOpens && r.weekdayCloses ? { opens: r.weekdayOpens, closes: r.weekdayCloses } : null,
        weekend: r.weekendOpens && r.weekendCloses ? { opens: r.weekendOpens, closes: r.weekendCloses } : null,
      },
    };
  });
  // Gi* of the focus clue types over the risk score's window, with the FDR bins as the risk score reads them.
  let cells: PlanCell[] = [];
  if (weights && weights.weights.n >= 3) {
    const values = new Float64Array(weights.cellIds.length);
    for (const [id, n] of counts) {
      const i = weights.indexOfId.get(id);
      if (i !== undefined) values[i] = n;
    }
    const gi = localGiStar(values, weights.weights);
    const minBin = Math.min(hotBinOf(95), hotBinOf(definition.goals.hotCellConfidence));
    const hot: { index: number; z: number; bin: number }[] = [];
    for (let i = 0; i < weights.cellIds.length; i++) if (gi.binFdr[i] >= minBin) hot.push({ index: i, z: gi.z[i], bin: gi.binFdr[i] });
    const details = new Map((await focusCells(q, { ...window, cellIds: hot.map((h) => weights.cellIds[h.index]) })).map((c) => [c.id, c]));
    const { offsets, neighbours } = weights.weights;
    cells = hot.flatMap(({ index, z, bin }) => {
      const id = weights.cellIds[index];
      const d = details.get(id);
      if (!d) return [];
      const around: number[] = [];
      for (let k = offsets[index]; k < offsets[index + 1]; k++) around.push(weights.cellIds[neighbours[k]]);
      return [{ id, code: weights.codes[index], districtCode: district, streetCode: d.streetCode, centre: [d.lon, d.lat] as [number, number], z, bin, neighbours: around, cluePoints: d.points, clueTypes: d.types }];
    });
  }
  const [office] = offices;
  return { institutions, cells, officers, relations, pastInspections, base: office ? { name: officeName(office), location: [office.lon, office.lat] } : null };
}

async function planningData(
  deps: PlanDeps,
  user: UserRow,
  checked: Checked,
  settings: CampaignPlan['settings'],
  districts: readonly string[],
  teamsOnly = false,
): Promise<PlanningData> {
  const { definition, row } = checked;
  const asOf = deps.now();
  const days = await campaignDaysFor(deps, { from: definition.startsOn, to: definition.endsOn });
  const shifts = campaignShifts(days, definition.shifts);
  const data: PlanningData = {
    campaignId: row.id,
    campaignVersion: row.currentVersion,
    definition,
    settings,
    seed: settings.seed ?? defaultSeed(row.id, row.currentVersion),
    shifts,
    institutions: [],
    cells: [],
    officers: [],
    relations: [],
    pastInspections: [],
    bases: new Map(),
    drawDate: shanghaiDate(asOf),
  };
  const bases = new Map<string, { name: string; location: [number, number] }>();
  const parts = { institutions: [] as PlanInstitution[], cells: [] as PlanCell[], officers: [] as PlanningData['officers'][number][], relations: [] as PlanningData['relations'][number][], pastInspections: [] as DistrictData['pastInspections'][number][] };
  for (const district of districts) {
    const d = await readDistrict(deps, scopeOf(user), district, checked, asOf, teamsOnly);
    parts.institutions.push(...d.institutions);
    parts.cells.push(...d.cells);
    parts.officers.push(...d.officers);
    parts.relations.push(...d.relations);
    parts.pastInspections.push(...d.pastInspections);
    if (d.base) bases.set(district, d.base);
  }
  return { ...data, ...parts, bases };
}

// ---- solving ----

async function solveAll(deps: PlanDeps, data: PlanningData, problems: readonly RouteProblem[], report: PlanReporter, control?: JobControl) {
  let done = 0;
  report({ stage: 'routing', done, total: problems.length });
  // The solves share the job: cancelling it cancels them all; the job's progress is the share of solves done.
  const cancels: (() => void)[] = [];
  control?.onCancel(() => cancels.forEach((cancel) => cancel()));
  const shared: JobControl | undefined = control && { signal: control.signal, progress: () => {}, onCancel: (cancel) => cancels.push(cancel) };
  return Promise.all(
    problems.map(async (problem) => {
      const seed = seedOfText(`${data.seed}|${problem.input.districtCode}|${problem.input.shift.shiftId}`);
      const solved = await deps.routing.solve(
        { problem: problem.problem, seed, timeLimitMs: data.settings.routeTimeLimit * 1000, departureHour: problem.departureHour },
        shared,
      );
      report({ stage: 'routing', done: ++done, total: problems.length });
      return { problem, solution: solved.solution as unknown as VrpSolution };
    }),
  );
}

const planSummary = (plan: CampaignPlan) => ({
  version: plan.campaignVersion,
  seed: plan.settings.seed,
  targets: plan.targets.length,
  drawn: plan.draw.drawnKeys.length,
  poolHash: plan.draw.poolHash,
  teams: plan.teams.length,
  stops: plan.teams.reduce((n, t) => n + t.stops.length, 0),
  unassigned: plan.unassigned.length,
  goals: plan.goals,
});

/** Plans the whole campaign: what a planning job runs. */
export async function planCampaign(deps: PlanDeps, user: UserRow, id: number, request: PlanRequest, report: PlanReporter = () => {}, control?: JobControl): Promise<CampaignPlan> {
  report({ stage: 'loading', done: 0, total: 0 });
  const checked = await checkedCampaign(deps.database, user, id, request.version);
  const data = await planningData(deps, user, checked, request.settings, checked.definition.districts);
  const selected = planTargets(data);
  report({ stage: 'drawing', done: 0, total: 0 });
  const drawInput = drawInputOf(data, selected.priority.map((t) => t.target.refId));
  const commitment = commitInspectionDraw(drawInput);
  // 一公开: the seed's commitment and the pool are on record before anything is drawn.
  const { audit: commit } = await audited(deps, { actor: user.username, action: 'campaign.draw.commit', entity: 'campaign_plan' }, async () => ({
    entityId: String(id),
    before: null,
    after: { campaignId: id, version: checked.row.currentVersion, ...commitment },
    result: null,
  }));
  const drawResult = drawInspectionObjects({ ...drawInput, commitment });
  const targets = allTargets(data, selected, drawResult.drawn);
  report({ stage: 'teams', done: 0, total: 0 });
  const prepared = prepareRoutes(data, targets);
  const solved = await solveAll(deps, data, prepared.problems, report, control);
  report({ stage: 'saving', done: prepared.problems.length, total: prepared.problems.length });
  const plan = assemblePlan({
    data,
    createdBy: user.username,
    createdAt: deps.now().toISOString(),
    targets: targets.map((t) => t.target),
    draw: drawOf(drawResult, commit.id, data.definition.goals.drawPercent / 100, data.settings.drawWeighting),
    solved,
    unassigned: prepared.unassigned,
  });
  const record: DrawRecord = { input: drawInput, result: drawResult };
  await store(deps, user, id, request.version, plan, record, 'campaign.plan', planSummary(plan));
  return plan;
}

async function store(deps: PlanDeps, user: UserRow, id: number, version: number, plan: CampaignPlan, record: DrawRecord | null, action: 'campaign.plan' | 'campaign.replan', summary: unknown) {
  await audited(deps, { actor: user.username, action, entity: 'campaign_plan' }, async (tx) => {
    // Checked again under the row lock: the campaign may have been edited or submitted while the job ran.
    await checkedCampaign(tx, user, id, version, true);
    await saveCampaignPlan(tx, { campaignId: id, version, plan, drawRecord: record, userId: user.id, at: deps.now() });
    return { entityId: String(id), before: null, after: summary, result: null };
  });
}

export function startCampaignPlanJob(deps: PlanDeps, user: UserRow, id: number, request: PlanRequest): Promise<CampaignPlanJob> {
  // The checks answer the request itself (404, 403, 409) before a job is queued; the job repeats them when it stores.
  return checkedCampaign(deps.database, user, id, request.version).then(() =>
    deps.campaignPlanJobs.start(user.id, id, (report, control) => planCampaign(deps, user, id, request, report, control), jobErrorOf),
  );
}

export function campaignPlanJob(deps: PlanDeps, user: UserRow, id: number, jobId: string): CampaignPlanJob {
  const job = deps.campaignPlanJobs.get(jobId, user.id, id);
  if (!job) throw notFound('planning job');
  return job;
}

export async function getCampaignPlan(deps: PlanDeps, user: UserRow, id: number): Promise<CampaignPlan> {
  const row = await campaignById(deps.database, { scope: scopeOf(user), id });
  if (!row) throw notFound(`campaign ${id}`);
  const stored = await campaignPlanOf(deps.database, { campaignId: id, version: row.currentVersion });
  if (!stored) throw notFound(`plan of campaign ${id} version ${row.currentVersion}`);
  return campaignPlanSchema.parse(stored.plan);
}

export async function storedDrawRecord(deps: Pick<Deps, 'database'>, id: number, version: number): Promise<DrawRecord | null> {
  const stored = await campaignPlanOf(deps.database, { campaignId: id, version });
  return stored ? (stored.drawRecord as DrawRecord) : null;
}

// ---- re-planning one district-day ----

/** The visits of the district-day in the stored plan (its teams' stops and what stayed unassigned in its shifts). */
function visitsOf(plan: CampaignPlan, district: string, date: string, targetOf: (key: string) => PlannedTarget | null): ScheduledVisit[] {
  const dayShifts = new Set(plan.shifts.filter((s) => s.date === date).map((s) => s.id));
  const seen = new Set<string>();
  const visits: ScheduledVisit[] = [];
  const add = (targetKey: string, shiftId: string) => {
    const key = `${shiftId}|${targetKey}`;
    const planned = targetOf(targetKey);
    if (seen.has(key) || !planned) return;
    seen.add(key);
    visits.push({ planned, visit: 0, shiftId });
  };
  for (const team of plan.teams) if (team.districtCode === district && dayShifts.has(team.shiftId)) for (const s of team.stops) add(s.targetKey, team.shiftId);
  for (const u of plan.unassigned) if (u.districtCode === district && u.shiftId !== null && dayShifts.has(u.shiftId)) add(u.targetKey, u.shiftId);
  return visits;
}

export async function replanCampaignDay(deps: PlanDeps, user: UserRow, id: number, request: ReplanRequest, report: PlanReporter = () => {}): Promise<CampaignPlan> {
  report({ stage: 'loading', done: 0, total: 0 });
  const checked = await checkedCampaign(deps.database, user, id, request.version);
  if (!checked.definition.districts.includes(request.district))
    throw unprocessable('district', `district ${request.district} is not one of the campaign's (${checked.definition.districts.join(', ')})`);
  const stored = await campaignPlanOf(deps.database, { campaignId: id, version: request.version });
  if (!stored) throw notFound(`plan of campaign ${id} version ${request.version}`);
  // Written by this service through the contract's types; a city's plan is megabytes, so it is not parsed again.
  const plan = stored.plan as CampaignPlan;
  if (!plan.shifts.some((s) => s.date === request.date))
    throw unprocessable('date', `the campaign has no shift on ${request.date} (${checked.definition.startsOn} – ${checked.definition.endsOn})`);
  const data = await planningData(deps, user, checked, plan.settings, [request.district], true);
  const institutions = new Map(data.institutions.map((i) => [i.id, i]));
  const cells = new Map(data.cells.map((c) => [c.id, c]));
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const targetOf = (key: string): PlannedTarget | null => {
    const target = targets.get(key);
    if (!target) return null;
    const i = target.kind === 'institution' ? institutions.get(target.refId) : undefined;
    const c = target.kind === 'gridCell' ? cells.get(target.refId) : undefined;
    const inspection = i
      ? { kind: 'institution' as const, id: i.id, districtCode: i.districtCode, streetCode: i.streetCode ?? '', category: i.category, status: i.status, clueTypes: i.clueTypes, violationKinds: i.violationKinds }
      : { kind: target.kind, id: target.refId, districtCode: target.districtCode, streetCode: target.streetCode ?? '', clueTypes: c?.clueTypes ?? clueTypesFor(target.departments) };
    // The team must cover the departments the stored target names (an area patrol's come from its clues' types).
    const needs = departmentMix(inspection).map((n) => n.departmentCode);
    return { target: { ...target, departments: [...new Set([...target.departments, ...needs.filter((d) => d !== 'education')])] }, inspection };
  };
  const dayShifts = new Set(plan.shifts.filter((s) => s.date === request.date).map((s) => s.id));
  const inDay = (x: { districtCode: string; shiftId: string | null }) => x.districtCode === request.district && x.shiftId !== null && dayShifts.has(x.shiftId);
  const keptTeams = plan.teams.filter((t) => !inDay(t));
  const otherShifts = new Map<number, string[]>();
  for (const team of keptTeams) for (const m of team.members) otherShifts.set(m.officerId, [...(otherShifts.get(m.officerId) ?? []), team.shiftId]);
  const prepared = prepareRoutes(data, [], {
    districts: [request.district],
    fixedVisits: visitsOf(plan, request.district, request.date, targetOf),
    otherShifts,
  });
  const solved = await solveAll(deps, data, prepared.problems, report);
  report({ stage: 'saving', done: prepared.problems.length, total: prepared.problems.length });
  const fullData: PlanningData = { ...data, definition: checked.definition, officers: await allOfficers(deps, user, checked.definition.districts) };
  const updated = assemblePlan({
    data: fullData,
    createdBy: user.username,
    createdAt: deps.now().toISOString(),
    targets: plan.targets,
    draw: plan.draw,
    solved,
    unassigned: prepared.unassigned,
    kept: { teams: keptTeams, unassigned: plan.unassigned.filter((u) => !inDay(u)) },
    highestTierCount: plan.goals.find((g) => g.goal === 'coverTierA')?.target,
  });
  // The draw is kept as it was: only the plan is written again.
  await store(deps, user, id, request.version, updated, null, 'campaign.replan', {
    district: request.district,
    date: request.date,
    ...planSummary(updated),
  });
  return updated;
}

async function allOfficers(deps: PlanDeps, user: UserRow, districts: readonly string[]) {
  const lists = await Promise.all(districts.map((district) => officerRegistry(deps.database, { scope: scopeOf(user), district })));
  return lists.flat();
}

/**
 * Clue types that make departmentMix ask an area patrol for the departments its stored target names (the cell's
 * clues are not read again when a district-day is re-planned).
 */
function clueTypesFor(departments: readonly string[]): SuspectedType[] {
  const types: SuspectedType[] = [];
  if (departments.includes('urban_management')) types.push('residential_flat');
  if (departments.includes('market_regulation')) types.push('overcharging');
  return types;
}
