import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { CLUE_DEADLINE_WORKING_DAYS, workingDayDeadline } from '../../server/domain/clue-deadline.js';
import { METRES_PER_DEGREE_LATITUDE } from '../../server/domain/geodesy.js';
import { publishedCalendar } from '../../server/services/calendar.js';
import { flowBackConfirmedCheckIn } from '../../server/services/field-flow-back.js';
import { insertLeader } from '../support/check-ins.js';
import { getJson, loginCookie, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase, testPassword } from '../support/db.js';

// A confirmed check-in that finds a problem becomes a clue of the loop (docs/field.md#flow-back): 专项检查 at an
// institution with no open clue, 网格巡查 on a grid cell's area patrol, nothing for a compliant visit. One planned and
// activated one-day campaign in 普陀; its teams' officers sign in with their certificate numbers.

let app: TestApp;
let database: Database;
let planner: string;
let admin: string;
let leader: string;
let jinganLeader: string;

const PUTUO = '310107';
const DAY = '2026-11-01';
const CHECKED_AT = '2026-11-01T10:30:00+08:00';
const CAMPAIGN_NAME = '2026年11月周末专项检查（线索回流测试）';
const calendar = publishedCalendar();

const rows = async <T>(query: ReturnType<typeof sql>) => (await database.rows(query)) as T[];
const username = (certificateNo: string) => certificateNo.replace(/\D/g, '');
const north = (at: [number, number], metres: number) => ({ lon: at[0], lat: at[1] + metres / METRES_PER_DEGREE_LATITUDE, accuracyMetres: 10 });

interface Stop {
  team: any;
  target: any;
  lead: string;
  member: string;
}

let campaignId: number;
let institutionStops: Stop[];
let gridCellStop: Stop;
let compliantCheckInId: number;

async function transition(cookie: string, id: number, action: string) {
  const answer = await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action, version: 1 }, cookie);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function activeCampaign(): Promise<{ id: number; plan: any }> {
  const definition = {
    name: CAMPAIGN_NAME,
    type: 'weekend',
    startsOn: DAY,
    endsOn: DAY,
    districts: [PUTUO],
    focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'advertising'] },
    goals: { drawPercent: 30, hotCellVisits: 2, hotCellConfidence: 95 },
  };
  const created = await sendJson(app, 'POST', '/api/campaigns', definition, planner);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const settings = { routeTimeLimit: 0.05, seed: '线索回流', recentCampaigns: 0 };
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version: 1, settings }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  let plan: any;
  for (let i = 0; i < 600 && !plan; i++) {
    const { body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') plan = body.result;
    else if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
    else await new Promise((r) => setTimeout(r, 100));
  }
  await transition(planner, id, 'submit');
  await transition(admin, id, 'approve');
  await transition(planner, id, 'activate');
  return { id, plan };
}

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ planner, admin, leader } = await roleCookies(app));
  await insertLeader(database, 'jingan_leader_clues', '310106');
  jinganLeader = await loginCookie(app, 'jingan_leader_clues', testPassword);
  const campaign = await activeCampaign();
  campaignId = campaign.id;
  const targets = new Map(campaign.plan.targets.map((t: any) => [t.key, t]));
  const stops: Omit<Stop, 'lead' | 'member'>[] = campaign.plan.teams
    .filter((t: any) => t.members.length >= 2)
    .flatMap((team: any) => team.stops.map((s: any) => ({ team, target: targets.get(s.targetKey) })));
  const signIn = async (s: Omit<Stop, 'lead' | 'member'>): Promise<Stop> => ({
    ...s,
    lead: await loginCookie(app, username(s.team.members.find((m: any) => m.lead).certificateNo)),
    member: await loginCookie(app, username(s.team.members.find((m: any) => !m.lead).certificateNo)),
  });
  const atInstitutions = stops.filter((s) => s.target.key.startsWith('institution:')).slice(0, 3);
  expect(atInstitutions.length, 'three institution stops').toBe(3);
  institutionStops = await Promise.all(atInstitutions.map(signIn));
  gridCellStop = await signIn({ team: atInstitutions[0].team, target: await addAreaPatrol(atInstitutions[0].team, atInstitutions[0].target) });
});

const idOf = (key: string) => Number(key.split(':')[1]);

/**
 * An area patrol of a 普陀 grid cell (巡查 of a hot cell) appended to a team-shift's stops, as the plan writes one when
 * a cell is hot at the campaign's confidence (the test data's 普陀 has none on this day).
 */
async function addAreaPatrol(team: any, like: any): Promise<any> {
  const [cell] = await rows<{ id: number; code: string; street_code: string; lon: number; lat: number }>(sql`
    SELECT id, code, street_code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
    FROM grid_cells WHERE district_code = ${PUTUO} ORDER BY id LIMIT 1`);
  const key = `gridCell:${cell.id}`;
  const target = { ...like, key, kind: 'gridCell', refId: cell.id, streetCode: cell.street_code, name: `网格 ${cell.code}`, address: `网格 ${cell.code}`, creditCode: null, riskTier: null, location: [cell.lon, cell.lat], serviceMinutes: 12 };
  const stop = { ...team.stops[team.stops.length - 1], targetKey: key };
  await database.rows(sql`
    UPDATE plan_team_shifts
    SET team = jsonb_set(team, '{stops}', (team->'stops') || ${JSON.stringify([stop])}::jsonb),
        targets = targets || ${JSON.stringify([target])}::jsonb
    WHERE campaign_id = ${campaignId} AND team_id = ${team.id}`);
  return target;
}

/** Records the check-in at the stop (by the lead) and co-signs it (by the other member); answers both bodies. */
async function checkInAndCosign(stop: Stop, result: string, findings = 'ok') {
  const body = {
    idempotencyKey: randomUUID(),
    campaignId,
    teamId: stop.team.id,
    targetKey: stop.target.key,
    result,
    findings: stop.target.checks.map((item: string) => ({ item, finding: findings })),
    notes: '现场记录',
    photos: [],
    position: north(stop.target.location, 40),
    checkedAt: CHECKED_AT,
  };
  const recorded = await sendJson(app, 'POST', '/api/field/check-ins', body, stop.lead);
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  const cosign = { idempotencyKey: randomUUID(), position: north(stop.target.location, 30), cosignedAt: '2026-11-01T10:40:00+08:00' };
  const signed = await sendJson(app, 'POST', `/api/field/check-ins/${recorded.body.id}/cosign`, cosign, stop.member);
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return { checkIn: recorded.body, body, cosign };
}

const cluesOfCheckIn = (checkInId: number) =>
  rows<{ id: number; source: string; status: string; institution_id: number | null; district_code: string; kind: string; due_at: string; reported_at: string; description: string; lon: number; lat: number }>(sql`
    SELECT id, source::text, status::text, institution_id, district_code, kind::text,
           to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due_at,
           to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS reported_at,
           description, ST_X(geom) AS lon, ST_Y(geom) AS lat
    FROM clues WHERE check_in_id = ${checkInId}`);
const clueCount = async () => Number((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM clues`))[0].n);

/** The institution without open clues: earlier ones closed, as a desk would have. */
async function closeOpenClues(institutionId: number) {
  await database.rows(sql`UPDATE clues SET status = 'closed', closed_at = '2026-10-01T00:00:00Z' WHERE institution_id = ${institutionId} AND status NOT IN ('closed', 'rejected')`);
}

describe('a co-signed check-in that finds a problem becomes a clue', () => {
  let created: { id: number; checkInId: number; cosign: unknown; checkInBody: unknown; stop: Stop };

  test('责令整改 at an institution without open clues: one clue of source campaign, due in 15 working days, audited by the co-signer', async () => {
    const stop = institutionStops[0];
    const institutionId = idOf(stop.target.key);
    await closeOpenClues(institutionId);
    const before = await clueCount();
    const { checkIn, body, cosign } = await checkInAndCosign(stop, 'rectify');
    expect(await clueCount()).toBe(before + 1);
    const [clue] = await cluesOfCheckIn(checkIn.id);
    const due = workingDayDeadline(calendar, new Date(CHECKED_AT), CLUE_DEADLINE_WORKING_DAYS.complaint);
    expect(clue).toMatchObject({ source: 'campaign', status: 'received', institution_id: institutionId, district_code: PUTUO, kind: 'complaint' });
    expect(clue.due_at).toBe(due.toISOString());
    expect(clue.reported_at).toBe(new Date(CHECKED_AT).toISOString());
    expect(clue.description).toContain(CAMPAIGN_NAME);
    expect(clue.description).toContain(`检查记录 ${checkIn.id}`);
    // At the check-in's position (40 m north of the target, within the 200 m).
    expect(clue.lon).toBeCloseTo(checkIn.position[0], 6);
    expect(clue.lat).toBeCloseTo(checkIn.position[1], 6);
    created = { id: clue.id, checkInId: checkIn.id, cosign, checkInBody: body, stop };

    // The detail names the check-in; the audit entry is clue.create by the co-signer, naming the campaign and check-in.
    const detail = await getJson(app, `/api/clues/${clue.id}`, leader);
    expect(detail.status).toBe(200);
    expect(detail.body.properties).toMatchObject({ source: 'campaign', checkInId: checkIn.id, institutionId, gridCellId: expect.any(Number), dueAt: due.toISOString() });
    const [entry] = await rows<{ action: string; actor: string; after: any }>(sql`
      SELECT action, actor, after FROM audit_log WHERE entity = 'clue' AND entity_id = ${String(clue.id)} ORDER BY id`);
    expect(entry).toMatchObject({ action: 'clue.create', actor: username(stop.team.members.find((m: any) => !m.lead).certificateNo) });
    expect(entry.after).toMatchObject({ campaignId, checkInId: checkIn.id, source: 'campaign' });
    expect(entry.after.note).toContain(CAMPAIGN_NAME);
    expect(entry.after.note).toContain(`检查记录 ${checkIn.id}`);
    const [cosigned] = await rows<{ after: any }>(sql`SELECT after FROM audit_log WHERE action = 'field.cosign' AND entity_id = ${String(checkIn.id)}`);
    expect(cosigned.after.flowBack.createdClueId).toBe(clue.id);
    const [event] = await rows<{ kind: string; campaign_id: number; payload: any }>(sql`
      SELECT kind, campaign_id, payload FROM live_events WHERE kind = 'clue.created' ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({ kind: 'clue.created', campaign_id: campaignId, payload: { clueId: clue.id, source: 'campaign', districtCode: PUTUO } });
  });

  test('a replayed co-signature or check-in makes no second clue, nor does the flow-back run again', async () => {
    const before = await clueCount();
    // The phones' queues send the same check-in and co-signature again after the connection dropped: answered as stored.
    const recordedAgain = await sendJson(app, 'POST', '/api/field/check-ins', created.checkInBody, created.stop.lead);
    expect(recordedAgain.status).toBe(200);
    const signedAgain = await sendJson(app, 'POST', `/api/field/check-ins/${created.checkInId}/cosign`, created.cosign, created.stop.member);
    expect(signedAgain.status).toBe(200);
    expect(await clueCount()).toBe(before);
    const listed = (await getJson(app, `/api/field/check-ins?campaignId=${campaignId}`, admin)).body.find((c: any) => c.id === created.checkInId);
    expect(listed.status).toBe('confirmed');
    // The flow-back of the same confirmed check-in, run a second time, finds its clue and makes none.
    const again = await inTransaction(database, (tx) =>
      flowBackConfirmedCheckIn(tx, {
        checkIn: listed,
        districtCode: PUTUO,
        campaignName: CAMPAIGN_NAME,
        target: { kind: 'institution', name: institutionStops[0].target.name, address: institutionStops[0].target.address, location: institutionStops[0].target.location },
        actor: 'replay',
        at: new Date('2026-11-01T03:00:00Z'),
        calendar,
      }),
    );
    expect(again.summary.createdClueId).toBeNull();
    expect(again.audits.filter((a) => a.action === 'clue.create')).toEqual([]);
    expect(await clueCount()).toBe(before);
    expect(await cluesOfCheckIn(created.checkInId)).toHaveLength(1);
  });

  test('at an institution with an open clue none is made: the open clue moves as before', async () => {
    const stop = institutionStops[1];
    const institutionId = idOf(stop.target.key);
    await closeOpenClues(institutionId);
    const [open] = await rows<{ id: number }>(sql`
      INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, institution_id, district_code, due_at, synthetic)
      SELECT '12345', '2026-10-20T02:00:00Z', i.geom, i.address, '回流测试线索', 'unlicensed', 'dispatched', i.id, i.district_code, '2026-11-10T02:00:00Z', false
      FROM institutions i WHERE i.id = ${institutionId}
      RETURNING id`);
    const before = await clueCount();
    const { checkIn } = await checkInAndCosign(stop, 'case');
    expect(await clueCount()).toBe(before);
    expect(await cluesOfCheckIn(checkIn.id)).toEqual([]);
    const [moved] = await rows<{ status: string }>(sql`SELECT status::text FROM clues WHERE id = ${open.id}`);
    expect(moved.status).toBe('feedback');
  });

  test('an area patrol of a grid cell with 立案查处: a grid_patrol clue in the cell’s district, without an institution', async () => {
    const cellId = idOf(gridCellStop.target.key);
    const [cell] = await rows<{ district_code: string }>(sql`SELECT district_code FROM grid_cells WHERE id = ${cellId}`);
    const before = await clueCount();
    const { checkIn } = await checkInAndCosign(gridCellStop, 'case');
    expect(await clueCount()).toBe(before + 1);
    const [clue] = await cluesOfCheckIn(checkIn.id);
    expect(clue).toMatchObject({ source: 'grid_patrol', status: 'received', institution_id: null, district_code: cell.district_code });
    expect(cell.district_code).toBe(PUTUO);
    expect(clue.due_at).toBe(workingDayDeadline(calendar, new Date(CHECKED_AT), CLUE_DEADLINE_WORKING_DAYS.complaint).toISOString());
    expect(clue.lon).toBeCloseTo(checkIn.position[0], 6);

    // Scoped as every clue: 普陀's leader sees it, another district's leader gets the same 404 as for a missing clue.
    expect((await getJson(app, `/api/clues/${clue.id}`, leader)).status).toBe(200);
    const elsewhere = await getJson(app, `/api/clues/${clue.id}`, jinganLeader);
    expect(elsewhere.status).toBe(404);
    const queue = await getJson(app, `/api/clues/queue?source=grid_patrol&limit=200`, jinganLeader);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c: any) => c.id)).not.toContain(clue.id);
  });

  test('a compliant visit makes no clue', async () => {
    const stop = institutionStops[2];
    await closeOpenClues(idOf(stop.target.key));
    const before = await clueCount();
    const { checkIn } = await checkInAndCosign(stop, 'compliant');
    expect(await cluesOfCheckIn(checkIn.id)).toEqual([]);
    expect(await clueCount()).toBe(before);
    compliantCheckInId = checkIn.id;
  });

  test('a finding whose target lies across the district border makes no clue and does not fail the co-signature', async () => {
    const listed = (await getJson(app, `/api/field/check-ins?campaignId=${campaignId}`, admin)).body.find((c: any) => c.id === compliantCheckInId);
    // The same visit as if it had found a case, at a target geocoded (with the phone) in 静安, outside the team's 普陀.
    const [jingan] = await rows<{ lon: number; lat: number }>(sql`
      SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grid_cells WHERE district_code = '310106' ORDER BY id LIMIT 1`);
    const across: [number, number] = [Number(jingan.lon), Number(jingan.lat)];
    const before = await clueCount();
    // Run inside a transaction rolled back afterwards: the visit's violations are not to stay in the test data.
    const rolledBack = new Error('roll back');
    let flowBack: Awaited<ReturnType<typeof flowBackConfirmedCheckIn>> | undefined;
    await inTransaction(database, async (tx) => {
      flowBack = await flowBackConfirmedCheckIn(tx, {
        checkIn: { ...listed, result: 'case', position: across, farFromTarget: false },
        districtCode: PUTUO,
        campaignName: CAMPAIGN_NAME,
        target: { kind: 'gridCell', name: '网格（越界）', address: '', location: across },
        actor: 'border',
        at: new Date('2026-11-01T03:00:00Z'),
        calendar,
      });
      throw rolledBack;
    }).catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
    expect(flowBack?.summary.createdClueId).toBeNull();
    expect(await clueCount()).toBe(before);
  });
});

describe('the desk’s intake: the source among 12345, 网格巡查, 媒体, 转办', () => {
  const intake = (source: unknown) => ({
    source,
    reportedAt: '2026-10-31T09:30:00+08:00',
    geometry: { type: 'Point', coordinates: institutionStops[0].target.location },
    address: '普陀区 测试路 8 号',
    description: '网格员巡查发现居民楼内有学科类培训',
    suspectedType: 'residential_flat',
    kind: 'complaint',
  });

  test('a grid worker’s patrol report is registered with source grid_patrol', async () => {
    const r = await sendJson(app, 'POST', '/api/clues', intake('grid_patrol'), leader);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.properties).toMatchObject({ source: 'grid_patrol', status: 'received', checkInId: null, districtCode: PUTUO });
  });

  test('an unknown source, or a channel of its own (随手拍, platform, campaign), is 400 naming source; nothing written', async () => {
    const before = await clueCount();
    for (const source of ['twitter', '随手拍', 'platform', 'campaign']) {
      const r = await sendJson(app, 'POST', '/api/clues', intake(source), leader);
      expect(r.status, source).toBe(400);
      expect(r.body.error.details.issues[0].path).toEqual(['source']);
    }
    expect(await clueCount()).toBe(before);
  });
});
