import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { institutionCategories } from '../../server/contract/enums.js';
import { getJson, loginCookie, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// GET /api/institutions/search: the 12345 form's search for the suspected institution, in the account's district.

let app: TestApp;
let database: Database;
let leader: string;
let planner: string;
let putuo: { id: number; name: string; credit: string | null; licence: string | null };
let jingan: { id: number; name: string };

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  leader = await loginCookie(app, 'putuo_leader');
  planner = await loginCookie(app, 'planner');
  const [p] = await database.rows(sql`
    SELECT id, name, credit_code AS credit, licence_no AS licence FROM institutions
    WHERE district_code = '310107' AND credit_code IS NOT NULL AND licence_no IS NOT NULL ORDER BY id LIMIT 1`);
  putuo = { id: Number(p.id), name: String(p.name), credit: p.credit as string, licence: p.licence as string };
  const [j] = await database.rows(sql`SELECT id, name FROM institutions WHERE district_code = '310106' ORDER BY id LIMIT 1`);
  jingan = { id: Number(j.id), name: String(j.name) };
});

const search = (query: string, cookie = leader) => getJson(app, `/api/institutions/search?${query}`, cookie);

describe('GET /api/institutions/search', () => {
  test('part of a Chinese name finds the institution with its category, status, district, address and position', async () => {
    const part = putuo.name.slice(1, 4);
    const { status, body } = await search(`q=${encodeURIComponent(part)}&limit=20`);
    expect(status).toBe(200);
    expect(body.matches.length).toBeGreaterThan(0);
    expect(body.matches.every((m: any) => m.name.toLowerCase().includes(part.toLowerCase()))).toBe(true);
    const whole = await search(`q=${encodeURIComponent(putuo.name)}`);
    expect(whole.body.matches[0]).toMatchObject({ id: putuo.id, name: putuo.name, districtCode: '310107', districtName: '普陀区' });
    expect(whole.body.matches[0].position).toHaveLength(2);
    expect(typeof whole.body.matches[0].address).toBe('string');
    expect(institutionCategories).toContain(whole.body.matches[0].category);
  });

  test('the credit code (any case) and the licence number find it', async () => {
    const byCredit = await search(`q=${putuo.credit!.toLowerCase()}`);
    expect(byCredit.body.matches.map((m: any) => m.id)).toContain(putuo.id);
    const byLicence = await search(`q=${encodeURIComponent(putuo.licence!)}`);
    expect(byLicence.body.matches.map((m: any) => m.id)).toContain(putuo.id);
  });

  test('scoped: the Putuo leader never sees another district’s institution; the planner sees the city', async () => {
    const asLeader = await search(`q=${encodeURIComponent(jingan.name)}&limit=20`);
    expect(asLeader.status).toBe(200);
    expect(asLeader.body.matches.map((m: any) => m.id)).not.toContain(jingan.id);
    expect(asLeader.body.matches.every((m: any) => m.districtCode === '310107')).toBe(true);
    const asPlanner = await search(`q=${encodeURIComponent(jingan.name)}`, planner);
    expect(asPlanner.body.matches[0].id).toBe(jingan.id);
  });

  test('limit caps the matches; % and _ are characters, not wildcards', async () => {
    const { body } = await search('q=%E6%95%99&limit=3', planner);
    expect(body.matches).toHaveLength(3);
    expect((await search('q=%25', planner)).body.matches).toEqual([]);
    expect((await search('q=_', planner)).body.matches).toEqual([]);
  });

  test('a missing, blank or too long q is 400 naming q; a limit out of range is 400 naming limit; no login 401', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'机'.repeat(51)}`]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(JSON.stringify(body.error), query).toContain('q');
      expect(body.error.details.issues.map((i: any) => [i.path].flat().join('.')), query).toContain('q');
    }
    for (const limit of ['0', '21', 'x']) {
      const { status, body } = await search(`q=a&limit=${limit}`);
      expect(status).toBe(400);
      expect(body.error.details.issues.map((i: any) => [i.path].flat().join('.'))).toContain('limit');
    }
    expect((await getJson(app, '/api/institutions/search?q=a')).status).toBe(401);
  });
});
