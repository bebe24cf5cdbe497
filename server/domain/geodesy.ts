// Distances on the Earth for the product's own measures (patrol legs, snapping, "within 500 m"). The hot spot
// engine keeps the ellipsoidal formula of R spdep for its distance weights (server/analytics/weights/distance.ts),
// so that its neighbour sets equal spdep's up to the threshold.

/** [longitude, latitude] in degrees, WGS84. */
export type LonLat = [number, number];

/** IUGG mean Earth radius; the value turf uses, so our lengths agree with the map's measurements. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

/** Great-circle distance on the mean sphere (haversine), for hot loops that hold coordinates apart. */
export function haversineDistanceMetres(lonA: number, latA: number, lonB: number, latB: number): number {
  const phiA = latA * RADIANS_PER_DEGREE;
  const phiB = latB * RADIANS_PER_DEGREE;
  const dPhi = phiB - phiA;
  const dLambda = (lonB - lonA) * RADIANS_PER_DEGREE;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phiA) * Math.cos(phiB) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance between two [lon, lat] points. */
export function distanceMetres(a: LonLat, b: LonLat): number {
  return haversineDistanceMetres(a[0], a[1], b[0], b[1]);
}

/** Metres per degree of latitude on the mean sphere (≈ 111.2 km). */
export const METRES_PER_DEGREE_LATITUDE = EARTH_RADIUS_METRES * RADIANS_PER_DEGREE;

/** Metres per degree of longitude at a latitude. */
export const metresPerDegreeLongitude = (latitude: number): number => METRES_PER_DEGREE_LATITUDE * Math.cos(latitude * RADIANS_PER_DEGREE);
