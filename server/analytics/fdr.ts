// Benjamini–Hochberg false discovery rate (Benjamini & Hochberg 1995), as R `p.adjust(p, "BH")`.

/**
 * Reusable BH adjuster for a fixed number of p-values: allocates its work arrays once, so that it can
 * run on every frame. `adjust(p, out)` writes q_i = min_{m ≥ rank(i)} min(1, n/m · p_(m)).
 */
export function createBenjaminiHochberg(n: number) {
  const sorted = new Float64Array(n);
  const cumMin = new Float64Array(n);
  return (p: ArrayLike<number>, out: Float64Array): Float64Array => {
    if (p.length !== n) throw new RangeError(`expected ${n} p-values, got ${p.length}`);
    if (n === 0) return out;
    for (let i = 0; i < n; i++) sorted[i] = p[i];
    sorted.sort();
    let running = Infinity;
    for (let m = n; m >= 1; m--) {
      const candidate = (n / m) * sorted[m - 1];
      if (candidate < running) running = candidate;
      cumMin[m - 1] = running < 1 ? running : 1;
    }
    for (let i = 0; i < n; i++) {
      // Tied p-values share the value at the last of their ranks.
      const pi = p[i];
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sorted[mid] <= pi) lo = mid;
        else hi = mid - 1;
      }
      out[i] = cumMin[lo];
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
