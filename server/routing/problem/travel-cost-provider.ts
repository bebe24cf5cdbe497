import type { Coordinate } from './schema.js';

/** Row-major square matrices: entry [i][j] is travel from locations[i] to locations[j]. */
export interface TravelCosts {
  /** Seconds. */
  durations: number[][];
  /** Metres. */
  distances: number[][];
}

/**
 * Supplies travel times and distances when a problem gives coordinates but no matrices.
 * The road-network module implements it with shortest paths; the default below is a plain
 * great-circle estimate.
 */
export type TravelCostProvider = (locations: Coordinate[], profile: string) => TravelCosts;

const EARTH_RADIUS_METRES = 6_371_008.8;
const RADIANS = Math.PI / 180;

export function haversineDistanceMetres(a: Coordinate, b: Coordinate): number {
  const dLat = (b[1] - a[1]) * RADIANS;
  const dLon = (b[0] - a[0]) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RADIANS) * Math.cos(b[1] * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 30 km/h: a typical average for urban driving including stops. */
export const DEFAULT_SPEED_METRES_PER_SECOND = 30_000 / 3600;

/** Straight-line distance at a constant speed, the same for every profile. */
export function greatCircleCostProvider(speedMetresPerSecond = DEFAULT_SPEED_METRES_PER_SECOND): TravelCostProvider {
  if (!(speedMetresPerSecond > 0)) throw new RangeError('speed must be positive');
  return (locations) => {
    const n = locations.length;
    const distances: number[][] = [];
    const durations: number[][] = [];
    for (let i = 0; i < n; i++) {
      const dRow = new Array<number>(n);
      const tRow = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        const d = i === j ? 0 : haversineDistanceMetres(locations[i], locations[j]);
        dRow[j] = d;
        tRow[j] = d / speedMetresPerSecond;
      }
      distances.push(dRow);
      durations.push(tRow);
    }
    return { durations, distances };
  };
}
