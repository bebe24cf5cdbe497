// The few GeoJSON types the analytics read (RFC 7946), declared here so the module has no dependency.

export type Position = number[];
export type PointGeometry = { type: 'Point'; coordinates: Position };
export type MultiPointGeometry = { type: 'MultiPoint'; coordinates: Position[] };
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type AnalysisGeometry = PointGeometry | MultiPointGeometry | PolygonGeometry | MultiPolygonGeometry;

export type GeoJsonFeature<G = AnalysisGeometry> = {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: Record<string, unknown> | null;
};

export type GeoJsonFeatureCollection<G = AnalysisGeometry> = {
  type: 'FeatureCollection';
  features: GeoJsonFeature<G>[];
};

/** Rings of a polygonal geometry as a flat list (outer rings and holes alike). */
export function ringsOf(geometry: PolygonGeometry | MultiPolygonGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}
