import { useI18n, type MessageKey } from '../i18n/index.js';
import type { ExportFormat } from '../api/index.js';
import { LAYER_IDS, type LayerId } from '../state/dashboard.js';
import { ExportMenu } from './ExportMenu.js';

export interface LayerStatus {
  loading: boolean;
  error: string | null;
  retry: () => void;
  count: number | null;
}

const labels: Record<LayerId, MessageKey> = {
  districts: 'layers.districts',
  grid: 'layers.grid',
  institutions: 'layers.institutions',
  heatmap: 'layers.heatmap',
};

export interface LayerPanelProps {
  layers: Record<LayerId, boolean>;
  status: Record<LayerId, LayerStatus>;
  gridAtCells: boolean;
  /** Layers switched on but not drawn while a hot spot analysis is shown, which colours the same cells. */
  underAnalysis: readonly LayerId[];
  onToggle: (layer: LayerId) => void;
  exportFormats: readonly ExportFormat[];
  /** The download of a layer with the map's filter, null while the map has no area to ask for. */
  exportPath: (layer: LayerId, format: ExportFormat) => string | null;
}

export function LayerPanel({ layers, status, gridAtCells, underAnalysis, onToggle, exportFormats, exportPath }: LayerPanelProps) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby="layers-title">
      <h2 id="layers-title" className="panel__title">
        {t('layers.title')}
      </h2>
      <ul className="layer-list">
        {LAYER_IDS.map((id) => {
          const s = status[id];
          return (
            <li key={id} className="layer-row">
              <label className="toggle">
                <input type="checkbox" checked={layers[id]} onChange={() => onToggle(id)} data-testid={`toggle-${id}`} />
                <span className="toggle__track" aria-hidden="true" />
                <span className="toggle__label">{t(labels[id])}</span>
              </label>
              <span className="layer-row__status" aria-live="polite">
                {layers[id] && s.loading && <span className="spinner" aria-label={t('layers.loading')} />}
                {layers[id] && !s.loading && s.error && (
                  <button type="button" className="button button--small button--danger" onClick={s.retry} title={s.error}>
                    {t('layers.retry')}
                  </button>
                )}
                {layers[id] && !s.error && s.count !== null && <span className="count">{s.count.toLocaleString(language)}</span>}
                {layers[id] && underAnalysis.includes(id) && <span className="hint">{t('layers.underAnalysis')}</span>}
                {layers[id] && !underAnalysis.includes(id) && id === 'grid' && !gridAtCells && <span className="hint">{t('layers.zoomForGrid')}</span>}
                {layers[id] && exportPath(id, 'geojson') !== null && (
                  <ExportMenu layerName={t(labels[id])} formats={exportFormats} pathOf={(format) => exportPath(id, format) ?? ''} testId={`export-${id}`} />
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
