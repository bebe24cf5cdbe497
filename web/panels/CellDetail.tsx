import { useI18n, type MessageKey } from '../i18n/index.js';
import { axisDate, barLayout, countTicks, spreadIndices } from '../analysis/series.js';
import type { ReactNode } from 'react';
import { hotspotColour } from '../layers/hotspot-colours.js';
import { emergingColour } from '../layers/emerging-colours.js';
import { css } from '../layers/theme.js';
import type { EmergingCategoryName } from '../../server/contract/index.js';

export interface CellHotspotFacts {
  code: string | null;
  clues: number;
  z: number;
  p: number;
  pFdr: number;
  bin: number;
  binFdr: number;
}

export interface CellEmergingFacts {
  category: EmergingCategoryName;
  trend: { z: number; p: number; tau: number };
}

export interface CellDetailProps {
  hotspot: CellHotspotFacts | null;
  emerging: CellEmergingFacts | null;
  /** Clue counts per bar (oldest first) and what a bar is. */
  series: number[];
  /** Calendar date (YYYY-MM-DD) on which each bar starts. */
  seriesStarts: string[];
  seriesStep: 'week' | 'month';
  /** Bars [from, to) that fall in the analysed period, drawn brighter. */
  highlight: [number, number] | null;
  fdr: boolean;
}

// The chart: plot area inside margins that hold the count axis (left), its title (top) and the time axis (bottom).
const CHART_WIDTH = 300;
const CHART_HEIGHT = 132;
const MARGIN = { left: 30, right: 8, top: 18, bottom: 34 };
const PLOT_WIDTH = CHART_WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
const TIME_TICKS = 4;
/** Over more days than this the time axis names months, under it days. */
const LONG_SPAN_DAYS = 120;
const TREND_ALPHA = 0.05;
const AXIS_COLOUR = 'rgba(255,255,255,0.35)';
const LABEL_COLOUR = '#8ea3bf';

const binKey = (bin: number): MessageKey =>
  (({ 3: 'hotspot.hot99', 2: 'hotspot.hot95', 1: 'hotspot.hot90', 0: 'hotspot.notSignificant', [-1]: 'hotspot.cold90', [-2]: 'hotspot.cold95', [-3]: 'hotspot.cold99' }) as Record<number, MessageKey>)[bin] ??
  'detail.none';

/** A fact with a line under it saying in plain words what the number means. */
function Fact({ label, help, children, testId }: { label: string; help: string; children: ReactNode; testId?: string }) {
  return (
    <div className="detail__row detail__row--explained">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
      <dd className="detail__help">{help}</dd>
    </div>
  );
}

const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** Clues per bar over time, with a count axis and a dated time axis, both titled. */
function SeriesChart({ series, starts, step, highlight, label }: { series: number[]; starts: string[]; step: 'week' | 'month'; highlight: [number, number] | null; label: string }) {
  const { t, language } = useI18n();
  const yTicks = countTicks(Math.max(0, ...series));
  const top = yTicks[yTicks.length - 1];
  const bars = barLayout(series, PLOT_WIDTH, PLOT_HEIGHT, 1, top);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const barWidth = series.length > 0 ? PLOT_WIDTH / series.length : 0;
  const dated = starts.length === series.length;
  const longSpan = dated && series.length > 1 && daysBetween(starts[0], starts[starts.length - 1]) > LONG_SPAN_DAYS;
  const xTicks = dated ? spreadIndices(series.length, TIME_TICKS) : [];
  const stepWord = t(`emerging.${step}`);
  return (
    <svg width={CHART_WIDTH} height={CHART_HEIGHT} viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} role="img" aria-label={label} data-testid="cell-chart" className="cell-chart">
      <text x={MARGIN.left} y={10} fill={LABEL_COLOUR} fontSize={11} data-testid="chart-y-title">
        {t('cell.axisClues')}
      </text>
      {yTicks.map((v) => (
        <g key={v} data-testid="chart-y-tick">
          <line x1={MARGIN.left - 3} x2={MARGIN.left + PLOT_WIDTH} y1={y(v)} y2={y(v)} stroke={v === 0 ? AXIS_COLOUR : 'rgba(255,255,255,0.08)'} />
          <text x={MARGIN.left - 5} y={y(v)} fill={LABEL_COLOUR} fontSize={10} textAnchor="end" dominantBaseline="middle">
            {v.toLocaleString(language)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const inRange = highlight !== null && i >= highlight[0] && i < highlight[1];
        return (
          <rect key={i} x={MARGIN.left + bar.x} y={MARGIN.top + bar.y} width={bar.width} height={bar.height} fill={inRange ? '#fc8d59' : 'rgba(145, 191, 219, 0.55)'}>
            <title>{dated ? `${starts[i]}: ${bar.value}` : String(bar.value)}</title>
          </rect>
        );
      })}
      {xTicks.map((i, k) => {
        const x = MARGIN.left + (i + 0.5) * barWidth;
        const anchor = k === 0 ? 'start' : k === xTicks.length - 1 ? 'end' : 'middle';
        return (
          <g key={i} data-testid="chart-x-tick">
            <line x1={x} x2={x} y1={MARGIN.top + PLOT_HEIGHT} y2={MARGIN.top + PLOT_HEIGHT + 3} stroke={AXIS_COLOUR} />
            <text x={anchor === 'start' ? MARGIN.left : anchor === 'end' ? MARGIN.left + PLOT_WIDTH : x} y={MARGIN.top + PLOT_HEIGHT + 13} fill={LABEL_COLOUR} fontSize={10} textAnchor={anchor}>
              {axisDate(starts[i], language, longSpan)}
            </text>
          </g>
        );
      })}
      <text x={MARGIN.left + PLOT_WIDTH / 2} y={CHART_HEIGHT - 4} fill={LABEL_COLOUR} fontSize={11} textAnchor="middle" data-testid="chart-x-title">
        {t('cell.axisTime', { step: stepWord })}
      </text>
    </svg>
  );
}

/** Hot spot facts of one 网格: z, p, confidence, space-time pattern and trend, each explained, and its clues over time. */
export function CellDetail({ hotspot, emerging, series, seriesStarts, seriesStep, highlight, fdr }: CellDetailProps) {
  const { t } = useI18n();
  const bin = hotspot ? (fdr ? hotspot.binFdr : hotspot.bin) : 0;
  const trend = emerging?.trend;
  const trendKey: MessageKey = !trend || trend.p > TREND_ALPHA ? 'cell.trendNone' : trend.tau > 0 ? 'cell.trendUp' : 'cell.trendDown';
  return (
    <div className="cell-detail" data-testid="cell-detail">
      <h3 className="panel__title">{t('cell.hotspot')}</h3>
      <dl className="detail__rows">
        {hotspot && (
          <>
            <div className="detail__row">
              <dt>{t('cell.bin')}</dt>
              <dd>
                <span className="swatch" style={{ display: 'inline-block', verticalAlign: 'middle', marginRight: 6, background: css(hotspotColour(bin)) }} />
                {t(binKey(bin))}
              </dd>
            </div>
            <div className="detail__row">
              <dt>{t('cell.clues')}</dt>
              <dd>{hotspot.clues}</dd>
            </div>
            <Fact label={t('cell.z')} help={t('cell.zHelp')} testId="cell-z">
              {hotspot.z.toFixed(3)}
            </Fact>
            <Fact label={t('cell.p')} help={t('cell.pHelp')}>
              {hotspot.p.toPrecision(3)}
            </Fact>
            <Fact label={t('cell.pFdr')} help={t('cell.pFdrHelp')}>
              {hotspot.pFdr.toPrecision(3)}
            </Fact>
          </>
        )}
        {emerging && (
          <>
            <div className="detail__row">
              <dt>{t('cell.category')}</dt>
              <dd>
                <span className="swatch" style={{ display: 'inline-block', verticalAlign: 'middle', marginRight: 6, background: css(emergingColour(emerging.category)) }} />
                {t(`emerging.${emerging.category}` as MessageKey)}
              </dd>
            </div>
            <Fact label={t('cell.trend')} help={t('cell.trendHelp')}>
              {t(trendKey, { tau: emerging.trend.tau.toFixed(2), p: emerging.trend.p.toPrecision(2) })}
            </Fact>
          </>
        )}
      </dl>
      {series.length > 0 && (
        <figure style={{ margin: '8px 0 0' }}>
          <figcaption className="legend__caption">
            {t('cell.counts')}
            {highlight && <span className="cell-chart__key"> · {t('cell.chartHighlight')}</span>}
          </figcaption>
          <SeriesChart
            series={series}
            starts={seriesStarts}
            step={seriesStep}
            highlight={highlight}
            label={t('cell.chartLabel', { code: hotspot?.code ?? '', step: t(`emerging.${seriesStep}`) })}
          />
        </figure>
      )}
    </div>
  );
}
