import { clueDetailSchema, newClueSchema, type ClueDetail, type ClueStatusChange } from '../contract/clues.js';
import { clueHandlingDays, clueTransitionError, nextClueStatuses, terminalClueStatuses } from '../contract/clue-workflow.js';
import type { ClueStatus } from '../contract/enums.js';
import type { z } from '@hono/zod-openapi';
import { clueById, type ClueDetailRow } from '../../db/queries/clues.js';
import { insertClue, institutionInDistrict, placePoint, setClueStatus } from '../../db/queries/clue-writes.js';
import type { UserRow } from '../../db/queries/users.js';
import { conflict, forbidden, notFound, unprocessable } from '../middleware/api-error.js';
import { audited } from '../middleware/audit.js';
import type { Deps } from '../middleware/env.js';
import { requireWriter, scopeOf } from '../middleware/scope.js';

const dayMs = 86_400_000;
/** A report time this far ahead of the server clock is a client clock error, not a future event. */
const clockSkewMs = 5 * 60_000;

export function toClueDetail(row: ClueDetailRow): ClueDetail {
  return clueDetailSchema.parse({
    type: 'Feature',
    ...row,
    properties: { ...row.properties, nextStatuses: nextClueStatuses(row.properties.status as ClueStatus) },
  });
}

/** The record kept in the audit log: the clue's own fields, without what is derived at read time. */
function auditRecord(row: ClueDetailRow) {
  const { overdue: _o, districtName: _d, gridCellCode: _g, institutionName: _i, ...own } = row.properties;
  return { ...own, geometry: row.geometry };
}

export async function changeClueStatus(deps: Deps, user: UserRow, id: number, change: ClueStatusChange): Promise<ClueDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const { result } = await audited(deps, { actor: user.username, action: 'clue.status', entity: 'clue' }, async (tx) => {
    const now = deps.now();
    const before = await clueById(tx, { scope, id, now, forUpdate: true });
    if (!before) throw notFound(`clue ${id}`);
    const from = before.properties.status as ClueStatus;
    const refusal = clueTransitionError(from, change.status);
    if (refusal) throw conflict(refusal, { from, to: change.status, allowed: nextClueStatuses(from) });
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

export async function registerClue(deps: Deps, user: UserRow, input: z.output<typeof newClueSchema>): Promise<ClueDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const now = deps.now();
  if (input.reportedAt.getTime() > now.getTime() + clockSkewMs) throw unprocessable('reportedAt lies in the future');
  const { result } = await audited(deps, { actor: user.username, action: 'clue.create', entity: 'clue' }, async (tx) => {
    const place = await placePoint(tx, input.geometry);
    if (place.geometryType !== 'POINT') throw unprocessable(`a clue's geometry must be a Point, not ${place.geometryType}`);
    if (!place.valid) throw unprocessable(`invalid geometry: ${place.reason}`, { reason: place.reason });
    if (!place.districtCode) throw unprocessable('the point lies outside every district', { coordinates: input.geometry.coordinates });
    if (scope.districtCode !== null && place.districtCode !== scope.districtCode)
      throw forbidden(`this account may register clues in district ${scope.districtCode} only; the point lies in ${place.districtCode}`);
    if (input.institutionId !== undefined && !(await institutionInDistrict(tx, { id: input.institutionId, districtCode: place.districtCode })))
      throw unprocessable(`institution ${input.institutionId} does not exist in district ${place.districtCode}`);
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
      dueAt: new Date(input.reportedAt.getTime() + clueHandlingDays * dayMs),
    });
    const after = (await clueById(tx, { scope, id, now }))!;
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
  });
  return toClueDetail(result);
}
