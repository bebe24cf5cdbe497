import { listStreetsRoute, streetCollectionSchema } from '../contract/streets.js';
import { createRouter, jsonText } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { streetLayer } from '../services/geography.js';

export function streetsRouter(deps: Deps) {
  return createRouter().openapi(listStreetsRoute, async (c) => jsonText(c, streetCollectionSchema, await streetLayer(deps, c.get('user'), c.req.valid('query'))));
}
