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

function checkCoordinates(type: string, c: unknown, where: string): void {
  const depth = { Point: 0, MultiPoint: 1, Polygon: 2, MultiPolygon: 3 }[type] ?? 0;
  const walk = (v: unknown, d: number): boolean => {
    if (d === 0) return isPosition(v);
    return Array.isArray(v) && v.length > 0 && v.every((x) => walk(x, d - 1));
  };
  if (!walk(c, depth)) throw new AnalyticsInputError(`${where}: ${type} coordinates are malformed`);
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const rings = type === 'Polygon' ? (c as Position[][]) : (c as Position[][][]).flat();
    for (const ring of rings) {
      if (ring.length < 4) throw new AnalyticsInputError(`${where}: a polygon ring needs at least 4 positions`);
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
    throw new AnalyticsInputError('input is not a GeoJSON FeatureCollection');
  }
  const raw = input.features as unknown[];
  if (raw.length < 3) throw new AnalyticsInputError(`hotspot analysis needs at least 3 features, got ${raw.length}`);
  const values = new Float64Array(raw.length);
  const geometries: AnalysisGeometry[] = [];
  let family: ValidatedFeatures['geometryFamily'] | null = null;
  let familyType = '';
  raw.forEach((f, i) => {
    const where = `feature ${i}`;
    if (!isObject(f) || f.type !== 'Feature') throw new AnalyticsInputError(`${where} is not a GeoJSON Feature`);
    const g = f.geometry;
    if (!isObject(g) || typeof g.type !== 'string') throw new AnalyticsInputError(`${where} has no geometry`);
    if (!SUPPORTED.has(g.type)) {
      throw new AnalyticsInputError(`${where} has geometry type ${g.type}; use Point, MultiPoint, Polygon or MultiPolygon`);
    }
    const fam = familyOf(g.type);
    if (family === null) {
      family = fam;
      familyType = g.type;
    } else if (fam !== family) {
      throw new AnalyticsInputError(`mixed geometry types: feature 0 is a ${familyType}, ${where} is a ${g.type}`);
    }
    checkCoordinates(g.type, g.coordinates, where);
    geometries.push(g as AnalysisGeometry);
    const props = f.properties;
    const v = isObject(props) ? props[valueProperty] : undefined;
    if (v === undefined || v === null) throw new AnalyticsInputError(`${where} has no property "${valueProperty}"`);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new AnalyticsInputError(`${where}: property "${valueProperty}" is not a finite number (${JSON.stringify(v)})`);
    }
    values[i] = v;
  });
  return { features: raw as GeoJsonFeature[], geometries, values, geometryFamily: family! };
}
