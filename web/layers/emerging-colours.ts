import type { EmergingCategoryName } from '../../server/contract/index.js';
import type { Rgba } from './theme.js';

// Emerging hot spot categories (ArcGIS "Emerging Hot Spot Analysis"): reds and oranges for hot patterns, blues for the
// mirrored cold ones; the stronger the pattern (intensifying, persistent), the deeper the colour. No pattern is not drawn.

const A = 215;

export const EMERGING_COLOURS: Record<EmergingCategoryName, Rgba> = {
  new_hot: [255, 190, 190, A],
  consecutive_hot: [255, 140, 120, A],
  intensifying_hot: [189, 0, 38, A],
  persistent_hot: [227, 26, 28, A],
  diminishing_hot: [253, 141, 60, A],
  sporadic_hot: [254, 217, 118, A],
  oscillating_hot: [221, 52, 151, A],
  historical_hot: [140, 81, 10, A],
  new_cold: [198, 219, 239, A],
  consecutive_cold: [158, 202, 225, A],
  intensifying_cold: [8, 48, 107, A],
  persistent_cold: [33, 113, 181, A],
  diminishing_cold: [107, 174, 214, A],
  sporadic_cold: [161, 217, 155, A],
  oscillating_cold: [128, 125, 186, A],
  historical_cold: [1, 102, 94, A],
  no_pattern: [0, 0, 0, 0],
};

/** Legend order: hot patterns, then cold ones, each from the most to the least alarming; no pattern last. */
export const EMERGING_LEGEND_ORDER: readonly EmergingCategoryName[] = [
  'intensifying_hot',
  'persistent_hot',
  'consecutive_hot',
  'new_hot',
  'oscillating_hot',
  'sporadic_hot',
  'diminishing_hot',
  'historical_hot',
  'intensifying_cold',
  'persistent_cold',
  'consecutive_cold',
  'new_cold',
  'oscillating_cold',
  'sporadic_cold',
  'diminishing_cold',
  'historical_cold',
  'no_pattern',
];

export function emergingColour(category: string | undefined): Rgba {
  return category !== undefined && category in EMERGING_COLOURS ? EMERGING_COLOURS[category as EmergingCategoryName] : [0, 0, 0, 0];
}

/** Legend rows for the categories that occur (all of them when `counts` is omitted), with their counts. */
export function emergingLegend(counts?: Record<string, number>): { category: EmergingCategoryName; colour: Rgba; count: number | null }[] {
  return EMERGING_LEGEND_ORDER.filter((c) => !counts || (counts[c] ?? 0) > 0).map((category) => ({
    category,
    colour: EMERGING_COLOURS[category],
    count: counts ? (counts[category] ?? 0) : null,
  }));
}
