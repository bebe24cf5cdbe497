import type { VerificationState } from '../api/audit.js';
import { useI18n } from '../i18n/index.js';
import { durationLabel, reasonLabel, shanghaiDateTime, shortHash } from '../state/audit-format.js';

export interface VerifyPanelProps {
  state: VerificationState;
  onRetry: () => void;
  /** Opens the entry a broken chain names. */
  onShowEntry: (id: number) => void;
}

/** The outcome of 校验审计链: green with the count and time taken, or red with the first entry that does not chain. */
export function VerifyPanel({ state, onRetry, onShowEntry }: VerifyPanelProps) {
  const { t } = useI18n();
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <section className="panel audit-verify audit-verify--running" role="status" aria-live="polite" data-testid="audit-verify-result" data-status="running">
        <span className="spinner" aria-hidden="true" />
        <span>{t('audit.verify.running')}</span>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section className="panel audit-verify audit-verify--failed" role="alert" data-testid="audit-verify-result" data-status="failed">
        <span>{t('audit.verify.failed', { message: state.error.message })}</span>
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      </section>
    );
  }
  const { result } = state;
  const at = <p className="audit-verify__at">{t('audit.verify.at', { time: shanghaiDateTime(result.verifiedAt) })}</p>;
  if (result.ok) {
    return (
      <section className="panel audit-verify audit-verify--intact" role="status" aria-live="polite" data-testid="audit-verify-result" data-status="intact">
        <span className="audit-verify__icon" aria-hidden="true">
          ✓
        </span>
        <div>
          <h2 className="audit-verify__title">{t('audit.verify.intact')}</h2>
          <p data-testid="audit-verify-detail">
            {t('audit.verify.intactDetail', { count: result.checked.toLocaleString('en'), duration: durationLabel(t, result.durationMs) })}
            {result.lastId !== null && result.lastHash !== null && <> · {t('audit.verify.head', { id: result.lastId, hash: shortHash(result.lastHash) })}</>}
          </p>
          {at}
        </div>
      </section>
    );
  }
  return (
    <section className="panel audit-verify audit-verify--broken" role="alert" data-testid="audit-verify-result" data-status="broken" data-broken-at={result.brokenAt}>
      <span className="audit-verify__icon" aria-hidden="true">
        ✕
      </span>
      <div>
        <h2 className="audit-verify__title">{t('audit.verify.broken', { id: result.brokenAt })}</h2>
        <p data-testid="audit-verify-detail">{t('audit.verify.brokenDetail', { reason: reasonLabel(t, result.reason), count: result.checked.toLocaleString('en') })}</p>
        {at}
      </div>
      <button type="button" className="button button--danger" onClick={() => onShowEntry(result.brokenAt)} data-testid="audit-verify-show">
        {t('audit.verify.show')}
      </button>
    </section>
  );
}
