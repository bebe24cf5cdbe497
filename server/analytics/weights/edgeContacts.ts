import type { MultiPolygonGeometry, PolygonGeometry } from '../geojson.js';
import { ringsOf } from '../geojson.js';

// Boundary contacts between polygons from their edges rather than their vertices alone: a vertex that
// lies on another polygon's edge counts (T-junctions), and "edge" contact means the two boundaries
// run together for more than the tolerance. Segments are hashed into a uniform grid so that only
// segments sharing a grid cell are compared.

export type ContactKind = 'point' | 'edge';

function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function segmentsCross(s: Float64Array, a: number, b: number): boolean {
  const [ax, ay, bx, by] = [s[4 * a], s[4 * a + 1], s[4 * a + 2], s[4 * a + 3]];
  const [cx, cy, dx, dy] = [s[4 * b], s[4 * b + 1], s[4 * b + 2], s[4 * b + 3]];
  return (
    orientation(ax, ay, bx, by, cx, cy) * orientation(ax, ay, bx, by, dx, dy) < 0 &&
    orientation(cx, cy, dx, dy, ax, ay) * orientation(cx, cy, dx, dy, bx, by) < 0
  );
}

function segmentDistance(s: Float64Array, a: number, b: number): number {
  if (segmentsCross(s, a, b)) return 0;
  const A = [s[4 * a], s[4 * a + 1], s[4 * a + 2], s[4 * a + 3]];
  const B = [s[4 * b], s[4 * b + 1], s[4 * b + 2], s[4 * b + 3]];
  return Math.min(
    pointSegmentDistance(A[0], A[1], B[0], B[1], B[2], B[3]),
    pointSegmentDistance(A[2], A[3], B[0], B[1], B[2], B[3]),
    pointSegmentDistance(B[0], B[1], A[0], A[1], A[2], A[3]),
    pointSegmentDistance(B[2], B[3], A[0], A[1], A[2], A[3]),
  );
}

/** Length of the stretch where segment b runs along segment a within `tol`, or 0. */
function sharedLength(s: Float64Array, a: number, b: number, tol: number): number {
  const ax = s[4 * a];
  const ay = s[4 * a + 1];
  const len = Math.hypot(s[4 * a + 2] - ax, s[4 * a + 3] - ay);
  if (len === 0) return 0;
  const ux = (s[4 * a + 2] - ax) / len;
  const uy = (s[4 * a + 3] - ay) / len;
  const t0 = (s[4 * b] - ax) * ux + (s[4 * b + 1] - ay) * uy;
  const t1 = (s[4 * b + 2] - ax) * ux + (s[4 * b + 3] - ay) * uy;
  const off0 = Math.abs((s[4 * b] - ax) * uy - (s[4 * b + 1] - ay) * ux);
  const off1 = Math.abs((s[4 * b + 2] - ax) * uy - (s[4 * b + 3] - ay) * ux);
  if (off0 > tol || off1 > tol) return 0;
  return Math.max(0, Math.min(len, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1)));
}

/** Map from pair key i·n + j (i < j) to the strongest contact found between features i and j. */
export function edgeContacts(geometries: (PolygonGeometry | MultiPolygonGeometry)[], tol: number): Map<number, ContactKind> {
  const n = geometries.length;
  const segs: number[] = [];
  const owners: number[] = [];
  geometries.forEach((g, i) => {
    for (const ring of ringsOf(g)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        segs.push(ring[k][0], ring[k][1], ring[k + 1][0], ring[k + 1][1]);
        owners.push(i);
      }
    }
  });
  const s = Float64Array.from(segs);
  const m = owners.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let totalLength = 0;
  for (let e = 0; e < m; e++) {
    minX = Math.min(minX, s[4 * e], s[4 * e + 2]);
    maxX = Math.max(maxX, s[4 * e], s[4 * e + 2]);
    minY = Math.min(minY, s[4 * e + 1], s[4 * e + 3]);
    maxY = Math.max(maxY, s[4 * e + 1], s[4 * e + 3]);
    totalLength += Math.hypot(s[4 * e + 2] - s[4 * e], s[4 * e + 3] - s[4 * e + 1]);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const cell = Math.max((2 * totalLength) / Math.max(m, 1), tol, extent / 2 ** 20, Number.MIN_VALUE);
  const ny = Math.floor((maxY - minY + 2 * tol) / cell) + 1;
  const grid = new Map<number, number[]>();
  for (let e = 0; e < m; e++) {
    const x0 = Math.floor((Math.min(s[4 * e], s[4 * e + 2]) - tol - minX + tol) / cell);
    const x1 = Math.floor((Math.max(s[4 * e], s[4 * e + 2]) + tol - minX + tol) / cell);
    const y0 = Math.floor((Math.min(s[4 * e + 1], s[4 * e + 3]) - tol - minY + tol) / cell);
    const y1 = Math.floor((Math.max(s[4 * e + 1], s[4 * e + 3]) + tol - minY + tol) / cell);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cx * ny + cy;
        const list = grid.get(key);
        if (list) list.push(e);
        else grid.set(key, [e]);
      }
    }
  }
  const contacts = new Map<number, ContactKind>();
  for (const list of grid.values()) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const a = list[p];
        const b = list[q];
        if (owners[a] === owners[b]) continue;
        const i = Math.min(owners[a], owners[b]);
        const j = Math.max(owners[a], owners[b]);
        const key = i * n + j;
        const known = contacts.get(key);
        if (known === 'edge') continue;
        if (segmentDistance(s, a, b) > tol) continue;
        const shared = Math.max(sharedLength(s, a, b, tol), sharedLength(s, b, a, tol));
        contacts.set(key, shared > tol ? 'edge' : 'point');
      }
    }
  }
  return contacts;
}
