// What a planned campaign hands out, made from the stored plan of its current version: dispatch sheets (派单) as JSON
// and PDF, the 一公开 notice of its draw, and CSV/GeoJSON exports. Reading the plan applies the campaign's access rules
// (district scope); every file that leaves the system is recorded in the audit log.
import type { ExportFile } from '../contract/campaign-outputs.js';
import { departmentNames } from '../../db/queries/departments.js';
import type { UserRow } from '../../db/queries/users.js';
import { shanghaiDistrict } from '../domain/districts.js';
import { renderDispatchSheetsPdf } from '../documents/dispatch-pdf.js';
import { assignmentsCsv, assignmentsGeoJson, drawNoticeCsv, routesCsv, routesGeoJson, targetsCsv, targetsGeoJson } from '../documents/exports.js';
import { dispatchSheetsOf, drawNoticeOf, type DispatchNames, type DispatchSheet, type DrawNotice, type SheetFilter } from '../planning/dispatch/index.js';
import { audited } from './audit.js';
import { getCampaign } from './campaigns.js';
import { getCampaignPlan } from './campaign-plans.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';

type OutputDeps = Pick<Deps, 'database' | 'now' | 'cellWeights' | 'routing' | 'calendar' | 'campaignPlanJobs'>;

/** Who publishes a draw of several districts: the city's education commission. */
export const CITY_EDUCATION_BUREAU = '上海市教育委员会';

export interface OutputFile {
  fileName: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

async function planned(deps: OutputDeps, user: UserRow, id: number) {
  const campaign = await getCampaign(deps, user, id);
  const plan = await getCampaignPlan(deps, user, id);
  const departments = await departmentNames(deps.database);
  const names: DispatchNames = {
    district: (code) => shanghaiDistrict(code)?.name ?? code,
    department: (code) => departments.get(code) ?? code,
  };
  return { campaign, plan, names };
}

export async function campaignDispatchSheets(deps: OutputDeps, user: UserRow, id: number, filter: SheetFilter): Promise<DispatchSheet[]> {
  const { campaign, plan, names } = await planned(deps, user, id);
  return dispatchSheetsOf(plan, campaign.definition, names, filter);
}

export async function campaignDrawNotice(deps: OutputDeps, user: UserRow, id: number): Promise<DrawNotice> {
  const { campaign, plan, names } = await planned(deps, user, id);
  if (plan.draw.drawnKeys.length === 0) throw notFound(`draw of campaign ${id}: the plan drew no object (goal ${campaign.definition.goals.drawPercent}%)`);
  return drawNoticeOf(plan, campaign.definition, { ...names, cityBureau: CITY_EDUCATION_BUREAU });
}

/** ASCII, so that every browser and mail client keeps it: campaign7_dispatch_310101_2027-01-25. */
const fileStem = (id: number, what: string, filter: SheetFilter = {}) =>
  [`campaign${id}`, what, filter.district, filter.date, filter.team?.replace(/[^0-9A-Za-z-]+/g, '_')].filter(Boolean).join('_');

/** Records a file leaving the system: what, for which part of the plan, how many rows. */
export async function recordExport(deps: OutputDeps, user: UserRow, id: number, file: OutputFile, detail: Record<string, unknown>) {
  await audited(deps, { actor: user.username, action: 'campaign.export', entity: 'campaign' }, async () => ({
    entityId: String(id),
    before: null,
    after: { file: file.fileName, ...detail },
    result: null,
  }));
  return file;
}

export async function campaignDispatchPdf(deps: OutputDeps, user: UserRow, id: number, filter: SheetFilter): Promise<OutputFile> {
  const sheets = await campaignDispatchSheets(deps, user, id, filter);
  if (sheets.length === 0) throw notFound(`dispatch sheets of campaign ${id} for ${JSON.stringify(filter)}: no team has stops there`);
  // A copy on its own ArrayBuffer: what a response body takes (pdfkit's may sit on a shared pool).
  const body = new Uint8Array(await renderDispatchSheetsPdf(sheets, { createdAt: deps.now() }));
  const file = { fileName: `${fileStem(id, 'dispatch', filter)}.pdf`, contentType: 'application/pdf', body };
  return recordExport(deps, user, id, file, { filter, sheets: sheets.length });
}

export async function campaignDrawNoticeCsv(deps: OutputDeps, user: UserRow, id: number): Promise<OutputFile> {
  const notice = await campaignDrawNotice(deps, user, id);
  const file = { fileName: `${fileStem(id, 'draw-notice')}.csv`, contentType: 'text/csv; charset=utf-8', body: drawNoticeCsv(notice) };
  return recordExport(deps, user, id, file, { objects: notice.objects.length });
}

const exporters: Record<ExportFile, (sheets: DispatchSheet[]) => string> = {
  'targets.csv': (s) => targetsCsv(s),
  'routes.csv': (s) => routesCsv(s),
  'assignments.csv': (s) => assignmentsCsv(s),
  'targets.geojson': (s) => JSON.stringify(targetsGeoJson(s)),
  'routes.geojson': (s) => JSON.stringify(routesGeoJson(s)),
  'assignments.geojson': (s) => JSON.stringify(assignmentsGeoJson(s)),
};

export async function campaignPlanExport(deps: OutputDeps, user: UserRow, id: number, name: ExportFile): Promise<OutputFile> {
  const sheets = await campaignDispatchSheets(deps, user, id, {});
  const csv = name.endsWith('.csv');
  const file = { fileName: `${fileStem(id, name.replace(/\.\w+$/, ''))}.${csv ? 'csv' : 'geojson'}`, contentType: csv ? 'text/csv; charset=utf-8' : 'application/geo+json', body: exporters[name](sheets) };
  return recordExport(deps, user, id, file, { sheets: sheets.length });
}
