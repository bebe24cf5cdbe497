import { publicResultsCsvPath, usePublicResults } from '../api/campaign-report.js';
import { PrintPageNumbers } from '../dispatch/PrintPageNumbers.js';
import { TableHead } from '../dispatch/TableHead.js';
import { translateCode, useI18n, type Language } from '../i18n/index.js';
import { VersionHistory } from './VersionHistory.js';
import '../dispatch/dispatch.css';
import './report.css';

// 一公开: the published result list of a campaign at /results/<id>, for anyone, without a login — the latest version,
// its correction note and the versions before it; printable on A4 and downloadable as CSV.

export function PublicResultsPage({ campaignId, onLanguage }: { campaignId: number; onLanguage: (language: Language) => void }) {
  const { t, language } = useI18n();
  const published = usePublicResults(campaignId, 0);
  const data = published.data;
  return (
    <div className="dispatch-page public-results" data-testid="public-results">
      <PrintPageNumbers template={t('dispatch.page')} />
      <div className="dispatch-view">
        <div className="dispatch-toolbar" role="toolbar" aria-label={t('publicResults.title')}>
          <h1 className="dispatch-toolbar__title">{t('publicResults.title')}</h1>
          <button type="button" className="button button--ghost" onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="public-results-language">
            {language === 'zh-CN' ? 'English' : '中文'}
          </button>
          {data && (
            <>
              <button type="button" className="button" onClick={() => window.print()} data-testid="public-results-print">
                {t('publicResults.print')}
              </button>
              <a className="button button--accent" href={publicResultsCsvPath(campaignId)} download data-testid="public-results-csv">
                {t('publicResults.csv')}
              </a>
            </>
          )}
        </div>
        {published.loading && !data && <p className="state-line" role="status">{t('state.loading')}</p>}
        {!published.loading && !data && (
          <p className="state-line" role="alert" data-testid="public-results-missing">
            {published.error ? published.error.message : t('publicResults.notFound')}
          </p>
        )}
        {data && (
          <article className="dispatch-sheet report-sheet" aria-labelledby="public-results-title">
            <header className="dispatch-sheet__head">
              <h2 className="dispatch-sheet__title" id="public-results-title">
                {t('publicResults.subtitle')}
              </h2>
              <p className="dispatch-sheet__subtitle">
                {t('publicResults.task')}：{data.task}
              </p>
              <p className="report-meta" data-testid="public-results-version">
                {t('publicResults.version', { version: data.version, at: data.publishedAt.slice(0, 10) })} · {t('publicResults.count', { count: data.rows.length })}
              </p>
              {data.correctionNote && <p className="report-meta">{t('publicResults.correction', { note: data.correctionNote })}</p>}
            </header>
            <table className="dispatch-table report-table" data-testid="public-results-rows">
              <TableHead
                labels={[
                  t('publicResults.col.no'),
                  t('publicResults.col.object'),
                  t('publicResults.col.creditCode'),
                  t('publicResults.col.district'),
                  t('publicResults.col.result'),
                  t('publicResults.col.date'),
                  t('publicResults.col.authority'),
                  t('publicResults.col.certificates'),
                ]}
              />
              <tbody>
                {data.rows.map((row, i) => (
                  <tr key={i}>
                    <td className="dispatch-table__centre">{i + 1}</td>
                    <td>{row.object}</td>
                    <td className="dispatch-table__code">{row.creditCode ?? '—'}</td>
                    <td>{row.district}</td>
                    <td>{language === 'zh-CN' ? row.resultLabel : translateCode(t, 'checkInResult', row.result)}</td>
                    <td>{row.date}</td>
                    <td>{row.authority}</td>
                    <td className="dispatch-table__code public-results__certificates">
                      {row.certificates.map((c) => (
                        <div key={c}>{c}</div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <VersionHistory versions={data.versions} />
          </article>
        )}
      </div>
    </div>
  );
}
