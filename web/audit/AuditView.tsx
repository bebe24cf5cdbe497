import { useEffect, useReducer, type ReactNode } from 'react';
import type { Me } from '../../server/contract/index.js';
import { useAuditActors, useAuditPage, useAuditVerification } from '../api/audit.js';
import { useI18n, type Language } from '../i18n/index.js';
import { ForbiddenPanel } from '../panels/ForbiddenPanel.js';
import { PageHeader } from '../panels/PageHeader.js';
import { TopBar } from '../panels/TopBar.js';
import {
  AUDIT_PAGE_SIZE,
  auditReducer,
  auditSearch,
  currentCursor,
  hasFilters,
  initialAuditState,
  issuesByField,
  NO_FILTERS,
  parseAuditFilters,
} from '../state/audit.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditPager } from './AuditPager.js';
import { AuditTable } from './AuditTable.js';
import { VerifyPanel } from './VerifyPanel.js';
import './audit.css';

export interface AuditViewProps {
  user: Me;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

const NO_ACTORS: readonly never[] = [];

function ChainIcon() {
  return (
    <svg className="audit-verify-button__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="5" width="7" height="6" rx="3" />
      <rect x="7.5" y="5" width="7" height="6" rx="3" />
    </svg>
  );
}

function Shell({ user, onLanguage, onLogout, children }: Pick<AuditViewProps, 'user' | 'onLanguage' | 'onLogout'> & { children: ReactNode }) {
  return (
    <div className="audit-page" data-testid="audit-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="audit-main">{children}</main>
    </div>
  );
}

/** What an account that may not read the log sees instead (the API would answer 403 to it anyway). */
function Forbidden({ user, onBack }: { user: Me; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <ForbiddenPanel
      id="audit"
      code={t('audit.forbidden.code')}
      title={t('audit.forbidden.title')}
      body={t('audit.forbidden.body', { role: t(`role.${user.role}`) })}
      back={t('audit.back')}
      onBack={onBack}
    />
  );
}

/** 审计日志: the audit log, newest first, filtered and paged by the API, and the check of its hash chain. */
export function AuditView({ user, language, onLanguage, onLogout, onBack }: AuditViewProps) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(auditReducer, window.location.search, (search: string) => initialAuditState(parseAuditFilters(search)));
  const allowed = user.canReadAudit;
  const cursor = currentCursor(state);
  const page = useAuditPage(state.filters, cursor, allowed);
  const actors = useAuditActors(allowed);
  const verification = useAuditVerification();

  // The filters applied are the shareable part of the screen: the link opens the same view.
  const search = auditSearch(state.filters, language);
  useEffect(() => {
    if (`?${search}` !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
  }, [search]);

  const shell = (children: ReactNode) => (
    <Shell user={user} onLanguage={onLanguage} onLogout={onLogout}>
      {children}
    </Shell>
  );
  if (!allowed || page.error?.status === 403) return shell(<Forbidden user={user} onBack={onBack} />);

  const rejected = page.error?.status === 400 ? issuesByField(page.error.details) : {};
  const entries = page.data?.entries ?? [];
  let body: ReactNode;
  if (page.error && page.error.status !== 400) {
    body = (
      <div className="audit-state audit-state--error" role="alert" data-testid="audit-error">
        <span>{t('audit.error', { message: page.error.message })}</span>
        <button type="button" className="button button--small" onClick={page.retry}>
          {t('state.retry')}
        </button>
      </div>
    );
  } else if (page.error) {
    body = (
      <p className="audit-state audit-state--error" role="alert" data-testid="audit-error">
        {t('audit.filter.rejected')}
      </p>
    );
  } else if (!page.data || (page.loading && entries.length === 0)) {
    body = (
      <div className="audit-state" aria-busy="true" data-testid="audit-loading">
        <span className="spinner" aria-hidden="true" />
        <span>{t('audit.loading')}</span>
      </div>
    );
  } else if (entries.length === 0) {
    body = (
      <div className="audit-state" role="status" data-testid="audit-empty">
        <span>{hasFilters(state.filters) ? t('audit.empty') : t('audit.emptyLog')}</span>
        {hasFilters(state.filters) && (
          <button type="button" className="button button--small" onClick={() => dispatch({ type: 'filtersApplied', filters: NO_FILTERS })}>
            {t('audit.filter.clear')}
          </button>
        )}
      </div>
    );
  } else {
    body = <AuditTable entries={entries} expanded={state.expanded} stale={page.loading} onToggle={(id) => dispatch({ type: 'rowToggled', id })} />;
  }

  return shell(
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} back={t('audit.back')} onBack={onBack} backTestId="audit-back">
        <button
          type="button"
          className="button audit-verify-button"
          disabled={verification.state.status === 'running'}
          onClick={verification.run}
          data-testid="audit-verify"
        >
          {verification.state.status === 'running' ? <span className="spinner" aria-hidden="true" /> : <ChainIcon />}
          {t('audit.verify.run')}
        </button>
      </PageHeader>
      <VerifyPanel state={verification.state} onRetry={verification.run} onShowEntry={(id) => dispatch({ type: 'entryShown', id })} />
      <AuditFilterForm
        filters={state.filters}
        actors={actors.data?.actors ?? NO_ACTORS}
        serverIssues={rejected}
        onApply={(filters) => dispatch({ type: 'filtersApplied', filters })}
      />
      <section className="panel audit-results" aria-labelledby="audit-results-title">
        <div className="audit-results__head">
          <h2 id="audit-results-title" className="panel__title">
            {t('audit.entries')}
          </h2>
          {page.loading && page.data && <span className="spinner" aria-label={t('audit.loading')} />}
          <button type="button" className="button button--small button--ghost" onClick={page.retry} disabled={page.loading} data-testid="audit-refresh">
            {t('audit.refresh')}
          </button>
          <AuditPager
            page={state.cursors.length + 1}
            size={AUDIT_PAGE_SIZE}
            hasOlder={Boolean(page.data?.nextCursor) && !page.error}
            busy={page.loading}
            onNewest={() => dispatch({ type: 'newestPage' })}
            onNewer={() => dispatch({ type: 'newerPage' })}
            onOlder={() => page.data?.nextCursor && dispatch({ type: 'olderPage', cursor: page.data.nextCursor })}
          />
        </div>
        {body}
      </section>
    </>,
  );
}
