import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { ogcCollectionParam, ogcFeatureQuerySchema, ogcFormatQuerySchema, ogcItemsQuerySchema } from '../contract/ogc.js';
import { CRS84, ogcFormatOf, type OgcCollectionId } from '../domain/ogc.js';
import type { AppEnv } from '../http/env.js';
import { validationHook } from '../middleware/errors.js';
import type { Deps } from '../services/deps.js';
import { notFound } from '../services/errors.js';
import {
  ogcApiAnswer,
  ogcCollection,
  ogcCollectionList,
  ogcConformanceAnswer,
  ogcFeatureAnswer,
  ogcItemsAnswer,
  ogcLanding,
  type OgcAnswer,
  type OgcRequest,
} from '../services/ogc.js';

/** The query checked by `schema`; a failure is the same 400 naming the parameter as on every other route. */
function validQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  validationHook({ success: result.success, error: result.error, target: 'query' });
  return result.data as z.output<S>;
}

function collectionOf(c: Context<AppEnv>): OgcCollectionId {
  const parsed = ogcCollectionParam.safeParse(c.req.param('collectionId'));
  if (!parsed.success) throw notFound(`collection ${c.req.param('collectionId') ?? ''}`);
  return parsed.data;
}

function ogcRequest(c: Context<AppEnv>, f: 'json' | 'html' | undefined): OgcRequest {
  const url = new URL(c.req.url);
  return { base: `${url.origin}/ogc`, format: ogcFormatOf(f, c.req.header('Accept')), scope: c.get('ogcScope') };
}

function send(c: Context<AppEnv>, answer: OgcAnswer, features = false) {
  if (features) c.header('Content-Crs', `<${CRS84}>`);
  // The answer depends on the caller's scope and on Accept: no shared cache may keep it for another.
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Accept, Authorization, Cookie');
  c.header('Content-Type', answer.mediaType);
  return c.body(answer.body, 200);
}

/** OGC API – Features, Part 1 Core (GeoJSON, HTML) and Part 2 with CRS84 alone; behind requireOgcReader. */
export function ogcRouter(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/', (c) => send(c, ogcLanding(ogcRequest(c, validQuery(c, ogcFormatQuerySchema).f))))
    .get('/api', (c) => send(c, ogcApiAnswer(ogcRequest(c, validQuery(c, ogcFormatQuerySchema).f))))
    .get('/conformance', (c) => send(c, ogcConformanceAnswer(ogcRequest(c, validQuery(c, ogcFormatQuerySchema).f))))
    .get('/collections', async (c) => send(c, await ogcCollectionList(deps, ogcRequest(c, validQuery(c, ogcFormatQuerySchema).f))))
    .get('/collections/:collectionId', async (c) => {
      const id = collectionOf(c);
      return send(c, await ogcCollection(deps, ogcRequest(c, validQuery(c, ogcFormatQuerySchema).f), id));
    })
    .get('/collections/:collectionId/items', async (c) => {
      const id = collectionOf(c);
      const query = validQuery(c, ogcItemsQuerySchema);
      return send(c, await ogcItemsAnswer(deps, ogcRequest(c, query.f), id, query, c.req.query()), true);
    })
    .get('/collections/:collectionId/items/:featureId', async (c) => {
      const id = collectionOf(c);
      const query = validQuery(c, ogcFeatureQuerySchema);
      return send(c, await ogcFeatureAnswer(deps, ogcRequest(c, query.f), id, c.req.param('featureId')), true);
    })
    // Anything else under /ogc is answered here, not by the web app that is mounted after it.
    .all('*', (c) => {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
        c.header('Allow', 'GET, HEAD');
        throw new HTTPException(405, { message: 'the OGC API only reads: use GET' });
      }
      throw notFound(`OGC resource ${c.req.path}`);
    });
}
