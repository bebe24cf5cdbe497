// 一公开: publishing the result list of a closed campaign, and reading it without a login. Published once; a
// correction (with its note) is the next version, the earlier ones kept as they were. The rows hold only what may be
// published (server/analytics/campaign-report/public-results.ts), and the public answer is read back through the
// contract's schema, so nothing else stored could leave by this way.
import { z } from 'zod';
import { publicResultsOf } from '../analytics/campaign-report/index.js';
import { campaignPlanSchema } from '../contract/campaign-plans.js';
import { campaignDefinitionSchema } from '../contract/campaigns.js';
import { publicResultSchema, type Publication, type PublicResult } from '../contract/campaign-report.js';
import { campaignById } from '../../db/queries/campaigns.js';
import { campaignCheckIns, campaignPublications, insertPublication, latestPublication } from '../../db/queries/campaign-report.js';
import { campaignPlanOf } from '../../db/queries/campaign-plans.js';
import { departmentNames } from '../../db/queries/departments.js';
import { cityWide } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { formatCsv } from '../domain/csv.js';
import { shanghaiDistrict } from '../domain/districts.js';
import { codeLabel, documentText } from '../documents/text.js';
import { scopeOf } from './access.js';
import { audited } from './audit.js';
import type { OutputFile } from './campaign-outputs.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound } from './errors.js';

type PublicationDeps = Pick<Deps, 'database' | 'now'>;

const rowsSchema = z.array(publicResultSchema);

/** Planners and administrators publish; a district leader, the wall and the field officers do not. */
function requirePublisher(user: UserRow): void {
  if (user.role !== 'planner' && user.role !== 'admin') throw forbidden(`the ${user.role} account cannot publish results (一公开): planners and administrators do`);
}

export async function publishCampaignResults(deps: PublicationDeps, user: UserRow, id: number, body: { correctionNote?: string }): Promise<Publication> {
  const zh = documentText('zh-CN');
  await audited(deps, { actor: user.username, action: 'campaign.publish', entity: 'publication' }, async (tx) => {
    // The campaign's row lock orders two publications at once: the second sees the first's version.
    const row = await campaignById(tx, { scope: scopeOf(user), id, forUpdate: true });
    if (!row) throw notFound(`campaign ${id}`);
    requirePublisher(user);
    if (row.status !== 'closed') throw conflict(`results are published after the campaign closes; this one is ${row.status}`, { status: row.status });
    const published = await campaignPublications(tx, { campaignId: id, withRows: false });
    const correctionNote = body.correctionNote ?? null;
    if (published.length > 0 && correctionNote === null)
      throw conflict(`the results of campaign ${id} are published (version ${published.length}); a correction needs a correctionNote`, { version: published.length });
    if (published.length === 0 && correctionNote !== null) throw conflict(`nothing of campaign ${id} is published yet: publish it first, then correct it`, { version: 0 });
    const stored = await campaignPlanOf(tx, { campaignId: id, version: row.currentVersion });
    if (!stored) throw notFound(`plan of campaign ${id} version ${row.currentVersion}`);
    const plan = campaignPlanSchema.parse(stored.plan);
    const definition = campaignDefinitionSchema.parse(row.definition);
    const departments = await departmentNames(tx);
    // The whole campaign: the list is public, whoever publishes it.
    const checkIns = await campaignCheckIns(tx, { scope: cityWide, campaignId: id });
    const rows = publicResultsOf(plan, checkIns, {
      campaign: definition.name,
      district: (code) => shanghaiDistrict(code)?.name ?? code,
      department: (code) => departments.get(code) ?? code,
      resultLabel: (result) => codeLabel(zh, 'checkInResult', result),
      gridArea: zh('publicResults.gridArea'),
    });
    const version = published.length + 1;
    await insertPublication(tx, { campaignId: id, version, rows, correctionNote, userId: user.id, at: deps.now() });
    return { entityId: `${id}/v${version}`, before: published.length ? { version: published.length } : null, after: { campaignId: id, version, rows: rows.length, correctionNote }, result: null };
  });
  return publicResults(deps, id);
}

/** The latest published version with the history; 404 when nothing is published (or no such campaign). */
export async function publicResults(deps: Pick<Deps, 'database'>, id: number): Promise<Publication> {
  const found = await latestPublication(deps.database, id);
  if (!found) throw notFound(`published results of campaign ${id}`);
  const rows: PublicResult[] = rowsSchema.parse(found.latest.rows);
  return {
    campaignId: id,
    task: rows[0]?.task ?? (await taskName(deps, id)),
    version: found.latest.version,
    publishedAt: found.latest.publishedAt,
    correctionNote: found.latest.correctionNote,
    rows,
    versions: found.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, correctionNote: v.correctionNote })),
  };
}

/** The task's name when the list is empty: the campaign's current name (a published campaign is closed, so fixed). */
async function taskName(deps: Pick<Deps, 'database'>, id: number): Promise<string> {
  const row = await campaignById(deps.database, { scope: cityWide, id });
  return row ? campaignDefinitionSchema.parse(row.definition).name : '';
}

export async function publicResultsCsv(deps: Pick<Deps, 'database'>, id: number): Promise<OutputFile> {
  const publication = await publicResults(deps, id);
  const zh = documentText('zh-CN');
  const en = documentText('en');
  const keys = [
    'publicResults.col.no',
    'publicResults.task',
    'publicResults.col.object',
    'publicResults.col.creditCode',
    'publicResults.col.district',
    'publicResults.col.result',
    'publicResults.col.date',
    'publicResults.col.authority',
    'publicResults.col.certificates',
  ] as const;
  const header = keys.map((k) => `${zh(k)} (${en(k)})`);
  const rows = publication.rows.map((r, i) => [i + 1, r.task, r.object, r.creditCode, r.district, r.resultLabel, r.date, r.authority, r.certificates.join(' ')]);
  return { fileName: `campaign${id}_results_v${publication.version}.csv`, contentType: 'text/csv; charset=utf-8', body: formatCsv([header, ...rows]) };
}
