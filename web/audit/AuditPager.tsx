import { useI18n } from '../i18n/index.js';

export interface AuditPagerProps {
  /** 1 = the newest page. */
  page: number;
  size: number;
  hasOlder: boolean;
  busy: boolean;
  onNewest: () => void;
  onNewer: () => void;
  onOlder: () => void;
}

/** Keyset pages: older follows the API's nextCursor, newer walks back the cursors already followed. */
export function AuditPager({ page, size, hasOlder, busy, onNewest, onNewer, onOlder }: AuditPagerProps) {
  const { t } = useI18n();
  return (
    <nav className="audit-pager" aria-label={t('audit.paging')}>
      <span className="hint" data-testid="audit-page-info">
        {t('audit.pageInfo', { page, size })}
      </span>
      <button type="button" className="button button--small" disabled={page === 1 || busy} onClick={onNewest} data-testid="audit-newest">
        ⇤ {t('audit.newest')}
      </button>
      <button type="button" className="button button--small" disabled={page === 1 || busy} onClick={onNewer} data-testid="audit-newer">
        ← {t('audit.newer')}
      </button>
      <button type="button" className="button button--small" disabled={!hasOlder || busy} onClick={onOlder} data-testid="audit-older">
        {t('audit.older')} →
      </button>
    </nav>
  );
}
