import type { LonLat } from '../../domain/geodesy.js';

/** A graph vertex: an OSM node where ways meet or end. */
export interface RoadNodeRecord {
  id: number;
  lon: number;
  lat: number;
}

/**
 * A road segment between two graph vertices. When `oneway` is true it may only be driven from `source` to
 * `target` (ways tagged oneway=-1 are stored reversed so that this always holds).
 */
export interface RoadEdgeRecord {
  osmWayId: number;
  source: number;
  target: number;
  highway: string;
  name: string | null;
  oneway: boolean;
  lengthMetres: number;
  speedKmh: number;
  /** From the source vertex to the target vertex, at least two distinct points. */
  coordinates: LonLat[];
}

/** What the importer produces, the database stores and the graph builder reads. */
export interface RoadNetworkData {
  nodes: RoadNodeRecord[];
  edges: RoadEdgeRecord[];
}

/** Travel costs between every pair of locations; `durations[i][j]` is from location i to location j. */
export interface TravelCostMatrices {
  /** Seconds. */
  durations: number[][];
  /** Metres. */
  distances: number[][];
}

export interface TravelCosts extends TravelCostMatrices {
  /** True when at least one entry is a straight-line estimate rather than a route on the road network. */
  approximate: boolean;
  /** Indices of the locations that could not be placed on the road network (their rows and columns are estimates). */
  offNetworkLocations: number[];
  /** Pairs [from, to] both on the network but not connected by it (filled with the estimate). */
  unreachablePairs: [number, number][];
}

/** The signature the VRP solver calls when a problem carries coordinates but no matrices. */
export type TravelCostProvider = (locations: LonLat[], profile: string) => TravelCosts;
