import type { Dispatch } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { emergingLegend } from '../layers/emerging-colours.js';
import { hotspotLegend, type HotspotBin } from '../layers/hotspot-colours.js';
import { css } from '../layers/theme.js';
import type { TimeRange } from '../state/dashboard.js';
import { rangeFromOffsets, sliderOffsets, type HotspotAction, type HotspotState } from '../state/hotspot.js';

export interface HotspotFrameInfo {
  cells: number;
  clues: number;
  /** Time of the last live recompute (sum of the steps in range + Gi*), in milliseconds. */
  ms: number;
  counts: Record<HotspotBin, number>;
}

export interface HotspotPanelProps {
  state: HotspotState;
  dispatch: Dispatch<HotspotAction>;
  /** The days the map holds counts for. */
  window: TimeRange;
  /** The range shown: the one being dragged, else the dashboard's. */
  range: TimeRange;
  /** Called when a drag ends: the dashboard's range follows, so the other layers update once. */
  onCommit: (range: TimeRange) => void;
  frame: HotspotFrameInfo | null;
  loading: boolean;
  error: string | null;
  emergingCounts: Record<string, number> | null;
  emergingLoading: boolean;
}

function Toggle({ checked, label, onChange, testId }: { checked: boolean; label: string; onChange: () => void; testId: string }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={onChange} data-testid={testId} />
      <span className="toggle__track" aria-hidden="true" />
      <span className="toggle__label">{label}</span>
    </label>
  );
}

/** Toggles, the live time-range slider and the legends of the hot spot layers. */
export function HotspotPanel(props: HotspotPanelProps) {
  const { t, language } = useI18n();
  const { state, dispatch, window, range, frame } = props;
  const last = sliderOffsets(window, window)[1];
  const [a, b] = sliderOffsets(window, range);
  const drag = (lo: number, hi: number) => dispatch({ type: 'draftRangeSet', range: rangeFromOffsets(window, lo, hi) });
  const release = () => {
    if (state.draft) props.onCommit(state.draft);
    dispatch({ type: 'draftRangeEnded' });
  };
  const sliderProps = { type: 'range', min: 0, max: last, step: 1, onPointerUp: release, onKeyUp: release, onBlur: release, style: { width: '100%' } } as const;
  return (
    <section className="panel" aria-labelledby="hotspot-title" data-testid="hotspot-panel" data-loading={props.loading || props.emergingLoading ? 'true' : 'false'}>
      <h2 id="hotspot-title" className="panel__title">
        {t('hotspot.title')}
      </h2>
      <ul className="layer-list">
        <li className="layer-row">
          <Toggle checked={state.showHotspots} label={t('hotspot.layer')} onChange={() => dispatch({ type: 'hotspotLayerToggled' })} testId="toggle-hotspots" />
          <span className="layer-row__status">{state.showHotspots && props.loading && <span className="spinner" aria-label={t('hotspot.loading')} />}</span>
        </li>
        <li className="layer-row">
          <Toggle checked={state.showEmerging} label={t('hotspot.emergingLayer')} onChange={() => dispatch({ type: 'emergingLayerToggled' })} testId="toggle-emerging" />
          <span className="layer-row__status">{state.showEmerging && props.emergingLoading && <span className="spinner" aria-label={t('state.loading')} />}</span>
        </li>
      </ul>
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
      {state.showHotspots && (
        <div data-testid="hotspot-live">
          <div className="legend__caption">{t('hotspot.range', { from: range.from, to: range.to })}</div>
          <input {...sliderProps} aria-label={t('time.from')} value={a} onChange={(e) => drag(Number(e.target.value), b)} data-testid="hotspot-slider-from" />
          <input {...sliderProps} aria-label={t('time.to')} value={b} onChange={(e) => drag(a, Number(e.target.value))} data-testid="hotspot-slider-to" />
          <div className="legend__caption">{t('hotspot.drag')}</div>
          <label className="toggle">
            <input type="checkbox" checked={state.fdr} onChange={() => dispatch({ type: 'fdrToggled' })} data-testid="toggle-fdr" />
            <span className="toggle__track" aria-hidden="true" />
            <span className="toggle__label">{t('hotspot.fdr')}</span>
          </label>
          {frame && (
            <div className="legend__caption" data-testid="hotspot-stats" data-ms={frame.ms.toFixed(2)}>
              {t('hotspot.recompute', { cells: frame.cells.toLocaleString(language), ms: frame.ms.toFixed(1) })} · {t('hotspot.clues', { count: frame.clues.toLocaleString(language) })}
            </div>
          )}
          <div className="legend__caption">{t('hotspot.legend')}</div>
          <ol className="legend__statuses" style={{ gridTemplateColumns: '1fr' }} data-testid="hotspot-legend">
            {hotspotLegend().map((entry) => (
              <li key={entry.bin}>
                <span className="swatch" style={{ background: css(entry.colour) }} />
                {t(entry.key)}
                {frame && <span className="count" style={{ marginLeft: 'auto' }}>{frame.counts[entry.bin]}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {state.showEmerging && (
        <div data-testid="emerging-legend">
          <div className="presets" role="group" aria-label={t('emerging.step')}>
            {(['week', 'month'] as const).map((step) => (
              <button key={step} type="button" className={`chip ${state.emergingStep === step ? 'chip--on' : ''}`} aria-pressed={state.emergingStep === step} onClick={() => dispatch({ type: 'emergingStepSet', step })}>
                {t(`emerging.${step}`)}
              </button>
            ))}
          </div>
          <div className="legend__caption">{t('emerging.legend')}</div>
          <ol className="legend__statuses" style={{ gridTemplateColumns: '1fr' }}>
            {emergingLegend(props.emergingCounts ?? undefined).map((entry) => (
              <li key={entry.category}>
                <span className="swatch" style={{ background: css(entry.colour) }} />
                {t(`emerging.${entry.category}` as MessageKey)}
                {entry.count !== null && <span className="count" style={{ marginLeft: 'auto' }}>{entry.count}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
