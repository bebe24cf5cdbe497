import { describe, expect, test } from 'vitest';
import { buildBasemapStyle, DISTRICT_LINE_LAYER, DISTRICT_SELECTED_LAYER, districtLayers } from '../../../web/layers/basemap-style.js';
import { darkTheme } from '../../../web/layers/theme.js';

describe('offline basemap style', () => {
  test('needs no network: no tiles, no sprite, no glyphs, no URL anywhere', () => {
    const style = buildBasemapStyle(darkTheme, { showDistricts: true, selectedDistrict: null });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|\{z\}/);
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(style.layers[0]).toMatchObject({ type: 'background', paint: { 'background-color': 'rgb(7, 13, 24)' } });
  });

  test('district borders follow the toggle and the selected district is highlighted by code', () => {
    const hidden = districtLayers(darkTheme, { showDistricts: false, selectedDistrict: '310107', ownBasemap: false });
    const line = hidden.find((l) => l.id === DISTRICT_LINE_LAYER)!;
    expect(line.layout).toMatchObject({ visibility: 'none' });
    const selected = hidden.find((l) => l.id === DISTRICT_SELECTED_LAYER)!;
    expect(selected).toMatchObject({ filter: ['==', ['get', 'code'], '310107'], layout: { visibility: 'visible' } });
    // on an external basemap we add no land fill that would hide it
    expect(hidden.some((l) => l.type === 'fill')).toBe(false);
  });
});
