import type { Database } from '../../db/client.js';
import { appendAudit, listAudit, listAuditActors, verifyAuditChain, type AuditRow } from '../../db/queries/audit.js';
import { inTransaction, type Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { AuditActors, AuditPage, AuditQuery, AuditVerification } from '../contract/audit.js';
import type { Clock, MonotonicClock } from '../domain/clock.js';
import type { AuditAction, AuditEntity } from '../domain/vocabulary.js';
import { requireAdmin } from './access.js';
import type { TileService } from './tiles.js';

export interface AuditedChange<T> {
  entityId: string | null;
  before: unknown;
  after: unknown;
  result: T;
}

/**
 * Runs a write and records it in the hash-chained audit log in the same transaction: either both the
 * change and its audit entry are stored, or neither.
 */
export async function audited<T>(
  deps: { database: Database; now: Clock; tiles?: TileService },
  entry: { actor: string; action: AuditAction; entity: AuditEntity },
  change: (tx: Queryable) => Promise<AuditedChange<T>>,
): Promise<{ result: T; audit: AuditRow }> {
  const done = await inTransaction(deps.database, async (tx) => {
    const done = await change(tx);
    const audit = await appendAudit(tx, {
      at: deps.now(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: done.entityId,
      before: done.before,
      after: done.after,
    });
    return { result: done.result, audit };
  });
  // After the commit: a tile asked for from now on is built from the new data.
  deps.tiles?.versions.recordWrite(entry.entity);
  return done;
}

/** One page of the audit log, for administrators only. */
export async function auditPage(deps: { database: Database }, user: UserRow, query: AuditQuery): Promise<AuditPage> {
  requireAdmin(user, 'read the audit log');
  const { action, ...filters } = query;
  return listAudit(deps.database, { ...filters, actions: action });
}

export async function auditActors(deps: { database: Database }, user: UserRow): Promise<AuditActors> {
  requireAdmin(user, 'read the audit log');
  return { actors: await listAuditActors(deps.database) };
}

/**
 * Walks the whole hash chain with the verifier of `npm run audit:verify`, so the screen and the command line cannot
 * disagree about what counts as intact.
 */
export async function verifyAuditLog(deps: { database: Database; now: Clock }, user: UserRow, elapsedMs: MonotonicClock): Promise<AuditVerification> {
  requireAdmin(user, 'verify the audit log');
  const verifiedAt = deps.now().toISOString();
  const started = elapsedMs();
  const result = await verifyAuditChain(deps.database);
  return { ...result, durationMs: Math.round((elapsedMs() - started) * 10) / 10, verifiedAt };
}
