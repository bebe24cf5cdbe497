import { publicResultsCsvRoute, publicResultsRoute } from '../contract/campaign-report.js';
import { createRouter } from '../http/router.js';
import { publicResults, publicResultsCsv } from '../services/campaign-publication.js';
import type { Deps } from '../services/deps.js';

// 一公开 without a login. A published version never changes (a correction is a new one), so a short public cache is
// safe and keeps repeated reads cheap; the public limiter (middleware/public-rate.ts) bounds the rest.
const CACHE = 'public, max-age=60';

export function publicResultsRouter(deps: Deps) {
  return createRouter()
    .openapi(publicResultsRoute, async (c) => c.json(await publicResults(deps, c.req.valid('param').id), 200, { 'cache-control': CACHE }))
    .openapi(publicResultsCsvRoute, async (c) => {
      const file = await publicResultsCsv(deps, c.req.valid('param').id);
      return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': CACHE });
    });
}
