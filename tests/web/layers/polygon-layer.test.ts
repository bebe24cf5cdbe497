import { describe, expect, test } from 'vitest';
import type { PickingInfo } from '@deck.gl/core';
import { districtChoroplethLayer, districtLabelLayer, districtLabels } from '../../../web/layers/district-layers.js';
import { emergingLayer } from '../../../web/layers/emerging-layer.js';
import { EMERGING_COLOURS } from '../../../web/layers/emerging-colours.js';
import { gridChoroplethLayer } from '../../../web/layers/grid-layer.js';
import { HOTSPOT_COLOURS } from '../../../web/layers/hotspot-colours.js';
import { hotspotLayer, type HotspotCellFeature } from '../../../web/layers/hotspot-layer.js';
import { screenPick } from '../../../web/layers/picking.js';
import type { PolygonLayer } from '../../../web/layers/polygon-layer.js';
import { selectedCellLayer } from '../../../web/layers/selected-cell-layer.js';
import { darkTheme } from '../../../web/layers/theme.js';
import type { DistrictFeature, GridCellFeature } from '../../../web/layers/types.js';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]],
});

const gridCells: GridCellFeature[] = [0, 4].map((clueCount, id) => ({
  type: 'Feature',
  id,
  geometry: square(121.4 + id * 0.01, 31.2),
  properties: { id, code: `G${id}`, districtCode: '310107', streetCode: '310107001', workerName: '王', synthetic: true, clueCount },
}));

const hotspotCells: HotspotCellFeature[] = [7, 8].map((id) => ({
  type: 'Feature',
  id,
  geometry: square(121.4 + id * 0.01, 31.2),
  properties: { id, code: `G${id}`, districtCode: '310107', streetCode: '310107001' },
}));

const districts: DistrictFeature[] = [
  {
    type: 'Feature',
    id: '310107',
    geometry: square(121.35, 31.22),
    properties: { code: '310107', name: '普陀区', nameEn: 'Putuo', synthetic: false, institutionCount: 3, clueCount: 2, openClueCount: 1 },
  },
];

/** The fill of one feature, as deck.gl asks for it. */
function fillOf<P extends Record<string, unknown>>(layer: PolygonLayer<P>, feature: { properties: P }) {
  const accessor = layer.props.getFillColor;
  if (typeof accessor !== 'function') throw new Error('getFillColor is not an accessor');
  return accessor({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: feature.properties }, { index: 0, data: [], target: [] });
}

describe('polygon layers (grid, hot spots, emerging hot spots, districts)', () => {
  test('cell layers draw pixel-wide outlines under the given maplibre layer, from the very array given', () => {
    const grid = gridChoroplethLayer(gridCells, [4], darkTheme, 'jointops-district-casing');
    expect(grid.id).toBe('grid-choropleth');
    expect(grid.props.data).toBe(gridCells);
    expect(grid.props).toMatchObject({ stroked: true, filled: true, pickable: true, lineWidthUnits: 'pixels', getLineWidth: 0.6, getLineColor: darkTheme.gridOutline });
    expect(grid.props.beforeId).toBe('jointops-district-casing');
    expect(grid.props.updateTriggers).toMatchObject({ getFillColor: '4' });
    expect(fillOf(grid, gridCells[0])[3]).toBe(0);
    expect(fillOf(grid, gridCells[1])).toEqual(darkTheme.choropleth[4]);
  });

  test('hot spot cells are coloured by the bin of their id; the version re-reads only the colours', () => {
    const layer = hotspotLayer({ cells: hotspotCells, binOf: (id) => (id === 7 ? 3 : undefined), version: 'v1', theme: darkTheme });
    expect(layer.id).toBe('hotspot-cells');
    expect(layer.props).toMatchObject({ stroked: false, filled: true, updateTriggers: { getFillColor: 'v1' } });
    expect(layer.props.beforeId).toBeUndefined();
    expect(fillOf(layer, hotspotCells[0])).toEqual(HOTSPOT_COLOURS[3]);
    expect(fillOf(layer, hotspotCells[1])[3]).toBe(0);
  });

  test('emerging hot spot cells are coloured by their category', () => {
    const layer = emergingLayer({ cells: hotspotCells, categoryOf: (id) => (id === 8 ? 'new_hot' : undefined), version: 'w', theme: darkTheme });
    expect(layer.id).toBe('emerging-cells');
    expect(layer.props.stroked).toBe(false);
    expect(fillOf(layer, hotspotCells[1])).toEqual(EMERGING_COLOURS.new_hot);
    expect(fillOf(layer, hotspotCells[0])[3]).toBe(0);
  });

  test('the selected cell is outlined in the selection gold over the analysis layers, and picks fall through it', () => {
    const layer = selectedCellLayer(hotspotCells[1], darkTheme);
    expect(layer.id).toBe('selected-cell');
    expect(layer.props.data).toEqual([hotspotCells[1]]);
    expect(layer.props).toMatchObject({ filled: false, stroked: true, pickable: false, getLineColor: darkTheme.districtSelected, lineWidthUnits: 'pixels' });
    expect(selectedCellLayer(null, darkTheme).props.data).toEqual([]);
  });

  test('the district choropleth has no outline of its own: maplibre draws the borders', () => {
    const layer = districtChoroplethLayer(districts, new Map([['310107', 2]]), [2], darkTheme, undefined);
    expect(layer.id).toBe('district-choropleth');
    expect(layer.props.stroked).toBe(false);
    expect(fillOf(layer, districts[0])).toEqual(darkTheme.districtChoropleth[4]);
  });
});

describe('picks', () => {
  const info = (layer: PickingInfo['layer'], object: unknown): PickingInfo => ({ color: null, layer, index: 0, picked: true, object, x: 3, y: 4, pixelRatio: 1 });

  test('a pick names the layer that drew the object, with the object as given', () => {
    const layer = gridChoroplethLayer(gridCells, [4], darkTheme, undefined);
    const pick = screenPick(info(layer, gridCells[1]));
    expect(pick).toEqual({ layerId: 'grid-choropleth', object: gridCells[1], x: 3, y: 4 });
    if (pick?.layerId !== 'grid-choropleth') throw new Error('not a grid cell');
    expect(pick.object.properties.clueCount).toBe(4);
  });

  test('no object, no layer, or a layer with nothing to pick gives no pick', () => {
    const layer = gridChoroplethLayer(gridCells, [4], darkTheme, undefined);
    expect(screenPick(info(layer, undefined))).toBeNull();
    expect(screenPick(info(null, gridCells[0]))).toBeNull();
    const texts = districtLabels(districts, 'zh-CN');
    expect(screenPick(info(districtLabelLayer(texts, darkTheme, null), texts[0]))).toBeNull();
  });
});
