import type { RouteHandler } from '@hono/zod-openapi';
import { clueCollectionSchema, createClueRoute, getClueRoute, listCluesRoute, patchClueRoute } from '../contract/clues.js';
import { cluesInBbox, clueById } from '../../db/queries/clues.js';
import { notFound } from '../middleware/api-error.js';
import type { AppEnv, Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { changeClueStatus, registerClue, toClueDetail } from './clue-writes.js';
import { createRouter, jsonText } from './router.js';

export function cluesRouter(deps: Deps) {
  const getClue: RouteHandler<typeof getClueRoute, AppEnv> = async (c) => {
    const { id } = c.req.valid('param');
    const row = await clueById(deps.database, { scope: scopeOf(c.get('user')), id, now: deps.now() });
    if (!row) throw notFound(`clue ${id}`);
    return c.json(toClueDetail(row), 200);
  };

  return createRouter()
    .openapi(listCluesRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const body = await cluesInBbox(deps.database, {
        scope: scopeOf(user),
        bbox: q.bbox,
        from: q.from,
        to: q.to,
        status: q.status,
        source: q.source,
        suspectedType: q.suspectedType,
        district: allowedDistrict(user, q.district),
        limit: q.limit,
        cursor: q.cursor,
      });
      return jsonText(c, clueCollectionSchema, body);
    })
    .openapi(getClueRoute, getClue)
    .openapi(patchClueRoute, async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      return c.json(await changeClueStatus(deps, c.get('user'), id, change), 200);
    })
    .openapi(createClueRoute, async (c) => {
      const detail = await registerClue(deps, c.get('user'), c.req.valid('json'));
      c.header('Location', `/api/clues/${detail.id}`);
      return c.json(detail, 201);
    });
}
