// The clue loop (线索闭环) on the stored clues: list and read in scope, register a new clue where its point lies, and
// move a clue along the loop. Every write is audited in its own transaction.
import type { ClueDetail, ClueStatusChange, NewClueBody } from '../contract/clues.js';
import { clueDetailSchema } from '../contract/clues.js';
import { clueDueAt, clueTransitionError, nextClueStatuses, openClueStatuses, terminalClueStatuses } from '../domain/clue-workflow.js';
import { DAY_MS, MINUTE_MS } from '../domain/time.js';
import type { ClueSource, ClueStatus, SuspectedType } from '../domain/vocabulary.js';
import { lockLiveEvents, unannouncedOverdueClues } from '../../db/queries/live-events.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { clueById, cluesInBbox, type ClueDetailRow, type CluesInBboxParams } from '../../db/queries/clues.js';
import { insertClue, institutionInDistrict, placePoint, setClueStatus } from '../../db/queries/clue-writes.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireWriter, scopedTo, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, unprocessable } from './errors.js';
import { announce, notifyLiveEvents, type LiveEventDeps } from './live-event-outbox.js';

type ClueDeps = Pick<Deps, 'database' | 'now'> & LiveEventDeps;

/** A report time this far ahead of the server clock is a client clock error, not a future event. */
const CLOCK_SKEW_MS = 5 * MINUTE_MS;

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

export async function getClue(deps: ClueDeps, user: UserRow, id: number): Promise<ClueDetail> {
  const row = await clueById(deps.database, { scope: scopeOf(user), id, now: deps.now() });
  if (!row) throw notFound(`clue ${id}`);
  return toClueDetail(row);
}

export async function changeClueStatus(deps: ClueDeps, user: UserRow, id: number, change: ClueStatusChange): Promise<ClueDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'clue.status', entity: 'clue' }, async (tx) => {
    const now = deps.now();
    const before = await clueById(tx, { scope, id, now, forUpdate: true });
    if (!before) throw notFound(`clue ${id}`);
    const from = before.properties.status;
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

export async function registerClue(deps: ClueDeps, user: UserRow, input: NewClueBody): Promise<ClueDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const now = deps.now();
  if (input.reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw unprocessable('reportedAt', 'lies in the future');
  const { result } = await audited(deps, { actor: user.username, action: 'clue.create', entity: 'clue' }, async (tx) => {
    const place = await placePoint(tx, input.geometry);
    if (place.geometryType !== 'POINT') throw unprocessable('geometry', `a clue's geometry must be a Point, not ${place.geometryType}`);
    if (!place.valid) throw unprocessable('geometry', `invalid geometry: ${place.reason}`, { reason: place.reason });
    if (!place.districtCode) throw unprocessable('geometry', 'the point lies outside every district', { coordinates: input.geometry.coordinates });
    if (scope.districtCode !== null && place.districtCode !== scope.districtCode)
      throw forbidden(`this account may register clues in district ${scope.districtCode} only; the point lies in ${place.districtCode}`);
    if (input.institutionId !== undefined && !(await institutionInDistrict(tx, { id: input.institutionId, districtCode: place.districtCode })))
      throw unprocessable('institutionId', `institution ${input.institutionId} does not exist in district ${place.districtCode}`);
    const id = await insertClue(tx, {
      source: input.source,
      reportedAt: input.reportedAt,
      geojson: input.geometry,
      address: input.address,
      description: input.description,
      suspectedType: input.suspectedType,
      institutionId: input.institutionId ?? null,
      districtCode: place.districtCode,
      gridCellId: place.gridCellId,
      dueAt: clueDueAt(input.source, input.reportedAt),
    });
    const after = (await clueById(tx, { scope, id, now }))!;
    const { districtCode, source, suspectedType, status, reportedAt, dueAt } = after.properties;
    await announce(tx, now, {
      kind: 'clue.created',
      districtCode,
      campaignId: null,
      payload: { clueId: id, districtCode, source, suspectedType, status, reportedAt, dueAt },
    });
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
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
