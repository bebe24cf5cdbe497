/**
 * How evenly work is spread over officers: the Gini coefficient (0 = everyone the same, (n − 1) / n = one officer
 * does everything) and the max/min ratio.
 */

/**
 * Gini coefficient of non-negative values: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean), computed on the sorted values as
 * 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n (i from 1). 0 for no values or all zeros.
 */
export function gini(values: readonly number[]): number {
  for (const v of values) if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`Gini needs non-negative values, got ${v}`);
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((s, v, i) => s + (i + 1) * v, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export interface LoadSpread {
  min: number;
  max: number;
  /** max / min; null when min is 0 (someone has nothing) or there are no values. */
  maxMinRatio: number | null;
  gini: number;
}

export function loadSpread(values: readonly number[]): LoadSpread {
  if (values.length === 0) return { min: 0, max: 0, maxMinRatio: null, gini: 0 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, maxMinRatio: min > 0 ? max / min : null, gini: gini(values) };
}
