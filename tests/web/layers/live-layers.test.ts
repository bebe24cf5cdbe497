import { describe, expect, test } from 'vitest';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { DISTRICT_LABEL_LAYER_ID } from '../../../web/layers/district-layers.js';
import { liveCanvasLayers, mapCanvasLayers } from '../../../web/layers/live-layers.js';

const hotspots = new ScatterplotLayer({ id: 'hotspot-cells', data: [], pickable: true });
const selected = new ScatterplotLayer({ id: 'selected-cell', data: [] });
const heatmap = new ScatterplotLayer({ id: 'clue-heatmap', data: [], opacity: 0.35 });
const institutions = new ScatterplotLayer({ id: 'institution-clusters', data: [], pickable: true });
const labels = new TextLayer({ id: DISTRICT_LABEL_LAYER_ID, data: [], pickable: true });
const beneath = [heatmap, institutions, labels];

const summary = (layers: Layer[]) => layers.map((l) => `${l.id}:${l.props.visible ? 'shown' : 'hidden'}`);

describe('the map canvas and the live canvas', () => {
  test('with no analysis every layer is on the map canvas, as given, and the live canvas is empty', () => {
    expect(mapCanvasLayers(beneath, false)).toEqual(beneath);
    expect(liveCanvasLayers([], beneath)).toEqual([]);
  });

  test('an analysis and the labels above it are drawn on the live canvas; the map keeps the rest as they are', () => {
    expect(liveCanvasLayers([hotspots, selected], beneath)).toEqual([hotspots, selected, labels]);
    const map = mapCanvasLayers(beneath, true);
    expect(summary(map)).toEqual(['clue-heatmap:shown', 'institution-clusters:shown', `${DISTRICT_LABEL_LAYER_ID}:hidden`]);
    // The layers beneath are the very same objects: deck.gl finds nothing to update or redraw on the map's canvas.
    expect(map[0]).toBe(heatmap);
    expect(map[1]).toBe(institutions);
    // The hidden copy of the labels answers no pick: the live one is the one seen.
    expect(map[2].props.pickable).toBe(false);
  });

  test('with the district layer off there are no labels to move: the live canvas holds the analysis alone', () => {
    expect(liveCanvasLayers([hotspots], [heatmap])).toEqual([hotspots]);
    expect(mapCanvasLayers([heatmap], true)).toEqual([heatmap]);
  });
});
