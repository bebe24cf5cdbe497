import { campaignReportCsvRoute, campaignReportPdfRoute, campaignReportRoute, publishCampaignRoute, type ReportTable } from '../contract/campaign-report.js';
import { createRouter } from '../http/router.js';
import { publishCampaignResults } from '../services/campaign-publication.js';
import { campaignReportCsv, campaignReportPdf, getCampaignReport } from '../services/campaign-report.js';
import type { OutputFile } from '../services/campaign-outputs.js';
import type { Deps } from '../services/deps.js';

const headersOf = (file: OutputFile) => ({
  'content-type': file.contentType,
  'content-disposition': `attachment; filename="${file.fileName}"`,
  'cache-control': 'no-store',
});

export function campaignReportRouter(deps: Deps) {
  return createRouter()
    .openapi(campaignReportRoute, async (c) => c.json(await getCampaignReport(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(campaignReportPdfRoute, async (c) => {
      const file = await campaignReportPdf(deps, c.get('user'), c.req.valid('param').id);
      return c.body(file.body, 200, headersOf(file));
    })
    .openapi(campaignReportCsvRoute, async (c) => {
      const { id, file } = c.req.valid('param');
      const out = await campaignReportCsv(deps, c.get('user'), id, file.replace(/\.csv$/, '') as ReportTable);
      return c.body(out.body, 200, headersOf(out));
    })
    .openapi(publishCampaignRoute, async (c) => {
      const { id } = c.req.valid('param');
      const publication = await publishCampaignResults(deps, c.get('user'), id, c.req.valid('json'));
      c.header('Location', `/api/public/campaigns/${id}/results`);
      return c.json(publication, 201);
    });
}
