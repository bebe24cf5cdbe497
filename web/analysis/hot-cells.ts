import { centroidOf } from '../../server/analytics/index.js';
import type { AnalysisCellCollection } from '../../server/contract/index.js';
import type { TimeRange } from '../state/dashboard.js';
import type { PlannerHandoff } from '../state/planner.js';
import { formatCsv, type CsvValue } from '../../server/domain/csv.js';

// 热点网格排行: the hot cells of a Gi* result ranked for action, and what leaves the map with them — a CSV file and the
// targets handed to the patrol planner. Pure: the panel renders these, the tests check them.

export interface HotCellRow {
  rank: number;
  id: number;
  code: string;
  streetCode: string;
  /** Null when the cells' answer does not name the 街镇 (it always should). */
  streetName: string | null;
  districtCode: string;
  districtName: string | null;
  districtNameEn: string | null;
  /** Area-weighted centroid of the cell, WGS84 lon/lat. */
  centroid: [number, number];
  clues: number;
  z: number;
  p: number;
  pFdr: number;
  /** The confidence bin the map shows for the cell (FDR-corrected or plain, as the map): 1, 2 or 3. */
  bin: number;
  /** Hot at 90 % confidence or more after the Benjamini–Hochberg correction. */
  fdrSignificant: boolean;
}

/** One Gi* result, indexed like `cellIds` (the live recompute's cell order). */
export interface GiStarArrays {
  values: ArrayLike<number>;
  z: ArrayLike<number>;
  p: ArrayLike<number>;
  pFdr: ArrayLike<number>;
  bin: ArrayLike<number>;
  binFdr: ArrayLike<number>;
}

export interface HotCellInput {
  cellIds: ArrayLike<number>;
  result: GiStarArrays;
  /** Rank by the FDR-corrected bins (the map's default) or by the plain ones, as the map colours the cells. */
  fdr: boolean;
  cells: Pick<AnalysisCellCollection, 'features' | 'streets' | 'districts'>;
}

type CellNames = Pick<AnalysisCellCollection, 'streets' | 'districts'>;

/** The names of a cell's 街镇 and 区县 as the cells' answer gives them; null where it does not. */
export function cellPlace(cell: { code: string; streetCode: string; districtCode: string }, names: CellNames) {
  const district = names.districts[cell.districtCode];
  return { code: cell.code, streetName: names.streets[cell.streetCode]?.name ?? null, districtName: district?.name ?? null, districtNameEn: district?.nameEn ?? null };
}

/**
 * The significant hot cells (bin > 0 under the map's rule, z > 0), highest z first; ties by more clues, then by id,
 * so that the order never depends on the input order. Cells the cell answer does not know are left out: their names
 * and place cannot be shown.
 */
export function rankHotCells({ cellIds, result, fdr, cells }: HotCellInput): HotCellRow[] {
  const bins = fdr ? result.binFdr : result.bin;
  const features = new Map(cells.features.map((f) => [f.properties.id, f]));
  const hot: number[] = [];
  for (let i = 0; i < cellIds.length; i++) {
    if (bins[i] > 0 && result.z[i] > 0 && Number.isFinite(result.z[i]) && features.has(cellIds[i])) hot.push(i);
  }
  hot.sort((a, b) => result.z[b] - result.z[a] || result.values[b] - result.values[a] || cellIds[a] - cellIds[b]);
  return hot.map((i, k) => {
    const feature = features.get(cellIds[i])!;
    const { id, streetCode, districtCode } = feature.properties;
    return {
      rank: k + 1,
      id,
      streetCode,
      districtCode,
      ...cellPlace(feature.properties, cells),
      centroid: centroidOf(feature.geometry),
      clues: result.values[i],
      z: result.z[i],
      p: result.p[i],
      pFdr: result.pFdr[i],
      bin: bins[i],
      fdrSignificant: result.binFdr[i] > 0,
    };
  });
}

// ---- CSV ----

const CONFIDENCE: Record<number, string> = { 1: '90%', 2: '95%', 3: '99%' };

const CSV_HEADER = [
  '排名 (rank)',
  '网格ID (cell id)',
  '网格编码 (cell code)',
  '街镇代码 (street/town code)',
  '街镇 (street/town)',
  '区县代码 (district code)',
  '区县 (district)',
  '中心经度 (centroid lon, WGS84)',
  '中心纬度 (centroid lat, WGS84)',
  '线索数 (clues)',
  'Gi* z',
  'p',
  'FDR校正p (FDR-adjusted p)',
  'FDR显著 (FDR-significant, 1 = yes)',
  '置信度 (confidence)',
  '开始日期 (period from)',
  '结束日期 (period to)',
];

const significant = (x: number) => Number(x.toPrecision(6));

/** The ranked list as a CSV file's text: BOM, a bilingual header row, one row per cell, CRLF line ends. */
export function hotCellsCsv(rows: readonly HotCellRow[], period: TimeRange): string {
  const lines: CsvValue[][] = [CSV_HEADER];
  for (const r of rows) {
    lines.push([
      r.rank,
      r.id,
      r.code,
      r.streetCode,
      r.streetName,
      r.districtCode,
      r.districtName,
      Number(r.centroid[0].toFixed(6)),
      Number(r.centroid[1].toFixed(6)),
      r.clues,
      Number(r.z.toFixed(4)),
      significant(r.p),
      significant(r.pFdr),
      r.fdrSignificant ? 1 : 0,
      CONFIDENCE[r.bin] ?? null,
      period.from,
      period.to,
    ]);
  }
  return formatCsv(lines);
}

/** `hot-cells_310107_2026-09-03_2026-12-01.csv`; `city` for the whole city. ASCII, so every system keeps the name. */
export function hotCellsFileName(period: TimeRange, district: string | null): string {
  return `hot-cells_${district ?? 'city'}_${period.from}_${period.to}.csv`;
}

// ---- hand-over to the patrol planner ----

/** How many of a district's top hot cells go to the planner unless the user says otherwise. */
export const DEFAULT_HANDOFF_COUNT = 10;
/** At most this many: a shift of a few teams cannot patrol more areas, and a plan takes at most 200 targets. */
export const MAX_HANDOFF_CELLS = 50;

export interface HotCellDistrict {
  code: string;
  name: string | null;
  nameEn: string | null;
  count: number;
}

/** The districts of the list, most hot cells first; ties by the better rank of their first cell. */
export function hotCellDistricts(rows: readonly HotCellRow[]): HotCellDistrict[] {
  const byCode = new Map<string, HotCellDistrict & { best: number }>();
  for (const r of rows) {
    const entry = byCode.get(r.districtCode);
    if (entry) entry.count++;
    else byCode.set(r.districtCode, { code: r.districtCode, name: r.districtName, nameEn: r.districtNameEn, count: 1, best: r.rank });
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || a.best - b.best).map(({ best: _best, ...d }) => d);
}

/**
 * The district the planner gets unless the user picks another: the user's own for a district-scoped account (the
 * planner plans for nothing else), else the one with most hot cells. Null when the list has none of it.
 */
export function defaultHandoffDistrict(districts: readonly HotCellDistrict[], userDistrict: string | null): string | null {
  if (userDistrict !== null) return districts.some((d) => d.code === userDistrict) ? userDistrict : null;
  return districts[0]?.code ?? null;
}

/** The first `count` hot cells of `district` in rank order, as the planner's area-patrol targets. */
export function plannerHandoff(rows: readonly HotCellRow[], district: string, count: number, period: TimeRange): PlannerHandoff {
  const n = Math.max(1, Math.min(MAX_HANDOFF_CELLS, Math.floor(count) || 1));
  const cells = rows
    .filter((r) => r.districtCode === district)
    .slice(0, n)
    .map((r) => ({ id: r.id, code: r.code, streetName: r.streetName, location: r.centroid, clues: r.clues, z: r.z }));
  return { district, cells, origin: { source: 'hotspots', count: cells.length, from: period.from, to: period.to } };
}
