import gcoord from 'gcoord';
import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '../../db/queries/audit.js';
import { latestLiveEvents } from '../../db/queries/live-events.js';
import { cityWide } from '../../db/queries/queryable.js';
import { countRows } from '../../db/queries/seed.js';
import type { Database } from '../../db/client.js';
import { DEFAULT_RESPONSIBILITY_MATRIX } from '../../server/domain/responsibility-matrix.js';
import { announceClueEscalations } from '../../server/services/clue-desk.js';
import { CalendarCache } from '../../server/services/calendar.js';
import { getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';

// The clue desk's administration: the responsibility matrix's versions, the platform CSV import, the metrics and the
// escalation scan.

let app: TestApp;
let database: Database;
let leader: string;
let admin: string;
let putuoPoint: number[];

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  leader = await loginCookie(app, 'putuo_leader');
  admin = await loginCookie(app, 'admin');
  putuoPoint = (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=310107&limit=1`, admin)).body.features[0].geometry.coordinates;
});

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
const auditSince = async (sinceId: number) => (await listAudit(database, { limit: 100 })).entries.filter((e) => e.id > sinceId);

describe('the responsibility matrix', () => {
  const rules = () => DEFAULT_RESPONSIBILITY_MATRIX.map((r) => ({ ...r, co: [...r.co] }));

  test('GET answers version 1, the default matrix, to every signed-in user', async () => {
    const { status, body } = await getJson(app, '/api/responsibility-matrix', leader);
    expect(status).toBe(200);
    expect(body.current.version).toBe(1);
    expect(body.current.rules.map((r: any) => r.id)).toEqual(DEFAULT_RESPONSIBILITY_MATRIX.map((r) => r.id));
    expect(body.versions).toHaveLength(1);
  });

  test('PUT is for administrators; problems are 400 naming the path; nothing is stored', async () => {
    const since = await lastAuditId();
    expect((await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: 1, rules: rules() }, leader)).status).toBe(403);
    const noFallback = await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: 1, rules: rules().filter((r) => r.id !== 'fallback') }, admin);
    expect(noFallback.status).toBe(400);
    expect(noFallback.body.error.details.issues.map((i: any) => i.path)).toEqual(['rules']);
    const unknown = rules();
    unknown[0] = { ...unknown[0], lead: 'ministry_of_magic' };
    const bad = await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: 1, rules: unknown }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toEqual({ path: 'rules.0', message: 'unknown department ministry_of_magic' });
    expect(await auditSince(since)).toHaveLength(0);
    expect((await getJson(app, '/api/responsibility-matrix', admin)).body.current.version).toBe(1);
  });

  test('PUT stores version 2 (audited as matrix.update) and a stale version is 409; dispatch follows the new version', async () => {
    const since = await lastAuditId();
    const edited = rules().map((r) => (r.id === 'online' ? { ...r, co: ['public_security', 'market_regulation'] } : r));
    const stored = await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: 1, rules: edited }, admin);
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    expect(stored.body.current).toMatchObject({ version: 2, createdBy: 'admin' });
    expect(stored.body.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const entries = await auditSince(since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'matrix.update', entity: 'responsibility_matrix', entityId: '2' });
    const stale = await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: 1, rules: rules() }, admin);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('the matrix is at version 2, not 1: reload it and edit again');

    const clue = await sendJson(
      app,
      'POST',
      '/api/clues',
      { source: '12345', reportedAt: '2026-10-31T10:00:00+08:00', geometry: { type: 'Point', coordinates: putuoPoint }, address: '普陀区 网课', description: '线上直播学科类培训', suspectedType: 'online' },
      leader,
    );
    await sendJson(app, 'POST', `/api/clues/${clue.body.id}/register`, {}, leader);
    const d = await sendJson(app, 'POST', `/api/clues/${clue.body.id}/dispatch`, {}, leader);
    expect(d.body.properties).toMatchObject({ matrixVersion: 2, matrixRuleId: 'online', coDepartments: ['public_security', 'market_regulation'], whistle: true });
  });

  test('each version of the history says what it changed against the one before', async () => {
    const current = (await getJson(app, '/api/responsibility-matrix', admin)).body;
    const edited = current.current.rules.filter((r: any) => r.id !== 'daycare').map((r: any) => (r.id === 'one-to-one' ? { ...r, lead: 'urban_management', co: ['education'] } : r));
    edited.splice(0, 0, { id: 'tutoring-app', suspectedTypes: ['online'], lead: 'public_security', co: ['education'], reason: '以 App 名义组织的线上培训' });
    const stored = await sendJson(app, 'PUT', '/api/responsibility-matrix', { expectedVersion: current.current.version, rules: edited }, admin);
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const [newest, before, first] = stored.body.versions;
    expect(newest).toMatchObject({ version: current.current.version + 1, createdBy: 'admin', ruleCount: edited.length });
    expect(newest.changes).toEqual({ added: ['tutoring-app'], removed: ['daycare'], changed: [{ id: 'one-to-one', fields: ['lead', 'co'] }], reordered: false });
    expect(before.changes).toEqual({ added: [], removed: [], changed: [{ id: 'online', fields: ['co'] }], reordered: false });
    expect(first).toMatchObject({ version: 1, changes: null });
  });
});

const HEADER = '投诉编号,投诉时间,所属区,投诉地址,投诉类型,投诉内容,被投诉机构,联系电话,经度,纬度';
const gcj = (p: number[]) => gcoord.transform<[number, number]>([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02);
function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...rows.map((r) => r.join(','))].join('\n'));
}
const importCsv = async (bytes: Uint8Array, query: string, cookie = admin) => {
  const response = await app.request(`/api/clues/import${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Cookie: cookie }, body: bytes });
  return { status: response.status, body: (await response.json()) as any };
};

describe('POST /api/clues/import', () => {
  const row = (id: string, when = '2026-10-20 14:22', district = '普陀区') => {
    const [x, y] = gcj(putuoPoint);
    return [id, when, district, '普陀区 某路 1 号', '居民楼内办班', '居民楼内违规培训', '某某教育', '13900001111', String(x), String(y)];
  };

  test('a dry run reports every row and writes nothing', async () => {
    const before = await countRows(database);
    const r = await importCsv(csv([row('TS-1'), row('TS-2', '2026/10/21 9:05')]), '');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ committed: false, encoding: 'utf-8', rowCount: 2, problems: [] });
    expect(r.body.rows.map((x: any) => [x.line, x.externalId, x.districtCode, x.suspectedType, x.clueId])).toEqual([
      [2, 'TS-1', '310107', 'residential_flat', null],
      [3, 'TS-2', '310107', 'residential_flat', null],
    ]);
    const after = await countRows(database);
    expect(after.clues).toBe(before.clues);
    expect(after.audit_log).toBe(before.audit_log);
  });

  test('commit with one bad row writes nothing (422 naming the line); a clean file is written whole and audited', async () => {
    const before = await countRows(database);
    const bad = await importCsv(csv([row('TS-3'), row('TS-4', '2026-10-20 14:22', '静安区')]), '?commit=true');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues[0].path).toBe('line 3.lon');
    expect(bad.body.error.details.issues[0].message).toContain('not in 310106');
    expect((await countRows(database)).clues).toBe(before.clues);
    expect((await countRows(database)).audit_log).toBe(before.audit_log);

    const good = await importCsv(csv([row('TS-3'), row('TS-4')]), '?commit=true&kind=consultation');
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.committed).toBe(true);
    const ids = good.body.rows.map((x: any) => x.clueId);
    expect(ids.every((id: unknown) => typeof id === 'number')).toBe(true);
    expect((await countRows(database)).clues).toBe(before.clues + 2);
    const [entry] = (await listAudit(database, { limit: 1 })).entries;
    expect(entry).toMatchObject({ action: 'clue.import', actor: 'admin' });
    expect((entry.after as any).clueIds).toEqual(ids);
    const detail = (await getJson(app, `/api/clues/${ids[0]}`, leader)).body.properties;
    expect(detail).toMatchObject({ source: 'platform', kind: 'consultation', externalId: 'TS-3', callerPhone: '139****1111', districtCode: '310107' });
    // Imported again: refused by complaint number, nothing written.
    const again = await importCsv(csv([row('TS-3')]), '?commit=true');
    expect(again.status).toBe(422);
    expect(again.body.error.details.issues[0]).toEqual({ path: 'line 2.externalId', message: 'TS-3 was imported before' });
  });

  test('the dry run answers the header, the mapping it used and the first rows; the phone masked for all but administrators', async () => {
    const file = csv([row('TS-20'), row('TS-21')]);
    const asAdmin = await importCsv(file, '');
    expect(asAdmin.body.header).toEqual(HEADER.split(','));
    expect(asAdmin.body.mapping).toEqual({ externalId: 0, reportedAt: 1, districtName: 2, address: 3, category: 4, description: 5, institutionName: 6, phone: 7, lon: 8, lat: 9 });
    expect(asAdmin.body.sample.map((cells: string[]) => cells.slice(0, 3))).toEqual([['TS-20', '2026-10-20 14:22', '普陀区'], ['TS-21', '2026-10-20 14:22', '普陀区']]);
    expect(asAdmin.body.sample[0][7]).toBe('13900001111');
    const asLeader = await importCsv(file, '', leader);
    expect(asLeader.body.sample[0][7]).toBe('139****1111');
    expect(asLeader.body.sample[0][5]).toBe('居民楼内违规培训');
  });

  test('unknown headers: the report names the missing columns and still shows the file; the mapping by hand imports it', async () => {
    const before = await countRows(database);
    const [x, y] = gcj(putuoPoint);
    const odd = new TextEncoder().encode(`no,when,where,district,what,x,y\nTS-30,2026-10-20 14:22,普陀区 某路 3 号,普陀区,居民楼内补课,${x},${y}`);
    const dry = await importCsv(odd, '');
    expect(dry.status).toBe(200);
    expect(dry.body.problems.map((p: any) => p.path)).toEqual(['header.externalId', 'header.reportedAt', 'header.address', 'header.description']);
    expect(dry.body.header).toEqual(['no', 'when', 'where', 'district', 'what', 'x', 'y']);
    expect(dry.body.mapping).toEqual({ districtName: 3 });
    expect(dry.body.sample[0][0]).toBe('TS-30');
    const mapping = encodeURIComponent(JSON.stringify({ externalId: 0, reportedAt: 1, address: 2, description: 4, lon: 5, lat: 6 }));
    const mapped = await importCsv(odd, `?mapping=${mapping}`);
    expect(mapped.body.problems).toEqual([]);
    expect(mapped.body.mapping).toMatchObject({ externalId: 0, districtName: 3, lon: 5 });
    const beyond = await importCsv(odd, `?mapping=${encodeURIComponent(JSON.stringify({ phone: 9 }))}`);
    expect(beyond.body.problems.map((p: any) => p.path)).toContain('header.phone');
    const named = await importCsv(new Uint8Array([0xc6, 0xd5, 0xcd, 0xd3]), '?encoding=utf-8&commit=true');
    expect(named.status).toBe(422);
    expect(named.body.error.details.issues).toEqual([{ path: 'encoding', message: 'the file is not valid UTF-8: choose GBK or auto' }]);
    expect((await countRows(database)).clues).toBe(before.clues);
  });

  test('a district-scoped account imports its own district only; bad query parameters are 400', async () => {
    const r = await importCsv(csv([row('TS-9', '2026-10-20 14:22', '静安区')]), '', leader);
    expect(r.status).toBe(200);
    expect(r.body.problems.map((p: any) => p.path)).toEqual(expect.arrayContaining(['line 2.districtName']));
    const badMapping = await importCsv(csv([row('TS-10')]), '?mapping=nonsense');
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.details.issues[0].path).toEqual(['mapping']);
  });
});

describe('GET /api/clues/metrics', () => {
  test('per district in scope, from the metrics kernel', async () => {
    const asAdmin = await getJson(app, '/api/clues/metrics?from=2026-01-01&to=2026-10-31&groupBy=district', admin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.groups.length).toBeGreaterThan(1);
    const asLeader = await getJson(app, '/api/clues/metrics?from=2026-01-01&to=2026-10-31&groupBy=district', leader);
    expect(asLeader.body.groups.map((g: any) => g.group)).toEqual(['310107']);
    const putuo = asAdmin.body.groups.find((g: any) => g.group === '310107');
    expect(asLeader.body.groups[0]).toEqual(putuo);
    expect(putuo.received).toBeGreaterThan(0);
    expect(putuo.onTimeRate).toBeCloseTo(putuo.closedOnTime / (putuo.closed + putuo.openOverdue), 10);
    expect(putuo.handlingHours.p50).toBeLessThanOrEqual(putuo.handlingHours.p90);
    expect((await getJson(app, '/api/clues/metrics?from=2026-01-01&to=2026-10-31&district=310106', leader)).status).toBe(403);
    const bad = await getJson(app, '/api/clues/metrics?from=2026-10-31&to=2026-01-01', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual(['to']);
  });

  test('per lead department, the seed dispatched by the matrix', async () => {
    const { body } = await getJson(app, '/api/clues/metrics?from=2026-01-01&to=2026-10-31&groupBy=department', leader);
    const groups = body.groups.map((g: any) => g.group);
    expect(groups).toEqual(expect.arrayContaining(['education', 'urban_management']));
  });
});

describe('escalation', () => {
  test('an urgent clue due tonight gets its reminder once; the detail shows the level and who is told', async () => {
    const created = await sendJson(
      app,
      'POST',
      '/api/clues',
      { source: '12345', kind: 'urgent', reportedAt: '2026-11-01T07:30:00+08:00', geometry: { type: 'Point', coordinates: putuoPoint }, address: '普陀区 紧急', description: '学生在培训点受伤', suspectedType: 'other' },
      leader,
    );
    expect(created.status).toBe(201);
    expect(created.body.properties.escalation).toEqual({ level: 'reminder', workingDaysOverdue: 0, notify: ['handler'] });
    const deps = { database, now: () => testAsOf, calendar: new CalendarCache() };
    expect(await announceClueEscalations(deps)).toBeGreaterThanOrEqual(1);
    expect(await announceClueEscalations(deps)).toBe(0);
    const events = (await latestLiveEvents(database, { scope: cityWide, limit: 5000 })).filter((e) => e.kind === 'clue.escalated');
    const mine = events.filter((e) => e.payload.clueId === created.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].payload).toMatchObject({ level: 'reminder', notify: ['handler'], districtCode: '310107', dueAt: '2026-11-01T16:00:00.000Z' });
    // Overdue clues of the seed were announced at their level, each once.
    const keys = events.map((e) => JSON.stringify([e.payload.clueId, e.payload.level, e.payload.dueAt]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.some((e) => ['overdue', 'supervised', 'district'].includes(e.payload.level as string))).toBe(true);
  });
});
