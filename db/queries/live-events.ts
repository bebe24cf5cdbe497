import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { LiveEventKind } from '../../server/domain/vocabulary.js';
import { col, districtFilter, instant, isoUtc, parsedRows, type Queryable, type Scope } from './queryable.js';

// The outbox of live events (db/schema/field.ts). Written in the transaction of the change it announces, read by id.

/** The NOTIFY channel of the outbox: a committed event's id. */
export const LIVE_EVENTS_CHANNEL = 'live_events';

export interface NewLiveEvent {
  kind: LiveEventKind;
  at: Date;
  /** The district it concerns; null = city-wide (every account receives it). */
  districtCode: string | null;
  campaignId: number | null;
  payload: Record<string, unknown>;
}

export interface LiveEventRow {
  id: number;
  at: string;
  kind: string;
  districtCode: string | null;
  campaignId: number | null;
  payload: Record<string, unknown>;
}

const liveEventRow = z.object({
  id: col.int,
  at: z.string(),
  kind: z.string(),
  districtCode: z.string().nullable(),
  campaignId: col.int.nullable(),
  payload: col.json(z.record(z.string(), z.unknown())),
});

/**
 * Appends an event to the outbox. Call it inside the change's transaction, as its last write: the lock makes event ids
 * commit in id order, so a reader that has seen id n never later meets a smaller id committed after it (a bigserial
 * alone allows that when two transactions commit out of order). The lock is held only from here to the commit.
 */
export async function appendLiveEvent(tx: Queryable, event: NewLiveEvent): Promise<number> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('live_events'))`);
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO live_events (at, kind, district_code, campaign_id, payload)
    VALUES (${instant(event.at)}, ${event.kind}, ${event.districtCode}, ${event.campaignId}, ${JSON.stringify(event.payload)}::jsonb)
    RETURNING id`);
  // Heard by every server's reader when (and only if) the transaction commits.
  await tx.rows(sql`SELECT pg_notify(${LIVE_EVENTS_CHANNEL}, ${String(row.id)})`);
  return row.id;
}

/** Committed events after `afterId` in id order, at most `limit`, that the scope may see (its district's and city-wide ones). */
export async function liveEventsAfter(q: Queryable, p: { afterId: number; scope: Scope; limit: number }): Promise<LiveEventRow[]> {
  const scoped = p.scope.districtCode === null ? sql`TRUE` : sql`(e.district_code IS NULL OR ${districtFilter(sql`e.district_code`, p.scope)})`;
  return parsedRows(q, liveEventRow, sql`
    SELECT e.id, ${isoUtc(sql`e.at`)} AS at, e.kind, e.district_code AS "districtCode", e.campaign_id AS "campaignId", e.payload
    FROM live_events e
    WHERE e.id > ${p.afterId} AND ${scoped}
    ORDER BY e.id
    LIMIT ${p.limit}`);
}

/** The newest `limit` committed events the scope may see, newest first. */
export async function latestLiveEvents(q: Queryable, p: { scope: Scope; limit: number }): Promise<LiveEventRow[]> {
  const scoped = p.scope.districtCode === null ? sql`TRUE` : sql`(e.district_code IS NULL OR ${districtFilter(sql`e.district_code`, p.scope)})`;
  return parsedRows(q, liveEventRow, sql`
    SELECT e.id, ${isoUtc(sql`e.at`)} AS at, e.kind, e.district_code AS "districtCode", e.campaign_id AS "campaignId", e.payload
    FROM live_events e
    WHERE ${scoped}
    ORDER BY e.id DESC
    LIMIT ${p.limit}`);
}

/** The newest event id (0 when there is none): where a new subscriber without Last-Event-ID starts. */
export async function lastLiveEventId(q: Queryable): Promise<number> {
  const [row] = await parsedRows(q, z.object({ id: col.int }), sql`SELECT COALESCE(max(id), 0) AS id FROM live_events`);
  return row.id;
}

/** Serialises the writers of the outbox until the transaction ends (appendLiveEvent takes it too; it nests). */
export async function lockLiveEvents(tx: Queryable): Promise<void> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('live_events'))`);
}

const overdueClueRow = z.object({
  clueId: col.int,
  districtCode: z.string(),
  source: z.string(),
  suspectedType: z.string(),
  status: z.string(),
  dueAt: z.string(),
});
export type OverdueClueRow = z.output<typeof overdueClueRow>;

/**
 * Open clues that fell past their due time in (`since`, `now`] and have no `clue.overdue` event in the outbox yet,
 * oldest due first. Run under lockLiveEvents, so two scans (of two processes) cannot both find the same clue.
 */
export async function unannouncedOverdueClues(
  q: Queryable,
  p: { now: Date; since: Date; openStatuses: readonly string[]; limit: number },
): Promise<OverdueClueRow[]> {
  const open = sql.join(
    p.openStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return parsedRows(q, overdueClueRow, sql`
    SELECT c.id AS "clueId", c.district_code AS "districtCode", c.source::text AS source, c.suspected_type::text AS "suspectedType",
           c.status::text AS status, ${isoUtc(sql`c.due_at`)} AS "dueAt"
    FROM clues c
    WHERE c.due_at <= ${instant(p.now)} AND c.due_at > ${instant(p.since)} AND c.status::text IN (${open})
      AND NOT EXISTS (SELECT 1 FROM live_events e WHERE e.kind = 'clue.overdue' AND e.payload ->> 'clueId' = c.id::text)
    ORDER BY c.due_at, c.id
    LIMIT ${p.limit}`);
}
