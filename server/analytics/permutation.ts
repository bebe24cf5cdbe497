// Conditional randomisation for local Gi / Gi* (Anselin 1995; PySAL esda `G_Local` `p_sim`): the
// value at i stays at i, the other n − 1 values are drawn without replacement into i's neighbour
// slots. Because the mean and variance of the values do not change under permutation, comparing
// the neighbours' weighted sum is the same as comparing z-scores.

import { AnalyticsInputError } from './errors.js';
import type { GiRows } from './giStarRows.js';
import { createRandom } from '../domain/random.js';

export type PermutationOptions = {
  /** Number of permutations, default 999. */
  permutations?: number;
  /** PRNG seed; the same seed gives the same pseudo p-values. */
  seed: number;
};

/**
 * Folded pseudo p-values as esda: with `larger` = number of permutations whose statistic is ≥ the
 * observed one, taken as `permutations − larger` when that is smaller, p_sim = (larger + 1)/(permutations + 1).
 */
export function giPermutationPValues(rows: GiRows, values: ArrayLike<number>, options: PermutationOptions): Float64Array {
  const { permutations = 999, seed } = options;
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new AnalyticsInputError(`permutations must be a positive integer, got ${permutations}`, 'permutations');
  }
  const { n, offsets, index, weights } = rows;
  if (values.length !== n) throw new AnalyticsInputError(`expected ${n} values, got ${values.length}`, 'values');
  const rng = createRandom(seed);
  const out = new Float64Array(n);
  let maxSlots = 0;
  for (let i = 0; i < n; i++) maxSlots = Math.max(maxSlots, offsets[i + 1] - offsets[i]);
  const drawn = new Int32Array(maxSlots);
  for (let i = 0; i < n; i++) {
    // Slots of the other units (the unit itself, if included, keeps its own value).
    let observed = 0;
    let slots = 0;
    for (let t = offsets[i]; t < offsets[i + 1]; t++) {
      if (index[t] === i) continue;
      observed += (weights ? weights[t] : 1) * values[index[t]];
      slots++;
    }
    if (slots === 0) {
      out[i] = 1;
      continue;
    }
    let larger = 0;
    for (let r = 0; r < permutations; r++) {
      let simulated = 0;
      let s = 0;
      for (let t = offsets[i]; t < offsets[i + 1]; t++) {
        if (index[t] === i) continue;
        // Draw among the n − 1 other units, without replacement within this permutation.
        let j: number;
        let repeat: boolean;
        do {
          j = rng.int(n - 1);
          if (j >= i) j++;
          repeat = false;
          for (let u = 0; u < s; u++) {
            if (drawn[u] === j) {
              repeat = true;
              break;
            }
          }
        } while (repeat);
        drawn[s++] = j;
        simulated += (weights ? weights[t] : 1) * values[j];
      }
      if (simulated >= observed) larger++;
    }
    if (permutations - larger < larger) larger = permutations - larger;
    out[i] = (larger + 1) / (permutations + 1);
  }
  return out;
}

/** Pseudo p-values (`gi_p_sim`) by conditional randomisation on a Gi* computer's weights. */
export function permutationPValuesFor(computer: { rows: GiRows }, values: ArrayLike<number>, options: PermutationOptions): Float64Array {
  return giPermutationPValues(computer.rows, values, options);
}
