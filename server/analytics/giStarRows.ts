import { AnalyticsInputError } from './errors.js';
import type { SpatialWeights } from './weights/types.js';

/**
 * binary: every neighbour (and, for Gi*, the unit itself) weighs 1 — spdep style "B", the default.
 * row: binary weights divided by the row's count, self included — spdep style "W" on `include.self`.
 * given: the weights carried by the SpatialWeights (self weight 1 for Gi*).
 */
export type GiWeightStyle = 'binary' | 'row' | 'given';

/**
 * The rows of the weights matrix that Gi or Gi* uses, in CSR form. For Gi* the unit itself is
 * included (spdep `include.self`); `weights` null means binary (all ones).
 */
export type GiRows = {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly index: Int32Array;
  readonly weights: Float64Array | null;
  readonly star: boolean;
};

export function buildGiRows(w: SpatialWeights, star: boolean, style: GiWeightStyle): GiRows {
  const { n, offsets: wo, neighbours } = w;
  if (style !== 'binary' && style !== 'row' && style !== 'given') {
    throw new AnalyticsInputError(`unknown weight style "${String(style)}" (binary, row or given)`, 'style');
  }
  const given = w.weights;
  if (style === 'given' && !given) throw new AnalyticsInputError('style "given" needs weights that carry values', 'style');
  if (!star && style === 'binary') return { n, offsets: wo, index: neighbours, weights: null, star };
  const extra = star ? 1 : 0;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (wo[i + 1] - wo[i]) + extra;
  const index = new Int32Array(offsets[n]);
  const weights = style === 'binary' ? null : new Float64Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    let t = offsets[i];
    const rowCount = wo[i + 1] - wo[i] + extra;
    const rowWeight = style === 'row' ? 1 / rowCount : 1;
    if (star) {
      index[t] = i;
      if (weights) weights[t] = rowWeight;
      t++;
    }
    for (let k = wo[i]; k < wo[i + 1]; k++, t++) {
      index[t] = neighbours[k];
      if (weights) weights[t] = style === 'given' ? given![k] : rowWeight;
    }
  }
  return { n, offsets, index, weights, star };
}
