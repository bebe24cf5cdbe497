/**
 * What the after-action report reads (the check-ins of a campaign, the history of the institutions it targeted, the
 * violations dated within it, the clues linked to its institutions) and the 一公开 publications. Every read of the
 * report is district-scoped; the publications are public once written.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkItems } from '../../server/domain/campaign.js';
import { checkFindings, checkInResults, clueStatuses, institutionStatuses, listStatuses, violationKinds } from '../../server/domain/vocabulary.js';
import { col, districtFilter, instant, isoUtc, jsonParam, parsedRows, type Queryable, type Scope } from './queryable.js';

const checkInRow = z.object({
  id: col.int,
  teamId: z.string(),
  targetKey: z.string(),
  districtCode: z.string(),
  result: z.enum(checkInResults),
  findings: col.json(z.array(z.object({ item: z.enum(checkItems), finding: z.enum(checkFindings) }))),
  checkedAt: col.timestamp,
  recordedByOfficer: col.int,
  cosignedByOfficer: col.int.nullable(),
});
export type ReportCheckInRow = z.output<typeof checkInRow>;

/** The check-ins of a campaign in scope, in the order they were made. */
export async function campaignCheckIns(q: Queryable, p: { scope: Scope; campaignId: number }): Promise<ReportCheckInRow[]> {
  return parsedRows(q, checkInRow, sql`
    SELECT c.id, c.team_id AS "teamId", c.target_key AS "targetKey", c.district_code AS "districtCode", c.result,
           c.findings::text AS findings, c.checked_at AS "checkedAt",
           c.recorded_by_officer AS "recordedByOfficer", c.cosigned_by_officer AS "cosignedByOfficer"
    FROM check_ins c
    WHERE c.campaign_id = ${p.campaignId} AND ${districtFilter(sql`c.district_code`, p.scope)}
    ORDER BY c.checked_at, c.id`);
}

const institutionRow = z.object({
  id: col.int,
  name: z.string(),
  creditCode: z.string().nullable(),
  districtCode: z.string(),
  status: z.enum(institutionStatuses),
  listStatus: z.enum(listStatuses),
  lastInspectedOn: z.string().nullable(),
  violations: col.json(z.array(z.object({ on: z.string(), kind: z.enum(violationKinds) }))),
});
export type ReportInstitutionRow = z.output<typeof institutionRow>;

/** The given institutions in scope with every recorded violation, dated. */
export async function reportInstitutions(q: Queryable, p: { scope: Scope; ids: readonly number[] }): Promise<ReportInstitutionRow[]> {
  if (p.ids.length === 0) return [];
  return parsedRows(q, institutionRow, sql`
    SELECT i.id, i.name, i.credit_code AS "creditCode", i.district_code AS "districtCode", i.status, i.list_status AS "listStatus",
           to_char(i.last_inspected_on, 'YYYY-MM-DD') AS "lastInspectedOn",
           COALESCE((SELECT json_agg(json_build_object('on', to_char(v.occurred_on, 'YYYY-MM-DD'), 'kind', v.kind) ORDER BY v.occurred_on, v.id)
                     FROM violations v WHERE v.institution_id = i.id), '[]'::json)::text AS violations
    FROM institutions i
    WHERE i.id IN (SELECT value::int FROM json_array_elements_text(${jsonParam(p.ids)}))
      AND ${districtFilter(sql`i.district_code`, p.scope)}
    ORDER BY i.id`);
}

/** Violations dated within [from, to] (Shanghai dates, both included) of the institutions of the districts in scope. */
export async function violationsBetween(q: Queryable, p: { scope: Scope; districts: readonly string[]; from: string; to: string }) {
  return parsedRows(q, z.object({ districtCode: z.string(), kind: z.enum(violationKinds) }), sql`
    SELECT i.district_code AS "districtCode", v.kind
    FROM violations v JOIN institutions i ON i.id = v.institution_id
    WHERE v.occurred_on >= ${p.from}::date AND v.occurred_on <= ${p.to}::date
      AND i.district_code IN (SELECT value FROM json_array_elements_text(${jsonParam(p.districts)}))
      AND ${districtFilter(sql`i.district_code`, p.scope)}
    ORDER BY v.id`);
}

/** Clues linked to the given institutions, in scope. */
export async function cluesOfInstitutions(q: Queryable, p: { scope: Scope; ids: readonly number[] }) {
  if (p.ids.length === 0) return [];
  return parsedRows(q, z.object({ id: col.int, institutionId: col.int, status: z.enum(clueStatuses), reportedAt: col.timestamp }), sql`
    SELECT c.id, c.institution_id AS "institutionId", c.status, c.reported_at AS "reportedAt"
    FROM clues c
    WHERE c.institution_id IN (SELECT value::int FROM json_array_elements_text(${jsonParam(p.ids)}))
      AND ${districtFilter(sql`c.district_code`, p.scope)}
    ORDER BY c.id`);
}

// ---- 一公开 publications ----

const publicationRow = z.object({
  version: col.int,
  rows: col.json(z.array(z.unknown())),
  correctionNote: z.string().nullable(),
  publishedAt: z.string(),
});
export type PublicationRow = z.output<typeof publicationRow>;

/** Every published version of a campaign's results, oldest first; `withRows` false leaves the rows out (the history). */
export async function campaignPublications(q: Queryable, p: { campaignId: number; withRows: boolean; forUpdate?: boolean }): Promise<PublicationRow[]> {
  return parsedRows(q, publicationRow, sql`
    SELECT p.version, ${p.withRows ? sql`p.rows::text` : sql`'[]'`} AS rows, p.correction_note AS "correctionNote", ${isoUtc(sql`p.published_at`)} AS "publishedAt"
    FROM campaign_publications p
    WHERE p.campaign_id = ${p.campaignId}
    ORDER BY p.version
    ${p.forUpdate ? sql`FOR UPDATE` : sql``}`);
}

/** The latest version with its rows, and the history without; null when nothing was published. */
export async function latestPublication(q: Queryable, campaignId: number): Promise<{ latest: PublicationRow; versions: PublicationRow[] } | null> {
  const versions = await campaignPublications(q, { campaignId, withRows: false });
  const last = versions.at(-1);
  if (!last) return null;
  const [latest] = await parsedRows(q, publicationRow, sql`
    SELECT p.version, p.rows::text AS rows, p.correction_note AS "correctionNote", ${isoUtc(sql`p.published_at`)} AS "publishedAt"
    FROM campaign_publications p WHERE p.campaign_id = ${campaignId} AND p.version = ${last.version}`);
  return { latest, versions };
}

export async function insertPublication(
  tx: Queryable,
  p: { campaignId: number; version: number; rows: unknown[]; correctionNote: string | null; userId: number; at: Date },
): Promise<void> {
  await tx.rows(sql`
    INSERT INTO campaign_publications (campaign_id, version, rows, correction_note, published_by, published_at)
    VALUES (${p.campaignId}, ${p.version}, ${jsonParam(p.rows)}::jsonb, ${p.correctionNote}, ${p.userId}, ${instant(p.at)})`);
}
