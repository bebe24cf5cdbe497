import type { TileLayerName } from '../../server/domain/tile-layers.js';

/**
 * The URL template of a layer's vector tiles (GET /tiles/{layer}/{z}/{x}/{y}.mvt, docs/interop.md#vector-tiles) for
 * the map's tile layers, which load them with the session cookie of this origin.
 */
export function tileUrl(layer: TileLayerName, period?: { from: string; to: string }): string {
  const query = period ? `?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}` : '';
  return `/tiles/${layer}/{z}/{x}/{y}.mvt${query}`;
}
