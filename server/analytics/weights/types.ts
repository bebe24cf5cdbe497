/**
 * Spatial weights in compressed sparse row form: the neighbours of unit i are
 * `neighbours[offsets[i] .. offsets[i + 1])`, sorted ascending, never i itself.
 * `weights` (same length as `neighbours`) is null for binary weights.
 */
export type SpatialWeights = {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array | null;
  /** Units without any neighbour, ascending. They are kept (Gi* then sees only the unit itself). */
  readonly islands: number[];
  /** How the weights were made, e.g. "queen", "distance:500", "knn:4". */
  readonly kind: string;
};
