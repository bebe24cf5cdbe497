import { useCallback, useMemo, useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { CampaignReport, DistrictReport, Split } from '../../server/contract/campaign-report.js';
import { reportTables } from '../../server/contract/campaign-report.js';
import { checkItems } from '../../server/domain/campaign.js';
import { shanghaiDistrict } from '../../server/domain/districts.js';
import { checkInResults, violationKinds } from '../../server/domain/vocabulary.js';
import { downloadFile } from '../api/campaign-plans.js';
import { publicResultsPagePath, publishResults, reportCsvPath, reportPdfPath, useCampaignReport, usePublicResults } from '../api/campaign-report.js';
import { ApiError } from '../api/errors.js';
import { PrintPageNumbers } from '../dispatch/PrintPageNumbers.js';
import { translateCode, useI18n, type Language, type MessageKey, type Translate } from '../i18n/index.js';
import { errorText } from '../i18n/errors.js';
import { TopBar } from '../panels/TopBar.js';
import { Chart, type ChartOption } from './Chart.js';
import '../dispatch/dispatch.css';
import './report.css';

// The after-action report (总结) of a campaign on screen and on A4 paper: key figures, charts where a reader would
// rather look than read (completion, results, hot cells), the tables, and the files (PDF, a CSV per table). A planner
// or an administrator publishes the 一公开 list of a closed campaign here.

export interface ReportPageProps {
  user: Me;
  campaignId: number;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
}

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const sum = (s: Split) => s.confirmed + s.pending;
const COLOURS = { confirmed: '#2f6f9f', pending: '#a9c7de', before: '#c0504d', during: '#e59c3a', after: '#5b9b5b' };

export function ReportPage({ user, campaignId, onLanguage, onLogout }: ReportPageProps) {
  const { t, language } = useI18n();
  const [revision, setRevision] = useState(0);
  const report = useCampaignReport(campaignId, revision);
  const districtLabel = useCallback(
    (code: string) => {
      const d = shanghaiDistrict(code);
      return d ? (language === 'zh-CN' ? d.name : d.nameEn) : code;
    },
    [language],
  );
  const download = (path: string, name: string) => void downloadFile(path, name);
  return (
    <div className="dispatch-page report-page" data-testid="report-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <div className="dispatch-view report-view">
        <div className="dispatch-toolbar report-toolbar" role="toolbar" aria-label={t('report.title')}>
          <a className="button button--ghost" href={`?page=campaigns${language === 'en' ? '&lang=en' : ''}`} data-testid="report-back">
            ← {t('report.back')}
          </a>
          <h1 className="dispatch-toolbar__title">{t('report.title')}</h1>
          <button type="button" className="button" onClick={() => window.print()} data-testid="report-print">
            {t('report.print')}
          </button>
          <button type="button" className="button button--accent" onClick={() => download(reportPdfPath(campaignId), `campaign${campaignId}_report.pdf`)} data-testid="report-pdf">
            {t('report.pdf')}
          </button>
          <details className="report-csv">
            <summary className="button">{t('report.csv')}</summary>
            <ul>
              {reportTables.map((table) => (
                <li key={table}>
                  <a href={reportCsvPath(campaignId, table)} download data-testid={`report-csv-${table}`}>
                    {table}.csv
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </div>
        {!report.data && (
          <p className={`state-line${report.error ? ' state-line--error' : ''}`} role={report.error ? 'alert' : 'status'} data-testid="report-state">
            {report.error ? (report.error.status === 404 ? t('report.notPlanned') : errorText({ t, language }, report.error)) : t('state.loading')}
          </p>
        )}
        {report.data && (
          <>
            <PrintPageNumbers template={t('dispatch.page')} />
            <ReportSheet report={report.data} t={t} district={districtLabel} />
            {(user.role === 'planner' || user.role === 'admin') && <PublicationPanel campaignId={campaignId} status={report.data.campaign.status} onPublished={() => setRevision((r) => r + 1)} />}
          </>
        )}
      </div>
    </div>
  );
}

function ReportSheet({ report, t, district }: { report: CampaignReport; t: Translate; district: (code: string) => string }) {
  const r = report.totals;
  const charts = useMemo(() => chartOptions(report, t, report.districts.map((d) => district(d.districtCode))), [report, t, district]);
  const kpis: [MessageKey, string, string?][] = [
    ['report.measure.completion', pct(r.completion), `${sum(r.done)} / ${r.planned.stops}`],
    ['report.measure.confirmationShare', pct(r.confirmationShare), `${t('report.measure.pending')} ${r.done.pending}`],
    ['report.measure.priority', pct(r.priority.rate), `${r.priority.covered} / ${r.priority.targets}`],
    ['report.measure.tierD', pct(r.tierD.rate), `${r.tierD.covered} / ${r.tierD.targets}`],
    ['report.measure.cases', String(sum(r.cases)), `${t('report.measure.pending')} ${r.cases.pending}`],
    ['report.measure.closures', String(sum(r.closures)), `${t('report.measure.pending')} ${r.closures.pending}`],
    ['report.measure.conversion', pct(r.clueConversion.rate), t('report.measure.conversionDetail', { verified: r.clueConversion.verified, cases: r.clueConversion.becameCases })],
    ['report.measure.repeatOffenders', String(r.repeatOffenders)],
    ['report.measure.officerTrips', String(r.officerTrips), `${t('report.measure.teamShifts')} ${r.teamShiftsWorked}`],
    ['report.measure.cooled', String(r.hotCells.cooled), `${t('report.measure.warmed')} ${r.hotCells.warmed}`],
  ];
  const rowsWithTotal: [string, Omit<DistrictReport, 'districtCode'>][] = [
    ...report.districts.map((d): [string, DistrictReport] => [district(d.districtCode), d]),
    ...(report.districts.length > 1 ? [[t('report.total'), r] as [string, Omit<DistrictReport, 'districtCode'>]] : []),
  ];
  return (
    <article className="dispatch-sheet report-sheet" aria-labelledby="report-title" data-testid="report-sheet">
      <header className="dispatch-sheet__head">
        <h2 className="dispatch-sheet__title" id="report-title">
          {t('report.title')}
        </h2>
        <p className="dispatch-sheet__subtitle">
          {report.campaign.name} · {translateCode(t, 'campaign.type', report.campaign.type)} · {translateCode(t, 'campaign.status', report.campaign.status)}
        </p>
        <p className="report-meta">
          {t('report.period', { from: report.campaign.startsOn, to: report.campaign.endsOn, days: report.campaign.days })} · {t('report.scope', { districts: report.districtCodes.map(district).join('、') })}
        </p>
      </header>

      <section className="report-section">
        <h3>{t('report.section.overview')}</h3>
        <div className="report-kpis" data-testid="report-kpis">
          {kpis.map(([key, value, detail]) => (
            <div key={key} className="report-kpi">
              <div className="report-kpi__value">{value}</div>
              <div className="report-kpi__label">{t(key)}</div>
              {detail && <div className="report-kpi__detail">{detail}</div>}
            </div>
          ))}
        </div>
        <p className="dispatch-note">{t('report.pendingNote')}</p>
      </section>

      <section className="report-section report-section--chart">
        <h3>{t('report.section.districts')}</h3>
        <Chart option={charts.completion} height={Math.max(160, 40 + report.districts.length * 34)} label={t('report.section.districts')} />
        <table className="dispatch-table report-table" data-testid="report-districts">
          <thead>
            <tr>
              {(['report.col.district', 'report.measure.planned', 'report.measure.done', 'report.measure.pending', 'report.measure.completion', 'report.measure.confirmationShare', 'report.measure.priority', 'report.measure.tierD', 'report.measure.officerTrips'] as const).map((k) => (
                <th key={k}>{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowsWithTotal.map(([name, d]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{d.planned.stops}</td>
                <td>{sum(d.done)}</td>
                <td>{d.done.pending}</td>
                <td>{pct(d.completion)}</td>
                <td>{pct(d.confirmationShare)}</td>
                <td>{pct(d.priority.rate)} ({d.priority.covered}/{d.priority.targets})</td>
                <td>{pct(d.tierD.rate)} ({d.tierD.covered}/{d.tierD.targets})</td>
                <td>{d.officerTrips}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section report-section--chart">
        <h3>{t('report.section.results')}</h3>
        <Chart option={charts.results} height={220} label={t('report.section.results')} />
      </section>

      <section className="report-section">
        <h3>{t('report.section.findings')}</h3>
        <table className="dispatch-table report-table report-table--compact">
          <thead>
            <tr>
              <th>{t('report.col.item')}</th>
              <th>{t('report.measure.confirmed')}</th>
              <th>{t('report.measure.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {checkItems.filter((k) => sum(r.findings[k]) > 0).map((k) => (
              <tr key={k}>
                <td>{translateCode(t, 'campaign.check', k)}</td>
                <td>{r.findings[k].confirmed}</td>
                <td>{r.findings[k].pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('report.section.violations')}</h3>
        <table className="dispatch-table report-table report-table--compact">
          <thead>
            <tr>
              <th>{t('report.col.kind')}</th>
              <th>{t('report.col.count')}</th>
            </tr>
          </thead>
          <tbody>
            {violationKinds.filter((k) => r.violations[k] > 0).map((k) => (
              <tr key={k}>
                <td>{translateCode(t, 'violation', k)}</td>
                <td>{r.violations[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section report-section--chart">
        <h3>{t('report.section.hotCells')}</h3>
        <Chart option={charts.hot} height={200} label={t('report.section.hotCells')} />
        <p className="dispatch-note">{t('report.hotNote', { compared: t(`report.compared.${report.comparedWith}`) })}</p>
        <table className="dispatch-table report-table report-table--compact" data-testid="report-hot-cells">
          <thead>
            <tr>
              {(['report.col.district', 'report.col.cell', 'report.col.before', 'report.col.during', 'report.col.after', 'report.col.change'] as const).map((k) => (
                <th key={k}>{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.hotCells.filter((c) => c.cooled || c.warmed).slice(0, 40).map((c) => (
              <tr key={c.cellId}>
                <td>{district(c.districtCode)}</td>
                <td>{c.code}</td>
                <td>{c.before} ({c.clues.before})</td>
                <td>{c.during} ({c.clues.during})</td>
                <td>{c.after === null ? '—' : `${c.after} (${c.clues.after})`}</td>
                <td>{t(c.cooled ? 'report.change.cooled' : 'report.change.warmed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section">
        <h3>{t('report.section.ranking')}</h3>
        <table className="dispatch-table report-table" data-testid="report-ranking">
          <thead>
            <tr>
              {(['report.measure.rank', 'report.col.district', 'report.measure.score', 'report.measure.completion', 'report.measure.priority', 'report.measure.confirmationShare'] as const).map((k) => (
                <th key={k}>{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.ranking.map((row) => (
              <tr key={row.districtCode}>
                <td>{row.rank}</td>
                <td>{district(row.districtCode)}</td>
                <td>{row.score === null ? '—' : row.score.toFixed(1)}</td>
                <td>{pct(row.completion)}</td>
                <td>{pct(row.priorityCoverage)}</td>
                <td>{pct(row.confirmationShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="dispatch-note">{t('report.rankingNote')}</p>
      </section>

      <section className="report-section">
        <h3>{t('report.section.repeat')}</h3>
        {report.repeatOffenders.length === 0 ? (
          <p className="dispatch-note">{t('report.none')}</p>
        ) : (
          <table className="dispatch-table report-table">
            <thead>
              <tr>
                {(['report.col.district', 'report.col.name', 'report.col.creditCode', 'report.col.reasons', 'report.col.results'] as const).map((k) => (
                  <th key={k}>{t(k)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.repeatOffenders.map((o) => (
                <tr key={o.institutionId}>
                  <td>{district(o.districtCode)}</td>
                  <td>{o.name}</td>
                  <td className="dispatch-table__code">{o.creditCode ?? '—'}</td>
                  <td>{o.reasons.map((x) => translateCode(t, 'report.repeat', x)).join('；')}</td>
                  <td>{o.results.map((x) => translateCode(t, 'checkInResult', x)).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('report.section.suggestions')}</h3>
        {report.listSuggestions.length === 0 ? (
          <p className="dispatch-note">{t('report.none')}</p>
        ) : (
          <table className="dispatch-table report-table" data-testid="report-suggestions">
            <thead>
              <tr>
                {(['report.col.district', 'report.col.name', 'report.col.current', 'report.col.suggested', 'report.col.reasons'] as const).map((k) => (
                  <th key={k}>{t(k)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.listSuggestions.map((s) => (
                <tr key={s.institutionId}>
                  <td>{district(s.districtCode)}</td>
                  <td>{s.name}</td>
                  <td>{translateCode(t, 'list', s.current)}</td>
                  <td>{translateCode(t, 'list', s.suggested)}</td>
                  <td>{s.reasons.join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

function chartOptions(report: CampaignReport, t: Translate, names: string[]): { completion: ChartOption; results: ChartOption; hot: ChartOption } {
  const grid = { left: 8, right: 16, top: 30, bottom: 8, containLabel: true };
  const completion: ChartOption = {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      { name: t('report.measure.confirmed'), type: 'bar', stack: 'done', data: report.districts.map((d) => d.done.confirmed), itemStyle: { color: COLOURS.confirmed } },
      { name: t('report.measure.pending'), type: 'bar', stack: 'done', data: report.districts.map((d) => d.done.pending), itemStyle: { color: COLOURS.pending } },
      { name: t('report.measure.planned'), type: 'bar', data: report.districts.map((d) => d.planned.stops), itemStyle: { color: '#d9d9d9' }, barGap: '-100%', z: 0 },
    ],
  };
  const results: ChartOption = {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: checkInResults.map((r) => translateCode(t, 'checkInResult', r)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('report.measure.confirmed'), type: 'bar', stack: 'r', data: checkInResults.map((r) => report.totals.results[r].confirmed), itemStyle: { color: COLOURS.confirmed } },
      { name: t('report.measure.pending'), type: 'bar', stack: 'r', data: checkInResults.map((r) => report.totals.results[r].pending), itemStyle: { color: COLOURS.pending } },
    ],
  };
  const periodName = (p: CampaignReport['periods'][number]) =>
    `${t(`report.period.${p.period}`)}${!p.available ? t('report.period.unavailable') : p.partial ? t('report.period.partial') : ''}`;
  const hot: ChartOption = {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [t('report.measure.hot95'), t('report.measure.hot99')] },
    yAxis: { type: 'value', minInterval: 1 },
    series: report.periods.map((p) => ({ name: periodName(p), type: 'bar' as const, data: p.available ? [p.hot.at95, p.hot.at99] : [0, 0], itemStyle: { color: COLOURS[p.period] } })),
  };
  return { completion, results, hot };
}

function PublicationPanel({ campaignId, status, onPublished }: { campaignId: number; status: CampaignReport['campaign']['status']; onPublished: () => void }) {
  const { t, language } = useI18n();
  const [revision, setRevision] = useState(0);
  const published = usePublicResults(campaignId, revision);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const current = published.data;
  const publish = async () => {
    setPending(true);
    setFailure(null);
    try {
      await publishResults(campaignId, current ? note.trim() : undefined);
      setNote('');
      setRevision((r) => r + 1);
      onPublished();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(String(error), 0, 'network'));
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="panel report-publication" aria-labelledby="report-publication-title" data-testid="report-publication">
      <h3 id="report-publication-title">{t('report.publication.title')}</h3>
      {status !== 'closed' && <p className="state-line">{t('report.publication.notClosed')}</p>}
      {current && (
        <p className="state-line" data-testid="report-publication-state">
          {t('report.publication.published', { version: current.version, at: current.publishedAt.slice(0, 16).replace('T', ' ') })} ·{' '}
          <a href={publicResultsPagePath(campaignId)} target="_blank" rel="noreferrer" data-testid="report-publication-link">
            {t('report.publication.view')}
          </a>
        </p>
      )}
      {status === 'closed' && current && (
        <label className="report-publication__note">
          {t('report.publication.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} data-testid="report-publication-note" />
        </label>
      )}
      {status === 'closed' && (
        <button type="button" className="button button--accent" disabled={pending || (current !== null && note.trim() === '')} onClick={() => void publish()} data-testid="report-publish">
          {t(current ? 'report.publication.correct' : 'report.publication.publish')}
        </button>
      )}
      {failure && (
        <p className="state-line state-line--error" role="alert">
          {errorText({ t, language }, failure)}
        </p>
      )}
    </section>
  );
}
