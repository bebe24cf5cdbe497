import type { Me } from '../../server/contract/index.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { effectiveMapping } from '../state/platform-import.js';
import { DeskSubPage } from './DeskSubPage.js';
import { ImportDropZone } from './ImportDropZone.js';
import { ImportPreview } from './ImportPreview.js';
import { ImportReport } from './ImportReport.js';
import { usePlatformImport } from './use-platform-import.js';
import { deskViewHref } from './use-desk-view.js';

// 全国监管平台投诉导入: a file, the encoding and the columns checked by a dry run of the whole file, then "import all"
// when the dry run found nothing wrong; all or nothing, so a refused file is fixed and sent again whole.

export interface ImportPageProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
  /** The queue filtered to the platform's clues. */
  onShowImported: () => void;
}

export function ImportPage({ onShowImported, ...props }: ImportPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = usePlatformImport();
  const { report, result } = state;
  const busy = state.reading || state.checking || state.committing;
  const queueHref = deskViewHref('queue', { source: 'platform' });
  if (!props.user.canWrite)
    return (
      <DeskSubPage {...props} testId="desk-import" title={t('import.title')} loading={false}>
        <p className="desk-error" role="alert" data-testid="desk-import-forbidden">{t('import.forbidden')}</p>
      </DeskSubPage>
    );
  return (
    <DeskSubPage {...props} testId="desk-import" title={t('import.title')} loading={busy}>
      <div className="import-view">
        <p className="hint">{t('import.intro')}</p>
        <ImportDropZone fileName={state.file?.name ?? null} busy={state.committing} onFile={(file) => void state.choose(file)} />
        <p className="hint" role="status" aria-live="polite" data-testid="import-state" data-state={state.committing ? 'committing' : state.checking || state.reading ? 'checking' : result ? 'done' : report ? 'checked' : 'idle'}>
          {state.reading ? t('import.reading') : state.checking ? t('import.checking') : state.committing ? t('import.committing') : ''}
        </p>
        {state.error && !(report && state.error.status === 422) && (
          <p className="desk-error" role="alert" data-testid="import-error">{errorText(i18n, state.error)}</p>
        )}
        {result ? (
          <section className="panel import-result" data-testid="import-result" data-count={result.rows.length}>
            <h2>{t('import.result.title')}</h2>
            <p>{t('import.result.count', { n: result.rows.length })}</p>
            <p className="import-result__actions">
              <a
                className="button button--primary"
                href={queueHref}
                data-testid="import-open-queue"
                onClick={(e) => {
                  e.preventDefault();
                  onShowImported();
                }}
              >
                {t('import.result.queue')}
              </a>
              <button type="button" className="button button--ghost" data-testid="import-again" onClick={state.reset}>{t('import.result.again')}</button>
            </p>
          </section>
        ) : (
          report && (
            <div className="import-grid">
              <ImportPreview
                report={report}
                encoding={state.encoding}
                mapping={effectiveMapping(report, state.byHand)}
                byHand={state.byHand}
                disabled={busy}
                onEncoding={state.setEncoding}
                onMap={state.mapField}
              />
              <div className="import-side">
                <ImportReport report={report} checking={state.checking} />
                <div className="import-commit">
                  <button type="button" className="button button--primary" data-testid="import-commit" disabled={!state.canCommit || busy} onClick={() => void state.commit()}>
                    {state.committing ? t('import.committing') : state.canCommit ? t('import.commit', { n: report.rowCount }) : t('import.commitNone')}
                  </button>
                  {!state.canCommit && !busy && <span className="hint">{t('import.commitBlocked')}</span>}
                </div>
              </div>
            </div>
          )
        )}
      </div>
    </DeskSubPage>
  );
}
