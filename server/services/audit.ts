import type { Database } from '../../db/client.js';
import { appendAudit, listAudit, type AuditPageParams, type AuditRow } from '../../db/queries/audit.js';
import { inTransaction, type Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Clock } from '../domain/clock.js';
import { requireAdmin } from './access.js';

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
  deps: { database: Database; now: Clock },
  entry: { actor: string; action: string; entity: string },
  change: (tx: Queryable) => Promise<AuditedChange<T>>,
): Promise<{ result: T; audit: AuditRow }> {
  return inTransaction(deps.database, async (tx) => {
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
}

/** One page of the audit log, for administrators only. */
export async function auditPage(deps: { database: Database }, user: UserRow, query: AuditPageParams) {
  requireAdmin(user, 'read the audit log');
  return listAudit(deps.database, query);
}
