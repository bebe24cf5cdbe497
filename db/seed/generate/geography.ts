/**
 * The generated city as the generators see it: district polygons, grid cells on their lattice, and placing
 * random points so that each lands inside its district and in a known grid cell.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Random } from '../../../server/domain/random.js';
import { latticeIndex, METRES_PER_DEGREE_LAT, type CellSize } from './grid.js';
import type { AreaGeometry } from './gcj02.js';

export interface GeoCell {
  id: number;
  code: string;
  districtCode: string;
  streetCode: string;
  i: number;
  j: number;
  /** A point inside the cell. */
  lon: number;
  lat: number;
  areaM2: number;
  /** The whole lattice square lies inside the district. */
  whole: boolean;
}

export interface GeoDistrict {
  code: string;
  name: string;
  central: boolean;
  population: number;
  office: [number, number];
  geometry: AreaGeometry;
  size: CellSize;
  cells: GeoCell[];
}

export interface PlacedPoint {
  lon: number;
  lat: number;
  cell: GeoCell;
}

/** Coordinates are stored to 1e-6° (about 0.1 m); rounding happens before the inside test. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

export class Geography {
  readonly districts: GeoDistrict[];
  private readonly byCode = new Map<string, GeoDistrict>();
  private readonly cellByKey = new Map<string, GeoCell>();

  constructor(districts: GeoDistrict[]) {
    this.districts = districts;
    for (const district of districts) {
      this.byCode.set(district.code, district);
      for (const cell of district.cells) this.cellByKey.set(`${district.code}:${cell.i}:${cell.j}`, cell);
    }
  }

  district(code: string): GeoDistrict {
    const district = this.byCode.get(code);
    if (!district) throw new Error(`unknown district ${code}`);
    return district;
  }

  /** The grid cell of the district containing the point, or null if the point is outside the district. */
  locate(districtCode: string, lon: number, lat: number): GeoCell | null {
    const district = this.district(districtCode);
    const { i, j } = latticeIndex(lon, lat, district.size);
    const cell = this.cellByKey.get(`${districtCode}:${i}:${j}`);
    if (!cell) return null;
    if (cell.whole) return cell;
    return booleanPointInPolygon([lon, lat], district.geometry, { ignoreBoundary: true }) ? cell : null;
  }

  /** A point drawn from a circular normal around `centre` (sigma in metres), kept inside the district. */
  placeNear(random: Random, districtCode: string, centre: readonly [number, number], sigmaMetres: number): PlacedPoint {
    const cosLat = Math.cos((centre[1] * Math.PI) / 180);
    for (let attempt = 0; attempt < 40; attempt++) {
      const lon = roundCoordinate(centre[0] + (random.normal() * sigmaMetres) / (METRES_PER_DEGREE_LAT * cosLat));
      const lat = roundCoordinate(centre[1] + (random.normal() * sigmaMetres) / METRES_PER_DEGREE_LAT);
      const cell = this.locate(districtCode, lon, lat);
      if (cell) return { lon, lat, cell };
    }
    return this.placeInCell(random, this.nearestCell(districtCode, centre));
  }

  /** A uniformly random point in a cell (its stored inner point if the draws keep missing a clipped cell). */
  placeInCell(random: Random, cell: GeoCell): PlacedPoint {
    const size = this.district(cell.districtCode).size;
    for (let attempt = 0; attempt < 20; attempt++) {
      const lon = roundCoordinate((cell.i + random.between(0.001, 0.999)) * size.lonDegrees);
      const lat = roundCoordinate((cell.j + random.between(0.001, 0.999)) * size.latDegrees);
      if (this.locate(cell.districtCode, lon, lat) === cell) return { lon, lat, cell };
    }
    return { lon: cell.lon, lat: cell.lat, cell };
  }

  nearestCell(districtCode: string, point: readonly [number, number]): GeoCell {
    const cells = this.district(districtCode).cells;
    if (cells.length === 0) throw new Error(`district ${districtCode} has no grid cells`);
    let best = cells[0];
    let bestSq = Infinity;
    const cosLat = Math.cos((point[1] * Math.PI) / 180);
    for (const cell of cells) {
      const d = ((cell.lon - point[0]) * cosLat) ** 2 + (cell.lat - point[1]) ** 2;
      // Prefer whole cells: their inner point is robustly inside.
      const penalty = cell.whole ? 1 : 1.5;
      if (d * penalty < bestSq) {
        bestSq = d * penalty;
        best = cell;
      }
    }
    return best;
  }
}
