// Distances between coordinates. Great-circle distances on WGS84 lon/lat use the same formula as
// R spdep/sp (`dnearneigh(..., longlat = TRUE)`, `spDists`): Andoyer–Lambert's first-order flattening
// correction of the spherical distance on the WGS84 ellipsoid (J. Meeus, Astronomical Algorithms,
// 2nd ed., ch. 11). Its error is about 50 m in 10,000 km; using the same formula as spdep keeps
// neighbour sets identical right up to the distance threshold.

const WGS84_A_KM = 6378.137;
const WGS84_F = 1 / 298.257223563;
const DEG = Math.PI / 180;

/** Ellipsoidal great-circle distance in kilometres between two lon/lat points in degrees. */
export function greatCircleDistanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (Math.abs(lat1 - lat2) < Number.EPSILON && Math.abs((lon1 - lon2) % 360) < Number.EPSILON) return 0;
  const F = ((lat1 + lat2) / 2) * DEG;
  const G = ((lat1 - lat2) / 2) * DEG;
  const L = ((lon1 - lon2) / 2) * DEG;
  const sinG2 = Math.sin(G) ** 2;
  const cosG2 = Math.cos(G) ** 2;
  const sinF2 = Math.sin(F) ** 2;
  const cosF2 = Math.cos(F) ** 2;
  const sinL2 = Math.sin(L) ** 2;
  const cosL2 = Math.cos(L) ** 2;
  const S = sinG2 * cosL2 + cosF2 * sinL2;
  const C = cosG2 * cosL2 + sinF2 * sinL2;
  if (S === 0) return 0;
  const w = Math.atan(Math.sqrt(S / C));
  const R = Math.sqrt(S * C) / w;
  const D = 2 * w * WGS84_A_KM;
  const H1 = (3 * R - 1) / (2 * C);
  const H2 = (3 * R + 1) / (2 * S);
  return D * (1 + WGS84_F * H1 * sinF2 * cosG2 - WGS84_F * H2 * cosF2 * sinG2);
}

/** Ellipsoidal great-circle distance in metres between two lon/lat points in degrees. */
export function greatCircleDistanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return greatCircleDistanceKm(lon1, lat1, lon2, lat2) * 1000;
}

/**
 * Smallest distance per radian of central angle that the ellipsoidal formula can give (the meridional
 * radius at the equator is a(1 − 2f) ≈ 6335 km; 6300 km leaves a margin). Used to turn a distance into a
 * safe chord radius on the unit sphere for index look-ups.
 */
export const MIN_KM_PER_RADIAN = 6300;

/** Chord length on the unit sphere that surely contains every point within `distanceKm`. */
export function safeChordForDistanceKm(distanceKm: number): number {
  const angle = distanceKm / MIN_KM_PER_RADIAN;
  return angle >= Math.PI ? 2.000001 : 2 * Math.sin(angle / 2) * (1 + 1e-9) + 1e-12;
}

/** Lon/lat in degrees (interleaved) → unit-sphere x, y, z (interleaved), for a spatial index. */
export function lonLatToUnitSphere(lonLat: Float64Array): Float64Array {
  const n = lonLat.length / 2;
  const xyz = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const lon = lonLat[2 * i] * DEG;
    const lat = lonLat[2 * i + 1] * DEG;
    const c = Math.cos(lat);
    xyz[3 * i] = c * Math.cos(lon);
    xyz[3 * i + 1] = c * Math.sin(lon);
    xyz[3 * i + 2] = Math.sin(lat);
  }
  return xyz;
}
