import type { Coordinate } from './schema.js';

/** Row-major square matrices: entry [i][j] is travel from locations[i] to locations[j]. */
export interface TravelCosts {
  /** Seconds. */
  durations: number[][];
  /** Metres. */
  distances: number[][];
}

/**
 * Supplies travel times and distances when a problem gives coordinates but no matrices. The road-network module
 * implements it with shortest paths, falling back on the straight-line travel model of server/domain/travel.ts,
 * which is also the solver's default (the same times from the CLI and the API for the same problem).
 */
export type TravelCostProvider = (locations: Coordinate[], profile: string) => TravelCosts;
