import { choroplethColour } from './choropleth.js';
import { polygonLayer, type PolygonLayer, type WithProperties } from './polygon-layer.js';
import type { Rgba, Theme } from './theme.js';
import type { GridCellProperties } from '../../server/contract/index.js';
import type { GridCellFeature } from './types.js';

export const GRID_CHOROPLETH_LAYER_ID = 'grid-choropleth';

/** 网格 choropleth of clue counts; cells with no clues keep only a faint outline so the grid stays visible. */
export function gridCellFill(feature: WithProperties<GridCellProperties>, breaks: readonly number[], theme: Theme): Rgba {
  return choroplethColour(feature.properties.clueCount, breaks, theme.choropleth, [0, 0, 0, 0]);
}

export function gridChoroplethLayer(
  cells: readonly GridCellFeature[],
  breaks: readonly number[],
  theme: Theme,
  beforeId: string | undefined,
): PolygonLayer<GridCellProperties> {
  return polygonLayer({
    id: GRID_CHOROPLETH_LAYER_ID,
    features: cells,
    highlightColor: theme.highlight,
    getFillColor: (f) => gridCellFill(f, breaks, theme),
    fillVersion: breaks.join(','),
    outline: { colour: theme.gridOutline, widthPixels: 0.6 },
    beforeId,
  });
}
