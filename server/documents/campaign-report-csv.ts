import type { CampaignReport, ReportTable } from '../contract/campaign-report.js';
import { formatCsv } from '../domain/csv.js';
import { headerText, reportTableData } from './campaign-report-tables.js';
import { documentText } from './text.js';

// A table of the after-action report as CSV that Excel opens with its Chinese intact (BOM, CRLF, RFC 4180): headers
// in both languages (a file travels further than its language setting), values in zh-CN.

const zh = documentText('zh-CN');
const en = documentText('en');

export function reportTableCsv(report: CampaignReport, table: ReportTable): string {
  const data = reportTableData(report, table, 'zh-CN');
  const header = data.headers.map((keys) => {
    const a = headerText(zh, keys, 'zh-CN');
    const b = headerText(en, keys, 'en');
    return a === b ? a : `${a} (${b})`;
  });
  return formatCsv([header, ...data.rows]);
}
