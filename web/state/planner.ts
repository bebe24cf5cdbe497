import type { PatrolOptions, PatrolPlan, PatrolPlanRequest, RoutingJob } from '../../server/contract/index.js';
import { addDays, isWeekend } from '../../server/domain/time.js';
import { clockSeconds, playbackReducer, type PlaybackAction, type PlaybackState } from './playback.js';

/** The planner view (巡查路线规划): the form, the solve in progress, the plan and its playback. Pure updaters. */
export type ShiftKind = 'weekday_evening' | 'weekend_day';

/** A 网格 handed to the planner as an area-patrol (区域巡查) target, with what the form shows of it. */
export interface PlannerCellTarget {
  id: number;
  code: string;
  streetName: string | null;
  /** Where the planner map marks it (the cell's centroid). */
  location: [number, number];
  clues: number;
  /** Its Gi* z-score in the hot spot analysis it came from. */
  z: number;
}

/** Where the handed targets came from, for the form to say so. */
export interface PlannerOrigin {
  source: 'hotspots';
  count: number;
  /** The analysed period, inclusive dates. */
  from: string;
  to: string;
}

/** Targets sent from another view (the hot spot analysis): one district and its cells. */
export interface PlannerHandoff {
  district: string;
  cells: PlannerCellTarget[];
  origin: PlannerOrigin;
}

export interface PlannerState {
  district: string | null;
  date: string;
  shift: ShiftKind;
  teams: number;
  /** Department code of the office the teams leave from; null = the first office offered. */
  base: string | null;
  topN: number;
  selectedInstitutions: number[];
  /** Grid cells offered as area-patrol targets (handed over from the hot spot analysis), and the ones chosen. */
  cellTargets: PlannerCellTarget[];
  selectedGridCells: number[];
  origin: PlannerOrigin | null;
  solve: { status: 'idle' | 'solving' | 'failed'; progress: number; jobId: string | null; error: string | null };
  plan: PatrolPlan | null;
  /** Time in seconds after the plan's departure. */
  playback: PlaybackState;
}

export type PlannerAction =
  | { type: 'districtChosen'; district: string }
  | { type: 'dateSet'; date: string }
  | { type: 'shiftSet'; shift: ShiftKind; today: string }
  | { type: 'teamsSet'; teams: number }
  | { type: 'baseSet'; base: string }
  | { type: 'topNSet'; topN: number; options: PatrolOptions | null }
  | { type: 'optionsLoaded'; options: PatrolOptions }
  | { type: 'institutionToggled'; id: number }
  | { type: 'gridCellToggled'; id: number }
  | { type: 'handoffReceived'; handoff: PlannerHandoff }
  | { type: 'solveStarted' }
  | { type: 'jobUpdated'; job: RoutingJob }
  | { type: 'solveFailed'; message: string }
  | Exclude<PlaybackAction, { type: 'playbackReset' }>;

export const DEFAULT_TOP_N = 8;
export const MAX_TEAMS = 10;


/** The first date from `today` on which the shift can run (weekday evenings on Monday–Friday, weekend days on Saturday–Sunday). */
export function nextPatrolDate(today: string, shift: ShiftKind): string {
  let date = today;
  while (isWeekend(date) !== (shift === 'weekend_day')) date = addDays(date, 1);
  return date;
}

export function initialPlannerState(today: string, district: string | null): PlannerState {
  return {
    district,
    date: nextPatrolDate(today, 'weekday_evening'),
    shift: 'weekday_evening',
    teams: 2,
    base: null,
    topN: DEFAULT_TOP_N,
    selectedInstitutions: [],
    cellTargets: [],
    selectedGridCells: [],
    origin: null,
    solve: { status: 'idle', progress: 0, jobId: null, error: null },
    plan: null,
    playback: { playing: false, time: 0 },
  };
}

const topIds = (options: PatrolOptions | null, n: number) => (options?.institutions ?? []).slice(0, n).map((i) => i.id);
const clearPlan = (state: PlannerState): PlannerState => ({ ...state, plan: null, playback: { playing: false, time: 0 } });
const toggled = (ids: readonly number[], id: number) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
const noCells = { cellTargets: [], selectedGridCells: [], origin: null };

export function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
  switch (action.type) {
    case 'districtChosen':
      // Handed cells belong to their district: another district drops them.
      return action.district === state.district ? state : clearPlan({ ...state, ...noCells, district: action.district, base: null, selectedInstitutions: [] });
    case 'dateSet':
      return { ...state, date: action.date };
    case 'shiftSet':
      return { ...state, shift: action.shift, date: isWeekend(state.date) === (action.shift === 'weekend_day') ? state.date : nextPatrolDate(action.today, action.shift) };
    case 'teamsSet':
      return { ...state, teams: Math.max(1, Math.min(MAX_TEAMS, Math.round(action.teams) || 1)) };
    case 'baseSet':
      return { ...state, base: action.base };
    case 'topNSet': {
      const topN = Math.max(0, Math.round(action.topN) || 0);
      return { ...state, topN, selectedInstitutions: topIds(action.options, topN) };
    }
    case 'optionsLoaded':
      // A new district's list: preselect its top N; the same district's list keeps the user's choice.
      return action.options.district.code !== state.district || state.selectedInstitutions.length > 0
        ? state
        : { ...state, selectedInstitutions: topIds(action.options, state.topN), base: state.base ?? action.options.bases[0]?.id ?? null };
    case 'institutionToggled':
      return { ...state, selectedInstitutions: toggled(state.selectedInstitutions, action.id) };
    case 'gridCellToggled':
      return state.cellTargets.some((c) => c.id === action.id) ? { ...state, selectedGridCells: toggled(state.selectedGridCells, action.id) } : state;
    case 'handoffReceived': {
      // The handed cells are the patrol's targets: no institutions are added unasked (top N 0), the user may add some.
      const { district, cells, origin } = action.handoff;
      if (cells.length === 0) return state;
      return clearPlan({
        ...state,
        district,
        base: district === state.district ? state.base : null,
        topN: 0,
        selectedInstitutions: [],
        cellTargets: cells,
        selectedGridCells: cells.map((c) => c.id),
        origin,
        solve: { status: 'idle', progress: 0, jobId: null, error: null },
      });
    }
    case 'solveStarted':
      return clearPlan({ ...state, solve: { status: 'solving', progress: 0, jobId: null, error: null } });
    case 'jobUpdated': {
      const { job } = action;
      if (job.status === 'done' && job.result && 'teams' in job.result) {
        return { ...state, plan: job.result, solve: { status: 'idle', progress: 1, jobId: job.id, error: null }, playback: { playing: false, time: 0 } };
      }
      if (job.status === 'failed' || job.status === 'cancelled') {
        return { ...state, solve: { status: 'failed', progress: job.progress, jobId: job.id, error: job.error?.message ?? job.status } };
      }
      return { ...state, solve: { status: 'solving', progress: job.progress, jobId: job.id, error: null } };
    }
    case 'solveFailed':
      return { ...state, solve: { ...state.solve, status: 'failed', error: action.message } };
    case 'playToggled':
    case 'playbackSet':
    case 'ticked':
      return state.plan ? { ...state, playback: playbackReducer(state.playback, action, playbackEnd(state.plan)) } : state;
  }
}

/** Seconds after midnight at which the plan's playback starts (the shift start). */
export function playbackStart(plan: PatrolPlan): number {
  return clockSeconds(plan.shift.start);
}

/** Length of the playback: until the last team is back. */
export function playbackEnd(plan: PatrolPlan): number {
  const start = playbackStart(plan);
  const ends = plan.solution.routes.map((r) => (r.timestamps.length ? r.timestamps[r.timestamps.length - 1] : start));
  return Math.max(0, ...ends.map((t) => t - start));
}

export function canPlan(state: PlannerState): boolean {
  return state.district !== null && state.selectedInstitutions.length + state.selectedGridCells.length > 0 && state.solve.status !== 'solving';
}

/** The request the form describes. */
export function planRequest(state: PlannerState, options: PatrolOptions): PatrolPlanRequest {
  if (!state.district) throw new Error('choose a district first');
  const base = state.base ?? options.bases[0]?.id;
  return {
    district: state.district,
    date: state.date,
    shift: { kind: state.shift },
    teams: state.teams,
    base: base ? { office: base } : { location: options.institutions[0]?.location ?? [121.4737, 31.2304] },
    targets: { institutionIds: state.selectedInstitutions, ...(state.selectedGridCells.length > 0 && { gridCellIds: state.selectedGridCells }) },
    timeLimit: 2,
  };
}
