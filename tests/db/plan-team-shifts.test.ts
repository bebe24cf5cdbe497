import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { saveCampaignPlan } from '../../db/queries/campaign-plans.js';
import { planTeams } from '../../db/queries/field.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { roleCookies, sendJson, testApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// plan_team_shifts is the database's own index of the stored plans' team-shifts (migration 0010): whatever writes a
// plan, the rows follow it, and planTeams reads them as it read the plan's JSON.

const PUTUO = '310107';
const JINGAN = '310106';

let database: Database;
let campaignId: number;
let userId: number;

const target = (key: string) => ({ key, kind: 'institution', name: key, location: [121.4, 31.2] });
const team = (id: string, districtCode: string, shiftId: string, officerIds: number[], stops: string[]) => ({
  id,
  districtCode,
  date: '2027-01-23',
  shiftId,
  members: officerIds.map((officerId, i) => ({ officerId, lead: i === 0 })),
  stops: stops.map((targetKey) => ({ targetKey, eta: '09:00' })),
});
const plan = (teams: unknown[]) => ({
  shifts: [
    { id: '2027-01-23#1', start: '08:30', end: '12:00' },
    { id: '2027-01-23#2', start: '13:30', end: '17:30' },
  ],
  targets: ['a', 'b', 'c', 'd'].map((k) => target(`institution:${k}`)),
  teams,
});
const save = (p: unknown, drawRecord: unknown = { input: {}, result: {} }) =>
  inTransaction(database, (tx) => saveCampaignPlan(tx, { campaignId, version: 1, plan: p, drawRecord, userId, at: new Date('2027-01-20T00:00:00Z') }));
const rows = async () =>
  (await database.rows(sql`SELECT team_id AS "teamId", district_code AS "districtCode", shift_start AS "shiftStart", officer_ids AS "officerIds", targets
                            FROM plan_team_shifts WHERE campaign_id = ${campaignId} ORDER BY ordinal`)) as { teamId: string; districtCode: string; shiftStart: string | null; officerIds: number[]; targets: { key: string }[] }[];

beforeAll(async () => {
  const app = await testApp();
  database = await testDatabase();
  const { planner } = await roleCookies(app);
  const created = await sendJson(app, 'POST', '/api/campaigns', {
    name: '2027年寒假（方案索引测试）',
    type: 'winter_vacation',
    startsOn: '2027-01-23',
    endsOn: '2027-01-23',
    districts: [PUTUO, JINGAN],
    focus: { suspectedTypes: [], checkItems: ['unlicensed'] },
    goals: { drawPercent: 5, hotCellVisits: 1 },
  }, planner);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  campaignId = created.body.id;
  userId = Number(((await database.rows(sql`SELECT id FROM users WHERE username = 'planner'`))[0] as { id: number }).id);
});

describe('the team-shifts of a stored plan', () => {
  test('one row per team with its shift, its officers and the targets of its stops in stop order', async () => {
    await save(plan([team('T1', PUTUO, '2027-01-23#1', [11, 12], ['institution:c', 'institution:a']), team('T2', JINGAN, '2027-01-23#2', [21], []), team('T3', PUTUO, 'no-such-shift', [31, 32], ['institution:a'])]));
    const stored = await rows();
    expect(stored.map((r) => [r.teamId, r.districtCode, r.shiftStart, r.officerIds])).toEqual([
      ['T1', PUTUO, '08:30', [11, 12]],
      ['T2', JINGAN, '13:30', [21]],
      ['T3', PUTUO, null, [31, 32]],
    ]);
    expect(stored.map((r) => r.targets.map((t) => t.key))).toEqual([['institution:c', 'institution:a'], [], ['institution:a']]);
  });

  test('rewriting the plan (a re-plan: the draw record kept) replaces the rows; planTeams reads them with the filters', async () => {
    await save(plan([team('T1', PUTUO, '2027-01-23#2', [12], ['institution:b']), team('T4', PUTUO, '2027-01-23#1', [11, 41], ['institution:d', 'institution:c'])]), null);
    expect((await rows()).map((r) => [r.teamId, r.shiftStart, r.targets.map((t) => t.key)])).toEqual([
      ['T1', '13:30', ['institution:b']],
      ['T4', '08:30', ['institution:d', 'institution:c']],
    ]);
    const mine = await planTeams(database, { campaignId, officerId: 11, districtCode: PUTUO });
    expect(mine.map((r) => (r.team as { id: string }).id)).toEqual(['T4']);
    expect(mine[0]).toMatchObject({ campaignId, campaignVersion: 1, campaignStatus: 'draft', campaignName: '2027年寒假（方案索引测试）' });
    // Ordered by date, then shift start: the morning team first.
    expect((await planTeams(database, { campaignId, districtCode: null })).map((r) => (r.team as { id: string }).id)).toEqual(['T4', 'T1']);
    expect(await planTeams(database, { campaignId, districtCode: JINGAN })).toEqual([]);
  });

  test('a plan write that rolls back leaves the rows as they were', async () => {
    const before = await rows();
    await expect(
      inTransaction(database, async (tx) => {
        await saveCampaignPlan(tx, { campaignId, version: 1, plan: plan([]), drawRecord: null, userId, at: new Date() });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rows()).toEqual(before);
  });

  test('deleting the plan deletes its rows', async () => {
    await database.rows(sql`DELETE FROM campaign_plans WHERE campaign_id = ${campaignId}`);
    expect(await rows()).toEqual([]);
  });
});
