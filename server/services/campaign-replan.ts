// Re-planning a running campaign day (调整): the stored plan, the check-ins and arrivals of the day's teams and the
// event go to the planning kernel; its routing problem is solved on the road network; the changed plan is stored with
// its audit entry and the live event `team.replanned` in one transaction, so the teams' phones read the new order.
import type { CampaignPlan, CampaignPlanTarget } from '../contract/campaign-plans.js';
import type { TeamReplanRequest, TeamReplanResult } from '../contract/campaign-replan.js';
import { campaignById } from '../../db/queries/campaigns.js';
import { campaignPlanOf, planInstitutions, saveCampaignPlan } from '../../db/queries/campaign-plans.js';
import { clueById } from '../../db/queries/clues.js';
import { officerRelations } from '../../db/queries/officers.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { stopProgressOf } from '../../db/queries/stop-progress.js';
import type { UserRow } from '../../db/queries/users.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import { DomainInputError } from '../domain/errors.js';
import { seedOfText } from '../domain/random.js';
import { addDays, DAY_MS, shanghaiDate, shanghaiMidnight, type IsoDate } from '../domain/time.js';
import { applyReplan, buildReplan, institutionTarget, REPLAN_ITERATIONS, type FixedStop, type ReplanEvent } from '../planning/campaign-plan/index.js';
import { departmentMix, LEAD_DEPARTMENT } from '../planning/department-mix.js';
import type { VrpSolution } from '../routing/problem/solution-schema.js';
import { requirePlanner, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, unprocessable } from './errors.js';
import { announce, notifyLiveEvents, type LiveEventDeps } from './live-event-outbox.js';

type ReplanDeps = Pick<Deps, 'database' | 'now' | 'routing'> & LiveEventDeps;

/** The search's cap in time; the iteration budget ends it first on a district-shift, so the result is the seed's. */
const REPLAN_TIME_LIMIT_MS = 1_000;
/** An area patrol (插单 of a clue without an institution) takes a quarter of an hour on site. */
const CLUE_CELL_MINUTES = 15;

async function activeCampaign(q: Queryable, user: UserRow, id: number, version: number, forUpdate = false) {
  const row = await campaignById(q, { scope: scopeOf(user), id, forUpdate });
  if (!row) throw notFound(`campaign ${id}`);
  if (version !== row.currentVersion) throw conflict(`the campaign is at version ${row.currentVersion}, not ${version}: reload it`, { currentVersion: row.currentVersion });
  if (row.status !== 'active') throw conflict(`a campaign's teams are re-planned while it runs; this one is ${row.status}`, { status: row.status });
  return row;
}

/** Seconds after midnight of `date` at `now`: 0 before the day, a whole day after it. */
function secondsInto(date: IsoDate, now: Date): number {
  const today = shanghaiDate(now);
  if (today < date) return 0;
  if (today > date) return DAY_MS / 1000;
  return Math.floor((now.getTime() - shanghaiMidnight(date).getTime()) / 1000);
}

/** The urgent target the request names, read in the user's scope and checked against the district and the clue's state. */
async function urgentTarget(deps: ReplanDeps, user: UserRow, request: TeamReplanRequest, plan: CampaignPlan, focusChecks: CampaignPlanTarget['checks']): Promise<{ target: CampaignPlanTarget; clueId?: number }> {
  const event = request.event;
  if (event.kind !== 'urgent_target') throw new Error('not an urgent target');
  const scope = scopeOf(user);
  const institution = async (institutionId: number, field: string) => {
    const [row] = await planInstitutions(deps.database, { scope, district: request.district, violationsSince: addDays(shanghaiDate(deps.now()), -365), id: institutionId });
    if (!row) throw unprocessable(field, `institution ${institutionId} is not in district ${request.district}`);
    const stored = plan.targets.find((t) => t.key === `institution:${row.id}`);
    if (stored) return { ...stored, reasons: [...new Set([...stored.reasons, 'urgent' as const])] };
    const { target } = institutionTarget(
      {
        ...row,
        location: [row.lon, row.lat],
        riskTier: 'A',
        riskScore: 0,
        violationCount: row.violationKinds.length,
        hours: {
          weekday: row.weekdayOpens && row.weekdayCloses ? { opens: row.weekdayOpens, closes: row.weekdayCloses } : null,
          weekend: row.weekendOpens && row.weekendCloses ? { opens: row.weekendOpens, closes: row.weekendCloses } : null,
        },
      },
      'priority',
      ['urgent'],
      { institutionCategories: [], suspectedTypes: [], checkItems: focusChecks },
    );
    return { ...target, riskTier: null };
  };
  if ('institutionId' in event) return { target: await institution(event.institutionId, 'event.institutionId') };
  const clue = await clueById(deps.database, { scope, id: event.clueId, now: deps.now() });
  if (!clue) throw unprocessable('event.clueId', `clue ${event.clueId} not found`);
  const c = clue.properties;
  if (c.districtCode !== request.district) throw unprocessable('event.clueId', `clue ${c.id} is in district ${c.districtCode}, not ${request.district}`);
  if (c.status === 'closed' || c.status === 'rejected') throw unprocessable('event.clueId', `clue ${c.id} is ${c.status}: there is nothing left to inspect`);
  if (c.institutionId !== null) return { target: await institution(c.institutionId, 'event.clueId'), clueId: c.id };
  if (c.gridCellId === null) throw unprocessable('event.clueId', `clue ${c.id} names neither an institution nor a grid cell`);
  const [lon, lat] = clue.geometry.coordinates;
  const needs = departmentMix({ kind: 'gridCell', id: c.gridCellId, districtCode: c.districtCode, streetCode: '', clueTypes: [c.suspectedType] });
  return {
    clueId: c.id,
    target: {
      key: `gridCell:${c.gridCellId}`,
      kind: 'gridCell',
      refId: c.gridCellId,
      districtCode: c.districtCode,
      streetCode: null,
      name: `网格 ${c.gridCellCode ?? c.gridCellId}（线索 ${c.id}）`,
      address: c.address,
      creditCode: null,
      location: [lon, lat],
      source: 'priority',
      reasons: ['urgent'],
      priority: 100,
      serviceMinutes: CLUE_CELL_MINUTES,
      opens: null,
      closes: null,
      weekendOpens: null,
      weekendCloses: null,
      riskTier: null,
      departments: [...new Set(needs.map((n) => n.departmentCode).filter((d) => d !== LEAD_DEPARTMENT))],
      checks: [...focusChecks],
      visits: 1,
    },
  };
}

/** Re-plans the remaining stops of the district-day's teams that the event concerns, and stores the result. */
export async function replanTeams(deps: ReplanDeps, user: UserRow, id: number, request: TeamReplanRequest): Promise<TeamReplanResult> {
  requirePlanner(user);
  const row = await activeCampaign(deps.database, user, id, request.version);
  if (user.districtCode !== null && user.districtCode !== request.district) throw forbidden(`a district account re-plans only its own district (${user.districtCode})`);
  const definition = campaignDefinitionSchema.parse(row.definition);
  if (!definition.districts.includes(request.district))
    throw unprocessable('district', `district ${request.district} is not one of the campaign's (${definition.districts.join(', ')})`);
  const stored = await campaignPlanOf(deps.database, { campaignId: id, version: request.version });
  if (!stored) throw notFound(`plan of campaign ${id} version ${request.version}`);
  // Written by the planner through the contract's types; a city's plan is megabytes, so it is not parsed again.
  const plan = stored.plan as CampaignPlan;
  const now = deps.now();
  const dayTeams = plan.teams.filter((t) => t.districtCode === request.district && t.date === request.date).map((t) => t.id);
  const [progress, relations, urgent] = await Promise.all([
    stopProgressOf(deps.database, { scope: scopeOf(user), campaignId: id, district: request.district, teamIds: dayTeams }),
    officerRelations(deps.database, { scope: scopeOf(user), district: request.district }),
    request.event.kind === 'urgent_target' ? urgentTarget(deps, user, request, plan, definition.focus.checkItems) : null,
  ]);
  const midnight = shanghaiMidnight(request.date).getTime();
  const fixed: FixedStop[] = progress.map((p) => ({ teamId: p.teamId, targetKey: p.targetKey, state: p.state, at: Math.max(0, Math.round((p.at.getTime() - midnight) / 1000)) }));
  const event: ReplanEvent = request.event.kind === 'officer_out' ? { kind: 'officer_out', officerId: request.event.officerId } : { kind: 'urgent_target', ...urgent! };
  const at = now.toISOString();
  let built;
  try {
    built = buildReplan({
      plan,
      districtCode: request.district,
      date: request.date,
      shiftId: request.shiftId,
      fixed,
      now: secondsInto(request.date, now),
      at,
      event,
      recused: new Set(relations.map((r) => `${r.officerId}|institution:${r.institutionId}`)),
    });
  } catch (error) {
    // The kernel's refusals name the request's fields: an officer not on the day, a target it cannot take.
    if (error instanceof DomainInputError) throw unprocessable(error.issues[0]?.path || 'event', error.issues.map((i) => i.message).join('; '), { issues: error.issues });
    throw error;
  }
  let solution: VrpSolution | null = null;
  if (built.problem) {
    const solved = await deps.routing.solve({
      problem: built.problem,
      seed: seedOfText(`${plan.settings.seed ?? id}|replan|${request.district}|${request.date}`),
      timeLimitMs: REPLAN_TIME_LIMIT_MS,
      maxIterations: REPLAN_ITERATIONS,
      departureHour: built.departureHour,
    });
    solution = solved.solution;
  }
  const result = applyReplan(built, solution);
  const changed = result.plan.teams.filter((t) => result.teamIds.includes(t.id));
  const reason = request.event.kind;
  await audited(deps, { actor: user.username, action: 'campaign.replan_team', entity: 'campaign_plan' }, async (tx) => {
    // Checked again under the campaign's row lock: it may have closed, or its plan changed, while the routes were solved.
    await activeCampaign(tx, user, id, request.version, true);
    const current = await campaignPlanOf(tx, { campaignId: id, version: request.version });
    if (!current || current.updatedAt.getTime() !== stored.updatedAt.getTime()) throw conflict('the plan changed while it was re-planned: reload it and try again');
    await saveCampaignPlan(tx, { campaignId: id, version: request.version, plan: result.plan, drawRecord: null, userId: user.id, at: now });
    await announce(tx, now, {
      kind: 'team.replanned',
      districtCode: request.district,
      campaignId: id,
      payload: { campaignId: id, districtCode: request.district, date: request.date, teamIds: result.teamIds, reason },
    });
    return {
      entityId: String(id),
      before: { teams: plan.teams.filter((t) => result.teamIds.includes(t.id)).map((t) => ({ id: t.id, members: t.members.map((m) => m.officerId), stops: t.stops.map((s) => s.targetKey) })) },
      after: { district: request.district, date: request.date, event: request.event, summary: result.summary },
      result: null,
    };
  });
  notifyLiveEvents(deps);
  const addedTarget = request.event.kind === 'urgent_target' && urgent && !plan.targets.some((t) => t.key === urgent.target.key) ? result.plan.targets.find((t) => t.key === urgent.target.key) ?? null : null;
  return {
    campaignId: id,
    districtCode: request.district,
    date: request.date,
    reason,
    teamIds: result.teamIds,
    replannedAt: at,
    summary: { teams: result.summary.teams, moved: result.summary.moved, unassigned: result.summary.unassigned },
    teams: changed,
    addedTarget,
  };
}
