import {
  campaignPlanSettingsSchema,
  targetSources,
  type CampaignPlan,
  type CampaignPlanShift,
  type CampaignPlanTarget,
  type CampaignPlanTeam,
} from '../../server/contract/campaign-plans.js';
import { DEFAULT_CAMPAIGN_SHIFTS } from '../../server/domain/campaign-shift-times.js';
import type { CampaignShiftTimes } from '../../server/domain/campaign.js';
import type { CampaignDayType } from '../../server/domain/vocabulary.js';

// The plan section of a campaign (方案): the settings form, the planning job as it runs, and what the tables and the
// map show of a stored plan. Pure: the page holds the state, web/api talks to the server.

export type TargetSource = (typeof targetSources)[number];
export type DrawWeighting = 'uniform' | 'risk_tier';

/** The form as typed: numbers as text, so that a half-typed value is not rewritten under the cursor. */
export interface PlanSettingsForm {
  teamsPerDistrictShift: string;
  maxStopsPerTeam: string;
  drawWeighting: DrawWeighting;
  excludeInspectedDays: string;
  recentCampaigns: string;
  avoidOwnStreet: boolean;
  seed: string;
}

export type PlanSettingsField = keyof PlanSettingsForm;
export type PlanSettingsBody = {
  teamsPerDistrictShift: number;
  maxStopsPerTeam: number;
  drawWeighting: DrawWeighting;
  excludeInspectedDays: number;
  recentCampaigns: number;
  avoidOwnStreet: boolean;
  seed?: string;
};

/** The form of a campaign: the settings of its stored plan, else the contract's defaults (the seed left to the server). */
export function planSettingsForm(plan: CampaignPlan | null): PlanSettingsForm {
  const s = plan?.settings ?? campaignPlanSettingsSchema.parse({});
  return {
    teamsPerDistrictShift: String(s.teamsPerDistrictShift),
    maxStopsPerTeam: String(s.maxStopsPerTeam),
    drawWeighting: s.drawWeighting,
    excludeInspectedDays: String(s.excludeInspectedDays),
    recentCampaigns: String(s.recentCampaigns ?? 2),
    avoidOwnStreet: s.avoidOwnStreet,
    seed: s.seed ?? '',
  };
}

const WHOLE = /^\s*\d+\s*$/;
const numberFields = ['teamsPerDistrictShift', 'maxStopsPerTeam', 'excludeInspectedDays', 'recentCampaigns'] as const;

/**
 * The request body of the form, or the fields at fault. The contract's own schema decides the ranges, so the form
 * refuses exactly what the server would; text that is not a whole number is refused before it gets there.
 */
export function planSettingsBody(form: PlanSettingsForm): { ok: true; body: PlanSettingsBody } | { ok: false; fields: PlanSettingsField[] } {
  const fields: PlanSettingsField[] = numberFields.filter((f) => !WHOLE.test(form[f]));
  const seed = form.seed.trim();
  const body: PlanSettingsBody = {
    teamsPerDistrictShift: Number(form.teamsPerDistrictShift),
    maxStopsPerTeam: Number(form.maxStopsPerTeam),
    drawWeighting: form.drawWeighting,
    excludeInspectedDays: Number(form.excludeInspectedDays),
    recentCampaigns: Number(form.recentCampaigns),
    avoidOwnStreet: form.avoidOwnStreet,
    ...(seed && { seed }),
  };
  const parsed = campaignPlanSettingsSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as PlanSettingsField;
      if (field in form && !fields.includes(field)) fields.push(field);
    }
  }
  return fields.length ? { ok: false, fields } : { ok: true, body };
}

/** The planning job as the server reports it (POST …/plan/jobs, GET …/plan/jobs/{jobId}). */
export interface CampaignPlanJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** 0–1. */
  progress: number;
  /** What the planner is doing now (targets, draw, teams, routes, …); absent on a job that does not say. */
  stage?: string | null;
  done?: number | null;
  total?: number | null;
  error?: { code: string; message: string } | null;
}

export type PlanRun =
  | { status: 'idle' }
  | { status: 'running'; job: CampaignPlanJob | null }
  | { status: 'done'; job: CampaignPlanJob }
  | { status: 'failed'; code: string; job: CampaignPlanJob | null }
  | { status: 'cancelled' };

export type PlanRunAction =
  | { type: 'started' }
  | { type: 'jobUpdated'; job: CampaignPlanJob }
  | { type: 'failed'; code: string }
  | { type: 'cancelled' }
  | { type: 'reset' };

export const idleRun: PlanRun = { status: 'idle' };

export function planRunReducer(run: PlanRun, action: PlanRunAction): PlanRun {
  switch (action.type) {
    case 'started':
      return { status: 'running', job: null };
    case 'jobUpdated': {
      // A late poll of a job the user has cancelled or left must not bring it back.
      if (run.status !== 'running') return run;
      const { job } = action;
      if (job.status === 'done') return { status: 'done', job };
      if (job.status === 'failed') return { status: 'failed', code: job.error?.code ?? 'internal', job };
      if (job.status === 'cancelled') return { status: 'cancelled' };
      return { status: 'running', job };
    }
    case 'failed':
      return run.status === 'running' ? { status: 'failed', code: action.code, job: run.job } : run;
    case 'cancelled':
      return run.status === 'running' ? { status: 'cancelled' } : run;
    case 'reset':
      return idleRun;
  }
}

/** The progress bar: a share from 0 to 1, and the stage with its counts when the job reports them. */
export function runProgress(run: PlanRun): { fraction: number; stage: string | null; done: number | null; total: number | null } {
  const job = run.status === 'running' || run.status === 'done' || run.status === 'failed' ? run.job : null;
  if (!job) return { fraction: 0, stage: null, done: null, total: null };
  const counted = typeof job.done === 'number' && typeof job.total === 'number' && job.total > 0;
  const fraction = run.status === 'done' ? 1 : counted ? job.done! / job.total! : job.progress;
  return { fraction: Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)), stage: job.stage ?? null, done: counted ? job.done! : null, total: counted ? job.total! : null };
}

// ── The stored plan ─────────────────────────────────────────────────────────────────────────────────────────────

/** Keys of the targets some team visits. */
export function assignedKeys(plan: CampaignPlan): Set<string> {
  return new Set(plan.teams.flatMap((team) => team.stops.map((s) => s.targetKey)));
}

export interface PlanSummary {
  bySource: Record<TargetSource, number>;
  targets: number;
  teams: number;
  /** Teams with no stop. */
  idleTeams: number;
  assigned: number;
  unassigned: number;
  goalsMet: number;
  goals: number;
}

export function planSummary(plan: CampaignPlan): PlanSummary {
  const bySource = Object.fromEntries(targetSources.map((s) => [s, 0])) as Record<TargetSource, number>;
  for (const t of plan.targets) bySource[t.source]++;
  const assigned = assignedKeys(plan);
  return {
    bySource,
    targets: plan.targets.length,
    teams: plan.teams.length,
    idleTeams: plan.teams.filter((t) => t.stops.length === 0).length,
    assigned: plan.targets.filter((t) => assigned.has(t.key)).length,
    unassigned: new Set(plan.unassigned.map((u) => u.targetKey)).size,
    goalsMet: plan.goals.filter((g) => g.met).length,
    goals: plan.goals.length,
  };
}

export interface TargetFilter {
  district: string | null;
  source: TargetSource | null;
}

export const noTargetFilter: TargetFilter = { district: null, source: null };

export function filterTargets(targets: readonly CampaignPlanTarget[], filter: TargetFilter): CampaignPlanTarget[] {
  return targets.filter((t) => (filter.district === null || t.districtCode === filter.district) && (filter.source === null || t.source === filter.source));
}

/** The districts of a plan in code order (the filter's choices, the teams' groups). */
export function planDistricts(plan: CampaignPlan): string[] {
  return [...new Set([...plan.targets.map((t) => t.districtCode), ...plan.teams.map((t) => t.districtCode)])].sort();
}

/** The planned days in order, each with its shifts in the order of the day. */
export function planDays(plan: CampaignPlan): { date: string; shifts: CampaignPlanShift[] }[] {
  const byDate = new Map<string, CampaignPlanShift[]>();
  for (const shift of [...plan.shifts].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))) {
    byDate.set(shift.date, [...(byDate.get(shift.date) ?? []), shift]);
  }
  return [...byDate].map(([date, shifts]) => ({ date, shifts }));
}

/**
 * The shifts of each date, for the calendar's day detail: the plan's once there is one, before that the campaign's own
 * shifts of the day's type or the default ones (the same pattern the plan will use).
 */
export function shiftsByDate(
  plan: CampaignPlan | null,
  days: readonly { date: string; type: CampaignDayType }[] = [],
  own: CampaignShiftTimes = {},
): Map<string, CampaignPlanShift[]> {
  if (plan) return new Map(planDays(plan).map((d) => [d.date, d.shifts]));
  return new Map(
    days.map((day) => {
      const times = [...(own[day.type] ?? DEFAULT_CAMPAIGN_SHIFTS[day.type])].sort((a, b) => a.start.localeCompare(b.start));
      return [day.date, times.map((time, k) => ({ id: `${day.date}#${k + 1}`, date: day.date, start: time.start, end: time.end, dayType: day.type }))];
    }),
  );
}

/** What the map and the team table show: a day, one of its shifts or all of them, a district or all, a team. */
export interface PlanView {
  date: string | null;
  shiftId: string | null;
  district: string | null;
  teamId: string | null;
}

export type PlanViewAction =
  | { type: 'daySelected'; date: string }
  | { type: 'shiftSelected'; shiftId: string | null }
  | { type: 'districtSelected'; district: string | null }
  | { type: 'teamSelected'; team: CampaignPlanTeam | null };

export const emptyPlanView: PlanView = { date: null, shiftId: null, district: null, teamId: null };

export function planViewReducer(view: PlanView, action: PlanViewAction): PlanView {
  switch (action.type) {
    case 'daySelected':
      return action.date === view.date ? view : { ...view, date: action.date, shiftId: null, teamId: null };
    case 'shiftSelected':
      return { ...view, shiftId: action.shiftId, teamId: null };
    case 'districtSelected':
      return { ...view, district: action.district, teamId: null };
    case 'teamSelected': {
      const team = action.team;
      // Selecting the selected team again clears it; a team elsewhere brings its day and shift with it.
      if (!team || team.id === view.teamId) return { ...view, teamId: null };
      return { date: team.date, shiftId: view.shiftId === null ? null : team.shiftId, district: view.district === null ? null : team.districtCode, teamId: team.id };
    }
  }
}

/** The view with a day that exists in the plan: the first planned day when none is chosen or the chosen one is gone. */
export function viewFor(plan: CampaignPlan, view: PlanView): PlanView {
  const days = planDays(plan);
  const day = days.find((d) => d.date === view.date) ?? days[0];
  if (!day) return emptyPlanView;
  const shiftId = day.shifts.some((s) => s.id === view.shiftId) ? view.shiftId : null;
  const teamId = plan.teams.some((t) => t.id === view.teamId && t.date === day.date) ? view.teamId : null;
  return { date: day.date, shiftId, district: view.district, teamId };
}

/** The teams the view shows, by district, then shift start, then label. */
export function visibleTeams(plan: CampaignPlan, view: PlanView): CampaignPlanTeam[] {
  const start = new Map(plan.shifts.map((s) => [s.id, s.start]));
  return plan.teams
    .filter((t) => t.date === view.date && (view.shiftId === null || t.shiftId === view.shiftId) && (view.district === null || t.districtCode === view.district))
    .sort((a, b) => a.districtCode.localeCompare(b.districtCode) || (start.get(a.shiftId) ?? '').localeCompare(start.get(b.shiftId) ?? '') || a.label.localeCompare(b.label, 'zh-CN'));
}

/** Teams grouped by district, in the order given. */
export function byDistrict(teams: readonly CampaignPlanTeam[]): { district: string; teams: CampaignPlanTeam[] }[] {
  const groups = new Map<string, CampaignPlanTeam[]>();
  for (const team of teams) groups.set(team.districtCode, [...(groups.get(team.districtCode) ?? []), team]);
  return [...groups].map(([district, list]) => ({ district, teams: list }));
}

/** A shift as it reads: 08:30–12:00. */
export const shiftText = (shift: Pick<CampaignPlanShift, 'start' | 'end'>) => `${shift.start}–${shift.end}`;

/** The share of a load spread as text: max/min ratio (— when the least loaded has none) and Gini to two places. */
export function spreadText(spread: { max: number; min: number; maxMinRatio: number | null; gini: number }): { ratio: string; gini: string } {
  return { ratio: spread.maxMinRatio === null ? '—' : spread.maxMinRatio.toFixed(2), gini: spread.gini.toFixed(2) };
}

/** The query of a dispatch request: a team's sheet, or every sheet of a district-day. */
export interface DispatchQuery {
  district: string;
  date: string;
  team?: string;
}

export const dispatchQueryOf = (team: CampaignPlanTeam): DispatchQuery => ({ district: team.districtCode, date: team.date, team: team.id });

/** The file name a download is saved under: ASCII, as the server names its own. */
export function outputFileName(campaignId: number, what: string, query?: DispatchQuery): string {
  const parts = [`campaign${campaignId}`, what, query?.district, query?.date, query?.team?.replace(/[^0-9A-Za-z-]+/g, '_')].filter(Boolean);
  return parts.join('_');
}

/**
 * The server writes a plan's messages in both languages, "中文 / English": the part of the language shown. The
 * Chinese part may hold a slash itself (计划 9 / 目标 21), so the English part is what follows the first slash after
 * which no Chinese is left.
 */
export function messageIn(message: string, language: 'zh-CN' | 'en'): string {
  const han = /\p{Script=Han}/u;
  // The server writes the slash with or without a space before it (…处）/ every shift …).
  for (const match of message.matchAll(/\s*\/\s*/g)) {
    const chinese = message.slice(0, match.index);
    const english = message.slice(match.index + match[0].length);
    if (english && !han.test(english) && han.test(chinese)) return language === 'en' ? english : chinese;
  }
  return message;
}
