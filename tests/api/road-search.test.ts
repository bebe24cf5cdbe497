import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { getJson, loginCookie, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';
import { createUser } from '../support/field-fixture.js';

// GET /api/roads/search: the intake's address search over the road network's names, in the account's district. The
// demo network covers 黄浦区 and a corner of 静安区.

const HUANGPU = '310101';
const JINGAN = '310106';

let app: TestApp;
let database: Database;
let planner: string;
let jinganLeader: string;
let putuoLeader: string;
/** A road with edges in both districts, and one only in 黄浦. */
let shared: string;
let huangpuOnly: string;

const namesMeeting = async (district: string) =>
  (await database.rows(sql`
    SELECT DISTINCT e.name FROM road_edges e
    JOIN districts d ON d.code = ${district} AND ST_Intersects(d.geom, e.geom) AND NOT ST_Touches(d.geom, e.geom)
    WHERE e.name IS NOT NULL ORDER BY e.name`)).map((r) => String(r.name));

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  planner = await loginCookie(app, 'planner');
  putuoLeader = await loginCookie(app, 'putuo_leader');
  await createUser(database, 'road_leader_jingan', 'leader', JINGAN);
  jinganLeader = await loginCookie(app, 'road_leader_jingan');
  const inJingan = await namesMeeting(JINGAN);
  const inHuangpu = await namesMeeting(HUANGPU);
  shared = inJingan.find((n) => inHuangpu.includes(n))!;
  huangpuOnly = inHuangpu.find((n) => !inJingan.includes(n) && n.endsWith('路'))!;
  expect(shared).toBeTruthy();
  expect(huangpuOnly).toBeTruthy();
});

const search = (query: string, cookie = planner) => getJson(app, `/api/roads/search?${query}`, cookie);
/** The districts whose interior holds the point. */
const districtsAt = async ([lon, lat]: [number, number]) =>
  (await database.rows(sql`SELECT code FROM districts WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)) ORDER BY code`)).map((r) => String(r.code));

describe('GET /api/roads/search', () => {
  test('part of a name finds distinct roads containing it, each with a point on the road, its district and 街镇', async () => {
    const part = huangpuOnly.slice(0, 1);
    const { status, body } = await search(`q=${encodeURIComponent(part)}&limit=20`);
    expect(status).toBe(200);
    expect(body.matches.length).toBeGreaterThan(0);
    const names = body.matches.map((m: any) => m.name);
    expect(names.every((n: string) => n.includes(part))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const whole = await search(`q=${encodeURIComponent(huangpuOnly)}`);
    expect(whole.body.matches[0]).toMatchObject({ name: huangpuOnly, districtCode: HUANGPU, districtName: '黄浦区' });
    expect(whole.body.matches[0].streetName).toMatch(/街道|镇$/);
    const [lon, lat] = whole.body.matches[0].position;
    const [onRoad] = await database.rows(sql`
      SELECT min(ST_Distance(geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))) AS d FROM road_edges WHERE name = ${huangpuOnly}`);
    expect(Number(onRoad.d)).toBeLessThan(1e-7);
  });

  test('scoped: a district’s leader sees only roads meeting the district, placed inside it', async () => {
    const asJingan = await search(`q=${encodeURIComponent(shared)}`, jinganLeader);
    expect(asJingan.status).toBe(200);
    expect(asJingan.body.matches[0]).toMatchObject({ name: shared, districtCode: JINGAN });
    expect(await districtsAt(asJingan.body.matches[0].position)).toEqual([JINGAN]);
    expect((await search(`q=${encodeURIComponent(huangpuOnly)}`, jinganLeader)).body.matches).toEqual([]);
    const all = await search('q=%E8%B7%AF&limit=20', jinganLeader);
    expect(all.body.matches.length).toBeGreaterThan(0);
    for (const m of all.body.matches) expect(await districtsAt(m.position), m.name).toEqual([JINGAN]);
    expect((await search(`q=${encodeURIComponent(shared)}`, putuoLeader)).body.matches).toEqual([]);
  });

  test('limit caps the matches; % and _ are characters, not wildcards', async () => {
    expect((await search('q=%E8%B7%AF&limit=3')).body.matches).toHaveLength(3);
    expect((await search('q=%E8%B7%AF')).body.matches).toHaveLength(8);
    expect((await search('q=%25')).body.matches).toEqual([]);
    expect((await search('q=_')).body.matches).toEqual([]);
  });

  test('a missing, blank or too long q is 400 naming q; a limit out of range is 400 naming limit; no login 401', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'路'.repeat(51)}`]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error.details.issues.map((i: any) => [i.path].flat().join('.')), query).toContain('q');
    }
    for (const limit of ['0', '21', 'x']) {
      const { status, body } = await search(`q=a&limit=${limit}`);
      expect(status).toBe(400);
      expect(body.error.details.issues.map((i: any) => [i.path].flat().join('.'))).toContain('limit');
    }
    expect((await getJson(app, '/api/roads/search?q=a')).status).toBe(401);
  });
});
