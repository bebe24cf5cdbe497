import { createRandom, type Random } from '../domain/random.js';

/**
 * 双随机 (random inspection object, random inspector): a uniform draw without replacement, reproducible from its
 * seed (partial Fisher–Yates over the pool in its given order). The seed is returned with every plan so that a draw
 * can be repeated and audited. A generator may be given instead of a seed, for draws that take one stream each
 * (a stratum, a seat on a team) from a forked generator.
 */
export function drawWithoutReplacement<T>(pool: readonly T[], count: number, seed: number | Random): T[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`draw count must be a non-negative integer, got ${count}`);
  if (typeof seed === 'number' && !Number.isInteger(seed)) throw new RangeError(`draw seed must be an integer, got ${seed}`);
  const items = [...pool];
  const n = Math.min(count, items.length);
  const prng = typeof seed === 'number' ? createRandom(seed) : seed;
  for (let i = 0; i < n; i++) {
    const j = i + prng.int(items.length - i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, n);
}
