import { AnalyticsInputError } from './errors.js';
import type { AnalysisGeometry, GeoJsonFeature, Position } from './geojson.js';

const SUPPORTED = new Set(['Point', 'MultiPoint', 'Polygon', 'MultiPolygon']);

export type ValidatedFeatures = {
  features: GeoJsonFeature[];
  geometries: AnalysisGeometry[];
  values: Float64Array;
  /** "point", "multipoint" or "polygon" (Polygon and MultiPolygon may be mixed). */
  geometryFamily: 'point' | 'multipoint' | 'polygon';
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Whether segments ab and cd cross or touch (collinear overlaps included), by orientation tests. */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const onSegment = (p: Position, q: Position, r: Position) =>
    Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, c, b)) || (o2 === 0 && onSegment(a, d, b)) || (o3 === 0 && onSegment(c, a, d)) || (o4 === 0 && onSegment(c, b, d));
}

/** Rings longer than this are not checked for self-intersection (the check is quadratic in the ring's length). */
const MAX_CHECKED_RING_POSITIONS = 2000;

/**
 * Whether a closed ring crosses itself (a bow tie): contiguity on such a polygon is meaningless. Adjacent segments
 * share a vertex and are skipped, as are the first and last segment, which share the closing vertex.
 */
export function ringSelfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1;
  if (n < 4 || n > MAX_CHECKED_RING_POSITIONS) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

function checkCoordinates(type: string, c: unknown, where: string, path: string): void {
  const depth = { Point: 0, MultiPoint: 1, Polygon: 2, MultiPolygon: 3 }[type] ?? 0;
  const walk = (v: unknown, d: number): boolean => {
    if (d === 0) return isPosition(v);
    return Array.isArray(v) && v.length > 0 && v.every((x) => walk(x, d - 1));
  };
  if (!walk(c, depth)) throw new AnalyticsInputError(`${where}: ${type} coordinates are malformed`, path);
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const rings = type === 'Polygon' ? (c as Position[][]) : (c as Position[][][]).flat();
    for (const ring of rings) {
      if (ring.length < 4) throw new AnalyticsInputError(`${where}: a polygon ring needs at least 4 positions`, path);
      if (ringSelfIntersects(ring)) throw new AnalyticsInputError(`${where}: a polygon ring crosses itself (self-intersection); repair it first`, path);
    }
  }
}

const familyOf = (type: string): ValidatedFeatures['geometryFamily'] =>
  type === 'Point' ? 'point' : type === 'MultiPoint' ? 'multipoint' : 'polygon';

/**
 * Checks that `input` is a GeoJSON FeatureCollection of at least 3 features of one geometry family,
 * each with a finite number in `valueProperty`. Throws AnalyticsInputError with a one-line message.
 */
export function validateFeatureInput(input: unknown, valueProperty: string): ValidatedFeatures {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    throw new AnalyticsInputError('input is not a GeoJSON FeatureCollection', 'collection');
  }
  const raw = input.features as unknown[];
  if (raw.length < 3) throw new AnalyticsInputError(`hotspot analysis needs at least 3 features, got ${raw.length}`, 'collection.features');
  const values = new Float64Array(raw.length);
  const geometries: AnalysisGeometry[] = [];
  let family: ValidatedFeatures['geometryFamily'] | null = null;
  let familyType = '';
  raw.forEach((f, i) => {
    const where = `feature ${i}`;
    const path = `collection.features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') throw new AnalyticsInputError(`${where} is not a GeoJSON Feature`, path);
    const g = f.geometry;
    if (!isObject(g) || typeof g.type !== 'string') throw new AnalyticsInputError(`${where} has no geometry`, `${path}.geometry`);
    if (!SUPPORTED.has(g.type)) {
      throw new AnalyticsInputError(`${where} has geometry type ${g.type}; use Point, MultiPoint, Polygon or MultiPolygon`, `${path}.geometry`);
    }
    const fam = familyOf(g.type);
    if (family === null) {
      family = fam;
      familyType = g.type;
    } else if (fam !== family) {
      throw new AnalyticsInputError(`mixed geometry types: feature 0 is a ${familyType}, ${where} is a ${g.type}`, `${path}.geometry`);
    }
    checkCoordinates(g.type, g.coordinates, where, `${path}.geometry`);
    geometries.push(g as AnalysisGeometry);
    const props = f.properties;
    const v = isObject(props) ? props[valueProperty] : undefined;
    if (v === undefined || v === null) throw new AnalyticsInputError(`${where} has no property "${valueProperty}"`, `${path}.properties.${valueProperty}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new AnalyticsInputError(`${where}: property "${valueProperty}" is not a finite number (${JSON.stringify(v)})`, `${path}.properties.${valueProperty}`);
    }
    values[i] = v;
  });
  return { features: raw as GeoJsonFeature[], geometries, values, geometryFamily: family! };
}
