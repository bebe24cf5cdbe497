import { stronglyConnectedComponents, weaklyConnectedComponents, type Components } from './components.js';
import { buildRoadGraph, type RoadGraph } from './graph.js';
import { SnapIndex } from './snap.js';
import type { RoadNetworkData } from './types.js';

/** A road graph ready for queries: its components and a snapping index restricted to the largest strong component. */
export interface RoutableNetwork {
  graph: RoadGraph;
  weak: Components;
  strong: Components;
  /** Snaps onto edges whose both ends lie in the largest strongly connected component, so every pair is reachable. */
  snapIndex: SnapIndex;
}

export function prepareRoadNetwork(data: RoadNetworkData): RoutableNetwork {
  const graph = buildRoadGraph(data);
  const weak = weaklyConnectedComponents(graph);
  const strong = stronglyConnectedComponents(graph);
  const main = strong.largest;
  const snapIndex = new SnapIndex(
    graph,
    (edge) => strong.componentOf[graph.edgeSource[edge]] === main && strong.componentOf[graph.edgeTarget[edge]] === main,
  );
  return { graph, weak, strong, snapIndex };
}

export interface NetworkSummary {
  nodes: number;
  edges: number;
  oneWayEdges: number;
  roadKilometres: number;
  weakComponents: number;
  strongComponents: number;
  /** Share of vertices in the largest strongly connected component, the part routes are computed on. */
  largestStrongComponentShare: number;
  bbox: [number, number, number, number] | null;
}

export function summariseNetwork(network: RoutableNetwork): NetworkSummary {
  const { graph, weak, strong } = network;
  let metres = 0;
  let oneWayEdges = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    metres += graph.edgeLengthMetres[e];
    oneWayEdges += graph.edgeOneway[e];
  }
  let bbox: NetworkSummary['bbox'] = null;
  if (graph.pointLon.length > 0) {
    bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (let p = 0; p < graph.pointLon.length; p++) {
      bbox[0] = Math.min(bbox[0], graph.pointLon[p]);
      bbox[1] = Math.min(bbox[1], graph.pointLat[p]);
      bbox[2] = Math.max(bbox[2], graph.pointLon[p]);
      bbox[3] = Math.max(bbox[3], graph.pointLat[p]);
    }
  }
  return {
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    oneWayEdges,
    roadKilometres: metres / 1000,
    weakComponents: weak.count,
    strongComponents: strong.count,
    largestStrongComponentShare: graph.nodeCount === 0 ? 0 : strong.sizes[strong.largest] / graph.nodeCount,
    bbox,
  };
}
