import { GeoJsonLayer } from '@deck.gl/layers';
import { choroplethColour } from './choropleth.js';
import type { Rgba, Theme } from './theme.js';
import type { GridCellFeature } from './types.js';

/** 网格 choropleth of clue counts; cells with no clues keep only a faint outline so the grid stays visible. */
export function gridCellFill(feature: GridCellFeature, breaks: readonly number[], theme: Theme): Rgba {
  return choroplethColour(feature.properties.clueCount, breaks, theme.choropleth, [0, 0, 0, 0]);
}

export function gridChoroplethLayer(
  cells: readonly GridCellFeature[],
  breaks: readonly number[],
  theme: Theme,
  beforeId: string | undefined,
): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'grid-choropleth',
    data: cells as never,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: theme.highlight,
    getFillColor: (f: unknown) => gridCellFill(f as GridCellFeature, breaks, theme),
    getLineColor: theme.gridOutline,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.6,
    updateTriggers: { getFillColor: breaks.join(',') },
    beforeId,
  } as never);
}
