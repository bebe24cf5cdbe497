import { useState } from 'react';
import type { PublicReportReceipt } from '../../server/contract/public-reports.js';
import { useI18n } from '../i18n/index.js';

/** After sending: the tracking code to keep (with a copy button) and the link to follow the report. */
export function ReportReceipt({ receipt, onAnother }: { receipt: PublicReportReceipt; onAnother: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.trackingCode);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the code stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <section className="receipt" aria-labelledby="receipt-title" data-testid="report-receipt">
      <h2 id="receipt-title">{t('publicReport.done.title')}</h2>
      <p className="receipt__label">{t('publicReport.done.code')}</p>
      <p className="receipt__code">
        <output data-testid="report-code">{receipt.trackingCode}</output>
        <button type="button" className="button" onClick={() => void copy()} data-testid="report-copy">
          {copied ? t('publicReport.done.copied') : t('publicReport.done.copy')}
        </button>
      </p>
      <p>{t('publicReport.done.keep')}</p>
      <p className="report-form__hint">{receipt.positionSource === 'exif' ? t('publicReport.done.fromPhoto') : t('publicReport.done.fromMap')}</p>
      <div className="receipt__actions">
        <a className="button button--accent" href={`${receipt.trackUrl}${window.location.search}`} data-testid="report-track-link">
          {t('publicReport.done.track')}
        </a>
        <button type="button" className="button button--ghost" onClick={onAnother}>
          {t('publicReport.done.another')}
        </button>
      </div>
    </section>
  );
}
