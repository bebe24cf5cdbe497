import type { Geometry, Position } from '../geometry.js';
import { ringArea2 } from '../geometry.js';

// Reading an ESRI Shapefile (ESRI White Paper, July 1998): the .shp's points and polygons (with Z/M values dropped) and
// the .dbf's attributes, decoded by the caller's decoder, since the encoding comes from the .cpg or the language driver.
// Written here rather than taken from npm's `shapefile` (0.6.6): that reader opens files or URLs itself, while an
// import has the archive's entries in memory (a zip's directory is at its end) and reads their records one at a time.

export class ShapefileError extends Error {}

const POINT_TYPES = new Set([1, 11, 21]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);
const POLYGON_TYPES = new Set([5, 15, 25]);

function readShape(view: DataView, at: number, length: number): Geometry | null {
  if (length < 4) throw new ShapefileError('a .shp record is shorter than its shape type');
  const type = view.getInt32(at, true);
  if (type === 0) return null;
  if (POINT_TYPES.has(type)) return { type: 'Point', coordinates: [view.getFloat64(at + 4, true), view.getFloat64(at + 12, true)] };
  if (MULTIPOINT_TYPES.has(type)) {
    if (view.getInt32(at + 36, true) !== 1) throw new ShapefileError('a multipoint with more than one point: one point per record is imported');
    return { type: 'Point', coordinates: [view.getFloat64(at + 40, true), view.getFloat64(at + 48, true)] };
  }
  if (!POLYGON_TYPES.has(type)) throw new ShapefileError(`shape type ${type} is neither a point nor a polygon`);
  const parts = view.getInt32(at + 36, true);
  const points = view.getInt32(at + 40, true);
  const pointsAt = at + 44 + 4 * parts;
  if (44 + 4 * parts + 16 * points > length) throw new ShapefileError('a polygon record is longer than its record');
  const rings: Position[][] = [];
  for (let p = 0; p < parts; p++) {
    const from = view.getInt32(at + 44 + 4 * p, true);
    const to = p + 1 < parts ? view.getInt32(at + 44 + 4 * (p + 1), true) : points;
    const ring: Position[] = [];
    for (let i = from; i < to; i++) ring.push([view.getFloat64(pointsAt + 16 * i, true), view.getFloat64(pointsAt + 16 * i + 8, true)]);
    rings.push(ring);
  }
  // Outer rings run clockwise (negative signed area), holes anticlockwise; each hole belongs to the outer ring before it.
  const polygons: Position[][][] = [];
  for (const ring of rings) {
    if (ringArea2(ring) < 0 || polygons.length === 0) polygons.push([ring.slice().reverse()]);
    else polygons[polygons.length - 1].push(ring.slice().reverse());
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** How many shapes the .shp holds, its record headers walked without reading a shape: a truncated file is refused at once. */
export function countShapes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994) throw new ShapefileError('the .shp is not a shapefile (file code 9994 missing)');
  let count = 0;
  for (let at = 100; at + 8 <= bytes.length; count++) {
    const length = view.getInt32(at + 4, false) * 2;
    if (length < 0 || at + 8 + length > bytes.length) throw new ShapefileError(`the .shp is truncated in record ${count + 1}`);
    at += 8 + length;
  }
  return count;
}

/** The shapes one at a time, in file order (null for a null shape), for a file `countShapes` has walked. */
export function* readShapes(bytes: Uint8Array): Generator<Geometry | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 100; at + 8 <= bytes.length; ) {
    const length = view.getInt32(at + 4, false) * 2;
    yield readShape(view, at + 8, length);
    at += 8 + length;
  }
}

export interface DbfTable {
  columns: string[];
  count: number;
  /** The records in file order, a deleted one as null so that record n still goes with shape n. */
  records(): Generator<Record<string, string> | null>;
}

export function openDbf(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): DbfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32) throw new ShapefileError('the .dbf is shorter than its header');
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: { name: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const zero = nameBytes.indexOf(0);
    const name = decode(zero >= 0 ? nameBytes.subarray(0, zero) : nameBytes).trim();
    const length = bytes[at + 16];
    fields.push({ name, offset, length });
    offset += length;
  }
  if (headerLength + count * recordLength > bytes.length) throw new ShapefileError('the .dbf is truncated');
  return {
    columns: fields.map((f) => f.name),
    count,
    *records() {
      for (let r = 0; r < count; r++) {
        const start = headerLength + r * recordLength;
        if (bytes[start] === 0x2a) {
          yield null;
          continue;
        }
        const record: Record<string, string> = {};
        for (const f of fields) record[f.name] = decode(bytes.subarray(start + f.offset, start + f.offset + f.length)).trim();
        yield record;
      }
    },
  };
}
