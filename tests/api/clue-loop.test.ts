import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '../../db/queries/audit.js';
import { countRows } from '../../db/queries/seed.js';
import type { Database } from '../../db/client.js';
import { CLUE_DEADLINE_WORKING_DAYS, workingDayDeadline } from '../../server/domain/clue-deadline.js';
import { extendedDeadline, resumedDeadline } from '../../server/domain/clue-steps.js';
import { DEFAULT_RESPONSIBILITY_MATRIX } from '../../server/domain/responsibility-matrix.js';
import { publishedCalendar } from '../../server/services/calendar.js';
import { CalendarCache } from '../../server/services/calendar.js';
import { intakeClue } from '../../server/services/clue-loop.js';
import { getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';

// The clue loop's steps through the API (docs/clues.md#api-steps), on a clock the tests move.

const calendar = publishedCalendar();
let now = testAsOf;
let app: TestApp;
let database: Database;
let leader: string;
let admin: string;
let putuoPoint: number[];
let jinganPoint: number[];

beforeAll(async () => {
  app = await testApp({ now: () => now });
  database = await testDatabase();
  leader = await loginCookie(app, 'putuo_leader');
  admin = await loginCookie(app, 'admin');
  const pointIn = async (district: string) =>
    (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${district}&limit=1`, admin)).body.features[0].geometry.coordinates;
  putuoPoint = await pointIn('310107');
  jinganPoint = await pointIn('310106');
});

/** Moves the clock; sessions idle that long have ended, so both users sign in again. */
async function at(iso: string) {
  now = new Date(iso);
  [leader, admin] = [await loginCookie(app, 'putuo_leader'), await loginCookie(app, 'admin')];
}

const intake = (coordinates: number[], over: Record<string, unknown> = {}) => ({
  source: '12345',
  reportedAt: '2026-10-30T09:30:00+08:00',
  geometry: { type: 'Point', coordinates },
  address: '普陀区 测试路 18 弄 3 号 402 室',
  description: '居民楼内有人办学科类培训班，每晚有十几个学生',
  suspectedType: 'residential_flat',
  kind: 'complaint',
  callerPhone: '13812345678',
  ...over,
});

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 200 });
  return entries.filter((e) => e.id > sinceId).reverse();
}
const step = (id: number, name: string, body: unknown, cookie = leader) => sendJson(app, 'POST', `/api/clues/${id}/${name}`, body, cookie);
async function create(over: Record<string, unknown> = {}, cookie = leader, point = putuoPoint): Promise<number> {
  const r = await sendJson(app, 'POST', '/api/clues', intake(point, over), cookie);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}
const ok = async (r: Promise<{ status: number; body: any }>) => {
  const done = await r;
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body;
};

describe('intake', () => {
  test('the deadline is counted in working days by kind, as workingDayDeadline counts it', async () => {
    await at('2026-11-01T00:00:00Z');
    for (const kind of ['urgent', 'consultation', 'complaint'] as const) {
      const r = await sendJson(app, 'POST', '/api/clues', intake(putuoPoint, { kind }), leader);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const expected = workingDayDeadline(calendar, new Date('2026-10-30T09:30:00+08:00'), CLUE_DEADLINE_WORKING_DAYS[kind]);
      expect(r.body.properties.dueAt).toBe(expected.toISOString());
      expect(r.body.properties.kind).toBe(kind);
    }
    // 5 working days after Friday 30 October: 2, 3, 4, 5, 6 November → due 6 November 24:00 Shanghai.
    const c = await sendJson(app, 'POST', '/api/clues', intake(putuoPoint, { kind: 'consultation' }), leader);
    expect(c.body.properties.dueAt).toBe('2026-11-06T16:00:00.000Z');
  });

  test('the phone is masked for everyone but administrators', async () => {
    const id = await create();
    const asLeader = await getJson(app, `/api/clues/${id}`, leader);
    expect(asLeader.body.properties).toMatchObject({ callerPhone: '138****5678', phoneMasked: true });
    const asAdmin = await getJson(app, `/api/clues/${id}`, admin);
    expect(asAdmin.body.properties).toMatchObject({ callerPhone: '13812345678', phoneMasked: false });
  });

  test('bad input is 400 naming the field, and nothing is written', async () => {
    const before = (await countRows(database)).clues;
    const since = await lastAuditId();
    const badPhone = await sendJson(app, 'POST', '/api/clues', intake(putuoPoint, { callerPhone: 'call me' }), leader);
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details.issues[0].path).toEqual(['callerPhone']);
    const badKind = await sendJson(app, 'POST', '/api/clues', intake(putuoPoint, { kind: 'rumour' }), leader);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.issues[0].path).toEqual(['kind']);
    const noPhoto = await sendJson(app, 'POST', '/api/clues', intake(putuoPoint, { attachments: ['a'.repeat(64)] }), leader);
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.body.error.details.issues[0].path).toBe('attachments.0');
    expect((await countRows(database)).clues).toBe(before);
    expect(await auditSince(since)).toHaveLength(0);
  });

  test('intakeClue serves the public 随手拍 page: source 随手拍 only, audited as public, phone masked', async () => {
    const deps = { database, now: () => now, calendar: new CalendarCache() };
    const detail = await intakeClue(deps, 'public', {
      ...intake(putuoPoint, { source: '随手拍' }),
      reportedAt: new Date('2026-10-31T10:00:00+08:00'),
      attachments: [],
    } as never);
    expect(detail.properties).toMatchObject({ source: '随手拍', callerPhone: '138****5678', status: 'received' });
    const [entry] = (await listAudit(database, { entity: 'clue', entityId: String(detail.id), limit: 5 })).entries;
    expect(entry).toMatchObject({ actor: 'public', action: 'clue.create' });
    await expect(intakeClue(deps, 'public', { ...intake(putuoPoint), reportedAt: new Date('2026-10-31T10:00:00+08:00'), attachments: [] } as never)).rejects.toThrow(/随手拍/);
  });
});

describe('the loop step by step', () => {
  let id: number;

  test('register and dispatch by the matrix: the rule as reason, 吹哨 for three departments', async () => {
    await at('2026-11-02T01:00:00Z'); // Monday 09:00 Shanghai
    id = await create();
    const since = await lastAuditId();
    expect((await ok(step(id, 'register', { note: '案卷建立' }))).properties.status).toBe('registered');
    const d = await ok(step(id, 'dispatch', {}));
    const rule = DEFAULT_RESPONSIBILITY_MATRIX.find((r) => r.id === 'residential-flat')!;
    expect(d.properties).toMatchObject({
      status: 'dispatched',
      leadDepartment: 'urban_management',
      coDepartments: ['education', 'housing'],
      matrixRuleId: 'residential-flat',
      matrixVersion: 1,
      dispatchReason: rule.reason,
      whistle: true,
      dispatchedAt: now.toISOString(),
    });
    expect(d.properties.nextSteps).toEqual(['accept', 'send_back', 'extend_request', 'pause', 'merge', 'reject']);
    const entries = await auditSince(since);
    expect(entries.map((e) => e.action)).toEqual(['clue.register', 'clue.dispatch']);
    expect((entries[1].after as any).reason).toBe(rule.reason);
  });

  test('send back within 2 working days goes back to registered; later it is refused', async () => {
    await at('2026-11-03T15:00:00Z'); // Tuesday 23:00: within the 2nd working day after Monday's dispatch
    const back = await ok(step(id, 'send-back', { reason: '不属于本部门职责' }));
    expect(back.properties).toMatchObject({ status: 'registered', leadDepartment: null, whistle: false });
    await at('2026-11-04T01:00:00Z');
    await ok(step(id, 'dispatch', { lead: 'education', co: ['urban_management'], reason: '区里协调后改由教育局牵头' }));
    await at('2026-11-06T16:30:00Z'); // Saturday 00:30: past Friday, the 2nd working day after Wednesday
    const since = await lastAuditId();
    const late = await step(id, 'send-back', { reason: '不属于本部门职责' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('too late to send back');
    expect(await auditSince(since)).toHaveLength(0);
    const detail = (await getJson(app, `/api/clues/${id}`, leader)).body.properties;
    expect(detail).toMatchObject({ status: 'dispatched', leadDepartment: 'education', matrixRuleId: null, dispatchReason: '区里协调后改由教育局牵头', whistle: false });
  });

  test('an extension is asked for before the deadline’s last day, then approved or refused', async () => {
    await ok(step(id, 'accept', {}));
    const dueBefore = new Date((await getJson(app, `/api/clues/${id}`, leader)).body.properties.dueAt);
    const asked = await ok(step(id, 'extend-request', { workingDays: 3, reason: '需要联合住建部门现场核查' }));
    expect(asked.properties.extensionRequest).toMatchObject({ workingDays: 3, requestedBy: 'putuo_leader' });
    expect(asked.properties.nextSteps).toContain('extend_decide');
    expect((await step(id, 'extend-request', { workingDays: 2, reason: '再申请一次延期' })).status).toBe(409);
    const approved = await ok(step(id, 'extend-decide', { approve: true }, admin));
    expect(approved.properties.dueAt).toBe(extendedDeadline(calendar, dueBefore, 3).toISOString());
    expect(approved.properties.extensionRequest).toBeNull();
    await ok(step(id, 'extend-request', { workingDays: 5, reason: '仍需更多时间取证' }));
    const refused = await ok(step(id, 'extend-decide', { approve: false, note: '不予延期' }, admin));
    expect(refused.properties.dueAt).toBe(approved.properties.dueAt);
    expect((await step(id, 'extend-decide', { approve: true }, admin)).status).toBe(409);
  });

  test('an extension asked for on the deadline’s last day is refused', async () => {
    await at('2026-11-02T02:00:00Z');
    const urgent = await create({ kind: 'urgent', reportedAt: '2026-11-02T09:30:00+08:00' });
    await ok(step(urgent, 'register', {}));
    await ok(step(urgent, 'dispatch', {}));
    const r = await step(urgent, 'extend-request', { workingDays: 1, reason: '来不及处理完' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('too late: an extension is asked for at least one working day before the deadline');
    expect(r.body.error.details.issues[0].path).toBe('workingDays');
  });

  test('pause and resume move the deadline by the working days paused; feedback waits for the resume', async () => {
    await at('2026-11-09T01:00:00Z'); // Monday
    const dueBefore = new Date((await getJson(app, `/api/clues/${id}`, leader)).body.properties.dueAt);
    const paused = await ok(step(id, 'pause', { reason: '等待举报人补充地址' }));
    expect(paused.properties).toMatchObject({ paused: true, pausedAt: now.toISOString(), escalation: null });
    const pausedAt = now;
    const blocked = await step(id, 'feedback', { result: '已处理完毕', publicFeedback: '已经处理完毕' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('resume it first');
    await at('2026-11-12T01:00:00Z'); // Thursday: 3 working days later
    const resumed = await ok(step(id, 'resume', {}));
    const expected = resumedDeadline(calendar, dueBefore, pausedAt, now);
    expect(resumed.properties.dueAt).toBe(expected.toISOString());
    expect(expected.getTime()).toBeGreaterThan(dueBefore.getTime());
    expect(resumed.properties.paused).toBe(false);
  });

  test('closing needs a verification with evidence (closingProblem’s words), then closes', async () => {
    const fed = await ok(step(id, 'feedback', { result: '已责令停止办班并登记', publicFeedback: '经核实，该处培训已停止，感谢您的监督。' }));
    expect(fed.properties).toMatchObject({ status: 'feedback', publicFeedback: '经核实，该处培训已停止，感谢您的监督。' });
    const since = await lastAuditId();
    const early = await step(id, 'close', { result: '办结归档' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('a clue is closed after its verification (核查)');
    const noEvidence = await step(id, 'verify', { evidence: [], result: '现场已无培训' });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.error.message).toBe('evidence: the verification needs evidence: a check-in, a photo or a document');
    const badKind = await step(id, 'verify', { evidence: [{ kind: 'rumour', ref: 'x' }], result: '现场已无培训' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.issues[0].path).toEqual(['evidence', '0', 'kind']);
    expect(await auditSince(since)).toHaveLength(0);
    const verified = await ok(step(id, 'verify', { evidence: [{ kind: 'document', ref: '普教执〔2026〕12号' }], result: '现场复查已无培训' }));
    expect(verified.properties.verification).toMatchObject({ evidence: [{ kind: 'document', ref: '普教执〔2026〕12号' }], result: '现场复查已无培训' });
    const closed = await ok(step(id, 'close', { result: '责令停止，办结' }));
    expect(closed.properties).toMatchObject({ status: 'closed', closedAt: now.toISOString(), closingResult: '责令停止，办结', nextSteps: ['reopen'] });
  });

  test('reopen (重办) goes back to handling with a new deadline and counts', async () => {
    await at('2026-11-13T02:00:00Z');
    const r = await ok(step(id, 'reopen', { reason: '举报人反映仍在办班' }));
    expect(r.properties).toMatchObject({ status: 'handling', closedAt: null, reopenCount: 1, verification: null });
    expect(r.properties.dueAt).toBe(workingDayDeadline(calendar, now, CLUE_DEADLINE_WORKING_DAYS.complaint).toISOString());
  });

  test('the timeline has every step with who and when', async () => {
    const { status, body } = await getJson(app, `/api/clues/${id}/timeline`, leader);
    expect(status).toBe(200);
    const steps = body.entries.map((e: any) => e.step);
    expect(steps).toEqual([
      'create', 'register', 'dispatch', 'send_back', 'dispatch', 'accept', 'extend_request', 'extend_decide', 'extend_request', 'extend_decide',
      'pause', 'resume', 'feedback', 'verify', 'close', 'reopen',
    ]);
    expect(body.entries[3]).toMatchObject({ actor: 'putuo_leader', status: 'registered', note: '不属于本部门职责' });
  });

  test('a plain PATCH still registers, but no longer dispatches, verifies or closes: it names the step', async () => {
    const fresh = await create();
    expect((await sendJson(app, 'PATCH', `/api/clues/${fresh}`, { status: 'registered' }, leader)).status).toBe(200);
    const r = await sendJson(app, 'PATCH', `/api/clues/${fresh}`, { status: 'dispatched' }, leader);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe(`a clue becomes dispatched through its step: POST /api/clues/${fresh}/dispatch`);
    expect((await getJson(app, `/api/clues/${fresh}`, leader)).body.properties.status).toBe('registered');
  });

  test('a step body that is not valid is 400 naming the field; a step out of order is 409', async () => {
    const since = await lastAuditId();
    const noReason = await step(id, 'dispatch', { lead: 'education' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues[0].path).toEqual(['reason']);
    const outOfOrder = await step(id, 'register', {});
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.body.error.message).toContain('a handling clue cannot take the step register');
    expect(await auditSince(since)).toHaveLength(0);
  });
});

describe('duplicates, merge and the parent’s close', () => {
  test('a duplicate is found with its reasons, merged, leaves the queue and closes with its parent', async () => {
    await at('2026-11-16T01:00:00Z');
    const parent = await create({ reportedAt: '2026-11-15T20:00:00+08:00' });
    const child = await create({ reportedAt: '2026-11-16T08:30:00+08:00', source: 'grid_patrol', callerPhone: undefined });
    const dup = await getJson(app, `/api/clues/${child}/duplicates`, leader);
    expect(dup.status).toBe(200);
    const candidate = dup.body.candidates.find((c: any) => c.id === parent);
    expect(candidate, JSON.stringify(dup.body)).toBeDefined();
    expect(candidate.distanceMetres).toBeLessThan(100);
    expect(candidate.reasons.map((r: any) => r.kind)).toEqual(expect.arrayContaining(['similar_text']));

    expect((await step(child, 'merge', { parentId: child })).status).toBe(422);
    const merged = await ok(step(child, 'merge', { parentId: parent }));
    expect(merged.properties).toMatchObject({ parentId: parent, nextSteps: [] });
    expect((await getJson(app, `/api/clues/${parent}`, leader)).body.properties.childIds).toEqual([child]);
    const queue = await getJson(app, '/api/clues/queue?limit=500&sort=-reported', leader);
    expect(queue.status).toBe(200);
    const ids = queue.body.items.map((i: any) => i.id);
    expect(ids).toContain(parent);
    expect(ids).not.toContain(child);
    expect(queue.body.items.find((i: any) => i.id === parent).childCount).toBe(1);

    for (const [name, body] of [
      ['register', {}],
      ['dispatch', {}],
      ['accept', {}],
      ['feedback', { result: '已取缔该培训点', publicFeedback: '该培训点已被取缔。' }],
      ['verify', { evidence: [{ kind: 'check_in', ref: '1' }], result: '复查已取缔' }],
    ] as const)
      await ok(step(parent, name, body));
    const since = await lastAuditId();
    await ok(step(parent, 'close', { result: '取缔，办结' }));
    const childAfter = (await getJson(app, `/api/clues/${child}`, leader)).body.properties;
    expect(childAfter).toMatchObject({ status: 'closed', closingResult: '取缔，办结', publicFeedback: '该培训点已被取缔。', closedAt: now.toISOString() });
    const entries = await auditSince(since);
    expect(entries.map((e) => [e.action, e.entityId])).toEqual([
      ['clue.close', String(child)],
      ['clue.close', String(parent)],
    ]);
  });
});

describe('bulk dispatch and the queue', () => {
  test('POST /api/clues/dispatch dispatches each by the matrix and says why one could not', async () => {
    const a = await create({ suspectedType: 'overcharging', description: '机构收取一年学费' });
    const b = await create({ suspectedType: 'online', description: '线上直播学科培训' });
    await ok(step(a, 'register', {}));
    await ok(step(b, 'register', {}));
    const unregistered = await create();
    const r = await ok(sendJson(app, 'POST', '/api/clues/dispatch', { ids: [a, b, unregistered] }, leader));
    expect(r.results).toEqual([
      { id: a, ok: true, leadDepartment: 'market_regulation', error: null },
      { id: b, ok: true, leadDepartment: 'education', error: null },
      { id: unregistered, ok: false, leadDepartment: null, error: { code: 'conflict', message: expect.stringContaining('a received clue cannot take the step dispatch') } },
    ]);
    const detail = (await getJson(app, `/api/clues/${a}`, leader)).body.properties;
    expect(detail).toMatchObject({ coDepartments: ['commerce', 'finance', 'education'], whistle: true });
    const byDept = await getJson(app, '/api/clues/queue?department=commerce&limit=500', leader);
    expect(byDept.body.items.map((i: any) => i.id)).toContain(a);
    expect(byDept.body.items.every((i: any) => i.leadDepartment === 'commerce' || i.coDepartments.includes('commerce'))).toBe(true);
  });

  test('the queue sorts by due time and filters overdue clues in scope', async () => {
    const q = await getJson(app, '/api/clues/queue?due=overdue&limit=100', leader);
    expect(q.status).toBe(200);
    expect(q.body.total).toBeGreaterThan(0);
    const dues = q.body.items.map((i: any) => Date.parse(i.dueAt));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(q.body.items.every((i: any) => i.overdue && i.districtCode === '310107')).toBe(true);
    expect(q.body.items.filter((i: any) => !i.paused).every((i: any) => ['overdue', 'supervised', 'district'].includes(i.escalation.level))).toBe(true);
    const bad = await getJson(app, '/api/clues/queue?due=someday', leader);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual(['due']);
  });
});

describe('district scope', () => {
  test('putuo_leader can neither see nor act on a clue of another district', async () => {
    const jingan = await create({}, admin, jinganPoint);
    expect((await getJson(app, `/api/clues/${jingan}`, leader)).status).toBe(404);
    expect((await getJson(app, `/api/clues/${jingan}/timeline`, leader)).status).toBe(404);
    expect((await getJson(app, `/api/clues/${jingan}/duplicates`, leader)).status).toBe(404);
    const since = await lastAuditId();
    expect((await step(jingan, 'register', {})).status).toBe(404);
    expect(await auditSince(since)).toHaveLength(0);
    expect((await getJson(app, '/api/clues/queue?district=310106', leader)).status).toBe(403);
    const own = await getJson(app, '/api/clues/queue?limit=500', leader);
    expect(own.body.items.map((i: any) => i.id)).not.toContain(jingan);
    expect((await step(jingan, 'register', {}, admin)).status).toBe(200);
  });
});
