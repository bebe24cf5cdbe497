import { beforeAll, describe, expect, test } from 'vitest';
import {
  clueCollectionSchema,
  clueDetailSchema,
  districtCollectionSchema,
  gridCellCollectionSchema,
  institutionCollectionSchema,
  institutionDetailSchema,
  streetCollectionSchema,
  summarySchema,
} from '../../server/contract/index.js';
import { allTime, getJson, loginCookie, shanghaiBbox, testApp, type TestApp } from '../support/api.js';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await testApp();
  admin = await loginCookie(app, 'admin');
});

const inBbox = ([lon, lat]: number[], [minLon, minLat, maxLon, maxLat]: number[]) => lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;

describe('GeoJSON answers match the contract', () => {
  test.each([
    ['/api/districts', districtCollectionSchema],
    ['/api/streets?district=310107', streetCollectionSchema],
    [`/api/grid-cells?bbox=121.3,31.2,121.5,31.3&${allTime}`, gridCellCollectionSchema],
    [`/api/institutions?bbox=${shanghaiBbox}`, institutionCollectionSchema],
    [`/api/clues?bbox=${shanghaiBbox}&${allTime}`, clueCollectionSchema],
  ] as const)('%s', async (path, schema) => {
    const { status, body, headers } = await getJson(app, path, admin);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(body.features.length).toBeGreaterThan(0);
  });

  test('the 16 districts of Shanghai with counts that add up to the totals', async () => {
    const { body } = await getJson(app, '/api/districts', admin);
    expect(body.features).toHaveLength(16);
    const summary = await getJson(app, `/api/summary?${allTime}`, admin);
    const institutions = body.features.reduce((n: number, f: any) => n + f.properties.institutionCount, 0);
    expect(institutions).toBe(summary.body.institutions.total);
    const open = body.features.reduce((n: number, f: any) => n + f.properties.openClueCount, 0);
    expect(open).toBe(summary.body.clues.open);
  });

  test('points returned for a bbox lie inside it', async () => {
    const box = [121.35, 31.2, 121.5, 31.3];
    const { body } = await getJson(app, `/api/institutions?bbox=${box.join(',')}&limit=5000`, admin);
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) expect(inBbox(f.geometry.coordinates, box)).toBe(true);
    const all = await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&limit=5000`, admin);
    const expected = all.body.features.filter((f: any) => inBbox(f.geometry.coordinates, box)).length;
    expect(body.features.length).toBe(expected);
  });

  test('clues are limited to [from, to)', async () => {
    const { body } = await getJson(app, `/api/clues?bbox=${shanghaiBbox}&from=2026-07-01&to=2026-08-01&limit=5000`, admin);
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(f.properties.reportedAt >= '2026-07-01T00:00:00.000Z').toBe(true);
      expect(f.properties.reportedAt < '2026-08-01T00:00:00.000Z').toBe(true);
    }
  });

  test('grid-cell clue counts add up to the clues in range of the same district', async () => {
    const range = 'from=2026-01-01&to=2026-11-01';
    const cells = await getJson(app, `/api/grid-cells?${range}&district=310107`, admin);
    const total = cells.body.features.reduce((n: number, f: any) => n + f.properties.clueCount, 0);
    const summary = await getJson(app, `/api/summary?${range}&district=310107`, admin);
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(summary.body.clues.inRange);
  });

  test('details and summary match their schemas', async () => {
    const inst = await getJson(app, '/api/institutions/1', admin);
    expect(institutionDetailSchema.safeParse(inst.body).error?.issues ?? []).toEqual([]);
    const clue = await getJson(app, '/api/clues/1', admin);
    expect(clueDetailSchema.safeParse(clue.body).error?.issues ?? []).toEqual([]);
    const summary = await getJson(app, `/api/summary?from=2026-10-01&to=2026-11-01`, admin);
    expect(summarySchema.safeParse(summary.body).error?.issues ?? []).toEqual([]);
    const s = summary.body;
    expect(s.previousFrom).toBe('2026-08-31T00:00:00.000Z');
    expect(Object.values(s.institutions.byStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(s.institutions.total);
    expect(s.officers.validCertificates + s.officers.expiredCertificates).toBe(s.officers.total);
    if (s.clues.inRange > 0) expect(s.clues.closureRate).toBeCloseTo(s.clues.closedInRange / s.clues.inRange, 10);
  });
});

describe('paging', () => {
  test('walking the pages with nextCursor returns every row exactly once', async () => {
    const all = await getJson(app, `/api/clues?bbox=${shanghaiBbox}&${allTime}&limit=5000`, admin);
    expect(all.body.nextCursor).toBeNull();
    const ids: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await getJson(app, `/api/clues?bbox=${shanghaiBbox}&${allTime}&limit=400${cursor ? `&cursor=${cursor}` : ''}`, admin);
      expect(page.body.features.length).toBeLessThanOrEqual(400);
      ids.push(...page.body.features.map((f: any) => f.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBe(Math.ceil(all.body.features.length / 400));
    expect(ids).toEqual(all.body.features.map((f: any) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the default page size is 1,000', async () => {
    const { body } = await getJson(app, `/api/clues?bbox=${shanghaiBbox}&${allTime}`, admin);
    expect(body.features).toHaveLength(1000);
    expect(body.nextCursor).toBe(String(body.features[999].id));
  });
});
