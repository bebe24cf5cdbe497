import type { DashboardState } from './dashboard.js';

export type Bbox = [number, number, number, number];

/** Below this zoom institutions are drawn as clusters; at or above it, one dot per institution. */
export const INSTITUTION_POINTS_MIN_ZOOM = 12.5;
/** Below this zoom grid cells (≈0.5–1 km) are too small to read: the choropleth is drawn per district instead. */
export const GRID_CELLS_MIN_ZOOM = 11;

export function institutionMode(zoom: number): 'clusters' | 'points' {
  return zoom >= INSTITUTION_POINTS_MIN_ZOOM ? 'points' : 'clusters';
}

export function choroplethLevel(zoom: number): 'districts' | 'gridCells' {
  return zoom >= GRID_CELLS_MIN_ZOOM ? 'gridCells' : 'districts';
}

/**
 * The bbox to request: the visible bounds grown by a margin and snapped outward to a grid whose step follows the zoom,
 * so that small pans reuse the same request (and cache entry) instead of firing a new one.
 */
export function queryBbox(bounds: Bbox, zoom: number): Bbox {
  const step = Math.max(0.001, 1 / 2 ** Math.max(0, Math.floor(zoom) - 8));
  const marginLon = (bounds[2] - bounds[0]) * 0.1;
  const marginLat = (bounds[3] - bounds[1]) * 0.1;
  const snapDown = (v: number) => Number((Math.floor(v / step) * step).toFixed(6));
  const snapUp = (v: number) => Number((Math.ceil(v / step) * step).toFixed(6));
  return [
    Math.max(-180, snapDown(bounds[0] - marginLon)),
    Math.max(-90, snapDown(bounds[1] - marginLat)),
    Math.min(180, snapUp(bounds[2] + marginLon)),
    Math.min(90, snapUp(bounds[3] + marginLat)),
  ];
}

export function bboxParam(bbox: Bbox): string {
  return bbox.map((v) => Number(v.toFixed(6))).join(',');
}

/**
 * The bbox to request, cut to the extent of the data (the districts in scope): every view that shows all of it asks
 * the same question, which the server's response cache then answers for every user of the same scope.
 */
export function selectQueryBbox(state: DashboardState, dataExtent: Bbox | null = null): Bbox | null {
  if (!state.bounds) return null;
  const wanted = queryBbox(state.bounds, state.view.zoom);
  return dataExtent ? (intersectBbox(wanted, dataExtent) ?? wanted) : wanted;
}

export function intersectBbox(a: Bbox, b: Bbox): Bbox | null {
  const out: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return out[0] < out[2] && out[1] < out[3] ? out : null;
}

/** An extent grown outward to whole hundredths of a degree (≈1 km), so that it is a short, stable query value. */
export function snapExtent(extent: Bbox): Bbox {
  const down = (v: number) => Number((Math.floor(v * 100) / 100).toFixed(2));
  const up = (v: number) => Number((Math.ceil(v * 100) / 100).toFixed(2));
  return [down(extent[0]), down(extent[1]), up(extent[2]), up(extent[3])];
}
