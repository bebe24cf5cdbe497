import { AnalyticsInputError } from '../errors.js';
import { greatCircleDistanceKm, lonLatToUnitSphere, safeChordForDistanceKm } from './distance.js';
import { buildKdTree, forEachWithin, nearestK } from './kdTree.js';
import { createRowBuilder } from './rowBuilder.js';
import type { SpatialWeights } from './types.js';

export type KnnOptions = {
  k: number;
  /** Coordinates are plane units instead of WGS84 lon/lat degrees. */
  planar?: boolean;
};

/**
 * k-nearest-neighbour weights (spdep `knn2nb(knearneigh(x, k))`): each unit gets its k nearest other
 * units, ties broken by lower index. Not symmetric in general. Great-circle distance on lon/lat.
 */
export function knnWeights(points: Float64Array, options: KnnOptions): SpatialWeights {
  const { k, planar = false } = options;
  const n = points.length / 2;
  if (!Number.isInteger(k) || k < 1) throw new AnalyticsInputError(`k must be a positive integer, got ${k}`, 'weights');
  if (k >= n) throw new AnalyticsInputError(`k = ${k} needs more than ${k} units, got ${n}`, 'weights');
  const rows = createRowBuilder(n, k);
  const index = new Int32Array(k);
  const d2 = new Float64Array(k);
  const kind = `knn:${k}${planar ? ':planar' : ''}`;
  if (planar) {
    const tree = buildKdTree(points, 2);
    const q = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      q[0] = points[2 * i];
      q[1] = points[2 * i + 1];
      const found = nearestK(tree, q, k, i, index, d2);
      for (let t = 0; t < found; t++) rows.push(index[t]);
      rows.endRow();
    }
    return rows.finish(kind);
  }
  // On the sphere the chord order can differ from the ellipsoidal order near ties: take the k nearest
  // by chord, bound the k-th ellipsoidal distance by them, then rank every candidate within that bound.
  const xyz = lonLatToUnitSphere(points);
  const tree = buildKdTree(xyz, 3);
  const q = new Float64Array(3);
  const candidates: { j: number; km: number }[] = [];
  for (let i = 0; i < n; i++) {
    q[0] = xyz[3 * i];
    q[1] = xyz[3 * i + 1];
    q[2] = xyz[3 * i + 2];
    const lon = points[2 * i];
    const lat = points[2 * i + 1];
    const found = nearestK(tree, q, k, i, index, d2);
    let boundKm = 0;
    for (let t = 0; t < found; t++) {
      boundKm = Math.max(boundKm, greatCircleDistanceKm(lon, lat, points[2 * index[t]], points[2 * index[t] + 1]));
    }
    const chord = safeChordForDistanceKm(boundKm);
    candidates.length = 0;
    forEachWithin(tree, q, chord * chord, (j) => {
      if (j !== i) candidates.push({ j, km: greatCircleDistanceKm(lon, lat, points[2 * j], points[2 * j + 1]) });
    });
    candidates.sort((a, b) => a.km - b.km || a.j - b.j);
    for (let t = 0; t < k && t < candidates.length; t++) rows.push(candidates[t].j);
    rows.endRow();
  }
  return rows.finish(kind);
}
