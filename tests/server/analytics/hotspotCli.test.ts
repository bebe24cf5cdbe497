import { describe, expect, it } from 'vitest';
import { parseHotspotCliArgs } from '../../../server/analytics/hotspotCli.js';

const base = ['--in', 'a.geojson', '--value', 'count', '--out', 'b.geojson'];

describe('hotspot CLI arguments', () => {
  it('parses every weights kind and the options', () => {
    expect(parseHotspotCliArgs([...base, '--weights', 'queen'])).toEqual({
      inPath: 'a.geojson',
      outPath: 'b.geojson',
      value: 'count',
      weights: { type: 'queen' },
      planar: false,
      style: 'binary',
    });
    expect(parseHotspotCliArgs([...base, '--weights', 'rook']).weights).toEqual({ type: 'rook' });
    expect(parseHotspotCliArgs([...base, '--weights=distance:500', '--planar']).weights).toEqual({ type: 'distance', distance: 500 });
    const a = parseHotspotCliArgs([...base, '--weights', 'knn:6', '--style', 'row', '--permutations', '999', '--seed', '42']);
    expect(a.weights).toEqual({ type: 'knn', k: 6 });
    expect([a.style, a.permutations, a.seed]).toEqual(['row', 999, 42]);
    expect(parseHotspotCliArgs([...base, '--weights', 'queen', '--permutations', '99']).seed).toBe(1);
  });

  it.each([
    [['--weights', 'queen', '--bogus'], /unknown option "--bogus"/],
    [['--weights', 'hexagon'], /unknown weights "hexagon"/],
    [['--weights', 'distance:-3'], /distance must be a positive number/],
    [['--weights', 'knn:2.5'], /k must be a positive integer/],
    [['--weights', 'queen', '--style', 'wide'], /--style must be binary or row/],
    [['--weights', 'queen', '--permutations', 'many'], /--permutations must be an integer/],
    [['--weights', 'queen', '--seed', '3'], /--seed needs --permutations/],
    [['--weights'], /option --weights needs a value/],
    [['--weights', 'queen', '--weights', 'rook'], /given twice/],
    [[], /missing --weights/],
  ])('rejects %j', (extra, message) => {
    expect(() => parseHotspotCliArgs([...base, ...extra])).toThrow(message);
  });

  it('requires --in', () => {
    expect(() => parseHotspotCliArgs(['--out', 'x', '--value', 'v', '--weights', 'queen'])).toThrow(/missing --in/);
  });
});
