import type { SearchOrigin, ShortestPathSearch } from './dijkstra.js';
import { secondsAtSpeed, type RoadGraph } from './graph.js';
import type { Snap } from './snap.js';

/**
 * A snapped point this close to an end of its edge is at that vertex: a location exactly on an intersection where
 * only one-way streets meet must not be forced round the block because the nearest-segment tie fell on one of them.
 */
export const AT_VERTEX_METRES = 1;

/**
 * The vertices a trip from a snapped point starts at: ahead along the edge, and behind it too when the edge is
 * two-way (a one-way street may not be driven backwards even for a few metres). Origin 0 is always "ahead".
 */
export function departureOrigins(graph: RoadGraph, from: Snap): SearchOrigin[] {
  const e = from.edge;
  const length = graph.edgeLengthMetres[e];
  const speed = graph.edgeSpeedKmh[e];
  const ahead = length - from.offsetMetres;
  const origins: SearchOrigin[] = [{ node: graph.edgeTarget[e], seconds: secondsAtSpeed(ahead, speed), metres: ahead }];
  if (!graph.edgeOneway[e] || from.offsetMetres <= AT_VERTEX_METRES) {
    origins.push({ node: graph.edgeSource[e], seconds: secondsAtSpeed(from.offsetMetres, speed), metres: from.offsetMetres });
  }
  return origins;
}

/** The vertices from which a snapped point can be reached along its edge. */
export function arrivalNodes(graph: RoadGraph, to: Snap): number[] {
  const e = to.edge;
  return enterableFromTarget(graph, to) ? [graph.edgeSource[e], graph.edgeTarget[e]] : [graph.edgeSource[e]];
}

function enterableFromTarget(graph: RoadGraph, to: Snap): boolean {
  return !graph.edgeOneway[to.edge] || graph.edgeLengthMetres[to.edge] - to.offsetMetres <= AT_VERTEX_METRES;
}

/** How the fastest trip between two snapped points ends: along the shared edge, or entering its edge at a vertex. */
export type ArrivalVia = 'same-edge' | 'from-source' | 'from-target';

export interface Arrival {
  seconds: number;
  metres: number;
  via: ArrivalVia;
}

/** The fastest trip from `from` to `to` given a search run from departureOrigins(from); null when unreachable. */
export function bestArrival(graph: RoadGraph, search: ShortestPathSearch, from: Snap, to: Snap): Arrival | null {
  const e = to.edge;
  const speed = graph.edgeSpeedKmh[e];
  let seconds = Number.POSITIVE_INFINITY;
  let metres = Number.POSITIVE_INFINITY;
  let via: ArrivalVia = 'from-source';
  if (from.edge === e && (to.offsetMetres >= from.offsetMetres - AT_VERTEX_METRES || !graph.edgeOneway[e])) {
    metres = Math.abs(to.offsetMetres - from.offsetMetres);
    seconds = secondsAtSpeed(metres, speed);
    via = 'same-edge';
  }
  const source = graph.edgeSource[e];
  const viaSource = search.secondsTo(source) + secondsAtSpeed(to.offsetMetres, speed);
  if (viaSource < seconds) {
    seconds = viaSource;
    metres = search.metresTo(source) + to.offsetMetres;
    via = 'from-source';
  }
  if (enterableFromTarget(graph, to)) {
    const target = graph.edgeTarget[e];
    const behind = graph.edgeLengthMetres[e] - to.offsetMetres;
    const viaTarget = search.secondsTo(target) + secondsAtSpeed(behind, speed);
    if (viaTarget < seconds) {
      seconds = viaTarget;
      metres = search.metresTo(target) + behind;
      via = 'from-target';
    }
  }
  return Number.isFinite(seconds) ? { seconds, metres, via } : null;
}
