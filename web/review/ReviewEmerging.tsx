import { useI18n } from '../i18n/index.js';
import { EMERGING_COLOURS } from '../layers/emerging-colours.js';
import { css } from '../layers/theme.js';
import type { EmergingRow } from './use-review-page.js';

export interface ReviewEmergingProps {
  rows: readonly EmergingRow[] | null;
  range: { from: string; to: string } | null;
  step: 'week' | 'month';
  loading: boolean;
  error: string | null;
}

/** The emerging hot spot categories of the unit's cells, each with what it means for the leader reading it. */
export function ReviewEmerging({ rows, range, step, loading, error }: ReviewEmergingProps) {
  const { t } = useI18n();
  return (
    <section className="review-emerging panel" data-testid="review-emerging" aria-busy={loading} aria-label={t('review.emerging')}>
      <h2 className="panel__title">{t('review.emerging')}</h2>
      {range && <p className="hint">{t('review.emerging.window', { from: range.from, to: range.to, step: t(`emerging.${step}`) })}</p>}
      {error && <p className="hint hint--error" role="alert">{error}</p>}
      {!rows && !error && <p className="hint" role="status">{t('state.loading')}</p>}
      {rows && rows.length === 0 && <p className="hint" role="status">{t('review.emerging.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="review-emerging__list">
          {rows.map((row) => (
            <li key={row.category} data-testid="review-emerging-row" data-category={row.category}>
              <span className="swatch" style={{ background: css(EMERGING_COLOURS[row.category]) }} />
              <span>
                <strong>{t(`emerging.${row.category}`)}</strong> <span className="count">{t('review.emerging.cells', { n: row.cells })}</span>
                <br />
                <span className="hint">{t(`review.emergingMeans.${row.category}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
