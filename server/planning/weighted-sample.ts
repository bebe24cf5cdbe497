import type { Random } from '../domain/random.js';

/**
 * Weighted sampling without replacement after Efraimidis and Spirakis (2006, algorithm A): every item gets the key
 * u^(1/w) with u uniform in (0, 1], kept as ln(u) / w; the `count` largest keys are the sample, in descending key
 * order, which is also the order of successive weighted draws. One u is taken per item in the given order whatever
 * the count, so a larger count extends a smaller one's sample. An item's chance grows with its weight; with equal
 * weights every subset is equally likely. Ties (equal keys) go to the earlier item.
 */
export function weightedSampleWithoutReplacement<T>(items: readonly T[], weights: readonly number[], count: number, random: Random): T[] {
  if (weights.length !== items.length) throw new RangeError(`${items.length} items but ${weights.length} weights`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`sample size must be a non-negative integer, got ${count}`);
  const keyed = items.map((item, index) => {
    const w = weights[index];
    if (!(w > 0 && Number.isFinite(w))) throw new RangeError(`weight ${index} must be positive and finite, got ${w}`);
    return { item, index, key: Math.log(1 - random.next()) / w };
  });
  keyed.sort((a, b) => b.key - a.key || a.index - b.index);
  return keyed.slice(0, Math.min(count, items.length)).map((k) => k.item);
}
