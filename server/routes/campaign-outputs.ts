import { dispatchPdfRoute, dispatchSheetsRoute, drawNoticeCsvRoute, drawNoticeRoute, planExportRoute } from '../contract/campaign-outputs.js';
import { createRouter } from '../http/router.js';
import { campaignDispatchPdf, campaignDispatchSheets, campaignDrawNotice, campaignDrawNoticeCsv, campaignPlanExport, type OutputFile } from '../services/campaign-outputs.js';
import type { Deps } from '../services/deps.js';

const headersOf = (file: OutputFile) => ({
  'content-type': file.contentType,
  'content-disposition': `attachment; filename="${file.fileName}"`,
  'cache-control': 'no-store',
});

export function campaignOutputsRouter(deps: Deps) {
  return createRouter()
    .openapi(dispatchSheetsRoute, async (c) => c.json(await campaignDispatchSheets(deps, c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(dispatchPdfRoute, async (c) => {
      const file = await campaignDispatchPdf(deps, c.get('user'), c.req.valid('param').id, c.req.valid('query'));
      return c.body(file.body, 200, headersOf(file));
    })
    .openapi(drawNoticeRoute, async (c) => c.json(await campaignDrawNotice(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(drawNoticeCsvRoute, async (c) => {
      const file = await campaignDrawNoticeCsv(deps, c.get('user'), c.req.valid('param').id);
      return c.body(file.body, 200, headersOf(file));
    })
    .openapi(planExportRoute, async (c) => {
      const { id, file } = c.req.valid('param');
      const out = await campaignPlanExport(deps, c.get('user'), id, file);
      return c.body(out.body, 200, headersOf(out));
    });
}
