import { searchRoadsRoute } from '../contract/roads.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { findRoads } from '../services/road-search.js';

export function roadsRouter(deps: Deps) {
  return createRouter().openapi(searchRoadsRoute, async (c) => c.json(await findRoads(deps, c.get('user'), c.req.valid('query')), 200));
}
