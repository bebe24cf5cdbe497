import { AnalyticsInputError } from '../errors.js';
import { greatCircleDistanceKm, lonLatToUnitSphere, safeChordForDistanceKm } from './distance.js';
import { buildKdTree, forEachWithin } from './kdTree.js';
import { createRowBuilder } from './rowBuilder.js';
import type { SpatialWeights } from './types.js';

export type DistanceBandOptions = {
  /** Upper distance, inclusive: metres on lon/lat, or plane units when `planar`. */
  distance: number;
  /** Coordinates are plane (projected) units instead of WGS84 lon/lat degrees. */
  planar?: boolean;
};

/**
 * Binary distance-band weights: j is a neighbour of i when 0 ≤ d(i, j) ≤ distance (boundary included,
 * as spdep `dnearneigh(x, 0, d)` and libpysal `DistanceBand`). `points` is interleaved x, y (lon, lat).
 */
export function distanceBandWeights(points: Float64Array, options: DistanceBandOptions): SpatialWeights {
  const { distance, planar = false } = options;
  if (!(distance > 0) || !Number.isFinite(distance)) {
    throw new AnalyticsInputError(`distance must be a positive number, got ${distance}`, 'weights');
  }
  const n = points.length / 2;
  const rows = createRowBuilder(n);
  const kind = `distance:${distance}${planar ? ':planar' : ''}`;
  if (planar) {
    const tree = buildKdTree(points, 2);
    // Slightly wider search, then the exact test that spdep applies, so boundary pairs agree.
    const searchR2 = distance * distance * (1 + 1e-9);
    const q = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      q[0] = points[2 * i];
      q[1] = points[2 * i + 1];
      forEachWithin(tree, q, searchR2, (j) => {
        if (j === i) return;
        const dx = points[2 * j] - q[0];
        const dy = points[2 * j + 1] - q[1];
        if (Math.sqrt(dx * dx + dy * dy) <= distance) rows.push(j);
      });
      rows.endRow();
    }
    return rows.finish(kind);
  }
  const distanceKm = distance / 1000;
  const xyz = lonLatToUnitSphere(points);
  const tree = buildKdTree(xyz, 3);
  const chord = safeChordForDistanceKm(distanceKm);
  const q = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    q[0] = xyz[3 * i];
    q[1] = xyz[3 * i + 1];
    q[2] = xyz[3 * i + 2];
    const lon = points[2 * i];
    const lat = points[2 * i + 1];
    forEachWithin(tree, q, chord * chord, (j) => {
      if (j !== i && greatCircleDistanceKm(lon, lat, points[2 * j], points[2 * j + 1]) <= distanceKm) rows.push(j);
    });
    rows.endRow();
  }
  return rows.finish(kind);
}
