import { GeoJsonLayer } from '@deck.gl/layers';
import { emergingColour } from './emerging-colours.js';
import type { Theme } from './theme.js';
import type { HotspotCellFeature } from './hotspot-layer.js';

export const EMERGING_LAYER_ID = 'emerging-cells';

/** 网格 coloured by emerging hot spot category. */
export function emergingLayer(input: { cells: readonly HotspotCellFeature[]; categoryOf: (cellId: number) => string | undefined; version: string; theme: Theme; beforeId?: string }): GeoJsonLayer {
  return new GeoJsonLayer({
    id: EMERGING_LAYER_ID,
    data: input.cells as never,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: input.theme.highlight,
    getFillColor: (f: unknown) => emergingColour(input.categoryOf((f as HotspotCellFeature).properties.id)),
    getLineColor: input.theme.gridOutline,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    updateTriggers: { getFillColor: input.version },
    beforeId: input.beforeId,
  } as never);
}
