import { gridCellCollectionSchema, listGridCellsRoute } from '../contract/grid-cells.js';
import { createRouter, jsonText } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { gridCellLayer } from '../services/geography.js';

export function gridCellsRouter(deps: Deps) {
  return createRouter().openapi(listGridCellsRoute, async (c) =>
    jsonText(c, gridCellCollectionSchema, await gridCellLayer(deps, c.get('user'), c.req.valid('query'))),
  );
}
