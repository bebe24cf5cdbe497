import type { ClueMetricsAnswer } from '../../server/contract/clue-loop.js';
import { useI18n } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { stripFigures } from '../state/desk.js';

export interface DeskMetricsProps {
  metrics: ClueMetricsAnswer | null;
  district: string | null;
  loading: boolean;
  error: string | null;
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The strip above the desk: on-time rate, open overdue, handling time p50/p90 and reopen rate of the last 30 days. */
export function DeskMetrics({ metrics, district, loading, error }: DeskMetricsProps) {
  const { t, language } = useI18n();
  const f = metrics ? stripFigures(metrics, district) : null;
  const hours = (v: number | null | undefined) => (v == null ? '—' : t('desk.metrics.hours', { h: v.toFixed(1) }));
  const cells: { key: string; label: string; value: string }[] = [
    { key: 'onTime', label: t('desk.metrics.onTime'), value: percent(f?.onTimeRate ?? null) },
    { key: 'openOverdue', label: t('desk.metrics.openOverdue'), value: f ? String(f.openOverdue) : '—' },
    { key: 'p50', label: t('desk.metrics.p50'), value: hours(f?.p50) },
    { key: 'p90', label: t('desk.metrics.p90'), value: hours(f?.p90) },
    { key: 'reopen', label: t('desk.metrics.reopen'), value: percent(f?.reopenRate ?? null) },
  ];
  return (
    <section className="desk-metrics panel" aria-label={t('desk.metrics')} aria-busy={loading} data-testid="desk-metrics">
      <span className="desk-metrics__title">
        {t('desk.metrics')} · {district ? districtName(district, language) : t('user.cityWide')}
        {metrics && <span className="hint"> {metrics.from} ~ {metrics.to}</span>}
      </span>
      {cells.map((c) => (
        <span key={c.key} className="desk-metric" data-testid={`desk-metric-${c.key}`}>
          <span className="desk-metric__label">{c.label}</span>
          <strong className="desk-metric__value">{c.value}</strong>
        </span>
      ))}
      {error && <span className="hint hint--error" role="alert">{error}</span>}
    </section>
  );
}
