import { GeoJsonLayer } from '@deck.gl/layers';
import type { HotspotCellFeature, HotspotCellProperties } from './hotspot-layer.js';
import type { Theme } from './theme.js';

export const SELECTED_CELL_LAYER_ID = 'selected-cell';

/**
 * The outline of the selected 网格 over the analysis layers, in the selection gold: a cell chosen from the ranked
 * list shows where it is. Not pickable, so a click goes to the cell beneath; empty when no cell is selected.
 */
export function selectedCellLayer(cell: HotspotCellFeature | null, theme: Theme): GeoJsonLayer<HotspotCellProperties> {
  return new GeoJsonLayer<HotspotCellProperties>({
    id: SELECTED_CELL_LAYER_ID,
    data: cell ? [cell] : [],
    filled: false,
    stroked: true,
    getLineColor: theme.districtSelected,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    lineWidthMinPixels: 2,
    pickable: false,
  });
}
