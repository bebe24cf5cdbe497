import { gridCellCollectionSchema, listGridCellsRoute } from '../contract/grid-cells.js';
import { gridCellsWithClueCounts } from '../../db/queries/grid-cells.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { createRouter, jsonText } from './router.js';

export function gridCellsRouter(deps: Deps) {
  return createRouter().openapi(listGridCellsRoute, async (c) => {
    const user = c.get('user');
    const query = c.req.valid('query');
    const body = await gridCellsWithClueCounts(deps.database, {
      scope: scopeOf(user),
      bbox: query.bbox,
      from: query.from,
      to: query.to,
      district: allowedDistrict(user, query.district),
    });
    return jsonText(c, gridCellCollectionSchema, body);
  });
}
