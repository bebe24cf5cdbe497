import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { pastInspectionsOf } from '../../db/queries/campaign-plans.js';
import { cityWide } from '../../db/queries/queryable.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// 回避: an officer is not sent to a target they inspected in the last N campaigns, read from the stored plans of the
// approved, active or closed campaigns.

let app: TestApp;
let database: Database;
let planner: string;
let admin: string;

const PUTUO = '310107';
const JINGAN = '310106';

const definition = {
  name: '2027年寒假校外培训专项治理（回避测试）',
  type: 'winter_vacation',
  startsOn: '2027-01-22',
  endsOn: '2027-01-24',
  districts: [PUTUO],
  focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'licences'] },
  goals: { drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 95 },
};
const settings = { routeTimeLimit: 0.05, seed: '2027寒假-回避' };

const created: number[] = [];

async function createDraft(): Promise<{ id: number; version: number }> {
  const { status, body } = await sendJson(app, 'POST', '/api/campaigns', definition, planner);
  expect(status, JSON.stringify(body)).toBe(201);
  created.push(body.id);
  return { id: body.id, version: body.version };
}

async function runPlan(id: number, version: number, extra: Record<string, unknown> = {}) {
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version, settings: { ...settings, ...extra } }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const { body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') return body.result;
    if (body.status === 'failed' || body.status === 'cancelled') throw new Error(`planning job ${body.status}: ${JSON.stringify(body.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning job did not finish');
}

const step = async (cookie: string, id: number, action: string, version: number) => {
  const answer = await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action, version }, cookie);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
};

/** `officerId|targetKey` of every member and stop of the plan's teams. */
const visitsOf = (plan: any) => new Set<string>(plan.teams.flatMap((t: any) => t.members.flatMap((m: any) => t.stops.map((s: any) => `${m.officerId}|${s.targetKey}`))));
const membersOf = (plan: any) => plan.teams.map((t: any) => [t.id, t.members.map((m: any) => m.officerId)]);
const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((k) => b.has(k));

describe('recusal from the targets inspected in the recent campaigns', () => {
  let first: any;
  let firstVisits: Set<string>;
  let firstId: number;

  beforeAll(async () => {
    app = await testApp();
    database = await testDatabase();
    ({ planner, admin } = await roleCookies(app));
    const campaign = await createDraft();
    firstId = campaign.id;
    first = await runPlan(campaign.id, campaign.version);
    firstVisits = visitsOf(first);
    expect(firstVisits.size).toBeGreaterThan(0);
  });

  // The campaigns of this file leave the shared test database as they found it for the other files.
  afterAll(async () => {
    if (created.length) await database.db.execute(sql`DELETE FROM campaign_plans WHERE campaign_id IN (${sql.join(created.map((id) => sql`${id}`), sql`, `)})`);
  });

  test('a draft campaign\'s plan is no past inspection; once approved its stops are, per member, on the team\'s date', async () => {
    expect(await pastInspectionsOf(database, { scope: cityWide, district: PUTUO, exceptCampaignId: -1 })).toEqual([]);
    await step(planner, firstId, 'submit', 1);
    // Not by the planner who submitted it (no self-approval).
    await step(admin, firstId, 'approve', 1);
    const rows = await pastInspectionsOf(database, { scope: cityWide, district: PUTUO, exceptCampaignId: -1 });
    const expected = first.teams.flatMap((t: any) =>
      t.members.flatMap((m: any) =>
        t.stops.map((s: any) => {
          const [kind, id] = s.targetKey.split(':');
          return { officerId: m.officerId, targetKind: kind, targetId: Number(id), campaignId: firstId, inspectedOn: t.date };
        }),
      ),
    );
    const key = (r: any) => `${r.officerId}|${r.targetKind}:${r.targetId}|${r.inspectedOn}`;
    expect(rows.map(key).sort()).toEqual([...new Set(expected.map(key))].sort());
    expect(rows.every((r) => r.campaignId === firstId)).toBe(true);
    // The campaign being planned is not its own past; another district's officers have none; nor does a district user
    // of another district see these.
    expect(await pastInspectionsOf(database, { scope: cityWide, district: PUTUO, exceptCampaignId: firstId })).toEqual([]);
    expect(await pastInspectionsOf(database, { scope: cityWide, district: JINGAN, exceptCampaignId: -1 })).toEqual([]);
    expect(await pastInspectionsOf(database, { scope: { districtCode: JINGAN }, district: PUTUO, exceptCampaignId: -1 })).toEqual([]);
  });

  test('with the same seed, no officer of the next campaign visits a target they visited in the approved one', async () => {
    const second = await createDraft();
    const plan = await runPlan(second.id, second.version);
    expect(plan.settings.recentCampaigns).toBe(2);
    // Same targets (same seed and data), other officers on them.
    expect(plan.targets.map((t: any) => t.key)).toEqual(first.targets.map((t: any) => t.key));
    expect(overlap(visitsOf(plan), firstVisits)).toEqual([]);
    expect(membersOf(plan)).not.toEqual(membersOf(first));
    // Where the recusal left a seat empty, the failure reason counts the recused officers.
    for (const u of plan.unassigned.filter((x: any) => x.reason === 'no_team' && /recused/.test(x.message)))
      expect(u.message).toMatch(/inspected recently [1-9]/);
  });

  test('recentCampaigns 0 turns the rule off: the same seed draws the same officers onto the same targets', async () => {
    const third = await createDraft();
    const plan = await runPlan(third.id, third.version, { recentCampaigns: 0 });
    expect(membersOf(plan)).toEqual(membersOf(first));
    expect(overlap(visitsOf(plan), firstVisits).length).toBe(firstVisits.size);
    expect(plan.unassigned.some((u: any) => /inspected recently [1-9]/.test(u.message))).toBe(false);
  });

  test.each([
    ['a negative count', -1],
    ['more than ten', 11],
    ['a fraction', 1.5],
  ])('recentCampaigns as %s is a 400', async (_what, recentCampaigns) => {
    const { id, version } = await createDraft();
    const answer = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version, settings: { recentCampaigns } }, planner);
    expect(answer.status).toBe(400);
  });
});
