import { ratioPercent } from '../../server/planning/dispatch/format.js';
import type { DrawNotice } from '../../server/planning/dispatch/schema.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { PrintPageNumbers } from './PrintPageNumbers.js';
import { TableHead } from './TableHead.js';
import './dispatch.css';

// 一公开: the public notice of a 双随机 draw — the task, how and how much was drawn, the seed and the register's hash
// that let anyone repeat and check the draw, and the objects drawn with their unified social credit codes. Props only.

export interface DrawNoticePageProps {
  notice: DrawNotice;
  /** Saves the notice as CSV (the page's endpoint or a local file); no button without it. */
  onDownloadCsv?: () => void;
}

export function DrawNoticePage({ notice, onDownloadCsv }: DrawNoticePageProps) {
  const { t } = useI18n();
  /** Label, value, and for a digest the test id its monospaced cell carries. */
  const facts: [string, string, string?][] = [
    [t('drawNotice.task'), notice.taskName],
    [t('drawNotice.publisher'), notice.publisher],
    [t('drawNotice.district'), notice.district?.name ?? t('drawNotice.cityWide')],
    [t('drawNotice.drawnOn'), notice.drawnOn],
    [t('drawNotice.method'), translateCode(t, 'drawMethod', notice.method)],
    [t('drawNotice.ratio'), t('drawNotice.ratioValue', { percent: ratioPercent(notice.ratio), pool: notice.poolSize, count: notice.objects.length })],
    [t('drawNotice.seed'), notice.seed],
    [t('drawNotice.seedCommitment'), notice.seedCommitment, 'draw-notice-commitment'],
    [t('drawNotice.poolHash'), notice.poolHash, 'draw-notice-hash'],
  ];
  return (
    <div className="dispatch-view" data-testid="draw-notice">
      <PrintPageNumbers template={t('dispatch.page')} />
      <div className="dispatch-toolbar" role="toolbar" aria-label={t('drawNotice.title')}>
        <h1 className="dispatch-toolbar__title">{t('drawNotice.title')}</h1>
        <button type="button" className="button" data-testid="draw-notice-print" onClick={() => window.print()}>
          {t('dispatch.print')}
        </button>
        {onDownloadCsv && (
          <button type="button" className="button button--accent" data-testid="draw-notice-csv" onClick={onDownloadCsv}>
            {t('drawNotice.downloadCsv')}
          </button>
        )}
      </div>
      <article className="dispatch-sheet dispatch-sheet--notice" aria-labelledby="draw-notice-title">
        <header className="dispatch-sheet__head">
          <h2 className="dispatch-sheet__title" id="draw-notice-title">
            {t('drawNotice.title')}
          </h2>
          <p className="dispatch-sheet__subtitle">{notice.taskName}</p>
        </header>
        <dl className="dispatch-fields dispatch-fields--single">
          {facts.map(([label, value, digest]) => (
            <div key={label} className="dispatch-fields__pair">
              <dt>{label}</dt>
              <dd className={digest ? 'dispatch-hash' : undefined} data-testid={digest}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="dispatch-note">{t('drawNotice.verify')}</p>
        <section className="dispatch-section">
          <h3>{t('drawNotice.objects', { count: notice.objects.length })}</h3>
          <table className="dispatch-table" data-testid="draw-notice-objects">
            <TableHead labels={[t('drawNotice.col.no'), t('drawNotice.col.name'), t('drawNotice.col.creditCode'), t('drawNotice.col.address')]} />
            <tbody>
              {notice.objects.map((object, i) => (
                <tr key={i}>
                  <td className="dispatch-table__centre">{i + 1}</td>
                  <td>{object.name}</td>
                  <td className="dispatch-table__code">{object.creditCode ?? '—'}</td>
                  <td className="dispatch-table__address">{object.address ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </article>
    </div>
  );
}
