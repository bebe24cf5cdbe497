import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalJson } from '../../server/domain/canonical-json.js';
import { anyOf, col, instant, parsedRows, type Queryable } from './queryable.js';

/** prev_hash of the first entry of the chain. */
export const genesisHash = '0'.repeat(64);

export interface AuditContent {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditRow extends Omit<AuditContent, 'at'> {
  id: number;
  at: string;
  prevHash: string;
  hash: string;
}

export { canonicalJson };

/** hash = sha256(prev_hash + canonical JSON of the entry's content), hex. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({
    at: content.at.toISOString(),
    actor: content.actor,
    action: content.action,
    entity: content.entity,
    entityId: content.entityId,
    before: content.before ?? null,
    after: content.after ?? null,
  });
  return createHash('sha256').update(prevHash + body).digest('hex');
}

/**
 * Appends one entry to the chain. Call it inside the transaction of the change it records: the advisory lock
 * serialises writers so that two entries never share a prev_hash.
 */
export async function appendAudit(tx: Queryable, content: AuditContent): Promise<AuditRow> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('audit_log'))`);
  const [last] = await parsedRows(tx, z.object({ hash: z.string() }), sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  const prevHash = last?.hash ?? genesisHash;
  const hash = auditHash(prevHash, content);
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (${content.at.toISOString()}::timestamptz, ${content.actor}, ${content.action}, ${content.entity}, ${content.entityId},
            ${canonicalJson(content.before ?? null)}::jsonb, ${canonicalJson(content.after ?? null)}::jsonb, ${prevHash}, ${hash})
    RETURNING id`);
  return { ...content, id: row.id, at: content.at.toISOString(), prevHash, hash };
}

const auditColumns = sql`id, at, actor, action, entity, entity_id AS "entityId", before, after, prev_hash AS "prevHash", hash`;

/**
 * An entry as stored: the bigint id and the timestamp arrive as text or numbers / Date depending on the engine. It
 * mirrors the contract's AuditEntry on purpose: db/ may not import server/contract.
 */
const storedAuditRow = z.object({
  id: col.int,
  at: col.timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export interface AuditPageParams {
  /** Username of the actor (`system` for the demo data build). */
  actor?: string;
  /** Any of these actions. */
  actions?: readonly string[];
  entity?: string;
  entityId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
  limit: number;
  /** Return entries with id below this (older). */
  cursor?: number;
}

/** An entry of a page, with the actor's display name when the actor is a user (null for `system` or a removed user). */
export interface AuditListRow extends AuditRow {
  actorName: string | null;
}

const auditListRow = storedAuditRow
  .extend({ actorName: z.string().nullable() })
  .transform((r): AuditListRow => ({ ...r, at: r.at.toISOString() }));

function auditFilters(p: AuditPageParams): SQL[] {
  return [
    p.actor === undefined ? sql`TRUE` : sql`actor = ${p.actor}`,
    anyOf(sql`action`, p.actions),
    p.entity === undefined ? sql`TRUE` : sql`entity = ${p.entity}`,
    p.entityId === undefined ? sql`TRUE` : sql`entity_id = ${p.entityId}`,
    p.from === undefined ? sql`TRUE` : sql`at >= ${instant(p.from)}`,
    p.to === undefined ? sql`TRUE` : sql`at < ${instant(p.to)}`,
    p.cursor === undefined ? sql`TRUE` : sql`id < ${p.cursor}`,
  ];
}

/** One page, newest first. The actors' names are joined to the page only, not to the whole filtered log. */
export async function listAudit(q: Queryable, p: AuditPageParams): Promise<{ entries: AuditListRow[]; nextCursor: string | null }> {
  const rows = await parsedRows(q, auditListRow, sql`
    SELECT page.*, u.display_name AS "actorName"
    FROM (
      SELECT ${auditColumns} FROM audit_log
      WHERE ${sql.join(auditFilters(p), sql` AND `)}
      ORDER BY id DESC LIMIT ${p.limit + 1}
    ) page
    LEFT JOIN users u ON u.username = page.actor
    ORDER BY page.id DESC`);
  const entries = rows.slice(0, p.limit);
  return { entries, nextCursor: rows.length > p.limit ? String(entries[entries.length - 1].id) : null };
}

export interface AuditActorRow {
  actor: string;
  actorName: string | null;
  entries: number;
}

/** Everyone who appears in the log, with their number of entries: the choices of the actor filter. */
export async function listAuditActors(q: Queryable): Promise<AuditActorRow[]> {
  return parsedRows(q, z.object({ actor: z.string(), actorName: z.string().nullable(), entries: col.int }), sql`
    SELECT a.actor, u.display_name AS "actorName", count(*) AS entries
    FROM audit_log a LEFT JOIN users u ON u.username = a.actor
    GROUP BY a.actor, u.display_name
    ORDER BY a.actor`);
}

export type ChainBreak = 'prev_hash does not match the previous entry' | "hash does not match the entry's content";

export type ChainCheck =
  /** lastId and lastHash name the head of the chain (null for an empty log): record them to notice a cut tail later. */
  | { ok: true; checked: number; lastId: number | null; lastHash: string | null }
  /** checked counts the intact entries before brokenAt, the first entry that does not chain. */
  | { ok: false; checked: number; brokenAt: number; reason: ChainBreak };

export interface ChainWalk {
  /** Entries read per statement, so that a long log is never held in memory at once. */
  pageSize?: number;
  /** Called after each page with the entries checked so far. */
  onProgress?: (checked: number, lastId: number) => void;
}

// The hash covers `at` to the millisecond (toISOString), so a stored time with more digits is changed content.
const chainRow = storedAuditRow.extend({ subMillisecond: z.boolean() });
type ChainRow = z.output<typeof chainRow>;

function chainBreak(prevHash: string, row: ChainRow): ChainBreak | null {
  if (row.prevHash !== prevHash) return 'prev_hash does not match the previous entry';
  if (row.subMillisecond || row.hash !== auditHash(row.prevHash, row)) return "hash does not match the entry's content";
  return null;
}

/**
 * Recomputes the chain from the stored rows in id order, page by page (keyset on id). Ids may have gaps (a
 * rolled-back write consumes one), so only the hashes say whether an entry is missing.
 */
export async function verifyAuditChain(q: Queryable, walk: ChainWalk = {}): Promise<ChainCheck> {
  const pageSize = walk.pageSize ?? 5000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  let prevHash = genesisHash;
  let lastId: number | null = null;
  let checked = 0;
  for (;;) {
    const page: ChainRow[] = await parsedRows(q, chainRow, sql`
      SELECT ${auditColumns}, at <> date_trunc('milliseconds', at) AS "subMillisecond" FROM audit_log
      WHERE ${lastId === null ? sql`TRUE` : sql`id > ${lastId}`}
      ORDER BY id LIMIT ${pageSize}`);
    for (const row of page) {
      const reason = chainBreak(prevHash, row);
      if (reason) return { ok: false, checked, brokenAt: row.id, reason };
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
    if (lastId !== null && page.length > 0) walk.onProgress?.(checked, lastId);
    if (page.length < pageSize) return { ok: true, checked, lastId, lastHash: lastId === null ? null : prevHash };
  }
}
