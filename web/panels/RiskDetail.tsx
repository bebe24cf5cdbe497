import type { InstitutionRiskBody } from '../../server/contract/index.js';
import type { Resource } from '../api/use-resource.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

const TIER_COLOURS: Record<InstitutionRiskBody['tier'], string> = { A: '#1a9850', B: '#fee090', C: '#fc8d59', D: '#d73027' };

function rawValue(raw: InstitutionRiskBody['factors'][number]['raw'], t: (key: MessageKey) => string): string {
  if (raw === null) return t('detail.none');
  if (typeof raw === 'boolean') return t(raw ? 'risk.yes' : 'risk.no');
  return String(raw);
}

/** Risk score, tier, recommended inspection frequency and the factor table — every point traced to a factor. */
export function RiskDetail({ risk }: { risk: Resource<InstitutionRiskBody> }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  // An institution that is not found (or not in the user's district) is said once, by the panel above.
  if (risk.error?.code === 'not_found') return null;
  if (risk.error) return <div className="detail__state">{t('state.error', { message: errorText(i18n, risk.error) })}</div>;
  if (!risk.data) return <div className="skeleton-lines" aria-busy="true" />;
  const r = risk.data;
  return (
    <div className="risk-detail" data-testid="risk-detail">
      <h3 className="panel__title">{t('risk.title')}</h3>
      <dl className="detail__rows">
        <div className="detail__row">
          <dt>{t('risk.score')}</dt>
          <dd data-testid="risk-score">
            <strong>{r.score.toFixed(1)}</strong> / 100
          </dd>
        </div>
        <div className="detail__row">
          <dt>{t('risk.tier')}</dt>
          <dd>
            <span className="badge" style={{ background: TIER_COLOURS[r.tier], color: '#04111f', fontWeight: 700 }}>
              {t(`risk.tier${r.tier}` as MessageKey)}
            </span>
          </dd>
        </div>
        <div className="detail__row">
          <dt>{t('risk.frequency')}</dt>
          <dd>{language === 'en' ? r.frequency.labelEn : r.frequency.labelZh}</dd>
        </div>
      </dl>
      <table className="risk-factors" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12.5, marginTop: 6, fontVariantNumeric: 'tabular-nums' }}>
        <thead>
          <tr style={{ color: 'var(--muted)', textAlign: 'right' }}>
            <th style={{ textAlign: 'left', fontWeight: 500 }}>{t('risk.factor')}</th>
            <th style={{ fontWeight: 500 }}>{t('risk.value')}</th>
            <th style={{ fontWeight: 500 }}>{t('risk.weight')}</th>
            <th style={{ fontWeight: 500 }}>{t('risk.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {r.factors.map((f) => (
            <tr key={f.key} style={{ textAlign: 'right', borderTop: '1px solid var(--line)' }}>
              <td style={{ textAlign: 'left', padding: '3px 4px 3px 0' }}>{language === 'en' ? f.labelEn : f.labelZh}</td>
              <td>{rawValue(f.raw, t)}</td>
              <td>{f.weight}</td>
              <td>{f.contribution.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.overrides.length > 0 && (
        <p className="detail__hint">
          {t('risk.overrides')}: {r.overrides.join('; ')}
        </p>
      )}
      <p className="detail__hint">{t('risk.asOf', { date: r.asOf })}</p>
    </div>
  );
}
