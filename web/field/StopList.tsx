import { useI18n, type MessageKey } from '../i18n/index.js';
import type { StopView } from '../state/field.js';

export interface StopListProps {
  views: readonly StopView[];
  onOpen: (targetKey: string) => void;
}

/** The stops in route order, each a large button: number, name, address, ETA, risk tier, status, flags. */
export function StopList({ views, onOpen }: StopListProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="field-stops-title">
      <h2 id="field-stops-title" className="phone-heading">
        {t('field.stops', { count: views.length })}
      </h2>
      <ol className="phone-stops" data-testid="field-stops">
        {views.map((v) => (
          <li key={v.stop.targetKey}>
            <button type="button" className={`phone-stop phone-stop--${v.status}`} onClick={() => onOpen(v.stop.targetKey)} data-testid="field-stop" data-status={v.status} data-target={v.stop.targetKey}>
              <span className="phone-stop__order" aria-label={t('field.order', { n: v.stop.order })}>
                {v.stop.order}
              </span>
              <span className="phone-stop__body">
                <span className="phone-stop__name">{v.stop.name}</span>
                <span className="phone-stop__address">{v.stop.address}</span>
                <span className="phone-stop__meta">
                  <span>
                    {t('field.eta')} {v.stop.eta}
                  </span>
                  {v.stop.riskTier && <span className={`phone-tier phone-tier--${v.stop.riskTier}`}>{t(`risk.tier${v.stop.riskTier}` as MessageKey)}</span>}
                </span>
              </span>
              <span className="phone-stop__state">
                <span className={`phone-status phone-status--${v.status}`} data-testid="field-stop-status">
                  {t(`field.status.${v.status}` as MessageKey)}
                </span>
                {v.far && (v.checkIn || v.queuedCheckIn) && <span className="phone-flag" data-testid="field-stop-far">{t('field.far')}</span>}
                {v.unsynced && <span className={`phone-flag${v.refused ? ' phone-flag--alert' : ''}`}>{t(v.refused ? 'field.refused' : 'field.notSynced')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
