import { RoadNetworkInputError } from './errors.js';
import { haversineDistanceMetres, type LonLat } from '../../domain/geodesy.js';
import type { OsmData } from './osm-xml.js';
import { effectiveSpeedKmh, isDrivable, onewayDirection } from './road-classes.js';
import type { RoadEdgeRecord, RoadNetworkData, RoadNodeRecord } from './types.js';

export interface BuildNetworkReport {
  /** Drivable ways turned into edges. */
  waysUsed: number;
  /** Ways left out: not a drivable highway, closed to cars, or fewer than two known nodes. */
  waysSkipped: number;
  /** Node references of drivable ways to nodes absent from the file (a clipped extract): those points are dropped. */
  missingNodeRefs: number;
  /** Edges dropped because another edge covers exactly the same road in the same direction(s). */
  duplicateEdges: number;
}

export interface BuiltNetwork {
  network: RoadNetworkData;
  report: BuildNetworkReport;
}

/**
 * Turns OSM ways into a routable network: keeps drivable highways, splits every way at the nodes where it meets
 * another way (or itself), orients one-way pieces along their allowed direction, and measures them by haversine.
 */
export function buildRoadNetwork(osm: OsmData): BuiltNetwork {
  const report: BuildNetworkReport = { waysUsed: 0, waysSkipped: 0, missingNodeRefs: 0, duplicateEdges: 0 };
  const resolved: { wayIndex: number; nodes: number[] }[] = [];
  const useCount = new Uint8Array(osm.nodeLon.length);
  const isEndpoint = new Uint8Array(osm.nodeLon.length);

  osm.ways.forEach((way, wayIndex) => {
    if (!isDrivable(way.tags)) {
      report.waysSkipped++;
      return;
    }
    const nodes: number[] = [];
    for (const ref of way.nodeRefs) {
      const index = osm.nodeIndexById.get(ref);
      if (index === undefined) {
        report.missingNodeRefs++;
        continue;
      }
      if (nodes[nodes.length - 1] !== index) nodes.push(index);
    }
    if (nodes.length < 2) {
      report.waysSkipped++;
      return;
    }
    for (const node of nodes) if (useCount[node] < 255) useCount[node]++;
    isEndpoint[nodes[0]] = 1;
    isEndpoint[nodes[nodes.length - 1]] = 1;
    resolved.push({ wayIndex, nodes });
    report.waysUsed++;
  });

  const osmIdByIndex = new Float64Array(osm.nodeLon.length);
  for (const [id, index] of osm.nodeIndexById) osmIdByIndex[index] = id;

  const edges: RoadEdgeRecord[] = [];
  const seen = new Set<string>();
  const vertexIds = new Set<number>();

  for (const { wayIndex, nodes } of resolved) {
    const way = osm.ways[wayIndex];
    const direction = onewayDirection(way.tags);
    const speedKmh = effectiveSpeedKmh(way.tags);
    let pieceStart = 0;
    for (let i = 1; i < nodes.length; i++) {
      const node = nodes[i];
      if (i < nodes.length - 1 && useCount[node] < 2 && !isEndpoint[node]) continue;
      let pieceNodes = nodes.slice(pieceStart, i + 1);
      pieceStart = i;
      if (direction === 'backward') pieceNodes = pieceNodes.reverse();
      const coordinates: LonLat[] = pieceNodes.map((n) => [osm.nodeLon[n], osm.nodeLat[n]]);
      let lengthMetres = 0;
      for (let k = 1; k < coordinates.length; k++) {
        lengthMetres += haversineDistanceMetres(coordinates[k - 1][0], coordinates[k - 1][1], coordinates[k][0], coordinates[k][1]);
      }
      // Distinct node ids at identical coordinates would make an invalid zero-length line.
      if (lengthMetres === 0) continue;
      const oneway = direction !== 'both';
      const key = edgeKey(pieceNodes, oneway);
      if (seen.has(key)) {
        report.duplicateEdges++;
        continue;
      }
      seen.add(key);
      const source = osmIdByIndex[pieceNodes[0]];
      const target = osmIdByIndex[pieceNodes[pieceNodes.length - 1]];
      vertexIds.add(source);
      vertexIds.add(target);
      edges.push({
        osmWayId: way.id,
        source,
        target,
        highway: way.tags.highway,
        name: way.tags.name ?? null,
        oneway,
        lengthMetres,
        speedKmh,
        coordinates,
      });
    }
  }

  const nodes: RoadNodeRecord[] = [...vertexIds].map((id) => {
    const index = osm.nodeIndexById.get(id)!;
    return { id, lon: osm.nodeLon[index], lat: osm.nodeLat[index] };
  });
  return { network: { nodes, edges }, report };
}

/** The same road in the same direction(s): a two-way piece equals its reverse. */
function edgeKey(pieceNodes: number[], oneway: boolean): string {
  const forward = pieceNodes.join(',');
  if (oneway) return `>${forward}`;
  const backward = [...pieceNodes].reverse().join(',');
  return `=${forward < backward ? forward : backward}`;
}

/** Throws a readable error when a network cannot serve for routing at all. */
export function assertUsableNetwork(network: RoadNetworkData): void {
  if (network.edges.length === 0) {
    throw new RoadNetworkInputError('the file holds no drivable roads (highway=motorway … residential, service, living_street)');
  }
}
