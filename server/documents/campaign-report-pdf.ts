import type { CampaignReport, ReportTable } from '../contract/campaign-report.js';
import { reportTables } from '../contract/campaign-report.js';
import { districtName, headerText, percent, reportTableData } from './campaign-report-tables.js';
import { CONTENT_WIDTH, createPdf, Flow, INK, MARGIN, numberPages, pdfBytes, runningHeader, style, table, type Column, type Pdf } from './pdf-page.js';
import { codeLabel, documentText, type DocumentLanguage, type DocumentText } from './text.js';

// The after-action report on paper: A4 portrait, the campaign's facts and key figures, completion per district as
// bars, then every table of the report (the same tables as the CSV files), the notes that define the measures, and
// "第 x 页 / 共 y 页" on every page.

export interface ReportPdfOptions {
  language?: DocumentLanguage;
  /** Fixed for reproducible bytes. */
  createdAt?: Date;
}

const value = (v: string | number | null) => (v === null ? '—' : String(v));
const pct = (rate: number | null) => (rate === null ? '—' : `${percent(rate)}%`);

export async function renderCampaignReportPdf(report: CampaignReport, options: ReportPdfOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'zh-CN';
  const t = documentText(language);
  const title = `${t('report.title')} · ${report.campaign.name}`;
  const doc = createPdf({ title, language, createdAt: options.createdAt });
  const flow = new Flow(doc, runningHeader(title));
  doc.addPage();
  flow.y = MARGIN.top - 14;
  style(doc, { bold: true, size: 18 });
  doc.text(t('report.title'), MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 28;
  style(doc, { size: 10.5, colour: INK.muted });
  doc.text(`${report.campaign.name} · ${codeLabel(t, 'campaign.type', report.campaign.type)} · ${codeLabel(t, 'campaign.status', report.campaign.status)}`, MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 20;
  flow.paragraph(t('report.period', { from: report.campaign.startsOn, to: report.campaign.endsOn, days: report.campaign.days }), { size: 9.5 });
  flow.paragraph(t('report.scope', { districts: report.districtCodes.map(districtName).join('、') }), { size: 9.5 });
  flow.paragraph(t('report.generatedAt', { at: report.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC' }), { size: 8.5, colour: INK.muted, gap: 8 });

  flow.heading(t('report.section.overview'));
  overview(flow, t, report);
  flow.paragraph(t('report.pendingNote'), { size: 8, colour: INK.muted, gap: 8 });

  flow.heading(t('report.measure.completion'), 30 + report.districts.length * 16);
  completionBars(flow, report);

  for (const name of reportTables) writeTable(flow, t, report, name, language);
  flow.paragraph(t('report.rankingNote'), { size: 8, colour: INK.muted });
  flow.paragraph(t('report.hotNote', { compared: t(`report.compared.${report.comparedWith}`) }), { size: 8, colour: INK.muted });

  numberPages(doc, (page, pages) => t('dispatch.page', { page, pages }));
  return pdfBytes(doc);
}

/** The key figures of the whole report as label–value pairs, four to a row. */
function overview(flow: Flow, t: DocumentText, report: CampaignReport): void {
  const r = report.totals;
  const done = r.done.confirmed + r.done.pending;
  const hotAfter = r.hotCells.after;
  const pairs: [string, string][] = [
    [t('report.measure.planned'), value(r.planned.stops)],
    [t('report.measure.done'), `${done}（${t('report.measure.pending')} ${r.done.pending}）`],
    [t('report.measure.completion'), pct(r.completion)],
    [t('report.measure.confirmationShare'), pct(r.confirmationShare)],
    [t('report.measure.priority'), `${pct(r.priority.rate)}（${r.priority.covered}/${r.priority.targets}）`],
    [t('report.measure.tierD'), `${pct(r.tierD.rate)}（${r.tierD.covered}/${r.tierD.targets}）`],
    [t('report.measure.cases'), value(r.cases.confirmed + r.cases.pending)],
    [t('report.measure.closures'), value(r.closures.confirmed + r.closures.pending)],
    [t('report.measure.conversion'), `${pct(r.clueConversion.rate)}（${r.clueConversion.becameCases}/${r.clueConversion.verified}）`],
    [t('report.measure.repeatOffenders'), value(r.repeatOffenders)],
    [t('report.measure.officerTrips'), value(r.officerTrips)],
    [t('report.measure.teamShifts'), value(r.teamShiftsWorked)],
    [t('report.measure.hot95'), `${r.hotCells.before.at95} → ${r.hotCells.during.at95} → ${hotAfter ? hotAfter.at95 : '—'}`],
    [t('report.measure.hot99'), `${r.hotCells.before.at99} → ${r.hotCells.during.at99} → ${hotAfter ? hotAfter.at99 : '—'}`],
    [t('report.measure.cooled'), value(r.hotCells.cooled)],
    [t('report.measure.warmed'), value(r.hotCells.warmed)],
  ];
  const rows: [string, string][][] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(pairs.slice(i, i + 2));
  const label = 110;
  const half = CONTENT_WIDTH / 2;
  table(
    flow,
    [
      { header: '', width: label, cell: (row) => [{ text: row[0][0], bold: true, size: 8.5 }] },
      { header: '', width: half - label, cell: (row) => [{ text: row[0][1], size: 9 }] },
      { header: '', width: label, cell: (row) => [{ text: row[1]?.[0] ?? '', bold: true, size: 8.5 }] },
      { header: '', width: half - label, cell: (row) => [{ text: row[1]?.[1] ?? '', size: 9 }] },
    ],
    rows,
    { header: false },
  );
}

/** Completion per district as horizontal bars, the confirmed part dark, the 待确认 part light. */
function completionBars(flow: Flow, report: CampaignReport): void {
  const doc: Pdf = flow.doc;
  const labelWidth = 70;
  const barWidth = CONTENT_WIDTH - labelWidth - 60;
  for (const d of report.districts) {
    flow.ensure(16);
    const y = flow.y;
    style(doc, { size: 8.5 });
    doc.text(districtName(d.districtCode), MARGIN.left, y + 1, { width: labelWidth, lineBreak: false });
    const x = MARGIN.left + labelWidth;
    doc.rect(x, y, barWidth, 10).lineWidth(0.5).strokeColor(INK.rule).stroke();
    if (d.planned.stops > 0) {
      const confirmed = Math.min(1, d.done.confirmed / d.planned.stops);
      const pending = Math.min(1 - confirmed, d.done.pending / d.planned.stops);
      if (confirmed > 0) doc.rect(x, y, barWidth * confirmed, 10).fill('#2f6f9f');
      if (pending > 0) doc.rect(x + barWidth * confirmed, y, barWidth * pending, 10).fill('#a9c7de');
    }
    style(doc, { size: 8.5 });
    doc.text(pct(d.completion), x + barWidth + 6, y + 1, { width: 54, lineBreak: false });
    flow.y += 16;
  }
  flow.y += 4;
}

function writeTable(flow: Flow, t: DocumentText, report: CampaignReport, name: ReportTable, language: DocumentLanguage): void {
  const data = reportTableData(report, name, language);
  flow.heading(t(data.title));
  if (data.rows.length === 0) {
    flow.paragraph(t('report.none'), { size: 9, colour: INK.muted });
    return;
  }
  // The districts table is wide: its numbers go in narrow columns, its first column keeps the name.
  const n = data.headers.length;
  const first = name === 'districts' ? 52 : Math.min(120, CONTENT_WIDTH / n);
  const rest = (CONTENT_WIDTH - first) / (n - 1);
  const size = n > 10 ? 6.5 : 8.5;
  const columns: Column<(string | number | null)[]>[] = data.headers.map((keys, i) => ({
    header: headerText(t, keys, language),
    width: i === 0 ? first : rest,
    align: i === 0 ? 'left' : 'center',
    cell: (row) => [{ text: value(row[i]), size }],
  }));
  if (n > 10) columns.forEach((c) => (c.header = c.header.replace(/（/g, '\n（')));
  table(flow, columns, data.rows);
}
