import { districtCollectionSchema, listDistrictsRoute } from '../contract/districts.js';
import { districtsWithCounts } from '../../db/queries/districts.js';
import type { Deps } from '../middleware/env.js';
import { scopeOf } from '../middleware/scope.js';
import { createRouter, jsonText } from './router.js';

export function districtsRouter(deps: Deps) {
  return createRouter().openapi(listDistrictsRoute, async (c) => {
    const body = await districtsWithCounts(deps.database, { scope: scopeOf(c.get('user')) });
    return jsonText(c, districtCollectionSchema, body);
  });
}
