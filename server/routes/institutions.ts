import { getInstitutionRoute, institutionCollectionSchema, listInstitutionsRoute, searchInstitutionsRoute } from '../contract/institutions.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { findInstitutions, getInstitution, listInstitutions } from '../services/institutions.js';
import { cachedJson } from './cached-json.js';

export function institutionsRouter(deps: Deps) {
  // The search before /institutions/{id}, which would read "search" as an id.
  return createRouter()
    .openapi(searchInstitutionsRoute, async (c) => c.json(await findInstitutions(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(listInstitutionsRoute, async (c) => cachedJson(c, deps, institutionCollectionSchema, 'institutions', c.req.valid('query'), (user, query) => listInstitutions(deps, user, query)))
    .openapi(getInstitutionRoute, async (c) => c.json(await getInstitution(deps, c.get('user'), c.req.valid('param').id), 200));
}
