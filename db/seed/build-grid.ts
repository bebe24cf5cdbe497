/**
 * Builds the 网格 layer: classifies each district's lattice squares (in JS), clips those on a border (in
 * SQL), groups the cells into the district's real 街镇 (k-means), stores the cells and makes each street's
 * geometry the union of its cells.
 */
import type { Queryable } from '../queries/queryable.js';
import { clipBorderSquares, gridCoverageGaps, insertGridCells, updateStreetGeometries, type GridCellRow, type StreetStrip } from '../queries/seed.js';
import { cellSize, clusterCells, distanceMetres, METRES_PER_DEGREE_LAT, type SeedScale } from './generate/grid.js';
import { classifyLattice } from './generate/lattice.js';
import { personName } from './generate/names.js';
import { roundCoordinate, type GeoCell } from './generate/geography.js';
import type { Random } from '../../server/domain/random.js';
import type { DistrictMeta } from './generate/districts-meta.js';
import type { AreaGeometry } from './generate/gcj02.js';
import type { StreetSource } from './source-data.js';

export interface BuiltGrid {
  cellsByDistrict: Map<string, GeoCell[]>;
  /** Centres of the street clusters per district: the generated 街镇 centres. */
  streetCentres: Map<string, [number, number][]>;
}

interface LatticeCell {
  i: number;
  j: number;
  whole: boolean;
  lon: number;
  lat: number;
  areaM2: number;
}

export async function buildGrid(
  tx: Queryable,
  random: Random,
  scale: SeedScale,
  districts: readonly (DistrictMeta & { geometry: AreaGeometry })[],
  streets: readonly StreetSource[],
): Promise<BuiltGrid> {
  const classes = districts.map((d) => ({ district: d, size: cellSize(scale, d.central), ...classifyLattice(d.geometry, cellSize(scale, d.central)) }));
  const clipped = await clipBorderSquares(
    tx,
    classes.flatMap(({ district, size, border }) =>
      border.map(([i, j]) => ({ district_code: district.code, i, j, lon_deg: size.lonDegrees, lat_deg: size.latDegrees })),
    ),
  );
  const rows: GridCellRow[] = [];
  const cellsByDistrict = new Map<string, GeoCell[]>();
  const streetCentres = new Map<string, [number, number][]>();
  let nextId = 1;
  for (const { district, size, inside } of classes) {
    const metresPerDegreeLon = (lat: number) => METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
    const lattice: LatticeCell[] = [
      ...inside.map(([i, j]) => {
        const lat = (j + 0.5) * size.latDegrees;
        return { i, j, whole: true, lon: (i + 0.5) * size.lonDegrees, lat, areaM2: size.lonDegrees * size.latDegrees * METRES_PER_DEGREE_LAT * metresPerDegreeLon(lat) };
      }),
      ...clipped
        .filter((c) => c.district_code === district.code)
        .map((c) => ({ i: c.i, j: c.j, whole: false, lon: c.lon, lat: c.lat, areaM2: c.area_deg2 * METRES_PER_DEGREE_LAT * metresPerDegreeLon(c.lat) })),
    ].sort((a, b) => b.j - a.j || a.i - b.i);
    if (lattice.length === 0) throw new Error(`district ${district.code} ${district.name} produced no grid cells`);
    // 街道 (codes 0xx) are the urban core, 镇/乡/农场/园区 lie further out: the clusters nearest the district seat get the 街道.
    const districtStreets = streets.filter((s) => s.districtCode === district.code).sort((a, b) => a.code.localeCompare(b.code));
    const clustering = clusterCells(random, lattice.map((c) => ({ key: `${c.i}:${c.j}`, lon: c.lon, lat: c.lat, areaM2: c.areaM2 })), districtStreets.length);
    const clusterOrder = clustering.centres
      .map((centre, index) => ({ index, distance: distanceMetres(centre, district.office) }))
      .sort((a, b) => a.distance - b.distance);
    const streetOfCluster = new Map(clusterOrder.map(({ index }, rank) => [index, districtStreets[rank]]));
    streetCentres.set(district.code, clustering.centres);
    const order = lattice.map((_, index) => index).sort((a, b) => {
      const sa = streetOfCluster.get(clustering.clusterOfCell[a])!.code;
      const sb = streetOfCluster.get(clustering.clusterOfCell[b])!.code;
      return sa.localeCompare(sb) || a - b;
    });
    const perStreet = new Map<string, number>();
    const cells: GeoCell[] = [];
    for (const index of order) {
      const c = lattice[index];
      const street = streetOfCluster.get(clustering.clusterOfCell[index])!;
      const n = (perStreet.get(street.code) ?? 0) + 1;
      perStreet.set(street.code, n);
      const cell: GeoCell = {
        id: nextId++,
        code: `${street.code}-${String(n).padStart(3, '0')}`,
        districtCode: district.code,
        streetCode: street.code,
        i: c.i,
        j: c.j,
        lon: roundCoordinate(c.lon),
        lat: roundCoordinate(c.lat),
        areaM2: c.areaM2,
        whole: c.whole,
      };
      cells.push(cell);
      rows.push({
        id: cell.id,
        code: cell.code,
        district_code: district.code,
        i: c.i,
        j: c.j,
        whole: c.whole,
        lon_deg: size.lonDegrees,
        lat_deg: size.latDegrees,
        street_code: street.code,
        worker_name: personName(random),
      });
    }
    cellsByDistrict.set(district.code, cells);
  }
  await insertGridCells(tx, rows);
  const gaps = await gridCoverageGaps(tx);
  if (gaps.length > 0) {
    throw new Error(`grid cells do not cover their district: ${gaps.map((g) => `${g.code} (${(g.ratio * 100).toFixed(4)} %)`).join(', ')}`);
  }
  const sizeOf = new Map(classes.map(({ district, size }) => [district.code, size]));
  const all = [...cellsByDistrict.values()].flat();
  await updateStreetGeometries(
    tx,
    streetStrips(all.filter((c) => c.whole), sizeOf),
    all.filter((c) => !c.whole).map((c) => ({ street_code: c.streetCode, cell_id: c.id })),
  );
  return { cellsByDistrict, streetCentres };
}

/** Merges each street's whole squares into runs along a lattice row, so the street union has fewer parts. */
export function streetStrips(wholeCells: readonly GeoCell[], sizeOf: ReadonlyMap<string, { lonDegrees: number; latDegrees: number }>): StreetStrip[] {
  const sorted = [...wholeCells].sort((a, b) => a.streetCode.localeCompare(b.streetCode) || a.j - b.j || a.i - b.i);
  const strips: StreetStrip[] = [];
  for (const cell of sorted) {
    const last = strips.at(-1);
    if (last && last.street_code === cell.streetCode && last.j === cell.j && last.i1 === cell.i - 1) {
      last.i1 = cell.i;
      continue;
    }
    const size = sizeOf.get(cell.districtCode)!;
    strips.push({ street_code: cell.streetCode, i0: cell.i, i1: cell.i, j: cell.j, lon_deg: size.lonDegrees, lat_deg: size.latDegrees });
  }
  return strips;
}
