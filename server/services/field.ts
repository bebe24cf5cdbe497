// The phone page (执法队员, docs/field.md): an officer's team-shifts of the day from the stored plans of active
// campaigns, and the writes of the street — arrivals, check-ins, co-signatures. Every write is validated against the
// plan (the stop is one of the caller's team's), audited and announced as a live event in its transaction, and
// idempotent by the client's key: a replay answers what was stored and writes nothing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { appendAudit, type AuditContent } from '../../db/queries/audit.js';
import {
  arrivalsOf,
  campaignState,
  checkInsOf,
  cosignCheckIn,
  insertArrival,
  insertCheckIn,
  missingPhotos,
  officerById,
  planTeams,
  type ArrivalRow,
  type CheckInRow,
  type PlanTeamRow,
} from '../../db/queries/field.js';
import type { NewLiveEvent } from '../../db/queries/live-events.js';
import type { LiveEventDraft } from '../contract/events.js';
import { announce, notifyLiveEvents } from './live-event-outbox.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { campaignPlanSchema } from '../contract/campaign-plans.js';
import type { Arrival, ArrivalRequest, CheckIn, CheckInRequest, CosignRequest, FieldAssignment, FieldDay, FieldStop } from '../contract/field.js';
import { checkInSchema } from '../contract/field.js';
import {
  checkInStatus,
  cosignRefusal,
  distanceToTarget,
  findingsIssues,
  isFarFromTarget,
  orderedFindings,
  requestFingerprint,
} from '../domain/check-in.js';
import { addDays, shanghaiDate } from '../domain/time.js';
import type { AuditAction, LiveEventKind } from '../domain/vocabulary.js';
import { requireFieldOfficer } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, ServiceError, unprocessable } from './errors.js';
import { flowBackConfirmedCheckIn } from './field-flow-back.js';
import { workCalendar } from './calendar.js';

type FieldDeps = Pick<Deps, 'database' | 'now' | 'calendar'> & Partial<Pick<Deps, 'liveEvents'>>;

/** How many next duties an empty day shows. */
const UPCOMING_DUTIES = 10;

// The plan's JSON, read with the plan's own schemas; a re-planned team may carry when it was re-planned.
const teamSchema = campaignPlanSchema.shape.teams.element.extend({ replannedAt: z.string().nullable().optional() });
const targetSchema = campaignPlanSchema.shape.targets.element;
const shiftSchema = campaignPlanSchema.shape.shifts.element;
type PlanTeam = z.output<typeof teamSchema>;
type PlanTarget = z.output<typeof targetSchema>;

interface TeamShift {
  row: PlanTeamRow;
  team: PlanTeam;
  shift: z.output<typeof shiftSchema>;
  targets: Map<string, PlanTarget>;
}

function teamShiftOf(row: PlanTeamRow): TeamShift {
  const team = teamSchema.parse(row.team);
  const targets = new Map(z.array(targetSchema).parse(row.targets).map((t) => [t.key, t]));
  return { row, team, shift: shiftSchema.parse(row.shift), targets };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// ---- reads ----

function toCheckIn(row: CheckInRow): CheckIn {
  return checkInSchema.parse({
    ...row,
    cosignedBy: row.cosignedBy,
    status: checkInStatus(row.cosignedBy?.officerId ?? null),
  });
}

const toArrival = (row: ArrivalRow): Arrival => ({
  id: row.id,
  campaignId: row.campaignId,
  teamId: row.teamId,
  targetKey: row.targetKey,
  arrivedAt: row.arrivedAt,
  distanceMetres: row.distanceMetres,
});

function toAssignment(ts: TeamShift, officerId: number, arrivals: ArrivalRow[], checkIns: CheckInRow[]): FieldAssignment {
  const { team, row, shift } = ts;
  const arrivalAt = new Map(arrivals.filter((a) => a.teamId === team.id).map((a) => [a.targetKey, a]));
  const checkInAt = new Map(checkIns.filter((c) => c.teamId === team.id).map((c) => [c.targetKey, c]));
  const stops: FieldStop[] = team.stops.flatMap((stop, i) => {
    const target = ts.targets.get(stop.targetKey);
    if (!target) return [];
    const arrival = arrivalAt.get(stop.targetKey);
    const checkIn = checkInAt.get(stop.targetKey);
    return [
      {
        order: i + 1,
        targetKey: stop.targetKey,
        kind: target.kind,
        name: target.name,
        address: target.address,
        creditCode: target.creditCode,
        location: target.location,
        eta: stop.eta,
        departure: stop.departure,
        serviceMinutes: target.serviceMinutes,
        riskTier: target.riskTier,
        checks: target.checks,
        arrival: arrival ? { arrivedAt: arrival.arrivedAt, distanceMetres: arrival.distanceMetres } : null,
        checkIn: checkIn ? toCheckIn(checkIn) : null,
      },
    ];
  });
  return {
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    campaignVersion: row.campaignVersion,
    campaignStatus: row.campaignStatus,
    teamId: team.id,
    teamLabel: team.label,
    districtCode: team.districtCode,
    date: team.date,
    shift: { id: shift.id, start: shift.start, end: shift.end },
    isLead: team.members.some((m) => m.officerId === officerId && m.lead),
    members: team.members.map((m) => ({ officerId: m.officerId, name: m.name, departmentCode: m.departmentCode, certificateNo: m.certificateNo, lead: m.lead })),
    base: team.base,
    line: team.line,
    stops,
    replannedAt: team.replannedAt ?? null,
  };
}

/** The signed-in officer's team-shifts of a day (default today, Shanghai) in active campaigns, and the next duties after it. */
export async function fieldDay(deps: FieldDeps, user: UserRow, query: { date?: string }): Promise<FieldDay> {
  const { officerId, districtCode } = requireFieldOfficer(user);
  const date = query.date ?? shanghaiDate(deps.now());
  const officer = await officerById(deps.database, officerId);
  if (!officer) throw notFound(`officer ${officerId}`);
  const mine = { statuses: ['active'] as const, officerId, districtCode };
  const today = (await planTeams(deps.database, { ...mine, fromDate: date, toDate: date })).map(teamShiftOf);
  const assignments: FieldAssignment[] = [];
  for (const campaignId of [...new Set(today.map((t) => t.row.campaignId))]) {
    const teams = today.filter((t) => t.row.campaignId === campaignId);
    const teamIds = teams.map((t) => t.team.id);
    const [arrivals, checkIns] = await Promise.all([arrivalsOf(deps.database, { campaignId, teamIds }), checkInsOf(deps.database, { campaignId, teamIds })]);
    for (const ts of teams) assignments.push(toAssignment(ts, officerId, arrivals, checkIns));
  }
  assignments.sort((a, b) => a.shift.start.localeCompare(b.shift.start) || a.campaignId - b.campaignId);
  const next = await planTeams(deps.database, { ...mine, fromDate: addDays(date, 1), limit: UPCOMING_DUTIES });
  const upcoming = next.map((row) => {
    const { team, shift } = teamShiftOf(row);
    return { date: team.date, campaignId: row.campaignId, campaignName: row.campaignName, teamId: team.id, start: shift.start, end: shift.end };
  });
  return {
    officer: { id: officer.id, name: officer.name, certificateNo: officer.certificateNo, departmentCode: officer.departmentCode, districtCode: officer.districtCode },
    date,
    assignments,
    upcoming,
  };
}

/**
 * Check-ins of a campaign in the caller's scope, newest first: a field officer sees their own teams' (in the plan), a
 * district leader their district's, the city-wide accounts all.
 */
export async function listCheckIns(deps: FieldDeps, user: UserRow, query: { campaignId: number; teamId?: string }): Promise<CheckIn[]> {
  const campaign = await campaignState(deps.database, { id: query.campaignId, districtCode: user.districtCode });
  if (!campaign) throw notFound(`campaign ${query.campaignId}`);
  if (user.role === 'field') {
    const { officerId, districtCode } = requireFieldOfficer(user);
    const teams = await planTeams(deps.database, { campaignId: query.campaignId, officerId, districtCode, teamId: query.teamId });
    const teamIds = teams.map((t) => teamSchema.pick({ id: true }).parse(t.team).id);
    return (await checkInsOf(deps.database, { campaignId: query.campaignId, teamIds })).map(toCheckIn);
  }
  return (await checkInsOf(deps.database, { campaignId: query.campaignId, districtCode: user.districtCode, teamId: query.teamId })).map(toCheckIn);
}

// ---- writes ----

/** A write's answer: 201 when it stored something, 200 when it was a replay of what was stored. */
export interface Written<T> {
  status: 200 | 201;
  body: T;
}

/** Thrown inside a write's transaction when another request with the same key got there first: rolled back, replayed. */
class LostRace extends Error {}

/**
 * Runs a write once per idempotency key. A stored row with the key answers 200 when its hash is the request's, 409
 * otherwise, before anything is checked or written; a race lost to an identical request (its insert found the key
 * taken) rolls back and is answered the same way.
 */
async function once<T>(p: { stored: () => Promise<{ hash: string; body: T } | null>; hash: string; write: () => Promise<T> }): Promise<Written<T>> {
  const replay = async (): Promise<Written<T> | null> => {
    const found = await p.stored();
    if (!found) return null;
    if (found.hash !== p.hash)
      throw conflict('this idempotency key was used for a different request: make a new key for a new write', { reason: 'idempotency_key_reused' });
    return { status: 200, body: found.body };
  };
  const before = await replay();
  if (before) return before;
  try {
    return { status: 201, body: await p.write() };
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    const after = await replay();
    if (after) return after;
    throw error;
  }
}

interface FieldChange<T> {
  entityId: string;
  before: unknown;
  after: unknown;
  result: T;
  /** The live events the change announces. */
  events: NewLiveEvent[];
  /** Further audit entries the change made (the clue steps of a flow-back). */
  audits?: Omit<AuditContent, 'at'>[];
}

/**
 * audited() with the change's live events and further audit entries. The events go first, then the audit entries:
 * every transaction takes the outbox's lock before the audit log's (as audited() does when a change appends an
 * event), so two of them never wait on each other in opposite orders.
 */
async function auditedWithEvents<T>(deps: FieldDeps, user: UserRow, action: AuditAction, change: (tx: Queryable) => Promise<FieldChange<T>>): Promise<T> {
  const { result } = await audited(deps, { actor: user.username, action, entity: 'check_in' }, async (tx) => {
    const done = await change(tx);
    for (const event of done.events) await announce(tx, event.at, event as NewLiveEvent & LiveEventDraft);
    for (const entry of done.audits ?? []) await appendAudit(tx, { ...entry, at: deps.now() });
    return { entityId: done.entityId, before: done.before, after: done.after, result: done.result };
  });
  notifyLiveEvents(deps);
  return result;
}

const liveEvent = (kind: LiveEventKind, at: Date, districtCode: string, campaignId: number, payload: Record<string, unknown>): NewLiveEvent => ({
  kind,
  at,
  districtCode,
  campaignId,
  payload: { campaignId, districtCode, ...payload },
});

/**
 * The caller's team-shift in an active campaign, and the stop's target in it. Refusals in the order a client can act
 * on them: a campaign the officer's district is not in (404), one that takes no check-ins (409), a team-shift not in
 * its plan (404), one the officer is not a member of (403), a target that is not one of its stops (422).
 */
async function callersStop(q: Queryable, officer: { officerId: number; districtCode: string }, p: { campaignId: number; teamId: string; targetKey: string }) {
  const campaign = await campaignState(q, { id: p.campaignId, districtCode: officer.districtCode, lock: true });
  if (!campaign) throw notFound(`campaign ${p.campaignId}`);
  requireActive(campaign.status, p.campaignId);
  const [row] = await planTeams(q, { campaignId: p.campaignId, teamId: p.teamId, districtCode: officer.districtCode });
  if (!row) throw notFound(`team-shift ${p.teamId} in the plan of campaign ${p.campaignId} for district ${officer.districtCode}`);
  const ts = teamShiftOf(row);
  if (!ts.team.members.some((m) => m.officerId === officer.officerId))
    throw forbidden(`you are not a member of team-shift ${p.teamId}: only its members record its stops`, { teamId: p.teamId });
  const stop = ts.team.stops.find((s) => s.targetKey === p.targetKey);
  const target = stop ? ts.targets.get(p.targetKey) : undefined;
  if (!target) throw unprocessable('targetKey', `${p.targetKey} is not one of the stops of team-shift ${p.teamId}`);
  return { ts, target };
}

function requireActive(status: string, campaignId: number): void {
  if (status !== 'active')
    throw conflict(
      status === 'closed'
        ? `campaign ${campaignId} is closed: it takes no more arrivals, check-ins or co-signatures`
        : `campaign ${campaignId} is ${status}, not active: its teams record their stops once it is activated`,
      { campaignStatus: status },
    );
}

const positionOf = (p: { lon: number; lat: number } | null): [number, number] | null => (p === null ? null : [p.lon, p.lat]);

/** 到达: the team is at a stop. */
export async function recordArrival(deps: FieldDeps, user: UserRow, body: ArrivalRequest): Promise<Written<Arrival>> {
  const officer = requireFieldOfficer(user);
  const hash = sha256(requestFingerprint({ officerId: officer.officerId, ...body }));
  return once({
    hash,
    stored: async () => {
      const [row] = await arrivalsOf(deps.database, { idempotencyKey: body.idempotencyKey });
      return row ? { hash: row.requestHash, body: toArrival(row) } : null;
    },
    write: () =>
      auditedWithEvents(deps, user, 'field.arrive', async (tx) => {
        const { ts, target } = await callersStop(tx, officer, body);
        const distanceMetres = distanceToTarget(positionOf(body.position), target.location);
        const at = deps.now();
        const id = await insertArrival(tx, {
          idempotencyKey: body.idempotencyKey,
          requestHash: hash,
          campaignId: body.campaignId,
          teamId: body.teamId,
          targetKey: body.targetKey,
          districtCode: ts.team.districtCode,
          officerId: officer.officerId,
          arrivedAt: new Date(body.arrivedAt),
          receivedAt: at,
          position: body.position,
          distanceMetres,
        });
        if (id === null) await refuseTakenStop(tx, body.idempotencyKey, () => arrivalsOf(tx, { campaignId: body.campaignId, teamIds: [body.teamId], targetKey: body.targetKey }), 'arrival');
        const [row] = await arrivalsOf(tx, { idempotencyKey: body.idempotencyKey });
        const arrival = toArrival(row);
        return {
          entityId: `arrival:${arrival.id}`,
          before: null,
          after: { ...arrival, officerId: officer.officerId },
          result: arrival,
          events: [
            liveEvent('stop.arrived', at, ts.team.districtCode, body.campaignId, {
              teamId: body.teamId,
              targetKey: body.targetKey,
              arrivalId: arrival.id,
              arrivedAt: arrival.arrivedAt,
              position: positionOf(body.position),
              distanceMetres,
            }),
          ],
        };
      }),
  });
}

/**
 * The insert found its stop or its key taken. Its key (an identical request that committed first): roll back and
 * replay. Another key for the same stop: 409 naming what is there.
 */
async function refuseTakenStop(tx: Queryable, key: string, atStop: () => Promise<{ id: number; idempotencyKey: string }[]>, what: 'arrival' | 'check-in'): Promise<never> {
  const [existing] = await atStop();
  if (!existing || existing.idempotencyKey === key) throw new LostRace();
  throw conflict(`this stop already has its ${what} (${what} ${existing.id}): one per team-shift and stop`, { existingId: existing.id });
}

/** A check-in at one of the team's stops. */
export async function recordCheckIn(deps: FieldDeps, user: UserRow, body: CheckInRequest): Promise<Written<CheckIn>> {
  const officer = requireFieldOfficer(user);
  const hash = sha256(requestFingerprint({ officerId: officer.officerId, ...body }));
  return once({
    hash,
    stored: async () => {
      const [row] = await checkInsOf(deps.database, { idempotencyKey: body.idempotencyKey });
      return row ? { hash: row.requestHash, body: toCheckIn(row) } : null;
    },
    write: () =>
      auditedWithEvents(deps, user, 'field.check_in', async (tx) => {
        const { ts, target } = await callersStop(tx, officer, body);
        const issues = findingsIssues(target.checks, body.findings);
        if (issues.length > 0) throw new ServiceError('unprocessable', `findings: ${issues.map((i) => i.message).join('; ')}`, { issues });
        const twice = body.photos.findIndex((s, i) => body.photos.indexOf(s) !== i);
        if (twice >= 0) throw unprocessable(`photos[${twice}]`, 'the same photo is named twice');
        const missing = await missingPhotos(tx, body.photos);
        if (missing.length > 0)
          throw unprocessable(`photos[${body.photos.indexOf(missing[0])}]`, `photo ${missing[0]} was not uploaded (POST /api/field/photos first)`, { missing });
        const distanceMetres = distanceToTarget(positionOf(body.position), target.location);
        const at = deps.now();
        const id = await insertCheckIn(tx, {
          idempotencyKey: body.idempotencyKey,
          requestHash: hash,
          campaignId: body.campaignId,
          campaignVersion: ts.row.campaignVersion,
          teamId: body.teamId,
          targetKey: body.targetKey,
          districtCode: ts.team.districtCode,
          result: body.result,
          findings: orderedFindings(target.checks, body.findings),
          notes: body.notes,
          position: body.position,
          positionAccuracyMetres: body.position?.accuracyMetres ?? null,
          distanceMetres,
          farFromTarget: isFarFromTarget(distanceMetres),
          checkedAt: new Date(body.checkedAt),
          receivedAt: at,
          recordedByOfficer: officer.officerId,
          recordedByUser: user.id,
          photos: body.photos,
        });
        if (id === null) await refuseTakenStop(tx, body.idempotencyKey, () => checkInsOf(tx, { campaignId: body.campaignId, teamIds: [body.teamId], targetKey: body.targetKey }), 'check-in');
        const [row] = await checkInsOf(tx, { idempotencyKey: body.idempotencyKey });
        const checkIn = toCheckIn(row);
        return {
          entityId: String(checkIn.id),
          before: null,
          after: auditRecord(checkIn),
          result: checkIn,
          events: [checkInEvent('check_in.created', at, checkIn, ts.team.districtCode)],
        };
      }),
  });
}

/** What the audit log keeps of a check-in: its own fields (the photos by hash only). */
const auditRecord = (c: CheckIn) => ({ ...c, photos: c.photos.map((p) => p.sha256), recordedBy: c.recordedBy.officerId, cosignedBy: c.cosignedBy?.officerId ?? null });

const checkInEvent = (kind: LiveEventKind, at: Date, c: CheckIn, districtCode: string) =>
  liveEvent(kind, at, districtCode, c.campaignId, {
    checkInId: c.id,
    teamId: c.teamId,
    targetKey: c.targetKey,
    result: c.result,
    status: c.status,
    position: c.position,
    farFromTarget: c.farFromTarget,
    checkedAt: c.checkedAt,
    ...(c.cosignedAt === null ? {} : { cosignedAt: c.cosignedAt }),
  });

/** 双人执法: the second officer of the team co-signs a check-in; a confirmed check-in's results flow back. */
export async function cosign(deps: FieldDeps, user: UserRow, id: number, body: CosignRequest): Promise<Written<CheckIn>> {
  const officer = requireFieldOfficer(user);
  const hash = sha256(requestFingerprint({ officerId: officer.officerId, checkInId: id, ...body }));
  return once({
    hash,
    stored: async () => {
      const [row] = await checkInsOf(deps.database, { cosignIdempotencyKey: body.idempotencyKey });
      return row ? { hash: row.cosignRequestHash ?? '', body: toCheckIn(row) } : null;
    },
    write: async () => {
      // Read before the transaction: a finding's clue is due by the working calendar.
      const calendar = await workCalendar(deps);
      return auditedWithEvents(deps, user, 'field.cosign', async (tx) => {
        const [before] = await checkInsOf(tx, { id, districtCode: officer.districtCode });
        if (!before) throw notFound(`check-in ${id}`);
        const campaign = await campaignState(tx, { id: before.campaignId, districtCode: officer.districtCode, lock: true });
        if (!campaign) throw notFound(`check-in ${id}`);
        requireActive(campaign.status, before.campaignId);
        const [row] = await planTeams(tx, { campaignId: before.campaignId, teamId: before.teamId, districtCode: officer.districtCode });
        const ts = row ? teamShiftOf(row) : null;
        const members = ts ? ts.team.members.map((m) => m.officerId) : [];
        const refusal = cosignRefusal({ recordedBy: before.recordedBy.officerId, cosigner: officer.officerId, teamMembers: members });
        if (refusal?.kind === 'same_officer') throw unprocessable('', refusal.message, { reason: refusal.kind });
        if (refusal) throw forbidden(refusal.message, { reason: refusal.kind, teamId: before.teamId });
        // An identical co-signature that committed since this request looked: answered as its replay.
        if (before.cosignIdempotencyKey === body.idempotencyKey) throw new LostRace();
        if (before.cosignedBy)
          throw conflict(`check-in ${id} is already co-signed by ${before.cosignedBy.name} (${before.cosignedBy.certificateNo}) at ${before.cosignedAt}`, {
            cosignedBy: before.cosignedBy.officerId,
          });
        const at = deps.now();
        const signed = await cosignCheckIn(tx, { id, officerId: officer.officerId, at: new Date(body.cosignedAt), position: body.position, idempotencyKey: body.idempotencyKey, requestHash: hash });
        if (!signed) throw new LostRace();
        const [after] = await checkInsOf(tx, { id, districtCode: null });
        const checkIn = toCheckIn(after);
        const target = ts?.targets.get(checkIn.targetKey) ?? null;
        const campaignName = ts?.row.campaignName ?? '';
        const flowBack = await flowBackConfirmedCheckIn(tx, { checkIn, districtCode: after.districtCode, campaignName, target, actor: user.username, at, calendar });
        return {
          entityId: String(id),
          before: auditRecord(toCheckIn(before)),
          after: { ...auditRecord(checkIn), flowBack: flowBack.summary },
          result: checkIn,
          events: [checkInEvent('check_in.cosigned', at, checkIn, after.districtCode), ...flowBack.events],
          audits: flowBack.audits,
        };
      });
    },
  });
}
