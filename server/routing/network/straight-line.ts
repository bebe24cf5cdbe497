import { RoadNetworkInputError } from './errors.js';
import { haversineDistanceMetres, type LonLat } from './geo.js';
import { speedFactorAt } from './hourly-speed.js';

/**
 * Road distance ≈ great-circle distance × circuity. Boscoe, Henry & Zdeb (2012, The Professional Geographer 64(2))
 * measured a mean ratio of 1.417 for driving versus straight-line distance; Ballou, Rahardja & Sakai (2002,
 * Transportation Research A 36(9)) report country factors of about 1.2–1.4; short trips in a centre with one-way
 * streets sit at the high end, hence 1.4.
 */
export const CIRCUITY_FACTOR = 1.4;

/** Average door-to-door driving speed in a Chinese city centre outside the peaks, before the hourly factor. */
export const FALLBACK_SPEED_KMH = 25;

export interface StraightLineOptions {
  departureHour?: number;
  circuityFactor?: number;
  speedKmh?: number;
}

export interface LegEstimate {
  seconds: number;
  metres: number;
}

export function resolveStraightLine(options: StraightLineOptions): { circuity: number; metresPerSecond: number } {
  const circuity = options.circuityFactor ?? CIRCUITY_FACTOR;
  const speedKmh = options.speedKmh ?? FALLBACK_SPEED_KMH;
  if (!Number.isFinite(circuity) || circuity < 1) throw new RoadNetworkInputError(`circuityFactor must be ≥ 1, got ${circuity}`);
  if (!Number.isFinite(speedKmh) || speedKmh <= 0) throw new RoadNetworkInputError(`speedKmh must be positive, got ${speedKmh}`);
  return { circuity, metresPerSecond: (speedKmh * speedFactorAt(options.departureHour)) / 3.6 };
}

/** The straight-line estimate of one trip: great circle × circuity, at the hour's speed. */
export function straightLineEstimate(from: LonLat, to: LonLat, options: StraightLineOptions = {}): LegEstimate {
  const { circuity, metresPerSecond } = resolveStraightLine(options);
  const metres = haversineDistanceMetres(from[0], from[1], to[0], to[1]) * circuity;
  return { metres, seconds: metres / metresPerSecond };
}
