import { beforeAll, describe, expect, test } from 'vitest';
import { getJson, loginCookie, sendJson, shanghaiBbox, testApp, type TestApp } from '../support/api.js';

// The read endpoints answer repeated queries from the response cache; a write moves the data version on, so the next
// read sees it; answers never cross district scopes.

let app: TestApp;
let admin: string;
let leader: string;

beforeAll(async () => {
  app = await testApp();
  admin = await loginCookie(app, 'admin');
  leader = await loginCookie(app, 'putuo_leader');
});

const cacheOf = (headers: Headers) => headers.get('server-timing');
const cluesOfOctober = `/api/clues?bbox=${shanghaiBbox}&from=2026-10-01&to=2026-11-01&limit=5000`;

describe('response cache', () => {
  test.each([
    ['clues', cluesOfOctober],
    ['grid cells', `/api/grid-cells?bbox=${shanghaiBbox}&from=2026-10-01&to=2026-11-01`],
    ['institutions', `/api/institutions?bbox=${shanghaiBbox}&limit=100`],
    ['districts', '/api/districts'],
    ['analysis cells', '/api/analysis/cells?district=310107'],
    ['cell counts', '/api/analysis/cell-counts?from=2026-08-01&to=2026-11-01&step=day&district=310107'],
    ['emerging hot spots', '/api/analysis/emerging-hotspots?from=2026-05-01&to=2026-11-01&step=month&district=310107'],
    ['grid hot spots', '/api/analysis/grid-hotspots?from=2026-08-01&to=2026-11-01&district=310107'],
  ])('%s: the repeated query is a hit with the same body', async (_name, path) => {
    const first = await app.request(path, { headers: { Cookie: admin } });
    const second = await app.request(path, { headers: { Cookie: admin } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(cacheOf(first.headers)).toBe('cache;desc=miss');
    expect(cacheOf(second.headers)).toBe('cache;desc=hit');
    expect(await second.text()).toBe(await first.text());
  });

  test('a sign-in does not move the data version: the next read is still a hit', async () => {
    await getJson(app, cluesOfOctober, admin);
    await loginCookie(app, 'planner');
    expect(cacheOf((await getJson(app, cluesOfOctober, admin)).headers)).toBe('cache;desc=hit');
  });

  test('a registered clue is in the next answer of the same query', async () => {
    const before = await getJson(app, cluesOfOctober, admin);
    const point = (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=310107&limit=1`, admin)).body.features[0].geometry.coordinates;
    const created = await sendJson(app, 'POST', '/api/clues', {
      source: '12345',
      reportedAt: '2026-10-20T10:00:00+08:00',
      geometry: { type: 'Point', coordinates: point },
      address: '普陀区 缓存路 2 号',
      description: '小区会所内疑似开展学科类培训',
      suspectedType: 'residential_flat',
    }, leader);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const after = await getJson(app, cluesOfOctober, admin);
    expect(cacheOf(after.headers)).toBe('cache;desc=miss');
    expect(after.body.features.length).toBe(before.body.features.length + 1);
    expect(after.body.features.some((f: { properties: { id: number } }) => f.properties.id === created.body.id)).toBe(true);
  });

  test('a district user asking what the administrator asked gets their district only', async () => {
    const city = await getJson(app, cluesOfOctober, admin);
    const putuo = await getJson(app, cluesOfOctober, leader);
    expect(cacheOf(putuo.headers)).toBe('cache;desc=miss');
    const districtsOf = (body: { features: { properties: { districtCode: string } }[] }) => new Set(body.features.map((f) => f.properties.districtCode));
    expect(districtsOf(city.body).size).toBeGreaterThan(1);
    expect([...districtsOf(putuo.body)]).toEqual(['310107']);
  });

  test('a refused query is not kept: another district stays 403 for the leader', async () => {
    const path = '/api/analysis/cells?district=310101';
    expect((await getJson(app, path, admin)).status).toBe(200);
    expect((await getJson(app, path, leader)).status).toBe(403);
    expect((await getJson(app, path, leader)).status).toBe(403);
  });
});
