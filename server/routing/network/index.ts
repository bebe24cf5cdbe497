// Road network and travel times for the patrol router: OSM import, graph, snapping, shortest paths, matrices,
// route geometry and the straight-line fallback. Pure: no I/O, runs in Node, workers and the browser.
export { RoadNetworkInputError } from './errors.js';
export type {
  RoadNodeRecord,
  RoadEdgeRecord,
  RoadNetworkData,
  TravelCostMatrices,
  TravelCosts,
  TravelCostProvider,
} from './types.js';
export { createOsmXmlReader, parseOsmXml, type OsmData, type OsmWay, type OsmXmlReader } from './osm-xml.js';
export {
  DEFAULT_SPEED_KMH,
  DRIVABLE_HIGHWAYS,
  MAXSPEED_REALISED_SHARE,
  isDrivable,
  onewayDirection,
  parseMaxspeedKmh,
  effectiveSpeedKmh,
} from './road-classes.js';
export { buildRoadNetwork, assertUsableNetwork, type BuildNetworkReport, type BuiltNetwork } from './build-network.js';
export { createOsmRoadReader, roadNetworkFromOsmXml, type OsmRoadImport } from './from-osm.js';
export { buildRoadGraph, type RoadGraph } from './graph.js';
export { weaklyConnectedComponents, stronglyConnectedComponents, type Components } from './components.js';
export { ShortestPathSearch, type SearchOrigin } from './dijkstra.js';
export { SnapIndex, type Snap } from './snap.js';
export { prepareRoadNetwork, summariseNetwork, type RoutableNetwork, type NetworkSummary } from './routable-network.js';
export {
  MAX_SNAP_DISTANCE_METRES,
  ACCESS_SPEED_KMH,
  SUPPORTED_PROFILES,
  snapLocations,
  computeTravelCosts,
  createTravelCostProvider,
  createNetworkProvider,
  createStraightLineProvider,
  asAsyncProvider,
  type TravelCostOptions,
} from './travel-costs.js';
export {
  routeThrough,
  routeBetween,
  edgeSubline,
  createRouteGeometryProvider,
  type Route,
  type RouteLeg,
  type LineStringGeometry,
} from './route-geometry.js';
