import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clueKinds, clueSources, clueStatuses, suspectedTypes } from '../../server/domain/vocabulary.js';
import { anyOf, col, districtFilter, instant, isoUtc, parsedRows, type Queryable, type Scope } from './queryable.js';

// The clue loop's own columns (db/schema/clues.ts): the dispatch, the clock, the links between duplicates, the
// verification; the desk's queue; the clues near one (duplicate detection); the outcomes the metrics count.

const evidenceRow = z.object({ kind: z.enum(['check_in', 'photo', 'document']), ref: z.string() });

const loopRow = z.object({
  kind: z.enum(clueKinds),
  callerPhone: z.string().nullable(),
  externalId: z.string().nullable(),
  attachments: col.json(z.array(z.string())),
  leadDepartment: z.string().nullable(),
  coDepartments: col.json(z.array(z.string())),
  matrixRuleId: z.string().nullable(),
  matrixVersion: col.int.nullable(),
  dispatchReason: z.string().nullable(),
  whistle: z.boolean(),
  dispatchedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  extensionDays: col.int.nullable(),
  extensionReason: z.string().nullable(),
  extensionRequestedAt: z.string().nullable(),
  extensionRequestedBy: z.string().nullable(),
  parentId: col.int.nullable(),
  childIds: col.json(z.array(z.int())),
  reopenCount: col.int,
  handlingResult: z.string().nullable(),
  publicFeedback: z.string().nullable(),
  verificationEvidence: col.json(z.array(evidenceRow).nullable()),
  verificationResult: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  closingResult: z.string().nullable(),
  checkInId: col.int.nullable(),
});
export type ClueLoopRow = z.output<typeof loopRow>;

/** The loop's columns of a clue (the caller has read the clue in scope with clueById). */
export async function clueLoopColumns(q: Queryable, id: number): Promise<ClueLoopRow | null> {
  const [row] = await parsedRows(q, loopRow, sql`
    SELECT c.kind::text AS kind, c.caller_phone AS "callerPhone", c.external_id AS "externalId", c.attachments,
           c.lead_department AS "leadDepartment", c.co_departments AS "coDepartments", c.matrix_rule_id AS "matrixRuleId",
           c.matrix_version AS "matrixVersion", c.dispatch_reason AS "dispatchReason", c.whistle,
           ${isoUtc(sql`c.dispatched_at`)} AS "dispatchedAt", ${isoUtc(sql`c.paused_at`)} AS "pausedAt",
           c.extension_days AS "extensionDays", c.extension_reason AS "extensionReason",
           ${isoUtc(sql`c.extension_requested_at`)} AS "extensionRequestedAt", c.extension_requested_by AS "extensionRequestedBy",
           c.parent_id AS "parentId",
           (SELECT COALESCE(json_agg(ch.id ORDER BY ch.id), '[]'::json) FROM clues ch WHERE ch.parent_id = c.id)::text AS "childIds",
           c.reopen_count AS "reopenCount", c.handling_result AS "handlingResult", c.public_feedback AS "publicFeedback",
           c.verification_evidence AS "verificationEvidence", c.verification_result AS "verificationResult",
           ${isoUtc(sql`c.verified_at`)} AS "verifiedAt", c.closing_result AS "closingResult",
           c.check_in_id AS "checkInId"
    FROM clues c WHERE c.id = ${id}`);
  return row ?? null;
}

/** The columns a step may set; anything left out keeps its value. */
export interface ClueLoopPatch {
  status?: string;
  dueAt?: Date | null;
  closedAt?: Date | null;
  leadDepartment?: string | null;
  coDepartments?: readonly string[];
  matrixRuleId?: string | null;
  matrixVersion?: number | null;
  dispatchReason?: string | null;
  whistle?: boolean;
  dispatchedAt?: Date | null;
  pausedAt?: Date | null;
  extensionDays?: number | null;
  extensionReason?: string | null;
  extensionRequestedAt?: Date | null;
  extensionRequestedBy?: string | null;
  parentId?: number | null;
  reopenCount?: number;
  handlingResult?: string | null;
  publicFeedback?: string | null;
  verificationEvidence?: readonly { kind: string; ref: string }[] | null;
  verificationResult?: string | null;
  verifiedAt?: Date | null;
  closingResult?: string | null;
}

/** Each patch field's column and how its value is bound: a fixed table, so no column name comes from input. */
const patchColumns: { [K in keyof ClueLoopPatch]-?: [string, 'text' | 'instant' | 'jsonb' | 'value' | 'status'] } = {
  status: ['status', 'status'],
  dueAt: ['due_at', 'instant'],
  closedAt: ['closed_at', 'instant'],
  leadDepartment: ['lead_department', 'text'],
  coDepartments: ['co_departments', 'jsonb'],
  matrixRuleId: ['matrix_rule_id', 'text'],
  matrixVersion: ['matrix_version', 'value'],
  dispatchReason: ['dispatch_reason', 'text'],
  whistle: ['whistle', 'value'],
  dispatchedAt: ['dispatched_at', 'instant'],
  pausedAt: ['paused_at', 'instant'],
  extensionDays: ['extension_days', 'value'],
  extensionReason: ['extension_reason', 'text'],
  extensionRequestedAt: ['extension_requested_at', 'instant'],
  extensionRequestedBy: ['extension_requested_by', 'text'],
  parentId: ['parent_id', 'value'],
  reopenCount: ['reopen_count', 'value'],
  handlingResult: ['handling_result', 'text'],
  publicFeedback: ['public_feedback', 'text'],
  verificationEvidence: ['verification_evidence', 'jsonb'],
  verificationResult: ['verification_result', 'text'],
  verifiedAt: ['verified_at', 'instant'],
  closingResult: ['closing_result', 'text'],
};

function boundValue(kind: (typeof patchColumns)[keyof ClueLoopPatch][1], value: unknown): SQL {
  if (value === null) return sql`NULL`;
  if (kind === 'instant') return instant(value as Date);
  if (kind === 'jsonb') return sql`${JSON.stringify(value)}::jsonb`;
  if (kind === 'status') return sql`${value as string}::clue_status`;
  return sql`${value}`;
}

export async function updateClueLoop(tx: Queryable, id: number, patch: ClueLoopPatch): Promise<void> {
  const sets = (Object.keys(patch) as (keyof ClueLoopPatch)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => {
      const [column, kind] = patchColumns[k];
      return sql`${sql.identifier(column)} = ${boundValue(kind, patch[k])}`;
    });
  if (sets.length === 0) return;
  await tx.rows(sql`UPDATE clues SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

/** The ids of the clues merged into `parentId`, locked for the rest of the transaction. */
export async function childClueIds(tx: Queryable, parentId: number): Promise<number[]> {
  const rows = await parsedRows(tx, z.object({ id: col.int }), sql`SELECT id FROM clues WHERE parent_id = ${parentId} ORDER BY id FOR UPDATE`);
  return rows.map((r) => r.id);
}

/** The category of an institution (for the matrix), null when there is none. */
export async function institutionCategoryOf(q: Queryable, id: number): Promise<string | null> {
  const [row] = await parsedRows(q, z.object({ category: z.string() }), sql`SELECT category::text AS category FROM institutions WHERE id = ${id}`);
  return row?.category ?? null;
}

/** Which of these photo ids are stored. */
export async function storedPhotoIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await parsedRows(q, z.object({ sha256: z.string() }), sql`SELECT sha256 FROM photos WHERE sha256 IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Set(rows.map((r) => r.sha256));
}

/** Which of these external ids of `source` are already stored. */
export async function storedExternalIds(q: Queryable, p: { source: string; ids: readonly string[] }): Promise<Set<string>> {
  if (p.ids.length === 0) return new Set();
  const rows = await parsedRows(q, z.object({ externalId: z.string() }), sql`
    SELECT external_id AS "externalId" FROM clues
    WHERE source = ${p.source}::clue_source AND external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(p.ids)}::jsonb))`);
  return new Set(rows.map((r) => r.externalId));
}

// ——— the queue ———

export interface ClueQueueParams {
  scope: Scope;
  district?: string;
  status?: readonly string[];
  source?: readonly string[];
  kind?: readonly string[];
  /** The lead or a co-department. */
  department?: string;
  /** Open clues due at or before this instant. */
  dueBy?: Date;
  /** Open clues past their deadline at this instant. */
  overdueAt?: Date;
  includeClosed: boolean;
  sort: 'due' | '-due' | 'reported' | '-reported';
  limit: number;
  offset: number;
  now: Date;
}

const queueRow = z.object({
  id: col.int,
  source: z.enum(clueSources),
  kind: z.enum(clueKinds),
  status: z.enum(clueStatuses),
  suspectedType: z.enum(suspectedTypes),
  districtCode: z.string(),
  address: z.string(),
  reportedAt: z.string(),
  dueAt: z.string().nullable(),
  leadDepartment: z.string().nullable(),
  coDepartments: col.json(z.array(z.string())),
  whistle: z.boolean(),
  paused: z.boolean(),
  overdue: z.boolean(),
  childCount: col.int,
  lon: z.number(),
  lat: z.number(),
  total: col.int,
});
export type ClueQueueRow = Omit<z.output<typeof queueRow>, 'total' | 'lon' | 'lat'> & { position: [number, number] };

const OPEN = sql`c.status NOT IN ('closed', 'rejected')`;
const ORDER: Record<ClueQueueParams['sort'], SQL> = {
  due: sql`c.due_at ASC NULLS LAST, c.id`,
  '-due': sql`c.due_at DESC NULLS LAST, c.id`,
  reported: sql`c.reported_at ASC, c.id`,
  '-reported': sql`c.reported_at DESC, c.id`,
};

/** One page of the desk's queue: merged clues left out (their parent stands for them), closed ones only when asked. */
export async function clueQueue(q: Queryable, p: ClueQueueParams): Promise<{ total: number; items: ClueQueueRow[] }> {
  const filters = [
    sql`c.parent_id IS NULL`,
    districtFilter(sql`c.district_code`, p.scope, p.district),
    anyOf(sql`c.status::text`, p.status),
    anyOf(sql`c.source::text`, p.source),
    anyOf(sql`c.kind::text`, p.kind),
    p.includeClosed || p.status ? sql`TRUE` : OPEN,
    p.department === undefined ? sql`TRUE` : sql`(c.lead_department = ${p.department} OR c.co_departments @> jsonb_build_array(${p.department}::text))`,
    p.dueBy === undefined ? sql`TRUE` : sql`(${OPEN} AND c.due_at <= ${instant(p.dueBy)})`,
    p.overdueAt === undefined ? sql`TRUE` : sql`(${OPEN} AND c.due_at < ${instant(p.overdueAt)})`,
  ];
  const rows = await parsedRows(q, queueRow, sql`
    SELECT c.id, c.source::text AS source, c.kind::text AS kind, c.status::text AS status, c.suspected_type::text AS "suspectedType",
           c.district_code AS "districtCode", c.address, ${isoUtc(sql`c.reported_at`)} AS "reportedAt", ${isoUtc(sql`c.due_at`)} AS "dueAt",
           c.lead_department AS "leadDepartment", c.co_departments AS "coDepartments", c.whistle, c.paused_at IS NOT NULL AS paused,
           (${OPEN} AND c.due_at IS NOT NULL AND c.due_at < ${instant(p.now)}) AS overdue,
           (SELECT count(*) FROM clues ch WHERE ch.parent_id = c.id) AS "childCount",
           ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat,
           count(*) OVER () AS total
    FROM clues c
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY ${ORDER[p.sort]}
    LIMIT ${p.limit} OFFSET ${p.offset}`);
  const total = rows[0]?.total ?? 0;
  return { total, items: rows.map(({ total: _t, lon, lat, ...item }) => ({ ...item, position: [lon, lat] as [number, number] })) };
}

// ——— duplicates ———

const nearbyRow = z.object({
  id: col.int,
  lon: z.number(),
  lat: z.number(),
  reportedAt: z.string(),
  suspectedType: z.string(),
  address: z.string(),
  description: z.string(),
  institutionId: col.int.nullable(),
  status: z.enum(clueStatuses),
  parentId: col.int.nullable(),
});
export type NearbyClueRow = z.output<typeof nearbyRow>;

const nearbyColumns = sql`c.id, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, ${isoUtc(sql`c.reported_at`)} AS "reportedAt",
  c.suspected_type::text AS "suspectedType", c.address, c.description, c.institution_id AS "institutionId",
  c.status::text AS status, c.parent_id AS "parentId"`;

/**
 * The clue `id` and the clues of the scope within `radiusMetres` of it (or naming its institution) reported within
 * `windowDays` of it: what duplicate detection compares it with. The subject comes first.
 */
export async function cluesNear(q: Queryable, p: { scope: Scope; id: number; radiusMetres: number; windowDays: number }): Promise<NearbyClueRow[]> {
  return parsedRows(q, nearbyRow, sql`
    WITH subject AS (SELECT * FROM clues WHERE id = ${p.id})
    SELECT ${nearbyColumns}, 0 AS rank FROM clues c WHERE c.id = ${p.id}
    UNION ALL
    SELECT ${nearbyColumns}, 1 AS rank
    FROM clues c, subject s
    WHERE c.id <> s.id AND ${districtFilter(sql`c.district_code`, p.scope)}
      AND abs(extract(epoch FROM c.reported_at - s.reported_at)) <= ${p.windowDays * 86_400}
      AND (ST_DWithin(c.geom::geography, s.geom::geography, ${p.radiusMetres}) OR (s.institution_id IS NOT NULL AND c.institution_id = s.institution_id))
    ORDER BY rank, id`);
}

// ——— metrics ———

const outcomeRow = z.object({
  districtCode: z.string(),
  leadDepartment: z.string().nullable(),
  reportedAt: col.timestamp,
  dueAt: col.timestamp.nullable(),
  closedAt: col.timestamp.nullable(),
  open: z.boolean(),
  becameCase: z.boolean(),
  reopenCount: col.int,
});
export type ClueOutcomeRow = z.output<typeof outcomeRow>;

/**
 * The clues received in [from, to) in scope as the metrics count them: closedAt only for closed ones (a rejection is
 * not a handling), "became a case" when a violation of its institution was established on or after its report day.
 * Merged clues are left out: their parent counts for them.
 */
export async function clueOutcomes(q: Queryable, p: { scope: Scope; district?: string; from: Date; to: Date }): Promise<ClueOutcomeRow[]> {
  return parsedRows(q, outcomeRow, sql`
    SELECT c.district_code AS "districtCode", c.lead_department AS "leadDepartment", c.reported_at AS "reportedAt",
           c.due_at AS "dueAt", CASE WHEN c.status = 'closed' THEN c.closed_at END AS "closedAt",
           c.status NOT IN ('closed', 'rejected') AS open,
           (c.institution_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM violations v
              WHERE v.institution_id = c.institution_id AND v.occurred_on >= (c.reported_at AT TIME ZONE 'Asia/Shanghai')::date)) AS "becameCase",
           c.reopen_count AS "reopenCount"
    FROM clues c
    WHERE c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)} AND c.parent_id IS NULL
      AND ${districtFilter(sql`c.district_code`, p.scope, p.district)}`);
}

// ——— escalation ———

const escalationCandidate = z.object({
  clueId: col.int,
  districtCode: z.string(),
  dueAt: z.string(),
  leadDepartment: z.string().nullable(),
  announced: col.json(z.array(z.string())),
});
export type EscalationCandidateRow = z.output<typeof escalationCandidate>;

/**
 * Open, running (not paused), unmerged clues due before `dueBefore` and after `since`, with the escalation levels
 * already announced for their present deadline (the outbox is the record), oldest due first.
 */
export async function escalationCandidates(q: Queryable, p: { dueBefore: Date; since: Date; limit: number }): Promise<EscalationCandidateRow[]> {
  return parsedRows(q, escalationCandidate, sql`
    SELECT c.id AS "clueId", c.district_code AS "districtCode", ${isoUtc(sql`c.due_at`)} AS "dueAt", c.lead_department AS "leadDepartment",
           (SELECT COALESCE(json_agg(e.payload ->> 'level'), '[]'::json) FROM live_events e
            WHERE e.kind = 'clue.escalated' AND e.payload ->> 'clueId' = c.id::text
              AND e.payload ->> 'dueAt' = ${isoUtc(sql`c.due_at`)})::text AS announced
    FROM clues c
    WHERE ${OPEN} AND c.paused_at IS NULL AND c.parent_id IS NULL
      AND c.due_at < ${instant(p.dueBefore)} AND c.due_at > ${instant(p.since)}
    ORDER BY c.due_at, c.id
    LIMIT ${p.limit}`);
}
