import { describe, expect, test } from 'vitest';
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import { readLayer, type ImportLayer, type InstitutionImportRow } from '../../../server/interop/import/layers.js';
import { ImportProblems, MAX_LISTED_PROBLEMS } from '../../../server/interop/import/problems.js';
import { bytesSource, crsOfPrj, GEOJSON_COLUMN_SAMPLE, openSourceFile, type SourceOptions } from '../../../server/interop/import/source.js';
import { shapefileParts, WGS84_PRJ } from '../../../server/interop/shapefile.js';
import { zipStored } from '../../../server/interop/zip.js';
import { pointShapefileZip } from '../../support/shapefile.js';

const now = new Date('2026-11-01T00:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

const CHINESE_CSV =
  '机构名称,统一社会信用代码,办学许可证号,类别,性质,状态,地址,经度,纬度\r\n' +
  '星火教育,91350100M000100Y43,教民131000170001,学科类,营利,持证,普陀区真北路1号,121.40,31.25\r\n' +
  '"阳光, 艺术",,,文化艺术,非营利,停业整顿,静安区某路2号,121.45,31.23\r\n';

/**
 * A whole file read as an import reads it: in chunks of a few bytes (so that characters, quotes and line ends fall
 * across chunk boundaries) and in batches of two records.
 */
async function readAll(layer: ImportLayer, bytes: Uint8Array, fileName: string, options: Partial<SourceOptions> = {}, mapping: Record<string, string> = {}, chunkBytes = 7) {
  const problems = new ImportProblems();
  const file = await openSourceFile(bytesSource(bytes, chunkBytes), { fileName, ...options }, problems, mapping);
  const reading = readLayer(layer, file, problems, { now, mapping, batchSize: 2 });
  const rows: unknown[] = [];
  let batches = 0;
  for await (const batch of reading.batches) {
    rows.push(...batch.rows);
    batches++;
  }
  return { file, rows, problems: problems.inFileOrder(), problemCount: problems.count, records: reading.records(), batches };
}

async function institutions(bytes: Uint8Array, fileName: string, options: Partial<SourceOptions> = {}, mapping: Record<string, string> = {}) {
  const read = await readAll('institutions', bytes, fileName, options, mapping);
  return { ...read, rows: read.rows as InstitutionImportRow[] };
}

describe('reading an import file', async () => {
  test('a UTF-8 CSV with the usual Chinese headers and statuses', async () => {
    const { file, rows, problems } = await institutions(utf8(CHINESE_CSV), 'a.csv');
    expect(problems).toEqual([]);
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', crs: 'wgs84' });
    expect(rows.map((r) => [r.name, r.status, r.creditCode, r.position])).toEqual([
      ['星火教育', 'licensed', '91350100M000100Y43', [121.4, 31.25]],
      ['阳光, 艺术', 'suspended', null, [121.45, 31.23]],
    ]);
  });

  test('the same file in GBK is detected, or read as GBK when chosen', async () => {
    expect((await institutions(gbk(CHINESE_CSV), 'a.csv')).file.encoding).toBe('gbk');
    const chosen = await institutions(gbk(CHINESE_CSV), 'a.csv', { encoding: 'gbk' });
    expect(chosen.rows[0].name).toBe('星火教育');
    expect((await institutions(gbk(CHINESE_CSV), 'a.csv', { encoding: 'utf-8' })).problems).toEqual([{ path: 'encoding', message: expect.stringMatching(/not valid UTF-8/) }]);
  });

  test('columns of other names are mapped by hand; a mapped column that does not exist is named', async () => {
    const csv = 'org,kind,type,state,addr,x,y\n乐学,体育,营利,licensed,徐汇区1号,121.43,31.18\n';
    const { rows, problems } = await institutions(utf8(csv), 'b.csv', {}, { name: 'org', category: 'kind', nature: 'type', status: 'state', address: 'addr' });
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ name: '乐学', category: '体育', status: 'licensed', position: [121.43, 31.18] });
    expect((await institutions(utf8(csv), 'b.csv', {}, { name: 'nope' })).problems).toContainEqual({ path: 'map.name', message: 'the file has no column "nope"' });
    expect((await institutions(utf8(csv), 'b.csv', {}, { colour: 'org' })).problems[0].path).toBe('map.colour');
  });

  test('every problem of every row is named by line and field: missing fields, bad values, bad codes, duplicates', async () => {
    const csv =
      'name,creditCode,category,nature,status,address,longitude,latitude\n' +
      ',91350100M000100Y44,学科类,营利,持证,a,121.4,31.2\n' +
      'B,91350100M000100Y43,舞蹈,营利,开业,b,121.4,31.2\n' +
      'C,91350100m000100y43,体育,营利,持证,c,121.4,\n' +
      'D,,体育,营利,持证,d,east,31.2\n';
    const { rows, problems } = await institutions(utf8(csv), 'c.csv');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { path: 'line 2.name', message: 'empty' },
      { path: 'line 2.creditCode', message: '91350100M000100Y44: check character 4 is wrong: the first 17 characters give 3' },
      { path: 'line 3.category', message: expect.stringContaining('"舞蹈" is not one of 学科类') },
      { path: 'line 3.status', message: expect.stringContaining('"开业" is not one of 持证') },
      { path: 'line 4.longitude', message: 'not a longitude/latitude: "121.4,"' },
      { path: 'line 4.creditCode', message: '91350100M000100Y43 also at line 3 of the file' },
      { path: 'line 4.geometry', message: expect.stringContaining('no position') },
      { path: 'line 5.longitude', message: 'not a longitude/latitude: "east,31.2"' },
      { path: 'line 5.geometry', message: expect.stringContaining('no position') },
    ]);
  });

  test('a file without a required column says which and how to map it', async () => {
    const { problems } = await institutions(utf8('name,address\nA,b\n'), 'd.csv');
    expect(problems.map((p) => p.path)).toEqual(['header.category', 'header.nature', 'header.status']);
    expect(problems[0].message).toMatch(/--map category=<column>/);
  });

  test('GeoJSON: properties by the API names, GCJ-02 and BD-09 converted to WGS84', async () => {
    const wgs: [number, number] = [121.4737, 31.2304];
    const gcj = gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.BD09);
    const doc = (at: [number, number]) =>
      utf8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { name: 'E', category: '科技', nature: '营利', status: 'registered', address: 'e' } }] }));
    for (const [at, crs] of [[gcj, 'gcj02'], [bd, 'bd09']] as const) {
      const { rows, problems, file } = await institutions(doc(at), 'e.geojson', { crs });
      expect(problems).toEqual([]);
      expect(file.crs).toBe(crs);
      // A metre is about 1e-5 degrees here.
      expect(Math.abs(rows[0].position[0] - wgs[0])).toBeLessThan(1e-5);
      expect(Math.abs(rows[0].position[1] - wgs[1])).toBeLessThan(1e-5);
    }
    const plain = await institutions(doc(wgs), 'e.geojson');
    expect(plain.rows[0].position).toEqual(wgs);
  });

  test('a .prj names the system: WGS84, CGCS2000 (with a note), a projected or unknown one refused', async () => {
    expect(crsOfPrj(WGS84_PRJ)).toEqual({ crs: 'wgs84' });
    expect(crsOfPrj('GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],AUTHORITY["EPSG","4490"]]')).toEqual({ crs: 'cgcs2000' });
    expect(crsOfPrj('PROJCS["CGCS2000_3_Degree_GK_CM_121E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]')).toEqual({ problem: expect.stringMatching(/projected system \(CGCS2000_3_Degree_GK_CM_121E\)/) });
    expect(crsOfPrj('GEOGCS["Beijing 1954"]')).toEqual({ problem: expect.stringMatching(/does not know/) });
  });

  test('a GBK shapefile without a .cpg is read as GBK; a .cpg saying UTF-8 is obeyed; the .prj sets the CRS', async () => {
    const fields = { 机构名称: '星火教育', 类别: '学科类', 性质: '营利', 状态: '已吊销', 地址: '嘉定区博乐路1号' };
    const gbkZip = pointShapefileZip([{ lon: 121.25, lat: 31.38, fields }], { prj: WGS84_PRJ });
    const read = await institutions(gbkZip, 'a.zip');
    expect(read.problems).toEqual([]);
    expect(read.file).toMatchObject({ format: 'shapefile', encoding: 'gbk', crs: 'wgs84' });
    expect(read.file.notes).toContain('no .cpg: the attributes are read as GBK');
    expect(read.rows[0]).toMatchObject({ name: '星火教育', status: 'revoked', address: '嘉定区博乐路1号', position: [121.25, 31.38] });

    // Field names keep to 10 bytes, which four Chinese characters in UTF-8 do not.
    const asciiNames = { name: '星火教育', category: '学科类', nature: '营利', status: '已吊销', address: '嘉定区博乐路1号' };
    const utf8Zip = pointShapefileZip([{ lon: 121.25, lat: 31.38, fields: asciiNames }], { encoding: 'utf-8', cpg: 'UTF-8' });
    const read8 = await institutions(utf8Zip, 'b.zip');
    expect(read8.file.encoding).toBe('utf-8');
    expect(read8.rows[0].name).toBe('星火教育');
    expect(read8.file.notes).toContain('no .prj: the coordinates are read as WGS84 (name another system with --crs)');

    const cgcs = await institutions(pointShapefileZip([{ lon: 121.25, lat: 31.38, fields }], { prj: 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]' }), 'c.zip');
    expect(cgcs.file.crs).toBe('cgcs2000');
    expect(cgcs.file.notes.join(' ')).toMatch(/CGCS2000 \(EPSG:4490\) is read as WGS84/);

    const projected = await institutions(pointShapefileZip([{ lon: 121.25, lat: 31.38, fields }], { prj: 'PROJCS["Xian_1980_3_Degree_GK_Zone_40"]' }), 'd.zip');
    expect(projected.problems).toEqual([{ path: 'file', message: expect.stringMatching(/projected system/) }]);
  });

  test('grid cells from the product’s own GBK shapefile export; a self-intersecting polygon is refused', async () => {
    const square = [[[121.40, 31.25], [121.401, 31.25], [121.401, 31.251], [121.40, 31.251], [121.40, 31.25]]];
    const bowtie = [[[121.40, 31.25], [121.401, 31.251], [121.401, 31.25], [121.40, 31.251], [121.40, 31.25]]];
    const parts = shapefileParts(
      'grid-cells',
      [
        { geometry: { type: 'Polygon', coordinates: square }, properties: { code: 'IMP-1', workerName: '王小明', streetCode: null } },
        { geometry: { type: 'Polygon', coordinates: bowtie }, properties: { code: 'IMP-2', workerName: '李四' } },
      ],
      now,
    );
    const zip = zipStored(
      [
        { name: 'grid_cells.shp', data: parts.shp },
        { name: 'grid_cells.shx', data: parts.shx },
        { name: 'grid_cells.dbf', data: parts.dbf },
        { name: 'grid_cells.prj', data: utf8(parts.prj) },
      ],
      now,
    );
    const { file, rows, problems } = await readAll('grid-cells', zip, 'cells.zip');
    expect(file.encoding).toBe('gbk');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: 'IMP-1', workerName: '王小明', geometry: { type: 'Polygon' } });
    expect(problems).toEqual([{ path: 'feature 2.geometry', message: expect.stringMatching(/^self-intersecting: the boundary crosses itself at 121\.4005/) }]);
  });

  test('clues: Shanghai time, Chinese kinds and types, a time in the future refused', async () => {
    const csv = '受理时间,地址,内容,类型,诉求类型,编号,经度,纬度\n2026-10-03 14:22,长宁区1号,居民楼里有人补课,,投诉,A-1,121.42,31.22\n2026-12-01 09:00,x,y,,,A-2,121.42,31.22\n';
    const { rows, problems } = await readAll('clues', utf8(csv), 'c.csv');
    expect(rows[0]).toMatchObject({ reportedAt: new Date('2026-10-03T06:22:00Z'), suspectedType: 'residential_flat', kind: 'complaint', source: 'transfer', externalId: 'A-1' });
    expect(problems).toEqual([{ path: 'line 3.reportedAt', message: 'in the future' }]);
  });

  test('damaged files are refused with one problem, not an exception', async () => {
    expect((await institutions(utf8('{"type":"Feature"'), 'x.geojson')).problems).toEqual([{ path: 'file', message: 'not valid JSON' }]);
    expect((await institutions(utf8('{"type":"Feature"}'), 'x.geojson')).problems).toEqual([{ path: 'file', message: 'not a GeoJSON FeatureCollection' }]);
    expect((await institutions(utf8('PK\u0003\u0004 nothing'), 'x.zip')).problems[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/not a zip archive/) });
    const noShp = zipStored([{ name: 'readme.txt', data: utf8('hi') }], now);
    expect((await institutions(noShp, 'x.zip')).problems).toEqual([{ path: 'file', message: 'the zip holds no .shp' }]);
  });
});

describe('reading a file of any size a batch at a time', () => {
  const header = 'name,category,nature,status,address,longitude,latitude\n';
  const line = (i: number, status = '持证') => `机构${i},体育,营利,${status},地址${i},121.4,31.2\n`;

  /** A CSV made as it is read, counting the chunks handed out: a reader that held the file would take them all first. */
  function lazyCsv(records: number, perChunk: number) {
    let handedOut = 0;
    const chunks = Math.ceil(records / perChunk);
    const source = {
      size: 0,
      async *chunks() {
        for (let c = 0; c < chunks; c++) {
          handedOut++;
          let text = c === 0 ? header : '';
          for (let i = c * perChunk; i < Math.min(records, (c + 1) * perChunk); i++) text += line(i);
          yield utf8(text);
        }
      },
    };
    return { source, chunks, handedOut: () => handedOut };
  }

  test('the first batch arrives after the first chunks, not after the whole file', async () => {
    const { source, chunks, handedOut } = lazyCsv(20_000, 100);
    const problems = new ImportProblems();
    const file = await openSourceFile(source, { fileName: 'big.csv', encoding: 'utf-8' }, problems);
    const reading = readLayer('institutions', file, problems, { now, batchSize: 500 });
    let batches = 0;
    for await (const batch of reading.batches) {
      batches++;
      expect(batch.rows).toHaveLength(500);
      // Five chunks make a batch, and one more was read to tell the format.
      if (batches === 1) expect(handedOut()).toBeLessThanOrEqual(7);
    }
    expect(batches).toBe(40);
    expect(reading.records()).toBe(20_000);
    expect(handedOut()).toBe(chunks + 1);
    expect(problems.count).toBe(0);
  });

  test('batches of the given size, records counted, the same rows whatever the chunk size', async () => {
    const csv = utf8(header + Array.from({ length: 5 }, (_, i) => line(i)).join(''));
    const small = await readAll('institutions', csv, 'a.csv', {}, {}, 1);
    const whole = await readAll('institutions', csv, 'a.csv', {}, {}, 1 << 20);
    expect(small).toMatchObject({ records: 5, batches: 3, problems: [] });
    expect(small.rows).toEqual(whole.rows);
    expect(small.rows).toHaveLength(5);
  });

  test(`every problem is counted, the first ${MAX_LISTED_PROBLEMS} listed`, async () => {
    const bad = MAX_LISTED_PROBLEMS + 500;
    const csv = utf8(header + Array.from({ length: bad }, (_, i) => line(i, '开业')).join(''));
    const read = await readAll('institutions', csv, 'bad.csv', {}, {}, 4096);
    expect(read.problemCount).toBe(bad);
    expect(read.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(read.problems[0].path).toBe('line 2.status');
    expect(read.rows).toEqual([]);
  });

  test('GeoJSON is read feature by feature: columns from its first features, a BOM allowed, damage after features named', async () => {
    const feature = (i: number, properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { name: `F${i}`, category: '体育', nature: '营利', status: '持证', address: 'a', ...properties } });
    const features = Array.from({ length: GEOJSON_COLUMN_SAMPLE + 2 }, (_, i) => feature(i, i === GEOJSON_COLUMN_SAMPLE + 1 ? { late: 'x' } : {}));
    const doc = JSON.stringify({ type: 'FeatureCollection', features });
    const read = await readAll('institutions', utf8(`\uFEFF${doc}`), 'a.geojson', {}, {}, 64 * 1024);
    expect(read.problems).toEqual([]);
    expect(read.records).toBe(GEOJSON_COLUMN_SAMPLE + 2);
    // A property first seen late is listed with the columns, though the fields were matched before it came.
    expect(read.file.columns).toEqual(['name', 'category', 'nature', 'status', 'address', 'late']);

    const cut = doc.replace(/\]\}$/, ',{"type":');
    const damaged = await readAll('institutions', utf8(cut), 'b.geojson', {}, {}, 64 * 1024);
    expect(damaged.problems).toEqual([{ path: 'file', message: `not valid JSON after feature ${GEOJSON_COLUMN_SAMPLE + 2}` }]);
    expect(damaged.records).toBe(GEOJSON_COLUMN_SAMPLE + 2);
  });

  test('a CRS named after the features still sets the report’s CRS and its note', async () => {
    const doc = `{"type":"FeatureCollection","features":[${JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { name: 'A', category: '体育', nature: '营利', status: '持证', address: 'a' } })}],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}}`;
    const read = await readAll('institutions', utf8(doc), 'c.geojson');
    expect(read.file.crs).toBe('cgcs2000');
    expect(read.file.notes.join(' ')).toMatch(/CGCS2000/);
    expect(read.rows).toHaveLength(1);
  });
});
