import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '../../db/queries/audit.js';
import { userForLogin } from '../../db/queries/users.js';
import { exportLayer } from '../../server/services/layer-exports.js';
import { institutionsQuerySchema } from '../../server/contract/institutions.js';
import { testAsOf } from '../support/db.js';
import type { Database } from '../../db/client.js';
import { parseCsv } from '../../server/domain/csv.js';
import { allTime, getJson, roleCookies, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// A map layer with its filter as GeoJSON, CSV, a zipped Shapefile and a GeoPackage: the layer's own scope and filter
// validation apply, the export is audited, and GDAL opens every file with the rows and the Chinese intact.

const PUTUO = '310107';
const JINGAN = '310106';
let app: TestApp;
let database: Database;
let admin: string;
let leader: string;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ admin, leader } = await roleCookies(app));
});

const download = async (path: string, cookie: string) => {
  const response = await app.request(path, { headers: { Cookie: cookie } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;

const institutionsQuery = `bbox=${shanghaiBbox}&status=licensed,unlicensed`;

describe('scope and filter', () => {
  test('a district leader’s GeoJSON holds only the district’s rows, as many as the layer endpoint answers', async () => {
    const file = await download(`/api/exports/institutions.geojson?${institutionsQuery}`, leader);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/geo+json');
    const collection = JSON.parse(utf8(file.bytes));
    const layer = await getJson(app, `/api/institutions?${institutionsQuery}&limit=10000`, leader);
    expect(collection.features.length).toBe(layer.body.features.length);
    expect(collection.features.length).toBeGreaterThan(0);
    for (const f of collection.features) {
      expect(f.properties.districtCode).toBe(PUTUO);
      expect(['licensed', 'unlicensed']).toContain(f.properties.status);
      expect(f.geometry.type).toBe('Point');
    }
  });

  test('the city-wide export of the same filter holds other districts too', async () => {
    const file = await download(`/api/exports/institutions.csv?${institutionsQuery}`, admin);
    const rows = parseCsv(utf8(file.bytes).slice(1));
    const district = rows[0].indexOf('区县代码 (District code)');
    expect(new Set(rows.slice(1).map((r) => r[district])).size).toBeGreaterThan(1);
  });

  test('asking for another district is 403, as on the layer endpoint, and nothing is audited', async () => {
    const since = await lastAuditId();
    const file = await download(`/api/exports/clues.csv?bbox=${shanghaiBbox}&${allTime}&district=${JINGAN}`, leader);
    expect(file.status).toBe(403);
    expect(JSON.parse(utf8(file.bytes)).error.details).toEqual({ allowedDistrict: PUTUO, requestedDistrict: JINGAN });
    expect(await lastAuditId()).toBe(since);
  });

  test.each([
    ['institutions.gpkg?bbox=1,2,3', 'bbox'],
    [`institutions.csv?bbox=${shanghaiBbox}&status=closed`, 'status'],
    [`clues.geojson?bbox=${shanghaiBbox}&from=2026-01-01`, 'to'],
    [`grid-cells.shp.zip?from=2026-13-01&to=2026-12-01`, 'from'],
    [`streets.csv?district=putuo`, 'district'],
  ])('%s is 400 naming %s, and nothing is audited', async (path, field) => {
    const since = await lastAuditId();
    const file = await download(`/api/exports/${path}`, admin);
    expect(file.status).toBe(400);
    const body = JSON.parse(utf8(file.bytes));
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(field);
    expect(await lastAuditId()).toBe(since);
  });

  test('an unknown layer or format is 400', async () => {
    expect((await download('/api/exports/institutions.kml', admin)).status).toBe(400);
    expect((await download('/api/exports/officers.csv', admin)).status).toBe(400);
  });

  test('a link on another site starts no export: 403, nothing audited', async () => {
    const since = await lastAuditId();
    const response = await app.request('/api/exports/districts.geojson', { headers: { Cookie: admin, 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect(await lastAuditId()).toBe(since);
    const fromHere = await app.request('/api/exports/districts.geojson', { headers: { Cookie: admin, 'Sec-Fetch-Site': 'same-origin' } });
    expect(fromHere.status).toBe(200);
  });

  test('without a session the export is 401', async () => {
    expect((await app.request('/api/exports/districts.geojson')).status).toBe(401);
  });

  test('the export is audited: who, which layer, the filter and the row count', async () => {
    const since = await lastAuditId();
    const file = await download(`/api/exports/streets.gpkg`, leader);
    expect(file.status).toBe(200);
    const [entry] = (await listAudit(database, { limit: 5 })).entries.filter((e) => e.id > since);
    expect(entry).toMatchObject({ actor: 'putuo_leader', action: 'layer.export', entity: 'map_layer', entityId: 'streets' });
    expect(entry.after).toMatchObject({ format: 'gpkg', scope: PUTUO, rows: Number(file.headers.get('x-export-rows')) });
  });

  test('a filter with more rows than a file holds is 422 naming bbox, before anything is read out or audited', async () => {
    const { passwordHash: _p, ...user } = (await userForLogin(database, 'putuo_leader'))!;
    const query = institutionsQuerySchema.parse({ bbox: shanghaiBbox });
    const deps = (maxExportRows: number) => ({ database, now: () => testAsOf, maxExportRows });
    const whole = await exportLayer(deps(100_000), user, 'institutions', 'csv', query);
    const since = await lastAuditId();
    await expect(exportLayer(deps(whole.rows), user, 'institutions', 'csv', query)).resolves.toMatchObject({ rows: whole.rows });
    const refused = exportLayer(deps(whole.rows - 1), user, 'institutions', 'gpkg', query);
    await expect(refused).rejects.toMatchObject({ status: 422, details: { issues: [{ path: 'bbox' }], maxRows: whole.rows - 1 } });
    const audited = (await listAudit(database, { limit: 5 })).entries.filter((e) => e.id > since);
    expect(audited).toHaveLength(1);
  });

  test('the file name is ASCII with a Chinese filename* for the district', async () => {
    const file = await download(`/api/exports/grid-cells.shp.zip?${allTime}`, leader);
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="grid_cells_310107_\d{4}-\d{2}-\d{2}\.shp\.zip"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1])).toMatch(/^网格_普陀区_\d{4}-\d{2}-\d{2}\.shp\.zip$/);
  });
});

const ogrinfo = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' });
const haveGdal = ogrinfo.status === 0;
if (!haveGdal) console.warn('layer-exports: GDAL’s ogrinfo is not installed (apt-get install gdal-bin); the tests that open the files are skipped');

/** `ogrinfo` on a file: its summary (-so) or every feature; GDAL opens it without a warning or an error. */
function ogr(path: string, summaryOnly: boolean): string {
  const run = spawnSync('ogrinfo', ['-ro', '-al', ...(summaryOnly ? ['-so'] : []), path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(run.status).toBe(0);
  expect(run.stderr).not.toMatch(/warning|error/i);
  return run.stdout;
}
const featureCount = (summary: string) => Number(/Feature Count: (\d+)/.exec(summary)?.[1]);

describe.skipIf(!haveGdal)('GDAL opens every format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jointops-exports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const layers = [
    { layer: 'institutions', query: `bbox=${shanghaiBbox}`, geometry: 'Point', name: 'name' },
    { layer: 'clues', query: `bbox=${shanghaiBbox}&${allTime}`, geometry: 'Point', name: null },
    { layer: 'grid-cells', query: allTime, geometry: 'Polygon', name: null },
    { layer: 'streets', query: '', geometry: 'Polygon', name: 'name' },
    { layer: 'districts', query: '', geometry: 'Polygon', name: 'name' },
  ];
  const formats = [
    { format: 'geojson', open: (p: string) => p },
    { format: 'csv', open: (p: string) => p },
    { format: 'shp.zip', open: (p: string) => `/vsizip/${p}` },
    { format: 'gpkg', open: (p: string) => p },
  ];

  describe.each(layers)('$layer', ({ layer, query, geometry }) => {
    test.each(formats)('$format: the feature count is the API’s, the geometry and the SRS are WGS84', async ({ format, open }) => {
      const file = await download(`/api/exports/${layer}.${format}?${query}`, leader);
      expect(file.status).toBe(200);
      const rows = Number(file.headers.get('x-export-rows'));
      expect(rows).toBeGreaterThan(0);
      const path = join(dir, `${layer}.${format}`);
      writeFileSync(path, file.bytes);
      const summary = ogr(open(path), true);
      expect(featureCount(summary)).toBe(rows);
      if (format !== 'csv') {
        expect(summary).toMatch(new RegExp(`Geometry: (Multi )?${geometry}`, 'i'));
        expect(summary).toMatch(/WGS 84|WGS_1984|EPSG.*4326/);
      }
    });
  });

  test.each(['shp.zip', 'gpkg', 'geojson'])('%s: the Chinese names of 普陀区’s streets read back as the API has them', async (format) => {
    const api = await getJson(app, '/api/streets', leader);
    const names: string[] = api.body.features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    const file = await download(`/api/exports/streets.${format}`, leader);
    const path = join(dir, `streets-names.${format}`);
    writeFileSync(path, file.bytes);
    const dump = ogr(format === 'shp.zip' ? `/vsizip/${path}` : path, false);
    const read = [...dump.matchAll(/^\s+name \(String[^)]*\) = (.*)$/gm)].map((m) => m[1]);
    expect(read.sort()).toEqual([...names].sort());
  });

  test('a shapefile’s district names are GBK in the DBF, and GDAL reads them as the API has them', async () => {
    const file = await download('/api/exports/districts.shp.zip', admin);
    const path = join(dir, 'districts-gbk.shp.zip');
    writeFileSync(path, file.bytes);
    const dump = ogr(`/vsizip/${path}`, false);
    const names = [...dump.matchAll(/^\s+name \(String\) = (.*)$/gm)].map((m) => m[1]);
    expect(names).toContain('普陀区');
    expect(names).toContain('崇明区');
    expect(dump).toContain('name_en (String) = Putuo');
    expect(ogr(`/vsizip/${path}`, true)).toMatch(/inst_count: Integer/);
  });
});
