import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { CampaignPlan } from '../../server/contract/campaign-plans.js';
import type { CampaignProgress } from '../../server/contract/campaign-progress.js';
import { getJson, loginCookie, testApp, type TestApp } from '../support/api.js';
import { testDatabase, testPassword } from '../support/db.js';
import { createUser } from '../support/field-fixture.js';
import { insertArrival, insertCheckIn, plannedCampaign } from '../support/field-rows.js';

let app: TestApp;
let database: Database;
let admin: string;
let campaignId: number;
let plan: CampaignPlan;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  admin = await loginCookie(app, 'admin');
  ({ campaignId, plan } = await plannedCampaign(app, admin));
}, 240_000);

describe('GET /api/campaigns/{id}/progress', () => {
  test('before any check-in: everything planned, nothing done, no position', async () => {
    const { status, body } = await getJson(app, `/api/campaigns/${campaignId}/progress`, admin);
    expect(status, JSON.stringify(body)).toBe(200);
    const p = body as CampaignProgress;
    const stops = plan.teams.reduce((n, t) => n + t.stops.length, 0);
    expect(p.totals).toEqual({ planned: stops, done: 0, confirmed: 0, pending: 0, far: 0 });
    expect(p.teams).toHaveLength(plan.teams.length);
    expect(p.teams.every((t) => t.lastPosition === null && t.done === 0)).toBe(true);
    expect(p.stops).toHaveLength(stops);
    expect(p.results.every((r) => r.count === 0)).toBe(true);
    expect(p.lastActivityAt).toBeNull();
  });

  test('counts check-ins and arrivals inserted as rows: done, confirmed, 待确认, far, results, last positions', async () => {
    // The team with three stops may be of either district (the draw decides); its district's leader checks the scope.
    const putuo = plan.teams.find((t) => t.stops.length >= 3)!;
    expect(putuo, 'a team with three stops').toBeDefined();
    const home = putuo.districtCode;
    const other = plan.teams.find((t) => t.districtCode !== home && t.stops.length >= 1)!;
    expect(other, 'a team of the other district').toBeDefined();
    await createUser(database, `progress_leader_${home}`, 'leader', home);
    const homeLeader = await loginCookie(app, `progress_leader_${home}`, testPassword);
    const [s1, s2, s3] = putuo.stops;
    await insertCheckIn(database, { campaignId, team: putuo, targetKey: s1.targetKey, result: 'compliant', cosigned: true, far: false, at: '2026-11-01T01:00:00Z', position: [121.40, 31.25] });
    await insertCheckIn(database, { campaignId, team: putuo, targetKey: s2.targetKey, result: 'rectify', cosigned: false, far: true, at: '2026-11-01T02:00:00Z', position: [121.41, 31.26] });
    await insertArrival(database, { campaignId, team: putuo, targetKey: s3.targetKey, at: '2026-11-01T02:30:00Z', position: [121.42, 31.27] });
    await insertCheckIn(database, { campaignId, team: other, targetKey: other.stops[0].targetKey, result: 'case', cosigned: true, far: false, at: '2026-11-01T03:00:00Z', position: [121.5, 31.2] });

    const p = (await getJson(app, `/api/campaigns/${campaignId}/progress`, admin)).body as CampaignProgress;
    const stops = plan.teams.reduce((n, t) => n + t.stops.length, 0);
    expect(p.totals).toEqual({ planned: stops, done: 3, confirmed: 2, pending: 1, far: 1 });
    const team = p.teams.find((t) => t.teamId === putuo.id)!;
    expect(team).toMatchObject({ planned: putuo.stops.length, done: 2, confirmed: 1, pending: 1, far: 1 });
    // The arrival at the third stop is newer than the last check-in: it is where the team is.
    expect(team.lastPosition).toEqual({ location: [121.42, 31.27], at: '2026-11-01T02:30:00.000Z', source: 'arrival', targetKey: s3.targetKey });
    const putuoDistrict = p.districts.find((d) => d.districtCode === home)!;
    const putuoPlanned = plan.teams.filter((t) => t.districtCode === home).reduce((n, t) => n + t.stops.length, 0);
    expect(putuoDistrict).toEqual({ districtCode: home, planned: putuoPlanned, done: 2, confirmed: 1, pending: 1, far: 1 });
    const shift = p.shifts.find((s) => s.shiftId === putuo.shiftId)!;
    expect(shift.done).toBeGreaterThanOrEqual(2);
    expect(Object.fromEntries(p.results.map((r) => [r.result, r.count]))).toEqual({ compliant: 1, rectify: 1, case: 1, banned: 0, not_open: 0, no_entry: 0 });
    expect(p.stops.find((s) => s.teamId === putuo.id && s.targetKey === s1.targetKey)).toMatchObject({ result: 'compliant', confirmed: true, far: false, order: 1 });
    expect(p.stops.find((s) => s.teamId === putuo.id && s.targetKey === s3.targetKey)).toMatchObject({ result: null, order: 3 });
    expect(p.lastActivityAt).toBe('2026-11-01T03:00:00.000Z');

    // The district's leader sees that district only.
    const mine = (await getJson(app, `/api/campaigns/${campaignId}/progress`, homeLeader)).body as CampaignProgress;
    expect(mine.totals).toEqual({ planned: putuoPlanned, done: 2, confirmed: 1, pending: 1, far: 1 });
    expect(mine.teams.every((t) => t.districtCode === home)).toBe(true);
    expect(mine.districts.map((d) => d.districtCode)).toEqual([home]);
    expect(mine.stops.every((s) => s.teamId.startsWith(`${home}/`))).toBe(true);
    expect(mine.results.find((r) => r.result === 'case')!.count).toBe(0);
  });

  test('an unknown campaign is 404; no session is 401', async () => {
    expect((await getJson(app, '/api/campaigns/999999/progress', admin)).status).toBe(404);
    expect((await getJson(app, `/api/campaigns/${campaignId}/progress`)).status).toBe(401);
  });

  test('the rows were inserted where the query reads them (a sanity check of the helper)', async () => {
    const rows = await database.rows(sql`SELECT count(*) AS n FROM check_ins WHERE campaign_id = ${campaignId}`);
    expect(Number(rows[0].n)).toBe(3);
  });
});
