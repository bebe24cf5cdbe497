import { beforeAll, describe, expect, test } from 'vitest';
import { analyseFeatureHotspots, buildWeights, confidenceBin, EMERGING_CATEGORIES, localGiStar, type AnalysisGeometry } from '../../server/analytics/index.js';
import { RISK_TIER_THRESHOLDS } from '../../server/domain/risk.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsedRows } from '../../db/queries/queryable.js';
import { analysisCellCollectionSchema } from '../../server/contract/index.js';
import { readSpdepCase } from '../server/analytics/fixtureFiles.js';
import { testDatabase } from '../support/db.js';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';

let app: TestApp;
let admin: string;
let putuo: string;
const PUTUO = '310107';
/** Shanghai midnights, as the map sends them. */
const sh = (date: string) => `${date}T00:00:00%2B08:00`;
const range = `from=${sh('2026-08-01')}&to=${sh('2026-11-01')}`;

beforeAll(async () => {
  app = await testApp();
  admin = await loginCookie(app, 'admin');
  putuo = await loginCookie(app, 'putuo_leader');
});

function squareGrid(side: number, value: (row: number, col: number) => number) {
  const features = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const ring = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]];
      features.push({ type: 'Feature', properties: { n: value(r, c), label: `${r}-${c}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

describe('POST /api/analysis/hotspots', () => {
  test('columbus with queen contiguity equals R spdep localG (include.self, style B) within 1e-9', async () => {
    const spdep = readSpdepCase('columbus_queen');
    const { status, body } = await sendJson(app, 'POST', '/api/analysis/hotspots', { collection: spdep.geojson, value: spdep.value_property, weights: 'queen', planar: true }, admin);
    expect(status).toBe(200);
    expect(body.features).toHaveLength(spdep.values.length);
    body.features.forEach((f: { properties: Record<string, number> }, i: number) => {
      expect(Math.abs(f.properties.gi_z - spdep.gi_star_z[i])).toBeLessThan(1e-9);
      expect(Math.abs(f.properties.gi_p - spdep.gi_star_p[i])).toBeLessThan(1e-9);
      expect(f.properties.gi_bin).toBe(confidenceBin(spdep.gi_star_z[i], spdep.gi_star_p[i]));
    });
    expect(body.gi_summary).toMatchObject({ n: 49, weights: 'queen', style: 'binary', planar: true, islands: [] });
  });

  test('answers exactly what the analytics module computes, input properties kept, permutations seeded', async () => {
    const collection = squareGrid(6, (r, c) => (r < 2 && c < 2 ? 20 + r + c : (r * 7 + c * 3) % 5));
    const options = { value: 'n', weights: 'rook', planar: true, style: 'row' as const, permutations: 99, seed: 7 };
    const { status, body } = await sendJson(app, 'POST', '/api/analysis/hotspots', { collection, ...options }, admin);
    expect(status).toBe(200);
    const expected = analyseFeatureHotspots(collection, options);
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.features[0].properties.label).toBe('0-0');
    expect(body.features[0].properties.gi_bin_fdr).toBeGreaterThan(0);
    expect(typeof body.features[0].properties.gi_p_sim).toBe('number');
  });

  test('contiguity islands are reported, not dropped', async () => {
    const collection = squareGrid(3, (r, c) => r + c);
    const far = [[50, 50], [51, 50], [51, 51], [50, 51], [50, 50]];
    collection.features.push({ type: 'Feature', properties: { n: 9, label: 'far' }, geometry: { type: 'Polygon', coordinates: [far] } });
    const { status, body } = await sendJson(app, 'POST', '/api/analysis/hotspots', { collection, value: 'n', weights: 'queen', planar: true }, admin);
    expect(status).toBe(200);
    expect(body.gi_summary.islands).toEqual([9]);
    expect(body.features).toHaveLength(10);
  });

  test.each([
    ['a property missing', { collection: squareGrid(3, () => 1), value: 'nope' }, /feature 0 has no property "nope"/],
    ['a non-numeric value', { collection: { type: 'FeatureCollection', features: squareGrid(3, () => 1).features.map((f, i) => (i === 4 ? { ...f, properties: { n: 'x' } } : f)) }, value: 'n' }, /feature 4: property "n" is not a finite number/],
    ['fewer than 3 features', { collection: { type: 'FeatureCollection', features: squareGrid(3, () => 1).features.slice(0, 2) }, value: 'n' }, /at least 3 features, got 2/],
    [
      'mixed geometry types',
      { collection: { type: 'FeatureCollection', features: [...squareGrid(3, () => 1).features, { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [0, 0] } }] }, value: 'n', weights: 'knn:2' },
      /mixed geometry types/,
    ],
    ['a distance leaving units alone', { collection: squareGrid(3, () => 1), value: 'n', weights: 'distance:0.5', planar: true }, /without neighbours/],
    ['contiguity on points', { collection: { type: 'FeatureCollection', features: [0, 1, 2].map((x) => ({ type: 'Feature', properties: { n: x }, geometry: { type: 'Point', coordinates: [x, 0] } })) }, value: 'n', weights: 'queen' }, /queen contiguity needs Polygon/],
  ])('422 for %s, with the analytics message', async (_what, payload, message) => {
    const { status, body } = await sendJson(app, 'POST', '/api/analysis/hotspots', payload, admin);
    expect(status).toBe(422);
    expect(body.error.code).toBe('unprocessable');
    expect(body.error.message).toMatch(message);
  });

  test.each([
    ['not a FeatureCollection', { collection: { type: 'Feature' }, value: 'n' }, /collection/],
    ['unknown weights', { collection: squareGrid(3, () => 1), value: 'n', weights: 'hexagon' }, /weights must be queen, rook/],
    ['a bad style', { collection: squareGrid(3, () => 1), value: 'n', style: 'W' }, /style/],
    ['invalid JSON', '{"collection":', /./],
  ])('400 for %s', async (_what, payload, message) => {
    const { status, body } = await sendJson(app, 'POST', '/api/analysis/hotspots', payload, admin);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });

  test('needs a session', async () => {
    const { status } = await sendJson(app, 'POST', '/api/analysis/hotspots', { collection: squareGrid(3, () => 1), value: 'n' });
    expect(status).toBe(401);
  });
});

describe('GET /api/analysis/grid-hotspots', () => {
  test('Gi* on the clues per cell equals the module on the same counts and the cells’ own geometry', async () => {
    const [hot, cells] = await Promise.all([
      getJson(app, `/api/analysis/grid-hotspots?${range}&district=${PUTUO}`, admin),
      getJson(app, `/api/grid-cells?${range}&district=${PUTUO}&bbox=120.8,30.6,122.2,31.9`, admin),
    ]);
    expect(hot.status).toBe(200);
    expect(cells.status).toBe(200);
    const byId = new Map<number, { geometry: AnalysisGeometry; properties: { clueCount: number } }>(cells.body.features.map((f: { id: number }) => [f.id, f]));
    expect(hot.body.n).toBe(byId.size);
    expect(hot.body.cells.reduce((s: number, c: { clueCount: number }) => s + c.clueCount, 0)).toBeGreaterThan(0);
    for (const c of hot.body.cells) expect(c.clueCount).toBe(byId.get(c.id)!.properties.clueCount);
    // The list view simplifies only cells with more than 32 vertices; rebuild weights where geometry is exact.
    const geometries = hot.body.cells.map((c: { id: number }) => byId.get(c.id)!.geometry);
    const expected = localGiStar(
      hot.body.cells.map((c: { clueCount: number }) => c.clueCount),
      buildWeights(geometries, { type: 'queen' }),
    );
    hot.body.cells.forEach((c: { z: number }, i: number) => expect(Math.abs(c.z - expected.z[i])).toBeLessThan(1e-9));
  });

  test('bins follow z and p (plain and FDR), and significant hot cells exist in the seeded hot spots', async () => {
    const { status, body } = await getJson(app, `/api/analysis/grid-hotspots?from=2025-11-01&to=2026-11-01`, admin);
    expect(status).toBe(200);
    expect(body.districtCode).toBeNull();
    for (const c of body.cells) {
      expect(c.bin).toBe(confidenceBin(c.z, c.p));
      expect(c.binFdr).toBe(confidenceBin(c.z, c.pFdr));
      expect(c.pFdr).toBeGreaterThanOrEqual(c.p - 1e-15);
    }
    expect(body.cells.some((c: { binFdr: number }) => c.binFdr === 3)).toBe(true);
    const districts = new Set(body.cells.map((c: { districtCode: string }) => c.districtCode));
    expect(districts.size).toBeGreaterThan(1);
  });

  test('other weights are accepted; bad ones are refused', async () => {
    const knn = await getJson(app, `/api/analysis/grid-hotspots?${range}&district=${PUTUO}&weights=knn:4`, admin);
    expect(knn.status).toBe(200);
    expect(knn.body.weights).toBe('knn:4');
    expect(knn.body.meanNeighbours).toBe(4);
    const bad = await getJson(app, `/api/analysis/grid-hotspots?${range}&weights=hexagon`, admin);
    expect(bad.status).toBe(400);
    const reversed = await getJson(app, `/api/analysis/grid-hotspots?from=2026-11-01&to=2026-10-01`, admin);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/from must be before to/);
  });

  test('district scope: putuo_leader gets only 310107 cells, another district is forbidden', async () => {
    const own = await getJson(app, `/api/analysis/grid-hotspots?${range}`, putuo);
    expect(own.status).toBe(200);
    expect(own.body.cells.length).toBeGreaterThanOrEqual(3);
    expect(new Set(own.body.cells.map((c: { districtCode: string }) => c.districtCode))).toEqual(new Set([PUTUO]));
    expect(own.body.districtCode).toBe(PUTUO);
    const other = await getJson(app, `/api/analysis/grid-hotspots?${range}&district=310104`, putuo);
    expect(other.status).toBe(403);
    for (const path of ['emerging-hotspots', 'cell-counts', 'risk']) {
      const res = await getJson(app, `/api/analysis/${path}?${path === 'risk' ? '' : range + '&'}district=310104`, putuo);
      expect(res.status, path).toBe(403);
    }
  });
});

describe('GET /api/analysis/emerging-hotspots', () => {
  test('categories per cell from the space-time cube, with z series, counts and trend', async () => {
    const { status, body } = await getJson(app, `/api/analysis/emerging-hotspots?from=${sh('2025-11-01')}&to=${sh('2026-11-01')}&step=month`, admin);
    expect(status).toBe(200);
    expect(body.steps).toHaveLength(12);
    expect(body.steps[0]).toBe('2025-11-01');
    expect(body.steps[11]).toBe('2026-10-01');
    for (const c of body.cells) {
      expect(EMERGING_CATEGORIES).toContain(c.category);
      expect(c.z).toHaveLength(12);
      expect(c.counts).toHaveLength(12);
      expect(c.hotSteps + c.coldSteps).toBeLessThanOrEqual(12);
      if (c.category === 'no_pattern') expect(c.z[11] > 0 && c.hotSteps >= 1 && c.category.endsWith('_hot')).toBe(false);
      if (c.category.endsWith('_hot')) expect(c.hotSteps).toBeGreaterThan(0);
    }
    const total = Object.values(body.categoryCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(body.cells.length);
    expect(Object.keys(body.categoryCounts).some((k) => k.endsWith('_hot'))).toBe(true);
    // The cube holds the same clues as the plain aggregation of the period.
    const hot = await getJson(app, `/api/analysis/grid-hotspots?from=${sh('2025-11-01')}&to=${sh('2026-11-01')}`, admin);
    const cubeTotal = body.cells.reduce((s: number, c: { counts: number[] }) => s + c.counts.reduce((a, b) => a + b, 0), 0);
    expect(cubeTotal).toBe(hot.body.cells.reduce((s: number, c: { clueCount: number }) => s + c.clueCount, 0));
  });

  test('weekly steps; a range of one step is refused with a clear message', async () => {
    const weekly = await getJson(app, `/api/analysis/emerging-hotspots?from=2026-08-01&to=2026-11-01&step=week&district=${PUTUO}`, admin);
    expect(weekly.status).toBe(200);
    expect(weekly.body.steps).toHaveLength(14);
    const short = await getJson(app, `/api/analysis/emerging-hotspots?from=2026-10-01&to=2026-10-05&step=week`, admin);
    expect(short.status).toBe(422);
    expect(short.body.error.message).toMatch(/at least 2 time steps/);
  });
});

describe('GET /api/analysis/cell-counts', () => {
  test('a sparse per-step matrix whose sums equal the aggregation, cells listed once, with CSR neighbours', async () => {
    const { status, body } = await getJson(app, `/api/analysis/cell-counts?${range}&step=week&district=${PUTUO}`, admin);
    expect(status).toBe(200);
    const n = body.cellIds.length;
    expect(new Set(body.cellIds).size).toBe(n);
    expect(body.stepOffsets).toHaveLength(body.stepStarts.length + 1);
    expect(body.stepOffsets.at(-1)).toBe(body.count.length);
    expect(body.cellIndex.every((i: number) => i >= 0 && i < n)).toBe(true);
    expect(body.neighbours.offsets).toHaveLength(n + 1);
    const totals = new Array(n).fill(0);
    body.cellIndex.forEach((i: number, k: number) => (totals[i] += body.count[k]));
    const hot = await getJson(app, `/api/analysis/grid-hotspots?${range}&district=${PUTUO}`, admin);
    const expected = new Map(hot.body.cells.map((c: { id: number; clueCount: number }) => [c.id, c.clueCount]));
    body.cellIds.forEach((id: number, i: number) => expect(totals[i]).toBe(expected.get(id)));
  });
});

describe('GET /api/analysis/cells', () => {
  test('every cell of the scope as GeoJSON, in the order of the analyses', async () => {
    const cells = await getJson(app, '/api/analysis/cells', putuo);
    expect(cells.status).toBe(200);
    expect(cells.body.type).toBe('FeatureCollection');
    expect(cells.body.features.every((f: { properties: { districtCode: string }; geometry: { type: string } }) => f.properties.districtCode === PUTUO && /Polygon$/.test(f.geometry.type))).toBe(true);
    const hot = await getJson(app, `/api/analysis/grid-hotspots?${range}`, putuo);
    expect(cells.body.features.map((f: { id: number }) => f.id)).toEqual(hot.body.cells.map((c: { id: number }) => c.id));
    expect((await getJson(app, '/api/analysis/cells?district=310104', putuo)).status).toBe(403);
  });

  test('each cell names its 街镇, and the names of its 街镇 and 区县 come with the cells, from the streets and districts tables', async () => {
    const { status, body } = await getJson(app, '/api/analysis/cells', putuo);
    expect(status).toBe(200);
    expect(analysisCellCollectionSchema.safeParse(body).success).toBe(true);
    const database = await testDatabase();
    const streets = await parsedRows(database, z.object({ code: z.string(), name: z.string(), district_code: z.string() }), sql`
      SELECT code, name, district_code FROM streets WHERE code IN (SELECT street_code FROM grid_cells WHERE district_code = ${PUTUO})`);
    expect(streets.length).toBeGreaterThan(1);
    expect(Object.keys(body.streets).sort()).toEqual(streets.map((s) => s.code).sort());
    for (const s of streets) expect(body.streets[s.code]).toEqual({ name: s.name, districtCode: s.district_code });
    expect(body.districts).toEqual({ [PUTUO]: { name: '普陀区', nameEn: expect.any(String) } });
    for (const f of body.features as { properties: { streetCode: string; districtCode: string } }[]) {
      expect(body.streets[f.properties.streetCode]?.districtCode).toBe(f.properties.districtCode);
    }
    // City-wide, every district of the cells is named, and nothing of another scope leaks into Putuo's answer.
    const city = await getJson(app, '/api/analysis/cells', admin);
    expect(Object.keys(city.body.districts).length).toBeGreaterThan(1);
    expect(Object.keys(city.body.streets).length).toBeGreaterThan(streets.length);
  });
});

describe('institution risk', () => {
  test('ranked list: factors sum to the score, tiers follow the thresholds, highest first', async () => {
    const { status, body } = await getJson(app, `/api/analysis/risk?district=${PUTUO}&limit=20`, admin);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
    expect(body.asOf).toBe('2026-11-01');
    for (let k = 0; k < body.items.length; k++) {
      const item = body.items[k];
      expect(item.districtCode).toBe(PUTUO);
      const sum = item.factors.reduce((s: number, f: { contribution: number }) => s + f.contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThanOrEqual(0.05 + 1e-9);
      for (const f of item.factors) expect(f.contribution).toBeCloseTo(f.normalised * f.weight, 12);
      expect(item.factors.reduce((s: number, f: { weight: number }) => s + f.weight, 0)).toBe(100);
      const byScore = (['D', 'C', 'B', 'A'] as const).find((t) => item.score >= RISK_TIER_THRESHOLDS[t]);
      if (item.overrides.length === 0) expect(item.tier).toBe(byScore);
      if (k > 0) expect(item.score).toBeLessThanOrEqual(body.items[k - 1].score);
    }
  });

  test('one institution: the same risk as in the list, unlicensed ones at least tier C', async () => {
    const list = await getJson(app, `/api/analysis/risk?district=${PUTUO}&limit=1000`, admin);
    const top = list.body.items[0];
    const one = await getJson(app, `/api/institutions/${top.id}/risk`, admin);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(top);
    for (const item of list.body.items) {
      if (item.status === 'unlicensed' || item.listStatus === 'black') expect(['C', 'D']).toContain(item.tier);
    }
  });

  test('scope: putuo_leader sees Putuo risks only; another district’s institution is not found', async () => {
    const all = await getJson(app, `/api/analysis/risk?limit=1000`, admin);
    const outside = all.body.items.find((i: { districtCode: string }) => i.districtCode !== PUTUO);
    expect(outside).toBeDefined();
    const mine = await getJson(app, `/api/analysis/risk?limit=1000`, putuo);
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((i: { districtCode: string }) => i.districtCode === PUTUO)).toBe(true);
    expect((await getJson(app, `/api/institutions/${outside.id}/risk`, putuo)).status).toBe(404);
    expect((await getJson(app, `/api/institutions/99999999/risk`, admin)).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  test('documents every analysis route', async () => {
    const { body } = await getJson(app, '/api/openapi.json', admin);
    for (const path of ['/api/analysis/cells', '/api/analysis/hotspots', '/api/analysis/grid-hotspots', '/api/analysis/emerging-hotspots', '/api/analysis/cell-counts', '/api/analysis/risk', '/api/institutions/{id}/risk']) {
      expect(Object.keys(body.paths ?? {})).toContain(path);
    }
  });
});
