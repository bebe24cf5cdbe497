/**
 * How many of a draw each stratum gets. Every stratum has an exact quota (a real number: count × size / pool, or
 * ratio × size); the draw's total is exact (the count asked for, or the rounded sum of the quotas), and it is
 * shared by the largest remainder method (Hamilton): each stratum first gets the whole part of its quota, then the
 * strata with the largest fractional parts get one more each until the total is reached. Ties go to the larger
 * stratum, then to the smaller stratum key, so the result never depends on input order. No stratum gets more than
 * it holds.
 */
export interface StratumQuota {
  key: string;
  size: number;
  /** The exact quota is numerator / denominator (integers in count mode, so that remainders compare exactly). */
  numerator: number;
}

/** Quotas closer than this to a whole number count as that number (0.29 × 100 is 28.999999999999996 in floating point). */
const WHOLE_TOLERANCE = 1e-9;

function split(numerator: number, denominator: number): { whole: number; remainder: number } {
  if (Number.isInteger(numerator) && Number.isInteger(denominator)) {
    const remainder = numerator % denominator;
    return { whole: (numerator - remainder) / denominator, remainder: remainder / denominator };
  }
  const exact = numerator / denominator;
  const nearest = Math.round(exact);
  if (Math.abs(exact - nearest) < WHOLE_TOLERANCE) return { whole: nearest, remainder: 0 };
  const whole = Math.floor(exact);
  return { whole, remainder: exact - whole };
}

/** The counts per stratum key, adding up to `total` (which must not exceed the strata's sizes together). */
export function allocateLargestRemainder(quotas: readonly StratumQuota[], denominator: number, total: number): Map<string, number> {
  if (!(denominator > 0)) throw new RangeError(`the quotas' denominator must be positive, got ${denominator}`);
  const parts = quotas.map((q) => ({ ...q, ...split(q.numerator, denominator) })).map((p) => ({ ...p, whole: Math.min(p.whole, p.size) }));
  const counts = new Map(parts.map((p) => [p.key, p.whole]));
  let left = total - parts.reduce((sum, p) => sum + p.whole, 0);
  const order = parts
    .filter((p) => p.whole < p.size)
    .sort((a, b) => b.remainder - a.remainder || b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of order) {
    if (left <= 0) break;
    counts.set(p.key, p.whole + 1);
    left--;
  }
  if (left !== 0) throw new RangeError(`cannot allocate ${total} over strata of ${parts.reduce((s, p) => s + p.size, 0)}`);
  return counts;
}

/** The draw's total for ratios: the rounded (half up) sum of the exact quotas ratio × size. */
export function ratioTotal(quotas: readonly StratumQuota[]): number {
  const sum = quotas.reduce((s, q) => s + q.numerator, 0);
  return Math.floor(sum + 0.5 + WHOLE_TOLERANCE);
}
