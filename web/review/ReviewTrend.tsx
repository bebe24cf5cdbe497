import { useMemo } from 'react';
import type { ReviewTrend as Trend } from '../../server/contract/review.js';
import { useI18n } from '../i18n/index.js';
import { Chart, type ChartOption } from '../report/Chart.js';

// The unit's line drawn heavier than its children's, and only the children with the most clues: a dozen 街镇 lines
// over two years cannot be told apart.
const CHILD_LINES = 5;
const PALETTE = ['#ffd166', '#56b4e9', '#00d1c1', '#e69f00', '#cc79a7', '#9ccc65'];
const AXIS = { axisLine: { lineStyle: { color: '#3a4a62' } }, axisLabel: { color: '#8ea3bf' }, splitLine: { lineStyle: { color: 'rgba(86,180,233,0.12)' } } };

export interface ReviewTrendProps {
  trend: Trend | null;
  loading: boolean;
  error: string | null;
  /** The unit is an institution: the lines are its grid cell's. */
  ofCell: boolean;
}

export function ReviewTrend({ trend, loading, error, ofCell }: ReviewTrendProps) {
  const { t } = useI18n();
  const lines = useMemo(() => (trend ? trend.series.slice(0, CHILD_LINES + 1) : []), [trend]);
  const option = (measure: 'received' | 'closureRate'): ChartOption => ({
    color: PALETTE,
    grid: { left: 48, right: 16, top: 34, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (measure === 'closureRate' && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v ?? '—')) },
    legend: { type: 'scroll', top: 0, textStyle: { color: '#c9d6e8' }, pageTextStyle: { color: '#8ea3bf' } },
    xAxis: { type: 'category', data: trend?.steps.map((s) => (trend.step === 'month' ? s.slice(0, 7) : s.slice(5))) ?? [], ...AXIS },
    yAxis: { type: 'value', min: 0, ...(measure === 'closureRate' ? { max: 1, axisLabel: { color: '#8ea3bf', formatter: (v: number) => `${Math.round(v * 100)}%` } } : {}), ...(measure === 'closureRate' ? { axisLine: AXIS.axisLine, splitLine: AXIS.splitLine } : AXIS) },
    series: lines.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: measure === 'received' ? s.received : s.closureRate,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: i === 0 ? 3 : 1.5 },
      z: i === 0 ? 3 : 2,
    })),
  });
  const name = trend?.series[0]?.name ?? '';
  return (
    <section className="review-trend panel" data-testid="review-trend" aria-busy={loading} aria-label={t('review.trend')}>
      <h2 className="panel__title">{t('review.trend')}</h2>
      {ofCell && <p className="hint">{t('review.trend.institution')}</p>}
      {error && <p className="hint hint--error" role="alert">{error}</p>}
      {!trend && !error && <p className="hint" role="status">{t('state.loading')}</p>}
      {trend && (
        <div className="review-trend__charts">
          <div>
            <h3 className="review-trend__title">{t('review.trend.received')}</h3>
            <Chart option={option('received')} height={220} label={t('review.trend.chart', { name })} />
          </div>
          <div>
            <h3 className="review-trend__title">{t('review.trend.closureRate')}</h3>
            <Chart option={option('closureRate')} height={220} label={t('review.trend.chart', { name })} />
          </div>
        </div>
      )}
    </section>
  );
}
