import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// GDAL's OAPIF driver (what QGIS uses too) against the running server: the proof that a real GIS client reads the
// API with a bearer token, pages to the end and gets every feature.

const run = promisify(execFile);
const gdalMissing = await run('ogrinfo', ['--version']).then(
  () => null,
  () => 'ogrinfo (GDAL, Debian package gdal-bin) is not installed',
);

const putuo = '310107';
let app: TestApp;
let server: ServerType;
let endpoint: string;
let citySecret: string;
let putuoSecret: string;

/** GDAL 3.6 has no bearer option of its own (GDAL_HTTP_AUTH=BEARER came in 3.9); GDAL_HTTP_HEADERS works from 3.6 on. */
const gdalAuth = (secret: string) => ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${secret}`];

describe.skipIf(gdalMissing !== null)(`GDAL reads the OGC API${gdalMissing ? ` (skipped: ${gdalMissing})` : ''}`, () => {
  beforeAll(async () => {
    app = await testApp();
    const admin = await loginCookie(app, 'admin');
    citySecret = (await sendJson(app, 'POST', '/api/gis-tokens', { name: 'GDAL 全市', districtCode: null }, admin)).body.secret;
    putuoSecret = (await sendJson(app, 'POST', '/api/gis-tokens', { name: 'GDAL 普陀', districtCode: putuo }, admin)).body.secret;
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    endpoint = `OAPIF:http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('ogrinfo lists the six collections', async () => {
    const { stdout } = await run('ogrinfo', [...gdalAuth(citySecret), '-ro', '-q', endpoint]);
    for (const id of ['districts', 'streets', 'grid-cells', 'institutions', 'clues', 'campaign-targets']) expect(stdout).toContain(`: ${id} (`);
  });

  test('ogrinfo without a token is refused', async () => {
    await expect(run('ogrinfo', ['-ro', '-q', endpoint])).rejects.toThrow(/401|HTTP error/);
  });

  test('ogr2ogr copies every institution to GeoJSON; a district token copies only its district', async () => {
    const database = await testDatabase();
    const [city] = await database.rows(sql`SELECT count(*)::int AS n FROM institutions`);
    const [district] = await database.rows(sql`SELECT count(*)::int AS n FROM institutions WHERE district_code = ${putuo}`);
    const dir = mkdtempSync(join(tmpdir(), 'jointops-ogr-'));
    const copy = async (secret: string, name: string) => {
      const file = join(dir, name);
      await run('ogr2ogr', [...gdalAuth(secret), '-oo', 'PAGE_SIZE=1000', '-f', 'GeoJSON', file, endpoint, 'institutions'], { maxBuffer: 1 << 24 });
      return (JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: { districtCode: string } }[] }).features;
    };
    const all = await copy(citySecret, 'city.geojson');
    expect(all).toHaveLength(Number(city.n));
    const answer = await app.request('/ogc/collections/institutions/items?limit=1', { headers: { Authorization: `Bearer ${citySecret}` } });
    expect(((await answer.json()) as { numberMatched: number }).numberMatched).toBe(all.length);
    const putuoOnly = await copy(putuoSecret, 'putuo.geojson');
    expect(putuoOnly).toHaveLength(Number(district.n));
    expect(new Set(putuoOnly.map((f) => f.properties.districtCode))).toEqual(new Set([putuo]));
  }, 120_000);
});
