import type { ReviewKpis as Kpis, ReviewPeriod } from '../../server/contract/review.js';
import { changeRatio } from '../../server/domain/period-change.js';
import { pointChange } from '../analysis/review-diff.js';
import { useI18n } from '../i18n/index.js';
import { changeText, countText, periodText, pointsText, rateText } from './format.js';

// The unit's measures of both periods beside each other. Counts change in per cent; rates in percentage points as
// well, since "+25 %" of a closure rate reads as if a quarter more clues were closed.

export const KPI_NAMES = ['received', 'closed', 'closureRate', 'onTimeRate', 'openOverdue', 'repeatOffenders', 'inspections'] as const;
type KpiName = (typeof KPI_NAMES)[number];
const RATES: ReadonlySet<KpiName> = new Set(['closureRate', 'onTimeRate']);
/** Measures where more is worse: their rise is marked as bad news. */
const WORSE_WHEN_HIGHER: ReadonlySet<KpiName> = new Set(['openOverdue', 'repeatOffenders', 'received']);

export interface ReviewKpisProps {
  kpis: Kpis | null;
  compareKpis: Kpis | null;
  period: ReviewPeriod | null;
  compare: ReviewPeriod | null;
  loading: boolean;
}

export function ReviewKpis({ kpis, compareKpis, period, compare, loading }: ReviewKpisProps) {
  const { t } = useI18n();
  return (
    <section className="review-kpis panel" data-testid="review-kpis" aria-busy={loading} aria-label={t('review.kpis')}>
      <h2 className="panel__title">{t('review.kpis')}</h2>
      <table className="review-table review-kpis__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              {t('review.kpi.period')}
              <small>{periodText(period)}</small>
            </th>
            <th scope="col">
              {t('review.kpi.compare')}
              <small>{periodText(compare)}</small>
            </th>
            <th scope="col">{t('review.kpi.change')}</th>
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((name) => {
            const a = kpis ? kpis[name] : null;
            const b = compareKpis ? compareKpis[name] : null;
            const rate = RATES.has(name);
            // A rate changes in percentage points; a count in per cent, none on a base too small to say anything.
            const change = rate ? pointChange(a, b) : changeRatio(a, b);
            const direction = change === null || change === 0 ? 'flat' : (change > 0) !== WORSE_WHEN_HIGHER.has(name) ? 'good' : 'bad';
            return (
              <tr key={name} data-testid={`review-kpi-${name}`}>
                <th scope="row">{t(`review.kpi.${name}`)}</th>
                <td className="num" data-testid="review-kpi-period">{loading && !kpis ? '…' : rate ? rateText(a) : countText(a)}</td>
                <td className="num" data-testid="review-kpi-compare">{compare ? (rate ? rateText(b) : countText(b)) : '—'}</td>
                <td className={`num review-change review-change--${direction}`} data-testid="review-kpi-change">
                  {compare ? (rate ? pointsText(t, change) : changeText(change)) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
