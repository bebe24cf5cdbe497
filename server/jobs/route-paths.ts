import { routeThrough, type RoutableNetwork, type TravelCostOptions } from '../routing/network/index.js';
import type { VrpRoute, VrpSolution } from '../routing/problem/solution-schema.js';

/** A route as the map draws it: the line along the roads, a time for every vertex (for playback), and its honesty flag. */
export interface RoutePath {
  coordinates: [number, number][];
  /**
   * Seconds, in the problem's time units, one per coordinate, non-decreasing. Each inner stop appears twice in the
   * coordinates, at its arrival and at its departure, so that playback shows the team standing there.
   */
  timestamps: number[];
  /** True when some leg is a straight-line estimate (a stop off the road network, or no network). */
  approximate: boolean;
}

export type RouteWithPath = VrpRoute & { approximate: boolean; timestamps: number[] };

export interface SolutionWithPaths extends Omit<VrpSolution, 'routes'> {
  routes: RouteWithPath[];
}

function legDistances(coordinates: [number, number][]): number[] {
  const cumulative = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const [x0, y0] = coordinates[i - 1];
    const [x1, y1] = coordinates[i];
    const kx = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
    cumulative.push(cumulative[i - 1] + Math.hypot((x1 - x0) * kx, y1 - y0));
  }
  return cumulative;
}

/**
 * The path of one route through its located steps. Each leg ends at the next step's arrival and starts its travel
 * time before it, so waiting, service and breaks show as the team standing still at a stop; vertices in between
 * get times in proportion to the distance along the leg.
 */
export function routePath(network: RoutableNetwork | null, route: VrpRoute, options: TravelCostOptions): RoutePath | null {
  const located = route.steps.filter((s) => s.location !== undefined);
  if (located.length < 2) return null;
  const waypoints = located.map((s) => s.location as [number, number]);
  const routed = routeThrough(network, waypoints, options);
  const coordinates: [number, number][] = [];
  const timestamps: number[] = [];
  let previousDeparture = located[0].arrival;
  routed.legs.forEach((leg, k) => {
    const arrival = located[k + 1].arrival;
    const departure = Math.max(previousDeparture, arrival - leg.seconds);
    const along = legDistances(leg.coordinates);
    const total = along[along.length - 1];
    leg.coordinates.forEach((point, i) => {
      const t = total > 0 ? departure + ((arrival - departure) * along[i]) / total : i === 0 ? departure : arrival;
      coordinates.push([point[0], point[1]]);
      timestamps.push(t);
    });
    previousDeparture = arrival;
  });
  return { coordinates, timestamps, approximate: routed.approximate };
}

/** Replaces each route's geometry by the road path and adds its timestamps and approximate flag. */
export function withRoadPaths(solution: VrpSolution, network: RoutableNetwork | null, options: TravelCostOptions): SolutionWithPaths {
  return {
    ...solution,
    routes: solution.routes.map((route) => {
      const path = routePath(network, route, options);
      if (!path) return { ...route, approximate: network === null, timestamps: [] };
      return { ...route, geometry: { type: 'LineString' as const, coordinates: path.coordinates }, timestamps: path.timestamps, approximate: path.approximate };
    }),
  };
}
