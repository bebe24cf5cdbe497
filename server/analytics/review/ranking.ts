import type { ReviewRankingRow, ReviewRankingWeights } from '../../contract/review.js';
import { rankingPartKeys, type RankingPart } from './vocabulary.js';

/** The default weights: timeliness first (as the 12345 practice scores), then closure, campaign coverage, burden, repeats. */
export const DEFAULT_RANKING_WEIGHTS: ReviewRankingWeights = { cluesPer10k: 0.15, onTimeRate: 0.3, closureRate: 0.2, priorityCoverage: 0.2, repeatOffenders: 0.15 };

/** Whether more of a part is better: fewer clues per resident and fewer repeat offenders are. */
export const RANKING_DIRECTION: Record<RankingPart, 'higher' | 'lower'> = {
  cluesPer10k: 'lower',
  onTimeRate: 'higher',
  closureRate: 'higher',
  priorityCoverage: 'higher',
  repeatOffenders: 'lower',
};

/** A district's measures as the ranking reads them; null where it has nothing to measure. */
export interface RankingInput {
  districtCode: string;
  name: string;
  /** Clues received per 10,000 residents (null without a population). */
  cluesPer10k: number | null;
  onTimeRate: number | null;
  closureRate: number | null;
  /** Priority targets of the period's campaigns inspected ÷ planned (null without any). */
  priorityCoverage: number | null;
  /** Institutions named twice or more ÷ institutions named (null when none is named). */
  repeatOffenders: number | null;
}

/**
 * Each part on 0–1, 1 the best. Rates are rates already: 1 − rate where lower is better. Clues per 10,000 residents has
 * no natural top, so it is placed between the districts' lowest (1) and highest (0); all equal, each gets 1.
 */
function normalise(part: RankingPart, value: number | null, all: readonly (number | null)[]): number | null {
  if (value === null) return null;
  if (part !== 'cluesPer10k') return RANKING_DIRECTION[part] === 'higher' ? value : 1 - value;
  const present = all.filter((v): v is number => v !== null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return max === min ? 1 : (max - value) / (max - min);
}

/**
 * score = 100 × Σ wᵢ·nᵢ / Σ wᵢ over the parts the district has (nᵢ normalised, see above), so a district without
 * campaigns in the period is scored on the rest rather than punished; null when it has none. Highest first; ties share
 * a rank and are listed by district code.
 */
export function rankReviewDistricts(inputs: readonly RankingInput[], weights: ReviewRankingWeights): ReviewRankingRow[] {
  const scored = inputs.map((d) => {
    const normalised = Object.fromEntries(rankingPartKeys.map((k) => [k, normalise(k, d[k], inputs.map((x) => x[k]))])) as Record<RankingPart, number | null>;
    const weight = rankingPartKeys.reduce((s, k) => s + (normalised[k] === null ? 0 : weights[k]), 0);
    const points = (k: RankingPart) => (normalised[k] === null || weight === 0 ? null : (100 * weights[k] * normalised[k]) / weight);
    const parts = Object.fromEntries(rankingPartKeys.map((k) => [k, { value: d[k], normalised: normalised[k], points: points(k) }])) as ReviewRankingRow['parts'];
    const score = weight > 0 ? rankingPartKeys.reduce((s, k) => s + (points(k) ?? 0), 0) : null;
    return { districtCode: d.districtCode, name: d.name, score, parts };
  });
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.districtCode.localeCompare(b.districtCode));
  return scored.map((row, i) => ({ rank: scored.findIndex((other) => other.score === row.score) + 1 || i + 1, ...row }));
}

/** A campaign of the period as the coverage reads it: its priority targets and its check-ins. */
export interface CoverageCampaign {
  targets: readonly { key: string; districtCode: string; source: string }[];
  checkIns: readonly { targetKey: string; result: string }[];
}

/**
 * Per district: the priority targets (重点对象) of the period's campaigns, and those inspected — a visit that found the
 * place closed (未营业) or was refused entry covers nothing, as in the after-action report.
 */
export function priorityCoverage(campaigns: readonly CoverageCampaign[]): Map<string, { targets: number; covered: number }> {
  const byDistrict = new Map<string, { targets: number; covered: number }>();
  for (const c of campaigns) {
    const inspectedKeys = new Set(c.checkIns.filter((k) => k.result !== 'not_open' && k.result !== 'no_entry').map((k) => k.targetKey));
    for (const t of c.targets) {
      if (t.source !== 'priority') continue;
      const d = byDistrict.get(t.districtCode) ?? { targets: 0, covered: 0 };
      d.targets++;
      if (inspectedKeys.has(t.key)) d.covered++;
      byDistrict.set(t.districtCode, d);
    }
  }
  return byDistrict;
}
