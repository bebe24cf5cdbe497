import { AnalyticsInputError } from './errors.js';
import type { AnalysisGeometry, MultiPolygonGeometry, PolygonGeometry } from './geojson.js';
import { centroidsOf } from './weights/centroid.js';
import { contiguityWeights, type ContiguityOptions } from './weights/contiguity.js';
import { distanceBandWeights } from './weights/distanceBand.js';
import { knnWeights } from './weights/knn.js';
import type { SpatialWeights } from './weights/types.js';

/** Which spatial weights to build, as written on the command line or in an API request. */
export type WeightsSpec =
  | { type: 'queen' }
  | { type: 'rook' }
  | { type: 'distance'; distance: number }
  | { type: 'knn'; k: number };

/** Parses "queen", "rook", "distance:<d>" or "knn:<k>". */
export function parseWeightsSpec(text: string): WeightsSpec {
  const t = text.trim().toLowerCase();
  if (t === 'queen' || t === 'rook') return { type: t };
  const m = /^(distance|knn):(.+)$/.exec(t);
  if (m) {
    const num = Number(m[2]);
    if (m[1] === 'distance') {
      if (!(num > 0) || !Number.isFinite(num)) throw new AnalyticsInputError(`weights "${text}": the distance must be a positive number`, 'weights');
      return { type: 'distance', distance: num };
    }
    if (!Number.isInteger(num) || num < 1) throw new AnalyticsInputError(`weights "${text}": k must be a positive integer`, 'weights');
    return { type: 'knn', k: num };
  }
  throw new AnalyticsInputError(`unknown weights "${text}" (use queen, rook, distance:<d> or knn:<k>)`, 'weights');
}

export function formatWeightsSpec(spec: WeightsSpec): string {
  if (spec.type === 'distance') return `distance:${spec.distance}`;
  if (spec.type === 'knn') return `knn:${spec.k}`;
  return spec.type;
}

export type BuildWeightsOptions = {
  /** Plane coordinates instead of WGS84 lon/lat (distance in plane units instead of metres). */
  planar?: boolean;
  /** Contiguity matching, see ContiguityOptions. */
  match?: ContiguityOptions['match'];
  snap?: number;
};

function isPolygonal(g: AnalysisGeometry): g is PolygonGeometry | MultiPolygonGeometry {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/** Builds weights for features: contiguity on polygons, distance and kNN on points or polygon centroids. */
export function buildWeights(geometries: AnalysisGeometry[], spec: WeightsSpec, options: BuildWeightsOptions = {}): SpatialWeights {
  const { planar = false, match, snap } = options;
  if (spec.type === 'queen' || spec.type === 'rook') {
    const bad = geometries.findIndex((g) => !isPolygonal(g));
    if (bad >= 0) {
      throw new AnalyticsInputError(`${spec.type} contiguity needs Polygon or MultiPolygon features; feature ${bad} is a ${geometries[bad].type}`, 'weights');
    }
    return contiguityWeights(geometries as (PolygonGeometry | MultiPolygonGeometry)[], { rule: spec.type, match, snap });
  }
  const points = centroidsOf(geometries);
  if (spec.type === 'distance') return distanceBandWeights(points, { distance: spec.distance, planar });
  return knnWeights(points, { k: spec.k, planar });
}
