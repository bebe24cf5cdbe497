import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { searchInstitutions } from '../../db/queries/institutions.js';
import { realRowCounts } from '../../db/queries/layer-import.js';
import { cityWide } from '../../db/queries/queryable.js';
import { haversineDistanceMetres } from '../../server/domain/geodesy.js';
import { shapefileParts } from '../../server/interop/shapefile.js';
import { zipStored } from '../../server/interop/zip.js';
import { CalendarCache } from '../../server/services/calendar.js';
import { IMPORT_BATCH, importLayerFile, type ImportStage, type LayerImportOptions } from '../../server/services/layer-import.js';
import { testAsOf, testDatabase } from '../support/db.js';
import { pointShapefileZip } from '../support/shapefile.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const deps = () => ({ database, now: () => testAsOf, calendar: new CalendarCache() });
const run = (bytes: Uint8Array, options: Partial<LayerImportOptions> & Pick<LayerImportOptions, 'layer' | 'fileName'>) =>
  importLayerFile(deps(), 'cli', bytes, { dryRun: false, ...options });

/** A valid code of the shape GB 32100 asks for, different for each n. */
function creditCode(n: number): string {
  const symbols = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `9131000${String(n).padStart(10, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + symbols.indexOf(ch) * weights[i], 0);
  return body + symbols[(31 - (sum % 31)) % 31];
}

const feature = (coordinates: [number, number], properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
const geojson = (features: unknown[]) => utf8(JSON.stringify({ type: 'FeatureCollection', features }));
const institution = (name: string, extra: Record<string, unknown> = {}) => ({ name, category: '学科类', nature: '营利', status: '持证', address: `${name} 地址`, ...extra });
/** Inside 普陀区 (310107). */
const putuo: [number, number] = [121.4, 31.25];

async function stored(name: string) {
  const [row] = await searchInstitutions(database, { scope: cityWide, text: name, limit: 1 });
  return row;
}

describe('importing institutions', () => {
  test('GeoJSON: all rows written as real data, district and grid cell from the position, one audit entry with the counts', async () => {
    const before = await realRowCounts(database);
    const report = await run(geojson([feature(putuo, institution('导入甲', { creditCode: creditCode(1) })), feature([121.45, 31.23], institution('导入乙'))]), { layer: 'institutions', fileName: 'a.geojson' });
    expect(report).toMatchObject({ committed: true, records: 2, imported: 2, problems: [], format: 'geojson', crs: 'wgs84' });
    expect((await realRowCounts(database)).institutions).toBe(before.institutions + 2);
    expect(await stored('导入甲')).toMatchObject({ districtCode: '310107', creditCode: creditCode(1), status: 'licensed' });
    const { entries } = await listAudit(database, { limit: 1, actions: ['layer.import'] });
    expect(entries[0]).toMatchObject({ actor: 'cli', action: 'layer.import', entity: 'layer_import', entityId: 'institutions', after: { records: 2, imported: 2, format: 'geojson' } });
  });

  test('a GCJ-02 point lands within a metre of its WGS84 twin, and so does a BD-09 one', async () => {
    const wgs: [number, number] = [121.4312, 31.2201];
    await run(geojson([feature(wgs, institution('坐标WGS'))]), { layer: 'institutions', fileName: 'w.geojson' });
    await run(geojson([feature(gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.GCJ02), institution('坐标GCJ'))]), { layer: 'institutions', fileName: 'g.geojson', crs: 'gcj02' });
    await run(geojson([feature(gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.BD09), institution('坐标BD'))]), { layer: 'institutions', fileName: 'b.geojson', crs: 'bd09' });
    const [w, g, b] = [await stored('坐标WGS'), await stored('坐标GCJ'), await stored('坐标BD')];
    const metres = (a: [number, number], b: [number, number]) => haversineDistanceMetres(a[0], a[1], b[0], b[1]);
    expect(metres(w.position, g.position)).toBeLessThan(1);
    expect(metres(w.position, b.position)).toBeLessThan(1);
    // Without the conversion the offset would be hundreds of metres.
    expect(metres(wgs, gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.GCJ02))).toBeGreaterThan(100);
  });

  test('a GBK CSV with Chinese headers and statuses', async () => {
    const csv = '机构名称,统一社会信用代码,类别,性质,状态,地址,经度,纬度\r\n导入丙,' + creditCode(2) + ',体育,非营利,停业整顿,普陀区真北路,121.40,31.25\r\n';
    const report = await run(new Uint8Array(iconv.encode(csv, 'gbk')), { layer: 'institutions', fileName: 'c.csv' });
    expect(report).toMatchObject({ committed: true, encoding: 'gbk', imported: 1 });
    expect(await stored('导入丙')).toMatchObject({ status: 'suspended', category: '体育' });
  });

  test('a GBK shapefile without a .cpg', async () => {
    const zip = pointShapefileZip([{ lon: 121.25, lat: 31.38, fields: { 机构名称: '导入丁', 类别: '科技', 性质: '营利', 状态: '已登记', 地址: '嘉定区博乐路' } }]);
    const report = await run(zip, { layer: 'institutions', fileName: 'd.zip' });
    expect(report).toMatchObject({ committed: true, format: 'shapefile', encoding: 'gbk', imported: 1 });
    expect(await stored('导入丁')).toMatchObject({ status: 'registered', districtCode: '310114' });
  });

  test('refused with every problem and no partial rows: outside Shanghai, a stored credit code, a duplicate in the file', async () => {
    const before = await realRowCounts(database);
    const report = await run(
      geojson([
        feature(putuo, institution('拒绝甲')),
        feature([120.0, 30.0], institution('拒绝乙')),
        feature(putuo, institution('拒绝丙', { creditCode: creditCode(1) })),
        feature(putuo, institution('拒绝丁', { creditCode: creditCode(9) })),
        feature(putuo, institution('拒绝戊', { creditCode: creditCode(9) })),
      ]),
      { layer: 'institutions', fileName: 'r.geojson' },
    );
    expect(report.committed).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.problems).toEqual([
      { path: 'feature 2.geometry', message: 'outside Shanghai: in none of its districts' },
      { path: 'feature 3.creditCode', message: `${creditCode(1)} is already an institution's code` },
      { path: 'feature 5.creditCode', message: `${creditCode(9)} also at feature 4 of the file` },
    ]);
    expect(await realRowCounts(database)).toEqual(before);
    expect(await stored('拒绝甲')).toBeUndefined();
  });

  test('a dry run checks everything and writes nothing, not even an audit entry', async () => {
    const before = await realRowCounts(database);
    const audit = (await listAudit(database, { limit: 1 })).entries[0].id;
    const report = await run(geojson([feature(putuo, institution('试运行'))]), { layer: 'institutions', fileName: 'x.geojson', dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, imported: 1, problems: [] });
    expect(await realRowCounts(database)).toEqual(before);
    expect((await listAudit(database, { limit: 1 })).entries[0].id).toBe(audit);
    expect(await stored('试运行')).toBeUndefined();
  });
});

describe('importing clues and grid cells', () => {
  test('clues from CSV get their district, grid cell and deadline; one imported before is refused', async () => {
    const csv = 'reportedAt,address,description,suspectedType,source,externalId,longitude,latitude\n2026-10-20 10:00,普陀区1号,居民楼补课,residential_flat,12345,IMP-C1,121.40,31.25\n';
    const before = await realRowCounts(database);
    expect(await run(utf8(csv), { layer: 'clues', fileName: 'c.csv' })).toMatchObject({ committed: true, imported: 1 });
    expect((await realRowCounts(database)).clues).toBe(before.clues + 1);
    const again = await run(utf8(csv), { layer: 'clues', fileName: 'c.csv' });
    expect(again.problems).toEqual([{ path: 'line 2.externalId', message: 'IMP-C1 (12345) was imported before' }]);
    expect((await realRowCounts(database)).clues).toBe(before.clues + 1);
  });

  test('grid cells from the product’s GBK shapefile: placed in their district and street; invalid and outside ones refused', async () => {
    const square = (x: number, y: number) => [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]];
    const parts = (features: { code: string; rings: number[][][] }[]) => {
      const p = shapefileParts('grid-cells', features.map((f) => ({ geometry: { type: 'Polygon', coordinates: f.rings }, properties: { code: f.code, workerName: '王网格' } })), testAsOf);
      return zipStored(
        [
          { name: 'g.shp', data: p.shp },
          { name: 'g.shx', data: p.shx },
          { name: 'g.dbf', data: p.dbf },
          { name: 'g.prj', data: utf8(p.prj) },
          { name: 'g.cpg', data: utf8(p.cpg) },
        ],
        testAsOf,
      );
    };
    const before = await realRowCounts(database);
    const refused = await run(parts([{ code: 'IMP-G1', rings: square(121.4, 31.25) }, { code: 'IMP-G2', rings: square(119.0, 30.0) }]), { layer: 'grid-cells', fileName: 'g.zip' });
    expect(refused.problems).toEqual([{ path: 'feature 2.geometry', message: 'outside Shanghai: in none of its districts' }]);
    expect(await realRowCounts(database)).toEqual(before);
    const ok = await run(parts([{ code: 'IMP-G1', rings: square(121.4, 31.25) }]), { layer: 'grid-cells', fileName: 'g.zip' });
    expect(ok).toMatchObject({ committed: true, imported: 1, encoding: 'gbk' });
    expect((await realRowCounts(database)).gridCells).toBe(before.gridCells + 1);
    const again = await run(parts([{ code: 'IMP-G1', rings: square(121.41, 31.25) }]), { layer: 'grid-cells', fileName: 'g.zip' });
    expect(again.problems).toEqual([{ path: 'feature 1.code', message: 'grid cell IMP-G1 exists' }]);
  });

  test('a polygon PostGIS finds invalid though it does not cross itself (a hole outside its shell) is named', async () => {
    const shell = [[121.4, 31.25], [121.401, 31.25], [121.401, 31.251], [121.4, 31.251], [121.4, 31.25]];
    const hole = [[121.41, 31.26], [121.411, 31.26], [121.411, 31.261], [121.41, 31.261], [121.41, 31.26]];
    const file = utf8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [shell, hole] }, properties: { code: 'IMP-G9', workerName: '赵' } }] }));
    const report = await run(file, { layer: 'grid-cells', fileName: 'h.geojson' });
    expect(report.problems).toEqual([{ path: 'feature 1.geometry', message: expect.stringMatching(/^invalid geometry: Hole lies outside shell/) }]);
  });
});

describe('a file of several batches', () => {
  const csvOf = (count: number, outsideAt: number | null) =>
    utf8(
      'name,category,nature,status,address,longitude,latitude\n' +
      Array.from({ length: count }, (_, i) => `批量${i},体育,营利,持证,地址${i},${i === outsideAt ? '119.0,30.0' : `${putuo[0]},${putuo[1]}`}\n`).join(''),
    );

  test('a problem in the last batch, after the first were stored, rolls them all back; checking goes on to the end', async () => {
    const count = 2 * IMPORT_BATCH + 10;
    const before = await realRowCounts(database);
    const stages: ImportStage[] = [];
    const report = await importLayerFile(deps(), 'cli', csvOf(count, 2 * IMPORT_BATCH + 5), { layer: 'institutions', fileName: 'late.csv', dryRun: false }, (stage) => {
      if (stages.at(-1) !== stage) stages.push(stage);
    });
    expect(report).toMatchObject({ committed: false, records: count, imported: 0, problemCount: 1 });
    expect(report.problems).toEqual([{ path: `line ${2 * IMPORT_BATCH + 7}.geometry`, message: 'outside Shanghai: in none of its districts' }]);
    // Two batches were stored before the third showed the problem; the progress says so.
    expect(stages).toEqual(['storing', 'checking']);
    expect(await realRowCounts(database)).toEqual(before);
    expect(await stored('批量0')).toBeUndefined();
  });

  test('the same file without the problem is written whole, in one audit entry', async () => {
    const count = 2 * IMPORT_BATCH + 10;
    const before = await realRowCounts(database);
    const report = await run(csvOf(count, null), { layer: 'institutions', fileName: 'many.csv' });
    expect(report).toMatchObject({ committed: true, records: count, imported: count, problemCount: 0 });
    expect((await realRowCounts(database)).institutions).toBe(before.institutions + count);
    const { entries } = await listAudit(database, { limit: 1, actions: ['layer.import'] });
    const after = entries[0].after as { imported: number; firstId: number; lastId: number };
    expect(after.imported).toBe(count);
    expect(after.lastId - after.firstId + 1).toBe(count);
  });
});
