import { useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { GisToken } from '../../server/contract/gis-tokens.js';
import { SHANGHAI_DISTRICT_NAMES } from '../../server/domain/districts.js';
import { issueGisToken, revokeGisToken, useGisTokens } from '../api/gis-tokens.js';
import { errorMessage, type ApiError } from '../api/errors.js';
import { useI18n, type Language } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { ForbiddenPanel } from '../panels/ForbiddenPanel.js';
import { PageHeader } from '../panels/PageHeader.js';
import { TopBar } from '../panels/TopBar.js';
import '../walls/displays.css';

// GIS令牌 (`?page=tokens`, administrators): the bearer tokens with which QGIS or ogr2ogr read the OGC API at /ogc;
// a new token's secret shown once, a token revoked. The list is read here and handed to the rows.

export interface TokensViewProps {
  user: Me;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

export function TokensView({ user, onLanguage, onLogout, onBack }: TokensViewProps) {
  const { t, language } = useI18n();
  const [revision, setRevision] = useState(0);
  const tokens = useGisTokens(revision);
  const [name, setName] = useState('');
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);

  const shell = (children: React.ReactNode) => (
    <div className="displays-page" data-testid="tokens-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="displays-main">{children}</main>
    </div>
  );
  if (user.role !== 'admin')
    return shell(<ForbiddenPanel id="tokens" code={t('audit.forbidden.code')} title={t('tokens.forbidden')} body={t('tokens.forbiddenBody')} back={t('tokens.back')} onBack={onBack} />);

  const issue = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await issueGisToken({ name, districtCode });
      setIssued({ name: answer.token.name, secret: answer.secret });
      setName('');
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (token: GisToken) => {
    if (!window.confirm(t('tokens.revokeConfirm', { name: token.name }))) return;
    try {
      await revokeGisToken(token.id);
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai' }) : t('tokens.never'));
  const list = tokens.data ?? [];
  const endpoint = `${window.location.origin}/ogc`;
  return shell(
    <>
      <PageHeader title={t('tokens.title')} subtitle={t('tokens.subtitle', { endpoint })} back={t('tokens.back')} onBack={onBack} backTestId="tokens-back" />
      <div className="displays-grid">
        <section className="panel displays-list" aria-labelledby="tokens-list-title">
          <h3 id="tokens-list-title" className="panel__subtitle">
            {t('tokens.list', { count: list.length })}
          </h3>
          {tokens.loading && !tokens.data && <p className="hint">{t('state.loading')}</p>}
          {tokens.error && <p role="alert">{t(errorMessage(tokens.error).key)}</p>}
          {tokens.data && list.length === 0 && <p className="hint" data-testid="tokens-empty">{t('tokens.empty')}</p>}
          {list.length > 0 && (
            <table className="displays-table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th>{t('tokens.name')}</th>
                  <th>{t('tokens.scope')}</th>
                  <th>{t('tokens.createdBy')}</th>
                  <th>{t('tokens.created')}</th>
                  <th>{t('tokens.lastUsed')}</th>
                  <th>{t('tokens.status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((token) => (
                  <tr key={token.id} data-testid="token-row" data-revoked={token.revokedAt !== null}>
                    <td>{token.name}</td>
                    <td>{token.districtCode ? districtName(token.districtCode, language) : t('wall.cityWide')}</td>
                    <td>{token.createdBy}</td>
                    <td>{when(token.createdAt)}</td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td>{token.revokedAt ? t('tokens.revoked') : t('tokens.active')}</td>
                    <td className="displays-actions">
                      {!token.revokedAt && (
                        <button type="button" className="button button--small button--danger" onClick={() => void revoke(token)} data-testid="token-revoke">
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <form className="panel displays-form" onSubmit={(e) => void issue(e)} data-testid="token-form" aria-labelledby="token-form-title">
          <h3 id="token-form-title" className="panel__subtitle">
            {t('tokens.issueTitle')}
          </h3>
          <label className="field">
            <span>{t('tokens.name')}</span>
            <input value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} data-testid="token-name" />
          </label>
          <label className="field">
            <span>{t('tokens.scope')}</span>
            <select value={districtCode ?? ''} onChange={(e) => setDistrictCode(e.target.value || null)} data-testid="token-district">
              <option value="">{t('wall.cityWide')}</option>
              {SHANGHAI_DISTRICT_NAMES.map((d) => (
                <option key={d.code} value={d.code}>
                  {language === 'en' ? d.nameEn : d.name}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t('tokens.readOnly')}</p>
          {error && (
            <p role="alert" className="displays-error" data-testid="token-error">
              {t(errorMessage(error).key)} {error.message}
            </p>
          )}
          <div className="displays-buttons">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="token-issue">
              {t('tokens.issue')}
            </button>
          </div>
          {issued && (
            <div className="displays-created" role="status" data-testid="token-issued">
              <p>{t('tokens.issuedOnce', { name: issued.name })}</p>
              <code data-testid="token-secret">{issued.secret}</code>
              <p className="hint">{t('tokens.howTo')}</p>
              <code>{`ogrinfo --config GDAL_HTTP_HEADERS "Authorization: Bearer ${issued.secret}" OAPIF:${endpoint}`}</code>
              <div className="displays-buttons">
                <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(issued.secret)}>
                  {t('tokens.copy')}
                </button>
              </div>
            </div>
          )}
        </form>
      </div>
    </>,
  );
}
