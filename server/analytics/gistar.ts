// Local Getis–Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) exactly as R spdep
// `localG(x, nb2listw(include.self(nb), style = "B"))`:
//   Gi*_i numerator  L_i = Σ_j w_ij x_j          (j over the neighbours and i itself)
//   E_i  = W_i · x̄,  W_i = Σ_j w_ij,  S1_i = Σ_j w_ij²
//   Var_i = s² · (n·S1_i − W_i²) / (n − 1),  s² = Σ (x − x̄)² / n
//   z_i  = (L_i − E_i) / √Var_i
// and Gi (self excluded) with the leave-one-out mean and variance of spdep when `star` is false.

import { type ConfidenceBin } from './bins.js';
import { AnalyticsInputError } from './errors.js';
import { createBenjaminiHochberg } from './fdr.js';
import { buildGiRows, type GiRows, type GiWeightStyle } from './giStarRows.js';
import { twoSidedNormalP } from './normal.js';
import type { SpatialWeights } from './weights/types.js';

export type GiStarOptions = {
  /** Weight style, default "binary" (spdep style "B"). */
  style?: GiWeightStyle;
  /** Include the unit itself (Gi*, default) or not (Gi). */
  star?: boolean;
};

export type GiStarResult = {
  /** z-score of each unit (0 when the values have no variance or a unit neighbours every unit). */
  readonly z: Float64Array;
  /** Two-sided normal p-value. */
  readonly p: Float64Array;
  /** Benjamini–Hochberg adjusted p-value. */
  readonly pFdr: Float64Array;
  /** Confidence bin −3…+3 from p. */
  readonly bin: Int8Array;
  /** Confidence bin −3…+3 from pFdr (ArcGIS's FDR rule, see docs/analytics.md). */
  readonly binFdr: Int8Array;
  readonly mean: number;
  /** Population variance s² of the values (divisor n). */
  readonly variance: number;
};

export type GiStarComputer = {
  readonly n: number;
  readonly rows: GiRows;
  /**
   * Computes Gi* for new values on the prebuilt weights. The returned arrays belong to the computer
   * and are overwritten by the next call: copy them to keep them.
   */
  compute(values: ArrayLike<number>): GiStarResult;
};

/** confidenceBin() inlined for the hot loop: ±3/±2/±1 at p ≤ 0.01/0.05/0.10, sign of z. */
function binOf(z: number, p: number): number {
  const level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.1 ? 1 : 0;
  return z > 0 ? level : z < 0 ? -level : 0;
}

function rowSums(rows: GiRows): { wi: Float64Array; s1: Float64Array } {
  const { n, offsets, weights } = rows;
  const wi = new Float64Array(n);
  const s1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!weights) {
      wi[i] = s1[i] = offsets[i + 1] - offsets[i];
      continue;
    }
    let a = 0;
    let b = 0;
    for (let t = offsets[i]; t < offsets[i + 1]; t++) {
      a += weights[t];
      b += weights[t] * weights[t];
    }
    wi[i] = a;
    s1[i] = b;
  }
  return { wi, s1 };
}

/** Prepares everything that depends on the weights only, so that each new set of values costs O(n + nnz). */
export function createGiStarComputer(weightsIn: SpatialWeights, options: GiStarOptions = {}): GiStarComputer {
  const { style = 'binary', star = true } = options;
  const rows = buildGiRows(weightsIn, star, style);
  const { n, offsets, index, weights } = rows;
  if (n < 3) throw new AnalyticsInputError(`Gi* needs at least 3 units, got ${n}`, 'values');
  const { wi, s1 } = rowSums(rows);
  // Weight-only part of the standard deviation: √((n·S1 − W²)/(n − 1)) for Gi*; for Gi the
  // variance of the others varies by unit, so only ((n−1)·S1 − W²)/(n − 2) is kept.
  const spread = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    spread[i] = star ? Math.sqrt(Math.max(0, (n * s1[i] - wi[i] * wi[i]) / (n - 1))) : ((n - 1) * s1[i] - wi[i] * wi[i]) / (n - 2);
  }
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const pFdr = new Float64Array(n);
  const bin = new Int8Array(n);
  const binFdr = new Int8Array(n);
  const adjust = createBenjaminiHochberg(n);

  const compute = (values: ArrayLike<number>): GiStarResult => {
    if (values.length !== n) throw new AnalyticsInputError(`expected ${n} values, got ${values.length}`, 'values');
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) throw new AnalyticsInputError(`value ${i} is not a finite number (${v})`, `values[${i}]`);
      sum += v;
    }
    const mean = sum / n;
    let ss = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const d = values[i] - mean;
      ss += d * d;
      sumSq += values[i] * values[i];
    }
    const variance = ss / n;
    const sd = Math.sqrt(variance);
    // Neighbourhood sums first (a tight loop over the CSR arrays), then z, p and bins.
    if (weights) {
      for (let i = 0; i < n; i++) {
        let lag = 0;
        for (let t = offsets[i], end = offsets[i + 1]; t < end; t++) lag += weights[t] * values[index[t]];
        z[i] = lag;
      }
    } else {
      for (let i = 0; i < n; i++) {
        let lag = 0;
        for (let t = offsets[i], end = offsets[i + 1]; t < end; t++) lag += values[index[t]];
        z[i] = lag;
      }
    }
    for (let i = 0; i < n; i++) {
      const lag = z[i];
      let zi: number;
      if (star) {
        const denom = sd * spread[i];
        zi = denom > 0 ? (lag - wi[i] * mean) / denom : 0;
      } else {
        const xi = values[i];
        const meanOthers = (sum - xi) / (n - 1);
        const varOthers = (sumSq - xi * xi) / (n - 1) - meanOthers * meanOthers;
        const vg = varOthers * spread[i];
        zi = vg > 0 ? (lag - wi[i] * meanOthers) / Math.sqrt(vg) : 0;
      }
      const pi = twoSidedNormalP(zi);
      z[i] = zi;
      p[i] = pi;
      bin[i] = binOf(zi, pi);
    }
    adjust(p, pFdr);
    for (let i = 0; i < n; i++) binFdr[i] = binOf(z[i], pFdr[i]);
    return { z, p, pFdr, bin, binFdr, mean, variance };
  };
  return { n, rows, compute };
}

/** One-shot Gi*: fresh arrays, safe to keep. */
export function localGiStar(values: ArrayLike<number>, weights: SpatialWeights, options: GiStarOptions = {}): GiStarResult {
  return createGiStarComputer(weights, options).compute(values);
}

export type { ConfidenceBin };
