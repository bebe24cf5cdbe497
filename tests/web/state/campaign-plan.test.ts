import { describe, expect, test } from 'vitest';
import {
  assignedKeys,
  dispatchQueryOf,
  emptyPlanView,
  filterTargets,
  idleRun,
  messageIn,
  outputFileName,
  planDays,
  planDistricts,
  planRunReducer,
  planSettingsBody,
  planSettingsForm,
  planSummary,
  planViewReducer,
  runProgress,
  shiftsByDate,
  spreadText,
  viewFor,
  visibleTeams,
  type CampaignPlanJob,
} from '../../../web/state/campaign-plan.js';
import { campaignPlanSchema } from '../../../server/contract/campaign-plans.js';
import { campaignPlanFixture } from '../../fixtures/campaign-plan.js';

const plan = campaignPlanFixture(7, 2);
const job = (over: Partial<CampaignPlanJob>): CampaignPlanJob => ({ id: 'j1', status: 'running', progress: 0.2, ...over });

describe('plan settings form', () => {
  test('starts from the contract defaults without a plan, and from the stored settings with one', () => {
    expect(planSettingsForm(null)).toEqual({ teamsPerDistrictShift: '3', maxStopsPerTeam: '8', drawWeighting: 'risk_tier', excludeInspectedDays: '30', recentCampaigns: '2', avoidOwnStreet: false, seed: '' });
    expect(planSettingsForm(plan)).toMatchObject({ teamsPerDistrictShift: '2', maxStopsPerTeam: '3', avoidOwnStreet: true, seed: '2027寒假-黄浦静安' });
  });

  test('gives the body the server takes, without an empty seed', () => {
    const result = planSettingsBody({ ...planSettingsForm(null), seed: '  ' });
    expect(result).toEqual({ ok: true, body: { teamsPerDistrictShift: 3, maxStopsPerTeam: 8, drawWeighting: 'risk_tier', excludeInspectedDays: 30, recentCampaigns: 2, avoidOwnStreet: false } });
    expect(planSettingsBody({ ...planSettingsForm(null), seed: ' s-1 ' })).toMatchObject({ ok: true, body: { seed: 's-1' } });
  });

  test('refuses what the contract refuses, naming each field once', () => {
    const form = { ...planSettingsForm(null), teamsPerDistrictShift: '0', maxStopsPerTeam: '2.5', excludeInspectedDays: '366', recentCampaigns: '11', seed: 'x'.repeat(129) };
    const result = planSettingsBody(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([...result.fields].sort()).toEqual(['excludeInspectedDays', 'maxStopsPerTeam', 'recentCampaigns', 'seed', 'teamsPerDistrictShift']);
    expect(planSettingsBody({ ...planSettingsForm(null), maxStopsPerTeam: '' })).toEqual({ ok: false, fields: ['maxStopsPerTeam'] });
    expect(planSettingsBody({ ...planSettingsForm(null), maxStopsPerTeam: 'abc' })).toEqual({ ok: false, fields: ['maxStopsPerTeam'] });
  });
});

describe('the planning job', () => {
  test('runs, reports progress by counts when it has them, and ends done', () => {
    let run = planRunReducer(idleRun, { type: 'started' });
    expect(runProgress(run)).toEqual({ fraction: 0, stage: null, done: null, total: null });
    run = planRunReducer(run, { type: 'jobUpdated', job: job({ stage: 'routes', done: 3, total: 12, progress: 0.9 }) });
    expect(runProgress(run)).toEqual({ fraction: 0.25, stage: 'routes', done: 3, total: 12 });
    run = planRunReducer(run, { type: 'jobUpdated', job: job({ progress: 0.4 }) });
    expect(runProgress(run).fraction).toBe(0.4);
    run = planRunReducer(run, { type: 'jobUpdated', job: job({ status: 'done', progress: 0.98 }) });
    expect(run.status).toBe('done');
    expect(runProgress(run).fraction).toBe(1);
  });

  test('a failed job keeps its code; a cancelled run ignores late polls', () => {
    const failed = planRunReducer(planRunReducer(idleRun, { type: 'started' }), { type: 'jobUpdated', job: job({ status: 'failed', error: { code: 'unprocessable', message: 'x' } }) });
    expect(failed).toMatchObject({ status: 'failed', code: 'unprocessable' });
    const cancelled = planRunReducer(planRunReducer(idleRun, { type: 'started' }), { type: 'cancelled' });
    expect(planRunReducer(cancelled, { type: 'jobUpdated', job: job({ status: 'done' }) })).toEqual({ status: 'cancelled' });
    expect(planRunReducer(idleRun, { type: 'failed', code: 'network' })).toBe(idleRun);
    expect(runProgress(planRunReducer(planRunReducer(idleRun, { type: 'started' }), { type: 'jobUpdated', job: job({ progress: Number.NaN }) })).fraction).toBe(0);
  });
});

describe('the stored plan', () => {
  test('the fixture is a plan as the contract defines it', () => {
    expect(campaignPlanSchema.safeParse(plan).error?.issues).toBeUndefined();
  });

  test('summary: targets by source, teams, assigned and unassigned, goals', () => {
    expect(planSummary(plan)).toEqual({
      bySource: { priority: 6, hot_cell: 2, random_draw: 8 },
      targets: 16,
      teams: 16,
      idleTeams: 2,
      assigned: assignedKeys(plan).size,
      unassigned: 2,
      goalsMet: 2,
      goals: 3,
    });
    expect(assignedKeys(plan).size).toBeGreaterThan(0);
  });

  test('filters targets by district and source', () => {
    expect(filterTargets(plan.targets, { district: '310106', source: null }).every((t) => t.districtCode === '310106')).toBe(true);
    expect(filterTargets(plan.targets, { district: '310106', source: 'hot_cell' })).toHaveLength(1);
    expect(filterTargets(plan.targets, { district: '310000', source: null })).toEqual([]);
    expect(planDistricts(plan)).toEqual(['310101', '310106']);
  });

  test('days with their shifts in order', () => {
    const shuffled = { ...plan, shifts: [...plan.shifts].reverse() };
    expect(planDays(shuffled).map((d) => [d.date, d.shifts.map((s) => s.start)])).toEqual([
      ['2027-01-25', ['08:30', '13:30']],
      ['2027-01-26', ['08:30', '13:30']],
    ]);
    expect(shiftsByDate(null).size).toBe(0);
    // Before a plan: the campaign's own shifts of the day's type, else the defaults, in clock order.
    const before = shiftsByDate(null, [{ date: '2027-01-22', type: 'school_day' }, { date: '2027-01-23', type: 'vacation_day' }], {
      vacation_day: [{ start: '14:00', end: '20:00' }, { start: '09:00', end: '12:00' }],
    });
    expect(before.get('2027-01-22')?.map((s) => `${s.id} ${s.start}–${s.end}`)).toEqual(['2027-01-22#1 17:30–21:00']);
    expect(before.get('2027-01-23')?.map((s) => `${s.start}–${s.end}`)).toEqual(['09:00–12:00', '14:00–20:00']);
    expect(shiftsByDate(plan).get('2027-01-26')).toHaveLength(2);
  });

  test('the view falls on the first planned day, and selecting a team brings its day', () => {
    const view = viewFor(plan, emptyPlanView);
    expect(view.date).toBe('2027-01-25');
    expect(visibleTeams(plan, view)).toHaveLength(8);
    const oneShift = planViewReducer(view, { type: 'shiftSelected', shiftId: '2027-01-25#2' });
    expect(visibleTeams(plan, oneShift).map((t) => t.shiftId)).toEqual(Array(4).fill('2027-01-25#2'));
    const jingan = planViewReducer(view, { type: 'districtSelected', district: '310106' });
    expect(visibleTeams(plan, jingan).map((t) => t.districtCode)).toEqual(Array(4).fill('310106'));
    const team = plan.teams.find((t) => t.date === '2027-01-26' && t.districtCode === '310101')!;
    const selected = planViewReducer(oneShift, { type: 'teamSelected', team });
    expect(selected).toEqual({ date: '2027-01-26', shiftId: team.shiftId, district: null, teamId: team.id });
    expect(planViewReducer(selected, { type: 'teamSelected', team }).teamId).toBeNull();
    expect(planViewReducer(selected, { type: 'daySelected', date: '2027-01-25' })).toEqual({ date: '2027-01-25', shiftId: null, district: null, teamId: null });
    // A day that is not in the plan (another campaign's) falls back to the first; a shift of it is dropped.
    expect(viewFor(plan, { date: '2030-01-01', shiftId: '2030-01-01#1', district: null, teamId: 'x' })).toEqual({ date: '2027-01-25', shiftId: null, district: null, teamId: null });
    expect(viewFor({ ...plan, shifts: [] }, view)).toEqual(emptyPlanView);
  });

  test('load spread, messages in the language shown, dispatch queries and file names', () => {
    expect(spreadText(plan.load.shifts)).toEqual({ ratio: '2.00', gini: '0.12' });
    expect(spreadText(plan.load.stops).ratio).toBe('—');
    expect(messageIn('只有 1 组 / only 1 of 3 teams', 'en')).toBe('only 1 of 3 teams');
    expect(messageIn('只有 1 组 / only 1 of 3 teams', 'zh-CN')).toBe('只有 1 组');
    expect(messageIn('one language only', 'en')).toBe('one language only');
    const both = '目标未达成 coverTierA：计划 9 / 目标 21 / goal not met: coverTierA planned 9 of 21';
    expect(messageIn(both, 'zh-CN')).toBe('目标未达成 coverTierA：计划 9 / 目标 21');
    expect(messageIn(both, 'en')).toBe('goal not met: coverTierA planned 9 of 21');
    expect(messageIn('各班次已满（每班次至多 2 组 × 3 处）/ every shift is full', 'en')).toBe('every shift is full');
    expect(messageIn('各班次已满（每班次至多 2 组 × 3 处）/ every shift is full', 'zh-CN')).toBe('各班次已满（每班次至多 2 组 × 3 处）');
    expect(messageIn('146 visit(s) unassigned: no_shift 48', 'zh-CN')).toBe('146 visit(s) unassigned: no_shift 48');
    const team = plan.teams[0];
    expect(dispatchQueryOf(team)).toEqual({ district: '310101', date: '2027-01-25', team: team.id });
    expect(outputFileName(7, 'dispatch', dispatchQueryOf(team))).toMatch(/^campaign7_dispatch_310101_2027-01-25_[0-9A-Za-z_-]+$/);
    expect(outputFileName(7, 'targets')).toBe('campaign7_targets');
  });
});
