import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import type { CampaignPlan } from '../../server/contract/campaign-plans.js';
import { wallOverviewSchema, type WallOverview } from '../../server/contract/wall.js';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase, testPassword } from '../support/db.js';
import { createUser } from '../support/field-fixture.js';
import { insertCheckIn, plannedCampaign } from '../support/field-rows.js';

// The wall's read on the campaign's day at 10:00 in Shanghai: today's planned and done stops per district, the teams
// under way, the ranking by the report's formula, the last hour's trails, the scope of a district account.

const NOW = new Date('2027-01-23T02:00:00Z'); // 10:00 Asia/Shanghai
let app: TestApp;
let database: Database;
let admin: string;
let wall: string;
let campaignId: number;
let plan: CampaignPlan;

beforeAll(async () => {
  app = await testApp({ now: () => NOW });
  database = await testDatabase();
  admin = await loginCookie(app, 'admin');
  const planner = await loginCookie(app, 'planner');
  ({ campaignId, plan } = await plannedCampaign(app, planner, '大屏测试'));
  for (const [action, who] of [['submit', planner], ['approve', admin], ['activate', planner]] as const)
    expect((await sendJson(app, 'POST', `/api/campaigns/${campaignId}/transitions`, { action, version: 1 }, who)).status).toBe(200);
  wall = await loginCookie(app, 'wall');
}, 240_000);

const overview = async (cookie: string): Promise<WallOverview> => {
  const { status, body } = await getJson(app, '/api/wall/overview', cookie);
  expect(status, JSON.stringify(body)).toBe(200);
  return wallOverviewSchema.parse(body);
};

describe('GET /api/wall/overview', () => {
  test('today: the active campaign, its planned stops per district, teams under way, the day type', async () => {
    const o = await overview(wall);
    expect(o.date).toBe('2027-01-23');
    expect(o.day.date).toBe('2027-01-23');
    expect(o.campaign?.id).toBe(campaignId);
    const planned = plan.teams.filter((t) => t.date === '2027-01-23').reduce((n, t) => n + t.stops.length, 0);
    expect(o.totals.planned).toBe(planned);
    expect(o.totals.done).toBe(0);
    expect(o.districts.reduce((n, d) => n + d.planned, 0)).toBe(planned);
    const shifts = new Map(plan.shifts.map((s) => [s.id, s]));
    const underWay = plan.teams.filter((t) => t.date === '2027-01-23' && t.stops.length > 0 && shifts.get(t.shiftId)!.start <= '10:00' && '10:00' < shifts.get(t.shiftId)!.end).length;
    expect(o.totals.activeTeams).toBe(underWay);
    expect(o.teams.length).toBe(plan.teams.filter((t) => t.date === '2027-01-23').length);
    expect(o.teams.every((t) => t.line.length === 0 || t.line.length >= 2)).toBe(true);
    expect(o.ranking.map((r) => r.districtCode).sort()).toEqual(['310106', '310107']);
  });

  test('a check-in moves done, the ranking and the trails; the answer is fresh after the event', async () => {
    const team = plan.teams.find((t) => t.date === '2027-01-23' && t.stops.length >= 2)!;
    await insertCheckIn(database, { campaignId, team, targetKey: team.stops[0].targetKey, result: 'compliant', cosigned: true, far: false, at: '2027-01-23T01:20:00Z', position: [121.40, 31.25] });
    await insertCheckIn(database, { campaignId, team, targetKey: team.stops[1].targetKey, result: 'rectify', cosigned: false, far: false, at: '2027-01-23T01:50:00Z', position: [121.41, 31.26] });
    // Rows inserted without an event: the answer kept for the last event id is still served …
    const before = await overview(wall);
    // … until an event is announced, as every write of the product does.
    await sendJson(app, 'POST', '/api/clues', { source: '12345', reportedAt: '2027-01-23T09:30:00+08:00', geometry: { type: 'Point', coordinates: [121.3975, 31.2495] }, address: '普陀区 测试路 3 号', description: '疑似无证培训', suspectedType: 'residential_flat' }, admin);
    const o = await overview(wall);
    expect(o.totals.done).toBe(before.totals.done + 2);
    expect(o.totals.confirmed).toBe(before.totals.confirmed + 1);
    expect(o.totals.cluesReceived).toBe(before.totals.cluesReceived + 1);
    const row = o.ranking.find((r) => r.districtCode === team.districtCode)!;
    expect(row.completion).toBeGreaterThan(0);
    expect(row.confirmationShare).toBe(0.5);
    expect(row.rank).toBe(1);
    const trail = o.trails.find((t) => t.teamId === team.id)!;
    expect(trail.path).toEqual([[121.40, 31.25], [121.41, 31.26]]);
    expect(trail.seconds).toEqual([20 * 60, 50 * 60]);
    expect(o.recentEvents[0].kind).toBe('clue.created');
  });

  test('a district account sees its district only', async () => {
    await createUser(database, 'wall_leader_310106', 'leader', '310106');
    const o = await overview(await loginCookie(app, 'wall_leader_310106', testPassword));
    expect(o.districtCode).toBe('310106');
    expect(o.districts.map((d) => d.districtCode)).toEqual(['310106']);
    expect(o.teams.every((t) => t.districtCode === '310106')).toBe(true);
    expect(o.ranking.map((r) => r.districtCode)).toEqual(['310106']);
    expect(o.recentEvents.every((e) => e.districtCode === null || e.districtCode === '310106')).toBe(true);
  });

  test('without a session: 401', async () => {
    expect((await getJson(app, '/api/wall/overview')).status).toBe(401);
  });
});
