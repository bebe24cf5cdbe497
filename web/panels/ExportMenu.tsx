import { useI18n } from '../i18n/index.js';
import type { ExportFormat } from '../api/index.js';

const formatLabels: Record<ExportFormat, string> = {
  geojson: 'GeoJSON',
  csv: 'CSV (Excel)',
  'shp.zip': 'Shapefile (.zip)',
  gpkg: 'GeoPackage',
};

export interface ExportMenuProps {
  /** The layer's name as shown, for the menu's accessible name. */
  layerName: string;
  formats: readonly ExportFormat[];
  pathOf: (format: ExportFormat) => string;
  testId: string;
}

/** 导出: the layer with the map's filter in each format, as plain links that the browser downloads. */
export function ExportMenu({ layerName, formats, pathOf, testId }: ExportMenuProps) {
  const { t } = useI18n();
  return (
    <details className="export-menu" data-testid={testId}>
      <summary className="button button--small" aria-label={t('export.menuFor', { layer: layerName })} title={t('export.hint')}>
        {t('export.menu')}
      </summary>
      <ul className="export-menu__list">
        {formats.map((format) => (
          <li key={format}>
            <a href={pathOf(format)} download data-testid={`${testId}-${format}`}>
              {formatLabels[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
