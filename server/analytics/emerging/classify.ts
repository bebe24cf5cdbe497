// Emerging hot spot categories, after ArcGIS "How Emerging Hot Spot Analysis works". Definitions as
// implemented (T = number of time steps, H/C = number of significant hot/cold steps, the trend is
// the Mann–Kendall test of the location's Gi* z-scores):
//   persistent    final step hot, H ≥ 90 % of T, no significant trend
//   intensifying  final step hot, H ≥ 90 % of T, significant upward trend (downward for cold)
//   diminishing   final step hot, H ≥ 90 % of T, significant downward trend (upward for cold)
//   historical    final step not hot, H ≥ 90 % of T
//   new           final step hot and never hot before (H = 1)
//   consecutive   one uninterrupted run of ≥ 2 hot steps ending at the final step, never hot before it, H < 90 % of T
//   oscillating   final step hot, some earlier step cold, H < 90 % of T
//   sporadic      final step hot, on-and-off hot before, never cold, H < 90 % of T
// Cold spots mirror these with hot and cold exchanged. Anything else is "no pattern".

export const EMERGING_CATEGORIES = [
  'no_pattern',
  'new_hot',
  'consecutive_hot',
  'intensifying_hot',
  'persistent_hot',
  'diminishing_hot',
  'sporadic_hot',
  'oscillating_hot',
  'historical_hot',
  'new_cold',
  'consecutive_cold',
  'intensifying_cold',
  'persistent_cold',
  'diminishing_cold',
  'sporadic_cold',
  'oscillating_cold',
  'historical_cold',
] as const;

export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** Share of hot (or cold) steps from which a location counts as persistently hot (or cold). */
export const PERSISTENT_SHARE = 0.9;

/**
 * Category of one location from its per-step significance (+1 hot, −1 cold, 0 neither, oldest first)
 * and the sign of its significant trend (+1 up, −1 down, 0 none).
 */
export function classifyEmerging(states: ArrayLike<number>, trend: -1 | 0 | 1): EmergingCategory {
  const T = states.length;
  if (T === 0) return 'no_pattern';
  for (const side of [1, -1] as const) {
    const kind = side === 1 ? 'hot' : 'cold';
    let count = 0;
    let opposite = 0;
    for (let t = 0; t < T; t++) {
      if (states[t] === side) count++;
      else if (states[t] === -side) opposite++;
    }
    if (count === 0) continue;
    const persistent = count >= PERSISTENT_SHARE * T;
    const finalIsSide = states[T - 1] === side;
    if (!finalIsSide) {
      if (persistent) return `historical_${kind}`;
      continue;
    }
    if (persistent) {
      // Intensifying means the clustering grows stronger: z rising for hot, falling for cold.
      const strengthening = trend * side;
      return strengthening > 0 ? `intensifying_${kind}` : strengthening < 0 ? `diminishing_${kind}` : `persistent_${kind}`;
    }
    if (count === 1) return `new_${kind}`;
    let run = 0;
    while (run < T && states[T - 1 - run] === side) run++;
    if (run === count) return `consecutive_${kind}`;
    return opposite > 0 ? `oscillating_${kind}` : `sporadic_${kind}`;
  }
  return 'no_pattern';
}
