// The options of duplicate detection, checked by hand: server/analytics imports nothing but its own modules, so that
// the browser can run it too (tests/server/analytics/purity.test.ts).

import { AnalyticsInputError } from '../errors.js';

export interface DedupOptions {
  /** Two clues further apart than this are different places (unless they name the same institution id). */
  radiusMetres: number;
  /** Two clues reported further apart in time than this are different cases, even of one place. */
  windowDays: number;
  /** The least text similarity (cosine of bigrams, 0..1) that makes two nearby clues duplicates. */
  threshold: number;
  /** The least institution-name similarity (0..1) that makes two nearby clues duplicates. */
  nameThreshold: number;
}

/**
 * Defaults: 100 m covers the GPS error of a phone photo and the offset of a geocoded hotline address from the
 * building; 30 days is the 办理时限 of a clue, after which a new report is a new case. The thresholds were tuned on
 * the labelled set of seed 7 (scripts/bench/dedup.ts) and are reported on seed 1.
 */
export const DEFAULT_DEDUP_OPTIONS: Readonly<DedupOptions> = Object.freeze({
  radiusMetres: 100,
  windowDays: 30,
  threshold: 0.5,
  nameThreshold: 0.6,
});

function check(name: keyof DedupOptions, value: unknown, min: number, max: number, minInclusive: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > max || (minInclusive ? value < min : value <= min)) {
    throw new AnalyticsInputError(`${name} must be a number ${minInclusive ? '≥' : '>'} ${min} and ≤ ${max}, got ${JSON.stringify(value)}`, name);
  }
  return value;
}

/** The options with defaults filled in; an out-of-range or unknown option is an AnalyticsInputError naming it. */
export function resolveDedupOptions(options: Partial<DedupOptions> = {}): DedupOptions {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_DEDUP_OPTIONS)) throw new AnalyticsInputError(`unknown option ${key}`, key);
  }
  const merged = { ...DEFAULT_DEDUP_OPTIONS, ...options };
  return {
    // Below a metre the grid would need more cells than a key can number; beyond 10 km a block is a district.
    radiusMetres: check('radiusMetres', merged.radiusMetres, 1, 10_000, true),
    windowDays: check('windowDays', merged.windowDays, 0, 3660, true),
    threshold: check('threshold', merged.threshold, 0, 1, true),
    nameThreshold: check('nameThreshold', merged.nameThreshold, 0, 1, true),
  };
}
