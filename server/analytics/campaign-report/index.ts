import type { CampaignReport } from '../../contract/campaign-report.js';
import { daysInclusive } from '../../domain/time.js';
import { districtHotCells } from './hot-cells.js';
import type { CampaignReportInput } from './input.js';
import { districtMeasures, totalsOf } from './measures.js';
import { confirmedByInstitution, listSuggestions, repeatOffenders } from './offenders.js';
import { reportPeriodsOf } from './periods.js';
import { RANKING_WEIGHTS, rankDistricts } from './ranking.js';

// The after-action report (总结) of a campaign, per district and in total: pure, from what the service read.

export type * from './input.js';
export { reportPeriodsOf, type ReportPeriodRange } from './periods.js';
export { RANKING_WEIGHTS, rankDistricts, type RankingMeasures } from './ranking.js';
export { HOT_BIN, VERY_HOT_BIN } from './hot-cells.js';

export function campaignReport(input: CampaignReportInput): CampaignReport {
  const { campaign } = input;
  const inScope = new Set(input.districtCodes);
  const institutions = input.institutions.filter((i) => inScope.has(i.districtCode));
  const confirmed = confirmedByInstitution(input.checkIns.filter((c) => inScope.has(c.districtCode)));
  const offenders = repeatOffenders(institutions, confirmed, campaign.startsOn);
  const hot = new Map(input.cells.filter((c) => inScope.has(c.districtCode)).map((c) => [c.districtCode, districtHotCells(c)]));
  const districts = input.districtCodes.map((districtCode) =>
    districtMeasures({ districtCode, input, hot: hot.get(districtCode), confirmed, repeatOffenders: offenders.filter((o) => o.districtCode === districtCode).length }),
  );
  const totals = totalsOf(districts);
  const periods = reportPeriodsOf(campaign, input.asOf).map((p) => ({
    ...p,
    hot: p.period === 'before' ? totals.hotCells.before : p.period === 'during' ? totals.hotCells.during : (totals.hotCells.after ?? { at95: 0, at99: 0 }),
  }));
  const afterBegun = periods[2].available;
  return {
    campaign: { ...campaign, days: daysInclusive(campaign.startsOn, campaign.endsOn) },
    generatedAt: input.asOf.toISOString(),
    districtCodes: [...input.districtCodes],
    totals,
    districts,
    rankingWeights: RANKING_WEIGHTS,
    ranking: rankDistricts(districts),
    periods,
    comparedWith: afterBegun ? 'after' : 'during',
    hotCells: [...hot.values()].flatMap((h) => h.rows),
    repeatOffenders: offenders,
    listSuggestions: listSuggestions(institutions, confirmed, campaign.startsOn, input.asOf),
  };
}
export { publicResultsOf, type PublicCheckIn, type PublicNames } from './public-results.js';
