import { listStreetsRoute, streetCollectionSchema } from '../contract/streets.js';
import { streetsInDistrict } from '../../db/queries/streets.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { createRouter, jsonText } from './router.js';

export function streetsRouter(deps: Deps) {
  return createRouter().openapi(listStreetsRoute, async (c) => {
    const user = c.get('user');
    const { district } = c.req.valid('query');
    const body = await streetsInDistrict(deps.database, { scope: scopeOf(user), district: allowedDistrict(user, district) });
    return jsonText(c, streetCollectionSchema, body);
  });
}
