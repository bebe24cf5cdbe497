import { RoadNetworkInputError } from './errors.js';

/**
 * Multipliers on speed by hour of departure. Free-flow class speeds are the 1.0 baseline (daytime off-peak);
 * peaks follow the usual Chinese definitions (早高峰 7:00–9:00, 晚高峰 17:00–19:00), the evening peak being the
 * slower one, as in the quarterly《中国主要城市交通分析报告》. Night (22:00–6:00) runs faster. The ratio between night and
 * evening peak (1.3 / 0.7 ≈ 1.9) is of the order of the peak congestion delay indices published for Shanghai.
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

/** Hour of day (fractional allowed, 17.5 = 17:30); undefined means daytime off-peak. */
export function speedFactorAt(departureHour: number | undefined): number {
  if (departureHour === undefined) return 1;
  assertDepartureHour(departureHour);
  return SPEED_BANDS.find((band) => departureHour >= band.fromHour && departureHour < band.toHour)!.factor;
}

export function assertDepartureHour(departureHour: number): void {
  if (typeof departureHour !== 'number' || !Number.isFinite(departureHour) || departureHour < 0 || departureHour >= 24) {
    throw new RoadNetworkInputError(`departureHour must be an hour of the day, 0 ≤ h < 24, got ${String(departureHour)}`);
  }
}
