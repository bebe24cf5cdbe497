import { districtCollectionSchema, listDistrictsRoute } from '../contract/districts.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { districtLayer } from '../services/geography.js';
import { cachedJson } from './cached-json.js';

export function districtsRouter(deps: Deps) {
  return createRouter().openapi(listDistrictsRoute, async (c) => cachedJson(c, deps, districtCollectionSchema, 'districts', {}, (user) => districtLayer(deps, user)));
}
