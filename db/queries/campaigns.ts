import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { campaignStatuses, type CampaignStatus } from '../../server/domain/campaign.js';
import { col, instant, parsedRows, type Queryable, type Scope } from './queryable.js';

/** A campaign with its current version, as the service reads it. The definition is checked by the service's schema. */
export interface CampaignRow {
  id: number;
  status: CampaignStatus;
  currentVersion: number;
  districts: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  definition: unknown;
  submittedBy: number | null;
  submittedByName: string | null;
  submittedAt: Date | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  returnNote: string | null;
}

const campaignRow = z.object({
  id: col.int,
  status: z.enum(campaignStatuses),
  currentVersion: col.int,
  districts: z.array(z.string()),
  createdBy: z.string(),
  createdAt: col.timestamp,
  updatedAt: col.timestamp,
  definition: col.json(z.unknown()),
  submittedBy: col.int.nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: col.timestamp.nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: col.timestamp.nullable(),
  returnNote: z.string().nullable(),
});

/** A scoped user sees the campaigns that involve their district. */
const inScope = (scope: Scope) => (scope.districtCode === null ? sql`TRUE` : sql`${scope.districtCode} = ANY (c.districts)`);

const selectCampaign = sql`
  SELECT c.id, c.status, c.current_version AS "currentVersion", c.districts, creator.username AS "createdBy",
         c.created_at AS "createdAt", c.updated_at AS "updatedAt", v.definition,
         v.submitted_by AS "submittedBy", submitter.username AS "submittedByName", v.submitted_at AS "submittedAt",
         approver.username AS "approvedByName", v.approved_at AS "approvedAt", v.return_note AS "returnNote"
  FROM campaigns c
  JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.current_version
  JOIN users creator ON creator.id = c.created_by
  LEFT JOIN users submitter ON submitter.id = v.submitted_by
  LEFT JOIN users approver ON approver.id = v.approved_by`;

export async function campaignById(q: Queryable, p: { scope: Scope; id: number; forUpdate?: boolean }): Promise<CampaignRow | null> {
  const [row] = await parsedRows(q, campaignRow, sql`
    ${selectCampaign}
    WHERE c.id = ${p.id} AND ${inScope(p.scope)}
    ${p.forUpdate ? sql`FOR UPDATE OF c` : sql``}`);
  return row ?? null;
}

export async function listCampaigns(q: Queryable, p: { scope: Scope; status?: CampaignStatus }): Promise<CampaignRow[]> {
  return parsedRows(q, campaignRow, sql`
    ${selectCampaign}
    WHERE ${inScope(p.scope)} ${p.status ? sql`AND c.status = ${p.status}` : sql``}
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT 500`);
}

export interface NewCampaign {
  definition: unknown;
  districts: string[];
  userId: number;
  at: Date;
}

export async function insertCampaign(tx: Queryable, c: NewCampaign): Promise<number> {
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO campaigns (status, current_version, districts, created_by, created_at, updated_at)
    VALUES ('draft', 1, ${textArray(c.districts)}, ${c.userId}, ${instant(c.at)}, ${instant(c.at)})
    RETURNING id`);
  await tx.rows(sql`
    INSERT INTO campaign_versions (campaign_id, version, definition, created_by, created_at, updated_at)
    VALUES (${row.id}, 1, ${JSON.stringify(c.definition)}::jsonb, ${c.userId}, ${instant(c.at)}, ${instant(c.at)})`);
  return row.id;
}

/** Rewrites the current version's definition (a draft is edited in place). */
export async function rewriteCurrentVersion(tx: Queryable, p: { id: number; version: number; definition: unknown; districts: string[]; at: Date }): Promise<void> {
  await tx.rows(sql`
    UPDATE campaign_versions SET definition = ${JSON.stringify(p.definition)}::jsonb, updated_at = ${instant(p.at)}, return_note = NULL
    WHERE campaign_id = ${p.id} AND version = ${p.version}`);
  await tx.rows(sql`UPDATE campaigns SET districts = ${textArray(p.districts)}, updated_at = ${instant(p.at)} WHERE id = ${p.id}`);
}

/** Starts the next version as a draft; the versions before it stay as they were. */
export async function addVersion(tx: Queryable, p: { id: number; version: number; definition: unknown; districts: string[]; userId: number; at: Date }): Promise<void> {
  await tx.rows(sql`
    INSERT INTO campaign_versions (campaign_id, version, definition, created_by, created_at, updated_at)
    VALUES (${p.id}, ${p.version}, ${JSON.stringify(p.definition)}::jsonb, ${p.userId}, ${instant(p.at)}, ${instant(p.at)})`);
  await tx.rows(sql`
    UPDATE campaigns SET current_version = ${p.version}, status = 'draft', districts = ${textArray(p.districts)}, updated_at = ${instant(p.at)}
    WHERE id = ${p.id}`);
}

export interface StatusChange {
  id: number;
  version: number;
  from: CampaignStatus;
  to: CampaignStatus;
  at: Date;
  /** What the change stamps on the current version. */
  stamp?: { submittedBy: number } | { approvedBy: number } | { returned: string | null } | { withdrawn: true };
}

/**
 * Moves the campaign from `from` to `to` only if it is still in `from` at `version`: of two requests at once, the
 * second finds nothing to change (false) and the service answers 409.
 */
export async function changeStatus(tx: Queryable, c: StatusChange): Promise<boolean> {
  const moved = await tx.rows(sql`
    UPDATE campaigns SET status = ${c.to}, updated_at = ${instant(c.at)}
    WHERE id = ${c.id} AND status = ${c.from} AND current_version = ${c.version}
    RETURNING id`);
  if (moved.length === 0) return false;
  const s = c.stamp;
  const at = instant(c.at);
  if (s && 'submittedBy' in s)
    await tx.rows(sql`UPDATE campaign_versions SET submitted_by = ${s.submittedBy}, submitted_at = ${at}, return_note = NULL WHERE campaign_id = ${c.id} AND version = ${c.version}`);
  else if (s && 'approvedBy' in s)
    await tx.rows(sql`UPDATE campaign_versions SET approved_by = ${s.approvedBy}, approved_at = ${at} WHERE campaign_id = ${c.id} AND version = ${c.version}`);
  else if (s && ('returned' in s || 'withdrawn' in s))
    await tx.rows(sql`
      UPDATE campaign_versions SET submitted_by = NULL, submitted_at = NULL, return_note = ${'returned' in s ? s.returned : null}
      WHERE campaign_id = ${c.id} AND version = ${c.version}`);
  return true;
}

export interface CampaignVersionRow {
  version: number;
  definition: unknown;
  createdBy: string;
  createdAt: Date;
  submittedByName: string | null;
  submittedAt: Date | null;
  approvedByName: string | null;
  approvedAt: Date | null;
}

const versionRow = z.object({
  version: col.int,
  definition: col.json(z.unknown()),
  createdBy: z.string(),
  createdAt: col.timestamp,
  submittedByName: z.string().nullable(),
  submittedAt: col.timestamp.nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: col.timestamp.nullable(),
});

/** Every version of a campaign in scope, oldest first (empty when the campaign is not in scope). */
export async function campaignVersions(q: Queryable, p: { scope: Scope; id: number }): Promise<CampaignVersionRow[]> {
  return parsedRows(q, versionRow, sql`
    SELECT v.version, v.definition, creator.username AS "createdBy", v.created_at AS "createdAt",
           submitter.username AS "submittedByName", v.submitted_at AS "submittedAt",
           approver.username AS "approvedByName", v.approved_at AS "approvedAt"
    FROM campaign_versions v
    JOIN campaigns c ON c.id = v.campaign_id
    JOIN users creator ON creator.id = v.created_by
    LEFT JOIN users submitter ON submitter.id = v.submitted_by
    LEFT JOIN users approver ON approver.id = v.approved_by
    WHERE v.campaign_id = ${p.id} AND ${inScope(p.scope)}
    ORDER BY v.version`);
}

/** A text[] parameter: each element bound on its own. */
const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
