// The after-action report (总结) of a campaign on the stored data: the campaign and its plan as the user may read
// them, the check-ins of its teams, the history of the institutions it targeted and the focus clues of the periods
// before, during and after it; the report itself is server/analytics/campaign-report's. A district account gets its
// own district's part only. Every file that leaves (PDF, CSV) is audited as campaign.export.
import { campaignReport, reportPeriodsOf, type ReportCellPeriods } from '../analytics/campaign-report/index.js';
import type { CampaignPlan } from '../contract/campaign-plans.js';
import type { Campaign } from '../contract/campaigns.js';
import type { CampaignReport, ReportTable } from '../contract/campaign-report.js';
import { campaignCheckIns, cluesOfInstitutions, reportInstitutions, violationsBetween, type ReportCheckInRow } from '../../db/queries/campaign-report.js';
import { focusClueCounts } from '../../db/queries/campaign-plans.js';
import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { renderCampaignReportPdf } from '../documents/campaign-report-pdf.js';
import { reportTableCsv } from '../documents/campaign-report-csv.js';
import { shanghaiMidnight } from '../domain/time.js';
import { scopeOf } from './access.js';
import { valuesFor } from './analysis.js';
import { getCampaign } from './campaigns.js';
import { getCampaignPlan } from './campaign-plans.js';
import { recordExport, type OutputFile } from './campaign-outputs.js';
import type { Deps } from './deps.js';

type ReportDeps = Pick<Deps, 'database' | 'now' | 'cellWeights' | 'routing' | 'calendar' | 'campaignPlanJobs'>;

const institutionIdOf = (key: string): number | null => (/^institution:(\d+)$/.test(key) ? Number(key.slice('institution:'.length)) : null);

/** The campaign, its plan and its check-ins as the user may read them. */
export async function reportSource(deps: ReportDeps, user: UserRow, id: number): Promise<{ campaign: Campaign; plan: CampaignPlan; checkIns: ReportCheckInRow[]; districts: string[] }> {
  const campaign = await getCampaign(deps, user, id);
  const plan = await getCampaignPlan(deps, user, id);
  const districts = campaign.definition.districts.filter((d) => user.districtCode === null || d === user.districtCode);
  const checkIns = await campaignCheckIns(deps.database, { scope: scopeOf(user), campaignId: id });
  return { campaign, plan, checkIns, districts };
}

/** One district's cells and the focus clue counts of the three periods (the after period up to now, null before it begins). */
async function cellPeriods(deps: ReportDeps, scope: Scope, district: string, campaign: Campaign): Promise<ReportCellPeriods> {
  const now = deps.now();
  const cells = await deps.cellWeights.get(deps.database, { scope, district }, { type: 'queen' });
  const types = campaign.definition.focus.suspectedTypes;
  const counts = async (from: string, to: string) => {
    const end = shanghaiMidnight(to);
    return valuesFor(cells, await focusClueCounts(deps.database, { scope, district, from: shanghaiMidnight(from), to: end < now ? end : now, types }));
  };
  const [before, during, after] = reportPeriodsOf(campaign.definition, now);
  return {
    districtCode: district,
    cellIds: cells.cellIds,
    codes: cells.codes,
    weights: cells.weights,
    before: await counts(before.from, before.to),
    during: during.available ? await counts(during.from, during.to) : new Float64Array(cells.cellIds.length),
    after: after.available ? await counts(after.from, after.to) : null,
  };
}

export async function getCampaignReport(deps: ReportDeps, user: UserRow, id: number): Promise<CampaignReport> {
  const { campaign, plan, checkIns, districts } = await reportSource(deps, user, id);
  const scope = scopeOf(user);
  const inScope = new Set(districts);
  const targets = plan.targets.filter((t) => inScope.has(t.districtCode));
  const ids = [...new Set([...targets.filter((t) => t.kind === 'institution').map((t) => t.refId), ...checkIns.map((c) => institutionIdOf(c.targetKey)).filter((i): i is number => i !== null)])].sort((a, b) => a - b);
  const d = campaign.definition;
  const [institutions, clues, violationsDuring] = await Promise.all([
    reportInstitutions(deps.database, { scope, ids }),
    cluesOfInstitutions(deps.database, { scope, ids }),
    violationsBetween(deps.database, { scope, districts, from: d.startsOn, to: d.endsOn }),
  ]);
  const cells: ReportCellPeriods[] = [];
  for (const district of districts) cells.push(await cellPeriods(deps, scope, district, campaign));
  return campaignReport({
    campaign: { id: campaign.id, name: d.name, type: d.type, status: campaign.status, startsOn: d.startsOn, endsOn: d.endsOn },
    districtCodes: districts,
    plan: { targets, teams: plan.teams.filter((t) => inScope.has(t.districtCode)) },
    checkIns: checkIns.map((c) => ({ ...c, cosigned: c.cosignedByOfficer !== null })),
    institutions,
    violationsDuring,
    clues,
    cells,
    asOf: deps.now(),
  });
}

/** ASCII, so that every browser keeps it: campaign7_report.pdf, campaign7_report_districts.csv. */
const fileName = (id: number, what: string, ext: string) => `campaign${id}_report${what ? `_${what}` : ''}.${ext}`;

export async function campaignReportPdf(deps: ReportDeps, user: UserRow, id: number): Promise<OutputFile> {
  const report = await getCampaignReport(deps, user, id);
  const body = new Uint8Array(await renderCampaignReportPdf(report, { createdAt: deps.now() }));
  return recordExport(deps, user, id, { fileName: fileName(id, '', 'pdf'), contentType: 'application/pdf', body }, { report: 'pdf', districts: report.districtCodes });
}

export async function campaignReportCsv(deps: ReportDeps, user: UserRow, id: number, table: ReportTable): Promise<OutputFile> {
  const report = await getCampaignReport(deps, user, id);
  const body = reportTableCsv(report, table);
  return recordExport(deps, user, id, { fileName: fileName(id, table.replace(/-/g, '_'), 'csv'), contentType: 'text/csv; charset=utf-8', body }, { report: table, districts: report.districtCodes });
}
