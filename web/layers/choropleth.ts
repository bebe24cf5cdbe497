import type { Rgba } from './theme.js';

/**
 * Class breaks for counts: quantiles of the positive values, rounded to integers and made strictly increasing.
 * Returns the inclusive upper bound of each class; zero is its own "no clues" class outside the ramp.
 * Quantiles rather than equal intervals because clue counts are heavily skewed (a few hot cells, many cold ones).
 */
export function choroplethBreaks(counts: readonly number[], classes = 5): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`classes must be a positive integer, got ${classes}`);
  const positive = counts.filter((c) => Number.isFinite(c) && c > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const index = Math.min(positive.length - 1, Math.ceil((k / classes) * positive.length) - 1);
    const value = Math.ceil(positive[index]);
    if (breaks.length === 0 || value > breaks[breaks.length - 1]) breaks.push(value);
  }
  return breaks;
}

/** Index of the class a count falls in, or -1 for zero / no data. */
export function classIndex(count: number, breaks: readonly number[]): number {
  if (!(count > 0) || breaks.length === 0) return -1;
  for (let i = 0; i < breaks.length; i++) if (count <= breaks[i]) return i;
  return breaks.length - 1;
}

/** Spreads the classes over the whole ramp so that 3 classes use low, middle and high colours, not the first three. */
export function rampColour(index: number, classCount: number, ramp: readonly Rgba[]): Rgba {
  if (classCount <= 1) return ramp[ramp.length - 1];
  const position = Math.round((index / (classCount - 1)) * (ramp.length - 1));
  return ramp[Math.min(ramp.length - 1, Math.max(0, position))];
}

export interface LegendClass {
  label: string;
  colour: Rgba;
}

export function choroplethLegend(breaks: readonly number[], ramp: readonly Rgba[]): LegendClass[] {
  return breaks.map((upper, i) => {
    const lower = i === 0 ? 1 : breaks[i - 1] + 1;
    return { label: lower === upper ? String(upper) : `${lower}–${upper}`, colour: rampColour(i, breaks.length, ramp) };
  });
}

export function choroplethColour(count: number, breaks: readonly number[], ramp: readonly Rgba[], empty: Rgba): Rgba {
  const index = classIndex(count, breaks);
  return index < 0 ? empty : rampColour(index, breaks.length, ramp);
}
