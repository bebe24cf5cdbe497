import type { PatrolOptions, PatrolPlan, PatrolPlanRequest } from '../contract/routing.js';
import {
  districtName,
  patrolBases,
  patrolGridCells,
  patrolInstitutions,
  patrolOfficers,
  type PatrolScope,
} from '../../db/queries/patrol.js';
import type { Queryable } from '../../db/queries/queryable.js';
import {
  buildPatrolProblem,
  formatClock,
  MIN_TEAM_SIZE,
  RECENT_CLUE_DAYS,
  rankCandidates,
  summarisePatrolPlan,
  type PatrolBase,
  type PatrolCandidate,
} from '../planning/index.js';
import { notFound, unprocessable } from '../middleware/api-error.js';
import type { JobControl } from './job-registry.js';
import type { RoutingService } from './routing-service.js';
import type { SolveTask } from './solve-task.js';

const DAY_MS = 86_400_000;

/** The name a patrol base shows and is solved under: the district office's name. */
const officeName = (office: { name: string }) => `${office.name}办公点`;
const OPTION_INSTITUTIONS = 60;
const OPTION_GRID_CELLS = 30;

async function loadDistrictData(q: Queryable, p: PatrolScope, date: string) {
  const district = await districtName(q, p);
  if (!district) throw notFound(`district ${p.district}`);
  const since = new Date(Date.parse(`${date}T00:00:00+08:00`) - RECENT_CLUE_DAYS * DAY_MS);
  const [officers, bases, institutions, cells] = [
    await patrolOfficers(q, p),
    await patrolBases(q, p),
    await patrolInstitutions(q, { ...p, since }),
    await patrolGridCells(q, { ...p, since }),
  ];
  const candidates: PatrolCandidate[] = [
    ...institutions.map((i) => ({
      kind: 'institution' as const,
      id: i.id,
      name: i.name,
      location: [i.lon, i.lat] as [number, number],
      recentClueCount: i.recentClueCount,
      status: i.status,
      listStatus: i.listStatus,
      violationCount: i.violationCount,
      lastInspectedOn: i.lastInspectedOn,
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

/** The choices the planner view offers for a district on a date. */
export async function patrolOptions(q: Queryable, p: PatrolScope, date: string): Promise<PatrolOptions> {
  const data = await loadDistrictData(q, p, date);
  const certified = data.officers.filter((o) => o.certificateExpiresOn >= date);
  const education = certified.filter((o) => o.departmentCode === 'education').length;
  const ranked = rankCandidates(data.candidates, date);
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
      .filter((s) => s.candidate.kind === 'institution')
      .slice(0, OPTION_INSTITUTIONS)
      .map(({ candidate: c, priority }) => ({
        id: c.id,
        name: c.name,
        location: c.location,
        priority,
        recentClueCount: c.recentClueCount,
        status: c.kind === 'institution' ? c.status : '',
        listStatus: c.kind === 'institution' ? c.listStatus : '',
      })),
    gridCells: ranked
      .filter((s) => s.candidate.kind === 'gridCell')
      .slice(0, OPTION_GRID_CELLS)
      .map(({ candidate: c, priority }) => ({ id: c.id, name: c.name, location: c.location, priority, recentClueCount: c.recentClueCount })),
  };
}

/** Reads the district, builds the patrol's routing problem, solves it in a worker and describes the result. */
export async function planPatrol(
  q: Queryable,
  service: Pick<RoutingService, 'solve'>,
  p: PatrolScope,
  request: PatrolPlanRequest,
  control?: JobControl,
): Promise<PatrolPlan> {
  const data = await loadDistrictData(q, p, request.date);
  let base: PatrolBase;
  if ('office' in request.base) {
    const office = data.bases.find((b) => b.id === (request.base as { office: string }).office);
    if (!office) throw unprocessable(`no office "${request.base.office}" in district ${p.district}; choose one of: ${data.bases.map((b) => b.id).join(', ')}`);
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
  const solved = await service.solve(task, control);
  const summary = summarisePatrolPlan(draft, solved.solution);
  return {
    district: data.district,
    date: request.date,
    shift: { kind: draft.shift.kind, start: formatClock(draft.shift.startSeconds), end: formatClock(draft.shift.endSeconds) },
    base,
    teams: summary.teams,
    unassigned: summary.unassigned as PatrolPlan['unassigned'],
    excludedOfficers: draft.excludedOfficers,
    warnings: draft.warnings,
    draw: draft.draw,
    assignedStops: summary.assignedStops,
    totalDistanceMetres: summary.totalDistanceMetres,
    approximate: solved.approximate,
    seed,
    solution: solved.solution as PatrolPlan['solution'],
    problem: draft.problem as Record<string, unknown>,
    departureHour: draft.departureHour,
  };
}
