// Joint patrols (联合巡查) of one district on one day: what a plan can start from, and the plan itself — targets
// ranked by the one risk score, teams of certified officers, routes solved in a worker, and an audit entry.
import type { PatrolOptions, PatrolPlan, PatrolPlanRequest } from '../contract/routing.js';
import { districtName, patrolBases, patrolGridCells, patrolInstitutions, patrolOfficers, type PatrolScope } from '../../db/queries/patrol.js';
import type { UserRow } from '../../db/queries/users.js';
import { RECENT_CLUE_WINDOW_DAYS } from '../domain/risk.js';
import { daysBefore, formatClock, shanghaiDate, shanghaiMidnight } from '../domain/time.js';
import type { JobControl } from '../jobs/job-registry.js';
import {
  buildPatrolProblem,
  MIN_TEAM_SIZE,
  rankCandidates,
  summarisePatrolPlan,
  type PatrolBase,
  type PatrolCandidate,
} from '../planning/index.js';
import { allowedDistrict, requirePlanner, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { notFound, unprocessable } from './errors.js';
import { scoreInstitutions } from './risk.js';
import type { SolveTask } from '../jobs/solve-task.js';

type PatrolDeps = Pick<Deps, 'database' | 'now' | 'cellWeights' | 'routing'>;

/** The name a patrol base shows and is solved under: the district office's name. */
const officeName = (office: { name: string }) => `${office.name}办公点`;
const OPTION_INSTITUTIONS = 60;
const OPTION_GRID_CELLS = 30;

async function loadDistrictData(deps: PatrolDeps, p: PatrolScope, date: string) {
  const district = await districtName(deps.database, p);
  if (!district) throw notFound(`district ${p.district}`);
  // Risk and recent clues as of the start of the patrol day.
  const asOf = shanghaiMidnight(date);
  const since = daysBefore(asOf, RECENT_CLUE_WINDOW_DAYS);
  const officers = await patrolOfficers(deps.database, p);
  const bases = await patrolBases(deps.database, p);
  const institutions = await patrolInstitutions(deps.database, { ...p, since });
  const cells = await patrolGridCells(deps.database, { ...p, since });
  const risk = new Map((await scoreInstitutions(deps, p.scope, { district: p.district }, asOf)).map((s) => [s.row.id, s.risk.score]));
  const candidates: PatrolCandidate[] = [
    ...institutions.map((i) => ({
      kind: 'institution' as const,
      id: i.id,
      name: i.name,
      location: [i.lon, i.lat] as [number, number],
      recentClueCount: i.recentClueCount,
      status: i.status,
      listStatus: i.listStatus,
      riskScore: risk.get(i.id) ?? 0,
    })),
    ...cells.map((c) => ({
      kind: 'gridCell' as const,
      id: c.id,
      name: `网格 ${c.code}`,
      location: [c.lon, c.lat] as [number, number],
      recentClueCount: c.recentClueCount,
    })),
  ];
  return { district: { code: p.district, ...district }, officers, bases, candidates };
}

/** The choices the planner view offers for a district on a date (default: today in Shanghai). */
export async function patrolOptions(deps: PatrolDeps, user: UserRow, q: { district: string; date?: string }): Promise<PatrolOptions> {
  allowedDistrict(user, q.district);
  const date = q.date ?? shanghaiDate(deps.now());
  const data = await loadDistrictData(deps, { scope: scopeOf(user), district: q.district }, date);
  const certified = data.officers.filter((o) => o.certificateExpiresOn >= date);
  const education = certified.filter((o) => o.departmentCode === 'education').length;
  const ranked = rankCandidates(data.candidates);
  return {
    district: data.district,
    date,
    bases: data.bases.map((b) => ({ id: b.id, name: officeName(b), nameEn: `${b.nameEn} office`, location: [b.lon, b.lat], officers: b.officers })),
    officers: {
      total: data.officers.length,
      certified: certified.length,
      education,
      fireRescue: certified.filter((o) => o.departmentCode === 'fire_rescue').length,
      maxTeams: Math.min(education, Math.floor(certified.length / MIN_TEAM_SIZE)),
    },
    institutions: ranked
      .flatMap(({ candidate: c, priority }) => (c.kind === 'institution' ? [{ c, priority }] : []))
      .slice(0, OPTION_INSTITUTIONS)
      .map(({ c, priority }) => ({ id: c.id, name: c.name, location: c.location, priority, recentClueCount: c.recentClueCount, status: c.status, listStatus: c.listStatus })),
    // Offered unasked: the cells with recent clues; any other cell of the district can still be asked for by id.
    gridCells: ranked
      .filter((s) => s.candidate.kind === 'gridCell' && s.candidate.recentClueCount > 0)
      .slice(0, OPTION_GRID_CELLS)
      .map(({ candidate: c, priority }) => ({ id: c.id, name: c.name, location: c.location, priority, recentClueCount: c.recentClueCount })),
  };
}

/** Reads the district, builds the patrol's routing problem, solves it in a worker and describes the result. */
async function solvePatrol(deps: PatrolDeps, p: PatrolScope, request: PatrolPlanRequest, control?: JobControl): Promise<PatrolPlan> {
  const data = await loadDistrictData(deps, p, request.date);
  let base: PatrolBase;
  if ('office' in request.base) {
    const officeId = request.base.office;
    const office = data.bases.find((b) => b.id === officeId);
    if (!office) throw unprocessable('base.office', `no office "${officeId}" in district ${p.district}; choose one of: ${data.bases.map((b) => b.id).join(', ')}`);
    base = { name: officeName(office), location: [office.lon, office.lat] };
  } else {
    base = { name: request.base.name ?? '出发点 base', location: request.base.location };
  }
  const draft = buildPatrolProblem({
    date: request.date,
    shift: request.shift,
    teams: request.teams,
    base,
    officers: data.officers,
    candidates: data.candidates,
    targets: {
      topInstitutions: request.targets.topInstitutions,
      topGridCells: request.targets.topGridCells,
      institutionIds: request.targets.institutionIds,
      gridCellIds: request.targets.gridCellIds,
      randomInstitutions: request.targets.random,
    },
    maxStopsPerTeam: request.maxStopsPerTeam,
    fireSafety: request.fireSafety,
  });
  const seed = request.seed ?? 1;
  const task: SolveTask = { problem: draft.problem, seed, timeLimitMs: (request.timeLimit ?? 2) * 1000, departureHour: draft.departureHour };
  const solved = await deps.routing.solve(task, control);
  const summary = summarisePatrolPlan(draft, solved.solution);
  return {
    district: data.district,
    date: request.date,
    shift: { kind: draft.shift.kind, start: formatClock(draft.shift.startSeconds), end: formatClock(draft.shift.endSeconds) },
    base,
    teams: summary.teams,
    idleTeams: summary.idleTeams,
    unassigned: summary.unassigned,
    excludedOfficers: draft.excludedOfficers,
    warnings: draft.warnings,
    draw: draft.draw,
    assignedStops: summary.assignedStops,
    totalDistanceMetres: summary.totalDistanceMetres,
    approximate: solved.approximate,
    seed,
    solution: solved.solution,
    problem: draft.problem,
    departureHour: draft.departureHour,
  };
}

/** Plans a patrol and records the plan (teams, stops, the draw and its seed) in the audit log. */
export async function planPatrol(deps: PatrolDeps, user: UserRow, request: PatrolPlanRequest, control?: JobControl): Promise<PatrolPlan> {
  requirePlanner(user);
  allowedDistrict(user, request.district);
  const result = await solvePatrol(deps, { scope: scopeOf(user), district: request.district }, request, control);
  await audited(deps, { actor: user.username, action: 'patrol.plan', entity: 'patrol_plan' }, async () => ({
    entityId: null,
    before: null,
    after: {
      request,
      teams: result.teams.map((t) => ({ teamId: t.teamId, members: t.members.map((m) => m.id), stops: t.stops.map((s) => `${s.kind}:${s.refId}`) })),
      idleTeams: result.idleTeams.map((t) => t.teamId),
      unassigned: result.unassigned.length,
      draw: result.draw,
    },
    result: null,
  }));
  return result;
}
