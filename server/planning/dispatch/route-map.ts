import { METRES_PER_DEGREE_LATITUDE, type LonLat } from '../../domain/geodesy.js';
import type { DispatchRoute, DispatchStop } from './schema.js';

// The route map of a dispatch sheet, laid out once for paper (the PDF) and for the screen (the SVG of the browser
// view): positions on a box of the caller's units, y downwards. No tiles: a field sheet must print without a network,
// and what the team needs is the order of the stops, their distances and north.

export interface MapBox {
  width: number;
  height: number;
  /** Kept free on every side for the stop markers and the furniture. */
  padding: number;
}

export type MapPoint = [x: number, y: number];

export interface RouteMapLayout {
  width: number;
  height: number;
  /** The path drawn: the driven line, or straight legs base → stops → base when only those are known (`dashed`). */
  path: { points: MapPoint[]; dashed: boolean };
  base: { x: number; y: number; name: string } | null;
  /** 1-based numbers in route order, as in the stop table. */
  stops: { number: number; x: number; y: number }[];
  /** A round length (1, 2 or 5 × 10ⁿ metres) of at most a quarter of the width, at the bottom left. */
  scaleBar: { x: number; y: number; length: number; metres: number };
  /** Top right: the arrow's tip is at (x, y - size / 2). The projection keeps north up. */
  north: { x: number; y: number; size: number };
  /** Box units per metre on the ground. */
  unitsPerMetre: number;
}

/** A route of one place (a single stop, no base) still shows its surroundings: at least this many metres across. */
const MIN_SPAN_METRES = 600;
/** Vertices closer than this (in box units) to the last one kept add nothing to a printed line. */
const MIN_VERTEX_SPACING = 0.5;

export function layoutRouteMap(route: DispatchRoute, stops: readonly Pick<DispatchStop, 'location'>[], box: MapBox): RouteMapLayout {
  const places: LonLat[] = [...stops.map((s) => s.location), ...(route.base ? [route.base.location] : []), ...route.line];
  if (places.length === 0) throw new RangeError('a route map needs at least one place');
  const lons = places.map((p) => p[0]);
  const lats = places.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const centreLat = (south + north) / 2;
  const centreLon = (west + east) / 2;
  // Local equirectangular projection: a degree of longitude is cos(latitude) of a degree of latitude, which keeps
  // the shapes and a single scale within a district.
  const cos = Math.cos((centreLat * Math.PI) / 180);
  const minSpanDegrees = MIN_SPAN_METRES / METRES_PER_DEGREE_LATITUDE;
  const spanX = Math.max((east - west) * cos, minSpanDegrees);
  const spanY = Math.max(north - south, minSpanDegrees);
  const innerWidth = box.width - 2 * box.padding;
  const innerHeight = box.height - 2 * box.padding;
  if (!(innerWidth > 0 && innerHeight > 0)) throw new RangeError(`the map box leaves no room inside its padding (${box.width}×${box.height}, padding ${box.padding})`);
  /** Box units per degree of latitude. */
  const k = Math.min(innerWidth / spanX, innerHeight / spanY);
  const project = ([lon, lat]: LonLat): MapPoint => [box.width / 2 + (lon - centreLon) * cos * k, box.height / 2 - (lat - centreLat) * k];

  const stopPoints = stops.map((s, i) => {
    const [x, y] = project(s.location);
    return { number: i + 1, x, y };
  });
  const base = route.base ? { name: route.base.name, ...toXY(project(route.base.location)) } : null;
  const dashed = route.line.length < 2;
  const legs: LonLat[] = dashed
    ? [...(route.base ? [route.base.location] : []), ...stops.map((s) => s.location), ...(route.base ? [route.base.location] : [])]
    : route.line;
  const unitsPerMetre = k / METRES_PER_DEGREE_LATITUDE;
  const metres = roundLength(innerWidth / 4 / unitsPerMetre);
  const northSize = Math.min(28, innerHeight / 4);
  return {
    width: box.width,
    height: box.height,
    path: { points: thin(legs.map(project)), dashed },
    base,
    stops: stopPoints,
    scaleBar: { x: box.padding, y: box.height - box.padding / 2, length: metres * unitsPerMetre, metres },
    north: { x: box.width - box.padding / 2 - northSize / 4, y: box.padding / 2 + northSize / 2, size: northSize },
    unitsPerMetre,
  };
}

/** How the scale bar reads: metres below a kilometre, kilometres from one up (the message key and its number). */
export function scaleBarText(metres: number): { unit: 'dispatch.metres' | 'dispatch.kilometres'; n: number } {
  return metres >= 1000 ? { unit: 'dispatch.kilometres', n: metres / 1000 } : { unit: 'dispatch.metres', n: metres };
}

const toXY = ([x, y]: MapPoint) => ({ x, y });

/** The largest 1, 2 or 5 × 10ⁿ metres not above `limit`. */
export function roundLength(limit: number): number {
  if (!(limit > 0)) throw new RangeError(`a scale bar needs a positive length, got ${limit}`);
  const power = 10 ** Math.floor(Math.log10(limit));
  const step = [5, 2, 1].find((m) => m * power <= limit) ?? 1;
  return step * power;
}

function thin(points: MapPoint[]): MapPoint[] {
  const kept: MapPoint[] = [];
  for (const p of points) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_VERTEX_SPACING) kept.push(p);
  }
  // The line ends where it ends, however close its last vertex was to the one before.
  const end = points[points.length - 1];
  if (end && kept[kept.length - 1] !== end) kept.push(end);
  return kept;
}
