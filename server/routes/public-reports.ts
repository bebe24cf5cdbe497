import { publicDistrictCollectionSchema, publicDistrictsRoute, submitPublicReportRoute, trackPublicReportRoute } from '../contract/public-reports.js';
import { clientAddress } from '../http/client-address.js';
import { createRouter, jsonText } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { publicClueView, publicDistricts, submitPublicReport } from '../services/public-reports.js';

// 随手拍 without a login: the report form, the tracking page's read and the report map's borders. The public limiter
// (middleware/public-rate.ts) counts every request; the service adds the hourly allowance of reports.

export function publicReportsRouter(deps: Deps) {
  return createRouter()
    .openapi(submitPublicReportRoute, async (c) => {
      const { photos, ...fields } = c.req.valid('form');
      const files = await Promise.all(photos.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const receipt = await submitPublicReport(deps, fields, files, clientAddress(c));
      c.header('Location', `/api/public/track/${receipt.trackingCode}`);
      return c.json(receipt, 201);
    })
    // Never cached: the status changes as the clue moves, and the code is the reporter's own.
    .openapi(trackPublicReportRoute, async (c) => c.json(await publicClueView(deps, c.req.valid('param').code), 200, { 'cache-control': 'no-store' }))
    .openapi(publicDistrictsRoute, async (c) => jsonText(c, publicDistrictCollectionSchema, await publicDistricts(deps), { 'cache-control': 'public, max-age=3600' }));
}
