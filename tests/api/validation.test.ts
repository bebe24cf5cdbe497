import { beforeAll, describe, expect, test } from 'vitest';
import { allTime, getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await testApp({ maxBodyBytes: 64 * 1024 });
  admin = await loginCookie(app, 'admin');
});

async function expect400(path: string, field: string, messagePart: string) {
  const { status, body } = await getJson(app, path, admin);
  expect(status, path).toBe(400);
  expect(body.error.code).toBe('validation_failed');
  const issue = body.error.details.issues.find((i: { path: string[] }) => i.path[0] === field);
  expect(issue, `${path}: ${JSON.stringify(body.error)}`).toBeDefined();
  expect(issue.message).toContain(messagePart);
  expect(body.error.message).toContain(field);
}

describe('query validation answers 400 with the zod issues', () => {
  test.each([
    ['not numbers', 'a,b,c,d', 'not a number'],
    ['three numbers', '121,31,122', 'minLon,minLat,maxLon,maxLat'],
    ['min above max', '122,31,121,32', 'minLon must be less than maxLon'],
    ['latitude out of range', '121,31,122,95', 'latitudes must lie in [-90, 90]'],
    ['too large', '100,20,130,40', 'larger than'],
  ])('bad bbox: %s', async (_name, bbox, message) => {
    await expect400(`/api/institutions?bbox=${bbox}`, 'bbox', message);
  });

  test('missing bbox', async () => {
    await expect400('/api/institutions', 'bbox', '');
  });

  test('reversed time range', async () => {
    await expect400(`/api/clues?bbox=${shanghaiBbox}&from=2026-10-01&to=2026-09-01`, 'to', 'from must be before to');
  });

  test('time range too long', async () => {
    await expect400(`/api/summary?from=2020-01-01&to=2026-01-01`, 'to', 'longer than');
  });

  test.each(['2026-13-01', '2026-02-30', 'yesterday', '2026-10-01T10:00:00'])('bad date %s', async (date) => {
    await expect400(`/api/grid-cells?from=${date}&to=2026-11-01`, 'from', 'ISO 8601');
  });

  test('limit above 5,000 and below 1', async () => {
    await expect400(`/api/institutions?bbox=${shanghaiBbox}&limit=10001`, 'limit', '10000');
    await expect400(`/api/institutions?bbox=${shanghaiBbox}&limit=0`, 'limit', '');
  });

  test('unknown filter values', async () => {
    await expect400(`/api/institutions?bbox=${shanghaiBbox}&status=licensed,closed`, 'status', 'unknown value "closed"');
    await expect400(`/api/clues?bbox=${shanghaiBbox}&${allTime}&source=twitter`, 'source', 'unknown value "twitter"');
    await expect400(`/api/institutions?bbox=${shanghaiBbox}&category=数学`, 'category', 'unknown value');
  });

  test('bad district code and bad id', async () => {
    await expect400('/api/streets?district=putuo', 'district', 'six-digit');
    await expect400('/api/clues/abc', 'id', 'positive integer');
  });

  test('a valid filter narrows the result', async () => {
    const { status, body } = await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&status=unlicensed,revoked&listStatus=none`, admin);
    expect(status).toBe(200);
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(['unlicensed', 'revoked']).toContain(f.properties.status);
      expect(f.properties.listStatus).toBe('none');
    }
  });
});

describe('errors outside validation', () => {
  test('an oversized body is 413 before it is parsed', async () => {
    const big = { status: 'registered', note: 'x'.repeat(100 * 1024) };
    const { status, body } = await sendJson(app, 'PATCH', '/api/clues/1', big, admin);
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
  });

  test('an unknown id is 404 in the error shape', async () => {
    const { status, body } = await getJson(app, '/api/institutions/999999999', admin);
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'institution 999999999 not found', details: null } });
  });

  test('an unknown API route is 404 for a logged-in user', async () => {
    const { status, body } = await getJson(app, '/api/nothing-here', admin);
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
