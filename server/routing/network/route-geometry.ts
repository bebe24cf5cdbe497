import { ShortestPathSearch } from './dijkstra.js';
import { RoadNetworkInputError } from './errors.js';
import type { LonLat } from '../../domain/geodesy.js';
import { assertLonLats } from './geo.js';
import type { RoadGraph } from './graph.js';
import { speedFactorAt, straightLineEstimate } from '../../domain/travel.js';
import { arrivalNodes, bestArrival, departureOrigins } from './legs.js';
import type { RoutableNetwork } from './routable-network.js';
import type { Snap } from './snap.js';
import { ACCESS_SPEED_KMH, checkProfile, snapLocations, type TravelCostOptions } from './travel-costs.js';

export interface RouteLeg {
  /** Along the roads from the snapped start to the snapped end; a straight line [from, to] when approximate. */
  coordinates: LonLat[];
  /** Includes the access legs to and from the road, like the matrices. */
  seconds: number;
  metres: number;
  approximate: boolean;
}

export interface Route extends RouteLeg {
  legs: RouteLeg[];
}

/** Points of an edge's polyline between two offsets along it, in the order from → to (either may be larger). */
export function edgeSubline(graph: RoadGraph, edge: number, fromMetres: number, toMetres: number): LonLat[] {
  const forward = fromMetres <= toMetres;
  const low = Math.min(fromMetres, toMetres);
  const high = Math.max(fromMetres, toMetres);
  const { edgePointStart, pointLon, pointLat, pointOffsetMetres } = graph;
  const first = edgePointStart[edge];
  const last = edgePointStart[edge + 1] - 1;
  const at = (metres: number): LonLat => {
    let p = first;
    while (p < last - 1 && pointOffsetMetres[p + 1] < metres) p++;
    const span = pointOffsetMetres[p + 1] - pointOffsetMetres[p];
    const t = span === 0 ? 0 : Math.min(1, Math.max(0, (metres - pointOffsetMetres[p]) / span));
    return [pointLon[p] + t * (pointLon[p + 1] - pointLon[p]), pointLat[p] + t * (pointLat[p + 1] - pointLat[p])];
  };
  const points: LonLat[] = [at(low)];
  for (let p = first; p <= last; p++) {
    if (pointOffsetMetres[p] > low && pointOffsetMetres[p] < high) points.push([pointLon[p], pointLat[p]]);
  }
  points.push(at(high));
  return forward ? points : points.reverse();
}

function appendPoints(line: LonLat[], points: LonLat[]): void {
  for (const point of points) {
    const previous = line[line.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) line.push(point);
  }
}

function networkLeg(network: RoutableNetwork, search: ShortestPathSearch, from: Snap, to: Snap, options: TravelCostOptions): RouteLeg | null {
  const { graph } = network;
  const origins = departureOrigins(graph, from);
  search.search(origins, arrivalNodes(graph, to));
  const arrival = bestArrival(graph, search, from, to);
  if (!arrival) return null;
  const line: LonLat[] = [];
  if (arrival.via === 'same-edge') {
    appendPoints(line, edgeSubline(graph, from.edge, from.offsetMetres, to.offsetMetres));
  } else {
    const entry = arrival.via === 'from-source' ? graph.edgeSource[to.edge] : graph.edgeTarget[to.edge];
    const leavesAhead = search.originOf(entry) === 0;
    appendPoints(line, edgeSubline(graph, from.edge, from.offsetMetres, leavesAhead ? graph.edgeLengthMetres[from.edge] : 0));
    for (const arc of search.arcsTo(entry)) {
      const edge = graph.arcEdge[arc];
      const length = graph.edgeLengthMetres[edge];
      appendPoints(line, graph.arcAlongEdge[arc] ? edgeSubline(graph, edge, 0, length) : edgeSubline(graph, edge, length, 0));
    }
    const entryOffset = arrival.via === 'from-source' ? 0 : graph.edgeLengthMetres[to.edge];
    appendPoints(line, edgeSubline(graph, to.edge, entryOffset, to.offsetMetres));
  }
  if (line.length === 1) line.push(line[0]);
  const accessMetres = from.accessMetres + to.accessMetres;
  const accessSeconds = (accessMetres * 3.6) / (options.accessSpeedKmh ?? ACCESS_SPEED_KMH);
  return {
    coordinates: line,
    seconds: arrival.seconds / speedFactorAt(options.departureHour) + accessSeconds,
    metres: arrival.metres + accessMetres,
    approximate: false,
  };
}

/**
 * The route through the waypoints in order, leg by leg: along the roads where both ends of a leg are covered by the
 * network, a straight line flagged approximate otherwise. Costs equal the matrices' for the same options.
 */
export function routeThrough(network: RoutableNetwork | null, waypoints: LonLat[], options: TravelCostOptions = {}): Route {
  if (waypoints.length < 2) throw new RoadNetworkInputError(`a route needs at least two waypoints, got ${waypoints.length}`);
  assertLonLats(waypoints, 'waypoint');
  const snaps = snapLocations(network, waypoints, options.maxSnapDistanceMetres);
  const search = network ? new ShortestPathSearch(network.graph) : null;
  const legs: RouteLeg[] = [];
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const from = snaps[i];
    const to = snaps[i + 1];
    const onRoads = network && search && from && to ? networkLeg(network, search, from, to, options) : null;
    if (onRoads) {
      legs.push(onRoads);
    } else {
      const estimate = straightLineEstimate(waypoints[i], waypoints[i + 1], options);
      legs.push({ coordinates: [waypoints[i], waypoints[i + 1]], ...estimate, approximate: true });
    }
  }
  const coordinates: LonLat[] = [];
  for (const leg of legs) appendPoints(coordinates, leg.coordinates);
  if (coordinates.length === 1) coordinates.push(coordinates[0]);
  return {
    coordinates,
    seconds: legs.reduce((sum, leg) => sum + leg.seconds, 0),
    metres: legs.reduce((sum, leg) => sum + leg.metres, 0),
    approximate: legs.some((leg) => leg.approximate),
    legs,
  };
}

/** One leg from `from` to `to`. */
export function routeBetween(network: RoutableNetwork | null, from: LonLat, to: LonLat, options: TravelCostOptions = {}): RouteLeg {
  const { legs } = routeThrough(network, [from, to], options);
  return legs[0];
}

/** A LineString through the stops of a route, as the solver's output carries it. */
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: LonLat[];
}

/**
 * Draws routes along the roads for the solver's output (`geometry` of each route). Legs outside the network's
 * coverage are straight; use routeThrough directly to know which.
 */
export function createRouteGeometryProvider(
  network: RoutableNetwork | null,
  options: TravelCostOptions = {},
): (coordinates: LonLat[], profile: string) => LineStringGeometry {
  return (coordinates, profile) => {
    checkProfile(profile);
    if (coordinates.length < 2) return { type: 'LineString', coordinates: [...coordinates] };
    return { type: 'LineString', coordinates: routeThrough(network, coordinates, options).coordinates };
  };
}
