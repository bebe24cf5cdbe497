import { describe, expect, test } from 'vitest';
import { asAsyncProvider, createRouteGeometryProvider, computeTravelCosts, createNetworkProvider, createStraightLineProvider, createTravelCostProvider, routeBetween, routeThrough, SnapIndex } from '../../../../server/routing/network/index.js';
import { haversineDistanceMetres, type LonLat } from '../../../../server/domain/geodesy.js';
import { CIRCUITY_FACTOR, FALLBACK_SPEED_KMH, speedFactorAt, straightLineEstimate } from '../../../../server/domain/travel.js';
import { gridNetwork, metresBetween, NODE, secondsAlong, SPEED } from './grid-network.js';

// Two points 0.01° of latitude apart on one meridian: great circle = R·Δφ = 1,111.95 m.
const SOUTH: LonLat = [121.4, 31.2];
const NORTH: LonLat = [121.4, 31.21];
const GREAT_CIRCLE_METRES = (6_371_008.8 * 0.01 * Math.PI) / 180;

describe('straight-line estimate', () => {
  test('is great circle × 1.4 at 25 km/h off-peak', () => {
    expect(CIRCUITY_FACTOR).toBe(1.4);
    expect(FALLBACK_SPEED_KMH).toBe(25);
    const leg = straightLineEstimate(SOUTH, NORTH, { departureHour: 12 });
    expect(GREAT_CIRCLE_METRES).toBeCloseTo(1111.95, 2);
    expect(leg.metres).toBeCloseTo(1556.73, 2);
    expect(leg.seconds).toBeCloseTo(1556.73 / (25 / 3.6), 1);
    expect(leg.seconds).toBeCloseTo(224.17, 2);
  });

  test('is slower in the evening peak and faster at night', () => {
    expect(straightLineEstimate(SOUTH, NORTH, { departureHour: 18 }).seconds).toBeCloseTo(1556.73 / (17.5 / 3.6), 1);
    expect(straightLineEstimate(SOUTH, NORTH, { departureHour: 18 }).seconds).toBeCloseTo(320.25, 1);
    expect(straightLineEstimate(SOUTH, NORTH, { departureHour: 2 }).seconds).toBeCloseTo(1556.73 / (32.5 / 3.6), 1);
    expect(straightLineEstimate(SOUTH, NORTH, { departureHour: 8 }).seconds).toBeCloseTo(1556.73 / (18.75 / 3.6), 1);
    expect(straightLineEstimate(SOUTH, NORTH, { departureHour: 18 }).metres).toBeCloseTo(1556.73, 2);
  });

  test('hour bands: peaks 7–9 and 17–19, night 22–6', () => {
    expect([0, 5.99, 6, 7, 8.99, 9, 16.99, 17, 18.99, 19, 21.99, 22, 23.99].map(speedFactorAt)).toEqual([
      1.3, 1.3, 1, 0.75, 0.75, 1, 1, 0.7, 0.7, 1, 1, 1.3, 1.3,
    ]);
    expect(speedFactorAt(undefined)).toBe(1);
    for (const bad of [-1, 24, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => speedFactorAt(bad)).toThrow(/departureHour: must be/);
  });

  test('takes another circuity factor and speed, and refuses impossible ones', () => {
    const leg = straightLineEstimate(SOUTH, NORTH, { circuityFactor: 1.3, speedKmh: 30 });
    expect(leg.metres).toBeCloseTo(GREAT_CIRCLE_METRES * 1.3, 6);
    expect(leg.seconds).toBeCloseTo((GREAT_CIRCLE_METRES * 1.3) / (30 / 3.6), 6);
    expect(() => straightLineEstimate(SOUTH, NORTH, { circuityFactor: 0.9 })).toThrow(/circuityFactor: must be ≥ 1/);
    expect(() => straightLineEstimate(SOUTH, NORTH, { speedKmh: 0 })).toThrow(/speedKmh: must be positive/);
  });

  test('the straight-line provider flags every entry as approximate', () => {
    const costs = createStraightLineProvider({ departureHour: 18 })([SOUTH, NORTH, SOUTH], 'car');
    expect(costs.approximate).toBe(true);
    expect(costs.offNetworkLocations).toEqual([0, 1, 2]);
    expect(costs.distances[0][1]).toBeCloseTo(1556.73, 2);
    expect(costs.durations[1][0]).toBeCloseTo(320.25, 1);
    expect(costs.durations[0][2]).toBe(0);
    expect(costs.durations[0][0]).toBe(0);
  });
});

describe('combined provider', () => {
  const network = gridNetwork();
  const far: LonLat = [121.43, 31.2];

  test('uses the roads between covered locations and the estimate for the others', () => {
    const provider = createTravelCostProvider(network, { departureHour: 12 });
    const costs = provider([NODE[1], NODE[7], far], 'car');
    expect(costs.approximate).toBe(true);
    expect(costs.offNetworkLocations).toEqual([2]);
    expect(costs.unreachablePairs).toEqual([]);
    expect(costs.durations[0][1]).toBeCloseTo(secondsAlong(SPEED.residential, 1, 4, 7), 6);
    expect(costs.durations[0][2]).toBeCloseTo(straightLineEstimate(NODE[1], far, { departureHour: 12 }).seconds, 9);
    expect(costs.distances[2][1]).toBeCloseTo(straightLineEstimate(far, NODE[7]).metres, 9);
  });

  test('is exact (not approximate) when every location is covered', () => {
    const costs = createTravelCostProvider(network)([NODE[1], NODE[9]], 'car');
    expect(costs.approximate).toBe(false);
    expect(costs.offNetworkLocations).toEqual([]);
  });

  test('the network-only provider snaps any location, adding its access leg at 15 km/h', () => {
    const costs = createNetworkProvider(network)([NODE[1], far], 'car');
    expect(costs.approximate).toBe(false);
    // `far` lies due east of node 3, the nearest road point; from node 1 the south street leads there.
    const accessMetres = haversineDistanceMetres(...far, ...NODE[3]);
    expect(costs.distances[0][1]).toBeCloseTo(metresBetween(1, 12, 2, 3) + accessMetres, 6);
    expect(costs.durations[0][1]).toBeCloseTo(secondsAlong(SPEED.primary, 1, 12, 2, 3) + (accessMetres * 3.6) / 15, 6);
  });

  test('works without any network', () => {
    const costs = createTravelCostProvider(null)([NODE[1], NODE[9]], 'car');
    expect(costs.approximate).toBe(true);
    expect(costs.distances[0][1]).toBeCloseTo(straightLineEstimate(NODE[1], NODE[9]).metres, 9);
  });

  test('rejects an unknown profile and bad options with a clear message', () => {
    expect(() => createTravelCostProvider(network)([NODE[1]], 'bicycle')).toThrow(/unknown routing profile "bicycle"; supported: car/);
    expect(() => computeTravelCosts(network, [NODE[1]], { accessSpeedKmh: -1 })).toThrow(/accessSpeedKmh must be positive/);
    expect(() => computeTravelCosts(network, [NODE[1]], { maxSnapDistanceMetres: Number.NaN })).toThrow(/maxSnapDistanceMetres/);
    expect(computeTravelCosts(network, [])).toMatchObject({ durations: [], distances: [], approximate: false });
  });

  test('a route through covered and uncovered stops mixes road legs and flagged straight legs', () => {
    const route = routeThrough(network, [NODE[1], NODE[7], far, NODE[1]]);
    expect(route.legs.map((leg) => leg.approximate)).toEqual([false, true, true]);
    expect(route.approximate).toBe(true);
    expect(route.legs[1].coordinates).toEqual([NODE[7], far]);
    expect(route.coordinates).toEqual([NODE[1], NODE[4], NODE[7], far, NODE[1]]);
    expect(route.seconds).toBeCloseTo(route.legs.reduce((sum, leg) => sum + leg.seconds, 0), 9);
    expect(() => routeThrough(network, [NODE[1]])).toThrow(/at least two waypoints/);
  });
});

describe('solver adapters', () => {
  const network = gridNetwork();

  test('the geometry provider draws a route through its stops along the streets', () => {
    const draw = createRouteGeometryProvider(network);
    expect(draw([NODE[5], NODE[4], NODE[1]], 'car')).toEqual({ type: 'LineString', coordinates: [NODE[5], NODE[8], NODE[7], NODE[4], NODE[1]] });
    expect(draw([NODE[5]], 'car')).toEqual({ type: 'LineString', coordinates: [NODE[5]] });
    expect(() => draw([NODE[5], NODE[4]], 'truck')).toThrow(/unknown routing profile/);
  });

  test('the async provider answers what the sync one does', async () => {
    const provider = createTravelCostProvider(network, { departureHour: 18 });
    expect(await asAsyncProvider(provider)([NODE[1], NODE[9]], 'car')).toEqual(provider([NODE[1], NODE[9]], 'car'));
  });
});

describe('unreachable pairs', () => {
  test('with snapping opened to every component, pairs across islands get the estimate and are listed', () => {
    const grid = gridNetwork();
    const everywhere = { ...grid, snapIndex: new SnapIndex(grid.graph) };
    const island: LonLat = [121.409, 31.2005];
    const costs = computeTravelCosts(everywhere, [NODE[1], island, NODE[9]], { departureHour: 18 });
    expect(costs.offNetworkLocations).toEqual([]);
    expect(costs.unreachablePairs).toEqual([[0, 1], [1, 0], [1, 2], [2, 1]]);
    expect(costs.approximate).toBe(true);
    expect(costs.durations[0][1]).toBeCloseTo(straightLineEstimate(NODE[1], island, { departureHour: 18 }).seconds, 9);
    expect(costs.distances[1][2]).toBeCloseTo(straightLineEstimate(island, NODE[9]).metres, 9);
    expect(costs.durations[0][2]).toBeCloseTo(computeTravelCosts(grid, [NODE[1], NODE[9]], { departureHour: 18 }).durations[0][1], 9);
    const leg = routeBetween(everywhere, NODE[1], island);
    expect(leg.approximate).toBe(true);
    expect(leg.coordinates).toEqual([NODE[1], island]);
  });
});
