import { beforeAll, describe, expect, test } from 'vitest';
import { allTime, getJson, loginCookie, shanghaiBbox, testApp, type TestApp } from '../support/api.js';

const putuo = '310107';
const jingan = '310106';
let app: TestApp;
let leader: string;
let admin: string;

beforeAll(async () => {
  app = await testApp();
  leader = await loginCookie(app, 'putuo_leader');
  admin = await loginCookie(app, 'admin');
});

const featureEndpoints = [
  '/api/districts',
  '/api/streets',
  `/api/grid-cells?${allTime}`,
  `/api/grid-cells?bbox=${shanghaiBbox}&${allTime}`,
  `/api/institutions?bbox=${shanghaiBbox}&limit=5000`,
  `/api/clues?bbox=${shanghaiBbox}&${allTime}&limit=5000`,
];

/** The district of a feature, whatever the resource calls it. */
const districtOf = (f: { properties: { districtCode?: string; code?: string } }) => f.properties.districtCode ?? f.properties.code;

describe('a district-scoped user (putuo_leader, 普陀区) on every data endpoint', () => {
  test.each(featureEndpoints)('%s returns only 普陀区 rows, and some of them', async (path) => {
    const { status, body } = await getJson(app, path, leader);
    expect(status).toBe(200);
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) expect(districtOf(f)).toBe(putuo);
  });

  test.each(featureEndpoints)('%s returns other districts to a city-wide user', async (path) => {
    const { body } = await getJson(app, path, admin);
    const districts = new Set(body.features.map(districtOf));
    expect(districts.size).toBeGreaterThan(1);
  });

  test.each([
    `/api/streets?district=${jingan}`,
    `/api/grid-cells?${allTime}&district=${jingan}`,
    `/api/institutions?bbox=${shanghaiBbox}&district=${jingan}`,
    `/api/clues?bbox=${shanghaiBbox}&${allTime}&district=${jingan}`,
    `/api/summary?${allTime}&district=${jingan}`,
  ])('%s: asking for another district is 403', async (path) => {
    const { status, body } = await getJson(app, path, leader);
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toContain(putuo);
    // For a client to say it in its own language.
    expect(body.error.details).toEqual({ allowedDistrict: putuo, requestedDistrict: jingan });
  });

  test('asking for their own district explicitly is allowed', async () => {
    const { status, body } = await getJson(app, `/api/streets?district=${putuo}`, leader);
    expect(status).toBe(200);
    expect(body.features.every((f: any) => f.properties.districtCode === putuo)).toBe(true);
  });

  test('details of another district’s institution or clue are not found', async () => {
    const other = await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${jingan}&limit=1`, admin);
    const institutionId = other.body.features[0].id;
    expect((await getJson(app, `/api/institutions/${institutionId}`, admin)).status).toBe(200);
    expect((await getJson(app, `/api/institutions/${institutionId}`, leader)).status).toBe(404);
    const clues = await getJson(app, `/api/clues?bbox=${shanghaiBbox}&${allTime}&district=${jingan}&limit=1`, admin);
    const clueId = clues.body.features[0].id;
    expect((await getJson(app, `/api/clues/${clueId}`, leader)).status).toBe(404);
  });

  test('the summary counts only 普陀区, matching the city-wide figures for 普陀区', async () => {
    const mine = await getJson(app, `/api/summary?${allTime}`, leader);
    const cityForPutuo = await getJson(app, `/api/summary?${allTime}&district=${putuo}`, admin);
    const city = await getJson(app, `/api/summary?${allTime}`, admin);
    expect(mine.status).toBe(200);
    expect(mine.body.districtCode).toBe(putuo);
    expect(mine.body.institutions).toEqual(cityForPutuo.body.institutions);
    expect(mine.body.clues).toEqual(cityForPutuo.body.clues);
    expect(mine.body.officers).toEqual(cityForPutuo.body.officers);
    expect(mine.body.institutions.total).toBeLessThan(city.body.institutions.total);
    expect(mine.body.institutions.total).toBeGreaterThan(0);
  });

  test('clues per district: every district of the scope, whichever district is chosen', async () => {
    const city = await getJson(app, `/api/summary?${allTime}`, admin);
    const cityWithPutuoChosen = await getJson(app, `/api/summary?${allTime}&district=${putuo}`, admin);
    const mine = await getJson(app, `/api/summary?${allTime}`, leader);
    const byDistrict = city.body.cluesByDistrict as Record<string, number>;
    expect(Object.keys(byDistrict).length).toBeGreaterThan(10);
    expect(Object.values(byDistrict).reduce((a, b) => a + b, 0)).toBe(city.body.clues.inRange);
    expect(cityWithPutuoChosen.body.cluesByDistrict).toEqual(byDistrict);
    expect(cityWithPutuoChosen.body.clues.inRange).toBe(byDistrict[putuo]);
    expect(mine.body.cluesByDistrict).toEqual({ [putuo]: byDistrict[putuo] });
  });

  test('the audit log is for administrators only', async () => {
    expect((await getJson(app, '/api/audit', leader)).status).toBe(403);
    expect((await getJson(app, '/api/audit', admin)).status).toBe(200);
  });
});
