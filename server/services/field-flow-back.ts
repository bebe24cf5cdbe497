// Results flow back (docs/field.md#flow-back): what a check-in confirmed by its co-signature writes to the registry and
// the clue loop, in the co-signature's transaction. The rules are the domain's (server/domain/check-in.ts, and
// server/domain/check-in-clue.ts for the clue a finding becomes); this reads and writes the rows they concern.
import type { AuditContent } from '../../db/queries/audit.js';
import { clueIdOfCheckIn, placePoint, setClueStatus } from '../../db/queries/clue-writes.js';
import { cluesOfInstitutionForUpdate, institutionForUpdate, insertViolationsFound, setLastInspected, type InstitutionStateRow } from '../../db/queries/field.js';
import type { NewLiveEvent } from '../../db/queries/live-events.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { CheckIn } from '../contract/field.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { CHECK_IN_CLUE_KIND, checkInClueDescription, checkInCluePoint, clueSourceOfTarget, findsProblem, suspectedTypeOfCheckIn, type CheckInTargetKind } from '../domain/check-in-clue.js';
import { clueStepsAfterCheckIn, laterInspectionDate, violationsOf } from '../domain/check-in.js';
import { terminalClueStatuses } from '../domain/clue-workflow.js';
import type { LonLat } from '../domain/geodesy.js';
import { shanghaiDate } from '../domain/time.js';
import { clueStatuses, type ClueStatus } from '../domain/vocabulary.js';
import { clueAuditRecord, insertPlacedClue } from './clue-loop.js';

export interface FlowBack {
  /** What the co-signature's audit entry records of it. */
  summary: {
    institutionId: number | null;
    lastInspectedOn: string | null;
    violationIds: number[];
    clues: { id: number; from: ClueStatus; to: ClueStatus }[];
    /** The clue the check-in's finding became, null when it found nothing or the institution's own clues carry it. */
    createdClueId: number | null;
  };
  /** One clue.status entry per step a clue took, and the clue.create entry of a new clue. */
  audits: Omit<AuditContent, 'at'>[];
  events: NewLiveEvent[];
}

/** The stop as the plan names it: what the clue of a finding is placed at and called. */
export interface CheckInTarget {
  kind: CheckInTargetKind;
  name: string;
  address: string;
  location: LonLat;
}

export interface ConfirmedCheckIn {
  checkIn: CheckIn;
  /** The team's district: the clue's, and the scope its point must lie in. */
  districtCode: string;
  campaignName: string;
  /** The plan's target of the stop (a plan only ever adds targets, so the check-in's is there). */
  target: CheckInTarget | null;
  /** The co-signer's account. */
  actor: string;
  at: Date;
  calendar: WorkCalendar;
}

const openStatuses = clueStatuses.filter((s) => !terminalClueStatuses.includes(s));

/**
 * A confirmed check-in. At an institution: its last inspection moves to the check-in's Shanghai date (if later), the
 * violations its findings and result establish are recorded on that date, and its open clues take the steps the
 * workflow allows (clueStepsAfterCheckIn). A problem found (findsProblem) becomes a clue of the loop when nothing open
 * carries it yet: at an institution without open clues (source campaign), and on a grid cell's area patrol (source
 * grid_patrol).
 */
export async function flowBackConfirmedCheckIn(tx: Queryable, p: ConfirmedCheckIn): Promise<FlowBack> {
  const [kind, ref] = p.checkIn.targetKey.split(':');
  if (kind === 'gridCell') {
    const { createdClueId, audits, events } = await clueOfFinding(tx, p, null);
    return { summary: { ...emptySummary(), createdClueId }, audits, events };
  }
  if (kind !== 'institution') return { summary: emptySummary(), audits: [], events: [] };
  const institution = await institutionForUpdate(tx, { id: Number(ref), districtCode: p.districtCode });
  if (!institution) return { summary: emptySummary(), audits: [], events: [] };
  const checkedOn = shanghaiDate(new Date(p.checkIn.checkedAt));
  const lastInspectedOn = laterInspectionDate(institution.lastInspectedOn, checkedOn);
  if (lastInspectedOn !== institution.lastInspectedOn) await setLastInspected(tx, { id: institution.id, on: lastInspectedOn, at: p.at });

  const kinds = violationsOf({ result: p.checkIn.result, findings: p.checkIn.findings, institutionStatus: institution.status });
  const violationIds = await insertViolationsFound(tx, {
    institutionId: institution.id,
    occurredOn: checkedOn,
    found: kinds.map((k) => ({ kind: k, description: `专项行动检查发现 (campaign ${p.checkIn.campaignId}, check-in ${p.checkIn.id}, ${p.checkIn.result})` })),
  });

  const open = await cluesOfInstitutionForUpdate(tx, { institutionId: institution.id, statuses: openStatuses });
  const moved: FlowBack['summary']['clues'] = [];
  const audits: FlowBack['audits'] = [];
  const events: NewLiveEvent[] = [];
  for (const clue of open) {
    const steps = clueStepsAfterCheckIn(clue.status);
    if (steps.length === 0) continue;
    let from = clue.status;
    for (const to of steps) {
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
  const created = open.length === 0 ? await clueOfFinding(tx, p, institution) : { audits: [], events: [], createdClueId: null };
  return {
    summary: { institutionId: institution.id, lastInspectedOn, violationIds, clues: moved, createdClueId: created.createdClueId },
    audits: [...audits, ...created.audits],
    events: [...events, ...created.events],
  };
}

const emptySummary = (): FlowBack['summary'] => ({ institutionId: null, lastInspectedOn: null, violationIds: [], clues: [], createdClueId: null });

/**
 * The device's point when it lies in the team's district, else the target's (a stop near a district's border); null
 * when neither does (a target geocoded just across the border).
 */
async function pointInDistrict(tx: Queryable, districtCode: string, point: LonLat, target: LonLat): Promise<LonLat | null> {
  for (const candidate of point === target ? [point] : [point, target]) {
    const place = await placePoint(tx, { type: 'Point', coordinates: candidate });
    if (place.districtCode === districtCode) return candidate;
  }
  return null;
}

/**
 * The clue of a problem found, registered as any intake is (insertPlacedClue: placed, due by its kind in working
 * days), linked to its check-in and audited as `clue.create` by the co-signer. One per check-in: a check-in that
 * already has its clue (the unique check_in_id) gets no second one.
 */
async function clueOfFinding(tx: Queryable, p: ConfirmedCheckIn, institution: InstitutionStateRow | null): Promise<Pick<FlowBack, 'audits' | 'events'> & { createdClueId: number | null }> {
  const { checkIn, target } = p;
  const nothing = { audits: [], events: [], createdClueId: null };
  if (!target || !findsProblem(checkIn) || (await clueIdOfCheckIn(tx, checkIn.id)) !== null) return nothing;
  const point = await pointInDistrict(tx, p.districtCode, checkInCluePoint({ position: checkIn.position, farFromTarget: checkIn.farFromTarget, target: target.location }), target.location);
  // The co-signature is the officers' record and must not fail for the clue it brings: a clue the team's district
  // cannot hold is left to the desk (the check-in's findings are in its audit entry).
  if (point === null) return nothing;
  const { clue, event } = await insertPlacedClue(tx, {
    scope: { districtCode: p.districtCode },
    calendar: p.calendar,
    now: p.at,
    input: {
      source: clueSourceOfTarget(target.kind),
      kind: CHECK_IN_CLUE_KIND,
      reportedAt: new Date(checkIn.checkedAt),
      geometry: { type: 'Point', coordinates: point },
      address: target.address.trim() || target.name,
      description: checkInClueDescription({ campaignName: p.campaignName, checkInId: checkIn.id, result: checkIn.result, findings: checkIn.findings, notes: checkIn.notes }),
      suspectedType: suspectedTypeOfCheckIn({ result: checkIn.result, findings: checkIn.findings, institutionStatus: institution?.status ?? null }),
      ...(institution ? { institutionId: institution.id } : {}),
      attachments: [],
      checkInId: checkIn.id,
    },
  });
  const note = `专项行动「${p.campaignName}」(campaign ${checkIn.campaignId}) 检查记录 ${checkIn.id} co-signed`;
  return {
    createdClueId: clue.row.id,
    audits: [{ actor: p.actor, action: 'clue.create', entity: 'clue', entityId: String(clue.row.id), before: null, after: { ...clueAuditRecord(clue), note, campaignId: checkIn.campaignId, checkInId: checkIn.id } }],
    events: [{ ...event, campaignId: checkIn.campaignId }],
  };
}
