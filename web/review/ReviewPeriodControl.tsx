import type { ReviewPeriod, ReviewPresets } from '../../server/contract/review.js';
import { isIsoDate } from '../../server/domain/time.js';
import { translateCode, useI18n } from '../i18n/index.js';

export interface ReviewPeriodControlProps {
  presets: ReviewPresets | null;
  period: ReviewPeriod | null;
  compare: ReviewPeriod | null;
  preset: string | null;
  onChange: (change: { period?: ReviewPeriod; compare?: ReviewPeriod | null; preset: string | null }) => void;
}

/** Dates are kept only when whole and in order: a half-typed date does not send a request the API refuses. */
function edited(p: ReviewPeriod | null, end: 'from' | 'to', value: string): ReviewPeriod | null {
  if (!isIsoDate(value)) return null;
  const next = { from: p?.from ?? value, to: p?.to ?? value, [end]: value };
  return next.from <= next.to ? next : null;
}

export function ReviewPeriodControl({ presets, period, compare, preset, onChange }: ReviewPeriodControlProps) {
  const { t } = useI18n();
  return (
    <section className="review-period" data-testid="review-period" aria-label={t('review.period')}>
      <div className="review-presets" role="group" aria-label={t('review.presets')}>
        {(presets?.presets ?? []).map((p) => (
          <button
            key={p.key}
            type="button"
            className={`chip${preset === p.key ? ' chip--on' : ''}`}
            aria-pressed={preset === p.key}
            data-testid={`review-preset-${p.key}`}
            title={`${p.period.from} ~ ${p.period.to}${p.note ? ` · ${p.note}` : ''}`}
            onClick={() => onChange({ period: p.period, compare: p.compare, preset: p.key })}
          >
            {translateCode(t, 'review.preset', p.key)}
            {p.note && <span className="review-presets__note">{p.note}</span>}
          </button>
        ))}
      </div>
      <div className="review-dates">
        <fieldset className="review-dates__set">
          <legend>{t('review.period')}</legend>
          <DateRange value={period} label={t('review.period')} testid="review-period-dates" onChange={(end, value) => { const next = edited(period, end, value); if (next) onChange({ period: next, preset: null }); }} />
        </fieldset>
        <fieldset className="review-dates__set review-dates__set--compare" data-testid="review-compare">
          <legend>{t('review.compare')}</legend>
          <DateRange value={compare} label={t('review.compare')} testid="review-compare-dates" onChange={(end, value) => { const next = edited(compare ?? period, end, value); if (next) onChange({ compare: next, preset: null }); }} />
          {compare && (
            <button type="button" className="button button--ghost button--small" data-testid="review-compare-clear" onClick={() => onChange({ compare: null, preset: null })}>
              {t('review.compareNone')}
            </button>
          )}
        </fieldset>
      </div>
    </section>
  );
}

function DateRange({ value, label, testid, onChange }: { value: ReviewPeriod | null; label: string; testid: string; onChange: (end: 'from' | 'to', value: string) => void }) {
  const { t } = useI18n();
  // Keyed by the value: a preset's dates replace what is shown, while typing edits the field in place.
  return (
    <span className="review-dates__pair" key={value ? `${value.from}/${value.to}` : '-'}>
      <input type="date" aria-label={`${label} ${t('review.from')}`} data-testid={`${testid}-from`} defaultValue={value?.from ?? ''} onChange={(e) => onChange('from', e.target.value)} />
      <span aria-hidden="true">~</span>
      <input type="date" aria-label={`${label} ${t('review.to')}`} data-testid={`${testid}-to`} defaultValue={value?.to ?? ''} onChange={(e) => onChange('to', e.target.value)} />
    </span>
  );
}
