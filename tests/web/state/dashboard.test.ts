import { describe, expect, test } from 'vitest';
import {
  dashboardReducer,
  initialState,
  MAX_ZOOM,
  MIN_ZOOM,
  type DashboardState,
} from '../../../web/state/dashboard.js';
import { rangeToInstants } from '../../../web/state/dates.js';
import { addDays, daysInclusive, isIsoDate, shanghaiDate } from '../../../server/domain/time.js';
import { choroplethLevel, institutionMode, intersectBbox, queryBbox, selectQueryBbox, snapExtent } from '../../../web/state/selectors.js';

const today = '2026-11-21';

describe('dashboard updaters', () => {
  test('the initial state shows every layer, zh-CN and the last 90 days ending today', () => {
    const state = initialState(today);
    expect(state.language).toBe('zh-CN');
    expect(Object.values(state.layers)).toEqual([true, true, true, true]);
    expect(state.timeRange).toEqual({ from: '2026-08-24', to: today });
    expect(daysInclusive(state.timeRange.from, state.timeRange.to)).toBe(90);
  });

  test('toggling a layer flips only that layer and returns a new object', () => {
    const state = initialState(today);
    const next = dashboardReducer(state, { type: 'layerToggled', layer: 'heatmap' });
    expect(next).not.toBe(state);
    expect(next.layers).toEqual({ districts: true, grid: true, institutions: true, heatmap: false });
    expect(state.layers.heatmap).toBe(true);
    expect(dashboardReducer(next, { type: 'layerToggled', layer: 'heatmap' }).layers.heatmap).toBe(true);
  });

  test('a reversed or malformed time range is refused and the old range kept', () => {
    const state = initialState(today);
    expect(dashboardReducer(state, { type: 'timeRangeSet', range: { from: '2026-11-02', to: '2026-11-01' } })).toBe(state);
    expect(dashboardReducer(state, { type: 'timeRangeSet', range: { from: '2026-02-30', to: '2026-03-01' } })).toBe(state);
    const ok = dashboardReducer(state, { type: 'timeRangeSet', range: { from: '2026-07-01', to: '2026-08-31' } });
    expect(ok.timeRange).toEqual({ from: '2026-07-01', to: '2026-08-31' });
  });

  test('a preset counts back from today, inclusive', () => {
    const next = dashboardReducer(initialState(today), { type: 'timePresetChosen', days: 30, today });
    expect(next.timeRange).toEqual({ from: '2026-10-23', to: today });
    expect(dashboardReducer(next, { type: 'timePresetChosen', days: 0, today })).toBe(next);
  });

  test('the view is clamped to the allowed zoom and valid coordinates', () => {
    const state = initialState(today);
    const far = dashboardReducer(state, { type: 'viewChanged', view: { longitude: 200, latitude: -95, zoom: 40 } });
    expect(far.view).toEqual({ longitude: 180, latitude: -85, zoom: MAX_ZOOM });
    const out = dashboardReducer(state, { type: 'viewChanged', view: { longitude: 121.4, latitude: 31.2, zoom: 1 }, bounds: [121, 31, 122, 32] });
    expect(out.view.zoom).toBe(MIN_ZOOM);
    expect(out.bounds).toEqual([121, 31, 122, 32]);
  });

  test('selecting a district selects it in the side panel too; clearing keeps the district filter', () => {
    let state: DashboardState = dashboardReducer(initialState(today), { type: 'districtSelected', code: '310107' });
    expect(state.district).toBe('310107');
    expect(state.selection).toEqual({ kind: 'district', code: '310107' });
    state = dashboardReducer(state, { type: 'selectionCleared' });
    expect(state.selection).toBeNull();
    expect(state.district).toBe('310107');
    expect(dashboardReducer(state, { type: 'selectionCleared' })).toBe(state);
    expect(dashboardReducer(state, { type: 'districtSelected', code: null }).district).toBeNull();
  });

  test('restoring from a link merges partial layers with the current ones', () => {
    const state = initialState(today);
    const next = dashboardReducer(state, { type: 'stateRestored', state: { language: 'en', layers: { districts: true, grid: false, institutions: true, heatmap: false } } });
    expect(next.language).toBe('en');
    expect(next.layers.grid).toBe(false);
    expect(next.timeRange).toEqual(state.timeRange);
  });
});

describe('dates', () => {
  test('calendar arithmetic crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(() => addDays('21/11/2026', 1)).toThrow(/YYYY-MM-DD/);
  });

  test('a date range becomes Shanghai instants with an exclusive end', () => {
    expect(rangeToInstants({ from: '2026-11-01', to: '2026-11-21' })).toEqual({
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-11-22T00:00:00+08:00',
    });
    expect(shanghaiDate(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
  });
});

describe('selectors', () => {
  test('institutions cluster below the points zoom; grid cells need a close zoom', () => {
    expect(institutionMode(10)).toBe('clusters');
    expect(institutionMode(14)).toBe('points');
    expect(choroplethLevel(9)).toBe('districts');
    expect(choroplethLevel(12)).toBe('gridCells');
  });

  test('the query bbox contains the view and stays the same for a small pan', () => {
    const a = queryBbox([121.40, 31.20, 121.50, 31.26], 13);
    const b = queryBbox([121.401, 31.201, 121.501, 31.261], 13);
    expect(a).toEqual(b);
    expect(a[0]).toBeLessThanOrEqual(121.40);
    expect(a[3]).toBeGreaterThanOrEqual(31.26);
  });
});

describe('the query bbox cut to the data extent', () => {
  const city: [number, number, number, number] = [120.85, 30.68, 122.12, 31.88];
  const state = (bounds: [number, number, number, number], zoom: number) => ({ ...initialState('2026-11-01'), bounds, view: { longitude: 121.4, latitude: 31.2, zoom } });

  test('every view showing the whole city asks for the city extent', () => {
    const wide = selectQueryBbox(state([119.5, 30.1, 123.4, 32.4], 8.2), city);
    const wider = selectQueryBbox(state([118.9, 29.9, 124.0, 32.9], 7.6), city);
    expect(wide).toEqual(city);
    expect(wider).toEqual(city);
  });

  test('a view inside the city is not changed; one beside it asks for the view', () => {
    const inside = state([121.4, 31.2, 121.5, 31.25], 13);
    expect(selectQueryBbox(inside, city)).toEqual(queryBbox([121.4, 31.2, 121.5, 31.25], 13));
    const beside = state([125, 30, 126, 31], 10);
    expect(selectQueryBbox(beside, city)).toEqual(queryBbox([125, 30, 126, 31], 10));
    expect(intersectBbox([125, 30, 126, 31], city)).toBeNull();
  });

  test('an extent snaps outward to hundredths of a degree', () => {
    expect(snapExtent([120.8571, 30.6812, 122.1201, 31.8749])).toEqual([120.85, 30.68, 122.13, 31.88]);
  });
});
