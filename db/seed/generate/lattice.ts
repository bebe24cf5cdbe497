/**
 * Classifies the squares of a district's lattice without touching the database: squares that a border may
 * cross (to be clipped in SQL) and squares wholly inside (stored as they are). Border marking is conservative
 * (every square a border segment might touch), so a square called inside truly is.
 */
import type { AreaGeometry } from './gcj02.js';
import type { CellSize } from './grid.js';

export interface LatticeClasses {
  /** [i, j] of squares a border may cross. */
  border: [number, number][];
  /** [i, j] of squares wholly inside the area. */
  inside: [number, number][];
}

function ringsOf(geometry: AreaGeometry): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function classifyLattice(geometry: AreaGeometry, size: CellSize): LatticeClasses {
  const { lonDegrees: sx, latDegrees: sy } = size;
  const rings = ringsOf(geometry);
  if (rings.length === 0) return { border: [], inside: [] };
  // A margin far above rounding error and far below a cell.
  const eps = 1e-9;
  const border = new Set<string>();
  let jMin = Infinity;
  let jMax = -Infinity;
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x0, y0] = ring[k];
      const [x1, y1] = ring[k + 1];
      // Cut long edges into pieces shorter than half a cell; mark every square of each piece's bounding box.
      const pieces = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0) / sx, Math.abs(y1 - y0) / sy) * 2));
      for (let p = 0; p < pieces; p++) {
        const ax = x0 + ((x1 - x0) * p) / pieces;
        const ay = y0 + ((y1 - y0) * p) / pieces;
        const bx = x0 + ((x1 - x0) * (p + 1)) / pieces;
        const by = y0 + ((y1 - y0) * (p + 1)) / pieces;
        const i0 = Math.floor((Math.min(ax, bx) - eps) / sx);
        const i1 = Math.floor((Math.max(ax, bx) + eps) / sx);
        const j0 = Math.floor((Math.min(ay, by) - eps) / sy);
        const j1 = Math.floor((Math.max(ay, by) + eps) / sy);
        for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) border.add(`${i}:${j}`);
        jMin = Math.min(jMin, j0);
        jMax = Math.max(jMax, j1);
      }
    }
  }
  const inside: [number, number][] = [];
  for (let j = jMin; j <= jMax; j++) {
    // Even–odd scanline through the squares' centres (valid polygons do not overlap, holes flip parity).
    const y = (j + 0.5) * sy;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x0, y0] = ring[k];
        const [x1, y1] = ring[k + 1];
        if (y0 <= y !== y1 <= y) crossings.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const iFrom = Math.ceil(crossings[c] / sx - 0.5);
      const iTo = Math.floor(crossings[c + 1] / sx - 0.5);
      for (let i = iFrom; i <= iTo; i++) if (!border.has(`${i}:${j}`)) inside.push([i, j]);
    }
  }
  return {
    border: [...border].map((key) => key.split(':').map(Number) as [number, number]).sort((a, b) => b[1] - a[1] || a[0] - b[0]),
    inside,
  };
}
