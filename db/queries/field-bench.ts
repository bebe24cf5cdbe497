import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, parsedRows, type Queryable } from './queryable.js';

/** What a load run left in the database for one campaign, counted after it: the benchmark's proof of no loss and no duplicate. */
export interface CheckInTally {
  checkIns: number;
  /** Distinct idempotency keys and distinct stops among them: both equal `checkIns` when nothing was stored twice. */
  distinctKeys: number;
  distinctStops: number;
  /** Check-ins with exactly one linked photo, and links in all. */
  withOnePhoto: number;
  photoLinks: number;
  /** Of the photos the run uploaded: how many rows exist, and how many a check-in of the campaign links. */
  photosStored: number;
  photosLinked: number;
  /** Audit entries and live events for the check-ins (one each per stored check-in, none per replay). */
  auditEntries: number;
  liveEvents: number;
}

const textArray = (values: readonly string[]) => (values.length === 0 ? sql`ARRAY[]::text[]` : sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`);

/** Benchmark-only: the check-in rows of `campaignId` and the photos named by `photoSha256s`. */
export async function checkInTally(q: Queryable, p: { campaignId: number; photoSha256s: readonly string[] }): Promise<CheckInTally> {
  const [row] = await parsedRows(
    q,
    z.object({
      checkIns: col.int,
      distinctKeys: col.int,
      distinctStops: col.int,
      withOnePhoto: col.int,
      photoLinks: col.int,
      photosStored: col.int,
      photosLinked: col.int,
      auditEntries: col.int,
      liveEvents: col.int,
    }),
    sql`
      WITH mine AS (SELECT id, idempotency_key, team_id, target_key FROM check_ins WHERE campaign_id = ${p.campaignId}),
           links AS (SELECT cp.check_in_id, cp.photo_sha256 FROM check_in_photos cp JOIN mine ON mine.id = cp.check_in_id),
           uploaded AS (SELECT unnest(${textArray(p.photoSha256s)}) AS sha256)
      SELECT (SELECT count(*) FROM mine)::int AS "checkIns",
             (SELECT count(DISTINCT idempotency_key) FROM mine)::int AS "distinctKeys",
             (SELECT count(DISTINCT (team_id, target_key)) FROM mine)::int AS "distinctStops",
             (SELECT count(*) FROM (SELECT check_in_id FROM links GROUP BY check_in_id HAVING count(*) = 1) one)::int AS "withOnePhoto",
             (SELECT count(*) FROM links)::int AS "photoLinks",
             (SELECT count(*) FROM photos WHERE sha256 IN (SELECT sha256 FROM uploaded))::int AS "photosStored",
             (SELECT count(DISTINCT photo_sha256) FROM links WHERE photo_sha256 IN (SELECT sha256 FROM uploaded))::int AS "photosLinked",
             (SELECT count(*) FROM audit_log WHERE action = 'field.check_in' AND entity = 'check_in' AND entity_id IN (SELECT id::text FROM mine))::int AS "auditEntries",
             (SELECT count(*) FROM live_events WHERE kind = 'check_in.created' AND campaign_id = ${p.campaignId})::int AS "liveEvents"`,
  );
  return row;
}
