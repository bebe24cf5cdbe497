import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { districtFeatureCollection } from './districts.js';
import { col, instant, isoUtc, jsonBody, jsonParam, parsedRows, type Queryable } from './queryable.js';

// 随手拍: the public reports of clues, their photos, the reporter's hourly allowance and what the tracking page reads.

export interface NewClueReport {
  trackingCode: string;
  clueId: number;
  contactPhone: string | null;
  positionSource: string;
  addressHash: string;
  createdAt: Date;
}

export interface NewClueReportPhoto {
  sha256: string;
  thumbnailSha256: string;
  sourceMediaType: string;
  width: number;
  height: number;
  byteSize: number;
  takenAt: Date | null;
}

/** Inserts a report and its photos (in the order given); answers the report's id. */
export async function insertClueReport(tx: Queryable, r: NewClueReport, photos: readonly NewClueReportPhoto[]): Promise<number> {
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO clue_reports (tracking_code, clue_id, contact_phone, position_source, address_hash, created_at)
    VALUES (${r.trackingCode}, ${r.clueId}, ${r.contactPhone}, ${r.positionSource}, ${r.addressHash}, ${instant(r.createdAt)})
    RETURNING id`);
  if (photos.length > 0)
    await tx.rows(sql`
      INSERT INTO clue_report_photos (report_id, position, sha256, thumbnail_sha256, source_media_type, width, height, byte_size, taken_at)
      SELECT ${row.id}, p.position, p.sha256, p."thumbnailSha256", p."sourceMediaType", p.width, p.height, p."byteSize", p."takenAt"::timestamptz
      FROM json_to_recordset(${jsonParam(photos.map((p, position) => ({ ...p, position, takenAt: p.takenAt?.toISOString() ?? null })))})
        AS p(position int, sha256 text, "thumbnailSha256" text, "sourceMediaType" text, width int, height int, "byteSize" int, "takenAt" text)`);
  return row.id;
}

/** The photos the desk attached to a clue at intake, in the order given. */
export async function insertClueAttachments(tx: Queryable, clueId: number, photos: readonly NewClueReportPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  await tx.rows(sql`
    INSERT INTO clue_attachments (clue_id, position, sha256, thumbnail_sha256, source_media_type, width, height, byte_size, taken_at)
    SELECT ${clueId}, p.position, p.sha256, p."thumbnailSha256", p."sourceMediaType", p.width, p.height, p."byteSize", p."takenAt"::timestamptz
    FROM json_to_recordset(${jsonParam(photos.map((p, position) => ({ ...p, position, takenAt: p.takenAt?.toISOString() ?? null })))})
      AS p(position int, sha256 text, "thumbnailSha256" text, "sourceMediaType" text, width int, height int, "byteSize" int, "takenAt" text)`);
}

/** Whether a tracking code is taken (a fresh 80-bit code practically never is; checked all the same). */
export async function trackingCodeTaken(q: Queryable, code: string): Promise<boolean> {
  return (await q.rows(sql`SELECT 1 FROM clue_reports WHERE tracking_code = ${code}`)).length > 0;
}

/**
 * Serialises the reports of one address until the transaction ends, so that two sent at once cannot both pass the
 * hourly count.
 */
export async function lockReportsOfAddress(tx: Queryable, addressHash: string): Promise<void> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext(${`clue_reports:${addressHash}`}))`);
}

/** The reports of an address since an instant: how many, and when the oldest of them came. */
export async function reportsOfAddressSince(q: Queryable, p: { addressHash: string; since: Date }): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await parsedRows(q, z.object({ count: col.int, oldest: col.timestamp.nullable() }), sql`
    SELECT count(*) AS count, min(created_at) AS oldest FROM clue_reports
    WHERE address_hash = ${p.addressHash} AND created_at > ${instant(p.since)}`);
  return row;
}

const trackedRow = z.object({
  clueId: col.int,
  trackingCode: z.string(),
  status: z.string(),
  suspectedType: z.string(),
  districtName: z.string(),
  districtNameEn: z.string(),
  reportedAt: z.string(),
  synthetic: z.boolean(),
});
export type TrackedClueRow = z.output<typeof trackedRow>;

/** The clue of a tracking code, with only what the public tracking page may show; null for an unknown code. */
export async function clueOfTrackingCode(q: Queryable, code: string): Promise<TrackedClueRow | null> {
  const [row] = await parsedRows(q, trackedRow, sql`
    SELECT c.id AS "clueId", r.tracking_code AS "trackingCode", c.status::text AS status, c.suspected_type::text AS "suspectedType",
           d.name AS "districtName", d.name_en AS "districtNameEn", ${isoUtc(sql`c.reported_at`)} AS "reportedAt", c.synthetic
    FROM clue_reports r
    JOIN clues c ON c.id = r.clue_id
    JOIN districts d ON d.code = c.district_code
    WHERE r.tracking_code = ${code}`);
  return row ?? null;
}

const auditEntryRow = z.object({ action: z.string(), at: z.string(), after: col.json(z.unknown()) });

/** The audit entries of one clue, oldest first: action, time and the record after (the service picks what is public). */
export async function clueAuditEntries(q: Queryable, clueId: number): Promise<z.output<typeof auditEntryRow>[]> {
  return parsedRows(q, auditEntryRow, sql`
    SELECT a.action, ${isoUtc(sql`a.at`)} AS at, a.after
    FROM audit_log a
    WHERE a.entity = 'clue' AND a.entity_id = ${String(clueId)}
    ORDER BY a.id`);
}

/** About 100 m: the report page's small map needs the outline of the city, not its every bend. */
const publicBorderToleranceDegrees = 0.001;

/** The districts' borders with their names only, as a FeatureCollection text (no counts: it is public). */
export function publicDistrictBorders(q: Queryable): Promise<string> {
  return jsonBody(q, sql`
    SELECT ${districtFeatureCollection(sql`json_build_object('code', d.code, 'name', d.name, 'nameEn', d.name_en)`, { toleranceDegrees: publicBorderToleranceDegrees, digits: 5 })} AS body
    FROM districts d`);
}
