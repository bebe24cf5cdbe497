import { emergingColour } from './emerging-colours.js';
import { polygonLayer, type PolygonLayer } from './polygon-layer.js';
import type { Theme } from './theme.js';
import type { HotspotCellFeature, HotspotCellProperties } from './hotspot-layer.js';

export const EMERGING_LAYER_ID = 'emerging-cells';

/** 网格 coloured by emerging hot spot category. */
export function emergingLayer(input: {
  cells: readonly HotspotCellFeature[];
  categoryOf: (cellId: number) => string | undefined;
  version: string;
  theme: Theme;
  beforeId?: string;
}): PolygonLayer<HotspotCellProperties> {
  return polygonLayer({
    id: EMERGING_LAYER_ID,
    features: input.cells,
    highlightColor: input.theme.highlight,
    getFillColor: (f) => emergingColour(input.categoryOf(f.properties.id)),
    fillVersion: input.version,
    outline: { colour: input.theme.gridOutline, widthPixels: 0.5 },
    beforeId: input.beforeId,
  });
}
