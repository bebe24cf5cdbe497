import type { CampaignReport, DistrictReport, ReportTable, Split } from '../contract/campaign-report.js';
import { checkItems } from '../domain/campaign.js';
import type { CsvValue } from '../domain/csv.js';
import { shanghaiDistrict } from '../domain/districts.js';
import { checkInResults, violationKinds } from '../domain/vocabulary.js';
import { codeLabel, documentText, type DocumentLanguage, type DocumentText, type MessageKey } from './text.js';

// The tables of the after-action report, one definition for the CSV files and the PDF: a header of message keys
// (a measure and, in brackets, what of it) and the rows as values. Rates are per cent with one decimal.

/** A column's name: a measure, and what of it (已检查（已确认）). */
export type HeaderKeys = readonly [MessageKey, ...MessageKey[]];

export interface ReportTableData {
  title: MessageKey;
  headers: HeaderKeys[];
  rows: CsvValue[][];
}

export const headerText = (t: DocumentText, keys: HeaderKeys, language: DocumentLanguage): string => {
  const [first, ...rest] = keys.map((k) => t(k));
  if (rest.length === 0) return first;
  return language === 'zh-CN' ? `${first}（${rest.join('，')}）` : `${first} (${rest.join(', ')})`;
};

export const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);
export const districtName = (code: string): string => shanghaiDistrict(code)?.name ?? code;

type Row = Omit<DistrictReport, 'districtCode'> & { districtCode?: string };

/** The districts and, last, their total (合计) when there are several. */
function withTotal(report: CampaignReport, t: DocumentText): { label: string; row: Row }[] {
  const rows = report.districts.map((d) => ({ label: districtName(d.districtCode), row: d }));
  return report.districts.length > 1 ? [...rows, { label: t('report.total'), row: report.totals }] : rows;
}

const both = (s: Split) => [s.confirmed, s.pending];

export function reportTableData(report: CampaignReport, table: ReportTable, language: DocumentLanguage = 'zh-CN'): ReportTableData {
  const t = documentText(language);
  const C: MessageKey = 'report.measure.confirmed';
  const P: MessageKey = 'report.measure.pending';
  switch (table) {
    case 'districts':
      return {
        title: 'report.section.districts',
        headers: [
          ['report.col.district'],
          ['report.measure.planned'],
          ['report.measure.done', C],
          ['report.measure.done', P],
          ['report.measure.unplanned'],
          ['report.measure.completion'],
          ['report.measure.confirmationShare'],
          ['report.measure.priority'],
          ['report.measure.tierD'],
          ['report.measure.cases', C],
          ['report.measure.cases', P],
          ['report.measure.closures', C],
          ['report.measure.closures', P],
          ['report.measure.conversion'],
          ['report.measure.repeatOffenders'],
          ['report.measure.teamShifts'],
          ['report.measure.officerTrips'],
        ],
        rows: withTotal(report, t).map(({ label, row }) => [
          label,
          row.planned.stops,
          ...both(row.done),
          row.unplanned,
          percent(row.completion),
          percent(row.confirmationShare),
          row.priority.targets === 0 ? null : `${row.priority.covered}/${row.priority.targets}`,
          row.tierD.targets === 0 ? null : `${row.tierD.covered}/${row.tierD.targets}`,
          ...both(row.cases),
          ...both(row.closures),
          row.clueConversion.verified === 0 ? null : `${row.clueConversion.becameCases}/${row.clueConversion.verified}`,
          row.repeatOffenders,
          row.teamShiftsWorked,
          row.officerTrips,
        ]),
      };
    case 'results':
      return {
        title: 'report.section.results',
        headers: [['report.col.district'], ['report.col.result'], [C], [P]],
        rows: withTotal(report, t).flatMap(({ label, row }) => checkInResults.map((r) => [label, codeLabel(t, 'checkInResult', r), ...both(row.results[r])])),
      };
    case 'findings':
      return {
        title: 'report.section.findings',
        headers: [['report.col.district'], ['report.col.item'], [C], [P]],
        rows: withTotal(report, t).flatMap(({ label, row }) => checkItems.map((k) => [label, codeLabel(t, 'campaign.check', k), ...both(row.findings[k])])),
      };
    case 'violations':
      return {
        title: 'report.section.violations',
        headers: [['report.col.district'], ['report.col.kind'], ['report.col.count']],
        rows: withTotal(report, t).flatMap(({ label, row }) => violationKinds.map((k) => [label, codeLabel(t, 'violation', k), row.violations[k]])),
      };
    case 'ranking':
      return {
        title: 'report.section.ranking',
        headers: [['report.measure.rank'], ['report.col.district'], ['report.measure.score'], ['report.measure.completion'], ['report.measure.priority'], ['report.measure.confirmationShare']],
        rows: report.ranking.map((r) => [
          r.rank,
          districtName(r.districtCode),
          r.score === null ? null : Math.round(r.score * 10) / 10,
          percent(r.completion),
          percent(r.priorityCoverage),
          percent(r.confirmationShare),
        ]),
      };
    case 'hot-cells':
      return {
        title: 'report.section.hotCells',
        headers: [['report.col.district'], ['report.col.cell'], ['report.col.before'], ['report.col.during'], ['report.col.after'], ['report.col.change']],
        rows: report.hotCells.map((c) => [
          districtName(c.districtCode),
          c.code,
          `${c.before} (${c.clues.before})`,
          `${c.during} (${c.clues.during})`,
          c.after === null ? null : `${c.after} (${c.clues.after})`,
          t(c.cooled ? 'report.change.cooled' : c.warmed ? 'report.change.warmed' : 'report.change.same'),
        ]),
      };
    case 'repeat-offenders':
      return {
        title: 'report.section.repeat',
        headers: [['report.col.district'], ['report.col.name'], ['report.col.creditCode'], ['report.col.reasons'], ['report.col.results'], ['report.col.priorViolations']],
        rows: report.repeatOffenders.map((o) => [
          districtName(o.districtCode),
          o.name,
          o.creditCode,
          o.reasons.map((r) => codeLabel(t, 'report.repeat', r)).join('；'),
          o.results.map((r) => codeLabel(t, 'checkInResult', r)).join('、'),
          o.priorViolations,
        ]),
      };
    case 'list-suggestions':
      return {
        title: 'report.section.suggestions',
        headers: [['report.col.district'], ['report.col.name'], ['report.col.creditCode'], ['report.col.current'], ['report.col.suggested'], ['report.col.reasons']],
        rows: report.listSuggestions.map((s) => [districtName(s.districtCode), s.name, s.creditCode, codeLabel(t, 'list', s.current), codeLabel(t, 'list', s.suggested), s.reasons.join('；')]),
      };
  }
}
