import { RoadNetworkInputError } from './errors.js';
import { haversineDistanceMetres } from '../../domain/geodesy.js';
import type { RoadNetworkData } from './types.js';

/**
 * The road network as flat typed arrays: vertices, edges with their polylines, and a compressed-sparse-row list of
 * directed arcs (a two-way edge gives two arcs, a one-way edge one). Indices, not OSM ids, are used throughout.
 */
export interface RoadGraph {
  nodeCount: number;
  nodeOsmId: Float64Array;
  nodeLon: Float64Array;
  nodeLat: Float64Array;

  edgeCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeOneway: Uint8Array;
  edgeLengthMetres: Float64Array;
  edgeSpeedKmh: Float64Array;
  edgeOsmWayId: Float64Array;
  edgeHighway: string[];
  edgeName: (string | null)[];
  /** Edge e's polyline is points edgePointStart[e] … edgePointStart[e + 1] - 1, from source to target. */
  edgePointStart: Int32Array;
  pointLon: Float64Array;
  pointLat: Float64Array;
  /** Distance from the start of the point's edge along its polyline. */
  pointOffsetMetres: Float64Array;

  /** Arcs leaving node n are arcStart[n] … arcStart[n + 1] - 1. */
  arcStart: Int32Array;
  arcHead: Int32Array;
  arcEdge: Int32Array;
  /** 1 when the arc runs along the edge's polyline (source → target), 0 when against it. */
  arcAlongEdge: Uint8Array;
  /** Free-flow travel time of the arc at the edge's effective speed. */
  arcSeconds: Float64Array;
  arcMetres: Float64Array;
}

export function secondsAtSpeed(metres: number, speedKmh: number): number {
  return (metres * 3.6) / speedKmh;
}

export function buildRoadGraph(data: RoadNetworkData): RoadGraph {
  const nodeCount = data.nodes.length;
  const indexById = new Map<number, number>();
  const nodeOsmId = new Float64Array(nodeCount);
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  data.nodes.forEach((node, index) => {
    if (indexById.has(node.id)) throw new RoadNetworkInputError(`road node ${node.id} appears twice`);
    indexById.set(node.id, index);
    nodeOsmId[index] = node.id;
    nodeLon[index] = node.lon;
    nodeLat[index] = node.lat;
  });

  const edgeCount = data.edges.length;
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeOneway = new Uint8Array(edgeCount);
  const edgeLengthMetres = new Float64Array(edgeCount);
  const edgeSpeedKmh = new Float64Array(edgeCount);
  const edgeOsmWayId = new Float64Array(edgeCount);
  const edgeHighway = new Array<string>(edgeCount);
  const edgeName = new Array<string | null>(edgeCount);
  const edgePointStart = new Int32Array(edgeCount + 1);
  let pointCount = 0;
  for (const edge of data.edges) pointCount += edge.coordinates.length;
  const pointLon = new Float64Array(pointCount);
  const pointLat = new Float64Array(pointCount);
  const pointOffsetMetres = new Float64Array(pointCount);

  let point = 0;
  data.edges.forEach((edge, e) => {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source === undefined || target === undefined) {
      throw new RoadNetworkInputError(`road edge ${e} (way ${edge.osmWayId}) refers to a node that is not in the network`);
    }
    if (edge.coordinates.length < 2) throw new RoadNetworkInputError(`road edge ${e} (way ${edge.osmWayId}) has fewer than two points`);
    if (!(edge.speedKmh > 0)) throw new RoadNetworkInputError(`road edge ${e} (way ${edge.osmWayId}) has no positive speed`);
    edgeSource[e] = source;
    edgeTarget[e] = target;
    edgeOneway[e] = edge.oneway ? 1 : 0;
    edgeSpeedKmh[e] = edge.speedKmh;
    edgeOsmWayId[e] = edge.osmWayId;
    edgeHighway[e] = edge.highway;
    edgeName[e] = edge.name;
    edgePointStart[e] = point;
    let offset = 0;
    edge.coordinates.forEach(([lon, lat], k) => {
      if (k > 0) offset += haversineDistanceMetres(pointLon[point - 1], pointLat[point - 1], lon, lat);
      pointLon[point] = lon;
      pointLat[point] = lat;
      pointOffsetMetres[point] = offset;
      point++;
    });
    // The polyline is the truth for positions along the edge; a stored length can only differ by rounding.
    edgeLengthMetres[e] = offset;
  });
  edgePointStart[edgeCount] = point;

  const arcStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    arcStart[edgeSource[e] + 1]++;
    if (!edgeOneway[e]) arcStart[edgeTarget[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) arcStart[n + 1] += arcStart[n];
  const arcCount = arcStart[nodeCount];
  const arcHead = new Int32Array(arcCount);
  const arcEdge = new Int32Array(arcCount);
  const arcAlongEdge = new Uint8Array(arcCount);
  const arcSeconds = new Float64Array(arcCount);
  const arcMetres = new Float64Array(arcCount);
  const fill = arcStart.slice(0, nodeCount);
  const addArc = (from: number, to: number, e: number, along: boolean) => {
    const arc = fill[from]++;
    arcHead[arc] = to;
    arcEdge[arc] = e;
    arcAlongEdge[arc] = along ? 1 : 0;
    arcMetres[arc] = edgeLengthMetres[e];
    arcSeconds[arc] = secondsAtSpeed(edgeLengthMetres[e], edgeSpeedKmh[e]);
  };
  for (let e = 0; e < edgeCount; e++) {
    addArc(edgeSource[e], edgeTarget[e], e, true);
    if (!edgeOneway[e]) addArc(edgeTarget[e], edgeSource[e], e, false);
  }

  return {
    nodeCount, nodeOsmId, nodeLon, nodeLat,
    edgeCount, edgeSource, edgeTarget, edgeOneway, edgeLengthMetres, edgeSpeedKmh, edgeOsmWayId, edgeHighway, edgeName,
    edgePointStart, pointLon, pointLat, pointOffsetMetres,
    arcStart, arcHead, arcEdge, arcAlongEdge, arcSeconds, arcMetres,
  };
}
