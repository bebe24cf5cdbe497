import { useState } from 'react';
import { sheetFields, stopNote } from '../../server/planning/dispatch/format.js';
import type { DispatchSheet } from '../../server/planning/dispatch/schema.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { PrintPageNumbers } from './PrintPageNumbers.js';
import { RouteMapSvg } from './RouteMapSvg.js';
import { TableHead } from './TableHead.js';
import './dispatch.css';

// The dispatch sheets (派单) of a campaign on screen, ready to print: the content of the server's PDF, sheet by sheet
// on A4 paper, with a print button and (when the page offers one) a download of the PDF. Props only: the page that
// holds it reads the sheets and knows the download's address.

export interface DispatchSheetViewProps {
  sheets: readonly DispatchSheet[];
  /** Fetches and saves the PDF of the same sheets; no download button without it. A rejection shows an error. */
  onDownload?: () => Promise<void>;
}

type DownloadState = 'idle' | 'busy' | 'failed';

export function DispatchSheetView({ sheets, onDownload }: DispatchSheetViewProps) {
  const { t } = useI18n();
  const [download, setDownload] = useState<DownloadState>('idle');
  const startDownload = () => {
    if (!onDownload || download === 'busy') return;
    setDownload('busy');
    onDownload().then(
      () => setDownload('idle'),
      () => setDownload('failed'),
    );
  };
  return (
    <div className="dispatch-view" data-testid="dispatch-view">
      <PrintPageNumbers template={t('dispatch.page')} />
      <div className="dispatch-toolbar" role="toolbar" aria-label={t('dispatch.sheets')}>
        <h1 className="dispatch-toolbar__title">
          {t('dispatch.sheets')}
          {sheets.length > 0 && <span className="dispatch-toolbar__count">{sheets.map((s) => s.team.label).join('、')}</span>}
        </h1>
        <button type="button" className="button" data-testid="dispatch-print" disabled={sheets.length === 0} onClick={() => window.print()}>
          {t('dispatch.print')}
        </button>
        {onDownload && (
          // Busy, the button stays enabled (aria-disabled): a disabled button would drop the keyboard focus to the page.
          <button
            type="button"
            className="button button--accent"
            data-testid="dispatch-download"
            disabled={sheets.length === 0}
            aria-disabled={download === 'busy'}
            aria-busy={download === 'busy'}
            onClick={startDownload}
          >
            {download === 'busy' && <span className="spinner" aria-hidden="true" />}
            {download === 'busy' ? t('dispatch.downloading') : t('dispatch.download')}
          </button>
        )}
        {download === 'failed' && (
          <p className="dispatch-toolbar__error" role="alert" data-testid="dispatch-download-error">
            {t('dispatch.downloadFailed')}
          </p>
        )}
      </div>
      {sheets.length === 0 ? (
        <p className="dispatch-empty" data-testid="dispatch-empty">
          {t('dispatch.empty')}
        </p>
      ) : (
        sheets.map((sheet) => <SheetPaper key={`${sheet.date} ${sheet.shift.start} ${sheet.team.label}`} sheet={sheet} />)
      )}
    </div>
  );
}

function SheetPaper({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useI18n();
  const fields = sheetFields(sheet, (type) => translateCode(t, 'campaign.type', type));
  return (
    <article className="dispatch-sheet" data-testid="dispatch-sheet" aria-label={`${t('dispatch.title')} ${sheet.team.label}`}>
      <header className="dispatch-sheet__head">
        <h2 className="dispatch-sheet__title">{t('dispatch.title')}</h2>
        <p className="dispatch-sheet__subtitle">
          {sheet.campaign.name} · {translateCode(t, 'campaign.type', sheet.campaign.type)}
        </p>
      </header>
      <dl className="dispatch-fields">
        {fields.map(([label, value]) => (
          <div key={label} className="dispatch-fields__pair">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section className="dispatch-section dispatch-section--map">
        <h3>{t('dispatch.map')}</h3>
        <RouteMapSvg sheet={sheet} />
        <p className="dispatch-note">{sheet.route.line.length < 2 ? `${t('dispatch.mapNote')}；${t('dispatch.mapStraight')}` : t('dispatch.mapNote')}</p>
      </section>

      <section className="dispatch-section">
        <h3>{t('dispatch.stops', { count: sheet.stops.length })}</h3>
        <table className="dispatch-table dispatch-table--stops" data-testid="dispatch-stops">
          <TableHead labels={[t('dispatch.col.no'), t('dispatch.col.eta'), t('dispatch.col.departure'), t('dispatch.col.object'), t('dispatch.col.address'), t('dispatch.col.reason')]} />
          <tbody>
            {sheet.stops.map((stop, i) => (
              <tr key={i}>
                <td className="dispatch-table__centre">
                  <strong>{i + 1}</strong>
                </td>
                <td className="dispatch-table__centre">{stop.eta}</td>
                <td className="dispatch-table__centre">{stop.departure}</td>
                <td>
                  <strong>{stop.name}</strong>
                  <span className="dispatch-table__note">{t(stopNote(stop).key, stopNote(stop).params)}</span>
                </td>
                <td>{stop.address}</td>
                <td>{translateCode(t, 'stopReason', stop.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="dispatch-section">
        <h3>{t('dispatch.members')}</h3>
        <table className="dispatch-table dispatch-table--members" data-testid="dispatch-members">
          <TableHead labels={[t('dispatch.col.name'), t('dispatch.col.department'), t('dispatch.col.certificate'), t('dispatch.col.role')]} />
          <tbody>
            {sheet.members.map((m) => (
              <tr key={m.certificateNo}>
                <td>
                  <strong>{m.name}</strong>
                </td>
                <td>{m.department}</td>
                <td>{m.certificateNo}</td>
                <td className="dispatch-table__centre">{m.name === sheet.signature.teamLeader ? t('dispatch.leader') : t('dispatch.member')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="dispatch-section">
        <h3>{t('dispatch.checklist')}</h3>
        <p className="dispatch-note">{t('dispatch.checklistHint')}</p>
        {sheet.stops.map((stop, i) => (
          <div key={i} className="dispatch-check" data-testid="dispatch-check">
            <h4>
              {i + 1}. {stop.name}（{stop.eta}–{stop.departure}）
            </h4>
            <ul className="dispatch-check__items">
              {stop.checks.map((check) => (
                <li key={check}>
                  <span className="dispatch-check__box" aria-hidden="true" />
                  <span>
                    <b>{translateCode(t, 'campaign.check', check)}</b>：{translateCode(t, 'campaign.checkHint', check)}
                  </span>
                </li>
              ))}
            </ul>
            <p className="dispatch-check__remarks">{t('dispatch.remarks')}：</p>
          </div>
        ))}
      </section>

      <section className="dispatch-section">
        <h3>{t('dispatch.legalBasis')}</h3>
        <ol className="dispatch-basis">
          {sheet.legalBasis.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>

      <section className="dispatch-section dispatch-signatures">
        <h3>{t('dispatch.signature')}</h3>
        {[{ label: t('dispatch.signLeader'), name: sheet.signature.teamLeader }, ...sheet.signature.members.map((name) => ({ label: t('dispatch.signMember'), name }))].map((signer) => (
          <div key={signer.name} className="dispatch-signatures__row">
            <span>{signer.label}：</span>
            <span className="dispatch-signatures__line">
              <span className="dispatch-signatures__name">{signer.name}</span>
            </span>
            <span>{t('dispatch.signDate')}：</span>
            <span className="dispatch-signatures__line dispatch-signatures__line--date">{sheet.signature.date ?? ''}</span>
          </div>
        ))}
      </section>
    </article>
  );
}
