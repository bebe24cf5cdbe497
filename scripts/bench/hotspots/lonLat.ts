/** The same grid placed on WGS84 near Hangzhou (1 plane metre ≈ 1 m on the ground), to time great-circle weights. */
export function lonLatFromGrid(xy: Float64Array) {
  const n = xy.length / 2;
  const lat0 = 30.25;
  const metresPerDegLat = 110_850;
  const metresPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = 120.1 + (xy[2 * i] - 500000) / metresPerDegLon;
    points[2 * i + 1] = lat0 + (xy[2 * i + 1] - 3300000) / metresPerDegLat;
  }
  // Slightly longer band so the 8 neighbours stay inside despite the earth's curvature.
  return { points, distanceMetres: (planarDistance: number) => planarDistance * 1.02 };
}
