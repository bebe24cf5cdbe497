import { describe, expect, test } from 'vitest';
import type { AnalysisCellCollection } from '../../../server/contract/index.js';
import {
  defaultHandoffDistrict,
  hotCellDistricts,
  hotCellsCsv,
  hotCellsFileName,
  MAX_HANDOFF_CELLS,
  plannerHandoff,
  rankHotCells,
  type GiStarArrays,
  type HotCellRow,
} from '../../../web/analysis/hot-cells.js';
import { csvField, parseCsv, UTF8_BOM } from '../../../server/domain/csv.js';

const square = (x: number, y: number, side = 0.01) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]]],
});

// Cells 1–6: 1–4 in Putuo (two streets), 5–6 in Huangpu; cell 6 is not in the cells' answer of this test.
const cells: Pick<AnalysisCellCollection, 'features' | 'streets' | 'districts'> = {
  features: [1, 2, 3, 4, 5].map((id) => ({
    type: 'Feature' as const,
    id,
    geometry: square(121 + id / 100, 31),
    properties: {
      id,
      code: `G${id}`,
      districtCode: id <= 4 ? '310107' : '310101',
      streetCode: id <= 2 ? '310107001' : id <= 4 ? '310107002' : '310101001',
    },
  })),
  streets: {
    '310107001': { name: '曹杨新村街道', districtCode: '310107' },
    '310107002': { name: '长风新村街道', districtCode: '310107' },
    '310101001': { name: '南京东路街道', districtCode: '310101' },
  },
  districts: { '310107': { name: '普陀区', nameEn: 'Putuo' }, '310101': { name: '黄浦区', nameEn: 'Huangpu' } },
};

const cellIds = [1, 2, 3, 4, 5, 6, 7];
/** Index order: cell 1 … 7. */
const result = (over: Partial<GiStarArrays> = {}): GiStarArrays => ({
  values: [4, 9, 9, 0, 3, 8, 1],
  z: [2.1, 3.5, 3.5, 3.5, 2.9, 4.0, -3.2],
  p: [0.035, 0.0005, 0.0005, 0.0005, 0.004, 0.00006, 0.001],
  pFdr: [0.06, 0.0012, 0.0012, 0.0012, 0.009, 0.0004, 0.002],
  bin: [2, 3, 3, 3, 3, 3, -3],
  binFdr: [1, 3, 3, 3, 3, 3, -3],
  ...over,
});

const ranked = (over: Partial<GiStarArrays> = {}, fdr = true) => rankHotCells({ cellIds, result: result(over), fdr, cells });

describe('ranked hot cells', () => {
  test('significant hot cells only, by z, ties by more clues then lower id; cold and unknown cells left out', () => {
    const rows = ranked();
    // Cell 6 (z 4.0) is not in the cells' answer; cell 7 is cold.
    expect(rows.map((r) => r.id)).toEqual([2, 3, 4, 5, 1]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    // 2 and 3 tie on z and clues: the lower id first; 4 ties on z with fewer clues.
    expect(rows[0]).toMatchObject({ id: 2, code: 'G2', streetName: '曹杨新村街道', districtName: '普陀区', districtNameEn: 'Putuo', clues: 9, z: 3.5, bin: 3, fdrSignificant: true });
    expect(rows[3]).toMatchObject({ id: 5, streetCode: '310101001', streetName: '南京东路街道', districtCode: '310101', districtName: '黄浦区' });
  });

  test('the input order does not change the ranking', () => {
    const reversed = [...cellIds].reverse();
    const flip = (a: ArrayLike<number>) => Array.from(a).reverse();
    const r = result();
    const rows = rankHotCells({
      cellIds: reversed,
      result: { values: flip(r.values), z: flip(r.z), p: flip(r.p), pFdr: flip(r.pFdr), bin: flip(r.bin), binFdr: flip(r.binFdr) },
      fdr: true,
      cells,
    });
    expect(rows.map((x) => x.id)).toEqual(ranked().map((x) => x.id));
  });

  test('the rule follows the map: plain bins when FDR is off, with the FDR flag still telling them apart', () => {
    const plain = ranked({ binFdr: [0, 3, 3, 3, 0, 3, -3] }, false);
    expect(plain.map((r) => [r.id, r.bin, r.fdrSignificant])).toEqual([
      [2, 3, true],
      [3, 3, true],
      [4, 3, true],
      [5, 3, false],
      [1, 2, false],
    ]);
    expect(ranked({ binFdr: [0, 3, 3, 3, 0, 3, -3] }, true).map((r) => r.id)).toEqual([2, 3, 4]);
  });

  test('no significant cell gives an empty list; a NaN z is never ranked', () => {
    expect(ranked({ bin: [0, 0, 0, 0, 0, 0, 0], binFdr: [0, 0, 0, 0, 0, 0, 0] })).toEqual([]);
    expect(ranked({ z: [Number.NaN, 3.5, 3.5, 3.5, 2.9, 4, -3.2] }).map((r) => r.id)).not.toContain(1);
  });

  test('centroids are the cells’ area-weighted centres in WGS84', () => {
    const [first] = ranked();
    expect(first.centroid[0]).toBeCloseTo(121.02 + 0.005, 9);
    expect(first.centroid[1]).toBeCloseTo(31.005, 9);
  });
});

const row = (over: Partial<HotCellRow>): HotCellRow => ({ ...ranked()[0], ...over });
const period = { from: '2026-09-03', to: '2026-12-01' };

describe('CSV export', () => {
  test('starts with the UTF-8 BOM, a bilingual header, one line per row, CRLF line ends', () => {
    const rows = ranked();
    const text = hotCellsCsv(rows, period);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const table = parseCsv(text.slice(1));
    expect(table).toHaveLength(rows.length + 1);
    expect(table[0][0]).toBe('排名 (rank)');
    expect(table[0]).toContain('街镇 (street/town)');
    expect(table[0]).toContain('中心经度 (centroid lon, WGS84)');
    expect(table[0]).toContain('FDR显著 (FDR-significant, 1 = yes)');
    for (const line of table) expect(line).toHaveLength(table[0].length);
    const at = (name: string) => table[0].indexOf(name);
    expect(table[1][at('网格ID (cell id)')]).toBe('2');
    expect(table[1][at('街镇 (street/town)')]).toBe('曹杨新村街道');
    expect(table[1][at('区县 (district)')]).toBe('普陀区');
    expect(table[1][at('中心经度 (centroid lon, WGS84)')]).toBe('121.025');
    expect(table[1][at('Gi* z')]).toBe('3.5');
    expect(table[1][at('p')]).toBe('0.0005');
    expect(table[1][at('FDR显著 (FDR-significant, 1 = yes)')]).toBe('1');
    expect(table[1][at('置信度 (confidence)')]).toBe('99%');
    expect(table[1][at('开始日期 (period from)')]).toBe('2026-09-03');
    expect(table[5][at('FDR显著 (FDR-significant, 1 = yes)')]).toBe('1');
    expect(table[5][at('置信度 (confidence)')]).toBe('90%');
  });

  test('an empty list is the header alone', () => {
    expect(parseCsv(hotCellsCsv([], period).slice(1))).toHaveLength(1);
  });

  test('commas, quotes and line breaks are quoted, quotes doubled, and they read back as written', () => {
    const nasty = '石泉路街道, "东" 片\r\n二区';
    const text = hotCellsCsv([row({ streetName: nasty, districtName: null })], period);
    expect(text).toContain('"石泉路街道, ""东"" 片\r\n二区"');
    const table = parseCsv(text.slice(1));
    expect(table).toHaveLength(2);
    expect(table[1][4]).toBe(nasty);
    // A missing name is an empty field, not "null".
    expect(table[1][6]).toBe('');
    expect(text).not.toContain('null');
  });

  test('text a spreadsheet would run as a formula is defused; numbers are written as numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('普通')).toBe('普通');
  });

  test('the file name says the scope and the period in ASCII', () => {
    expect(hotCellsFileName(period, '310107')).toBe('hot-cells_310107_2026-09-03_2026-12-01.csv');
    expect(hotCellsFileName(period, null)).toBe('hot-cells_city_2026-09-03_2026-12-01.csv');
  });
});

describe('hand-over to the planner', () => {
  const rows = ranked();

  test('districts of the list, most hot cells first', () => {
    expect(hotCellDistricts(rows)).toEqual([
      { code: '310107', name: '普陀区', nameEn: 'Putuo', count: 4 },
      { code: '310101', name: '黄浦区', nameEn: 'Huangpu', count: 1 },
    ]);
    expect(hotCellDistricts([])).toEqual([]);
  });

  test('a tie in count goes to the district whose first cell ranks higher', () => {
    const tie = [row({ rank: 1, id: 10, districtCode: '310101' }), row({ rank: 2, id: 11, districtCode: '310107' })];
    expect(hotCellDistricts(tie).map((d) => d.code)).toEqual(['310101', '310107']);
  });

  test('default district: the user’s own for a scoped account (none if it has no hot cell), else the one with most', () => {
    const districts = hotCellDistricts(rows);
    expect(defaultHandoffDistrict(districts, null)).toBe('310107');
    expect(defaultHandoffDistrict(districts, '310101')).toBe('310101');
    expect(defaultHandoffDistrict(districts, '310104')).toBeNull();
    expect(defaultHandoffDistrict([], null)).toBeNull();
  });

  test('the top N cells of the district in rank order, with where they came from; N kept within 1…max', () => {
    const handoff = plannerHandoff(rows, '310107', 3, period);
    expect(handoff.district).toBe('310107');
    expect(handoff.cells.map((c) => c.id)).toEqual([2, 3, 4]);
    expect(handoff.cells[0]).toEqual({ id: 2, code: 'G2', streetName: '曹杨新村街道', location: rows[0].centroid, clues: 9, z: 3.5 });
    expect(handoff.origin).toEqual({ source: 'hotspots', count: 3, from: '2026-09-03', to: '2026-12-01' });
    // Another district's cells never go along.
    expect(plannerHandoff(rows, '310101', 10, period).cells.map((c) => c.id)).toEqual([5]);
    expect(plannerHandoff(rows, '310107', 0, period).cells).toHaveLength(1);
    expect(plannerHandoff(rows, '310107', Number.NaN, period).cells).toHaveLength(1);
    const many = Array.from({ length: 80 }, (_, k) => row({ rank: k + 1, id: 100 + k }));
    expect(plannerHandoff(many, '310107', 500, period).cells).toHaveLength(MAX_HANDOFF_CELLS);
  });
});
