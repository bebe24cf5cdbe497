import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { listAudit } from '../../db/queries/audit.js';
import type { Database } from '../../db/client.js';
import { getJson, loginCookie, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// A running campaign day: the clock is Saturday 2027-01-23 09:30 in Shanghai, an hour into the morning shift.
const NOW = new Date('2027-01-23T01:30:00Z');
const PUTUO = '310107';
const JINGAN = '310106';
const DATE = '2027-01-23';

let app: TestApp;
let database: Database;
let cookies: Awaited<ReturnType<typeof roleCookies>>;

const definition = (districts = [PUTUO]) => ({
  name: '2027年寒假校外培训专项治理（调整测试）',
  type: 'winter_vacation',
  startsOn: DATE,
  endsOn: DATE,
  districts,
  focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'licences'] },
  goals: { drawPercent: 5, hotCellVisits: 1, hotCellConfidence: 95 },
});

async function plannedCampaign(districts = [PUTUO], activate = true): Promise<{ id: number; plan: any }> {
  const { planner, admin } = cookies;
  const created = await sendJson(app, 'POST', '/api/campaigns', definition(districts), planner);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version: 1, settings: { routeTimeLimit: 0.05, seed: '调整测试', recentCampaigns: 0 } }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const { body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') break;
    if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action: 'submit', version: 1 }, planner)).status).toBe(200);
  expect((await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action: 'approve', version: 1 }, admin)).status).toBe(200);
  if (activate) expect((await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action: 'activate', version: 1 }, planner)).status).toBe(200);
  return { id, plan: (await getJson(app, `/api/campaigns/${id}/plan`, planner)).body };
}

/** A check-in row as the phone page would leave it (the check-in routes are tested on their own). */
async function checkIn(campaignId: number, team: any, targetKey: string, at: Date) {
  const officer = team.members[0].officerId;
  await database.db.execute(sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result, findings,
                           far_from_target, checked_at, received_at, recorded_by_officer, recorded_by_user)
    VALUES (gen_random_uuid(), 'test', ${campaignId}, 1, ${team.id}, ${targetKey}, ${team.districtCode}, 'compliant', '[]'::jsonb,
            false, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${officer}, (SELECT id FROM users WHERE username = 'planner'))`);
}

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
const lastEventId = async () => Number(((await database.db.execute(sql`SELECT COALESCE(max(id), 0) AS id FROM live_events`)).rows[0] as { id: number | string }).id);
const eventsAfter = async (id: number) => (await database.db.execute(sql`SELECT kind, district_code AS "districtCode", campaign_id AS "campaignId", payload FROM live_events WHERE id > ${id} ORDER BY id`)).rows as any[];
const storedPlan = async (id: number) => (await getJson(app, `/api/campaigns/${id}/plan`, cookies.planner)).body;
const replan = (id: number, body: Record<string, unknown>, cookie = cookies.planner) =>
  sendJson(app, 'POST', `/api/campaigns/${id}/plan/teams/replan`, { version: 1, district: PUTUO, date: DATE, ...body }, cookie);
const morning = (plan: any) => plan.teams.filter((t: any) => t.districtCode === PUTUO && t.shiftId === `${DATE}#1` && t.stops.length >= 2);

beforeAll(async () => {
  app = await testApp({ now: () => NOW });
  database = await testDatabase();
  cookies = await roleCookies(app);
});

describe('re-planning a running day', () => {
  let campaign: { id: number; plan: any };
  /** The first test's team as planned, its first stop checked in. */
  let checkedInTeam: any;
  beforeAll(async () => {
    campaign = await plannedCampaign();
  });

  test('an officer out: the done stop stays first, the change is audited and announced, the teams carry replannedAt', async () => {
    const team = morning(campaign.plan)[0];
    expect(team, 'a morning team with two stops').toBeDefined();
    checkedInTeam = team;
    const first = team.stops[0].targetKey;
    await checkIn(campaign.id, team, first, new Date('2027-01-23T01:10:00Z'));
    const leaving = team.members.find((m: any) => !m.lead) ?? team.members[1];
    const [audit, event] = [await lastAuditId(), await lastEventId()];
    const answer = await replan(campaign.id, { event: { kind: 'officer_out', officerId: leaving.officerId } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.teamIds).toContain(team.id);
    const after = await storedPlan(campaign.id);
    const replanned = after.teams.find((t: any) => t.id === team.id);
    expect(replanned.stops[0]).toEqual(team.stops[0]);
    expect(replanned.members.map((m: any) => m.officerId)).not.toContain(leaving.officerId);
    for (const id of answer.body.teamIds) expect(after.teams.find((t: any) => t.id === id).replannedAt).toBe(NOW.toISOString());
    for (const t of after.teams.filter((t: any) => !answer.body.teamIds.includes(t.id))) expect(t.replannedAt).toBeNull();
    // Every remaining stop of the team is still planned: with the team, with another, or unassigned with a reason.
    const placed = new Set([...after.teams.flatMap((t: any) => t.stops.map((s: any) => s.targetKey)), ...after.unassigned.map((u: any) => u.targetKey)]);
    for (const s of team.stops) expect(placed.has(s.targetKey), s.targetKey).toBe(true);
    // New times of the remaining stops start after the clock.
    for (const s of replanned.stops.slice(1)) expect(s.eta >= '09:30').toBe(true);
    const entries = (await listAudit(database, { limit: 10 })).entries.filter((e) => e.id > audit);
    expect(entries.map((e) => [e.action, e.entity, e.entityId, e.actor])).toEqual([['campaign.replan_team', 'campaign_plan', String(campaign.id), 'planner']]);
    expect(await eventsAfter(event)).toEqual([
      { kind: 'team.replanned', districtCode: PUTUO, campaignId: campaign.id, payload: { campaignId: campaign.id, districtCode: PUTUO, date: DATE, teamIds: answer.body.teamIds, reason: 'officer_out' } },
    ]);
    campaign.plan = after;
  });

  test('an urgent institution lands in exactly one team of the day, and the district leader may do it', async () => {
    const planned = new Set(campaign.plan.targets.map((t: any) => t.key));
    const candidates = (await database.db.execute(sql`
      SELECT i.id FROM institutions i WHERE i.district_code = ${PUTUO} AND (i.weekend_opens IS NULL OR i.weekend_opens <= '09:30') AND (i.weekend_closes IS NULL OR i.weekend_closes >= '12:00')
        AND NOT EXISTS (SELECT 1 FROM officer_relations r WHERE r.institution_id = i.id)
      ORDER BY i.id LIMIT 50`)).rows as { id: number }[];
    const event = await lastEventId();
    // The first new institution the day's teams have the departments for (a refusal writes nothing, see below).
    let answer: Awaited<ReturnType<typeof replan>> | null = null;
    let institutionId = 0;
    for (const c of candidates.filter((c) => !planned.has(`institution:${c.id}`))) {
      answer = await replan(campaign.id, { event: { kind: 'urgent_target', institutionId: c.id } }, cookies.leader);
      institutionId = c.id;
      if (answer.status !== 422 || !answer.body.error.message.includes('departments')) break;
    }
    expect(answer!.status, JSON.stringify(answer!.body)).toBe(200);
    const key = `institution:${institutionId}`;
    const after = await storedPlan(campaign.id);
    const holders = after.teams.filter((t: any) => t.stops.some((s: any) => s.targetKey === key));
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatchObject({ districtCode: PUTUO, date: DATE });
    expect(after.targets.find((t: any) => t.key === key)).toMatchObject({ priority: 100, reasons: ['urgent'] });
    expect(answer!.body.summary.moved).toContainEqual({ targetKey: key, from: null, to: holders[0].id });
    expect((await eventsAfter(event)).map((e) => [e.kind, e.payload.reason])).toEqual([['team.replanned', 'urgent_target']]);
    // The checked-in stop of the first test is still at the head of its team.
    expect(after.teams.find((t: any) => t.id === checkedInTeam.id).stops[0]).toEqual(checkedInTeam.stops[0]);
    campaign.plan = after;
  });

  test.each([
    ['an officer not on that district-day', async () => ({ event: { kind: 'officer_out', officerId: Number(((await database.db.execute(sql`SELECT id FROM officers WHERE district_code = ${JINGAN} LIMIT 1`)).rows[0] as any).id) } }), 422],
    ['an institution of another district', async () => ({ event: { kind: 'urgent_target', institutionId: Number(((await database.db.execute(sql`SELECT id FROM institutions WHERE district_code = ${JINGAN} LIMIT 1`)).rows[0] as any).id) } }), 422],
    ['a closed clue', async () => ({ event: { kind: 'urgent_target', clueId: Number(((await database.db.execute(sql`SELECT id FROM clues WHERE district_code = ${PUTUO} AND status = 'closed' LIMIT 1`)).rows[0] as any).id) } }), 422],
    ['an unknown clue', async () => ({ event: { kind: 'urgent_target', clueId: 99999999 } }), 422],
    ['a district not in the campaign', async () => ({ district: JINGAN, event: { kind: 'officer_out', officerId: 1 } }), 422],
    ['a stale version', async () => ({ version: 9, event: { kind: 'officer_out', officerId: 1 } }), 409],
    ['an event of an unknown kind', async () => ({ event: { kind: 'weather', officerId: 1 } }), 400],
    ['both a clue and an institution', async () => ({ event: { kind: 'urgent_target', clueId: 1, institutionId: 2 } }), 400],
  ])('%s is refused and writes nothing', async (_what, body, status) => {
    const before = await storedPlan(campaign.id);
    const [audit, event] = [await lastAuditId(), await lastEventId()];
    const answer = await replan(campaign.id, await body());
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.message.length).toBeGreaterThan(0);
    expect(await storedPlan(campaign.id)).toEqual(before);
    expect(await lastAuditId()).toBe(audit);
    expect(await lastEventId()).toBe(event);
  });

  test('the wall display and a field account may not re-plan; a leader of another district does not see the campaign', async () => {
    const officer = campaign.plan.teams[0].members[0].officerId;
    expect((await replan(campaign.id, { event: { kind: 'officer_out', officerId: officer } }, cookies.wall)).status).toBe(403);
    // The team's own officer on their field account (the seed gives every registry officer one).
    const [account] = (await database.db.execute(sql`SELECT username FROM users WHERE officer_id = ${officer}`)).rows as { username: string }[];
    await database.db.execute(sql`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'planner') WHERE username = ${account.username}`);
    const field = await loginCookie(app, account.username);
    expect((await replan(campaign.id, { event: { kind: 'officer_out', officerId: officer } }, field)).status).toBe(403);
    const jingan = await plannedCampaign([JINGAN]);
    const other = await sendJson(app, 'POST', `/api/campaigns/${jingan.id}/plan/teams/replan`, { version: 1, district: JINGAN, date: DATE, event: { kind: 'officer_out', officerId: 1 } }, cookies.leader);
    expect(other.status).toBe(404);
  });

  test('a campaign that is not running is 409 and unchanged', async () => {
    const approved = await plannedCampaign([PUTUO], false);
    const officer = approved.plan.teams[0].members[0].officerId;
    const answer = await replan(approved.id, { event: { kind: 'officer_out', officerId: officer } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('approved');
    expect(await storedPlan(approved.id)).toEqual(approved.plan);
  });
});
