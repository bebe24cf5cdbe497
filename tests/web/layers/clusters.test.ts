import { describe, expect, test } from 'vitest';
import { clusterExpansion, clusterPoints, clusterRadiusPixels, mercatorPixels, statusBreakdown, type ClusterInput } from '../../../web/layers/clusters.js';

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

describe('a cluster’s members: bounds, where it splits, its statuses', () => {
  const members = [point(121.40, 31.25), point(121.404, 31.252, 'unlicensed', 'black'), point(121.402, 31.248, 'suspended'), point(121.401, 31.251, 'unlicensed')];
  const clusterAt = (zoom: number) => clusterPoints(members, zoom);

  test('a cluster holds the bounds of its members', () => {
    const [cluster] = clusterAt(9);
    expect(cluster.count).toBe(4);
    expect(cluster.bounds).toEqual([121.40, 31.248, 121.404, 31.252]);
  });

  test('zoom to: the first zoom at which the members fall into more than one cluster, at their centre', () => {
    const [cluster] = clusterAt(9);
    const target = clusterExpansion(cluster, 9, 18);
    expect(Number.isInteger(target.zoom)).toBe(true);
    expect(target.zoom).toBeGreaterThan(9);
    expect(clusterAt(target.zoom).length).toBeGreaterThan(1);
    expect(clusterAt(target.zoom - 1)).toHaveLength(1);
    // From between two levels it still goes at least one level in, where the cluster has split as well.
    const fromBetween = clusterExpansion(cluster, 9.4, 18);
    expect(fromBetween.zoom).toBe(Math.max(target.zoom, 10.4));
    expect(clusterAt(fromBetween.zoom).length).toBeGreaterThan(1);
    // Members that split at the next level: a step of one.
    const [near] = clusterPoints([point(121.4, 31.2), point(121.9, 31.2)], 5);
    expect(clusterExpansion(near, 5.5, 18).zoom).toBe(6.5);
    expect(target.longitude).toBeCloseTo(121.402, 9);
    expect(target.latitude).toBeCloseTo(31.25, 9);
  });

  test('never past the zoom at which single institutions are drawn: a cluster of one or of one spot goes there', () => {
    const [cluster] = clusterAt(9);
    expect(clusterExpansion(cluster, 9, 10.5).zoom).toBe(10.5);
    const [single] = clusterPoints([point(121.4, 31.2)], 8);
    expect(clusterExpansion(single, 8, 12.5)).toEqual({ longitude: 121.4, latitude: 31.2, zoom: 12.5 });
    const [stacked] = clusterPoints([point(121.4, 31.2), point(121.4, 31.2, 'revoked')], 11);
    expect(clusterExpansion(stacked, 11.8, 12.5).zoom).toBe(12.5);
  });

  test('statuses in the order of the value list, absent ones left out, with whole per cents', () => {
    const [cluster] = clusterAt(9);
    expect(statusBreakdown(cluster.byStatus)).toEqual([
      { status: 'licensed', count: 1, percent: 25 },
      { status: 'unlicensed', count: 2, percent: 50 },
      { status: 'suspended', count: 1, percent: 25 },
    ]);
    expect(cluster.blackListed).toBe(1);
    expect(cluster.problemShare).toBe(0.75);
    expect(statusBreakdown({})).toEqual([]);
    expect(statusBreakdown({ revoked: 1, licensed: 2 }).map((r) => r.status)).toEqual(['licensed', 'revoked']);
  });
});
