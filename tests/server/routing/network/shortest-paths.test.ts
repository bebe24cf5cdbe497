import { describe, expect, test } from 'vitest';
import { computeTravelCosts, routeBetween } from '../../../../server/routing/network/index.js';
import { type LonLat } from '../../../../server/domain/geodesy.js';
import { gridNetwork, metresBetween, NODE, secondsAlong, SPEED } from './grid-network.js';

const network = gridNetwork();
const at = (id: number): LonLat => NODE[id];
/** A point a fraction of the way from one node to another (along a straight street). */
const between = (a: number, b: number, fraction: number): LonLat => [
  NODE[a][0] + fraction * (NODE[b][0] - NODE[a][0]),
  NODE[a][1] + fraction * (NODE[b][1] - NODE[a][1]),
];

describe('shortest paths on the hand-made grid', () => {
  test('a two-way street is driven directly in both directions', () => {
    const { durations, distances } = computeTravelCosts(network, [at(1), at(7)]);
    const expected = secondsAlong(SPEED.residential, 1, 4, 7);
    expect(durations[0][1]).toBeCloseTo(expected, 6);
    expect(durations[1][0]).toBeCloseTo(expected, 6);
    expect(distances[0][1]).toBeCloseTo(metresBetween(1, 4, 7), 6);
  });

  test('a one-way street is used forwards and avoided backwards', () => {
    const { durations, distances } = computeTravelCosts(network, [at(4), at(5)]);
    expect(durations[0][1]).toBeCloseTo(secondsAlong(SPEED.residential, 4, 5), 6);
    // 5 → 4 against 4→5→6: north on the secondary, west and south on residential streets.
    const back = secondsAlong(SPEED.secondary, 5, 8) + secondsAlong(SPEED.residential, 8, 7, 4);
    expect(durations[1][0]).toBeCloseTo(back, 6);
    expect(distances[1][0]).toBeCloseTo(metresBetween(5, 8, 7, 4), 6);
  });

  test('oneway=-1 is driven against the way’s node order only', () => {
    const { durations } = computeTravelCosts(network, [at(9), at(3)]);
    expect(durations[0][1]).toBeCloseTo(secondsAlong(SPEED.tertiary, 9, 6, 3), 6);
    // 3 → 9 cannot take 3→6→9: west on the primary, north on the secondary, east on the residential street.
    const around = secondsAlong(SPEED.primary, 3, 2) + secondsAlong(SPEED.secondary, 2, 5, 8) + secondsAlong(SPEED.residential, 8, 9);
    expect(durations[1][0]).toBeCloseTo(around, 6);
  });

  test('no U-turn on a one-way street: a point behind on the same street is reached by going round the block', () => {
    const ahead = between(2, 5, 0.75);
    const behind = between(2, 5, 0.25);
    const { durations, distances } = computeTravelCosts(network, [behind, ahead]);
    const half = metresBetween(2, 5) / 2;
    expect(durations[0][1]).toBeCloseTo((half * 3.6) / SPEED.secondary, 6);
    expect(distances[0][1]).toBeCloseTo(half, 6);
    // From "ahead": the last quarter to 5, then 5→6→3→2 or 5→8→7→4→1→2 (whichever is faster), then a quarter.
    const quarterSeconds = (metresBetween(2, 5) / 4) * 3.6 / SPEED.secondary;
    const viaEast = secondsAlong(SPEED.residential, 5, 6) + secondsAlong(SPEED.tertiary, 6, 3) + secondsAlong(SPEED.primary, 3, 2);
    const viaWest = secondsAlong(SPEED.secondary, 5, 8) + secondsAlong(SPEED.residential, 8, 7, 4, 1) + secondsAlong(SPEED.primary, 1, 12, 2);
    expect(durations[1][0]).toBeCloseTo(2 * quarterSeconds + Math.min(viaEast, viaWest), 6);
    expect(distances[1][0]).toBeCloseTo(metresBetween(2, 5) / 2 + metresBetween(5, 6, 3, 2), 6);
  });

  test('the fastest path is chosen over the shortest', () => {
    // 4 → 8: north then east on residential streets (20 km/h), or east on 4→5 then north on the 28 km/h secondary:
    // the same length, but the secondary is faster.
    const { durations } = computeTravelCosts(network, [at(4), at(8)]);
    expect(durations[0][1]).toBeCloseTo(secondsAlong(SPEED.residential, 4, 5) + secondsAlong(SPEED.secondary, 5, 8), 6);
    expect(durations[0][1]).toBeLessThan(secondsAlong(SPEED.residential, 4, 7, 8));
  });

  test('matrices are symmetric where every road is two-way and asymmetric across one-way streets', () => {
    const locations = [between(1, 4, 0.3), between(4, 7, 0.6), at(7), between(8, 9, 0.5)];
    const { durations, distances } = computeTravelCosts(network, locations);
    for (const [i, j] of [[0, 1], [0, 2], [1, 2], [2, 3], [1, 3]]) {
      expect(durations[i][j]).toBeCloseTo(durations[j][i], 9);
      expect(distances[i][j]).toBeCloseTo(distances[j][i], 9);
    }
    expect(durations.map((row, i) => row[i])).toEqual([0, 0, 0, 0]);
    const { durations: across } = computeTravelCosts(network, [at(4), at(8)]);
    expect(across[0][1]).not.toBeCloseTo(across[1][0], 3);
  });

  test('the triangle inequality holds over a random set of points', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const locations: LonLat[] = Array.from({ length: 12 }, () => [121.4 + random() * 0.002, 31.2 + random() * 0.002]);
    const { durations } = computeTravelCosts(network, locations, { accessSpeedKmh: 1e9 });
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) for (let k = 0; k < 12; k++) {
      expect(durations[i][j]).toBeLessThanOrEqual(durations[i][k] + durations[k][j] + 1e-6);
    }
  });

  test('travel times scale with the hour of departure; distances do not', () => {
    const noon = computeTravelCosts(network, [at(1), at(9)], { departureHour: 12 });
    const peak = computeTravelCosts(network, [at(1), at(9)], { departureHour: 18 });
    const night = computeTravelCosts(network, [at(1), at(9)], { departureHour: 23.5 });
    expect(peak.durations[0][1]).toBeCloseTo(noon.durations[0][1] / 0.7, 6);
    expect(night.durations[0][1]).toBeCloseTo(noon.durations[0][1] / 1.3, 6);
    expect(peak.distances).toEqual(noon.distances);
    expect(() => computeTravelCosts(network, [at(1), at(9)], { departureHour: 24 })).toThrow(/0 ≤ h < 24/);
  });
});

describe('route geometry', () => {
  test('follows the roads from the snapped start to the snapped end', () => {
    const start: LonLat = [NODE[5][0] - 0.0002, NODE[5][1] + 0.0001];
    const leg = routeBetween(network, start, at(4));
    expect(leg.approximate).toBe(false);
    expect(leg.coordinates[0][0]).toBeCloseTo(NODE[5][0] - 0.0002, 9);
    expect(leg.coordinates[0][1]).toBeCloseTo(NODE[5][1], 9);
    expect(leg.coordinates.slice(1)).toEqual([at(5), at(8), at(7), at(4)]);
    const drivenMetres = metresBetween(5, 8, 7, 4) + metresBetween(4, 5) * 0.2;
    const accessMetres = (6_371_008.8 * Math.PI * 0.0001) / 180;
    expect(leg.metres).toBeCloseTo(drivenMetres + accessMetres, 3);
  });

  test('includes shape points of curved streets and reverses edges driven against their drawing', () => {
    const leg = routeBetween(network, at(2), at(1));
    expect(leg.coordinates).toEqual([at(2), NODE[12], at(1)]);
    expect(leg.metres).toBeCloseTo(metresBetween(2, 12, 1), 6);
  });

  test('a leg’s time and distance equal the matrix entry', () => {
    const locations: LonLat[] = [between(2, 5, 0.75), between(2, 5, 0.25), [121.4012, 31.2021]];
    const { durations, distances } = computeTravelCosts(network, locations, { departureHour: 8 });
    for (const [i, j] of [[0, 1], [1, 2], [2, 0]]) {
      const leg = routeBetween(network, locations[i], locations[j], { departureHour: 8 });
      expect(leg.seconds).toBeCloseTo(durations[i][j], 6);
      expect(leg.metres).toBeCloseTo(distances[i][j], 6);
    }
  });
});
