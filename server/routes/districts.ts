import { districtCollectionSchema, listDistrictsRoute } from '../contract/districts.js';
import { createRouter, jsonText } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { districtLayer } from '../services/geography.js';

export function districtsRouter(deps: Deps) {
  return createRouter().openapi(listDistrictsRoute, async (c) => jsonText(c, districtCollectionSchema, await districtLayer(deps, c.get('user'))));
}
