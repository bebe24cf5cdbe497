// The clue loop (线索闭环) on the stored clues: list in scope and move a clue along the loop by a plain status change
// (the steps with their own rules are in clue-loop.ts). Every write is audited in its own transaction.
import type { ClueDetail, ClueStatusChange } from '../contract/clues.js';
import { clueDetailSchema } from '../contract/clues.js';
import { clueTransitionError, nextClueStatuses, openClueStatuses, terminalClueStatuses } from '../domain/clue-workflow.js';
import { DAY_MS } from '../domain/time.js';
import type { ClueSource, ClueStatus, SuspectedType } from '../domain/vocabulary.js';
import { lockLiveEvents, unannouncedOverdueClues } from '../../db/queries/live-events.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { clueById, cluesInBbox, type ClueDetailRow, type CluesInBboxParams } from '../../db/queries/clues.js';
import { setClueStatus } from '../../db/queries/clue-writes.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireWriter, scopedTo, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, notFound } from './errors.js';
import { announce, notifyLiveEvents, type LiveEventDeps } from './live-event-outbox.js';

type ClueDeps = Pick<Deps, 'database' | 'now'> & LiveEventDeps;

/**
 * The statuses a plain PATCH no longer sets: each needs what its step records (the matrix's dispatch, the
 * verification's evidence, the closing result), so PATCH names the step instead.
 */
const STEP_OF_STATUS: Partial<Record<ClueStatus, string>> = { dispatched: 'dispatch', verified: 'verify', closed: 'close' };

function toClueDetail(row: ClueDetailRow): ClueDetail {
  return clueDetailSchema.parse({
    type: 'Feature',
    ...row,
    properties: { ...row.properties, nextStatuses: nextClueStatuses(row.properties.status) },
  });
}

/** The record kept in the audit log: the clue's own fields, without what is derived at read time. */
function auditRecord(row: ClueDetailRow) {
  const { overdue: _o, districtName: _d, gridCellCode: _g, institutionName: _i, ...own } = row.properties;
  return { ...own, geometry: row.geometry };
}

export function listClues(deps: ClueDeps, user: UserRow, q: Omit<CluesInBboxParams, 'scope'>): Promise<string> {
  return cluesInBbox(deps.database, { ...q, ...scopedTo(user, q.district) });
}

export async function changeClueStatus(deps: ClueDeps, user: UserRow, id: number, change: ClueStatusChange): Promise<ClueDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'clue.status', entity: 'clue' }, async (tx) => {
    const now = deps.now();
    const before = await clueById(tx, { scope, id, now, forUpdate: true });
    if (!before) throw notFound(`clue ${id}`);
    const from = before.properties.status;
    const step = STEP_OF_STATUS[change.status];
    if (step)
      throw conflict(`a clue becomes ${change.status} through its step: POST /api/clues/${id}/${step}`, {
        from,
        to: change.status,
        step,
        issues: [{ path: 'status', message: `use POST /api/clues/${id}/${step}` }],
      });
    const refusal = clueTransitionError(from, change.status);
    if (refusal) throw conflict(refusal, { from, to: change.status, allowed: nextClueStatuses(from), issues: [{ path: 'status', message: refusal }] });
    await setClueStatus(tx, { id, status: change.status, closedAt: terminalClueStatuses.includes(change.status) ? now : null });
    const after = (await clueById(tx, { scope, id, now }))!;
    const districtCode = after.properties.districtCode;
    await announce(tx, now, { kind: 'clue.status', districtCode, campaignId: null, payload: { clueId: id, districtCode, from, to: change.status } });
    return {
      entityId: String(id),
      before: auditRecord(before),
      after: { ...auditRecord(after), ...(change.note ? { note: change.note } : {}) },
      result: after,
    };
  });
  notifyLiveEvents(deps);
  return toClueDetail(result);
}

/** A clue that fell overdue longer ago than this when first seen (a server down for days, imported data) is not news. */
export const OVERDUE_NEWS_MS = 7 * DAY_MS;
/** Clues announced per scan, at most; the rest wait for the next scan. */
const OVERDUE_SCAN_LIMIT = 200;

/**
 * 超期: announces each open clue past its 办理时限 once, as a `clue.overdue` event of its district. The outbox is the
 * record of what was announced, so the scan changes no clue and needs no audit entry; it runs under the outbox lock,
 * so two processes scanning at once announce a clue once.
 */
export async function announceOverdueClues(deps: ClueDeps): Promise<number> {
  const now = deps.now();
  const announced = await inTransaction(deps.database, async (tx) => {
    await lockLiveEvents(tx);
    const due = await unannouncedOverdueClues(tx, { now, since: new Date(now.getTime() - OVERDUE_NEWS_MS), openStatuses: openClueStatuses, limit: OVERDUE_SCAN_LIMIT });
    for (const c of due)
      await announce(tx, now, {
        kind: 'clue.overdue',
        districtCode: c.districtCode,
        campaignId: null,
        payload: {
          clueId: c.clueId,
          districtCode: c.districtCode,
          source: c.source as ClueSource,
          suspectedType: c.suspectedType as SuspectedType,
          status: c.status as ClueStatus,
          dueAt: c.dueAt,
        },
      });
    return due.length;
  });
  if (announced > 0) notifyLiveEvents(deps);
  return announced;
}
