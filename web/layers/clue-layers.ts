import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Theme } from './theme.js';
import type { ClueFeature } from './types.js';

/** At this zoom and above single clues are drawn as small pickable dots on top of the heatmap. */
export const CLUE_POINTS_MIN_ZOOM = 14;

/** Open clues weigh more than closed ones: the heatmap shows where work is still to be done. */
export function clueWeight(clue: ClueFeature): number {
  return clue.properties.status === 'closed' || clue.properties.status === 'rejected' ? 0.6 : 1;
}

export function clueHeatmapLayer(clues: readonly ClueFeature[], theme: Theme): HeatmapLayer<ClueFeature> {
  return new HeatmapLayer<ClueFeature>({
    id: 'clue-heatmap',
    data: clues,
    getPosition: (c) => c.geometry.coordinates as [number, number],
    getWeight: clueWeight,
    // A few dense spots would otherwise set the colour scale and leave the rest of the city near-transparent on the
    // dark basemap: a wider kernel and a higher intensity let ordinary clusters reach the middle of the ramp, and the
    // densest spots saturate at its bright end.
    radiusPixels: 40,
    intensity: 3,
    threshold: 0.03,
    colorRange: theme.heatmap,
    aggregation: 'SUM',
    // The weights are drawn into a square texture and its largest value is then found by drawing one point per texel:
    // at deck's default of 2048 that is 4.2 million points on every view change, seconds on a software renderer.
    // A 512-texel texture (16 times fewer) blurred by a 40 px kernel looks the same on a wall-sized screen.
    weightsTextureSize: 512,
  });
}

export const CLUE_POINTS_LAYER_ID = 'clue-points';

export function cluePointLayer(clues: readonly ClueFeature[], theme: Theme): ScatterplotLayer<ClueFeature> {
  return new ScatterplotLayer<ClueFeature>({
    id: CLUE_POINTS_LAYER_ID,
    data: clues,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 200],
    radiusUnits: 'pixels',
    getRadius: 3,
    getPosition: (c) => c.geometry.coordinates as [number, number],
    getFillColor: theme.heatmap[theme.heatmap.length - 1],
    stroked: true,
    getLineColor: theme.background,
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
  });
}
