// The map's institutions and clues read from the vector tiles (docs/interop.md#vector-tiles): the tiles of the view's
// cover, fetched in parallel and kept by the browser's HTTP cache (ETag, max-age), so a pan asks again only for the
// tiles it has not seen, and the city view needs no paging through GeoJSON.
import { clueTilePropertiesSchema, institutionTilePropertiesSchema } from '../../server/contract/tile-features.js';
import type { ZodType } from 'zod';
import type { Feature, PointGeometry } from '../../server/contract/index.js';
import { coverTiles, type TileCover } from '../../server/domain/tile-cover.js';
import type { TileLayerName } from '../../server/domain/tile-layers.js';
import type { TimeRange } from '../state/dashboard.js';
import { rangeToInstants } from '../state/dates.js';
import { decodePointTile, mergeById, type TileAddress } from './tile-decode.js';
import { readBytes } from './transport.js';

export interface TiledFeatures<P> {
  /** Every feature of the tiles: tiles drop none, so there is no page budget to run out of. */
  features: Feature<PointGeometry, P>[];
}

async function pointLayer<P extends { id: number }>(
  layer: TileLayerName,
  cover: TileCover,
  query: Record<string, string>,
  schema: ZodType<P>,
  signal?: AbortSignal,
): Promise<TiledFeatures<P>> {
  const search = new URLSearchParams(query).toString();
  const read = async (t: TileAddress) => {
    // An empty tile is a 204: no feature there.
    const bytes = await readBytes(fetch(`/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt${search ? `?${search}` : ''}`, { credentials: 'same-origin', signal }));
    return bytes ? decodePointTile(bytes, layer, t, schema) : [];
  };
  return { features: mergeById(await Promise.all(coverTiles(cover).map(read))) };
}

const districtQuery = (district: string | null): Record<string, string> => (district ? { district } : {});

export const institutionTiles = (cover: TileCover, district: string | null, signal?: AbortSignal) =>
  pointLayer('institutions', cover, districtQuery(district), institutionTilePropertiesSchema, signal);

export const clueTiles = (cover: TileCover, range: TimeRange, district: string | null, signal?: AbortSignal) =>
  pointLayer('clues', cover, { ...rangeToInstants(range), ...districtQuery(district) }, clueTilePropertiesSchema, signal);
