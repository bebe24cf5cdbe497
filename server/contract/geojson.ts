import { z } from '@hono/zod-openapi';

// RFC 7946 geometries as the API returns them (coordinates in WGS84 lon, lat).
const position = z.array(z.number()).min(2).max(3);

export const pointGeometrySchema = z.object({ type: z.literal('Point'), coordinates: position }).openapi('PointGeometry');
export const polygonGeometrySchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
export const multiPolygonGeometrySchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) });
export const polygonalGeometrySchema = z
  .discriminatedUnion('type', [polygonGeometrySchema, multiPolygonGeometrySchema])
  .openapi('PolygonalGeometry');

export type PointGeometry = z.infer<typeof pointGeometrySchema>;
export type PolygonalGeometry = z.infer<typeof polygonalGeometrySchema>;

export function featureSchema<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('Feature'),
    id: z.union([z.number(), z.string()]),
    geometry,
    properties,
  });
}

/** A FeatureCollection; `nextCursor` (a GeoJSON foreign member) is set when another page follows. */
export function featureCollectionSchema<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(featureSchema(geometry, properties)),
    nextCursor: z.string().nullable().optional(),
  });
}

export interface Feature<G, P> {
  type: 'Feature';
  id: number | string;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
  nextCursor?: string | null;
}
