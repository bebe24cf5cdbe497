import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../server/domain/csv.js';
import {
  contentDisposition,
  crc32,
  csvHeader,
  csvRow,
  exportNames,
  geoJsonClosing,
  geoJsonFeature,
  geoJsonOpening,
  gpkgGeometry,
  gpkgTable,
  layerSpecs,
  exportLayers,
  ringArea2,
  shapefileParts,
  toWkb,
  toWkt,
  wound,
  zipStored,
  type ExportFeature,
  type Geometry,
} from '../../../server/interop/index.js';

const square: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const institution: ExportFeature = {
  id: 7,
  geometry: { type: 'Point', coordinates: [121.4, 31.2] },
  properties: { id: 7, name: '=普陀,学堂', category: '学科类', nature: 'private', status: 'licensed', listStatus: 'none', districtCode: '310107', gridCellId: null, lastInspectedOn: null, synthetic: true },
};
const district = (name: string, geometry: Geometry | null = square): ExportFeature => ({
  geometry,
  properties: { code: '310107', name, nameEn: 'Putuo', synthetic: false, institutionCount: 12, clueCount: 3, openClueCount: 1 },
});

describe('layers', () => {
  test.each(exportLayers)('%s: DBF field names are at most 10 ASCII characters and unique', (layer) => {
    const names = layerSpecs[layer].columns.map((c) => c.dbf);
    for (const n of names) expect(n).toMatch(/^[a-z_]{1,10}$/);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('geometry', () => {
  test('WKT of a point and of a multipolygon', () => {
    expect(toWkt({ type: 'Point', coordinates: [121.5, 31.25] })).toBe('POINT (121.5 31.25)');
    expect(toWkt({ type: 'MultiPolygon', coordinates: [square.coordinates as number[][][]] })).toBe('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))');
  });

  test('WKB of a point: little-endian, type 1, x then y', () => {
    const wkb = toWkb({ type: 'Point', coordinates: [1, 2] });
    const v = new DataView(wkb.buffer);
    expect([wkb[0], v.getUint32(1, true), v.getFloat64(5, true), v.getFloat64(13, true)]).toEqual([1, 1, 1, 2]);
  });

  test('WKB of a polygon counts its rings and points', () => {
    const wkb = toWkb(square);
    const v = new DataView(wkb.buffer);
    expect([v.getUint32(1, true), v.getUint32(5, true), v.getUint32(9, true), wkb.length]).toEqual([3, 1, 5, 9 + 4 + 5 * 16]);
  });

  test('a ring is turned to the winding asked for', () => {
    const ring = square.type === 'Polygon' ? square.coordinates[0] : [];
    expect(ringArea2(ring)).toBeGreaterThan(0);
    expect(ringArea2(wound(ring, true))).toBeLessThan(0);
    expect(wound(ring, false)).toBe(ring);
  });
});

describe('CSV', () => {
  test('the BOM, bilingual headers, lon/lat of a point, and a would-be formula defused', () => {
    const rows = parseCsv((csvHeader('institutions') + csvRow('institutions', institution)).slice(1));
    expect(csvHeader('institutions').startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toContain('名称 (Name)');
    expect(rows[0].slice(-2)).toEqual(['经度 (Longitude)', '纬度 (Latitude)']);
    expect(rows[1][1]).toBe("'=普陀,学堂");
    expect(rows[1].slice(-2)).toEqual(['121.4', '31.2']);
    expect(rows[1][rows[0].indexOf('模拟数据 (Synthetic)')]).toBe('true');
  });

  test('a polygon as WKT in one quoted field; a missing geometry as an empty one', () => {
    const rows = parseCsv(csvHeader('districts').slice(1) + csvRow('districts', district('普陀区')) + csvRow('districts', district('空', null)));
    expect(rows[0].at(-1)).toBe('几何 (Geometry WKT)');
    expect(rows[1].at(-1)).toBe('POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))');
    expect(rows[2].at(-1)).toBe('');
  });
});

describe('GeoJSON', () => {
  test('a FeatureCollection of the layer’s columns only', () => {
    const text = geoJsonOpening('institutions') + geoJsonFeature('institutions', { ...institution, properties: { ...institution.properties, extra: 'x' } }, true) + geoJsonClosing;
    const parsed = JSON.parse(text);
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features[0].id).toBe(7);
    expect(Object.keys(parsed.features[0].properties)).toEqual(layerSpecs.institutions.columns.map((c) => c.key));
  });
});

describe('Shapefile', () => {
  const parts = shapefileParts('districts', [district('普陀区'), district('空', null)], new Date('2026-11-05T00:00:00Z'));

  test('.shp and .shx headers: file code, lengths in 16-bit words, polygon type, the envelope', () => {
    const shp = new DataView(parts.shp.buffer);
    expect(shp.getInt32(0, false)).toBe(9994);
    expect(shp.getInt32(24, false) * 2).toBe(parts.shp.length);
    expect(shp.getInt32(32, true)).toBe(5);
    expect([shp.getFloat64(36, true), shp.getFloat64(52, true)]).toEqual([0, 1]);
    const shx = new DataView(parts.shx.buffer);
    expect(shx.getInt32(24, false) * 2).toBe(parts.shx.length);
    expect(parts.shx.length).toBe(100 + 2 * 8);
    // The second record is a null shape, right after the first.
    const second = shx.getInt32(108, false) * 2;
    expect(shp.getInt32(second + 8, true)).toBe(0);
  });

  test('an outer ring is written clockwise', () => {
    const shp = new DataView(parts.shp.buffer);
    const points = [0, 1, 2, 3, 4].map((i) => [shp.getFloat64(108 + 44 + 4 + 16 * i, true), shp.getFloat64(108 + 44 + 4 + 16 * i + 8, true)]);
    expect(ringArea2(points)).toBeLessThan(0);
  });

  test('the DBF holds its text in GBK, says so in the language driver byte and the .cpg, and counts its records', () => {
    const dbf = new DataView(parts.dbf.buffer);
    expect(dbf.getUint32(4, true)).toBe(2);
    expect(parts.dbf[29]).toBe(0x4d);
    expect(parts.cpg).toBe('GBK');
    expect(parts.prj).toContain('GCS_WGS_1984');
    const gbk = iconv.encode('普陀区', 'gbk');
    const at = parts.dbf.indexOf(gbk[0]);
    expect(iconv.decode(Buffer.from(parts.dbf.subarray(at, at + gbk.length)), 'gbk')).toBe('普陀区');
    expect(parts.dbf.at(-1)).toBe(0x1a);
  });

  test('field names as documented, at most 10 characters', () => {
    const names: string[] = [];
    for (let at = 32; parts.dbf[at] !== 0x0d; at += 32) names.push(String.fromCharCode(...parts.dbf.subarray(at, at + 11)).replace(/\0+$/, ''));
    expect(names).toEqual(layerSpecs.districts.columns.map((c) => c.dbf));
  });
});

describe('zip', () => {
  test('CRC-32 of the check string', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  test('a stored archive lists its entries in the central directory', () => {
    const zip = zipStored([{ name: 'a.cpg', data: new TextEncoder().encode('GBK') }, { name: 'b.prj', data: new Uint8Array(5) }], new Date('2026-11-05T10:20:30Z'));
    const v = new DataView(zip.buffer);
    const end = zip.length - 22;
    expect(v.getUint32(end, true)).toBe(0x06054b50);
    expect(v.getUint16(end + 10, true)).toBe(2);
    const central = v.getUint32(end + 16, true);
    expect(v.getUint32(central, true)).toBe(0x02014b50);
    expect(String.fromCharCode(...zip.subarray(central + 46, central + 51))).toBe('a.cpg');
    expect(String.fromCharCode(...zip.subarray(30, 35))).toBe('a.cpg');
    expect(String.fromCharCode(...zip.subarray(35, 38))).toBe('GBK');
  });
});

describe('GeoPackage rows', () => {
  test('a point’s blob: GP, version 0, little-endian without envelope, SRS 4326, then WKB', () => {
    const blob = gpkgGeometry({ type: 'Point', coordinates: [121.4, 31.2] });
    const v = new DataView(blob.buffer);
    expect([blob[0], blob[1], blob[2], blob[3], v.getInt32(4, true)]).toEqual([0x47, 0x50, 0, 1, 4326]);
    expect(blob.subarray(8)).toEqual(toWkb({ type: 'Point', coordinates: [121.4, 31.2] }));
  });

  test('a polygon’s blob carries its envelope as minx, maxx, miny, maxy; the column is MULTIPOLYGON', () => {
    const table = gpkgTable('districts', [district('普陀区')]);
    expect(table.geometryType).toBe('MULTIPOLYGON');
    const [row] = [...table.rows];
    const blob = row[1] as Uint8Array;
    const v = new DataView(blob.buffer);
    expect(blob[3]).toBe(0b011);
    expect([8, 16, 24, 32].map((at) => v.getFloat64(at, true))).toEqual([0, 1, 0, 1]);
    expect(v.getUint32(40 + 1, true)).toBe(6);
    expect(row.slice(2)).toEqual(['310107', '普陀区', 'Putuo', 0, 12, 3, 1]);
  });
});

describe('file names', () => {
  test('ASCII filename and UTF-8 filename*', () => {
    const names = exportNames({ layer: 'grid-cells', format: 'shp.zip', district: { code: '310107', name: '普陀区' }, date: '2026-11-05' });
    expect(names).toEqual({ ascii: 'grid_cells_310107_2026-11-05.shp.zip', utf8: '网格_普陀区_2026-11-05.shp.zip' });
    expect(contentDisposition(names)).toBe(
      `attachment; filename="grid_cells_310107_2026-11-05.shp.zip"; filename*=UTF-8''${encodeURIComponent('网格_普陀区_2026-11-05.shp.zip')}`,
    );
  });
});
