import { AnalyticsInputError } from './errors.js';
import { validateFeatureInput } from './featureInput.js';
import type { GeoJsonFeature } from './geojson.js';
import { createGiStarComputer } from './gistar.js';
import { permutationPValuesFor } from './permutation.js';
import { buildWeights, formatWeightsSpec, parseWeightsSpec, type WeightsSpec } from './weightsSpec.js';

export type HotspotOptions = {
  /** Name of the numeric property to analyse. */
  value: string;
  /** "queen" | "rook" | "distance:<d>" | "knn:<k>", or the parsed form. */
  weights: string | WeightsSpec;
  /** Plane coordinates (distance in plane units) instead of WGS84 lon/lat (distance in metres). */
  planar?: boolean;
  /** Weight style for Gi*, default binary. */
  style?: 'binary' | 'row';
  /** With a number of permutations, adds the pseudo p-value gi_p_sim. */
  permutations?: number;
  /** Seed of the permutation PRNG, default 1. */
  seed?: number;
};

export type HotspotSummary = {
  n: number;
  weights: string;
  style: 'binary' | 'row';
  planar: boolean;
  /** Feature indices without any neighbour (only possible with contiguity; a distance band rejects them). */
  islands: number[];
  meanNeighbours: number;
  /** Counts of FDR-corrected hot and cold spots by confidence level. */
  hotFdr: { p90: number; p95: number; p99: number };
  coldFdr: { p90: number; p95: number; p99: number };
  permutations?: number;
  seed?: number;
};

export type HotspotOutput = {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
  /** Foreign member (RFC 7946 §6.1) recording how the result was made. */
  gi_summary: HotspotSummary;
};

function countBins(bins: Int8Array) {
  const hot = { p90: 0, p95: 0, p99: 0 };
  const cold = { p90: 0, p95: 0, p99: 0 };
  const key = ['p90', 'p95', 'p99'] as const;
  for (const b of bins) {
    if (b > 0) hot[key[b - 1]]++;
    else if (b < 0) cold[key[-b - 1]]++;
  }
  return { hotFdr: hot, coldFdr: cold };
}

/**
 * Gi* hotspot analysis of a GeoJSON FeatureCollection: returns the input features with the added
 * properties gi_z, gi_p, gi_p_fdr, gi_bin, gi_bin_fdr (and gi_p_sim with permutations).
 */
export function analyseFeatureHotspots(input: unknown, options: HotspotOptions): HotspotOutput {
  const spec = typeof options.weights === 'string' ? parseWeightsSpec(options.weights) : options.weights;
  const { planar = false, style = 'binary' } = options;
  const { features, geometries, values } = validateFeatureInput(input, options.value);
  const weights = buildWeights(geometries, spec, { planar });
  if (spec.type === 'distance' && weights.islands.length > 0) {
    const list = weights.islands.slice(0, 5).join(', ') + (weights.islands.length > 5 ? ', …' : '');
    throw new AnalyticsInputError(
      `distance ${spec.distance}${planar ? '' : ' m'} leaves ${weights.islands.length} feature(s) without neighbours (${list}); use a larger distance`,
      'weights',
    );
  }
  const computer = createGiStarComputer(weights, { style });
  const result = computer.compute(values);
  const pSim =
    options.permutations !== undefined
      ? permutationPValuesFor(computer, values, { permutations: options.permutations, seed: options.seed ?? 1 })
      : null;
  const out = features.map((f, i) => {
    const properties: Record<string, unknown> = {
      ...(f.properties ?? {}),
      gi_z: result.z[i],
      gi_p: result.p[i],
      gi_p_fdr: result.pFdr[i],
      gi_bin: result.bin[i],
      gi_bin_fdr: result.binFdr[i],
    };
    if (pSim) properties.gi_p_sim = pSim[i];
    return { ...f, properties };
  });
  const summary: HotspotSummary = {
    n: features.length,
    weights: formatWeightsSpec(spec),
    style,
    planar,
    islands: weights.islands,
    meanNeighbours: weights.neighbours.length / weights.n,
    ...countBins(result.binFdr),
  };
  if (pSim) {
    summary.permutations = options.permutations;
    summary.seed = options.seed ?? 1;
  }
  return { type: 'FeatureCollection', features: out, gi_summary: summary };
}
