import { describe, expect, it } from 'vitest';
import { contiguityWeights } from '../../../server/analytics/weights/contiguity.js';
import { greatCircleDistanceKm } from '../../../server/analytics/weights/distance.js';
import { distanceBandWeights } from '../../../server/analytics/weights/distanceBand.js';
import { knnWeights } from '../../../server/analytics/weights/knn.js';
import { isSymmetric, neighboursOf } from '../../../server/analytics/weights/csr.js';
import { createRandom } from '../../../server/domain/random.js';
import type { PolygonGeometry } from '../../../server/analytics/geojson.js';

function randomPoints(n: number, seed: number, x0: number, y0: number, span: number): Float64Array {
  const rng = createRandom(seed);
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = x0 + rng.next() * span;
    xy[2 * i + 1] = y0 + rng.next() * span;
  }
  return xy;
}

const square = (x: number, y: number, w: number, h = w): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]],
});

describe('distance band and kNN agree with brute force', () => {
  it('planar distance band', () => {
    const xy = randomPoints(500, 1, 0, 0, 100);
    const w = distanceBandWeights(xy, { distance: 7, planar: true });
    for (let i = 0; i < 500; i += 7) {
      const expected: number[] = [];
      for (let j = 0; j < 500; j++) {
        if (j !== i && Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]) <= 7) expected.push(j);
      }
      expect(Array.from(neighboursOf(w, i))).toEqual(expected);
    }
    expect(isSymmetric(w)).toBe(true);
  });

  it('great-circle distance band in metres on lon/lat', () => {
    const ll = randomPoints(400, 2, 116.2, 39.8, 0.3);
    const w = distanceBandWeights(ll, { distance: 2500 });
    for (let i = 0; i < 400; i += 11) {
      const expected: number[] = [];
      for (let j = 0; j < 400; j++) {
        if (j !== i && greatCircleDistanceKm(ll[2 * i], ll[2 * i + 1], ll[2 * j], ll[2 * j + 1]) <= 2.5) expected.push(j);
      }
      expect(Array.from(neighboursOf(w, i))).toEqual(expected);
    }
  });

  it('kNN planar and lon/lat', () => {
    for (const planar of [true, false]) {
      const xy = planar ? randomPoints(300, 3, 0, 0, 50) : randomPoints(300, 4, 121.3, 31.1, 0.2);
      const w = knnWeights(xy, { k: 6, planar });
      const dist = (i: number, j: number) =>
        planar
          ? Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1])
          : greatCircleDistanceKm(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]);
      for (let i = 0; i < 300; i += 13) {
        const others = [...Array(300).keys()].filter((j) => j !== i).sort((a, b) => dist(i, a) - dist(i, b) || a - b);
        expect(Array.from(neighboursOf(w, i))).toEqual(others.slice(0, 6).sort((a, b) => a - b));
      }
    }
  });

  it('knows the great-circle length of one degree of latitude and longitude', () => {
    // WGS84: one degree of latitude at the equator is 110.574 km, of longitude 111.320 km.
    expect(greatCircleDistanceKm(0, 0, 0, 1)).toBeCloseTo(110.574, 1);
    expect(greatCircleDistanceKm(0, 0, 1, 0)).toBeCloseTo(111.32, 1);
    expect(greatCircleDistanceKm(120, 30, 120, 30)).toBe(0);
  });

  it('rejects impossible parameters', () => {
    const xy = randomPoints(5, 5, 0, 0, 1);
    expect(() => knnWeights(xy, { k: 5, planar: true })).toThrow(/needs more than 5 units/);
    expect(() => knnWeights(xy, { k: 0, planar: true })).toThrow(/positive integer/);
    expect(() => distanceBandWeights(xy, { distance: -1, planar: true })).toThrow(/positive number/);
  });
});

describe('contiguity', () => {
  // A 2×1 block on the left, two unit squares stacked on the right, and one square alone far away.
  //  ┌──┐┌─┐
  //  │  │├─┤      ┌─┐
  //  └──┘└─┘      └─┘
  const big = square(0, 0, 1, 2);
  const upper = square(1, 1, 1);
  const lower = square(1, 0, 1);
  const alone = square(10, 10, 1);
  const corner = square(2, 2, 1); // touches `upper` at the point (2, 2) only

  it('queen and rook on shared vertices, islands reported', () => {
    const q = contiguityWeights([lower, upper, corner, alone], { rule: 'queen' });
    expect(Array.from(neighboursOf(q, 0))).toEqual([1]);
    expect(Array.from(neighboursOf(q, 1))).toEqual([0, 2]);
    expect(q.islands).toEqual([3]);
    const r = contiguityWeights([lower, upper, corner, alone], { rule: 'rook' });
    expect(Array.from(neighboursOf(r, 1))).toEqual([0]);
    expect(r.islands).toEqual([2, 3]);
  });

  it('vertex matching (spdep) misses a T-junction that edge matching sees', () => {
    // `big` has no vertex at (1, 1), where `upper` and `lower` meet its right edge.
    const vertices = contiguityWeights([big, upper, lower], { rule: 'rook' });
    expect(Array.from(neighboursOf(vertices, 0))).toEqual([]);
    const edges = contiguityWeights([big, upper, lower], { rule: 'rook', match: 'edges' });
    expect(Array.from(neighboursOf(edges, 0))).toEqual([1, 2]);
    const edgesQueen = contiguityWeights([big, upper, lower, corner], { rule: 'queen', match: 'edges' });
    expect(Array.from(neighboursOf(edgesQueen, 3))).toEqual([1]);
  });

  it('snap tolerance joins nearly coincident boundaries', () => {
    const shifted = square(1 + 1e-9, 0, 1);
    expect(contiguityWeights([square(0, 0, 1), shifted], { rule: 'rook' }).islands).toEqual([]);
    expect(contiguityWeights([square(0, 0, 1), square(1.001, 0, 1)], { rule: 'queen' }).islands).toEqual([0, 1]);
  });
});
