import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit, verifyAuditChain } from '../../db/queries/audit.js';
import { placePoint } from '../../db/queries/clue-writes.js';
import type { Database } from '../../db/client.js';
import { getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

let app: TestApp;
let database: Database;
let leader: string;
let admin: string;
let wall: string;
let putuoPoint: number[];
let jinganPoint: number[];

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  leader = await loginCookie(app, 'putuo_leader');
  admin = await loginCookie(app, 'admin');
  wall = await loginCookie(app, 'wall');
  const pointIn = async (district: string) =>
    (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${district}&limit=1`, admin)).body.features[0].geometry.coordinates;
  putuoPoint = await pointIn('310107');
  jinganPoint = await pointIn('310106');
});

const newClue = (coordinates: number[]) => ({
  source: '12345',
  reportedAt: '2026-10-31T09:30:00+08:00',
  geometry: { type: 'Point', coordinates },
  address: '普陀区 测试路 1 号',
  description: '居民楼内疑似开展学科类培训',
  suspectedType: 'residential_flat',
});

/** Audit entries written after `sinceId`, oldest first. */
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 100 });
  return entries.filter((e) => e.id > sinceId).reverse();
}
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;

describe('POST /api/clues then PATCH along the clue loop', () => {
  let clueId: number;

  test('registering a clue stores it in the district and grid cell of its point, with one audit row', async () => {
    const since = await lastAuditId();
    const { status, body, headers } = await sendJson(app, 'POST', '/api/clues', newClue(putuoPoint), leader);
    expect(status, JSON.stringify(body)).toBe(201);
    clueId = body.id;
    expect(headers.get('location')).toBe(`/api/clues/${clueId}`);
    expect(body.properties).toMatchObject({ status: 'received', districtCode: '310107', synthetic: false, source: '12345' });
    expect(body.properties.gridCellId).not.toBeNull();
    expect(body.properties.reportedAt).toBe('2026-10-31T01:30:00.000Z');
    // A complaint (the default kind) is due 15 working days after Saturday 31 October: 20 November 24:00 Shanghai.
    expect(body.properties.dueAt).toBe('2026-11-20T16:00:00.000Z');
    expect(body.properties.kind).toBe('complaint');
    expect(body.properties.nextStatuses).toEqual(['registered', 'rejected']);
    const entries = await auditSince(since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'putuo_leader', action: 'clue.create', entity: 'clue', entityId: String(clueId), before: null });
    expect((entries[0].after as any).status).toBe('received');
  });

  test('a status change writes exactly one audit row with before/after, and the chain stays valid', async () => {
    const since = await lastAuditId();
    const { status, body } = await sendJson(app, 'PATCH', `/api/clues/${clueId}`, { status: 'registered', note: '已登记' }, leader);
    expect(status).toBe(200);
    expect(body.properties.status).toBe('registered');
    const entries = await auditSince(since);
    expect(entries).toHaveLength(1);
    const [entry] = entries as any[];
    expect(entry).toMatchObject({ actor: 'putuo_leader', action: 'clue.status', entityId: String(clueId) });
    expect(entry.before.status).toBe('received');
    expect(entry.after.status).toBe('registered');
    expect(entry.after.note).toBe('已登记');
    expect(entry.prevHash).toMatch(/^[0-9a-f]{64}$/);
    const chain = await verifyAuditChain(database);
    expect(chain).toMatchObject({ ok: true, lastId: entry.id, lastHash: entry.hash });
    expect(chain.checked).toBeGreaterThan(1);
  });

  test('an invalid transition is 409 with a clear message, changes nothing and writes no audit row', async () => {
    const since = await lastAuditId();
    const { status, body } = await sendJson(app, 'PATCH', `/api/clues/${clueId}`, { status: 'closed' }, leader);
    expect(status).toBe(409);
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toBe('cannot move a clue from registered to closed; allowed next: dispatched, rejected');
    expect(body.error.details).toMatchObject({ from: 'registered', to: 'closed', allowed: ['dispatched', 'rejected'] });
    expect(body.error.details.issues[0].path).toBe('status');
    expect((await getJson(app, `/api/clues/${clueId}`, leader)).body.properties.status).toBe('registered');
    expect(await auditSince(since)).toHaveLength(0);
  });

  test('the loop runs to closed through its steps, which sets closedAt and ends the loop', async () => {
    const steps: [string, unknown][] = [
      ['dispatch', {}],
      ['accept', {}],
      ['feedback', { result: '已责令停止办班', publicFeedback: '该处培训已停止。' }],
      ['verify', { evidence: [{ kind: 'document', ref: '普教执〔2026〕1号' }], result: '复查已停止' }],
      ['close', { result: '办结归档' }],
    ];
    for (const [step, body] of steps) {
      const r = await sendJson(app, 'POST', `/api/clues/${clueId}/${step}`, body, admin);
      expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const closed = await getJson(app, `/api/clues/${clueId}`, admin);
    expect(closed.body.properties.closedAt).toBe('2026-11-01T00:00:00.000Z');
    expect(closed.body.properties.nextStatuses).toEqual([]);
    const again = await sendJson(app, 'PATCH', `/api/clues/${clueId}`, { status: 'rejected' }, admin);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already closed');
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });
});

describe('write permissions', () => {
  test('the wall display cannot write: 403 and no audit row', async () => {
    const since = await lastAuditId();
    const post = await sendJson(app, 'POST', '/api/clues', newClue(putuoPoint), wall);
    const patch = await sendJson(app, 'PATCH', '/api/clues/1', { status: 'registered' }, wall);
    for (const r of [post, patch]) {
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('read-only');
    }
    expect(await auditSince(since)).toHaveLength(0);
  });

  test('a district-scoped user cannot register a clue in another district', async () => {
    const { status, body } = await sendJson(app, 'POST', '/api/clues', newClue(jinganPoint), leader);
    expect(status).toBe(403);
    expect(body.error.message).toContain('310106');
    expect((await sendJson(app, 'POST', '/api/clues', newClue(jinganPoint), admin)).status).toBe(201);
  });

  test('a point outside every district is 422', async () => {
    const { status, body } = await sendJson(app, 'POST', '/api/clues', newClue([2.35, 48.85]), admin);
    expect(status).toBe(422);
    expect(body.error.message).toBe('geometry: the point lies outside every district');
    expect(body.error.details.issues[0].path).toBe('geometry');
  });

  test('a body that is not a valid clue is 400: polygon geometry, missing fields, out-of-range coordinates', async () => {
    const polygon = { ...newClue(putuoPoint), geometry: { type: 'Polygon', coordinates: [[[121, 31], [122, 31], [121, 31]]] } };
    expect((await sendJson(app, 'POST', '/api/clues', polygon, admin)).status).toBe(400);
    expect((await sendJson(app, 'POST', '/api/clues', { source: '12345' }, admin)).status).toBe(400);
    expect((await sendJson(app, 'POST', '/api/clues', newClue([200, 31]), admin)).status).toBe(400);
  });

  test('a report time in the future is 422', async () => {
    const future = { ...newClue(putuoPoint), reportedAt: '2026-12-01T00:00:00Z' };
    const { status, body } = await sendJson(app, 'POST', '/api/clues', future, admin);
    expect(status).toBe(422);
    expect(body.error.message).toContain('future');
  });
});

describe('geometry validity in PostGIS', () => {
  test('a self-intersecting polygon is reported invalid with its reason', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.5, 31.3], [121.5, 31.2], [121.4, 31.3], [121.4, 31.2]]] };
    const placed = await placePoint(database, bowtie);
    expect(placed.valid).toBe(false);
    expect(placed.reason).toMatch(/Self-intersection/);
    expect(placed.geometryType).toBe('POLYGON');
  });

  test('a point in 普陀区 is placed in 普陀区 and in a grid cell', async () => {
    const placed = await placePoint(database, { type: 'Point', coordinates: putuoPoint });
    expect(placed).toMatchObject({ valid: true, geometryType: 'POINT', districtCode: '310107' });
    expect(placed.gridCellId).not.toBeNull();
  });
});
