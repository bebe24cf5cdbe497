// Point features out of Mapbox Vector Tiles, as the map's layers read GeoJSON: positions in longitude/latitude, the
// properties checked against the contract (a tile that does not match it is an error, not a blank layer), and one
// feature per id where neighbouring tiles both hold a point in their buffers.
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { ZodType } from 'zod';
import type { Feature, PointGeometry } from '../../server/contract/index.js';
import { ApiError } from './errors.js';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export function decodePointTile<P extends { id: number }>(bytes: Uint8Array, layerName: string, address: TileAddress, schema: ZodType<P>): Feature<PointGeometry, P>[] {
  let tile: VectorTile;
  try {
    tile = new VectorTile(new Pbf(bytes));
  } catch (error) {
    throw new ApiError(`tile ${address.z}/${address.x}/${address.y} is not a vector tile: ${error instanceof Error ? error.message : String(error)}`, 200, 'bad_response');
  }
  const layer = tile.layers[layerName];
  if (!layer) return [];
  const features: Feature<PointGeometry, P>[] = [];
  for (let i = 0; i < layer.length; i++) {
    const geojson = layer.feature(i).toGeoJSON(address.x, address.y, address.z);
    const parsed = schema.safeParse(geojson.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(`tile ${address.z}/${address.x}/${address.y}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`, 200, 'bad_response');
    }
    const { geometry } = geojson;
    if (geometry.type === 'Point') features.push({ type: 'Feature', id: parsed.data.id, geometry: { type: 'Point', coordinates: geometry.coordinates }, properties: parsed.data });
  }
  return features;
}

/** The features of several tiles, each id once (the first tile's copy: the same row in both). */
export function mergeById<F extends { properties: { id: number } }>(tiles: readonly (readonly F[])[]): F[] {
  const byId = new Map<number, F>();
  for (const features of tiles) for (const f of features) if (!byId.has(f.properties.id)) byId.set(f.properties.id, f);
  return [...byId.values()];
}
