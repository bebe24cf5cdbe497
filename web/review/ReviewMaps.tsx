import type { Layer } from '@deck.gl/core';
import type { CellsDiff } from '../analysis/review-diff.js';
import { useI18n } from '../i18n/index.js';
import { hotspotLegend } from '../layers/hotspot-colours.js';
import { CHANGE_OUTLINE, diffColour } from '../layers/review-diff-layer.js';
import { css, darkTheme } from '../layers/theme.js';
import type { DistrictFeature } from '../layers/types.js';
import type { Bounds } from '../layers/bounds.js';
import { MapView } from '../map/MapView.js';
import { DEFAULT_VIEW, type MapView as View } from '../state/dashboard.js';
import type { CompareMode } from '../state/review-url.js';
import type { MapRequest } from './use-review-page.js';
import { periodText } from './format.js';

export interface ReviewMapsProps {
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
  period: { from: string; to: string } | null;
  compare: { from: string; to: string } | null;
  districts: readonly DistrictFeature[];
  selectedDistrict: string | null;
  periodLayers: Layer[];
  compareLayers: Layer[];
  diffLayers: Layer[];
  diff: CellsDiff | null;
  requests: { period: MapRequest | null; compare: MapRequest | null };
  initialView: View | null;
  onViewChange: (which: 'period' | 'compare', view: View, bounds: Bounds) => void;
  loading: boolean;
  error: string | null;
}

const ignore = () => {};

export function ReviewMaps(props: ReviewMapsProps) {
  const { t } = useI18n();
  const { mode, compare } = props;
  const side = mode === 'side';
  const map = (which: 'period' | 'compare', layers: Layer[], title: string) => (
    <figure className="review-map__pane" data-testid={`review-map-${which}`}>
      <MapView
        theme={darkTheme}
        basemapUrl={null}
        initialView={props.initialView ?? DEFAULT_VIEW}
        viewRequest={props.requests[which]}
        layers={[]}
        liveLayers={layers}
        prepareLive
        districts={props.districts}
        showDistricts
        selectedDistrict={props.selectedDistrict}
        label={t('review.map.label', { period: title })}
        onViewChange={(view, bounds) => props.onViewChange(which, view, bounds)}
        onHover={ignore}
        onClick={ignore}
      />
      <figcaption className="review-map__caption">{title}</figcaption>
    </figure>
  );
  return (
    <section className="review-map panel" data-testid="review-map" data-mode={mode} aria-label={t('review.mode')}>
      <div className="review-map__bar">
        <div className="review-toggle" role="group" aria-label={t('review.mode')}>
          {(['side', 'diff'] as const).map((m) => (
            <button key={m} type="button" className={`chip${mode === m ? ' chip--on' : ''}`} aria-pressed={mode === m} data-testid={`review-mode-${m}`} onClick={() => props.onMode(m)}>
              {t(`review.mode.${m}`)}
            </button>
          ))}
        </div>
        {props.loading && (
          <span className="hint" role="status">
            <span className="spinner" /> {t('review.map.computing')}
          </span>
        )}
        {props.error && <span className="hint hint--error" role="alert">{props.error}</span>}
        {!side && props.diff && <span className="hint" data-testid="review-diff-changed">{t('review.diff.changed', { n: props.diff.change.length - props.diff.counts.same })}</span>}
      </div>
      <div className={`review-map__panes review-map__panes--${side ? 'two' : 'one'}`}>
        {side ? (
          <>
            {map('period', props.periodLayers, `${t('review.map.period')} ${periodText(props.period)}`)}
            {map('compare', props.compareLayers, compare ? `${t('review.map.compare')} ${periodText(compare)}` : t('review.compareNone'))}
          </>
        ) : (
          <>
            {map('period', props.diffLayers, t('review.map.diff'))}
            {!compare && <p className="review-map__note" role="status">{t('review.map.noCompare')}</p>}
          </>
        )}
      </div>
      <Legend side={side} diff={props.diff} />
    </section>
  );
}

function Legend({ side, diff }: { side: boolean; diff: CellsDiff | null }) {
  const { t } = useI18n();
  if (side)
    return (
      <ul className="review-legend" aria-label="Gi*">
        {hotspotLegend().map((row) => (
          <li key={row.bin}>
            <span className="swatch" style={{ background: css(row.colour) }} />
            {t(row.key)}
          </li>
        ))}
      </ul>
    );
  const max = diff?.maxAbs ?? 1;
  return (
    <ul className="review-legend" aria-label={t('review.map.diff')}>
      <li>
        <span className="swatch" style={{ background: css(diffColour(max, max)) }} />
        {t('review.diff.more')} (+{max})
      </li>
      <li>
        <span className="swatch" style={{ background: css(diffColour(-max, max)) }} />
        {t('review.diff.fewer')} (−{max})
      </li>
      <li>
        <span className="swatch swatch--outline" style={{ borderColor: css(CHANGE_OUTLINE.warmer) }} />
        {t('review.diff.warmer')}
      </li>
      <li>
        <span className="swatch swatch--outline" style={{ borderColor: css(CHANGE_OUTLINE.cooler) }} />
        {t('review.diff.cooler')}
      </li>
    </ul>
  );
}
