import { describe, expect, test } from 'vitest';
import { snapLocations, stronglyConnectedComponents, summariseNetwork, weaklyConnectedComponents } from '../../../../server/routing/network/index.js';
import { gridNetwork, metresBetween, NODE } from './grid-network.js';

const network = gridNetwork();
const { graph } = network;
const nodeIndex = (osmId: number) => graph.nodeOsmId.indexOf(osmId);
const edgeBetween = (a: number, b: number) => {
  for (let e = 0; e < graph.edgeCount; e++) {
    if (graph.edgeSource[e] === nodeIndex(a) && graph.edgeTarget[e] === nodeIndex(b)) return e;
  }
  throw new Error(`no edge ${a}→${b}`);
};
const metresPerDegreeLat = (6_371_008.8 * Math.PI) / 180;

describe('components', () => {
  test('weak components ignore direction; strong ones follow it', () => {
    const weak = weaklyConnectedComponents(graph);
    expect(weak.count).toBe(2);
    expect(weak.sizes[weak.largest]).toBe(10);
    const strong = stronglyConnectedComponents(graph);
    // {1…9}, {20, 21} and the dead end {22} that can be entered but not left.
    expect(strong.count).toBe(3);
    expect(strong.sizes.sort((a, b) => a - b)).toEqual([1, 2, 9]);
    const main = strong.componentOf[nodeIndex(1)];
    for (const id of [2, 3, 4, 5, 6, 7, 8, 9]) expect(strong.componentOf[nodeIndex(id)]).toBe(main);
    expect(strong.componentOf[nodeIndex(22)]).not.toBe(main);
  });

  test('the summary counts the network', () => {
    const summary = summariseNetwork(network);
    expect(summary).toMatchObject({ nodes: 12, edges: 14, oneWayEdges: 7, weakComponents: 2, strongComponents: 3 });
    expect(summary.largestStrongComponentShare).toBeCloseTo(9 / 12, 12);
    expect(summary.bbox).toEqual([121.4, 31.1995, 121.409, 31.2025]);
    const kilometres = (metresBetween(1, 4, 7) + metresBetween(1, 12, 2, 3) + metresBetween(7, 8, 9) + metresBetween(2, 5, 8) +
      metresBetween(3, 6, 9) + metresBetween(4, 5, 6) + metresBetween(9, 22) + 6_371_008.8 * Math.PI * 0.001 / 180) / 1000;
    expect(summary.roadKilometres).toBeCloseTo(kilometres, 9);
  });
});

describe('snapping', () => {
  test('projects a point onto the nearest street and reports the access leg', () => {
    // 30 m east of the middle of 1–4.
    const east = 30 / (metresPerDegreeLat * Math.cos((31.2005 * Math.PI) / 180));
    const [snap] = snapLocations(network, [[121.4 + east, 31.2005]]);
    expect(snap!.edge).toBe(edgeBetween(1, 4));
    expect(snap!.point[0]).toBeCloseTo(121.4, 9);
    expect(snap!.point[1]).toBeCloseTo(31.2005, 9);
    expect(snap!.accessMetres).toBeCloseTo(30, 1);
    expect(snap!.offsetMetres).toBeCloseTo(metresBetween(1, 4) / 2, 3);
  });

  test('measures the offset along a curved edge', () => {
    // On the south street's second segment, at a quarter of the way from 12 to 2.
    const point: [number, number] = [121.4005 + 0.25 * 0.0005, 31.1995 + 0.25 * 0.0005];
    const [snap] = snapLocations(network, [point]);
    expect(snap!.edge).toBe(edgeBetween(1, 2));
    expect(snap!.accessMetres).toBeLessThan(1e-6);
    expect(snap!.offsetMetres).toBeCloseTo(metresBetween(1, 12) + metresBetween(12, 2) / 4, 6);
  });

  test('prefers the largest strongly connected component over a nearer dead end', () => {
    // Right at the end of the one-way stub 9→22: the stub cannot be left, so the point snaps to the grid.
    const [snap] = snapLocations(network, [NODE[22]]);
    expect([edgeBetween(8, 9), edgeBetween(9, 6)]).toContain(snap!.edge);
    expect(snap!.point).toEqual(NODE[9]);
    expect(snap!.accessMetres).toBeCloseTo(metresBetween(9, 22), 6);
  });

  test('a point near the island 20–21 but far from the main grid is outside coverage', () => {
    const snaps = snapLocations(network, [[121.409, 31.2005], [121.405, 31.2005]], 300);
    expect(snaps[0]).toBeNull();
    expect(snaps[1]!.point[0]).toBeCloseTo(121.402, 9);
    expect(snapLocations(network, [[121.409, 31.2005]], Number.POSITIVE_INFINITY)[0]).not.toBeNull();
  });

  test('finds the nearest street from far outside the grid when unlimited', () => {
    // South-west of the grid: the shape point 12 of the south street is the corner nearest to it.
    const [snap] = snapLocations(network, [[121.3, 31.1]], Number.POSITIVE_INFINITY);
    expect(snap!.point).toEqual(NODE[12]);
    expect(snap!.accessMetres).toBeGreaterThan(10_000);
  });

  test('agrees with a brute-force search over all segments', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const cosLat = Math.cos((31.201 * Math.PI) / 180);
    for (let k = 0; k < 200; k++) {
      const point: [number, number] = [121.3985 + random() * 0.005, 31.1985 + random() * 0.005];
      const [snap] = snapLocations(network, [point], Number.POSITIVE_INFINITY);
      let best = Infinity;
      for (let e = 0; e < graph.edgeCount; e++) {
        const inMain = (node: number) => network.strong.componentOf[node] === network.strong.largest;
        if (!inMain(graph.edgeSource[e]) || !inMain(graph.edgeTarget[e])) continue;
        for (let p = graph.edgePointStart[e]; p < graph.edgePointStart[e + 1] - 1; p++) {
          const ax = graph.pointLon[p] * cosLat, ay = graph.pointLat[p];
          const dx = graph.pointLon[p + 1] * cosLat - ax, dy = graph.pointLat[p + 1] - ay;
          const t = Math.max(0, Math.min(1, ((point[0] * cosLat - ax) * dx + (point[1] - ay) * dy) / (dx * dx + dy * dy)));
          best = Math.min(best, Math.hypot(ax + t * dx - point[0] * cosLat, ay + t * dy - point[1]) * metresPerDegreeLat);
        }
      }
      expect(snap!.accessMetres).toBeCloseTo(best, 1);
    }
  });

  test('rejects locations that are not [lon, lat]', () => {
    expect(() => snapLocations(network, [[31.2, 121.4]])).toThrow(/outside WGS84 bounds \(is it \[lat, lon\]\?\)/);
    expect(() => snapLocations(network, [[121.4, Number.NaN]])).toThrow(/two finite numbers/);
    expect(() => snapLocations(network, [[121.4] as unknown as [number, number]])).toThrow(/must be \[lon, lat\]/);
  });
});
