import { sheetFields, shiftText, stopNote } from '../planning/dispatch/format.js';
import { parseDispatchSheet, parseDispatchSheets } from '../planning/dispatch/validate.js';
import type { DispatchMember, DispatchSheet, DispatchStop } from '../planning/dispatch/schema.js';
import { drawRouteMap } from './route-map-pdf.js';
import { CONTENT_BOTTOM, CONTENT_WIDTH, createPdf, Flow, INK, MARGIN, numberPages, pdfBytes, runningHeader, style, table, textAt, type Column, type Pdf } from './pdf-page.js';
import { codeLabel, documentText, type DocumentLanguage, type DocumentText } from './text.js';

// The dispatch sheet (派单) on paper: A4 portrait, one team on one shift — header, route map, stops, officers, the
// 十查 checklist of each stop, legal basis, signatures; "第 x 页 / 共 y 页" counted per sheet, so each team's pages
// stand alone when a document holds several sheets.

export interface DispatchPdfOptions {
  /** zh-CN unless asked otherwise. */
  language?: DocumentLanguage;
  /** The PDF's creation date; fixed, the same sheet gives the same bytes. */
  createdAt?: Date;
}

const MAP_HEIGHT = 270;

/** The PDF of one sheet. Throws DispatchInputError (naming the fields) for a sheet that cannot be printed. */
export async function renderDispatchSheetPdf(sheet: unknown, options: DispatchPdfOptions = {}): Promise<Uint8Array> {
  return render([parseDispatchSheet(sheet)], options);
}

/** Several sheets in one document, each starting on a new page with its own page count. */
export async function renderDispatchSheetsPdf(sheets: unknown, options: DispatchPdfOptions = {}): Promise<Uint8Array> {
  return render(parseDispatchSheets(sheets), options);
}

function render(sheets: DispatchSheet[], options: DispatchPdfOptions): Promise<Uint8Array> {
  const language = options.language ?? 'zh-CN';
  const t = documentText(language);
  const first = sheets[0];
  const title = sheets.length === 1 ? `${t('dispatch.title')} · ${first.campaign.name} · ${first.team.label}` : `${t('dispatch.title')} · ${first.campaign.name}`;
  const doc = createPdf({ title, language, createdAt: options.createdAt });
  for (const sheet of sheets) {
    const firstPage = doc.bufferedPageRange().count;
    writeSheet(doc, t, sheet);
    // Each sheet is numbered on its own: a team takes its own pages.
    numberPages(doc, (page, pages) => t('dispatch.page', { page, pages }), firstPage);
  }
  return pdfBytes(doc);
}

/** The line at the top of each continuation page, so a loose page still says whose it is. */
function writeSheet(doc: Pdf, t: DocumentText, sheet: DispatchSheet): void {
  const flow = new Flow(doc, runningHeader(t('dispatch.running', { campaign: sheet.campaign.name, team: sheet.team.label, date: `${sheet.date} ${shiftText(sheet)}` })));
  doc.addPage();
  flow.y = MARGIN.top - 14;
  style(doc, { bold: true, size: 18 });
  doc.text(t('dispatch.title'), MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 28;
  style(doc, { size: 10.5, colour: INK.muted });
  doc.text(`${sheet.campaign.name} · ${codeLabel(t, 'campaign.type', sheet.campaign.type)}`, MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 22;
  headerFields(flow, t, sheet);

  flow.heading(t('dispatch.map'), MAP_HEIGHT + 20);
  const map = drawRouteMap(doc, t, sheet, MARGIN.left, flow.y, CONTENT_WIDTH, MAP_HEIGHT);
  flow.y += MAP_HEIGHT + 4;
  flow.paragraph(map.path.dashed ? `${t('dispatch.mapNote')}；${t('dispatch.mapStraight')}` : t('dispatch.mapNote'), { size: 7.5, colour: INK.muted });

  flow.heading(t('dispatch.stops', { count: sheet.stops.length }));
  table(flow, stopColumns(t), sheet.stops.map((stop, i) => ({ stop, number: i + 1 })));

  flow.heading(t('dispatch.members'));
  table(flow, memberColumns(t, sheet.signature.teamLeader), sheet.members);

  flow.heading(t('dispatch.checklist'), 110);
  flow.paragraph(t('dispatch.checklistHint'), { size: 8, colour: INK.muted, gap: 6 });
  sheet.stops.forEach((stop, i) => checklist(flow, t, stop, i + 1));

  flow.heading(t('dispatch.legalBasis'));
  sheet.legalBasis.forEach((line, i) => flow.paragraph(`${i + 1}. ${line}`, { size: 9, gap: 2 }));
  flow.y += 4;

  signatures(flow, t, sheet);
}

function headerFields(flow: Flow, t: DocumentText, sheet: DispatchSheet): void {
  const pairs = sheetFields(sheet, (type) => codeLabel(t, 'campaign.type', type)).map(([label, value]) => [t(label), value]);
  const half = CONTENT_WIDTH / 2;
  const labelWidth = 100;
  const rows: { label: string; value: string }[][] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(pairs.slice(i, i + 2).map(([label, value]) => ({ label, value })));
  table(
    flow,
    [
      { header: '', width: labelWidth, cell: (r) => [{ text: r[0].label, bold: true, size: 8.5 }] },
      { header: '', width: half - labelWidth, cell: (r) => [{ text: r[0].value, size: 9 }] },
      { header: '', width: labelWidth, cell: (r) => [{ text: r[1]?.label ?? '', bold: true, size: 8.5 }] },
      { header: '', width: half - labelWidth, cell: (r) => [{ text: r[1]?.value ?? '', size: 9 }] },
    ],
    rows,
    { header: false },
  );
}

function stopColumns(t: DocumentText): Column<{ stop: DispatchStop; number: number }>[] {
  return [
    { header: t('dispatch.col.no'), width: 30, align: 'center', cell: (r) => [{ text: String(r.number), bold: true }] },
    { header: t('dispatch.col.eta'), width: 50, align: 'center', cell: (r) => [{ text: r.stop.eta }] },
    { header: t('dispatch.col.departure'), width: 42, align: 'center', cell: (r) => [{ text: r.stop.departure }] },
    {
      header: t('dispatch.col.object'),
      width: 150,
      cell: ({ stop }) => [
        { text: stop.name, bold: true, size: 9 },
        { text: t(stopNote(stop).key, stopNote(stop).params), size: 7.5, colour: INK.muted },
      ],
    },
    { header: t('dispatch.col.address'), width: CONTENT_WIDTH - 30 - 50 - 42 - 150 - 68, cell: (r) => [{ text: r.stop.address, size: 9 }] },
    { header: t('dispatch.col.reason'), width: 68, cell: (r) => [{ text: codeLabel(t, 'stopReason', r.stop.reason), size: 9 }] },
  ];
}

function memberColumns(t: DocumentText, leader: string): Column<DispatchMember>[] {
  return [
    { header: t('dispatch.col.name'), width: 90, cell: (m) => [{ text: m.name, bold: true }] },
    { header: t('dispatch.col.department'), width: CONTENT_WIDTH - 90 - 150 - 70, cell: (m) => [{ text: m.department }] },
    { header: t('dispatch.col.certificate'), width: 150, cell: (m) => [{ text: m.certificateNo }] },
    { header: t('dispatch.col.role'), width: 70, align: 'center', cell: (m) => [{ text: m.name === leader ? t('dispatch.leader') : t('dispatch.member') }] },
  ];
}

const BOX = 7.5;

/** One stop's 十查 items as tick boxes in two columns, and lines for remarks; kept on one page. */
function checklist(flow: Flow, t: DocumentText, stop: DispatchStop, number: number): void {
  const { doc } = flow;
  const columnWidth = CONTENT_WIDTH / 2;
  const itemText = (check: string) => `${codeLabel(t, 'campaign.check', check)}：${codeLabel(t, 'campaign.checkHint', check)}`;
  style(doc, { size: 8.5 });
  const itemHeights = stop.checks.map((check) => doc.heightOfString(itemText(check), { width: columnWidth - BOX - 12 }) + 3);
  const rowHeights: number[] = [];
  for (let i = 0; i < itemHeights.length; i += 2) rowHeights.push(Math.max(itemHeights[i], itemHeights[i + 1] ?? 0));
  const title = `${number}. ${stop.name}（${stop.eta}–${stop.departure}）`;
  const height = 16 + rowHeights.reduce((a, b) => a + b, 0) + 22;
  flow.ensure(height);
  const top = flow.y;
  style(doc, { bold: true, size: 9.5 });
  doc.text(title, MARGIN.left, flow.y, { width: CONTENT_WIDTH });
  flow.y += 16;
  rowHeights.forEach((rowHeight, row) => {
    for (let col = 0; col < 2; col++) {
      const check = stop.checks[row * 2 + col];
      if (!check) continue;
      const x = MARGIN.left + col * columnWidth + 4;
      doc.rect(x, flow.y + 1.5, BOX, BOX).lineWidth(0.8).strokeColor(INK.text).stroke();
      style(doc, { size: 8.5 });
      doc.text(itemText(check), x + BOX + 6, flow.y, { width: columnWidth - BOX - 12 });
    }
    flow.y += rowHeight;
  });
  style(doc, { size: 8.5, colour: INK.muted });
  doc.text(`${t('dispatch.remarks')}：`, MARGIN.left + 4, flow.y + 4, { lineBreak: false });
  doc.moveTo(MARGIN.left + 40, flow.y + 15).lineTo(MARGIN.left + CONTENT_WIDTH - 4, flow.y + 15).lineWidth(0.5).strokeColor(INK.rule).stroke();
  flow.y = top + height;
  doc.moveTo(MARGIN.left, flow.y - 2).lineTo(MARGIN.left + CONTENT_WIDTH, flow.y - 2).lineWidth(0.3).strokeColor(INK.rule).stroke();
  flow.y += 4;
}

/** The leader's and each member's line to sign, with the printed name below and a date line; kept together. */
function signatures(flow: Flow, t: DocumentText, sheet: DispatchSheet): void {
  const { doc } = flow;
  const signers = [{ label: t('dispatch.signLeader'), name: sheet.signature.teamLeader }, ...sheet.signature.members.map((name) => ({ label: t('dispatch.signMember'), name }))];
  const rowHeight = 34;
  const height = 26 + signers.length * rowHeight;
  if (flow.y + height > CONTENT_BOTTOM) flow.newPage();
  flow.heading(t('dispatch.signature'), height);
  const date = sheet.signature.date ?? '';
  for (const signer of signers) {
    const y = flow.y + 14;
    style(doc, { size: 9 });
    doc.text(`${signer.label}：`, MARGIN.left, y - 10, { lineBreak: false });
    const lineX = MARGIN.left + 120;
    doc.moveTo(lineX, y + 2).lineTo(lineX + 170, y + 2).lineWidth(0.6).strokeColor(INK.text).stroke();
    textAt(doc, signer.name, lineX, y + 5, { size: 7.5, colour: INK.muted });
    const dateX = lineX + 200;
    style(doc, { size: 9 });
    doc.text(`${t('dispatch.signDate')}：`, dateX, y - 10, { lineBreak: false });
    doc.moveTo(dateX + 36, y + 2).lineTo(MARGIN.left + CONTENT_WIDTH, y + 2).lineWidth(0.6).strokeColor(INK.text).stroke();
    if (date) textAt(doc, date, dateX + 40, y - 10, { size: 9 });
    flow.y += rowHeight;
  }
}
