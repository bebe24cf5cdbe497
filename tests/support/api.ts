import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../server/app.js';
import { testAsOf, testDatabase, testPassword } from './db.js';

export type TestApp = ReturnType<typeof createApp>;

/**
 * A fresh app (own rate limiter, own empty photo store in a temp directory) over the shared test database, its clock
 * pinned to the seed's asOf.
 */
export async function testApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const photoDir = options.photoDir ?? mkdtempSync(join(tmpdir(), 'jointops-photos-'));
  return createApp({ database: await testDatabase(), now: () => testAsOf, ...options, photoDir });
}

/** Logs in and returns the Cookie header value for later requests. */
export async function loginCookie(app: TestApp, username: string, password = testPassword): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0];
}

/** The Cookie headers of the four demo roles, signed in at once. */
export async function roleCookies(app: TestApp): Promise<{ admin: string; planner: string; leader: string; wall: string }> {
  const [admin, planner, leader, wall] = await Promise.all(['admin', 'planner', 'putuo_leader', 'wall'].map((u) => loginCookie(app, u)));
  return { admin, planner, leader, wall };
}

export async function getJson(app: TestApp, path: string, cookie?: string) {
  const response = await app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

export async function sendJson(app: TestApp, method: string, path: string, body: unknown, cookie?: string) {
  const response = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

/** Shanghai's extent with room to spare, as a bbox query value. */
export const shanghaiBbox = '120.8,30.6,122.2,31.9';
/** A range covering all test clues. */
export const allTime = 'from=2024-10-01&to=2026-11-02';
