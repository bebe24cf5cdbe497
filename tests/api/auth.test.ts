import { beforeAll, describe, expect, test } from 'vitest';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { testPassword } from '../support/db.js';
import { LoginRateLimiter } from '../../server/auth/rate-limit.js';

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
});

describe('GET /api/health', () => {
  test('is public and reports the engine, version and a working database', async () => {
    const { status, body } = await getJson(app, '/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(body.engine);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.db.ok).toBe(true);
    expect(body.db.message).toMatch(/PostGIS 3\./);
  });

  test('carries a request id and security headers', async () => {
    const response = await app.request('/api/health');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('POST /api/auth/login', () => {
  test('sets an httpOnly SameSite=Lax session cookie and returns the user', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'putuo_leader', password: testPassword }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jointops_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const me = await response.json();
    expect(me).toMatchObject({ username: 'putuo_leader', role: 'leader', districtCode: '310107', districtName: '普陀区', canWrite: true });
    expect(me).not.toHaveProperty('passwordHash');
  });

  test('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await sendJson(app, 'POST', '/api/auth/login', { username: 'admin', password: 'not-the-password' });
    const unknown = await sendJson(app, 'POST', '/api/auth/login', { username: 'nobody', password: testPassword });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'unauthenticated', message: 'wrong username or password' });
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });

  test('refuses a malformed body with 400 and the zod issues', async () => {
    const missing = await sendJson(app, 'POST', '/api/auth/login', { username: 'admin' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('password');
    const notJson = await sendJson(app, 'POST', '/api/auth/login', '{"username": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_request');
    const extra = await sendJson(app, 'POST', '/api/auth/login', { username: 'admin', password: 'x', role: 'admin' });
    expect(extra.status).toBe(400);
  });

  test('limits failed attempts per username and address, then answers 429 with Retry-After', async () => {
    const limited = await testApp();
    const attempt = () => sendJson(limited, 'POST', '/api/auth/login', { username: 'planner', password: 'guess' });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the limiter must not tell a guesser when it hit.
    expect((await sendJson(limited, 'POST', '/api/auth/login', { username: 'planner', password: testPassword })).status).toBe(429);
    // Another username is not affected.
    expect((await sendJson(limited, 'POST', '/api/auth/login', { username: 'admin', password: testPassword })).status).toBe(200);
  });

  test('limits failed attempts per address across usernames', async () => {
    const limited = await testApp({ loginLimiter: new LoginRateLimiter({ perUser: 100, perAddress: 3 }) });
    for (const username of ['a1', 'a2', 'a3']) expect((await sendJson(limited, 'POST', '/api/auth/login', { username, password: 'guess' })).status).toBe(401);
    const blocked = await sendJson(limited, 'POST', '/api/auth/login', { username: 'planner', password: testPassword });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  test('GET /api/auth/me answers the logged-in user', async () => {
    const cookie = await loginCookie(app, 'wall');
    const { status, body } = await getJson(app, '/api/auth/me', cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({ username: 'wall', role: 'wall', canWrite: false });
  });

  test('the account carries the extent of its scope: the whole city, or the district of a scoped account', async () => {
    const city = (await getJson(app, '/api/auth/me', await loginCookie(app, 'admin'))).body.scopeExtent as number[];
    const putuo = (await getJson(app, '/api/auth/me', await loginCookie(app, 'putuo_leader'))).body.scopeExtent as number[];
    const districts = (await getJson(app, '/api/districts', await loginCookie(app, 'admin'))).body.features as { id: string; geometry: { coordinates: unknown } }[];
    // Every border point lies inside its extent (the borders are simplified, so within their 20 m tolerance).
    const inside = (extent: number[], points: number[][]) =>
      points.every(([x, y]) => x >= extent[0] - 1e-3 && y >= extent[1] - 1e-3 && x <= extent[2] + 1e-3 && y <= extent[3] + 1e-3);
    const pointsOf = (geometry: { coordinates: unknown }): number[][] => {
      const walk = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(walk));
      return walk(geometry.coordinates);
    };
    expect(inside(city, districts.flatMap((d) => pointsOf(d.geometry)))).toBe(true);
    const putuoPoints = pointsOf(districts.find((d) => d.id === '310107')!.geometry);
    expect(inside(putuo, putuoPoints)).toBe(true);
    // …and is no larger than needed: Putuo's own border touches each side of Putuo's extent.
    expect(Math.min(...putuoPoints.map((p) => p[0]))).toBeCloseTo(putuo[0], 3);
    expect(Math.max(...putuoPoints.map((p) => p[1]))).toBeCloseTo(putuo[3], 3);
    expect(putuo[2] - putuo[0]).toBeLessThan((city[2] - city[0]) / 3);
  });

  test('logout ends the session on the server, not only in the browser', async () => {
    const cookie = await loginCookie(app, 'planner');
    expect((await getJson(app, '/api/auth/me', cookie)).status).toBe(200);
    const out = await sendJson(app, 'POST', '/api/auth/logout', {}, cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/jointops_session=;.*Max-Age=0/);
    const after = await getJson(app, '/api/auth/me', cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  // Each request runs on a fresh app (no session cache) with its clock at `hours` after the login at testAsOf.
  const meAt = async (cookie: string, hours: number) =>
    (await getJson(await testApp({ now: () => new Date(Date.UTC(2026, 10, 1) + hours * 3_600_000) }), '/api/auth/me', cookie)).status;

  test('a session in use ends 12 hours after login (absolute timeout)', async () => {
    const cookie = await loginCookie(app, 'planner');
    for (const hours of [1.5, 3, 4.5, 6, 7.5, 9, 10.5, 11.99]) expect(await meAt(cookie, hours)).toBe(200);
    expect(await meAt(cookie, 12.01)).toBe(401);
  });

  test('a session left alone for 2 hours ends (idle timeout), one used in time goes on', async () => {
    const idle = await loginCookie(app, 'planner');
    expect(await meAt(idle, 2.01)).toBe(401);
    const used = await loginCookie(app, 'planner');
    expect(await meAt(used, 1.9)).toBe(200);
    expect(await meAt(used, 3.8)).toBe(200);
    // Ended sessions stay ended even when the clock is set back.
    expect(await meAt(idle, 1)).toBe(401);
  });

  test('a forged cookie is refused', async () => {
    const { status } = await getJson(app, '/api/auth/me', `jointops_session=${'A'.repeat(43)}`);
    expect(status).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  const post = async (headers: Record<string, string>, cookie: string) =>
    app.request('/api/routing/optimize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Host: 'jointops.example', ...headers },
      body: JSON.stringify({ vehicles: [{ id: 1, start: [121.47, 31.23] }], jobs: [{ id: 1, location: [121.48, 31.235] }] }),
    });

  test('a write whose Origin is another site is refused, whatever the cookie', async () => {
    const cookie = await loginCookie(app, 'planner');
    const evil = await post({ Origin: 'https://evil.example' }, cookie);
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { message: string } }).error.message).toMatch(/cross-origin write refused/);
    expect((await post({ Origin: 'null' }, cookie)).status).toBe(403);
    expect((await post({ 'Sec-Fetch-Site': 'cross-site' }, cookie)).status).toBe(403);
  });

  test('a write from the app itself, or from a client that is not a browser, goes through', async () => {
    const cookie = await loginCookie(app, 'planner');
    expect((await post({ Origin: 'http://jointops.example', 'Sec-Fetch-Site': 'same-origin' }, cookie)).status).toBe(200);
    expect((await post({}, cookie)).status).toBe(200);
  });

  test('reads are not affected, and the session cookie is SameSite', async () => {
    const cookie = await loginCookie(app, 'planner');
    const response = await app.request('/api/auth/me', { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'planner', password: testPassword }),
    });
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
  });
});
