import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { URGENCY_RGBA, type SlaUrgency } from '../state/desk.js';
import type { Theme } from './theme.js';

// The clue desk's map (工单台): the queue's clues as dots coloured like their SLA clocks, the open one ringed.

export interface DeskPoint {
  id: number;
  position: [number, number];
  urgency: SlaUrgency;
}

export const DESK_CLUES_LAYER_ID = 'desk-clues';

export function deskClueLayers(points: readonly DeskPoint[], selected: number | null, theme: Theme): Layer[] {
  const chosen = points.find((p) => p.id === selected);
  const layers: Layer[] = [
    new ScatterplotLayer<DeskPoint>({
      id: DESK_CLUES_LAYER_ID,
      data: points,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 200],
      radiusUnits: 'pixels',
      getRadius: 6,
      getPosition: (p) => p.position,
      getFillColor: (p) => URGENCY_RGBA[p.urgency],
      stroked: true,
      getLineColor: theme.background,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      updateTriggers: { getFillColor: points.map((p) => p.urgency).join('') },
    }),
  ];
  if (chosen)
    layers.push(
      new ScatterplotLayer<DeskPoint>({
        id: 'desk-clue-selected',
        data: [chosen],
        radiusUnits: 'pixels',
        getRadius: 13,
        getPosition: (p) => p.position,
        filled: false,
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  return layers;
}
