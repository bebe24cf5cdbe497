import { prepareRoadNetwork, roadNetworkFromOsmXml } from '../../../../server/routing/network/index.js';
import { haversineDistanceMetres, type LonLat } from '../../../../server/domain/geodesy.js';
import { gridOsmText } from './load-fixtures.js';

/** The hand-made grid as a routable network, with node positions by OSM id and hand-computed leg times. */
export function gridNetwork() {
  return prepareRoadNetwork(roadNetworkFromOsmXml(gridOsmText()).network);
}

export const NODE: Record<number, LonLat> = {
  1: [121.4, 31.2],
  2: [121.401, 31.2],
  3: [121.402, 31.2],
  4: [121.4, 31.201],
  5: [121.401, 31.201],
  6: [121.402, 31.201],
  7: [121.4, 31.202],
  8: [121.401, 31.202],
  9: [121.402, 31.202],
  12: [121.4005, 31.1995],
  22: [121.4025, 31.2025],
};

export const metresBetween = (...ids: number[]) =>
  ids.slice(1).reduce((sum, id, k) => sum + haversineDistanceMetres(...NODE[ids[k]], ...NODE[id]), 0);

/** Seconds to drive the polyline through the nodes at a speed in km/h. */
export const secondsAlong = (speedKmh: number, ...ids: number[]) => (metresBetween(...ids) * 3.6) / speedKmh;

/** Speeds of the grid's ways: residential 20, secondary maxspeed 40 × 0.7, tertiary 25, primary 35. */
export const SPEED = { residential: 20, secondary: 28, tertiary: 25, primary: 35 };
