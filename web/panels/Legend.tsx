import { institutionStatuses } from '../../server/domain/vocabulary.js';
import { useI18n } from '../i18n/index.js';
import { choroplethLegend } from '../layers/choropleth.js';
import type { ChoroplethModel } from '../layers/deck-layers.js';
import { css, darkTheme } from '../layers/theme.js';
import type { LayerId } from '../state/dashboard.js';


export function Legend({ model, visible, institutionMode }: { model: ChoroplethModel; visible: Record<LayerId, boolean>; institutionMode: 'clusters' | 'points' | 'tiles' }) {
  const { t } = useI18n();
  // An empty legend box reads as broken: with no legend-bearing layer on there is nothing to explain.
  if (!visible.grid && !visible.heatmap && !visible.institutions) return null;
  const classes = choroplethLegend(model.breaks, model.level === 'gridCells' ? darkTheme.choropleth : darkTheme.districtChoropleth);
  const heat = darkTheme.heatmap.map((c) => css([c[0], c[1], c[2], 255])).slice(1).join(', ');
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend" data-map-overlay>
      <h2 id="legend-title" className="panel__title">
        {t('legend.title')}
      </h2>
      {visible.grid && (
        <div className="legend__block">
          <div className="legend__caption">{t(model.level === 'gridCells' ? 'legend.gridUnit' : 'legend.districtUnit')}</div>
          {classes.length === 0 ? (
            <div className="legend__empty">{t('state.noClues')}</div>
          ) : (
            <ol className="legend__classes">
              {classes.map((c) => (
                <li key={c.label}>
                  <span className="swatch" style={{ background: css(c.colour) }} />
                  {c.label}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {visible.heatmap && (
        <div className="legend__block">
          <div className="legend__caption">{t('legend.heatmap')}</div>
          <div className="legend__ramp" style={{ background: `linear-gradient(90deg, ${heat})` }} />
          <div className="legend__ends">
            <span>{t('legend.heatLow')}</span>
            <span>{t('legend.heatHigh')}</span>
          </div>
        </div>
      )}
      {visible.institutions && (
        <div className="legend__block">
          <div className="legend__caption">{t('legend.institutionStatus')}</div>
          <ul className="legend__statuses">
            {institutionStatuses.map((s) => (
              <li key={s}>
                <span className="dot" style={{ background: css(darkTheme.status[s]) }} />
                {t(`status.${s}`)}
              </li>
            ))}
            <li>
              <span className="dot dot--ring" />
              {t('legend.blackList')}
            </li>
            {institutionMode === 'clusters' && (
              <li>
                <span className="dot dot--cluster">9</span>
                {t('legend.cluster')}
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
