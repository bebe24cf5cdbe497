import { RoadNetworkInputError } from './errors.js';

/** [longitude, latitude] in degrees, WGS84. */
export type LonLat = [number, number];

/** IUGG mean Earth radius; the same value turf uses, so our lengths agree with the map's measurements. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

export function haversineDistanceMetres(lonA: number, latA: number, lonB: number, latB: number): number {
  const phiA = latA * RADIANS_PER_DEGREE;
  const phiB = latB * RADIANS_PER_DEGREE;
  const dPhi = phiB - phiA;
  const dLambda = (lonB - lonA) * RADIANS_PER_DEGREE;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phiA) * Math.cos(phiB) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function haversineBetween(a: LonLat, b: LonLat): number {
  return haversineDistanceMetres(a[0], a[1], b[0], b[1]);
}

/**
 * Equirectangular projection around a reference latitude: metres east/north. Over a city (tens of km) its error on
 * short distances is far below GPS noise, and it makes point-to-segment projection a 2-D dot product.
 */
export interface LocalProjection {
  metresPerDegreeLon: number;
  metresPerDegreeLat: number;
}

export function localProjection(referenceLatitude: number): LocalProjection {
  const metresPerDegreeLat = EARTH_RADIUS_METRES * RADIANS_PER_DEGREE;
  return { metresPerDegreeLat, metresPerDegreeLon: metresPerDegreeLat * Math.cos(referenceLatitude * RADIANS_PER_DEGREE) };
}

/** Throws a readable error unless every location is a finite [lon, lat] pair within WGS84 bounds. */
export function assertLonLats(locations: readonly unknown[], what = 'location'): asserts locations is LonLat[] {
  locations.forEach((location, index) => {
    if (!Array.isArray(location) || location.length < 2) {
      throw new RoadNetworkInputError(`${what} ${index} must be [lon, lat], got ${JSON.stringify(location)}`);
    }
    const [lon, lat] = location as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new RoadNetworkInputError(`${what} ${index} must hold two finite numbers, got ${JSON.stringify(location)}`);
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new RoadNetworkInputError(`${what} ${index} [${lon}, ${lat}] is outside WGS84 bounds (is it [lat, lon]?)`);
    }
  });
}
