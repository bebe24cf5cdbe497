import { gridCellCollectionSchema, listGridCellsRoute } from '../contract/grid-cells.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { gridCellLayer } from '../services/geography.js';
import { cachedJson } from './cached-json.js';

export function gridCellsRouter(deps: Deps) {
  return createRouter().openapi(listGridCellsRoute, async (c) => cachedJson(c, deps, gridCellCollectionSchema, 'grid-cells', c.req.valid('query'), (user, query) => gridCellLayer(deps, user, query)));
}
