import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDb, migrate, type Database } from '../../db/client.js';
import { engineHasAsMvt, type TileParams } from '../../db/queries/tiles.js';
import { tileOf, type TileLayerName } from '../../server/domain/tile-layers.js';
import { buildTile } from '../../server/services/tiles.js';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { seedTestData, testDatabase } from '../support/db.js';

let app: TestApp;
let admin: string;
let leader: string;
const putuo = '310107';
const period = 'from=2024-10-01&to=2026-11-02';
const putuoCentre = { lon: 121.397, lat: 31.249 };

beforeAll(async () => {
  app = await testApp();
  [admin, leader] = await Promise.all([loginCookie(app, 'admin'), loginCookie(app, 'putuo_leader')]);
});

interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  rings: { x: number; y: number }[][];
}

function decode(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new Pbf(bytes));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => {
      const features: DecodedFeature[] = [];
      for (let i = 0; i < layer.length; i++) {
        const f: VectorTileFeature = layer.feature(i);
        features.push({ id: f.id, type: f.type, properties: f.properties, rings: f.loadGeometry() });
      }
      return [name, features];
    }),
  );
}

async function tileBytes(path: string, cookie: string) {
  const response = await app.request(path, { headers: { Cookie: cookie } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const tilePath = (layer: TileLayerName, z: number, query = '') => {
  const { x, y } = tileOf(putuoCentre.lon, putuoCentre.lat, z);
  return `/tiles/${layer}/${z}/${x}/${y}.mvt${query}`;
};

describe('GET /tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  test('needs a session: 401 without one, nothing encoded', async () => {
    const response = await app.request(tilePath('institutions', 12));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  test('a signed-out session is refused at once, though its tiles were just served and cached', async () => {
    const cookie = await loginCookie(app, 'planner');
    const path = tilePath('institutions', 12);
    expect((await tileBytes(path, cookie)).response.status).toBe(200);
    expect((await tileBytes(path, cookie)).response.headers.get('server-timing')).toBe('cache;desc=hit');
    expect((await sendJson(app, 'POST', '/api/auth/logout', {}, cookie)).status).toBe(200);
    const after = await tileBytes(path, cookie);
    expect(after.response.status).toBe(401);
    expect(after.bytes.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(after.bytes)).toContain('unauthenticated');
  });

  test('institutions: the features of the tile and its buffer, as /api/institutions finds them there', async () => {
    const z = 13;
    const { x, y } = tileOf(putuoCentre.lon, putuoCentre.lat, z);
    const { response, bytes } = await tileBytes(`/tiles/institutions/${z}/${x}/${y}.mvt`, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const layers = decode(bytes);
    expect(Object.keys(layers)).toEqual(['institutions']);
    const [minLon, minLat, maxLon, maxLat] = bufferedTileBounds(z, x, y);
    const api = await getJson(app, `/api/institutions?bbox=${minLon},${minLat},${maxLon},${maxLat}&limit=10000`, admin);
    const expected = api.body.features.map((f: { id: number }) => f.id).sort((a: number, b: number) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(layers.institutions.map((f) => f.id).sort((a, b) => a! - b!)).toEqual(expected);
    const first = layers.institutions[0];
    expect(first.type).toBe(1);
    expect(Object.keys(first.properties).sort()).toEqual(['category', 'districtCode', 'id', 'listStatus', 'name', 'status']);
    for (const f of layers.institutions) for (const p of f.rings.flat()) expect(p.x >= -64 && p.x <= 4160 && p.y >= -64 && p.y <= 4160).toBe(true);
  });

  test('a district account gets only its district: no feature of another district, at the city zoom too', async () => {
    for (const layer of ['districts', 'institutions', 'clues', 'streets'] as const) {
      const z = 9;
      const { x, y } = tileOf(121.47, 31.23, z);
      const query = layer === 'clues' ? `?${period}` : '';
      const mine = decode((await tileBytes(`/tiles/${layer}/${z}/${x}/${y}.mvt${query}`, leader)).bytes)[layer] ?? [];
      const all = decode((await tileBytes(`/tiles/${layer}/${z}/${x}/${y}.mvt${query}`, admin)).bytes)[layer] ?? [];
      expect(mine.length, layer).toBeGreaterThan(0);
      expect(all.length, layer).toBeGreaterThan(mine.length);
      for (const f of mine) expect(layer === 'districts' ? f.properties.code : f.properties.districtCode).toBe(putuo);
    }
  });

  test('grid cells carry the clue counts of the period asked for', async () => {
    const wide = decode((await tileBytes(tilePath('grid-cells', 12, `?${period}`), admin)).bytes)['grid-cells'];
    const none = decode((await tileBytes(tilePath('grid-cells', 12, '?from=2020-01-01&to=2020-02-01'), admin)).bytes)['grid-cells'];
    expect(wide.length).toBe(none.length);
    expect(wide.some((f) => (f.properties.clueCount as number) > 0)).toBe(true);
    expect(none.every((f) => f.properties.clueCount === 0)).toBe(true);
    const api = await getJson(app, `/api/grid-cells?${period}&district=${putuo}`, admin);
    const counts = new Map(api.body.features.map((f: { id: number; properties: { clueCount: number } }) => [f.id, f.properties.clueCount]));
    for (const f of wide) if (counts.has(f.id)) expect(f.properties.clueCount).toBe(counts.get(f.id));
  });

  test('bad input: 400 naming the field, 422 for a tile outside its zoom', async () => {
    const cases: [string, string][] = [
      ['/tiles/parcels/12/3400/1600.mvt', 'layer'],
      ['/tiles/institutions/99/0/0.mvt', 'z'],
      ['/tiles/institutions/12/3400/1600.png', 'y'],
      [`/tiles/grid-cells/12/3400/1600.mvt?from=2026-01-01`, 'to'],
      [`/tiles/grid-cells/12/3400/1600.mvt?from=2026-02-01&to=2026-01-01`, 'to'],
      [`/tiles/institutions/12/3400/1600.mvt?colour=red`, ''],
    ];
    for (const [path, field] of cases) {
      const { status, body } = await getJson(app, path, admin);
      expect(status, path).toBe(400);
      expect(JSON.stringify(body.error.details.issues), path).toContain(field);
    }
    const outside = await getJson(app, '/tiles/institutions/2/4/0.mvt', admin);
    expect(outside.status).toBe(422);
    expect(outside.body.error.message).toContain('x');
    const needsPeriod = await getJson(app, tilePath('grid-cells', 12), admin);
    expect(needsPeriod.status).toBe(422);
    expect(needsPeriod.body.error.message).toContain('from');
  });

  test('an empty tile answers 204 with no body', async () => {
    const { response, bytes } = await tileBytes('/tiles/institutions/10/0/0.mvt', admin);
    expect(response.status).toBe(204);
    expect(bytes.length).toBe(0);
  });

  test('ETag and Cache-Control; If-None-Match answers 304; a clue write changes the clue tile', async () => {
    const path = tilePath('clues', 12);
    const first = await tileBytes(path, admin);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.response.headers.get('cache-control')).toBe('private, max-age=60, must-revalidate');
    const again = await app.request(path, { headers: { Cookie: admin, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('server-timing')).toBe('cache;desc=hit');
    const institutionsEtag = (await tileBytes(tilePath('institutions', 12), admin)).response.headers.get('etag');

    const created = await sendJson(app, 'POST', '/api/clues', {
      source: '12345', reportedAt: '2026-10-31T02:00:00Z', geometry: { type: 'Point', coordinates: [putuoCentre.lon, putuoCentre.lat] },
      address: '普陀区 测试路 1 号', description: '周末有人在居民楼里上数学课', suspectedType: 'unlicensed',
    }, admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const after = await app.request(path, { headers: { Cookie: admin, 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const ids = decode(new Uint8Array(await after.arrayBuffer())).clues.map((f) => f.id);
    expect(ids).toContain(created.body.id);
    // A clue does not change the institutions: their tile stays cached.
    const institutions = await tileBytes(tilePath('institutions', 12), admin);
    expect(institutions.response.headers.get('etag')).toBe(institutionsEtag);
    expect(institutions.response.headers.get('server-timing')).toBe('cache;desc=hit');
  });
});

describe('the district parameter', () => {
  const cityTile = (layer: TileLayerName, query: string) => {
    const { x, y } = tileOf(121.47, 31.23, 9);
    return `/tiles/${layer}/9/${x}/${y}.mvt${query}`;
  };

  test('narrows a city-wide account to that district, each layer, as the district account sees it', async () => {
    for (const layer of ['districts', 'streets', 'institutions', 'clues'] as const) {
      const chosen = decode((await tileBytes(cityTile(layer, `?district=${putuo}`), admin)).bytes)[layer] ?? [];
      const all = decode((await tileBytes(cityTile(layer, ''), admin)).bytes)[layer] ?? [];
      const leaders = decode((await tileBytes(cityTile(layer, ''), leader)).bytes)[layer] ?? [];
      expect(chosen.length, layer).toBeGreaterThan(0);
      expect(all.length, layer).toBeGreaterThan(chosen.length);
      for (const f of chosen) expect(layer === 'districts' ? f.properties.code : f.properties.districtCode, layer).toBe(putuo);
      expect(chosen.map((f) => f.id).sort(), layer).toEqual(leaders.map((f) => f.id).sort());
    }
    const cells = decode((await tileBytes(tilePath('grid-cells', 12, `?${period}&district=310106`), admin)).bytes)['grid-cells'] ?? [];
    for (const f of cells) expect(f.properties.districtCode).toBe('310106');
  });

  test('a district account may name its own district; another is refused as /api/institutions refuses it', async () => {
    const own = await tileBytes(cityTile('institutions', `?district=${putuo}`), leader);
    const plain = await tileBytes(cityTile('institutions', ''), leader);
    expect(own.response.status).toBe(200);
    expect(own.bytes).toEqual(plain.bytes);
    const other = await getJson(app, cityTile('institutions', '?district=310104'), leader);
    const api = await getJson(app, '/api/institutions?bbox=121.3,31.1,121.6,31.4&district=310104', leader);
    expect(api.status).toBe(403);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe(api.body.error.code);
    expect(other.body.error.details).toEqual(api.body.error.details);
    const json = await getJson(app, '/tiles/institutions.json?district=310104', leader);
    expect(json.status).toBe(403);
  });

  test('a malformed or unknown district is a 400 naming district, on tiles and TileJSON', async () => {
    for (const bad of ['abc', '31010', '3101070', '999999', '310108']) {
      for (const path of [cityTile('institutions', `?district=${bad}`), `/tiles/institutions.json?district=${bad}`]) {
        const { status, body } = await getJson(app, path, admin);
        expect(status, path).toBe(400);
        expect(JSON.stringify(body.error.details.issues), path).toContain('district');
      }
    }
  });

  test('is part of the cache key: the district tile and the city tile are kept apart', async () => {
    const path = tilePath('institutions', 11);
    const narrowed = await tileBytes(`${path}?district=310106`, admin);
    const whole = await tileBytes(path, admin);
    expect(whole.response.headers.get('server-timing')).toBe('cache;desc=miss');
    expect(whole.response.headers.get('etag')).not.toBe(narrowed.response.headers.get('etag'));
    const again = await tileBytes(`${path}?district=310106`, admin);
    expect(again.response.headers.get('server-timing')).toBe('cache;desc=hit');
    expect(again.bytes).toEqual(narrowed.bytes);
  });
});

describe('GET /tiles/{layer}.json', () => {
  test('TileJSON 3.0.0 with the tile template, zooms, the scope’s bounds and the fields', async () => {
    const { status, body, headers } = await getJson(app, `/tiles/grid-cells.json?${period}`, leader);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toContain('private');
    expect(body.tilejson).toBe('3.0.0');
    expect(body.tiles[0]).toMatch(/\/tiles\/grid-cells\/\{z\}\/\{x\}\/\{y\}\.mvt\?from=2024-10-01&to=2026-11-02$/);
    expect(body.minzoom).toBe(0);
    expect(body.maxzoom).toBe(16);
    const [minLon, minLat, maxLon, maxLat] = body.bounds;
    expect(minLon).toBeGreaterThan(121.3);
    expect(maxLon).toBeLessThan(121.5);
    expect(minLat).toBeLessThan(maxLat);
    expect(body.vector_layers[0]).toMatchObject({ id: 'grid-cells', fields: { clueCount: 'Number', code: 'String' } });
    expect((await getJson(app, '/tiles/parcels.json', leader)).status).toBe(400);
    const narrowed = await getJson(app, `/tiles/institutions.json?district=310106`, admin);
    expect(narrowed.body.tiles[0]).toMatch(/\/tiles\/institutions\/\{z\}\/\{x\}\/\{y\}\.mvt\?district=310106$/);
    const city = await getJson(app, `/tiles/institutions.json`, admin);
    expect(narrowed.body.bounds[2] - narrowed.body.bounds[0]).toBeLessThan(city.body.bounds[2] - city.body.bounds[0]);
    expect((await app.request('/tiles/districts.json')).status).toBe(401);
  });
});

/** The tile's box grown by its buffer (64 of 4096 units), in degrees. */
function bufferedTileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  const pad = 64 / 4096;
  const lon = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [lon(x - pad), lat(y + 1 + pad), lon(x + 1 + pad), lat(y - pad)];
}

// The two ways of making a tile give the same tile: PostGIS's ST_AsMVT on PostgreSQL, the SQL-clipped features
// encoded by the server on PGlite. With DATABASE_URL the test opens a seeded PGlite of its own beside it.
describe.runIf(process.env.DATABASE_URL)('both engines', () => {
  let postgres: Database;
  let embedded: Database;
  beforeAll(async () => {
    postgres = await testDatabase();
    embedded = await createDb();
    await migrate(embedded);
    await seedTestData(embedded);
  }, 120_000);
  afterAll(() => embedded?.close());

  test('feature detection: ST_AsMVT on PostgreSQL, none on PGlite', async () => {
    expect(await engineHasAsMvt(postgres)).toBe(true);
    expect(await engineHasAsMvt(embedded)).toBe(false);
  });

  const cases: [TileLayerName, number, { lon: number; lat: number }][] = [
    ['districts', 8, { lon: 121.47, lat: 31.23 }],
    ['districts', 11, putuoCentre],
    ['streets', 11, putuoCentre],
    ['grid-cells', 13, putuoCentre],
    ['institutions', 12, putuoCentre],
    ['clues', 12, putuoCentre],
  ];
  test.each(cases)('%s at z %d: same layer, ids, properties; geometry within two tile units', async (layer, z, at) => {
    const { x, y } = tileOf(at.lon, at.lat, z);
    // The period ends before the clue that the caching test writes, so both databases hold the same clues in it.
    const inPeriod = layer === 'grid-cells' || layer === 'clues';
    const p: TileParams = { layer, z, x, y, scope: { districtCode: null }, from: inPeriod ? new Date('2024-10-01') : undefined, to: inPeriod ? new Date('2026-10-30') : undefined };
    const reference = decode(await buildTile(postgres, 'postgis', p));
    for (const [engine, database] of [['server on PostgreSQL', postgres], ['server on PGlite', embedded]] as const) {
      const tile = decode(await buildTile(database, 'server', p));
      expect(Object.keys(tile), engine).toEqual(Object.keys(reference));
      const byId = new Map(tile[layer].map((f) => [f.id, f]));
      expect([...byId.keys()].sort(), engine).toEqual(reference[layer].map((f) => f.id).sort());
      for (const expected of reference[layer]) {
        const actual = byId.get(expected.id)!;
        expect(actual.properties, `${engine} ${expected.id}`).toEqual(expected.properties);
        expect(actual.type).toBe(expected.type);
        expectGeometryClose(actual.rings, expected.rings, `${engine} ${layer} ${expected.id}`);
      }
    }
  });
});

function expectGeometryClose(actual: { x: number; y: number }[][], expected: { x: number; y: number }[][], what: string) {
  const box = (rings: { x: number; y: number }[][]) => {
    const points = rings.flat();
    return [Math.min(...points.map((p) => p.x)), Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.x)), Math.max(...points.map((p) => p.y))];
  };
  box(actual).forEach((v, i) => expect(Math.abs(v - box(expected)[i]), what).toBeLessThanOrEqual(2));
  const area = (rings: { x: number; y: number }[][]) =>
    rings.reduce((sum, ring) => sum + ring.reduce((s, p, i) => s + p.x * ring[(i + 1) % ring.length].y - ring[(i + 1) % ring.length].x * p.y, 0) / 2, 0);
  const [a, e] = [area(actual), area(expected)];
  // Same winding (outer rings positive in tile units) and the same area within the snapping of the borders.
  expect(Math.sign(a), what).toBe(Math.sign(e));
  expect(Math.abs(a - e), what).toBeLessThanOrEqual(Math.max(4, Math.abs(e) * 0.01) + 2 * actual.flat().length);
}
