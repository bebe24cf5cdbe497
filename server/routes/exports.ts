import { exportQuerySchemas, layerExportRoute, parseExportFileName } from '../contract/exports.js';
import { createRouter } from '../http/router.js';
import { validationHook } from '../middleware/errors.js';
import type { Deps } from '../services/deps.js';
import { forbidden } from '../services/errors.js';
import { exportLayer } from '../services/layer-exports.js';

export function exportsRouter(deps: Deps) {
  return createRouter().openapi(layerExportRoute, async (c) => {
    // An export is a read that is audited in the user's name: a link on another site must not start one.
    if (c.req.header('sec-fetch-site') === 'cross-site') throw forbidden('an export is started from JointOps itself (Sec-Fetch-Site: cross-site refused)');
    const { layer, format } = parseExportFileName(c.req.valid('param').file);
    // The layer's own query schema, which a route declared once for every layer cannot name: checked here, with the
    // hook that answers every other 400, so a bad filter is refused as the layer's endpoint refuses it.
    const parsed = exportQuerySchemas[layer].safeParse(c.req.query());
    validationHook({ success: parsed.success, error: parsed.error, target: 'query' });
    const file = await exportLayer(deps, c.get('user'), layer, format, parsed.data as never);
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'content-disposition': file.contentDisposition,
      'cache-control': 'no-store',
      'x-export-rows': String(file.rows),
    });
  });
}
