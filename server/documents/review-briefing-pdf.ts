import { rankingPartKeys } from '../analytics/review/vocabulary.js';
import type { ReviewKpis } from '../contract/review.js';
import { changeRatio } from '../domain/period-change.js';
import { A4, CONTENT_WIDTH, createPdf, Flow, INK, MARGIN, numberPages, pdfBytes, runningHeader, style, table } from './pdf-page.js';
import type { BriefingHotCell, ReviewBriefingData } from './review-briefing-data.js';
import { drawLineChart } from './review-briefing-chart.js';
import { drawBriefingMap } from './review-briefing-map.js';
import { documentText, type DocumentLanguage, type DocumentText, type MessageKey } from './text.js';

// The district review's briefing (研判简报) on paper, A4 portrait: the unit and its periods, the data's source, the key
// figures against the period compared, a map of the view by Gi* class, the league table, the ten hottest cells with
// their space-time pattern, and the trends as line charts; "第 x 页 / 共 y 页" on every page.

export interface BriefingPdfOptions {
  language?: DocumentLanguage;
  /** Fixed for reproducible bytes. */
  createdAt?: Date;
}

const KPI_ROWS: { key: keyof ReviewKpis; rate?: boolean }[] = [
  { key: 'received' },
  { key: 'closed' },
  { key: 'closedOnTime' },
  { key: 'openOverdue' },
  { key: 'closureRate', rate: true },
  { key: 'onTimeRate', rate: true },
  { key: 'institutionsNamed' },
  { key: 'repeatOffenders' },
  { key: 'inspections' },
  { key: 'violationsFound' },
];

const pct = (rate: number | null | undefined, digits = 1) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`);
const signed = (n: number, digits: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

/** A count's change as the KPI cards say it (no percentage on a base below 20); a rate's in percentage points. */
export function kpiChange(current: number | null, base: number | null, rate: boolean, language: DocumentLanguage): string {
  if (current === null || base === null) return '—';
  if (rate) return `${signed((current - base) * 100, 1)} ${language === 'zh-CN' ? '个百分点' : 'pp'}`;
  const ratio = changeRatio(current, base);
  return ratio === null ? '—' : `${signed(ratio * 100, 1)}%`;
}

const ACCENT = '#0b5cad';

export async function renderReviewBriefingPdf(data: ReviewBriefingData, options: BriefingPdfOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'zh-CN';
  const t = documentText(language);
  const unitName = data.breadcrumb.map((u) => u.name).join(' › ');
  const title = `${t('briefing.title')} · ${data.unit.name}`;
  const doc = createPdf({ title, language, createdAt: options.createdAt });
  const flow = new Flow(doc, runningHeader(`${title} · ${data.period.from} — ${data.period.to}`));
  doc.addPage();
  flow.y = MARGIN.top - 20;
  style(doc, { bold: true, size: 20 });
  doc.text(t('briefing.title'), MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 30;
  style(doc, { bold: true, size: 12, colour: ACCENT });
  doc.text(unitName, MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 20;
  style(doc, { size: 9.5 });
  const periods = [t('briefing.period', data.period), data.compare ? t('briefing.compare', data.compare) : t('briefing.noCompare')].join('　　');
  doc.text(periods, MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 16;
  const source = [t('briefing.source'), t('briefing.generatedAt', { at: `${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC` })].join('　');
  style(doc, { size: 8, colour: INK.muted });
  doc.text(source, MARGIN.left, flow.y, { width: CONTENT_WIDTH, align: 'center' });
  flow.y += 14;
  if (data.synthetic) syntheticNotice(flow, t);

  flow.heading(t('briefing.section.kpis'), 120);
  kpiTable(flow, t, data, language);

  flow.heading(t('briefing.section.map'), 300);
  const mapHeight = Math.min(330, Math.max(200, A4.height - MARGIN.bottom - flow.y - 24));
  drawBriefingMap(doc, t, data.map, { x: MARGIN.left, y: flow.y, width: CONTENT_WIDTH, height: mapHeight });
  flow.y += mapHeight + 4;
  const [w, s, e, n] = data.map.frame.map((v) => v.toFixed(4));
  flow.paragraph(t('briefing.mapNote', { w, s, e, n }), { size: 7.5, colour: INK.muted, gap: 6 });

  flow.heading(t('briefing.section.ranking'), 100);
  rankingTable(flow, t, data);
  flow.paragraph(t('briefing.rankingNote', { version: data.ranking.weightsVersion }), { size: 7.5, colour: INK.muted, gap: 6 });

  flow.heading(t('briefing.section.hotCells'), 80);
  hotCellTable(flow, t, data.hotCells);
  const stepWord = data.emergingStep ? t(`briefing.step.${data.emergingStep}`) : '';
  flow.paragraph(data.emergingStep ? t('briefing.hotNote', { scope: data.hotspotScope, step: stepWord }) : t('briefing.hotNoteNoEmerging', { scope: data.hotspotScope }), {
    size: 7.5,
    colour: INK.muted,
    gap: 6,
  });

  flow.heading(t('briefing.section.trend'), 300);
  trendCharts(flow, t, data);

  numberPages(doc, (page, pages) => t('dispatch.page', { page, pages }));
  return pdfBytes(doc);
}

function syntheticNotice(flow: Flow, t: DocumentText): void {
  const { doc } = flow;
  const text = t('briefing.synthetic');
  style(doc, { size: 8.5, colour: '#8a4b00' });
  const height = doc.heightOfString(text, { width: CONTENT_WIDTH - 16 }) + 8;
  doc.rect(MARGIN.left, flow.y, CONTENT_WIDTH, height).fillAndStroke('#fff6e5', '#e0b062');
  style(doc, { size: 8.5, colour: '#8a4b00' }).text(text, MARGIN.left + 8, flow.y + 4, { width: CONTENT_WIDTH - 16, align: 'center' });
  flow.y += height + 6;
}

type KpiRow = { label: string; current: string; base: string; change: string };

function kpiTable(flow: Flow, t: DocumentText, data: ReviewBriefingData, language: DocumentLanguage): void {
  const rows: KpiRow[] = KPI_ROWS.map(({ key, rate }) => {
    const current = data.kpis[key];
    const base = data.compareKpis ? data.compareKpis[key] : null;
    const show = (v: number | null) => (rate ? pct(v) : v === null ? '—' : String(v));
    return { label: t(`briefing.kpi.${key}` as MessageKey), current: show(current), base: data.compareKpis ? show(base) : '—', change: kpiChange(current, base, !!rate, language) };
  });
  // Two KPI tables side by side would not wrap: one table of two halves instead, five measures each.
  const pairs: [KpiRow, KpiRow | undefined][] = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push([rows[i], rows[i + 1]]);
  const label = 72;
  const change = 70;
  const num = (CONTENT_WIDTH / 2 - label - change) / 2;
  const half = (side: 0 | 1) => [
    { header: t('briefing.col.measure'), width: label, cell: (p: (typeof pairs)[number]) => [{ text: p[side]?.label ?? '', bold: true, size: 8.5 }] },
    { header: t('briefing.col.period'), width: num, align: 'center' as const, cell: (p: (typeof pairs)[number]) => [{ text: p[side]?.current ?? '', size: 9 }] },
    { header: t('briefing.col.compare'), width: num, align: 'center' as const, cell: (p: (typeof pairs)[number]) => [{ text: p[side]?.base ?? '', size: 9, colour: INK.muted }] },
    { header: t('briefing.col.change'), width: change, align: 'center' as const, cell: (p: (typeof pairs)[number]) => [{ text: p[side]?.change ?? '', size: 8.5 }] },
  ];
  table(flow, [...half(0), ...half(1)], pairs);
}

function rankingTable(flow: Flow, t: DocumentText, data: ReviewBriefingData): void {
  const part = (row: ReviewBriefingData['ranking']['rows'][number], key: (typeof rankingPartKeys)[number]) => {
    const p = row.parts[key];
    if (p.value === null) return '—';
    const value = key === 'cluesPer10k' ? p.value.toFixed(2) : pct(p.value);
    return `${value}（${p.points === null ? '—' : p.points.toFixed(1)}）`;
  };
  const fixed = 30 + 52 + 40;
  const partWidth = (CONTENT_WIDTH - fixed) / rankingPartKeys.length;
  const mine = (row: { districtCode: string }) => row.districtCode === data.ranking.highlight;
  table(
    flow,
    [
      { header: t('briefing.col.rank'), width: 30, align: 'center', cell: (r) => [{ text: String(r.rank), size: 8.5, bold: mine(r) }] },
      { header: t('briefing.col.district'), width: 52, cell: (r) => [{ text: r.name, size: 8.5, bold: mine(r), colour: mine(r) ? ACCENT : undefined }] },
      { header: t('briefing.col.score'), width: 40, align: 'center', cell: (r) => [{ text: r.score === null ? '—' : r.score.toFixed(1), size: 8.5, bold: true }] },
      ...rankingPartKeys.map((key) => ({
        header: t(`briefing.part.${key}` as MessageKey),
        width: partWidth,
        align: 'center' as const,
        cell: (r: ReviewBriefingData['ranking']['rows'][number]) => [{ text: part(r, key), size: 7.5 }],
      })),
    ],
    data.ranking.rows,
  );
}

const BIN_KEYS: Record<string, MessageKey> = {
  '3': 'hotspot.hot99',
  '2': 'hotspot.hot95',
  '1': 'hotspot.hot90',
  '0': 'hotspot.notSignificant',
  '-1': 'hotspot.cold90',
  '-2': 'hotspot.cold95',
  '-3': 'hotspot.cold99',
};

function hotCellTable(flow: Flow, t: DocumentText, cells: BriefingHotCell[]): void {
  if (cells.length === 0) {
    flow.paragraph(t('briefing.noHotCells'), { size: 9, colour: INK.muted });
    return;
  }
  table(
    flow,
    [
      { header: t('briefing.col.cell'), width: 96, cell: (c) => [{ text: c.code, size: 8, bold: true }, { text: `#${c.id}`, size: 6.5, colour: INK.muted }] },
      { header: t('briefing.col.street'), width: 70, cell: (c) => [{ text: c.streetName, size: 8 }] },
      { header: t('briefing.col.giClass'), width: 80, cell: (c) => [{ text: t(BIN_KEYS[String(c.bin)] ?? 'hotspot.notSignificant'), size: 8 }, { text: `z = ${c.z.toFixed(2)}`, size: 6.5, colour: INK.muted }] },
      {
        header: t('briefing.col.emerging'),
        width: CONTENT_WIDTH - 96 - 70 - 80 - 44,
        cell: (c) => [{ text: c.category ? t(`briefing.emerging.${c.category}` as MessageKey) : t('briefing.emerging.none'), size: 7.5 }],
      },
      { header: t('briefing.col.clues'), width: 44, align: 'center', cell: (c) => [{ text: String(c.clues), size: 8.5 }] },
    ],
    cells,
  );
}

function trendCharts(flow: Flow, t: DocumentText, data: ReviewBriefingData): void {
  const { trend } = data;
  const height = 140;
  const step = t(`briefing.step.${trend.step}`);
  flow.ensure(2 * height + 16);
  drawLineChart(
    flow.doc,
    {
      title: t('briefing.trend.counts', { step }),
      steps: trend.steps,
      integer: true,
      tick: (v) => String(v),
      series: [
        { label: t('briefing.trend.received'), colour: ACCENT, values: trend.received },
        { label: t('briefing.trend.closed'), colour: '#2e8b57', values: trend.closed },
      ],
    },
    { x: MARGIN.left, y: flow.y, width: CONTENT_WIDTH, height },
  );
  flow.y += height + 14;
  drawLineChart(
    flow.doc,
    {
      title: t('briefing.trend.rate'),
      steps: trend.steps,
      max: 1,
      tick: (v) => `${Math.round(v * 100)}`,
      series: [{ label: t('briefing.trend.closureRate'), colour: '#c0392b', values: trend.closureRate }],
    },
    { x: MARGIN.left, y: flow.y, width: CONTENT_WIDTH, height },
  );
  flow.y += height + 6;
}
