import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { listAudit, verifyAuditChain } from '../../db/queries/audit.js';
import { LoginRateLimiter } from '../../server/auth/rate-limit.js';
import { sessionTokenHash } from '../../server/auth/session-token.js';
import { defaultPlaylist, WALL_DISPLAY_REVOKED } from '../../server/contract/wall-displays.js';
import { allTime, getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';
import { readSse, type SseReader } from '../support/sse.js';

const putuo = '310107';
const jingan = '310106';
let app: TestApp;
let database: Database;
let admin: string;
let planner: string;
let leader: string;
let wall: string;
const open: SseReader[] = [];

beforeAll(async () => {
  app = await testApp({ liveEvents: { pollMs: 100, heartbeatMs: 150 } });
  database = await testDatabase();
  [admin, planner, leader, wall] = await Promise.all(['admin', 'planner', 'putuo_leader', 'wall'].map((u) => loginCookie(app, u)));
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  app.deps.liveEvents.stop();
});

const playlist = {
  scenes: [
    { scene: 'overview', dwellSeconds: 20 },
    { scene: 'districts', dwellSeconds: 15 },
  ],
  nightHours: null,
};

async function create(body: unknown, cookie = admin) {
  return sendJson(app, 'POST', '/api/wall-displays', body, cookie);
}

async function pair(token: string, target: TestApp = app) {
  const response = await sendJson(target, 'POST', '/api/wall/pair', { token });
  return { ...response, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
}

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 100 });
  return entries.filter((e) => e.id > sinceId).reverse();
}

async function countDisplays(): Promise<number> {
  const [row] = await database.rows(sql`SELECT count(*)::int AS n FROM wall_displays`);
  return Number(row.n);
}

describe('creating and listing displays', () => {
  test('an administrator creates a display: its token is answered once and only its hash is stored', async () => {
    const since = await lastAuditId();
    const { status, body } = await create({ name: '指挥中心主屏', districtCode: null, playlist });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(body.path).toBe(`/wall#display=${body.token}`);
    expect(body.display).toEqual({
      id: expect.any(Number),
      name: '指挥中心主屏',
      districtCode: null,
      playlist,
      createdAt: expect.any(String),
      createdBy: 'admin',
      lastPairedAt: null,
      revokedAt: null,
    });
    const [stored] = await database.rows(sql`SELECT token_hash AS "tokenHash", playlist::text AS playlist FROM wall_displays WHERE id = ${body.display.id}`);
    expect(stored.tokenHash).toBe(sessionTokenHash(body.token));
    expect(JSON.stringify(await database.rows(sql`SELECT * FROM wall_displays`))).not.toContain(body.token);

    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ actor: 'admin', action: 'wall_display.create', entity: 'wall_display', entityId: String(body.display.id) });
    expect(JSON.stringify(entry)).not.toContain(body.token);
    expect(JSON.stringify(entry)).not.toContain(stored.tokenHash);
  });

  test('each display has an account of its own: role wall, its district and name, and no password that works', async () => {
    const { body } = await create({ name: '普陀区分中心', districtCode: putuo });
    expect(body.display.playlist).toEqual(defaultPlaylist);
    const [user] = await database.rows(sql`
      SELECT u.username, u.role::text AS role, u.district_code AS "districtCode", u.display_name AS "displayName", u.password_hash AS "passwordHash"
      FROM wall_displays w JOIN users u ON u.id = w.user_id WHERE w.id = ${body.display.id}`);
    expect(user).toMatchObject({ username: `display-${body.display.id}`, role: 'wall', districtCode: putuo, displayName: '普陀区分中心' });
    expect(user.passwordHash).not.toMatch(/^scrypt\$/);
    for (const password of ['', user.passwordHash as string, 'test-password']) {
      const login = await sendJson(app, 'POST', '/api/auth/login', { username: user.username, password: password || 'x' });
      expect(login.status).toBe(401);
    }
  });

  test('the list answers every display to an administrator', async () => {
    const { status, body } = await getJson(app, '/api/wall-displays', admin);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThanOrEqual(2);
    expect(body.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['指挥中心主屏', '普陀区分中心']));
    for (const d of body) expect(d).not.toHaveProperty('token');
  });

  test.each([
    ['a dwell of 2 s', { name: 'x', districtCode: null, playlist: { scenes: [{ scene: 'overview', dwellSeconds: 2 }], nightHours: null } }, 'playlist'],
    ['an unknown scene', { name: 'x', districtCode: null, playlist: { scenes: [{ scene: 'weather', dwellSeconds: 30 }], nightHours: null } }, 'playlist'],
    ['no scenes', { name: 'x', districtCode: null, playlist: { scenes: [], nightHours: null } }, 'playlist'],
    ['night hours that are no time', { name: 'x', districtCode: null, playlist: { ...playlist, nightHours: { from: '25:00', to: '06:00' } } }, 'playlist'],
    ['an empty name', { name: '  ', districtCode: null }, 'name'],
    ['a malformed district', { name: 'x', districtCode: '31' }, 'districtCode'],
    ['an unknown field', { name: 'x', districtCode: null, token: 'mine' }, 'token'],
  ])('%s is a 400 naming the field, and nothing is written', async (_what, body, field) => {
    const [before, since] = [await countDisplays(), await lastAuditId()];
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(response.body.error)).toContain(field);
    expect(await countDisplays()).toBe(before);
    expect(await auditSince(since)).toEqual([]);
  });

  test('a district that does not exist is a 422 naming the field, and nothing is written', async () => {
    const [before, since] = [await countDisplays(), await lastAuditId()];
    const response = await create({ name: 'x', districtCode: '319999' });
    expect(response.status).toBe(422);
    expect(response.body.error.details.issues[0].path).toBe('districtCode');
    expect(await countDisplays()).toBe(before);
    expect(await auditSince(since)).toEqual([]);
  });

  test('every other role is refused (403) and nothing is written', async () => {
    const { body } = await create({ name: '待改名', districtCode: null });
    const [before, since] = [await countDisplays(), await lastAuditId()];
    for (const cookie of [planner, leader, wall]) {
      expect((await create({ name: 'x', districtCode: null }, cookie)).status).toBe(403);
      expect((await getJson(app, '/api/wall-displays', cookie)).status).toBe(403);
      expect((await sendJson(app, 'PATCH', `/api/wall-displays/${body.display.id}`, { name: 'y' }, cookie)).status).toBe(403);
      expect((await sendJson(app, 'POST', `/api/wall-displays/${body.display.id}/revoke`, {}, cookie)).status).toBe(403);
    }
    expect(await countDisplays()).toBe(before);
    expect(await auditSince(since)).toEqual([]);
    expect((await getJson(app, '/api/wall-displays')).status).toBe(401);
  });
});

describe('editing a display', () => {
  test('renaming and a new playlist change the display and its account, audited with before and after', async () => {
    const { body: created } = await create({ name: '旧名', districtCode: jingan });
    const since = await lastAuditId();
    const { status, body } = await sendJson(app, 'PATCH', `/api/wall-displays/${created.display.id}`, { name: '静安区分中心', playlist }, admin);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: created.display.id, name: '静安区分中心', districtCode: jingan, playlist });
    const [user] = await database.rows(sql`SELECT u.display_name AS "displayName" FROM wall_displays w JOIN users u ON u.id = w.user_id WHERE w.id = ${created.display.id}`);
    expect(user.displayName).toBe('静安区分中心');
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: 'wall_display.update', entityId: String(created.display.id), before: { name: '旧名' }, after: { name: '静安区分中心', playlist } });
  });

  test('a bad playlist is a 400 and changes nothing; an unknown display is a 404', async () => {
    const { body: created } = await create({ name: '不变', districtCode: null, playlist });
    const bad = await sendJson(app, 'PATCH', `/api/wall-displays/${created.display.id}`, { playlist: { scenes: [{ scene: 'overview', dwellSeconds: 2 }], nightHours: null } }, admin);
    expect(bad.status).toBe(400);
    const list = (await getJson(app, '/api/wall-displays', admin)).body;
    expect(list.find((d: { id: number }) => d.id === created.display.id).playlist).toEqual(playlist);
    expect((await sendJson(app, 'PATCH', '/api/wall-displays/999999', { name: 'x' }, admin)).status).toBe(404);
    expect((await sendJson(app, 'POST', '/api/wall-displays/999999/revoke', {}, admin)).status).toBe(404);
  });
});

describe('pairing', () => {
  test('a valid token answers the display and a session cookie that reads the display and the event stream', async () => {
    const { body: created } = await create({ name: '配对测试', districtCode: null, playlist });
    const since = await lastAuditId();
    const paired = await pair(created.token);
    expect(paired.status).toBe(200);
    expect(paired.body).toEqual({ id: created.display.id, name: '配对测试', districtCode: null, playlist });
    expect(paired.cookie).toMatch(/^jointops_session=/);
    expect(paired.headers.get('set-cookie')).toContain('HttpOnly');

    const me = await getJson(app, '/api/auth/me', paired.cookie);
    expect(me.body).toMatchObject({ username: `display-${created.display.id}`, role: 'wall', canWrite: false, districtCode: null });
    expect((await getJson(app, '/api/wall/display', paired.cookie)).body).toEqual(paired.body);
    const events = await app.request('/api/events', { headers: { Cookie: paired.cookie } });
    expect(events.status).toBe(200);
    const stream = readSse(events);
    open.push(stream);
    await stream.waitFor((m) => m.some((x) => x.comments.includes('connected')));

    const listed = (await getJson(app, '/api/wall-displays', admin)).body.find((d: { id: number }) => d.id === created.display.id);
    expect(listed.lastPairedAt).not.toBeNull();
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ actor: `display-${created.display.id}`, action: 'wall_display.pair', entity: 'wall_display', entityId: String(created.display.id) });
    expect(JSON.stringify(entry)).not.toContain(created.token);
  });

  test('pairing again gives a new session; the first one still holds', async () => {
    const { body: created } = await create({ name: '再次配对', districtCode: null });
    const first = await pair(created.token);
    const second = await pair(created.token);
    expect(second.status).toBe(200);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await getJson(app, '/api/wall/display', first.cookie)).status).toBe(200);
  });

  test('a wrong token is a 401 and sets no cookie', async () => {
    const response = await pair('x'.repeat(43));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.body.error.details?.reason).toBeUndefined();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test('a malformed body is a 400', async () => {
    expect((await sendJson(app, 'POST', '/api/wall/pair', { token: 'short' })).status).toBe(400);
    expect((await sendJson(app, 'POST', '/api/wall/pair', { token: 'x'.repeat(43), name: 'x' })).status).toBe(400);
  });

  test('guessing tokens is throttled per address like failed logins (429), even for a valid token then', async () => {
    const limited = await testApp({ loginLimiter: new LoginRateLimiter({ perUser: 100, perAddress: 3 }) });
    const { body: created } = await sendJson(limited, 'POST', '/api/wall-displays', { name: '限流', districtCode: null }, await loginCookie(limited, 'admin'));
    for (let i = 0; i < 3; i++) expect((await pair(`${'y'.repeat(40)}${i}`, limited)).status).toBe(401);
    const refused = await pair(created.token, limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    limited.deps.liveEvents.stop();
  });

  test('an account that is not a display has no display (404): the page then shows the default playlist', async () => {
    for (const cookie of [wall, admin]) {
      const { status, body } = await getJson(app, '/api/wall/display', cookie);
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
    expect((await getJson(app, '/api/wall/display')).status).toBe(401);
  });
});

describe('revoking a display', () => {
  test('ends its sessions and its open streams at once, and its token is refused as revoked from then on', async () => {
    const { body: created } = await create({ name: '撤销测试', districtCode: putuo });
    const paired = await pair(created.token);
    expect((await getJson(app, '/api/wall/display', paired.cookie)).status).toBe(200); // cached in the session cache now
    const events = await app.request('/api/events', { headers: { Cookie: paired.cookie } });
    const stream = readSse(events);
    open.push(stream);
    await stream.waitFor((m) => m.some((x) => x.comments.includes('connected')));

    const since = await lastAuditId();
    const { status, body } = await sendJson(app, 'POST', `/api/wall-displays/${created.display.id}/revoke`, {}, admin);
    expect(status).toBe(200);
    expect(body.revokedAt).toEqual(expect.any(String));
    await stream.closed;
    expect(stream.events().at(-1)).toEqual({ id: undefined, event: 'end', data: { reason: 'session_ended' } });

    expect((await getJson(app, '/api/wall/display', paired.cookie)).status).toBe(401);
    expect((await getJson(app, `/api/summary?${allTime}`, paired.cookie)).status).toBe(401);
    const [left] = await database.rows(sql`SELECT count(*)::int AS n FROM sessions s JOIN wall_displays w ON w.user_id = s.user_id WHERE w.id = ${created.display.id}`);
    expect(Number(left.n)).toBe(0);

    const again = await pair(created.token);
    expect(again.status).toBe(401);
    expect(again.body.error.details.reason).toBe(WALL_DISPLAY_REVOKED);
    expect(again.body.error.message).toContain('revoked');
    expect(again.headers.get('set-cookie')).toBeNull();

    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ actor: 'admin', action: 'wall_display.revoke', entityId: String(created.display.id), before: { revokedAt: null }, after: { endedSessions: 1 } });
  });

  test('a revoked display can be neither edited nor revoked again (409), and stays in the list', async () => {
    const { body: created } = await create({ name: '已撤销', districtCode: null });
    await sendJson(app, 'POST', `/api/wall-displays/${created.display.id}/revoke`, {}, admin);
    expect((await sendJson(app, 'PATCH', `/api/wall-displays/${created.display.id}`, { name: 'x' }, admin)).status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/wall-displays/${created.display.id}/revoke`, {}, admin)).status).toBe(409);
    const listed = (await getJson(app, '/api/wall-displays', admin)).body.find((d: { id: number }) => d.id === created.display.id);
    expect(listed).toMatchObject({ name: '已撤销', revokedAt: expect.any(String) });
  });
});

describe('a paired display is read-only and sees its district only', () => {
  let putuoWall: string;
  let cityWall: string;

  beforeAll(async () => {
    const [district, city] = await Promise.all([create({ name: '普陀大屏', districtCode: putuo }), create({ name: '全市大屏', districtCode: null })]);
    [putuoWall, cityWall] = [(await pair(district.body.token)).cookie, (await pair(city.body.token)).cookie];
  });

  test('writes are refused (403) and write nothing', async () => {
    const point = (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${putuo}&limit=1`, admin)).body.features[0].geometry.coordinates;
    const clue = { source: '12345', reportedAt: '2026-10-31T09:30:00+08:00', geometry: { type: 'Point', coordinates: point }, address: '普陀区 测试路 1 号', description: '居民楼内疑似开展学科类培训', suspectedType: 'residential_flat' };
    const since = await lastAuditId();
    for (const cookie of [putuoWall, cityWall]) {
      expect((await sendJson(app, 'POST', '/api/clues', clue, cookie)).status).toBe(403);
      expect((await sendJson(app, 'PATCH', '/api/clues/1', { status: 'registered' }, cookie)).status).toBe(403);
      expect((await create({ name: 'x', districtCode: null }, cookie)).status).toBe(403);
    }
    expect(await auditSince(since)).toEqual([]);
  });

  test('a district display reads only its district and is refused another (403)', async () => {
    const institutions = await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&limit=5000`, putuoWall);
    expect(institutions.status).toBe(200);
    expect(institutions.body.features.length).toBeGreaterThan(0);
    for (const f of institutions.body.features) expect(f.properties.districtCode).toBe(putuo);

    const mine = await getJson(app, `/api/summary?${allTime}`, putuoWall);
    expect(mine.status).toBe(200);
    expect(Object.keys(mine.body.cluesByDistrict)).toEqual([putuo]);
    // The same figures as the district leader's, whose account has the same scope.
    expect(mine.body).toEqual((await getJson(app, `/api/summary?${allTime}`, leader)).body);

    const other = await getJson(app, `/api/summary?${allTime}&district=${jingan}`, putuoWall);
    expect(other.status).toBe(403);
    expect(other.body.error.details).toEqual({ allowedDistrict: putuo, requestedDistrict: jingan });
    expect((await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${jingan}`, putuoWall)).status).toBe(403);
  });

  test('a city-wide display reads every district', async () => {
    const { body } = await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&limit=5000`, cityWall);
    expect(new Set(body.features.map((f: { properties: { districtCode: string } }) => f.properties.districtCode)).size).toBeGreaterThan(1);
  });
});

test('the audit chain holds after all of it', async () => {
  expect((await verifyAuditChain(database)).ok).toBe(true);
});
