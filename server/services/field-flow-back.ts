// Results flow back (docs/field.md#flow-back): what a check-in confirmed by its co-signature writes to the registry and
// the clue loop, in the co-signature's transaction. The rules are the domain's (server/domain/check-in.ts); this reads
// and writes the rows they concern.
import type { AuditContent } from '../../db/queries/audit.js';
import { setClueStatus } from '../../db/queries/clue-writes.js';
import { cluesOfInstitutionForUpdate, institutionForUpdate, insertViolationsFound, setLastInspected } from '../../db/queries/field.js';
import type { NewLiveEvent } from '../../db/queries/live-events.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { CheckIn } from '../contract/field.js';
import { clueStepsAfterCheckIn, laterInspectionDate, violationsOf } from '../domain/check-in.js';
import { shanghaiDate } from '../domain/time.js';
import { clueStatuses, type ClueStatus } from '../domain/vocabulary.js';

export interface FlowBack {
  /** What the co-signature's audit entry records of it. */
  summary: { institutionId: number | null; lastInspectedOn: string | null; violationIds: number[]; clues: { id: number; from: ClueStatus; to: ClueStatus }[] };
  /** One clue.status entry per step a clue took. */
  audits: Omit<AuditContent, 'at'>[];
  events: NewLiveEvent[];
}

const movable = clueStatuses.filter((s) => clueStepsAfterCheckIn(s).length > 0);

/**
 * A confirmed check-in at an institution: its last inspection moves to the check-in's Shanghai date (if later), the
 * violations its findings and result establish are recorded on that date, and its open clues take the steps the
 * workflow allows (clueStepsAfterCheckIn). A grid cell's area patrol has no institution: nothing flows back.
 */
export async function flowBackConfirmedCheckIn(tx: Queryable, p: { checkIn: CheckIn; districtCode: string; actor: string; at: Date }): Promise<FlowBack> {
  const none: FlowBack = { summary: { institutionId: null, lastInspectedOn: null, violationIds: [], clues: [] }, audits: [], events: [] };
  const [kind, ref] = p.checkIn.targetKey.split(':');
  if (kind !== 'institution') return none;
  const institution = await institutionForUpdate(tx, { id: Number(ref), districtCode: p.districtCode });
  if (!institution) return none;
  const checkedOn = shanghaiDate(new Date(p.checkIn.checkedAt));
  const lastInspectedOn = laterInspectionDate(institution.lastInspectedOn, checkedOn);
  if (lastInspectedOn !== institution.lastInspectedOn) await setLastInspected(tx, { id: institution.id, on: lastInspectedOn, at: p.at });

  const kinds = violationsOf({ result: p.checkIn.result, findings: p.checkIn.findings, institutionStatus: institution.status });
  const violationIds = await insertViolationsFound(tx, {
    institutionId: institution.id,
    occurredOn: checkedOn,
    found: kinds.map((k) => ({ kind: k, description: `专项行动检查发现 (campaign ${p.checkIn.campaignId}, check-in ${p.checkIn.id}, ${p.checkIn.result})` })),
  });

  const clues = await cluesOfInstitutionForUpdate(tx, { institutionId: institution.id, statuses: movable });
  const moved: FlowBack['summary']['clues'] = [];
  const audits: FlowBack['audits'] = [];
  const events: NewLiveEvent[] = [];
  for (const clue of clues) {
    let from = clue.status;
    for (const to of clueStepsAfterCheckIn(clue.status)) {
      await setClueStatus(tx, { id: clue.id, status: to, closedAt: null });
      audits.push({
        actor: p.actor,
        action: 'clue.status',
        entity: 'clue',
        entityId: String(clue.id),
        before: { status: from },
        after: { status: to, note: `co-signed check-in ${p.checkIn.id} (campaign ${p.checkIn.campaignId})`, checkInId: p.checkIn.id },
      });
      from = to;
    }
    moved.push({ id: clue.id, from: clue.status, to: from });
    events.push({
      kind: 'clue.status',
      at: p.at,
      districtCode: p.districtCode,
      campaignId: p.checkIn.campaignId,
      payload: { clueId: clue.id, from: clue.status, to: from, checkInId: p.checkIn.id, campaignId: p.checkIn.campaignId, districtCode: p.districtCode },
    });
  }
  return { summary: { institutionId: institution.id, lastInspectedOn, violationIds, clues: moved }, audits, events };
}
