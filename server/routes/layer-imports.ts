import { layerImportRoute, MAX_LAYER_IMPORT_BYTES } from '../contract/layer-imports.js';
import { readLimitedBody } from '../http/limited-body.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { importLayerUpload } from '../services/layer-import.js';

export function layerImportsRouter(deps: Deps) {
  return createRouter().openapi(layerImportRoute, async (c) =>
    c.json(await importLayerUpload(deps, c.get('user'), await readLimitedBody(c.req.raw, MAX_LAYER_IMPORT_BYTES), c.req.valid('query')), 200),
  );
}
