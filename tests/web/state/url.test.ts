import { describe, expect, test } from 'vitest';
import { dashboardReducer, initialState } from '../../../web/state/dashboard.js';
import { parseBasemapUrl, parseUrlState, serialiseUrlState } from '../../../web/state/url.js';

const today = '2026-11-21';

describe('URL state', () => {
  test('a view survives a round trip through the URL', () => {
    let state = initialState(today);
    state = dashboardReducer(state, { type: 'viewChanged', view: { longitude: 121.39712345, latitude: 31.24987654, zoom: 12.3456 } });
    state = dashboardReducer(state, { type: 'timeRangeSet', range: { from: '2026-07-01', to: '2026-08-31' } });
    state = dashboardReducer(state, { type: 'layerToggled', layer: 'grid' });
    state = dashboardReducer(state, { type: 'districtSelected', code: '310107' });
    state = dashboardReducer(state, { type: 'languageSet', language: 'en' });
    const search = serialiseUrlState(state);
    expect(search).toContain('d=310107');
    expect(search).toContain('lang=en');
    const parsed = parseUrlState(`?${search}`);
    expect(parsed.view).toEqual({ longitude: 121.39712, latitude: 31.24988, zoom: 12.35 });
    expect(parsed.timeRange).toEqual({ from: '2026-07-01', to: '2026-08-31' });
    expect(parsed.layers).toEqual({ districts: true, grid: false, institutions: true, heatmap: true });
    expect(parsed.district).toBe('310107');
    expect(parsed.language).toBe('en');
  });

  test('the default language is left out and an institution selection is kept', () => {
    let state = initialState(today);
    state = dashboardReducer(state, { type: 'featureSelected', selection: { kind: 'institution', id: 42 } });
    const search = serialiseUrlState(state);
    expect(search).not.toContain('lang=');
    expect(parseUrlState(search).selection).toEqual({ kind: 'institution', id: 42 });
  });

  test('an empty layers parameter means every layer off, not the default', () => {
    expect(parseUrlState('layers=').layers).toEqual({ districts: false, grid: false, institutions: false, heatmap: false });
  });

  test('malformed values are dropped one by one, never thrown', () => {
    const parsed = parseUrlState('?c=abc,31&z=11&from=2026-09-10&to=2026-09-01&d=putuo&lang=fr&sel=institution:x&layers=grid,bogus');
    expect(parsed.view).toBeUndefined();
    expect(parsed.timeRange).toBeUndefined();
    expect(parsed.district).toBeUndefined();
    expect(parsed.language).toBeUndefined();
    expect(parsed.selection).toBeUndefined();
    expect(parsed.layers).toEqual({ districts: false, grid: true, institutions: false, heatmap: false });
    expect(parseUrlState('c=121.4,31.2&z=99').view?.zoom).toBe(18);
    expect(parseUrlState('c=121.4,95&z=10').view).toBeUndefined();
    expect(parseUrlState('c=121.4,31.2').view).toBeUndefined();
  });

  test('only http(s) or same-origin basemap style URLs are accepted', () => {
    expect(parseBasemapUrl('?basemap=https%3A%2F%2Ftiles.example.org%2Fstyle.json')).toBe('https://tiles.example.org/style.json');
    expect(parseBasemapUrl('?basemap=/styles/local.json')).toBe('/styles/local.json');
    expect(parseBasemapUrl('?basemap=javascript:alert(1)')).toBeNull();
    expect(parseBasemapUrl('')).toBeNull();
  });
});
