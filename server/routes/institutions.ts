import { getInstitutionRoute, institutionCollectionSchema, listInstitutionsRoute } from '../contract/institutions.js';
import { createRouter, jsonText } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { getInstitution, listInstitutions } from '../services/institutions.js';

export function institutionsRouter(deps: Deps) {
  return createRouter()
    .openapi(listInstitutionsRoute, async (c) => jsonText(c, institutionCollectionSchema, await listInstitutions(deps, c.get('user'), c.req.valid('query'))))
    .openapi(getInstitutionRoute, async (c) => c.json(await getInstitution(deps, c.get('user'), c.req.valid('param').id), 200));
}
