// Emerging hot spot analysis of a space-time cube of counts (cells × time steps): space-time Gi*
// per bin, Mann–Kendall trend of each cell's z-scores, and the ArcGIS pattern categories.

import { AnalyticsInputError } from './errors.js';
import { classifyEmerging, type EmergingCategory } from './emerging/classify.js';
import { createMannKendall } from './emerging/mannKendall.js';
import { spaceTimeGiStar } from './emerging/spaceTimeGiStar.js';
import type { SpatialWeights } from './weights/types.js';

export type SpaceTimeCube = {
  nCells: number;
  nSteps: number;
  /** Count of cell i in step t at index t · nCells + i; steps oldest first. */
  values: ArrayLike<number>;
};

export type EmergingOptions = {
  /** Spatial neighbours of the cells (binary weights are used). */
  weights: SpatialWeights;
  /** ArcGIS "neighborhood time step": also the k previous steps are neighbours. Default 1. */
  timeNeighbourSteps?: number;
  /** Significance level for a bin to be hot or cold. Default 0.05. */
  alpha?: number;
  /** Judge bins on Benjamini–Hochberg adjusted p-values over the whole cube. Default true. */
  fdr?: boolean;
  /** Significance level of the Mann–Kendall trend. Default 0.05. */
  trendAlpha?: number;
};

export type EmergingResult = {
  nCells: number;
  nSteps: number;
  /** Gi* per bin, indexed t · nCells + i. */
  z: Float64Array;
  p: Float64Array;
  pFdr: Float64Array;
  /** +1 significant hot, −1 significant cold, 0 neither, per bin. */
  state: Int8Array;
  category: EmergingCategory[];
  hotSteps: Int32Array;
  coldSteps: Int32Array;
  /** Mann–Kendall of each cell's z-score series. */
  trend: { s: Float64Array; z: Float64Array; p: Float64Array; tau: Float64Array };
};

export function emergingHotspots(cube: SpaceTimeCube, options: EmergingOptions): EmergingResult {
  const { nCells, nSteps, values } = cube;
  const { weights, timeNeighbourSteps = 1, alpha = 0.05, fdr = true, trendAlpha = 0.05 } = options;
  if (weights.n !== nCells) throw new AnalyticsInputError(`weights are for ${weights.n} cells, the cube has ${nCells}`);
  if (nCells < 3) throw new AnalyticsInputError(`emerging hot spots need at least 3 cells, got ${nCells}`);
  if (!Number.isInteger(nSteps) || nSteps < 2) throw new AnalyticsInputError(`emerging hot spots need at least 2 time steps, got ${nSteps}`);
  if (values.length !== nCells * nSteps) {
    throw new AnalyticsInputError(`the cube needs ${nCells} × ${nSteps} = ${nCells * nSteps} values, got ${values.length}`);
  }
  for (let u = 0; u < values.length; u++) {
    if (!Number.isFinite(values[u])) throw new AnalyticsInputError(`value ${u} is not a finite number (${values[u]})`);
  }
  for (const a of [alpha, trendAlpha]) if (!(a > 0 && a < 1)) throw new AnalyticsInputError(`significance level must be in (0, 1), got ${a}`);

  const { z, p, pFdr } = spaceTimeGiStar(values, weights, nSteps, timeNeighbourSteps);
  const judged = fdr ? pFdr : p;
  const state = new Int8Array(z.length);
  for (let u = 0; u < z.length; u++) state[u] = judged[u] <= alpha ? (z[u] > 0 ? 1 : z[u] < 0 ? -1 : 0) : 0;

  const test = createMannKendall(nSteps);
  const series = new Float64Array(nSteps);
  const cellStates = new Int8Array(nSteps);
  const category = new Array<EmergingCategory>(nCells);
  const hotSteps = new Int32Array(nCells);
  const coldSteps = new Int32Array(nCells);
  const trend = { s: new Float64Array(nCells), z: new Float64Array(nCells), p: new Float64Array(nCells), tau: new Float64Array(nCells) };
  for (let i = 0; i < nCells; i++) {
    for (let t = 0; t < nSteps; t++) {
      series[t] = z[t * nCells + i];
      cellStates[t] = state[t * nCells + i];
      if (cellStates[t] > 0) hotSteps[i]++;
      else if (cellStates[t] < 0) coldSteps[i]++;
    }
    const mk = test(series);
    trend.s[i] = mk.s;
    trend.z[i] = mk.z;
    trend.p[i] = mk.p;
    trend.tau[i] = mk.tau;
    const direction = mk.p <= trendAlpha ? (Math.sign(mk.s) as -1 | 0 | 1) : 0;
    category[i] = classifyEmerging(cellStates, direction);
  }
  return { nCells, nSteps, z, p, pFdr, state, category, hotSteps, coldSteps, trend };
}

export { EMERGING_CATEGORIES, classifyEmerging, type EmergingCategory } from './emerging/classify.js';
export { mannKendall, createMannKendall, type MannKendallResult } from './emerging/mannKendall.js';
