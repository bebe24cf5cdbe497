// A map layer's file with the filter the map shows (docs/interop.md#exports): a link, not a fetch, so the browser
// saves it under the name the server gives and shows its own download progress.
import { exportFormats, type ExportFormat, type ExportLayer } from '../../server/contract/exports.js';
import type { LayerId, TimeRange } from '../state/dashboard.js';
import { rangeToInstants } from '../state/dates.js';
import { bboxParam, type Bbox } from '../state/selectors.js';

/** The export of each layer of the map; the heatmap is drawn from the clues. */
const exportOfLayer: Record<LayerId, ExportLayer> = { districts: 'districts', grid: 'grid-cells', institutions: 'institutions', heatmap: 'clues' };

export interface ExportFilter {
  bbox: Bbox | null;
  range: TimeRange;
  district: string | null;
}

/** The query the layer's own endpoint is asked with, so the file holds the rows the map shows. */
function layerQuery(layer: ExportLayer, { bbox, range, district }: ExportFilter): Record<string, string> {
  const place = { ...(bbox ? { bbox: bboxParam(bbox) } : {}), ...(district ? { district } : {}) };
  if (layer === 'districts') return {};
  if (layer === 'streets') return district ? { district } : {};
  if (layer === 'institutions') return place;
  return { ...place, ...rangeToInstants(range) };
}

export function layerExportPath(layer: LayerId, format: ExportFormat, filter: ExportFilter): string {
  const name = exportOfLayer[layer];
  const query = new URLSearchParams(layerQuery(name, filter)).toString();
  return `/api/exports/${name}.${format}${query ? `?${query}` : ''}`;
}

/** A layer can be exported once the map knows its area (institutions and clues are asked for in a bbox). */
export const layerExportable = (layer: LayerId, filter: ExportFilter): boolean => filter.bbox !== null || layer === 'districts';

export { exportFormats, type ExportFormat };
