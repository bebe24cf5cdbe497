import { METRES_PER_DEGREE_LATITUDE, type LonLat } from '../domain/geodesy.js';
import { roundLength } from '../planning/dispatch/route-map.js';

// Where the briefing's vector map and charts put things on the page: pure arithmetic, so that a wrong projection or
// axis shows in a unit test rather than on paper.

export type Frame = readonly [west: number, south: number, east: number, north: number];
export type PagePoint = [x: number, y: number];

export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  /** Page coordinates (y downwards) of a WGS84 point; north is up. */
  project: (p: LonLat) => PagePoint;
  /** The frame as shown: the asked frame widened on one axis to the box's aspect, so shapes keep their proportions. */
  shown: Frame;
  /** A round length (1, 2 or 5 × 10ⁿ m) of at most a quarter of the box's width. */
  scaleBar: { length: number; metres: number };
}

/**
 * The frame fitted into the box, centred, with a local equirectangular projection (a degree of longitude is cos φ of
 * a degree of latitude): within a city the shapes and one scale hold.
 */
export function layoutMap(frame: Frame, box: MapBox): MapLayout {
  const [west, south, east, north] = frame;
  if (!(east > west && north > south)) throw new RangeError(`a map frame needs west < east and south < north, got ${frame.join(',')}`);
  if (!(box.width > 0 && box.height > 0)) throw new RangeError(`a map box needs a size, got ${box.width}×${box.height}`);
  const centreLon = (west + east) / 2;
  const centreLat = (south + north) / 2;
  const cos = Math.cos((centreLat * Math.PI) / 180);
  /** Page units per degree of latitude. */
  const k = Math.min(box.width / ((east - west) * cos), box.height / (north - south));
  const halfLon = box.width / 2 / (k * cos);
  const halfLat = box.height / 2 / k;
  const unitsPerMetre = k / METRES_PER_DEGREE_LATITUDE;
  const metres = roundLength(box.width / 4 / unitsPerMetre);
  return {
    project: ([lon, lat]) => [box.x + box.width / 2 + (lon - centreLon) * cos * k, box.y + box.height / 2 - (lat - centreLat) * k],
    shown: [centreLon - halfLon, centreLat - halfLat, centreLon + halfLon, centreLat + halfLat],
    scaleBar: { length: metres * unitsPerMetre, metres },
  };
}

/** Whether two frames overlap (a cell outside the shown frame is not drawn). */
export const framesMeet = (a: Frame, b: Frame): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The [west, south, east, north] of a polygon's outer ring. */
export function ringFrame(ring: readonly (readonly number[])[]): Frame {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export interface AxisScale {
  /** The top of the axis: a round number at or above the largest value (1 when all are 0). */
  max: number;
  /** Tick values from 0 to max, evenly spaced, 3 to 6 of them after 0. */
  ticks: number[];
}

/** A value axis from 0 with round ticks (1, 2, 2.5 or 5 × 10ⁿ apart); integer ticks for counts. */
export function axisScale(values: readonly (number | null)[], options: { integer?: boolean } = {}): AxisScale {
  const top = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (top === 0) return { max: 1, ticks: [0, 1] };
  const raw = top / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  if (options.integer) step = Math.max(1, Math.ceil(step));
  const max = Math.ceil(top / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return { max, ticks };
}

/** The x of each of `n` steps across a plot of `width` from `x0`: centred in equal slots. */
export const stepXs = (n: number, x0: number, width: number): number[] => Array.from({ length: n }, (_, i) => x0 + ((i + 0.5) * width) / n);

/** Every how many steps an axis label fits (labels `labelWidth` wide in slots of width ÷ n). */
export const labelEvery = (n: number, width: number, labelWidth: number): number => Math.max(1, Math.ceil(labelWidth / (width / Math.max(1, n))));
