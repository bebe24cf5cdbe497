// The clue loop (线索闭环) on the stored clues: list and read in scope, register a new clue where its point lies, and
// move a clue along the loop. Every write is audited in its own transaction.
import type { ClueDetail, ClueStatusChange, NewClueBody } from '../contract/clues.js';
import { clueDetailSchema } from '../contract/clues.js';
import { clueDueAt, clueTransitionError, nextClueStatuses, terminalClueStatuses } from '../domain/clue-workflow.js';
import { MINUTE_MS } from '../domain/time.js';
import { clueById, cluesInBbox, type ClueDetailRow, type CluesInBboxParams } from '../../db/queries/clues.js';
import { insertClue, institutionInDistrict, placePoint, setClueStatus } from '../../db/queries/clue-writes.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireWriter, scopedTo, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, unprocessable } from './errors.js';

type ClueDeps = Pick<Deps, 'database' | 'now'>;

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
    return {
      entityId: String(id),
      before: auditRecord(before),
      after: { ...auditRecord(after), ...(change.note ? { note: change.note } : {}) },
      result: after,
    };
  });
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
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
  });
  return toClueDetail(result);
}
