import { describe, expect, it } from 'vitest';
import { analyseFeatureHotspots } from '../../../server/analytics/featureHotspots.js';
import { readSpdepCase } from './fixtureFiles.js';

const columbus = readSpdepCase('columbus_queen');
const point = (x: number, y: number, value: unknown) => ({
  type: 'Feature',
  properties: { value },
  geometry: { type: 'Point', coordinates: [x, y] },
});

describe('analyseFeatureHotspots', () => {
  it('adds gi_* properties equal to spdep and keeps the input properties', () => {
    const out = analyseFeatureHotspots(columbus.geojson, { value: 'value', weights: 'queen', planar: true });
    expect(out.features).toHaveLength(49);
    out.features.forEach((f, i) => {
      const p = f.properties!;
      expect(Math.abs((p.gi_z as number) - columbus.gi_star_z[i])).toBeLessThan(1e-9);
      expect(p.POLYID).toBe(columbus.geojson.features[i].properties!.POLYID);
      expect([-3, -2, -1, 0, 1, 2, 3]).toContain(p.gi_bin);
      expect(Math.abs(p.gi_bin_fdr as number)).toBeLessThanOrEqual(Math.abs(p.gi_bin as number));
      expect(p.gi_p_sim).toBeUndefined();
    });
    expect(out.gi_summary).toMatchObject({ n: 49, weights: 'queen', style: 'binary', islands: [] });
    // The input is not modified.
    expect(columbus.geojson.features[0].properties).not.toHaveProperty('gi_z');
  });

  it('adds gi_p_sim with permutations and records the seed', () => {
    const out = analyseFeatureHotspots(columbus.geojson, { value: 'value', weights: 'knn:4', planar: true, permutations: 99, seed: 5 });
    expect(out.features.every((f) => typeof f.properties!.gi_p_sim === 'number')).toBe(true);
    expect(out.gi_summary).toMatchObject({ permutations: 99, seed: 5 });
  });

  it.each([
    ['not GeoJSON', { hello: 1 }, 'queen', /not a GeoJSON FeatureCollection/],
    ['too few features', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 2)] }, 'knn:1', /at least 3 features, got 2/],
    ['missing property', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 2), { ...point(2, 2, 3), properties: {} }] }, 'knn:1', /feature 2 has no property "value"/],
    ['non-numeric property', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 'many'), point(2, 2, 3)] }, 'knn:1', /feature 1: property "value" is not a finite number \("many"\)/],
    ['mixed geometry', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 2), columbus.geojson.features[0]] }, 'knn:1', /mixed geometry types: feature 0 is a Point, feature 2 is a Polygon/],
    ['contiguity on points', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 2), point(2, 2, 3)] }, 'queen', /queen contiguity needs Polygon/],
    ['unsupported geometry', { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 1, 2), { ...point(0, 0, 1), geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] }, 'knn:1', /feature 2 has geometry type LineString/],
  ])('rejects %s', (_label, input, weights, message) => {
    expect(() => analyseFeatureHotspots(input, { value: 'value', weights, planar: true })).toThrow(message);
  });

  it('rejects a distance that leaves features without neighbours, naming them', () => {
    const fc = { type: 'FeatureCollection', features: [point(0, 0, 1), point(1, 0, 2), point(50, 0, 3), point(2, 0, 4)] };
    expect(() => analyseFeatureHotspots(fc, { value: 'value', weights: 'distance:1.5', planar: true })).toThrow(
      /distance 1.5 leaves 1 feature\(s\) without neighbours \(2\)/,
    );
    expect(() => analyseFeatureHotspots(fc, { value: 'value', weights: 'distance:1.5' })).toThrow(/distance 1.5 m leaves 4/);
  });
});
