// Mann–Kendall trend test (Mann 1945; Kendall 1975) with the tie correction of the variance:
//   S = Σ_{a<b} sign(x_b − x_a)
//   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g = size of each group of tied values)
//   Z = S / √Var(S)  (with `continuity`, (S − sign S) / √Var(S)), two-sided normal p-value.
// Without continuity correction this is R's cor.test(time, x, method = "kendall", exact = FALSE,
// continuity = FALSE); tau is Kendall's tau-b, S / √(n(n−1)/2 · (n(n−1)/2 − Σ t_g(t_g−1)/2)).

import { twoSidedNormalP } from '../normal.js';

export type MannKendallResult = {
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
};

export type MannKendallOptions = { continuity?: boolean };

/** Reusable work buffer so that many series can be tested without allocation. */
export function createMannKendall(maxLength: number) {
  const sorted = new Float64Array(maxLength);
  return (series: ArrayLike<number>, options: MannKendallOptions = {}): MannKendallResult => {
    const n = series.length;
    if (n > maxLength) throw new RangeError(`series of ${n} exceeds ${maxLength}`);
    let s = 0;
    for (let a = 0; a + 1 < n; a++) {
      const xa = series[a];
      for (let b = a + 1; b < n; b++) {
        const d = series[b] - xa;
        s += d > 0 ? 1 : d < 0 ? -1 : 0;
      }
    }
    const view = sorted.subarray(0, n);
    for (let i = 0; i < n; i++) view[i] = series[i];
    view.sort();
    let tieVar = 0;
    let tiePairs = 0;
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && view[j] === view[i]) j++;
      const t = j - i;
      if (t > 1) {
        tieVar += t * (t - 1) * (2 * t + 5);
        tiePairs += (t * (t - 1)) / 2;
      }
      i = j;
    }
    const varS = (n * (n - 1) * (2 * n + 5) - tieVar) / 18;
    const numerator = options.continuity && s !== 0 ? s - Math.sign(s) : s;
    const z = varS > 0 ? numerator / Math.sqrt(varS) : 0;
    const pairs = (n * (n - 1)) / 2;
    const tauDenominator = Math.sqrt(pairs * (pairs - tiePairs));
    return { s, varS, z, p: twoSidedNormalP(z), tau: tauDenominator > 0 ? s / tauDenominator : 0 };
  };
}

/** Mann–Kendall test of one series against time. */
export function mannKendall(series: ArrayLike<number>, options: MannKendallOptions = {}): MannKendallResult {
  return createMannKendall(series.length)(series, options);
}
