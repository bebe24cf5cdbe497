import { describe, expect, test } from 'vitest';
import { parseCsv, UTF8_BOM } from '../../../server/domain/csv.js';
import {
  assignmentsCsv,
  assignmentsGeoJson,
  drawNoticeCsv,
  routesCsv,
  routesGeoJson,
  targetsCsv,
  targetsGeoJson,
} from '../../../server/documents/exports.js';
import { ratioPercent } from '../../../server/planning/dispatch/index.js';
import { dispatchSheetFixture, drawNoticeFixture, LONG_ADDRESS, secondSheetFixture } from '../../fixtures/dispatch-sheets.js';

const sheets = [dispatchSheetFixture(), secondSheetFixture()];

/** A CSV export as Excel and our reader see it: BOM first, CRLF after every row, the same number of fields in each. */
function readCsv(text: string): string[][] {
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  // Outside quoted fields every line end is CRLF.
  expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const rows = parseCsv(text.slice(UTF8_BOM.length));
  for (const row of rows) expect(row).toHaveLength(rows[0].length);
  return rows;
}

type Position = number[];
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

/** RFC 7946: a FeatureCollection of Features with [lon, lat] positions in WGS84 and no legacy crs member. */
function expectGeoJson(collection: { type: string; features: { type: string; id: unknown; geometry: { type: string; coordinates: unknown } | null; properties: object }[] }, keys: string[]) {
  expect(collection.type).toBe('FeatureCollection');
  expect(collection).not.toHaveProperty('crs');
  const text = JSON.stringify(collection);
  expect(JSON.parse(text)).toEqual(collection);
  for (const feature of collection.features) {
    expect(feature.type).toBe('Feature');
    expect(['number', 'string']).toContain(typeof feature.id);
    // Closed properties: every feature has exactly the documented members.
    expect(Object.keys(feature.properties).sort()).toEqual([...keys].sort());
    if (!feature.geometry) continue;
    const positions: Position[] = feature.geometry.type === 'Point' ? [feature.geometry.coordinates as Position] : (feature.geometry.coordinates as Position[]);
    if (feature.geometry.type === 'LineString') expect(positions.length).toBeGreaterThanOrEqual(2);
    for (const p of positions) {
      expect(p).toHaveLength(2);
      // Shanghai: longitude first (about 121°E), latitude second (about 31°N).
      expect(p[0]).toBeGreaterThan(120.8);
      expect(p[0]).toBeLessThan(122.2);
      expect(p[1]).toBeGreaterThan(30.6);
      expect(p[1]).toBeLessThan(31.9);
      expect(Math.max(decimals(p[0]), decimals(p[1]))).toBeLessThanOrEqual(6);
    }
  }
}

describe('CSV exports', () => {
  test('targets: each object once with its visits, Chinese intact, the long address in one field', () => {
    const rows = readCsv(targetsCsv(sheets));
    expect(rows[0].slice(0, 3)).toEqual(['对象类型 (Kind)', '名称 (Name)', '统一社会信用代码 (Unified social credit code)']);
    expect(rows).toHaveLength(1 + 6);
    const boya = rows.find((r) => r[1] === '博雅艺术培训中心')!;
    expect(boya[2]).toBe('52310101385103202U');
    expect(boya[6]).toBe('双随机抽取');
    expect(boya[8]).toBe('2');
    expect(boya[9]).toBe('2026-01-23 18:00–21:30 第1组 #4; 2026-01-23 18:00–21:30 第2组 #1');
    expect(rows.find((r) => r[3] === LONG_ADDRESS)?.[2]).toBe('');
    expect(rows.find((r) => r[0] === '网格巡查')?.[7]).toBe('无证办学、违法广告');
  });

  test('routes: a row per team-shift with its line as WKT, straight legs flagged', () => {
    const rows = readCsv(routesCsv(sheets));
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(3, 7)).toEqual(['2026-01-23', '18:00', '21:30', '第1组']);
    expect(rows[1][7]).toBe('王建国、李晓梅、陈志强');
    expect(rows[1][10]).toBe('0');
    expect(rows[2][10]).toBe('1');
    expect(rows[1][11]).toMatch(/^LINESTRING \(121\.4846 31\.2235, /);
    expect(rows[2][11].split(',')).toHaveLength(2 + 3);
  });

  test('assignments: officer × stop, with the leader marked', () => {
    const rows = readCsv(assignmentsCsv(sheets));
    expect(rows).toHaveLength(1 + 3 * 6 + 2 * 3);
    expect(rows[1]).toEqual(['2026-01-23', '18:00', '21:30', '第1组', '王建国', '黄浦区教育局', '沪执310101010001', '组长', '1', '启明星学科辅导中心', '91310101MA142KQ54M', '18:12', '18:32']);
    expect(rows.filter((r) => r[4] === '李晓梅').every((r) => r[7] === '组员')).toBe(true);
    expect(readCsv(assignmentsCsv(sheets, { language: 'en' }))[1][7]).toBe('Leader');
  });

  test('一公开 notice: quotes, commas and line breaks in names and addresses survive; the draw on every row', () => {
    const notice = drawNoticeFixture();
    const rows = readCsv(drawNoticeCsv(notice));
    expect(rows[0][0]).toBe('序号 (No.)');
    expect(rows.slice(1).map((r) => r[1])).toEqual(notice.objects.map((o) => o.name));
    expect(rows[3][3]).toBe('上海市黄浦区豫园街道河南南路 16 号\n（近复兴东路）');
    expect(rows[4].slice(2, 4)).toEqual(['', '']);
    expect(rows[1].slice(4)).toEqual([notice.taskName, '黄浦区教育局', '黄浦区', '2026-01-20', '等概率随机抽取', '5%', '80', '2026寒假-黄浦', notice.seedCommitment, notice.poolHash]);
    expect(readCsv(drawNoticeCsv({ ...notice, district: null }))[1][6]).toBe('全市');
  });

  test('ratioPercent', () => {
    expect([0.05, 0.125, 1, 0.0333333].map(ratioPercent)).toEqual(['5', '12.5', '100', '3.33']);
  });
});

describe('GeoJSON exports (RFC 7946)', () => {
  test('targets are points at the stops, [lon, lat], one per object', () => {
    const collection = targetsGeoJson(sheets);
    expectGeoJson(collection, ['kind', 'name', 'creditCode', 'address', 'reason', 'checks', 'visits']);
    expect(collection.features).toHaveLength(6);
    expect(collection.features[0].geometry.coordinates).toEqual([121.4802, 31.2318]);
  });

  test('routes are a LineString per team-shift; the driven line, or straight legs through base and stops', () => {
    const collection = routesGeoJson(sheets);
    expectGeoJson(collection, ['campaign', 'campaignType', 'districtCode', 'district', 'date', 'shiftStart', 'shiftEnd', 'team', 'members', 'base', 'stops', 'straightLegs']);
    expect(collection.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'LineString']);
    expect(collection.features[0].geometry!.coordinates).toEqual(sheets[0].route.line);
    expect(collection.features[1].properties.straightLegs).toBe(true);
    expect(collection.features[1].geometry!.coordinates).toHaveLength(3 + 2);
  });

  test('a route of one place has no line: null geometry, not a one-point LineString', () => {
    const lone = { ...secondSheetFixture(), stops: secondSheetFixture().stops.slice(0, 1), route: { base: null, line: [] } };
    const [feature] = routesGeoJson([lone]).features;
    expect(feature.geometry).toBeNull();
    expect(feature.properties.stops).toBe(1);
  });

  test('assignments: a point per stop of each team-shift with the officers who go', () => {
    const collection = assignmentsGeoJson(sheets);
    expectGeoJson(collection, ['date', 'shiftStart', 'shiftEnd', 'team', 'sequence', 'kind', 'name', 'creditCode', 'eta', 'departure', 'officers']);
    expect(collection.features).toHaveLength(9);
    expect(new Set(collection.features.map((f) => f.id)).size).toBe(9);
    const last = collection.features[8].properties;
    expect(last.team).toBe('第2组');
    expect(last.officers).toEqual([
      { name: '张丽华', department: '黄浦区教育局', certificateNo: '沪执310101010004', leader: true },
      { name: '周斌', department: '黄浦区消防救援支队', certificateNo: '沪执310101020003', leader: false },
    ]);
  });
});
