/**
 * 黑白名单 publications (一月一公布): the published versions of each month, only ever inserted, and the registry's list
 * status that publishing sets. The entries are stored as published; the service reads them back through the contract.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ListStatus } from '../../server/domain/vocabulary.js';
import { col, instant, isoUtc, jsonParam, parsedRows, type Queryable } from './queryable.js';

const versionRow = z.object({
  month: z.string(),
  version: col.int,
  dataAsOf: z.string(),
  correctionNote: z.string().nullable(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type ListPublicationVersionRow = z.output<typeof versionRow>;

const tierCounts = z.object({ A: z.int(), B: z.int(), C: z.int(), D: z.int() });

const fullRow = versionRow.extend({
  entries: col.json(z.object({ black: z.array(z.unknown()), white: z.array(z.unknown()) })),
  diff: col.json(z.object({ comparedWith: z.unknown(), entries: z.array(z.unknown()) })),
  tierCounts: col.json(z.object({ city: tierCounts, byDistrict: z.record(z.string(), tierCounts) })),
});
export type ListPublicationRow = z.output<typeof fullRow>;

const versionColumns = sql`p.month, p.version, to_char(p.data_as_of, 'YYYY-MM-DD') AS "dataAsOf", p.correction_note AS "correctionNote",
  u.username AS "publishedBy", ${isoUtc(sql`p.published_at`)} AS "publishedAt"`;

/** Every published version, newest month first and each month's versions oldest first; one month's with `month`. */
export async function listPublicationVersions(q: Queryable, p: { month?: string; forUpdate?: boolean } = {}): Promise<ListPublicationVersionRow[]> {
  return parsedRows(q, versionRow, sql`
    SELECT ${versionColumns}
    FROM list_publications p JOIN users u ON u.id = p.published_by
    WHERE ${p.month === undefined ? sql`TRUE` : sql`p.month = ${p.month}`}
    ORDER BY p.month DESC, p.version
    ${p.forUpdate ? sql`FOR UPDATE OF p` : sql``}`);
}

/** A month's latest version (or the one asked for) with its entries; null when not published. */
export async function listPublicationOf(q: Queryable, p: { month: string; version?: number }): Promise<ListPublicationRow | null> {
  const [row] = await parsedRows(q, fullRow, sql`
    SELECT ${versionColumns}, p.entries::text AS entries, p.diff::text AS diff, p.tier_counts::text AS "tierCounts"
    FROM list_publications p JOIN users u ON u.id = p.published_by
    WHERE p.month = ${p.month} ${p.version === undefined ? sql`` : sql`AND p.version = ${p.version}`}
    ORDER BY p.version DESC
    LIMIT 1`);
  return row ?? null;
}

/** The latest version of the latest month published before `month`; null when none is. */
export async function publicationBefore(q: Queryable, month: string): Promise<ListPublicationRow | null> {
  const [row] = await parsedRows(q, z.object({ month: z.string() }), sql`
    SELECT max(month) AS month FROM list_publications WHERE month < ${month} HAVING max(month) IS NOT NULL`);
  return row ? listPublicationOf(q, { month: row.month }) : null;
}

/** The latest month published; null when nothing is. */
export async function latestPublishedMonth(q: Queryable): Promise<string | null> {
  const [row] = await parsedRows(q, z.object({ month: z.string().nullable() }), sql`SELECT max(month) AS month FROM list_publications`);
  return row.month;
}

/**
 * Serialises publications: a transaction-scoped advisory lock, so two publications at once (of any month) take turns
 * and the second sees the first's version and diff.
 */
export async function lockListPublications(tx: Queryable): Promise<void> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('list_publications'))`);
}

export async function insertListPublication(
  tx: Queryable,
  p: { month: string; version: number; dataAsOf: string; entries: unknown; diff: unknown; tierCounts: unknown; correctionNote: string | null; userId: number; at: Date },
): Promise<void> {
  await tx.rows(sql`
    INSERT INTO list_publications (month, version, data_as_of, entries, diff, tier_counts, correction_note, published_by, published_at)
    VALUES (${p.month}, ${p.version}, ${p.dataAsOf}::date, ${jsonParam(p.entries)}::jsonb, ${jsonParam(p.diff)}::jsonb, ${jsonParam(p.tierCounts)}::jsonb,
            ${p.correctionNote}, ${p.userId}, ${instant(p.at)})`);
}

/** Sets the registry's list status of the institutions named; answers how many rows changed. */
export async function setListStatuses(tx: Queryable, p: { changes: readonly { institutionId: number; to: ListStatus }[]; at: Date }): Promise<number> {
  if (p.changes.length === 0) return 0;
  const rows = await parsedRows(tx, z.object({ id: col.int }), sql`
    UPDATE institutions i SET list_status = c.status::list_status, updated_at = ${instant(p.at)}
    FROM json_to_recordset(${jsonParam(p.changes.map((c) => ({ id: c.institutionId, status: c.to })))}) AS c(id int, status text)
    WHERE i.id = c.id AND i.list_status::text <> c.status
    RETURNING i.id`);
  return rows.length;
}
