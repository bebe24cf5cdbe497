import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { css, type Theme } from './theme.js';

/**
 * The offline basemap: a maplibre style made only of our own layers: a background and the districts from the API as
 * a GeoJSON source. No tiles, no sprite and no glyphs: labels are drawn by deck.gl's TextLayer with the characters
 * they need, so the map renders with no network at all.
 */
export const DISTRICT_SOURCE = 'jointops-districts';
export const DISTRICT_FILL_LAYER = 'jointops-district-fill';
export const DISTRICT_CASING_LAYER = 'jointops-district-casing';
export const DISTRICT_LINE_LAYER = 'jointops-district-line';
export const DISTRICT_SELECTED_LAYER = 'jointops-district-selected';

export function districtSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' };
}

/** Our district layers; added to our own style or on top of an external one. `showDistricts` drives their visibility. */
export function districtLayers(theme: Theme, options: { showDistricts: boolean; selectedDistrict: string | null; ownBasemap: boolean }): LayerSpecification[] {
  const visibility = options.showDistricts ? 'visible' : 'none';
  const layers: LayerSpecification[] = [];
  if (options.ownBasemap) {
    // The land tint stays when borders are hidden, otherwise the whole map would be a flat background.
    layers.push({
      id: DISTRICT_FILL_LAYER,
      type: 'fill',
      source: DISTRICT_SOURCE,
      paint: { 'fill-color': css(theme.districtFill), 'fill-opacity': 1 },
    });
  }
  layers.push(
    {
      id: DISTRICT_CASING_LAYER,
      type: 'line',
      source: DISTRICT_SOURCE,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': css(theme.districtBorderCasing), 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 6] },
    },
    {
      id: DISTRICT_LINE_LAYER,
      type: 'line',
      source: DISTRICT_SOURCE,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': css(theme.districtBorder), 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.4, 14, 3] },
    },
    {
      id: DISTRICT_SELECTED_LAYER,
      type: 'line',
      source: DISTRICT_SOURCE,
      layout: { visibility: options.selectedDistrict ? 'visible' : 'none', 'line-join': 'round' },
      filter: selectedDistrictFilter(options.selectedDistrict),
      paint: { 'line-color': css(theme.districtSelected), 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.6, 14, 5] },
    },
  );
  return layers;
}

export function selectedDistrictFilter(code: string | null): ['==', ['get', string], string] {
  return ['==', ['get', 'code'], code ?? ''];
}

export function buildBasemapStyle(theme: Theme, options: { showDistricts: boolean; selectedDistrict: string | null }): StyleSpecification {
  return {
    version: 8,
    name: `JointOps ${theme.name}`,
    sources: { [DISTRICT_SOURCE]: districtSource() },
    layers: [
      { id: 'jointops-background', type: 'background', paint: { 'background-color': css(theme.background) } },
      ...districtLayers(theme, { ...options, ownBasemap: true }),
    ],
  };
}
