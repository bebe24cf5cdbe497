import type { VrpProblem } from '../../problem/schema.js';
import type { SolomonData } from './solomon.js';
import type { TsplibData } from './tsplib.js';

/** A TSPLIB tour as a VROOM problem: one vehicle leaving and returning to node 1. */
export function tspProblem(data: TsplibData): VrpProblem {
  const depot = data.depots[0] ?? 0;
  return {
    vehicles: [{ id: 0, start_index: depot, end_index: depot }],
    jobs: data.distances.flatMap((_, i) => (i === depot ? [] : [{ id: i, location_index: i }])),
    matrices: { car: { durations: data.distances, distances: data.distances } },
  };
}

/** A CVRPLIB instance with an unlimited fleet (one vehicle per customer), as in current literature. */
export function cvrpProblem(data: TsplibData): VrpProblem {
  const depot = data.depots[0] ?? 0;
  const customers = data.dimension - 1;
  if (data.capacity === undefined || data.demands === undefined) throw new Error('CVRP: CAPACITY and DEMAND_SECTION required');
  return {
    vehicles: Array.from({ length: customers }, (_, k) => ({
      id: k,
      start_index: depot,
      end_index: depot,
      capacity: [data.capacity!],
    })),
    jobs: data.distances.flatMap((_, i) =>
      i === depot ? [] : [{ id: i, location_index: i, delivery: [data.demands![i]] }],
    ),
    matrices: { car: { durations: data.distances, distances: data.distances } },
  };
}

/** Euclidean distance truncated to one decimal, as in the DIMACS 2021 VRPTW challenge. */
export function dimacsDistance(dx: number, dy: number): number {
  return Math.floor(Math.sqrt(dx * dx + dy * dy) * 10 + 1e-9) / 10;
}

/**
 * A Solomon instance under the DIMACS convention: arc distance = arc travel time = Euclidean
 * distance truncated to one decimal; minimise total distance with the whole fleet available.
 */
export function solomonDimacsProblem(data: SolomonData): VrpProblem {
  const pts = data.customers;
  const matrix = pts.map((a) => pts.map((b) => dimacsDistance(a.x - b.x, a.y - b.y)));
  const depot = pts[0];
  return {
    vehicles: Array.from({ length: data.vehicles }, (_, k) => ({
      id: k,
      start_index: 0,
      end_index: 0,
      capacity: [data.capacity],
      time_window: [depot.ready, depot.due] as [number, number],
    })),
    jobs: pts.slice(1).map((c, i) => ({
      id: c.id,
      location_index: i + 1,
      delivery: [c.demand],
      service: c.service,
      time_windows: [[c.ready, c.due] as [number, number]],
    })),
    matrices: { car: { durations: matrix, distances: matrix } },
    options: { minimise: 'distance' },
  };
}
