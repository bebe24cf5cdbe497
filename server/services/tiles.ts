// Vector tiles of the map layers (docs/interop.md#vector-tiles), scoped like every read: a district account's tiles
// hold its district's features only. PostGIS builds them where it has ST_AsMVT; otherwise the SQL clips and scales the
// features and the server encodes them (tile-encoder.ts). Which, is found out once by trying ST_AsMVT.
import { createHash } from 'node:crypto';
import { clippedFeatures, engineHasAsMvt, layerBounds, mvtTile, type TileParams } from '../../db/queries/tiles.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { TileJson, TileQuery } from '../contract/tiles.js';
import { isTileInRange, tileLayers, tileMaxZoom, tileMinZoom, type TileLayerName } from '../domain/tile-layers.js';
import { scopedTo } from './access.js';
import { unprocessable } from './errors.js';
import { encodeTile } from './tile-encoder.js';
import { LayerVersions, TileCache, type CachedTile } from './tile-cache.js';
import type { Clock } from '../domain/clock.js';

export type TileEncoding = 'postgis' | 'server';

export class TileService {
  readonly cache: TileCache;
  readonly versions: LayerVersions;
  private encoding: Promise<TileEncoding> | null = null;

  constructor(now: Clock, cacheBytes?: number) {
    this.cache = new TileCache(cacheBytes);
    this.versions = new LayerVersions(now);
  }

  encodingFor(q: Queryable): Promise<TileEncoding> {
    this.encoding ??= engineHasAsMvt(q).then((has) => (has ? 'postgis' : 'server'));
    return this.encoding;
  }
}

export interface TileDeps {
  database: Queryable;
  tiles: TileService;
}

export interface TileRequest {
  layer: TileLayerName;
  z: number;
  x: number;
  y: number;
  query: TileQuery;
}

/** The tile's bytes by the given path: both are public so that the tests and the benchmark can set them side by side. */
export async function buildTile(q: Queryable, encoding: TileEncoding, p: TileParams): Promise<Uint8Array> {
  if (encoding === 'postgis') return mvtTile(q, p);
  return encodeTile(p.layer, await clippedFeatures(q, p));
}

const etagOf = (bytes: Uint8Array) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

function checkedParams(user: UserRow, r: TileRequest): TileParams {
  if (!isTileInRange(r.z, r.x, r.y)) throw unprocessable(r.x >= 2 ** r.z ? 'x' : 'y', `must be below 2^z = ${2 ** r.z} at z ${r.z}`);
  const spec = tileLayers[r.layer];
  if (spec.needsPeriod && !r.query.from) throw unprocessable('from', `the ${r.layer} layer counts clues in a period: give from and to`);
  if (!spec.needsPeriod && !spec.acceptsPeriod && r.query.from) throw unprocessable('from', `the ${r.layer} layer takes no period`);
  return { layer: r.layer, z: r.z, x: r.x, y: r.y, ...scopedTo(user, r.query.district), from: r.query.from, to: r.query.to };
}

/**
 * The tile for `user` (cached by layer, address, scope, the district asked for, period and the layer's data version)
 * and whether it was cached.
 */
export async function tileFor(deps: TileDeps, user: UserRow, r: TileRequest): Promise<CachedTile & { hit: boolean }> {
  const params = checkedParams(user, r);
  await deps.tiles.versions.sync(deps.database);
  const key = [r.layer, r.z, r.x, r.y, user.districtCode ?? '*', params.district ?? '*', r.query.from?.toISOString() ?? '', r.query.to?.toISOString() ?? '', deps.tiles.versions.of(r.layer)].join('/');
  const { tile, hit } = deps.tiles.cache.lookup(key, async () => {
    const bytes = await buildTile(deps.database, await deps.tiles.encodingFor(deps.database), params);
    return { bytes, etag: etagOf(bytes) };
  });
  return { ...(await tile), hit };
}

const shanghai: [number, number, number, number] = [120.85, 30.67, 122.2, 31.88];

/** The layer's TileJSON 3.0.0: where its tiles are, their zoom range, the scope's extent and the fields. */
export async function tileJsonFor(deps: TileDeps, user: UserRow, layer: TileLayerName, query: TileQuery, origin: string, search: string): Promise<TileJson> {
  const spec = tileLayers[layer];
  const { scope, district } = scopedTo(user, query.district);
  const bounds = (await layerBounds(deps.database, layer, scope, district)) ?? shanghai;
  return {
    tilejson: '3.0.0',
    name: layer,
    description: spec.description,
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt${search}`],
    minzoom: tileMinZoom,
    maxzoom: tileMaxZoom,
    bounds,
    vector_layers: [{ id: layer, description: spec.description, fields: spec.fields, minzoom: tileMinZoom, maxzoom: tileMaxZoom }],
  };
}
