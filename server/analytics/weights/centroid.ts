import type { AnalysisGeometry, Position } from '../geojson.js';

// Area-weighted centroid as GEOS (sf::st_centroid on planar data) computes it: holes subtract,
// parts of a MultiPolygon add. Point sets use the mean of their points.

function ringMoments(ring: Position[]): { area2: number; cx6: number; cy6: number } {
  let area2 = 0;
  let cx6 = 0;
  let cy6 = 0;
  // Shift to the first vertex so that large coordinates do not cost precision.
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  for (let k = 0; k + 1 < ring.length; k++) {
    const xa = ring[k][0] - x0;
    const ya = ring[k][1] - y0;
    const xb = ring[k + 1][0] - x0;
    const yb = ring[k + 1][1] - y0;
    const cross = xa * yb - xb * ya;
    area2 += cross;
    cx6 += (xa + xb) * cross;
    cy6 += (ya + yb) * cross;
  }
  // Moments about the origin: add back the shift.
  return { area2, cx6: cx6 + 3 * x0 * area2, cy6: cy6 + 3 * y0 * area2 };
}

function polygonMoments(rings: Position[][], acc: { a: number; mx: number; my: number }): void {
  rings.forEach((ring, r) => {
    const m = ringMoments(ring);
    // Outer ring counts positive, holes negative, whatever the winding order of the input.
    const sign = (r === 0 ? 1 : -1) * Math.sign(m.area2);
    acc.a += sign * m.area2;
    acc.mx += sign * m.cx6;
    acc.my += sign * m.cy6;
  });
}

function meanOf(points: Position[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p[0];
    y += p[1];
  }
  return [x / points.length, y / points.length];
}

/** Representative point of a feature for distance-based weights. */
export function centroidOf(geometry: AnalysisGeometry): [number, number] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0], geometry.coordinates[1]];
    case 'MultiPoint':
      return meanOf(geometry.coordinates);
    case 'Polygon':
    case 'MultiPolygon': {
      const acc = { a: 0, mx: 0, my: 0 };
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const rings of polygons) polygonMoments(rings, acc);
      if (acc.a === 0) return meanOf(polygons.flat(2));
      return [acc.mx / (3 * acc.a), acc.my / (3 * acc.a)];
    }
  }
}

/** Centroids of all features as interleaved x, y. */
export function centroidsOf(geometries: AnalysisGeometry[]): Float64Array {
  const xy = new Float64Array(geometries.length * 2);
  geometries.forEach((g, i) => {
    const [x, y] = centroidOf(g);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  });
  return xy;
}
