import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { VIOLATION_OF_ITEM } from '../../server/domain/check-in.js';
import { METRES_PER_DEGREE_LATITUDE } from '../../server/domain/geodesy.js';
import { getJson, loginCookie, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// The phone page's API on a planned and activated one-district, one-day campaign: the seed gives every registry
// officer a field account (the digits of the certificate number), so the tests sign in as the plan's team members.

let app: TestApp;
let database: Database;
let planner: string;
let admin: string;
let leader: string;
let wall: string;

const PUTUO = '310107';
// The seed's "today" in Shanghai (testAsOf is 2026-11-01T00:00Z), a Sunday: two all-day shifts.
const DAY = '2026-11-01';

const rows = async <T>(query: ReturnType<typeof sql>) => (await database.rows(query)) as T[];
const count = async (table: string) => Number((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n);
/** The row counts a refused write must leave as they were. */
const written = async () => ({
  audit: await count('audit_log'),
  checkIns: await count('check_ins'),
  arrivals: await count('stop_arrivals'),
  events: await count('live_events'),
  violations: await count('violations'),
});

const username = (certificateNo: string) => certificateNo.replace(/\D/g, '');
const fast = { routeTimeLimit: 0.05, seed: '外勤测试', recentCampaigns: 0 };

async function step(cookie: string, id: number, action: string) {
  const answer = await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action, version: 1 }, cookie);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

/** A one-district, one-day campaign, planned, approved and (unless `activate` is false) activated. */
async function plannedCampaign(name: string, activate = true): Promise<{ id: number; plan: any }> {
  const definition = {
    name,
    type: 'weekend',
    startsOn: DAY,
    endsOn: DAY,
    districts: [PUTUO],
    focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'advertising'] },
    goals: { drawPercent: 30, hotCellVisits: 1, hotCellConfidence: 95 },
  };
  const created = await sendJson(app, 'POST', '/api/campaigns', definition, planner);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version: 1, settings: fast }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  let plan: any;
  for (let i = 0; i < 600 && !plan; i++) {
    const { body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') plan = body.result;
    else if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
    else await new Promise((r) => setTimeout(r, 100));
  }
  await step(planner, id, 'submit');
  await step(admin, id, 'approve');
  if (activate) await step(planner, id, 'activate');
  return { id, plan };
}

/** A photo's row as the photo store would write it (its bytes are not needed here). */
async function insertPhoto(seed: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const sha = createHash('sha256').update(seed).digest('hex');
  const thumb = createHash('sha256').update(`${seed}/thumb`).digest('hex');
  await database.rows(sql`
    INSERT INTO photos (sha256, media_type, byte_size, width, height, thumbnail_sha256, taken_at, uploaded_by, uploaded_at)
    VALUES (${sha}, 'image/jpeg', 123456, 1600, 1200, ${thumb}, '2026-11-01T02:00:00Z', (SELECT id FROM users WHERE username = 'admin'), '2026-11-01T02:05:00Z')
    ON CONFLICT DO NOTHING`);
  return sha;
}

/** A point `metres` north of a [lon, lat]. */
const north = (at: [number, number], metres: number) => ({ lon: at[0], lat: at[1] + metres / METRES_PER_DEGREE_LATITUDE, accuracyMetres: 12 });

let campaign: { id: number; plan: any };
let team: any;
let foreignTarget: any;
let targets: Map<string, any>;
let lead: string;
let member: string;
let outsider: string;
let otherDistrict: string;
let leadOfficer: number;
let memberOfficer: number;

const stopOf = (t: any, i: number) => targets.get(t.stops[i].targetKey);
const findingsFor = (target: any, finding = 'ok') => target.checks.map((item: string) => ({ item, finding }));
const checkInBody = (t: any, target: any, overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  campaignId: campaign.id,
  teamId: t.id,
  targetKey: target.key,
  result: 'compliant',
  findings: findingsFor(target),
  notes: '',
  photos: [],
  position: north(target.location, 50),
  checkedAt: '2026-11-01T10:30:00+08:00',
  ...overrides,
});

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ planner, admin, leader, wall } = await roleCookies(app));
  campaign = await plannedCampaign('2026年11月周末专项检查（外勤测试）');
  targets = new Map(campaign.plan.targets.map((t: any) => [t.key, t]));
  const withStops = campaign.plan.teams.filter(
    (t: any) => t.stops.length >= 3 && t.members.length >= 2 && t.stops.some((s: any) => s.targetKey.startsWith('institution:')),
  );
  team = withStops[0];
  expect(team, JSON.stringify(campaign.plan.teams.map((t: any) => [t.id, t.members.length, t.stops.map((s: any) => s.targetKey)]))).toBeTruthy();
  // A target of the plan that is not one of the team's stops (another team's, or one left unassigned).
  foreignTarget = campaign.plan.targets.find((t: any) => !team.stops.some((s: any) => s.targetKey === t.key));
  expect(foreignTarget, 'a target outside the team').toBeTruthy();
  const leadMember = team.members.find((m: any) => m.lead);
  const plainMember = team.members.find((m: any) => !m.lead);
  leadOfficer = leadMember.officerId;
  memberOfficer = plainMember.officerId;
  const [elsewhere] = await rows<{ certificate_no: string }>(sql`SELECT certificate_no FROM officers WHERE district_code = '310106' ORDER BY id LIMIT 1`);
  // An officer of the district in another team of the plan, or in none.
  const teamIds = new Set(team.members.map((m: any) => m.officerId));
  const [sameDistrict] = await rows<{ certificate_no: string }>(sql`
    SELECT certificate_no FROM officers WHERE district_code = ${PUTUO} AND id NOT IN (${sql.join([...teamIds].map((id) => sql`${id}`), sql`, `)}) ORDER BY id LIMIT 1`);
  [lead, member, outsider, otherDistrict] = await Promise.all(
    [leadMember.certificateNo, plainMember.certificateNo, sameDistrict.certificate_no, elsewhere.certificate_no].map((c) => loginCookie(app, username(c))),
  );
});

describe('the officer’s day', () => {
  test('lists the team-shift with its stops in the plan’s route order, nothing done yet, and the lead flag', async () => {
    const { status, body } = await getJson(app, `/api/field/today?date=${DAY}`, lead);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.officer).toMatchObject({ id: leadOfficer, districtCode: PUTUO });
    const mine = body.assignments.find((a: any) => a.teamId === team.id);
    expect(mine).toMatchObject({ campaignId: campaign.id, campaignStatus: 'active', isLead: true, districtCode: PUTUO, date: DAY, replannedAt: null });
    expect(mine.stops.map((s: any) => s.targetKey)).toEqual(team.stops.map((s: any) => s.targetKey));
    expect(mine.stops.map((s: any) => s.order)).toEqual(team.stops.map((_: any, i: number) => i + 1));
    expect(mine.stops[0]).toMatchObject({ eta: team.stops[0].eta, checks: stopOf(team, 0).checks, arrival: null, checkIn: null });
    expect(mine.members.map((m: any) => m.officerId)).toEqual(team.members.map((m: any) => m.officerId));
    // Only the officer's own team-shifts, in shift order.
    for (const a of body.assignments) expect(a.members.some((m: any) => m.officerId === leadOfficer)).toBe(true);
    expect(body.assignments.map((a: any) => a.shift.start)).toEqual([...body.assignments.map((a: any) => a.shift.start)].sort());
    const asMember = (await getJson(app, `/api/field/today?date=${DAY}`, member)).body.assignments.find((a: any) => a.teamId === team.id);
    expect(asMember.isLead).toBe(false);
  });

  test('a day without duties is empty and names the next ones; an approved but not active campaign is not listed', async () => {
    const { body } = await getJson(app, `/api/field/today?date=2026-10-30`, lead);
    expect(body.assignments).toEqual([]);
    expect(body.upcoming.some((u: any) => u.teamId === team.id && u.date === DAY)).toBe(true);
  });

  test('only a field account has a day', async () => {
    expect((await getJson(app, `/api/field/today`, planner)).status).toBe(403);
  });
});

describe('arrival, check-in, replay, co-signature, flow-back', () => {
  let target: any;
  let checkIn: any;
  let clueIds: { dispatched: number; feedback: number; received: number };

  beforeAll(async () => {
    target = stopOf(team, 0);
    if (!target.key.startsWith('institution:')) target = team.stops.map((s: any) => targets.get(s.targetKey)).find((t: any) => t.key.startsWith('institution:'));
  });

  test('an arrival is stored, audited and announced; its replay answers 200 and writes nothing', async () => {
    const before = await written();
    const body = { idempotencyKey: randomUUID(), campaignId: campaign.id, teamId: team.id, targetKey: target.key, arrivedAt: '2026-11-01T10:20:00+08:00', position: north(target.location, 30) };
    const first = await sendJson(app, 'POST', '/api/field/arrivals', body, lead);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ campaignId: campaign.id, teamId: team.id, targetKey: target.key, arrivedAt: '2026-11-01T02:20:00.000Z' });
    expect(first.body.distanceMetres).toBeCloseTo(30, 0);
    expect(await written()).toEqual({ ...before, audit: before.audit + 1, arrivals: before.arrivals + 1, events: before.events + 1 });
    const [event] = await rows<{ kind: string; district_code: string; payload: any }>(sql`SELECT kind, district_code, payload FROM live_events ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({ kind: 'stop.arrived', district_code: PUTUO });
    expect(event.payload).toMatchObject({ campaignId: campaign.id, teamId: team.id, targetKey: target.key, districtCode: PUTUO });
    const [entry] = await rows<{ action: string; actor: string }>(sql`SELECT action, actor FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'field.arrive', actor: username(team.members.find((m: any) => m.lead).certificateNo) });
    const again = await sendJson(app, 'POST', '/api/field/arrivals', body, lead);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const differs = await sendJson(app, 'POST', '/api/field/arrivals', { ...body, arrivedAt: '2026-11-01T10:21:00+08:00' }, lead);
    expect(differs.status).toBe(409);
    const another = await sendJson(app, 'POST', '/api/field/arrivals', { ...body, idempotencyKey: randomUUID() }, member);
    expect(another.status).toBe(409);
    expect(another.body.error.message).toContain(`arrival ${first.body.id}`);
    expect(await written()).toEqual({ ...before, audit: before.audit + 1, arrivals: before.arrivals + 1, events: before.events + 1 });
  });

  test('a check-in with photos is stored 待确认 with its distance; a replay answers what was stored; a second one for the stop is 409', async () => {
    const photos = [await insertPhoto('front door'), await insertPhoto('notice board')];
    const body = checkInBody(team, target, { result: 'rectify', findings: findingsFor(target, 'issue'), notes: '消防通道堵塞', photos });
    const before = await written();
    const first = await sendJson(app, 'POST', '/api/field/check-ins', body, lead);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    checkIn = first.body;
    expect(checkIn).toMatchObject({
      campaignId: campaign.id,
      teamId: team.id,
      targetKey: target.key,
      result: 'rectify',
      notes: '消防通道堵塞',
      status: 'pending_cosign',
      farFromTarget: false,
      cosignedBy: null,
      recordedBy: { officerId: leadOfficer },
      checkedAt: '2026-11-01T02:30:00.000Z',
      positionAccuracyMetres: 12,
    });
    expect(checkIn.photos.map((p: any) => p.sha256)).toEqual(photos);
    expect(checkIn.findings.map((f: any) => f.item)).toEqual(target.checks);
    expect(checkIn.distanceMetres).toBeCloseTo(50, 0);
    expect(await written()).toEqual({ ...before, audit: before.audit + 1, checkIns: before.checkIns + 1, events: before.events + 1 });
    const [event] = await rows<{ kind: string; payload: any }>(sql`SELECT kind, payload FROM live_events ORDER BY id DESC LIMIT 1`);
    expect(event.kind).toBe('check_in.created');
    expect(event.payload).toMatchObject({ campaignId: campaign.id, teamId: team.id, targetKey: target.key, result: 'rectify', status: 'pending_cosign', districtCode: PUTUO });
    expect(event.payload.position).toEqual(checkIn.position);

    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await sendJson(app, 'POST', '/api/field/check-ins', reordered, lead);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(checkIn);
    const differs = await sendJson(app, 'POST', '/api/field/check-ins', { ...body, notes: '另一份记录' }, lead);
    expect(differs.status).toBe(409);
    const second = await sendJson(app, 'POST', '/api/field/check-ins', { ...body, idempotencyKey: randomUUID() }, member);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(`check-in ${checkIn.id}`);
    expect(await written()).toEqual({ ...before, audit: before.audit + 1, checkIns: before.checkIns + 1, events: before.events + 1 });

    const day = (await getJson(app, `/api/field/today?date=${DAY}`, member)).body.assignments.find((a: any) => a.teamId === team.id);
    const stop = day.stops.find((s: any) => s.targetKey === target.key);
    expect(stop.checkIn).toEqual(checkIn);
    expect(stop.arrival).not.toBeNull();
  });

  test('a co-signature by the recorder is 422, by an officer outside the team 403, of another district 404; nothing written', async () => {
    const before = await written();
    const cosign = { idempotencyKey: randomUUID(), position: north(target.location, 20), cosignedAt: '2026-11-01T10:35:00+08:00' };
    const self = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, cosign, lead);
    expect(self.status, JSON.stringify(self.body)).toBe(422);
    expect(self.body.error.message).toContain('recorded');
    const stranger = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, { ...cosign, idempotencyKey: randomUUID() }, outsider);
    expect(stranger.status, JSON.stringify(stranger.body)).toBe(403);
    const elsewhere = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, { ...cosign, idempotencyKey: randomUUID() }, otherDistrict);
    expect(elsewhere.status).toBe(404);
    expect(await written()).toEqual(before);
  });

  test('the second officer co-signs: 已确认, the results flow back, all in one audited transaction', async () => {
    const institutionId = Number(target.key.split(':')[1]);
    const [inst] = await rows<{ district_code: string; last: string | null }>(sql`SELECT district_code, to_char(last_inspected_on, 'YYYY-MM-DD') AS last FROM institutions WHERE id = ${institutionId}`);
    // Open clues of the institution in three states: dispatched and feedback move on, received stays with the centre.
    const insertClue = async (status: string) => {
      const [row] = await rows<{ id: number }>(sql`
        INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, institution_id, district_code, due_at, synthetic)
        SELECT '12345', '2026-10-20T02:00:00Z', i.geom, i.address, '外勤测试线索', 'unlicensed', ${status}::clue_status, i.id, i.district_code, '2026-10-27T02:00:00Z', false
        FROM institutions i WHERE i.id = ${institutionId}
        RETURNING id`);
      return row.id;
    };
    await database.rows(sql`UPDATE clues SET status = 'closed', closed_at = '2026-10-01T00:00:00Z' WHERE institution_id = ${institutionId} AND status NOT IN ('closed', 'rejected')`);
    clueIds = { dispatched: await insertClue('dispatched'), feedback: await insertClue('feedback'), received: await insertClue('received') };
    const before = await written();
    const cosign = { idempotencyKey: randomUUID(), position: north(target.location, 20), cosignedAt: '2026-11-01T10:35:00+08:00' };
    const signed = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, cosign, member);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ id: checkIn.id, status: 'confirmed', cosignedBy: { officerId: memberOfficer }, cosignedAt: '2026-11-01T02:35:00.000Z' });

    // Flow-back: the last inspection, the violations of the mapped items found at issue, the clues' allowed steps.
    const [after] = await rows<{ last: string }>(sql`SELECT to_char(last_inspected_on, 'YYYY-MM-DD') AS last FROM institutions WHERE id = ${institutionId}`);
    expect(after.last).toBe(inst.last !== null && inst.last > DAY ? inst.last : DAY);
    const expectedKinds = target.checks.map((item: string) => (VIOLATION_OF_ITEM as any)[item]).filter(Boolean).sort();
    expect(expectedKinds.length).toBeGreaterThan(0);
    const recorded = await rows<{ kind: string; occurred_on: string }>(sql`
      SELECT kind::text, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM violations WHERE institution_id = ${institutionId} AND NOT synthetic ORDER BY kind`);
    expect(recorded).toEqual(expectedKinds.map((kind: string) => ({ kind, occurred_on: DAY })));
    const clueStatus = async (id: number) => (await rows<{ status: string }>(sql`SELECT status::text FROM clues WHERE id = ${id}`))[0].status;
    expect(await clueStatus(clueIds.dispatched)).toBe('feedback');
    expect(await clueStatus(clueIds.feedback)).toBe('verified');
    expect(await clueStatus(clueIds.received)).toBe('received');

    // Audited: the co-signature and one clue.status entry per step (dispatched → handling → feedback, feedback → verified).
    const entries = await rows<{ action: string; entity_id: string; after: any }>(sql`SELECT action, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 4`);
    expect(entries.map((e) => [e.action, e.entity_id]).reverse()).toEqual([
      ['clue.status', String(clueIds.dispatched)],
      ['clue.status', String(clueIds.dispatched)],
      ['clue.status', String(clueIds.feedback)],
      ['field.cosign', String(checkIn.id)],
    ]);
    expect(entries[0].after.flowBack).toMatchObject({ institutionId, lastInspectedOn: after.last });
    const events = await rows<{ kind: string; payload: any }>(sql`SELECT kind, payload FROM live_events ORDER BY id DESC LIMIT 3`);
    expect(events.map((e) => e.kind).reverse()).toEqual(['check_in.cosigned', 'clue.status', 'clue.status']);
    expect(events[2].payload).toMatchObject({ status: 'confirmed', result: 'rectify', teamId: team.id, targetKey: target.key, districtCode: PUTUO, campaignId: campaign.id });
    expect(await written()).toEqual({ ...before, audit: before.audit + 4, events: before.events + 3, violations: before.violations + expectedKinds.length });

    // A replay of the co-signature answers the same, writes nothing; another co-signature is 409.
    const mark = await written();
    const again = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, cosign, member);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(signed.body);
    const changed = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, { ...cosign, cosignedAt: '2026-11-01T10:36:00+08:00' }, member);
    expect(changed.status).toBe(409);
    const twice = await sendJson(app, 'POST', `/api/field/check-ins/${checkIn.id}/cosign`, { ...cosign, idempotencyKey: randomUUID() }, member);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('already co-signed');
    expect(await written()).toEqual(mark);
  });

  test('the check-ins are listed in scope: the team’s officers, the district leader and the city-wide accounts see it; another team does not', async () => {
    const ids = async (cookie: string, query = '') => (await getJson(app, `/api/field/check-ins?campaignId=${campaign.id}${query}`, cookie)).body.map((c: any) => c.id);
    expect(await ids(lead)).toContain(checkIn.id);
    expect(await ids(member, `&teamId=${encodeURIComponent(team.id)}`)).toEqual([checkIn.id]);
    expect(await ids(outsider)).not.toContain(checkIn.id);
    expect(await ids(leader)).toContain(checkIn.id);
    expect(await ids(planner)).toContain(checkIn.id);
    expect(await ids(admin)).toContain(checkIn.id);
    expect((await getJson(app, `/api/field/check-ins?campaignId=${campaign.id}`, otherDistrict)).status).toBe(404);
    expect((await getJson(app, `/api/field/check-ins?campaignId=999999`, admin)).status).toBe(404);
  });
});

describe('bad input: a clear 4xx, nothing written', () => {
  const refused = async (cookie: string, path: string, body: unknown, status: number | number[], says?: string) => {
    const before = await written();
    const answer = await sendJson(app, 'POST', path, body, cookie);
    expect([status].flat(), JSON.stringify(answer.body)).toContain(answer.status);
    if (says) expect(answer.body.error.message).toContain(says);
    expect(await written()).toEqual(before);
    return answer;
  };

  test('a stop of a team-shift the caller is not a member of', async () => {
    await refused(outsider, '/api/field/check-ins', checkInBody(team, stopOf(team, 1)), 403, 'not a member');
    await refused(outsider, '/api/field/arrivals', { idempotencyKey: randomUUID(), campaignId: campaign.id, teamId: team.id, targetKey: stopOf(team, 1).key, arrivedAt: '2026-11-01T10:00:00+08:00', position: null }, 403);
  });

  test('a team-shift that is not in the plan', async () => {
    await refused(lead, '/api/field/check-ins', checkInBody({ id: `${PUTUO}/${DAY}/9#9` }, stopOf(team, 1)), 404);
  });

  test('a target that is not one of the team’s stops', async () => {
    await refused(lead, '/api/field/check-ins', checkInBody(team, foreignTarget), 422, 'not one of the stops');
  });

  test('findings for items the plan did not ask for, twice, or missing', async () => {
    const target = stopOf(team, 1);
    const unasked = ['safety', 'platform', 'disclosure', 'joint_mechanism', 'licences', 'course_filing', 'rules', 'unlicensed', 'advertising', 'moonlighting'].find((i) => !target.checks.includes(i))!;
    const extra = await refused(lead, '/api/field/check-ins', checkInBody(team, target, { findings: [...findingsFor(target), { item: unasked, finding: 'ok' }] }), 422, unasked);
    expect(extra.body.error.details.issues[0].path).toBe(`findings[${target.checks.length}].item`);
    await refused(lead, '/api/field/check-ins', checkInBody(team, target, { findings: [...findingsFor(target), findingsFor(target)[0]] }), 422, 'twice');
    await refused(lead, '/api/field/check-ins', checkInBody(team, target, { findings: findingsFor(target).slice(1) }), 422, 'missing');
  });

  test('a photo that was never uploaded is named', async () => {
    const missing = 'f'.repeat(64);
    const answer = await refused(lead, '/api/field/check-ins', checkInBody(team, stopOf(team, 1), { photos: [await insertPhoto('ok'), missing] }), 422, missing);
    expect(answer.body.error.details.issues[0].path).toBe('photos[1]');
  });

  test('a body that does not validate', async () => {
    await refused(lead, '/api/field/check-ins', { ...checkInBody(team, stopOf(team, 1)), idempotencyKey: 'not-a-uuid' }, 400);
    await refused(lead, '/api/field/check-ins', { ...checkInBody(team, stopOf(team, 1)), result: 'fined' }, 400);
    await refused(lead, '/api/field/check-ins', { ...checkInBody(team, stopOf(team, 1)), extra: true }, 400);
  });

  test('an account that is not a field officer’s', async () => {
    for (const cookie of [planner, admin, leader, wall]) await refused(cookie, '/api/field/check-ins', checkInBody(team, stopOf(team, 1)), 403, 'field officer');
  });

  test('a field officer of another district', async () => {
    await refused(otherDistrict, '/api/field/check-ins', checkInBody(team, stopOf(team, 1)), [403, 404]);
  });
});

describe('concurrency', () => {
  test('ten identical check-ins at once store one row, and the ten answers agree', async () => {
    const target = stopOf(team, 2);
    const body = checkInBody(team, target, { position: north(target.location, 350) });
    const before = await written();
    const answers = await Promise.all(Array.from({ length: 10 }, () => sendJson(app, 'POST', '/api/field/check-ins', body, member)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(answers[0].body.farFromTarget).toBe(true);
    expect(await written()).toEqual({ ...before, audit: before.audit + 1, checkIns: before.checkIns + 1, events: before.events + 1 });

    // Five identical co-signatures at once: one is stored, the five answers agree.
    const cosign = { idempotencyKey: randomUUID(), position: null, cosignedAt: '2026-11-01T10:50:00+08:00' };
    const [{ id: mark }] = await rows<{ id: number }>(sql`SELECT max(id)::int AS id FROM audit_log`);
    const signed = await Promise.all(Array.from({ length: 5 }, () => sendJson(app, 'POST', `/api/field/check-ins/${answers[0].body.id}/cosign`, cosign, lead)));
    expect(signed.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const a of signed) expect(a.body).toEqual(signed[0].body);
    expect(signed[0].body.status).toBe('confirmed');
    const entries = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE id > ${mark} AND action = 'field.cosign'`);
    expect(entries).toHaveLength(1);
  });
});

describe('a campaign that takes no check-ins', () => {
  test('approved but not active: 409, nothing written', async () => {
    const approved = await plannedCampaign('2026年11月周末专项检查（未启动）', false);
    const t = approved.plan.teams.find((x: any) => x.stops.length > 0);
    const cookie = await loginCookie(app, username(t.members[0].certificateNo));
    const target = approved.plan.targets.find((x: any) => x.key === t.stops[0].targetKey);
    const before = await written();
    const answer = await sendJson(app, 'POST', '/api/field/check-ins', { ...checkInBody(t, target), campaignId: approved.id }, cookie);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('not active');
    expect(await written()).toEqual(before);
    // Its duties are not on the officer's day either.
    const day = (await getJson(app, `/api/field/today?date=${DAY}`, cookie)).body;
    expect(day.assignments.some((a: any) => a.campaignId === approved.id)).toBe(false);
  });

  test('closed: arrivals, check-ins and co-signatures are 409, nothing written; a replay still answers what was stored', async () => {
    const target = stopOf(team, 1);
    const pendingBody = checkInBody(team, target);
    const pending = await sendJson(app, 'POST', '/api/field/check-ins', pendingBody, lead);
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    await step(admin, campaign.id, 'close');
    const before = await written();
    const late = await sendJson(app, 'POST', '/api/field/check-ins', checkInBody(team, stopOf(team, 1)), lead);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('closed');
    const arrival = await sendJson(app, 'POST', '/api/field/arrivals', { idempotencyKey: randomUUID(), campaignId: campaign.id, teamId: team.id, targetKey: target.key, arrivedAt: '2026-11-01T10:00:00+08:00', position: null }, lead);
    expect(arrival.status).toBe(409);
    const cosign = await sendJson(app, 'POST', `/api/field/check-ins/${pending.body.id}/cosign`, { idempotencyKey: randomUUID(), position: null, cosignedAt: '2026-11-01T10:05:00+08:00' }, member);
    expect(cosign.status).toBe(409);
    expect(await written()).toEqual(before);
    // An offline queue that resends after the close hears what was stored.
    const replay = await sendJson(app, 'POST', '/api/field/check-ins', pendingBody, lead);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(pending.body);
    expect(await written()).toEqual(before);
    expect((await getJson(app, `/api/field/today?date=${DAY}`, lead)).body.assignments.some((a: any) => a.campaignId === campaign.id)).toBe(false);
  });
});
