import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { listAudit } from '../../db/queries/audit.js';
import type { Database } from '../../db/client.js';
import { replayInspectionDraw, seedCommitment } from '../../server/services/draws.js';
import { storedDrawRecord } from '../../server/services/campaign-plans.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

let app: TestApp;
let database: Database;
let planner: string;
let leader: string;
let wall: string;

const PUTUO = '310107';
const JINGAN = '310106';

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ planner, leader, wall } = await roleCookies(app));
});

const definition = (overrides: Record<string, unknown> = {}) => ({
  name: '2027年寒假校外培训专项治理（方案测试）',
  type: 'winter_vacation',
  // A Friday (school day, one evening shift) and a vacation weekend (two shifts a day).
  startsOn: '2027-01-22',
  endsOn: '2027-01-24',
  districts: [PUTUO, JINGAN],
  focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'licences'] },
  goals: { drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 95 },
  ...overrides,
});

const fast = { routeTimeLimit: 0.05, seed: '2027寒假-测试' };

async function createDraft(cookie = planner, body: unknown = definition()): Promise<{ id: number; version: number }> {
  const { status, body: campaign } = await sendJson(app, 'POST', '/api/campaigns', body, cookie);
  expect(status, JSON.stringify(campaign)).toBe(201);
  return { id: campaign.id, version: campaign.version };
}

async function runPlan(id: number, version: number, settings: Record<string, unknown> = fast, cookie = planner) {
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version, settings }, cookie);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  expect(started.body).toMatchObject({ kind: 'campaign-plan', campaignId: id });
  for (let i = 0; i < 600; i++) {
    const { status, body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, cookie);
    expect(status).toBe(200);
    if (body.status === 'done') return { job: body, plan: body.result };
    if (body.status === 'failed' || body.status === 'cancelled') throw new Error(`planning job ${body.status}: ${JSON.stringify(body.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning job did not finish');
}

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 100 });
  return entries.filter((e) => e.id > sinceId).reverse();
}

describe('planning a campaign', () => {
  let campaign: { id: number; version: number };
  let plan: any;
  let since: number;

  beforeAll(async () => {
    campaign = await createDraft();
    since = await lastAuditId();
    ({ plan } = await runPlan(campaign.id, campaign.version));
  });

  test('the job ends with a plan of targets with reasons, teams with routes and a stored copy', async () => {
    expect(plan).toMatchObject({ campaignId: campaign.id, campaignVersion: 1, createdBy: 'planner' });
    expect(plan.shifts.map((s: any) => s.id)).toEqual(['2027-01-22#1', '2027-01-23#1', '2027-01-23#2', '2027-01-24#1', '2027-01-24#2']);
    expect(plan.shifts[0]).toMatchObject({ start: '17:30', end: '21:00', dayType: 'vacation_day' === plan.shifts[0].dayType ? 'vacation_day' : plan.shifts[0].dayType });
    const sources = new Set(plan.targets.map((t: any) => t.source));
    expect(sources.has('priority')).toBe(true);
    expect(sources.has('random_draw')).toBe(true);
    for (const t of plan.targets) {
      expect(t.reasons.length).toBeGreaterThan(0);
      expect([PUTUO, JINGAN]).toContain(t.districtCode);
      if (t.kind === 'gridCell') {
        expect(t.serviceMinutes).toBeGreaterThanOrEqual(10);
        expect(t.serviceMinutes).toBeLessThanOrEqual(15);
        expect(t.visits).toBe(2);
      } else expect(t.serviceMinutes).toBe(20);
    }
    const served = plan.teams.flatMap((t: any) => t.stops);
    expect(served.length).toBeGreaterThan(0);
    for (const team of plan.teams) {
      expect(team.members.length).toBeGreaterThanOrEqual(2);
      expect(team.members.some((m: any) => m.lead && m.departmentCode === 'education')).toBe(true);
      expect(team.id).toMatch(/^\d{6}\/\d{4}-\d{2}-\d{2}\/\d+#\d+$/);
      for (const stop of team.stops) expect(stop.eta <= stop.departure).toBe(true);
    }
    // At most three teams per district and shift (the default), each with at most eight stops.
    const perShift = new Map<string, number>();
    for (const team of plan.teams) perShift.set(`${team.districtCode}/${team.shiftId}`, (perShift.get(`${team.districtCode}/${team.shiftId}`) ?? 0) + 1);
    expect(Math.max(...perShift.values())).toBeLessThanOrEqual(3);
    expect(Math.max(...plan.teams.map((t: any) => t.stops.length))).toBeLessThanOrEqual(8);
    // A stop of an institution with hours is within them on the shift's day type.
    const byKey = new Map(plan.targets.map((t: any) => [t.key, t]));
    const dayType = new Map(plan.shifts.map((s: any) => [s.id, s.dayType]));
    for (const team of plan.teams)
      for (const stop of team.stops) {
        const t: any = byKey.get(stop.targetKey);
        const school = ['school_day', 'makeup_workday'].includes(dayType.get(team.shiftId) as string);
        const [opens, closes] = school ? [t.opens, t.closes] : [t.weekendOpens, t.weekendCloses];
        if (opens) expect(stop.eta >= opens && stop.departure <= closes, `${stop.targetKey} ${stop.eta}–${stop.departure} in ${opens}–${closes}`).toBe(true);
      }
    expect(plan.load.officers.length).toBeGreaterThan(0);
    expect(plan.goals.map((g: any) => g.goal)).toEqual(['coverTierA', 'drawPercent', 'hotCellVisits']);
    const stored = await getJson(app, `/api/campaigns/${campaign.id}/plan`, planner);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(plan);
  });

  test('the draw commitment is audited before the draw, the plan after it, and the stored draw replays', async () => {
    const entries = await auditSince(since);
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['campaign.draw.commit', 'campaign_plan', String(campaign.id)],
      ['campaign.plan', 'campaign_plan', String(campaign.id)],
    ]);
    const [commit] = entries;
    expect(plan.draw.commitAuditId).toBe(commit.id);
    expect(plan.draw.seed).toBe(fast.seed);
    expect(plan.draw.seedCommitment).toBe(seedCommitment(fast.seed));
    expect(commit.after).toMatchObject({ seedCommitment: plan.draw.seedCommitment, poolHash: plan.draw.poolHash, poolSize: plan.draw.poolSize });
    const record = (await storedDrawRecord({ database }, campaign.id, 1))!;
    const replay = replayInspectionDraw(record.result, record.input);
    expect(replay).toEqual({ ok: true, issues: [] });
    expect(record.result.drawn.map((id) => `institution:${id}`)).toEqual(plan.draw.drawnKeys);
    // A pool that has changed since the commitment does not replay.
    const gone = record.result.drawn[0];
    const tampered = replayInspectionDraw(record.result, { ...record.input, registry: record.input.registry.filter((e) => e.id !== gone) });
    expect(tampered.ok).toBe(false);
    // Nothing on the priority list was drawn.
    const priority = new Set(plan.targets.filter((t: any) => t.source === 'priority').map((t: any) => t.key));
    expect(plan.draw.drawnKeys.some((k: string) => priority.has(k))).toBe(false);
  });

  test('the same seed and data give the same plan', async () => {
    const again = await createDraft();
    const { plan: second } = await runPlan(again.id, again.version);
    expect(second.draw.drawnKeys).toEqual(plan.draw.drawnKeys);
    expect(second.targets.map((t: any) => t.key)).toEqual(plan.targets.map((t: any) => t.key));
    expect(second.teams.map((t: any) => t.members.map((m: any) => m.officerId))).toEqual(plan.teams.map((t: any) => t.members.map((m: any) => m.officerId)));
  });

  test('re-planning one district-day changes only that district-day and is audited', async () => {
    const before = (await getJson(app, `/api/campaigns/${campaign.id}/plan`, planner)).body;
    const mark = await lastAuditId();
    const started = Date.now();
    const { status, body } = await sendJson(app, 'POST', `/api/campaigns/${campaign.id}/plan/replan`, { version: 1, district: PUTUO, date: '2027-01-23' }, planner);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    const outside = (p: any) => p.teams.filter((t: any) => !(t.districtCode === PUTUO && t.date === '2027-01-23'));
    expect(outside(body)).toEqual(outside(before));
    const keysOfDay = (p: any) =>
      [...p.teams.filter((t: any) => t.districtCode === PUTUO && t.date === '2027-01-23').flatMap((t: any) => t.stops.map((s: any) => s.targetKey)),
        ...p.unassigned.filter((u: any) => u.districtCode === PUTUO && u.shiftId?.startsWith('2027-01-23')).map((u: any) => u.targetKey)].sort();
    expect(keysOfDay(body)).toEqual(keysOfDay(before));
    expect(body.draw).toEqual(before.draw);
    expect((await getJson(app, `/api/campaigns/${campaign.id}/plan`, planner)).body).toEqual(body);
    expect((await auditSince(mark)).map((e) => e.action)).toEqual(['campaign.replan']);
  });

  test.each([
    ['a district not in the campaign', { district: '310101', date: '2027-01-23' }, 422],
    ['a day outside the campaign', { district: PUTUO, date: '2027-02-23' }, 422],
    ['a stale version', { version: 7, district: PUTUO, date: '2027-01-23' }, 409],
  ])('re-planning %s is refused', async (_what, body, status) => {
    const answer = await sendJson(app, 'POST', `/api/campaigns/${campaign.id}/plan/replan`, { version: 1, ...body }, planner);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  });
});

describe('refusals', () => {
  test('an unknown campaign is 404, its plan before planning 404, another user\'s job 404', async () => {
    expect((await sendJson(app, 'POST', '/api/campaigns/999999/plan/jobs', { version: 1 }, planner)).status).toBe(404);
    expect((await getJson(app, '/api/campaigns/999999/plan', planner)).status).toBe(404);
    const { id } = await createDraft();
    expect((await getJson(app, `/api/campaigns/${id}/plan`, planner)).status).toBe(404);
    expect((await getJson(app, `/api/campaigns/${id}/plan/jobs/00000000-0000-4000-8000-000000000000`, planner)).status).toBe(404);
  });

  test('a stale version and a campaign that is no longer a draft are 409; nothing is planned', async () => {
    const { id, version } = await createDraft();
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version: version + 1 }, planner)).status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action: 'submit', version }, planner)).status).toBe(200);
    const answer = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version, settings: fast }, planner);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('draft');
    expect((await getJson(app, `/api/campaigns/${id}/plan`, planner)).status).toBe(404);
  });

  test('a district leader may not plan a campaign that reaches beyond the district; the wall display plans nothing', async () => {
    const { id, version } = await createDraft();
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version }, leader)).status).toBe(403);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/plan/replan`, { version, district: PUTUO, date: '2027-01-23' }, leader)).status).toBe(403);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version }, wall)).status).toBe(403);
  });

  test.each([
    ['an unknown setting', { version: 1, settings: { teams: 3 } }],
    ['a zero team count', { version: 1, settings: { teamsPerDistrictShift: 0 } }],
    ['a seed with spaces only', { version: 1, settings: { seed: '   ' } }],
    ['no version', { settings: {} }],
  ])('%s is a 400', async (_what, body) => {
    const { id } = await createDraft();
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, body, planner)).status).toBe(400);
  });
});

describe('a district whose officers cannot be sent', () => {
  test('expired certificates only: the plan says so and every target of the district is no_team', async () => {
    const { id, version } = await createDraft(planner, definition({ districts: [JINGAN] }));
    const saved = await database.db.execute(sql`SELECT id, certificate_expires_on::text AS d FROM officers WHERE district_code = ${JINGAN}`);
    await database.db.execute(sql`UPDATE officers SET certificate_expires_on = '2026-01-01' WHERE district_code = ${JINGAN}`);
    try {
      const { plan } = await runPlan(id, version);
      expect(plan.teams).toEqual([]);
      expect(plan.warnings.join('\n')).toContain('expired certificates');
      const reasons = new Set(plan.unassigned.filter((u: any) => u.shiftId !== null).map((u: any) => u.reason));
      expect([...reasons]).toEqual(['no_team']);
      expect(plan.unassigned.find((u: any) => u.reason === 'no_team').message).toMatch(/执法证过期|certificate/);
    } finally {
      for (const row of saved.rows as { id: number; d: string }[])
        await database.db.execute(sql`UPDATE officers SET certificate_expires_on = ${row.d}::date WHERE id = ${row.id}`);
    }
  });
});
