import { describe, expect, test } from 'vitest';
import { layerExportable, layerExportPath } from '../../../web/api/exports.js';

// The export menu's links carry the filter the map asks its layers with, so a file holds the rows on the screen.

const filter = { bbox: [121.3, 31.2, 121.5, 31.3] as [number, number, number, number], range: { from: '2026-10-01', to: '2026-10-31' }, district: '310107' };

describe('layer export links', () => {
  test('clues (the heatmap): bbox, the period as the map asks it (Shanghai days, end exclusive), the district', () => {
    const url = new URL(layerExportPath('heatmap', 'gpkg', filter), 'http://x');
    expect(url.pathname).toBe('/api/exports/clues.gpkg');
    expect(Object.fromEntries(url.searchParams)).toEqual({ bbox: '121.3,31.2,121.5,31.3', district: '310107', from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' });
  });

  test('institutions have no period; grid cells have one', () => {
    const institutions = new URL(layerExportPath('institutions', 'csv', filter), 'http://x');
    expect([...institutions.searchParams.keys()].sort()).toEqual(['bbox', 'district']);
    expect(new URL(layerExportPath('grid', 'shp.zip', filter), 'http://x').pathname).toBe('/api/exports/grid-cells.shp.zip');
    expect(new URL(layerExportPath('grid', 'shp.zip', filter), 'http://x').searchParams.get('from')).toBe('2026-10-01T00:00:00+08:00');
  });

  test('districts take no query, and need no area', () => {
    expect(layerExportPath('districts', 'geojson', { ...filter, bbox: null })).toBe('/api/exports/districts.geojson');
    expect(layerExportable('districts', { ...filter, bbox: null })).toBe(true);
    expect(layerExportable('institutions', { ...filter, bbox: null })).toBe(false);
  });
});
