import type { PolygonGeometry } from '../../../server/analytics/geojson.js';
import { createRandom } from '../../../server/domain/random.js';

/** Centroids of a cols × rows grid of square cells (plane metres) and seeded clustered counts. */
export function makeGrid(cols: number, rows: number, cellMetres: number, seed: number) {
  const n = cols * rows;
  const xy = new Float64Array(2 * n);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      xy[2 * i] = 500000 + (c + 0.5) * cellMetres;
      xy[2 * i + 1] = 3300000 + (r + 0.5) * cellMetres;
    }
  }
  return { n, xy, values: makeCounts(cols, rows, seed) };
}

/** Poisson-like counts with a few hot blobs, different for each seed. */
export function makeCounts(cols: number, rows: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  const blobs = Array.from({ length: 6 }, () => ({ c: rng.next() * cols, r: rng.next() * rows, s: 3 + rng.next() * 8 }));
  const values = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let lambda = 1;
      for (const b of blobs) lambda += 6 * Math.exp(-((c - b.c) ** 2 + (r - b.r) ** 2) / (2 * b.s * b.s));
      // Knuth's Poisson sampler: fine for small lambda.
      const limit = Math.exp(-lambda);
      let k = 0;
      let prod = rng.next();
      while (prod > limit) {
        k++;
        prod *= rng.next();
      }
      values[r * cols + c] = k;
    }
  }
  return values;
}

/** Square cell polygons around the grid centroids. */
export function gridSquares(xy: Float64Array, cellMetres: number): PolygonGeometry[] {
  const h = cellMetres / 2;
  const out: PolygonGeometry[] = [];
  for (let i = 0; i < xy.length / 2; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    out.push({ type: 'Polygon', coordinates: [[[x - h, y - h], [x + h, y - h], [x + h, y + h], [x - h, y + h], [x - h, y - h]]] });
  }
  return out;
}
