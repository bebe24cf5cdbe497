import type { Me } from '../../server/contract/index.js';
import { useI18n, type Language, type MessageKey } from '../i18n/index.js';
import { canReview, canSeeListPublications, canUseDesk, useNavigation, type Page } from '../navigation.js';
import { userChipText } from '../i18n/names.js';

export interface TopBarProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  /** Opens the patrol route planner; absent for roles that may not plan (the wall display). */
  onOpenPlanner?: () => void;
}

/** A page the top bar opens: who is offered it (never on the page itself), its label and its icon. */
interface PageEntry {
  page: Page;
  label: MessageKey;
  offered: (user: Me, current: Page) => boolean;
  icon: React.ReactNode;
  className?: string;
}

const PAGE_ENTRIES: readonly PageEntry[] = [
  {
    page: 'campaigns',
    label: 'campaign.open',
    offered: () => true,
    icon: (
      <>
        <rect x="2" y="3" width="12" height="11" rx="1.5" />
        <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
      </>
    ),
  },
  { page: 'desk', label: 'desk.open', offered: (user) => canUseDesk(user.role), icon: <path d="M2.5 2.5h11v11h-11z M5 5.5h6M5 8h6M5 10.5h3.5" /> },
  { page: 'review', label: 'review.open', offered: (user) => canReview(user.role), icon: <path d="M2 14h12M3.5 11l3-4 3 2 3.5-5.5" /> },
  // The board is a campaign's: offered beside the campaigns and their reports, not on the crowded dashboard bar.
  {
    page: 'board',
    label: 'board.open',
    offered: (user, current) => (current === 'campaigns' || current === 'report') && user.role !== 'field',
    icon: <path d="M2 14V9M6 14V5M10 14V7M14 14V2" />,
  },
  // The calendar screen likewise: administrators keep the holiday schedules and school vacations.
  {
    page: 'calendar',
    label: 'calendarAdmin.open',
    offered: (user) => user.canEditCalendar,
    className: 'topbar__admin-page',
    // a calendar page marked 休, as printed calendars mark a day off: not the campaigns' plain calendar beside it
    icon: (
      <>
        <path d="M1.5 3h13v12h-13z M5 1v3M11 1v3" />
        <text className="topbar__icon-glyph" x="8" y="13.2" textAnchor="middle">
          休
        </text>
      </>
    ),
  },
  { page: 'displays', label: 'displays.open', offered: (user) => user.role === 'admin', className: 'topbar__admin-page', icon: <path d="M1.5 2.5h13v9h-13z M5 14.5h6M8 11.5v3" /> },
  // a key: what a GIS client holds to read the map's layers
  { page: 'tokens', label: 'tokens.open', offered: (user) => user.role === 'admin', className: 'topbar__admin-page', icon: <path d="M5.5 10.5a3 3 0 1 1 0-6 3 3 0 0 1 0 6z M8.5 7.5h6M12 7.5v2.5M14.5 7.5v2" /> },
  // a tray with an arrow into it: a file brought into the map's layers
  { page: 'imports', label: 'imports.open', offered: (user) => user.role === 'admin' && user.districtCode === null, className: 'topbar__admin-page', icon: <path d="M8 1.5v8M5 6.5l3 3 3-3M2 10v4h12v-4" /> },
  {
    page: 'lists',
    label: 'listsAdmin.open',
    offered: (user) => canSeeListPublications(user.role),
    // two columns, one filled and one hollow: the black and the white list
    icon: (
      <>
        <path d="M1.5 2.5h5.5v11h-5.5z" fill="currentColor" />
        <path d="M9 2.5h5.5v11H9z" />
      </>
    ),
  },
  // Administrators alone get the way into the audit log.
  { page: 'audit', label: 'audit.open', offered: (user) => user.canReadAudit, icon: <path d="M3 1.5h7l3 3v10H3z M5.5 7h5M5.5 9.5h5M5.5 12h3" /> },
];

export function TopBar({ user, onLanguage, onLogout, onOpenPlanner }: TopBarProps) {
  const { t, language } = useI18n();
  const navigation = useNavigation();
  const pages = navigation ? PAGE_ENTRIES.filter((entry) => entry.page !== navigation.page && entry.offered(user, navigation.page)) : [];
  const chip = userChipText(user, language);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <h1 className="brand__title">{t('app.title')}</h1>
        <span className="synthetic-badge" title={t('app.syntheticHint')} data-testid="synthetic-badge">
          模拟数据 / synthetic data
        </span>
      </div>
      <div className="topbar__user">
        {onOpenPlanner && (
          <button type="button" className="button topbar__planner topbar__compact" title={t('planner.open')} data-testid="open-planner" onClick={onOpenPlanner}>
            <svg className="topbar__planner-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="3" cy="13" r="2" />
              <circle cx="13" cy="3" r="2" />
              <path d="M3 11V8a2 2 0 0 1 2-2h6a2 2 0 0 0 2-2" fill="none" strokeWidth="1.6" strokeDasharray="2 1.6" />
            </svg>
            <span className="topbar__label">{t('planner.open')}</span>
          </button>
        )}
        {pages.map((entry) => (
          <PageButton key={entry.page} label={t(entry.label)} testId={`open-${entry.page}`} onClick={() => navigation?.open(entry.page)} className={entry.className}>
            <svg className="topbar__stroke-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              {entry.icon}
            </svg>
          </PageButton>
        ))}
        <span className="user-chip" data-testid="user-chip" title={[chip.name, chip.role, chip.scope].filter(Boolean).join(' · ')}>
          <strong>{chip.name}</strong>
          {chip.role && <span>{chip.role}</span>}
          <span>{chip.scope}</span>
        </span>
        <button
          type="button"
          className="button button--ghost"
          data-testid="language-switch"
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          aria-label={t('lang.label')}
          onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('lang.switch')}
        </button>
        <button type="button" className="button button--ghost" onClick={onLogout} data-testid="logout">
          {t('user.logout')}
        </button>
      </div>
    </header>
  );
}

/**
 * A top bar button that opens a page: its icon, and its label (hidden beside the icon where the bar is narrow, see
 * styles.css) also as its tooltip.
 */
function PageButton({ label, testId, onClick, className = 'topbar__compact', children }: { label: string; testId: string; onClick: () => void; className?: string; children: React.ReactNode }) {
  return (
    <button type="button" className={`button topbar__planner ${className}`} title={label} data-testid={testId} onClick={onClick}>
      {children}
      <span className="topbar__label">{label}</span>
    </button>
  );
}
