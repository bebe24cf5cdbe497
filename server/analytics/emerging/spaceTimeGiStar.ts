// Gi* on a space-time cube (ArcGIS "Emerging Hot Spot Analysis"): the neighbours of bin (i, t) are
// the bins of i and of its spatial neighbours in time steps t − k … t ("neighborhood time step" k:
// the current and the k previous steps, never later ones). Every bin of the cube is one unit of a
// single Gi* with binary weights, self included: mean and variance are those of all n·T bins.
// The lag is computed from per-step spatial sums and a sliding time window, so the space-time
// weights are never materialised.

import { AnalyticsInputError } from '../errors.js';
import { createBenjaminiHochberg } from '../fdr.js';
import { twoSidedNormalP } from '../normal.js';
import type { SpatialWeights } from '../weights/types.js';

export type SpaceTimeGiStarResult = {
  /** Indexed [t · nCells + i], like the input values. */
  z: Float64Array;
  p: Float64Array;
  pFdr: Float64Array;
};

export function spaceTimeGiStar(values: ArrayLike<number>, weights: SpatialWeights, nSteps: number, timeNeighbourSteps: number): SpaceTimeGiStarResult {
  const n = weights.n;
  const total = n * nSteps;
  if (!Number.isInteger(timeNeighbourSteps) || timeNeighbourSteps < 0) {
    throw new AnalyticsInputError(`time neighbour steps must be a non-negative integer, got ${timeNeighbourSteps}`);
  }
  const { offsets, neighbours } = weights;
  let sum = 0;
  for (let u = 0; u < total; u++) sum += values[u];
  const mean = sum / total;
  let ss = 0;
  for (let u = 0; u < total; u++) ss += (values[u] - mean) ** 2;
  const sd = Math.sqrt(ss / total);

  // Spatial sums (self included) per step.
  const spatial = new Float64Array(total);
  for (let t = 0; t < nSteps; t++) {
    const base = t * n;
    for (let i = 0; i < n; i++) {
      let s = values[base + i];
      for (let k = offsets[i]; k < offsets[i + 1]; k++) s += values[base + neighbours[k]];
      spatial[base + i] = s;
    }
  }
  const z = new Float64Array(total);
  const p = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    const spatialCount = offsets[i + 1] - offsets[i] + 1;
    let window = 0;
    for (let t = 0; t < nSteps; t++) {
      window += spatial[t * n + i];
      if (t > timeNeighbourSteps) window -= spatial[(t - timeNeighbourSteps - 1) * n + i];
      const steps = Math.min(t, timeNeighbourSteps) + 1;
      // Binary weights: W = S1 = number of space-time neighbours, self included.
      const w = spatialCount * steps;
      const spread = Math.sqrt(Math.max(0, (total * w - w * w) / (total - 1)));
      const denom = sd * spread;
      const zi = denom > 0 ? (window - w * mean) / denom : 0;
      z[t * n + i] = zi;
      p[t * n + i] = twoSidedNormalP(zi);
    }
  }
  const pFdr = createBenjaminiHochberg(total)(p, new Float64Array(total));
  return { z, p, pFdr };
}
