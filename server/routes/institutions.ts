import { getInstitutionRoute, institutionCollectionSchema, institutionDetailSchema, listInstitutionsRoute } from '../contract/institutions.js';
import { institutionById, institutionsInBbox } from '../../db/queries/institutions.js';
import { notFound } from '../middleware/api-error.js';
import type { Deps } from '../middleware/env.js';
import { allowedDistrict, scopeOf } from '../middleware/scope.js';
import { createRouter, jsonText } from './router.js';

export function institutionsRouter(deps: Deps) {
  return createRouter()
    .openapi(listInstitutionsRoute, async (c) => {
      const user = c.get('user');
      const q = c.req.valid('query');
      const body = await institutionsInBbox(deps.database, {
        scope: scopeOf(user),
        bbox: q.bbox,
        status: q.status,
        category: q.category,
        listStatus: q.listStatus,
        district: allowedDistrict(user, q.district),
        limit: q.limit,
        cursor: q.cursor,
      });
      return jsonText(c, institutionCollectionSchema, body);
    })
    .openapi(getInstitutionRoute, async (c) => {
      const { id } = c.req.valid('param');
      const row = await institutionById(deps.database, { scope: scopeOf(c.get('user')), id });
      if (!row) throw notFound(`institution ${id}`);
      return c.json(institutionDetailSchema.parse({ type: 'Feature', ...row }), 200);
    });
}
