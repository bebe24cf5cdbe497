import type { Context } from 'hono';
import type { z } from 'zod';
import { tileAddressSchema, tileJsonAddressSchema, tileQuerySchema } from '../contract/tiles.js';
import { createRouter } from '../http/router.js';
import type { AppEnv } from '../http/env.js';
import { validationHook } from '../middleware/errors.js';
import type { Deps } from '../services/deps.js';
import { tileFor, tileJsonFor } from '../services/tiles.js';

/** Tiles are per account (scope) and change with the data: the browser keeps one a minute, then revalidates it (304). */
const cacheControl = 'private, max-age=60, must-revalidate';

function valid<S extends z.ZodType>(schema: S, value: unknown, target: string): z.output<S> {
  const result = schema.safeParse(value);
  validationHook({ success: result.success, error: result.error, target });
  return result.data as z.output<S>;
}

const ifNoneMatchHolds = (c: Context<AppEnv>, etag: string) =>
  (c.req.header('If-None-Match') ?? '').split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');

/**
 * `/tiles/{layer}/{z}/{x}/{y}.mvt` and `/tiles/{layer}.json` (docs/interop.md#vector-tiles). A tile without features
 * answers 204 with no body, so clients and caches see "nothing here" without decoding.
 */
export function tilesRouter(deps: Deps) {
  return createRouter()
    .get('/:layer/:z/:x/:y', async (c) => {
      const address = valid(tileAddressSchema, c.req.param(), 'param');
      const query = valid(tileQuerySchema, c.req.query(), 'query');
      const tile = await tileFor(deps, c.get('user'), { ...address, query });
      const headers = { ETag: tile.etag, 'Cache-Control': cacheControl, 'Server-Timing': `cache;desc=${tile.hit ? 'hit' : 'miss'}` };
      if (ifNoneMatchHolds(c, tile.etag)) return c.body(null, 304, headers);
      if (tile.bytes.length === 0) return c.body(null, 204, headers);
      return c.body(tile.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Type': 'application/vnd.mapbox-vector-tile' });
    })
    .get('/:file', async (c) => {
      const { file: layer } = valid(tileJsonAddressSchema, c.req.param(), 'param');
      const url = new URL(c.req.url);
      const search = new URLSearchParams();
      const query = valid(tileQuerySchema, c.req.query(), 'query');
      if (query.from && query.to) {
        search.set('from', c.req.query('from')!);
        search.set('to', c.req.query('to')!);
      }
      if (query.district) search.set('district', query.district);
      const text = search.size ? `?${search.toString().replaceAll('%3A', ':')}` : '';
      c.header('Cache-Control', cacheControl);
      return c.json(await tileJsonFor(deps, c.get('user'), layer, query, url.origin, text), 200);
    });
}
