// GeoJSON (RFC 7946): a FeatureCollection in WGS84 with [lon, lat] positions. Written in pieces (opening, one piece
// per feature, closing) so that a large layer is sent as it is read instead of being built as one string.
import { layerSpecs, columnValue, type ExportFeature, type ExportLayer } from './layers.js';

export const geoJsonOpening = (layer: ExportLayer) => `{"type":"FeatureCollection","name":${JSON.stringify(layerSpecs[layer].table)},"features":[\n`;
export const geoJsonClosing = ']}\n';

/** One feature with the layer's columns only, so the file holds what the other formats hold. */
export function geoJsonFeature(layer: ExportLayer, feature: ExportFeature, first: boolean): string {
  const properties: Record<string, unknown> = {};
  for (const column of layerSpecs[layer].columns) properties[column.key] = columnValue(feature, column);
  const body = { type: 'Feature', ...(feature.id === undefined ? {} : { id: feature.id }), geometry: feature.geometry, properties };
  return `${first ? '' : ',\n'}${JSON.stringify(body)}`;
}
