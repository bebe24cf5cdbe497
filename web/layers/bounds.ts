import { bbox } from '@turf/turf';
import type { FeatureProperties, PolygonFeature } from './polygon-layer.js';

/** West, south, east, north in degrees, as maplibre's fitBounds takes them. */
export type Bounds = [number, number, number, number];

export function featureBounds(feature: PolygonFeature<FeatureProperties>): Bounds {
  const box = bbox(feature);
  // Coordinates with a height give [minX, minY, minZ, maxX, maxY, maxZ].
  return box.length === 4 ? box : [box[0], box[1], box[3], box[4]];
}
