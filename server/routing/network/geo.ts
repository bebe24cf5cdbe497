import { METRES_PER_DEGREE_LATITUDE, metresPerDegreeLongitude, type LonLat } from '../../domain/geodesy.js';
import { RoadNetworkInputError } from './errors.js';

/**
 * Equirectangular projection around a reference latitude: metres east/north. Over a city (tens of km) its error on
 * short distances is far below GPS noise, and it makes point-to-segment projection a 2-D dot product.
 */
export interface LocalProjection {
  metresPerDegreeLon: number;
  metresPerDegreeLat: number;
}

export function localProjection(referenceLatitude: number): LocalProjection {
  return { metresPerDegreeLat: METRES_PER_DEGREE_LATITUDE, metresPerDegreeLon: metresPerDegreeLongitude(referenceLatitude) };
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
