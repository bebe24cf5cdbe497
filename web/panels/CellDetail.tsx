import { useI18n, type MessageKey } from '../i18n/index.js';
import { barLayout } from '../analysis/series.js';
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
  seriesStep: 'week' | 'month';
  /** Bars [from, to) that fall in the analysed period, drawn brighter. */
  highlight: [number, number] | null;
  fdr: boolean;
}

const CHART_WIDTH = 260;
const CHART_HEIGHT = 56;
const TREND_ALPHA = 0.05;

const binKey = (bin: number): MessageKey =>
  (({ 3: 'hotspot.hot99', 2: 'hotspot.hot95', 1: 'hotspot.hot90', 0: 'hotspot.notSignificant', [-1]: 'hotspot.cold90', [-2]: 'hotspot.cold95', [-3]: 'hotspot.cold99' }) as Record<number, MessageKey>)[bin] ??
  'detail.none';

/** Hot spot facts of one 网格: z, p, confidence, space-time pattern and trend, and its clues over time as bars. */
export function CellDetail({ hotspot, emerging, series, seriesStep, highlight, fdr }: CellDetailProps) {
  const { t } = useI18n();
  const bars = barLayout(series, CHART_WIDTH, CHART_HEIGHT);
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
            <div className="detail__row">
              <dt>{t('cell.z')}</dt>
              <dd data-testid="cell-z">{hotspot.z.toFixed(3)}</dd>
            </div>
            <div className="detail__row">
              <dt>{t('cell.p')}</dt>
              <dd>{hotspot.p.toPrecision(3)}</dd>
            </div>
            <div className="detail__row">
              <dt>{t('cell.pFdr')}</dt>
              <dd>{hotspot.pFdr.toPrecision(3)}</dd>
            </div>
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
            <div className="detail__row">
              <dt>{t('cell.trend')}</dt>
              <dd>{t(trendKey, { tau: emerging.trend.tau.toFixed(2), p: emerging.trend.p.toPrecision(2) })}</dd>
            </div>
          </>
        )}
      </dl>
      {series.length > 0 && (
        <figure style={{ margin: '8px 0 0' }}>
          <figcaption className="legend__caption">{t('cell.counts')}</figcaption>
          <svg
            width={CHART_WIDTH}
            height={CHART_HEIGHT}
            viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
            role="img"
            aria-label={t('cell.chartLabel', { code: hotspot?.code ?? '', step: t(`emerging.${seriesStep}`) })}
            data-testid="cell-chart"
          >
            <line x1={0} x2={CHART_WIDTH} y1={CHART_HEIGHT - 0.5} y2={CHART_HEIGHT - 0.5} stroke="rgba(255,255,255,0.25)" />
            {bars.map((bar, i) => {
              const inRange = highlight !== null && i >= highlight[0] && i < highlight[1];
              return (
                <rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={inRange ? '#fc8d59' : 'rgba(145, 191, 219, 0.55)'}>
                  <title>{bar.value}</title>
                </rect>
              );
            })}
          </svg>
        </figure>
      )}
    </div>
  );
}
