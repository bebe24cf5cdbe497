// The straight-line travel model: how long a trip takes where no road network answers (outside the imported
// network, or the `vrp` CLI on coordinates). The road network (server/routing/network) uses the same hour factors
// on its own speeds, so a leg costs the same whether it is estimated here or driven there at the same hour.

import { DomainInputError } from './errors.js';
import { haversineDistanceMetres, type LonLat } from './geodesy.js';

/**
 * Road distance ≈ great-circle distance × circuity. Boscoe, Henry & Zdeb (2012, The Professional Geographer 64(2))
 * measured a mean ratio of 1.417 for driving versus straight-line distance; Ballou, Rahardja & Sakai (2002,
 * Transportation Research A 36(9)) report country factors of about 1.2–1.4; short trips in a centre with one-way
 * streets sit at the high end, hence 1.4.
 */
export const CIRCUITY_FACTOR = 1.4;

/** Average door-to-door driving speed in a Chinese city centre outside the peaks, before the hourly factor. */
export const FALLBACK_SPEED_KMH = 25;

/**
 * Multipliers on speed by hour of departure. Free-flow speeds are the 1.0 baseline (daytime off-peak); peaks follow
 * the usual Chinese definitions (早高峰 7:00–9:00, 晚高峰 17:00–19:00), the evening peak being the slower one, as in the
 * quarterly《中国主要城市交通分析报告》. Night (22:00–6:00) runs faster. The ratio between night and evening peak
 * (1.3 / 0.7 ≈ 1.9) is of the order of the peak congestion delay indices published for Shanghai.
 */
export interface SpeedBand {
  fromHour: number;
  toHour: number;
  factor: number;
  label: string;
}

export const SPEED_BANDS: readonly SpeedBand[] = [
  { fromHour: 0, toHour: 6, factor: 1.3, label: '夜间 night' },
  { fromHour: 6, toHour: 7, factor: 1.0, label: '平峰 off-peak' },
  { fromHour: 7, toHour: 9, factor: 0.75, label: '早高峰 morning peak' },
  { fromHour: 9, toHour: 17, factor: 1.0, label: '平峰 off-peak' },
  { fromHour: 17, toHour: 19, factor: 0.7, label: '晚高峰 evening peak' },
  { fromHour: 19, toHour: 22, factor: 1.0, label: '平峰 off-peak' },
  { fromHour: 22, toHour: 24, factor: 1.3, label: '夜间 night' },
];

export function assertDepartureHour(departureHour: number): void {
  if (typeof departureHour !== 'number' || !Number.isFinite(departureHour) || departureHour < 0 || departureHour >= 24) {
    throw new DomainInputError([{ path: 'departureHour', message: `must be an hour of the day, 0 ≤ h < 24, got ${String(departureHour)}` }]);
  }
}

/** Hour of day (fractional allowed, 17.5 = 17:30); undefined means daytime off-peak. */
export function speedFactorAt(departureHour: number | undefined): number {
  if (departureHour === undefined) return 1;
  assertDepartureHour(departureHour);
  return SPEED_BANDS.find((band) => departureHour >= band.fromHour && departureHour < band.toHour)!.factor;
}

export interface StraightLineOptions {
  departureHour?: number;
  circuityFactor?: number;
  speedKmh?: number;
}

export interface LegEstimate {
  seconds: number;
  metres: number;
}

export interface StraightLineModel {
  circuity: number;
  metresPerSecond: number;
}

export function resolveStraightLine(options: StraightLineOptions = {}): StraightLineModel {
  const circuity = options.circuityFactor ?? CIRCUITY_FACTOR;
  const speedKmh = options.speedKmh ?? FALLBACK_SPEED_KMH;
  if (!Number.isFinite(circuity) || circuity < 1) throw new DomainInputError([{ path: 'circuityFactor', message: `must be ≥ 1, got ${circuity}` }]);
  if (!Number.isFinite(speedKmh) || speedKmh <= 0) throw new DomainInputError([{ path: 'speedKmh', message: `must be positive, got ${speedKmh}` }]);
  return { circuity, metresPerSecond: (speedKmh * speedFactorAt(options.departureHour)) / 3.6 };
}

/** One trip: great circle × circuity, at the hour's speed. */
export function straightLineLeg(from: LonLat, to: LonLat, model: StraightLineModel): LegEstimate {
  const metres = haversineDistanceMetres(from[0], from[1], to[0], to[1]) * model.circuity;
  return { metres, seconds: metres / model.metresPerSecond };
}

export function straightLineEstimate(from: LonLat, to: LonLat, options: StraightLineOptions = {}): LegEstimate {
  return straightLineLeg(from, to, resolveStraightLine(options));
}
