import { useState } from 'react';
import type { GisToken } from '../../server/contract/gis-tokens.js';
import { issueGisToken, revokeGisToken, useGisTokens } from '../api/gis-tokens.js';
import { useI18n } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { RegistryError, RegistryList, RegistryShell, ScopeSelect, ShownOnce, useRegistryWrites, type RegistryPageProps } from '../panels/AdminRegistry.js';
import { PageHeader } from '../panels/PageHeader.js';

// GIS令牌 (`?page=tokens`, administrators): the bearer tokens with which QGIS or ogr2ogr read the OGC API at /ogc;
// a new token's secret shown once, a token revoked. The list is read here and handed to the rows.

export type TokensViewProps = RegistryPageProps;

export function TokensView(props: TokensViewProps) {
  const { t } = useI18n();
  return (
    <RegistryShell id="tokens" {...props} forbidden={{ title: t('tokens.forbidden'), body: t('tokens.forbiddenBody'), back: t('tokens.back') }}>
      {() => <Tokens onBack={props.onBack} />}
    </RegistryShell>
  );
}

function Tokens({ onBack }: { onBack: () => void }) {
  const { t, language } = useI18n();
  const writes = useRegistryWrites();
  const tokens = useGisTokens(writes.revision);
  const [name, setName] = useState('');
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);

  const issue = (event: React.FormEvent) => {
    event.preventDefault();
    void writes.run(async () => {
      const answer = await issueGisToken({ name, districtCode });
      setIssued({ name: answer.token.name, secret: answer.secret });
      setName('');
    });
  };
  const revoke = (token: GisToken) => {
    if (window.confirm(t('tokens.revokeConfirm', { name: token.name }))) void writes.run(() => revokeGisToken(token.id));
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai' }) : t('tokens.never'));
  const endpoint = `${window.location.origin}/ogc`;
  return (
    <>
      <PageHeader title={t('tokens.title')} subtitle={t('tokens.subtitle', { endpoint })} back={t('tokens.back')} onBack={onBack} backTestId="tokens-back" />
      <div className="displays-grid">
        <RegistryList
          id="tokens"
          title={t('tokens.list', { count: tokens.data?.length ?? 0 })}
          resource={tokens}
          empty={t('tokens.empty')}
          columns={[t('tokens.name'), t('tokens.scope'), t('tokens.createdBy'), t('tokens.created'), t('tokens.lastUsed'), t('tokens.status')]}
          row={(token) => (
            <tr key={token.id} data-testid="token-row" data-revoked={token.revokedAt !== null}>
              <td>{token.name}</td>
              <td>{token.districtCode ? districtName(token.districtCode, language) : t('wall.cityWide')}</td>
              <td>{token.createdBy}</td>
              <td>{when(token.createdAt)}</td>
              <td>{when(token.lastUsedAt)}</td>
              <td>{token.revokedAt ? t('tokens.revoked') : t('tokens.active')}</td>
              <td className="displays-actions">
                {!token.revokedAt && (
                  <button type="button" className="button button--small button--danger" onClick={() => revoke(token)} data-testid="token-revoke">
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          )}
        />

        <form className="panel displays-form" onSubmit={issue} data-testid="token-form" aria-labelledby="token-form-title">
          <h3 id="token-form-title" className="panel__subtitle">
            {t('tokens.issueTitle')}
          </h3>
          <label className="field">
            <span>{t('tokens.name')}</span>
            <input value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} data-testid="token-name" />
          </label>
          <label className="field">
            <span>{t('tokens.scope')}</span>
            <ScopeSelect value={districtCode} onChange={setDistrictCode} testId="token-district" />
          </label>
          <p className="hint">{t('tokens.readOnly')}</p>
          <RegistryError error={writes.error} testId="token-error" />
          <div className="displays-buttons">
            <button type="submit" className="button button--primary" disabled={writes.busy} data-testid="token-issue">
              {t('tokens.issue')}
            </button>
          </div>
          {issued && (
            <ShownOnce message={t('tokens.issuedOnce', { name: issued.name })} value={issued.secret} testId="token-issued" valueTestId="token-secret" copy={t('tokens.copy')}>
              <p className="hint">{t('tokens.howTo')}</p>
              <code>{`ogrinfo --config GDAL_HTTP_HEADERS "Authorization: Bearer ${issued.secret}" OAPIF:${endpoint}`}</code>
            </ShownOnce>
          )}
        </form>
      </div>
    </>
  );
}
