// Benjamini–Hochberg false discovery rate (Benjamini & Hochberg 1995), as R `p.adjust(p, "BH")`.

import { createRadixOrderer } from './radixOrder.js';

/**
 * Reusable BH adjuster for a fixed number of p-values: allocates its work arrays once, so that it can
 * run on every frame. `adjust(p, out)` writes q_i = min_{m ≥ rank(i)} min(1, n/m · p_(m)).
 * Exactly tied p-values get the same q whatever their order among themselves, because the running
 * minimum taken from the largest rank down already includes the tie's last rank.
 */
export function createBenjaminiHochberg(n: number) {
  const order = createRadixOrderer(n);
  const keys = new Float64Array(n);
  return (p: ArrayLike<number>, out: Float64Array): Float64Array => {
    if (p.length !== n) throw new RangeError(`expected ${n} p-values, got ${p.length}`);
    if (n === 0) return out;
    for (let i = 0; i < n; i++) keys[i] = p[i] + 0; // + 0 turns −0 into +0 for the bit-pattern sort
    const ranked = order(keys);
    let running = Infinity;
    for (let m = n; m >= 1; m--) {
      const i = ranked[m - 1];
      const candidate = (n / m) * keys[i];
      if (candidate < running) running = candidate;
      out[i] = running < 1 ? running : 1;
    }
    return out;
  };
}

/** BH-adjusted p-values (q-values) of `p`. */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new RangeError(`p-value ${p[i]} at ${i} is not in [0, 1]`);
  }
  return createBenjaminiHochberg(p.length)(p, new Float64Array(p.length));
}
