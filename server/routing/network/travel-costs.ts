import { ShortestPathSearch } from './dijkstra.js';
import { RoadNetworkInputError } from './errors.js';
import { distanceMetres, type LonLat } from '../../domain/geodesy.js';
import { resolveStraightLine, speedFactorAt, type StraightLineOptions } from '../../domain/travel.js';
import { assertLonLats } from './geo.js';
import { arrivalNodes, bestArrival, departureOrigins } from './legs.js';
import type { RoutableNetwork } from './routable-network.js';
import type { Snap } from './snap.js';
import type { TravelCostProvider, TravelCosts } from './types.js';

/** Locations farther than this from any road of the network are treated as outside its coverage. */
export const MAX_SNAP_DISTANCE_METRES = 300;
/** Speed on the access leg between a location and its road (entrances, lanes inside compounds, parking). */
export const ACCESS_SPEED_KMH = 15;
/** Profiles the network speeds describe; VROOM's default profile name is "car". */
export const SUPPORTED_PROFILES: readonly string[] = ['car'];

export interface TravelCostOptions extends StraightLineOptions {
  maxSnapDistanceMetres?: number;
  accessSpeedKmh?: number;
}

/** Snaps each location to the network, or null when it is outside the coverage (or there is no network). */
export function snapLocations(network: RoutableNetwork | null, locations: LonLat[], maxSnapDistanceMetres = MAX_SNAP_DISTANCE_METRES): (Snap | null)[] {
  assertLonLats(locations);
  if (!(maxSnapDistanceMetres >= 0)) throw new RoadNetworkInputError(`maxSnapDistanceMetres must be ≥ 0, got ${maxSnapDistanceMetres}`);
  return locations.map((location) => network?.snapIndex.nearest(location, maxSnapDistanceMetres) ?? null);
}

/**
 * Travel times and distances between all pairs of locations: along the roads (fastest path, one Dijkstra per
 * origin, stopped once every destination is settled) where both ends snap to the network, else the straight-line
 * estimate; `approximate` and the lists say which entries are estimates.
 */
export function computeTravelCosts(network: RoutableNetwork | null, locations: LonLat[], options: TravelCostOptions = {}): TravelCosts {
  const snaps = snapLocations(network, locations, options.maxSnapDistanceMetres);
  const speedFactor = speedFactorAt(options.departureHour);
  const straightLine = resolveStraightLine(options);
  const accessSpeedKmh = options.accessSpeedKmh ?? ACCESS_SPEED_KMH;
  if (!(accessSpeedKmh > 0)) throw new RoadNetworkInputError(`accessSpeedKmh must be positive, got ${accessSpeedKmh}`);
  const accessMetresPerSecond = accessSpeedKmh / 3.6;

  const n = locations.length;
  const durations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const distances = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const offNetworkLocations = snaps.flatMap((snap, i) => (snap ? [] : [i]));
  const unreachablePairs: [number, number][] = [];

  const estimate = (i: number, j: number) => {
    const metres = distanceMetres(locations[i], locations[j]) * straightLine.circuity;
    durations[i][j] = metres / straightLine.metresPerSecond;
    distances[i][j] = metres;
  };

  const targets = network ? [...new Set(snaps.flatMap((snap) => (snap ? arrivalNodes(network.graph, snap) : [])))] : [];
  const search = network ? new ShortestPathSearch(network.graph) : null;
  for (let i = 0; i < n; i++) {
    const from = snaps[i];
    if (from && network && search) search.search(departureOrigins(network.graph, from), targets);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const to = snaps[j];
      if (!from || !to || !network || !search) {
        estimate(i, j);
        continue;
      }
      const arrival = bestArrival(network.graph, search, from, to);
      if (!arrival) {
        unreachablePairs.push([i, j]);
        estimate(i, j);
        continue;
      }
      const accessMetres = from.accessMetres + to.accessMetres;
      durations[i][j] = arrival.seconds / speedFactor + accessMetres / accessMetresPerSecond;
      distances[i][j] = arrival.metres + accessMetres;
    }
  }
  return {
    durations,
    distances,
    approximate: offNetworkLocations.length > 0 || unreachablePairs.length > 0,
    offNetworkLocations,
    unreachablePairs,
  };
}

export function checkProfile(profile: string): void {
  if (!SUPPORTED_PROFILES.includes(profile)) {
    throw new RoadNetworkInputError(`unknown routing profile "${profile}"; supported: ${SUPPORTED_PROFILES.join(', ')}`);
  }
}

/** Road network where it covers the locations (within maxSnapDistanceMetres), straight-line estimate elsewhere. */
export function createTravelCostProvider(network: RoutableNetwork | null, options: TravelCostOptions = {}): TravelCostProvider {
  return (locations, profile) => {
    checkProfile(profile);
    return computeTravelCosts(network, locations, options);
  };
}

/** Every location on the network, however far from a road (the access leg grows instead). */
export function createNetworkProvider(network: RoutableNetwork, options: Omit<TravelCostOptions, 'maxSnapDistanceMetres'> = {}): TravelCostProvider {
  return createTravelCostProvider(network, { ...options, maxSnapDistanceMetres: Number.POSITIVE_INFINITY });
}

/** Straight-line estimates only, for areas without a road network. */
export function createStraightLineProvider(options: StraightLineOptions = {}): TravelCostProvider {
  return createTravelCostProvider(null, options);
}

/** The same provider behind a promise, for callers that await their cost source (a worker, a remote engine). */
export function asAsyncProvider(provider: TravelCostProvider): (...args: Parameters<TravelCostProvider>) => Promise<TravelCosts> {
  return async (locations, profile) => provider(locations, profile);
}
