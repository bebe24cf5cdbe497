import type { CampaignReport, DistrictReport, RankingWeights } from '../../contract/campaign-report.js';

/**
 * The district ranking's weights: how much of the planned work was done, whether the priority targets were reached,
 * and how much of it is confirmed by a second officer (双人执法). They sum to 1.
 */
export const RANKING_WEIGHTS: RankingWeights = { completion: 0.5, priorityCoverage: 0.3, confirmationShare: 0.2 };

/**
 * score = 100 × Σ wᵢ·xᵢ / Σ wᵢ over the measures the district has (a district without priority targets is scored on
 * the other two, its weight shared out, rather than rewarded or punished for what it was not given); null when it has
 * none. Ranked by score, highest first (a null score last), ties share a rank and are listed by district code.
 */
/** What the ranking weighs of a district: the after-action report's measures, and the wall's of a running campaign. */
export type RankingMeasures = Pick<DistrictReport, 'districtCode' | 'completion' | 'confirmationShare'> & { priority: { rate: number | null } };

export function rankDistricts(districts: readonly RankingMeasures[], weights: RankingWeights = RANKING_WEIGHTS): CampaignReport['ranking'] {
  const scored = districts.map((d) => {
    const parts: [number, number | null][] = [
      [weights.completion, d.completion],
      [weights.priorityCoverage, d.priority.rate],
      [weights.confirmationShare, d.confirmationShare],
    ];
    const present = parts.filter((p): p is [number, number] => p[1] !== null);
    const weight = present.reduce((s, [w]) => s + w, 0);
    const score = weight > 0 ? (100 * present.reduce((s, [w, x]) => s + w * x, 0)) / weight : null;
    return { districtCode: d.districtCode, score, completion: d.completion, priorityCoverage: d.priority.rate, confirmationShare: d.confirmationShare };
  });
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.districtCode.localeCompare(b.districtCode));
  return scored.map((row, i) => {
    const first = scored.findIndex((other) => other.score === row.score);
    return { rank: (first === -1 ? i : first) + 1, ...row };
  });
}
