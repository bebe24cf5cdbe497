import { listPublicationRoute, listPublicationsRoute, publicListMonthsRoute, publicListsRoute, publishListsRoute } from '../contract/list-publications.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { listPublication, listPublicationList, publicListMonths, publicLists, publicListsCsv, publishLists } from '../services/list-publications.js';

// 黑白名单 (docs/lists.md): the administrators' preview and publication, the desk's reads, and the public ones without
// a login. A published version never changes (a correction is a new one), so the public answers may be cached briefly.
const CACHE = 'public, max-age=60';

export function listPublicationsRouter(deps: Deps) {
  return createRouter()
    .openapi(publishListsRoute, async (c) => {
      const { created, body } = await publishLists(deps, c.get('user'), c.req.valid('json'));
      if (!created) return c.json(body, 200);
      c.header('Location', `/api/public/lists/${body.month}`);
      return c.json(body, 201);
    })
    .openapi(listPublicationsRoute, async (c) => c.json(await listPublicationList(deps, c.get('user')), 200))
    .openapi(listPublicationRoute, async (c) => c.json(await listPublication(deps, c.get('user'), c.req.valid('param').month), 200))
    .openapi(publicListMonthsRoute, async (c) => c.json(await publicListMonths(deps), 200, { 'cache-control': 'no-cache' }))
    .openapi(publicListsRoute, async (c) => {
      const { month, csv } = c.req.valid('param').month;
      if (!csv) return c.json(await publicLists(deps, month), 200, { 'cache-control': CACHE });
      const file = await publicListsCsv(deps, month);
      return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': CACHE });
    });
}
