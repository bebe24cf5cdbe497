import { useCallback, useState, type ReactNode } from 'react';
import type { Me } from '../../server/contract/index.js';
import { SHANGHAI_DISTRICT_NAMES } from '../../server/domain/districts.js';
import { errorMessage, type ApiError } from '../api/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { ForbiddenPanel } from './ForbiddenPanel.js';
import { TopBar } from './TopBar.js';
import '../walls/displays.css';

// The parts that the administrators' registries (大屏管理, GIS令牌) share: the page with its top bar and the refusal
// for other roles, the list of what was issued with its loading, error and empty states, the district scope a new
// entry gets, and the secret shown once.

export interface RegistryPageProps {
  user: Me;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

export interface RegistryShellProps extends RegistryPageProps {
  /** The page's name in test ids and the refusal's id (`displays`, `tokens`). */
  id: string;
  forbidden: { title: string; body: string; back: string };
  children: () => ReactNode;
}

/** The page for an administrator, the refusal (403) for anyone else; `children` is only called for an administrator. */
export function RegistryShell({ id, user, onLanguage, onLogout, onBack, forbidden, children }: RegistryShellProps) {
  const { t } = useI18n();
  return (
    <div className="displays-page" data-testid={`${id}-page`}>
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="displays-main">
        {user.role === 'admin' ? (
          children()
        ) : (
          <ForbiddenPanel id={id} code={t('audit.forbidden.code')} title={forbidden.title} body={forbidden.body} back={forbidden.back} onBack={onBack} />
        )}
      </main>
    </div>
  );
}

export interface RegistryListProps<T> {
  /** Test ids: `${id}-table`, `${id}-empty`. */
  id: string;
  title: string;
  resource: { data: readonly T[] | null; loading: boolean; error: ApiError | null };
  empty: string;
  columns: readonly string[];
  row: (item: T) => ReactNode;
}

export function RegistryList<T>({ id, title, resource, empty, columns, row }: RegistryListProps<T>) {
  const { t } = useI18n();
  const list = resource.data ?? [];
  return (
    <section className="panel displays-list" aria-labelledby={`${id}-list-title`}>
      <h3 id={`${id}-list-title`} className="panel__subtitle">
        {title}
      </h3>
      {resource.loading && !resource.data && <p className="hint">{t('state.loading')}</p>}
      {resource.error && <p role="alert">{t(errorMessage(resource.error).key)}</p>}
      {resource.data && list.length === 0 && (
        <p className="hint" data-testid={`${id}-empty`}>
          {empty}
        </p>
      )}
      {list.length > 0 && (
        <table className="displays-table" data-testid={`${id}-table`}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>{list.map(row)}</tbody>
        </table>
      )}
    </section>
  );
}

/** 全市 or one district, for what a new display or token may read. */
export function ScopeSelect({ value, onChange, disabled = false, testId }: { value: string | null; onChange: (code: string | null) => void; disabled?: boolean; testId: string }) {
  const { t, language } = useI18n();
  return (
    <select value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
      <option value="">{t('wall.cityWide')}</option>
      {SHANGHAI_DISTRICT_NAMES.map((d) => (
        <option key={d.code} value={d.code}>
          {language === 'en' ? d.nameEn : d.name}
        </option>
      ))}
    </select>
  );
}

/** A write's refusal under the form: the catalogue's words and the server's. */
export function RegistryError({ error, testId }: { error: ApiError | null; testId: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="displays-error" data-testid={testId}>
      {t(errorMessage(error).key)} {error.message}
    </p>
  );
}

/** What is shown once (a display's link, a token's secret), with a copy button. */
export function ShownOnce({ message, value, testId, valueTestId, copy, children }: { message: string; value: string; testId: string; valueTestId: string; copy: string; children?: ReactNode }) {
  return (
    <div className="displays-created" role="status" data-testid={testId}>
      <p>{message}</p>
      <code data-testid={valueTestId}>{value}</code>
      {children}
      <div className="displays-buttons">
        <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(value)}>
          {copy}
        </button>
      </div>
    </div>
  );
}

/**
 * A registry's writes: one at a time (`busy`), the last refusal kept for the form, and the list read again
 * (`revision`) after each that succeeded.
 */
export function useRegistryWrites() {
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }, []);
  return { revision, busy, error, setError, run };
}
