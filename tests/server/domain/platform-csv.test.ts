import { describe, expect, test } from 'vitest';
import { categoryOf, decodeCsvBytes, mapColumns, platformInstant, readPlatformCsv } from '../../../server/domain/platform-csv.js';

const now = new Date('2026-11-01T00:00:00Z');

/** GBK bytes of a text, by reading every two-byte GBK code back through the decoder (no encoder ships with Node). */
const gbkOf = (() => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  return (text: string) => Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
})();
const utf8 = (text: string) => new TextEncoder().encode(text);

const HEADER = '投诉编号,投诉时间,所属区,投诉地址,投诉类型,投诉内容,被投诉机构,联系电话';
const GOOD = [
  'TS2026100301,2026-10-03 14:22,普陀区,长寿路街道某小区3号楼502,居民楼内违规培训,周末有学生进出疑似补课,,13812345678',
  'TS2026100402,2026/10/4 9:05:30,浦东新区,张江镇某广场4楼,超前收费,一次性收取一年学费,小桔灯教育,',
  'TS2026100503,2026年10月5日,徐汇,漕河泾街道某大厦,其他,"晚上有人上课，""数学""班",,',
].join('\n');

describe('decodeCsvBytes', () => {
  test('UTF-8 with or without its byte order mark, GBK when UTF-8 does not decode', () => {
    expect(decodeCsvBytes(utf8(`\uFEFF${HEADER}`))).toMatchObject({ encoding: 'utf-8' });
    expect(decodeCsvBytes(utf8(HEADER))).toEqual({ text: HEADER, encoding: 'utf-8' });
    expect(decodeCsvBytes(gbkOf(HEADER))).toEqual({ text: HEADER, encoding: 'gbk' });
    expect(() => decodeCsvBytes(gbkOf(HEADER), 'utf-8')).toThrow();
  });
});

describe('platformInstant (Shanghai time)', () => {
  test.each([
    ['2026-10-03 14:22', '2026-10-03T06:22:00.000Z'],
    ['2026/10/4 9:05:30', '2026-10-04T01:05:30.000Z'],
    ['2026年10月5日', '2026-10-04T16:00:00.000Z'],
    ['2026-10-03T14:22:00+08:00', '2026-10-03T06:22:00.000Z'],
  ])('%s', (text, iso) => expect(platformInstant(text)?.toISOString()).toBe(iso));
  test.each(['2026-02-30 10:00', '2026-10-03 24:00', 'yesterday', '2026-10-03T14:22:00'])('%s is no time', (text) => expect(platformInstant(text)).toBeNull());
});

describe('readPlatformCsv', () => {
  test('the same complaints from a UTF-8 and a GBK file: rows with their districts, times and types', () => {
    const fromUtf8 = readPlatformCsv(utf8(`\uFEFF${HEADER}\n${GOOD}\n`), { now });
    const fromGbk = readPlatformCsv(gbkOf(`${HEADER}\r\n${GOOD.replace(/\n/g, '\r\n')}`), { now });
    expect(fromUtf8.problems).toEqual([]);
    expect(fromGbk.encoding).toBe('gbk');
    expect(fromGbk.rows).toEqual(fromUtf8.rows);
    expect(fromUtf8.rows.map((r) => [r.line, r.externalId, r.districtCode, r.suspectedType])).toEqual([
      [2, 'TS2026100301', '310107', 'residential_flat'],
      [3, 'TS2026100402', '310115', 'overcharging'],
      [4, 'TS2026100503', '310104', 'other'],
    ]);
    expect(fromUtf8.rows[1]).toMatchObject({ institutionName: '小桔灯教育', phone: null, position: null });
    expect(fromUtf8.rows[2].description).toBe('晚上有人上课，"数学"班');
  });

  test('every bad row reported by line and field, and then no row at all (all or nothing)', () => {
    const bad = [
      'TS1,2026-10-03 14:22,普陀区,某地址,无证,内容,,',
      'TS1,2026-10-04 10:00,普陀区,某地址,无证,内容,,',
      'TS3,2026-13-01 10:00,普陀区,某地址,无证,内容,,',
      'TS4,2026-12-01 10:00,苏州市,某地址,无证,内容,,',
      'TS5,2026-10-04 10:00,普陀区,,无证,,,',
    ].join('\n');
    const result = readPlatformCsv(utf8(`${HEADER}\n${bad}`), { now });
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.path)).toEqual([
      'line 3.externalId',
      'line 4.reportedAt',
      'line 5.reportedAt',
      'line 5.districtName',
      'line 6.address',
      'line 6.description',
    ]);
    expect(result.problems[0].message).toBe('TS1 also on line 2');
    expect(result.problems[2].message).toBe('in the future');
  });

  test('columns found under other headers, or mapped by hand; a missing required column is named', () => {
    const other = '工单编号,受理时间,区,地址,问题描述,经度,纬度\nA-1,2026-10-03 14:22,静安区,某路1号,有人补课,121.45,31.23\nA-2,2026-10-03 15:00,静安区,某路2号,有人补课,121.45,';
    const read = readPlatformCsv(utf8(other), { now });
    expect(read.problems).toEqual([{ path: 'line 3.lon', message: 'not a position in Shanghai: "121.45,"' }]);
    expect(readPlatformCsv(utf8(other.split('\n').slice(0, 2).join('\n')), { now }).rows[0].position).toEqual({ lon: 121.45, lat: 31.23 });

    const unknown = 'no,when,where,district,what\n1,2026-10-03 14:22,某路1号,静安区,补课';
    expect(readPlatformCsv(utf8(unknown), { now }).problems.map((p) => p.path)).toEqual(['header.externalId', 'header.reportedAt', 'header.address', 'header.description']);
    const mapped = readPlatformCsv(utf8(unknown), { now, mapping: { externalId: 0, reportedAt: 1, address: 2, districtName: 3, description: 4 } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ externalId: '1', districtCode: '310106', address: '某路1号' });
    expect(mapColumns(['\uFEFF投诉编号', ' 投诉时间 ', '所属区（县）'])).toMatchObject({ externalId: 0, reportedAt: 1 });
  });

  test('the header, the mapping found and the first rows come back for a preview, also when a column is missing', () => {
    const unknown = 'no,when,where,district,what\n1,2026-10-03 14:22,某路1号,静安区,补课\n2,2026-10-03 15:00,某路2号,静安区,补课';
    const read = readPlatformCsv(utf8(unknown), { now });
    expect(read.header).toEqual(['no', 'when', 'where', 'district', 'what']);
    expect(read.mapping).toEqual({ districtName: 3 });
    expect(read.sample).toEqual([
      ['1', '2026-10-03 14:22', '某路1号', '静安区', '补课'],
      ['2', '2026-10-03 15:00', '某路2号', '静安区', '补课'],
    ]);
    const rows = Array.from({ length: 8 }, (_, i) => `TS${i},2026-10-03 14:22,普陀区,某路,居民楼,补课,,`);
    expect(readPlatformCsv(utf8([HEADER, ...rows].join('\n')), { now }).sample).toHaveLength(5);
  });

  test('a column mapped beyond the file is named; a file named UTF-8 that is not is a problem of the encoding, not a crash', () => {
    const read = readPlatformCsv(utf8(`${HEADER}\n${GOOD}`), { now, mapping: { phone: 12 } });
    expect(read.problems).toEqual([{ path: 'header.phone', message: 'column 12 does not exist: the file has 8 columns' }]);
    const gbk = readPlatformCsv(gbkOf(`${HEADER}\n${GOOD}`), { now, encoding: 'utf-8' });
    expect(gbk.problems).toEqual([{ path: 'encoding', message: 'the file is not valid UTF-8: choose GBK or auto' }]);
    expect(gbk.rows).toEqual([]);
  });

  test('an empty file is refused', () => {
    expect(readPlatformCsv(utf8(`${HEADER}\n\n`), { now }).problems).toEqual([{ path: 'file', message: 'no complaints below the header' }]);
  });

  test('types by their words', () => {
    expect(categoryOf('居民楼内办班')).toBe('residential_flat');
    expect(categoryOf('以托管名义')).toBe('daycare');
    expect(categoryOf('其他')).toBe('other');
  });
});
