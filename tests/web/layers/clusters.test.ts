import { describe, expect, test } from 'vitest';
import { clusterPoints, clusterRadiusPixels, mercatorPixels, type ClusterInput } from '../../../web/layers/clusters.js';

const point = (longitude: number, latitude: number, status: ClusterInput['status'] = 'licensed', listStatus = 'none'): ClusterInput => ({ longitude, latitude, status, listStatus });

describe('clusterPoints', () => {
  test('close points merge at a low zoom and separate at a high zoom', () => {
    const points = [point(121.40, 31.25), point(121.401, 31.2505, 'unlicensed'), point(121.60, 31.10)];
    const low = clusterPoints(points, 9);
    expect(low).toHaveLength(2);
    const pair = low.find((c) => c.count === 2)!;
    expect(pair.longitude).toBeCloseTo(121.4005, 6);
    expect(pair.byStatus).toEqual({ licensed: 1, unlicensed: 1 });
    expect(pair.problemShare).toBe(0.5);
    expect(clusterPoints(points, 17)).toHaveLength(3);
  });

  test('every point is counted once and black-listed members are counted', () => {
    const points = Array.from({ length: 500 }, (_, i) => point(121.2 + (i % 25) * 0.02, 31.0 + Math.floor(i / 25) * 0.02, 'licensed', i % 10 === 0 ? 'black' : 'none'));
    const clusters = clusterPoints(points, 10);
    expect(clusters.reduce((sum, c) => sum + c.count, 0)).toBe(500);
    expect(clusters.reduce((sum, c) => sum + c.blackListed, 0)).toBe(50);
  });

  test('the same data give the same clusters whatever the input order', () => {
    const points = [point(121.4, 31.2), point(121.5, 31.3), point(121.41, 31.21)];
    expect(clusterPoints([...points].reverse(), 11)).toEqual(clusterPoints(points, 11));
  });

  test('non-finite coordinates are skipped and a bad cell size is refused', () => {
    expect(clusterPoints([point(NaN, 31), point(121, 31)], 10)).toHaveLength(1);
    expect(() => clusterPoints([], 10, 0)).toThrow(/cellPixels/);
  });

  test('mercator pixels double with each zoom level; radius grows but is bounded', () => {
    const [x10] = mercatorPixels(121.4, 31.2, 10);
    const [x11] = mercatorPixels(121.4, 31.2, 11);
    expect(x11 / x10).toBeCloseTo(2, 10);
    expect(clusterRadiusPixels(100)).toBeGreaterThan(clusterRadiusPixels(10));
    expect(clusterRadiusPixels(1e6)).toBe(28);
  });
});
