/**
 * The 网格 layout: a regular lattice of near-square cells (in metres) per district, and the assignment of
 * cells to the district's 街镇 so that each street is one compact, contiguous patch.
 */
import type { Random } from '../../../server/domain/random.js';

export type SeedScale = 'demo' | 'test';

export const METRES_PER_DEGREE_LAT = 111_320;
/** Reference latitude of Shanghai for the lattice's east–west spacing. */
const REFERENCE_LAT = 31.2;

const CELL_METRES: Record<SeedScale, { central: number; outer: number }> = {
  demo: { central: 500, outer: 1000 },
  test: { central: 1000, outer: 2500 },
};

export interface CellSize {
  lonDegrees: number;
  latDegrees: number;
  metres: number;
}

export function cellSize(scale: SeedScale, central: boolean): CellSize {
  const metres = CELL_METRES[scale][central ? 'central' : 'outer'];
  return {
    metres,
    latDegrees: metres / METRES_PER_DEGREE_LAT,
    lonDegrees: metres / (METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180)),
  };
}

/** Lattice index of the square containing a point; square (i, j) spans [i, i+1) × [j, j+1) cell sizes from 0°, 0°. */
export function latticeIndex(lon: number, lat: number, size: CellSize): { i: number; j: number } {
  return { i: Math.floor(lon / size.lonDegrees), j: Math.floor(lat / size.latDegrees) };
}

/** Local planar metres around Shanghai, good enough for distances of a few tens of kilometres. */
export function toMetres(lon: number, lat: number): [number, number] {
  const kx = METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180);
  return [lon * kx, lat * METRES_PER_DEGREE_LAT];
}

export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = toMetres(a[0], a[1]);
  const [bx, by] = toMetres(b[0], b[1]);
  return Math.hypot(ax - bx, ay - by);
}

export interface CellCentroid {
  /** Any stable key of the cell. */
  key: string;
  lon: number;
  lat: number;
  /** Area in square metres, the weight of the cell. */
  areaM2: number;
}

export interface StreetAssignment {
  /** Index of the street cluster for each input cell, in input order. */
  clusterOfCell: number[];
  /** Centre [lon, lat] of each cluster. */
  centres: [number, number][];
}

/**
 * Weighted k-means (k-means++ start, a few Lloyd rounds) on cell centroids: clusters of nearby cells are
 * contiguous in practice and of similar area, like real 街镇. With fewer cells than streets some clusters stay empty.
 */
export function clusterCells(random: Random, cells: readonly CellCentroid[], k: number, rounds = 10): StreetAssignment {
  if (!(k >= 1)) throw new RangeError(`k must be ≥ 1, got ${k}`);
  if (cells.length === 0) return { clusterOfCell: [], centres: [] };
  const xy = cells.map((c) => toMetres(c.lon, c.lat));
  const centres: [number, number][] = [];
  centres.push(xy[random.weightedIndex(cells.map((c) => c.areaM2))]);
  const nearestSq = xy.map(([x, y]) => (x - centres[0][0]) ** 2 + (y - centres[0][1]) ** 2);
  while (centres.length < k) {
    const total = nearestSq.reduce((a, b) => a + b, 0);
    const next: [number, number] = total > 0 ? xy[random.weightedIndex(nearestSq)] : [...xy[random.int(xy.length)]] as [number, number];
    centres.push([next[0], next[1]]);
    for (let i = 0; i < xy.length; i++) nearestSq[i] = Math.min(nearestSq[i], (xy[i][0] - next[0]) ** 2 + (xy[i][1] - next[1]) ** 2);
  }
  const clusterOfCell = new Array<number>(cells.length).fill(0);
  const assign = () => {
    for (let i = 0; i < xy.length; i++) {
      let best = 0;
      let bestSq = Infinity;
      for (let c = 0; c < k; c++) {
        const d = (xy[i][0] - centres[c][0]) ** 2 + (xy[i][1] - centres[c][1]) ** 2;
        if (d < bestSq) {
          bestSq = d;
          best = c;
        }
      }
      clusterOfCell[i] = best;
    }
  };
  for (let round = 0; round < rounds; round++) {
    assign();
    const sx = new Array<number>(k).fill(0);
    const sy = new Array<number>(k).fill(0);
    const sw = new Array<number>(k).fill(0);
    for (let i = 0; i < xy.length; i++) {
      const w = cells[i].areaM2;
      sx[clusterOfCell[i]] += xy[i][0] * w;
      sy[clusterOfCell[i]] += xy[i][1] * w;
      sw[clusterOfCell[i]] += w;
    }
    for (let c = 0; c < k; c++) if (sw[c] > 0) centres[c] = [sx[c] / sw[c], sy[c] / sw[c]];
  }
  assign();
  const kx = METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180);
  return { clusterOfCell, centres: centres.map(([x, y]) => [x / kx, y / METRES_PER_DEGREE_LAT]) };
}
