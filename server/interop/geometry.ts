// The geometries the map's layers hold (points of institutions and clues, polygons of cells, streets and districts)
// and their text and binary encodings: WKT for spreadsheets, WKB (OGC 06-103r4, little-endian) for GeoPackage.

export type Position = [number, number] | number[];
export type Ring = Position[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface Envelope {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The polygons of a polygonal geometry, a Polygon being a MultiPolygon of one. */
export const polygonsOf = (g: Geometry): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

export function envelopeOf(g: Geometry): Envelope {
  const positions = g.type === 'Point' ? [g.coordinates] : polygonsOf(g).flat(2);
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of positions) {
    if (x < e.minX) e.minX = x;
    if (y < e.minY) e.minY = y;
    if (x > e.maxX) e.maxX = x;
    if (y > e.maxY) e.maxY = y;
  }
  return e;
}

/** The envelope of several, or null when there is none (an empty layer). */
export function unionEnvelope(envelopes: Iterable<Envelope>): Envelope | null {
  let u: Envelope | null = null;
  for (const e of envelopes)
    u = u ? { minX: Math.min(u.minX, e.minX), minY: Math.min(u.minY, e.minY), maxX: Math.max(u.maxX, e.maxX), maxY: Math.max(u.maxY, e.maxY) } : { ...e };
  return u;
}

const wktPosition = ([x, y]: Position) => `${x} ${y}`;
const wktRings = (rings: Ring[]) => `(${rings.map((r) => `(${r.map(wktPosition).join(', ')})`).join(', ')})`;

export function toWkt(g: Geometry): string {
  if (g.type === 'Point') return `POINT (${wktPosition(g.coordinates)})`;
  if (g.type === 'Polygon') return `POLYGON ${wktRings(g.coordinates)}`;
  return `MULTIPOLYGON (${g.coordinates.map(wktRings).join(', ')})`;
}

const WKB_POINT = 1;
const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

function wkbLength(g: Geometry): number {
  const polygon = (rings: Ring[]) => 9 + rings.reduce((n, r) => n + 4 + 16 * r.length, 0);
  if (g.type === 'Point') return 21;
  if (g.type === 'Polygon') return polygon(g.coordinates);
  return 9 + g.coordinates.reduce((n, p) => n + polygon(p), 0);
}

/** WKB, little-endian, 2D. */
export function toWkb(g: Geometry): Uint8Array {
  const bytes = new Uint8Array(wkbLength(g));
  const view = new DataView(bytes.buffer);
  let at = 0;
  const header = (type: number) => {
    view.setUint8(at, 1);
    view.setUint32(at + 1, type, true);
    at += 5;
  };
  const uint = (n: number) => {
    view.setUint32(at, n, true);
    at += 4;
  };
  const position = ([x, y]: Position) => {
    view.setFloat64(at, x, true);
    view.setFloat64(at + 8, y, true);
    at += 16;
  };
  const polygon = (rings: Ring[]) => {
    header(WKB_POLYGON);
    uint(rings.length);
    for (const ring of rings) {
      uint(ring.length);
      ring.forEach(position);
    }
  };
  if (g.type === 'Point') {
    header(WKB_POINT);
    position(g.coordinates);
  } else if (g.type === 'Polygon') polygon(g.coordinates);
  else {
    header(WKB_MULTIPOLYGON);
    uint(g.coordinates.length);
    g.coordinates.forEach(polygon);
  }
  return bytes;
}

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
export function ringArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** The ring turned to wind as asked; a shapefile wants outer rings clockwise, RFC 7946 counter-clockwise. */
export function wound(ring: Ring, clockwise: boolean): Ring {
  const isClockwise = ringArea2(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}
