import { issueGisTokenRoute, listGisTokensRoute, revokeGisTokenRoute } from '../contract/gis-tokens.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { issueGisToken, listGisTokensFor, revokeGisTokenFor } from '../services/gis-tokens.js';

export function gisTokensRouter(deps: Deps) {
  return createRouter()
    .openapi(listGisTokensRoute, async (c) => c.json(await listGisTokensFor(deps, c.get('user')), 200))
    .openapi(issueGisTokenRoute, async (c) => c.json(await issueGisToken(deps, c.get('user'), c.req.valid('json')), 201))
    .openapi(revokeGisTokenRoute, async (c) => c.json(await revokeGisTokenFor(deps, c.get('user'), c.req.valid('param').id), 200));
}
