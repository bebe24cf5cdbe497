// The clue loop's steps (docs/clues.md#api-steps): intake with a working-day deadline by kind, dispatch by the
// responsibility matrix, 退单, acceptance, 延期 and its decision, the paused clock, feedback, 核查 with evidence, 结案
// (closing the clues merged into it), 重办 and 不予受理. Each step is checked against the clue's state and the rules of
// server/domain/clue-steps.ts, written with its audit entry in one transaction and announced as a live event.
import type { ClueIntakeBody, ClueLoopDetail, ClueStep, ClueStepBody } from '../contract/clue-loop.js';
import { clueLoopDetailSchema } from '../contract/clue-loop.js';
import type { LiveEventDraft } from '../contract/events.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { CLUE_DEADLINE_WORKING_DAYS, workingDayDeadline } from '../domain/clue-deadline.js';
import { escalationOf } from '../domain/clue-escalation.js';
import { allowedClueSteps, clueStepRefusal, type LoopState } from '../domain/clue-loop-steps.js';
import { maskPhone } from '../domain/clue-privacy.js';
import { closingProblem, extendedDeadline, extensionProblem, resumedDeadline, sendBackProblem, type Evidence } from '../domain/clue-steps.js';
import { nextClueStatuses, terminalClueStatuses } from '../domain/clue-workflow.js';
import { DomainInputError } from '../domain/errors.js';
import { dispatchByMatrix, WHISTLE_DEPARTMENTS } from '../domain/responsibility-matrix.js';
import { MINUTE_MS } from '../domain/time.js';
import type { ClueSource, ClueStatus, InstitutionCategory } from '../domain/vocabulary.js';
import { appendAudit } from '../../db/queries/audit.js';
import { clueById, type ClueDetailRow } from '../../db/queries/clues.js';
import { insertClue, institutionInDistrict, placePoint } from '../../db/queries/clue-writes.js';
import { childClueIds, clueLoopColumns, institutionCategoryOf, storedPhotoIds, updateClueLoop, type ClueLoopPatch, type ClueLoopRow } from '../../db/queries/clue-loop.js';
import { insertClueAttachments, type NewClueReportPhoto } from '../../db/queries/clue-reports.js';
import { departmentNames } from '../../db/queries/departments.js';
import type { NewLiveEvent } from '../../db/queries/live-events.js';
import { cluePhotos, type CluePhotoRow } from '../../db/queries/photos.js';
import { cityWide, type Queryable, type Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { isAdmin, requireWriter, scopeOf } from './access.js';
import { audited } from './audit.js';
import { workCalendar } from './calendar.js';
import type { Deps } from './deps.js';
import { conflict, forbidden, notFound, ServiceError, unprocessable } from './errors.js';
import { announce, notifyLiveEvents, type LiveEventDeps } from './live-event-outbox.js';
import { matrixInForce } from './responsibility-matrix.js';

export type ClueLoopDeps = Pick<Deps, 'database' | 'now' | 'calendar'> & LiveEventDeps;

/** Who registers a clue: a signed-in user, or the public 随手拍 page (no account, city-wide, source 随手拍). */
export type IntakeActor = UserRow | 'public';

/** A report time this far ahead of the server clock is a client clock error, not a future event. */
const CLOCK_SKEW_MS = 5 * MINUTE_MS;

export interface LoadedClue {
  row: ClueDetailRow;
  loop: ClueLoopRow;
  photos: CluePhotoRow[];
}

async function loadClue(q: Queryable, scope: Scope, id: number, now: Date, forUpdate = false): Promise<LoadedClue> {
  const row = await clueById(q, { scope, id, now, forUpdate });
  if (!row) throw notFound(`clue ${id}`);
  return { row, loop: (await clueLoopColumns(q, id))!, photos: await cluePhotos(q, id) };
}

const loopState = ({ row, loop }: LoadedClue): LoopState => ({
  status: row.properties.status,
  paused: loop.pausedAt !== null,
  extensionPending: loop.extensionDays !== null,
  merged: loop.parentId !== null,
});

const isOpen = (status: ClueStatus) => !terminalClueStatuses.includes(status);

/** The detail as the API answers it: the phone masked unless the reader is an administrator. */
export function clueLoopDetail(calendar: WorkCalendar, now: Date, reader: IntakeActor, clue: LoadedClue): ClueLoopDetail {
  const { row, loop } = clue;
  const p = row.properties;
  const seesPhone = reader !== 'public' && isAdmin(reader);
  const running = isOpen(p.status) && p.dueAt !== null && loop.pausedAt === null && loop.parentId === null;
  const escalation = running ? escalationOf(calendar, new Date(p.dueAt!), now) : null;
  return clueLoopDetailSchema.parse({
    type: 'Feature',
    id: row.id,
    geometry: row.geometry,
    properties: {
      ...p,
      nextStatuses: nextClueStatuses(p.status),
      kind: loop.kind,
      callerPhone: loop.callerPhone === null ? null : seesPhone ? loop.callerPhone : maskPhone(loop.callerPhone),
      phoneMasked: loop.callerPhone !== null && !seesPhone,
      externalId: loop.externalId,
      attachments: loop.attachments,
      photos: clue.photos,
      leadDepartment: loop.leadDepartment,
      coDepartments: loop.coDepartments,
      matrixRuleId: loop.matrixRuleId,
      matrixVersion: loop.matrixVersion,
      dispatchReason: loop.dispatchReason,
      whistle: loop.whistle,
      dispatchedAt: loop.dispatchedAt,
      paused: loop.pausedAt !== null,
      pausedAt: loop.pausedAt,
      extensionRequest:
        loop.extensionDays === null
          ? null
          : { workingDays: loop.extensionDays, reason: loop.extensionReason ?? '', requestedAt: loop.extensionRequestedAt ?? '', requestedBy: loop.extensionRequestedBy ?? '' },
      parentId: loop.parentId,
      childIds: loop.childIds,
      reopenCount: loop.reopenCount,
      verification:
        loop.verificationEvidence === null ? null : { evidence: loop.verificationEvidence, result: loop.verificationResult ?? '', verifiedAt: loop.verifiedAt ?? '' },
      handlingResult: loop.handlingResult,
      closingResult: loop.closingResult,
      publicFeedback: loop.publicFeedback,
      escalation: escalation && { ...escalation, notify: [...escalation.notify] },
      nextSteps: allowedClueSteps(loopState(clue)),
      checkInId: loop.checkInId,
    },
  });
}

/** The record kept in the audit log: the clue's own fields and its loop columns, without what is derived at read time. */
export function clueAuditRecord({ row, loop }: LoadedClue) {
  const { overdue: _o, districtName: _d, gridCellCode: _g, institutionName: _i, ...own } = row.properties;
  const { childIds: _c, ...columns } = loop;
  return { ...own, ...columns, geometry: row.geometry };
}

export async function getClueLoop(deps: ClueLoopDeps, user: UserRow, id: number): Promise<ClueLoopDetail> {
  const now = deps.now();
  const clue = await loadClue(deps.database, scopeOf(user), id, now);
  return clueLoopDetail(await workCalendar(deps), now, user, clue);
}

/** The 办理时限 of a clue of `kind` received at `receivedAt`: working days on the calendar with the entered schedules. */
export const deadlineOf = (calendar: WorkCalendar, kind: keyof typeof CLUE_DEADLINE_WORKING_DAYS, receivedAt: Date): Date =>
  workingDayDeadline(calendar, receivedAt, CLUE_DEADLINE_WORKING_DAYS[kind]);

/** The live event of a new clue, written by whoever audits its creation. */
export type ClueCreatedEvent = NewLiveEvent & Extract<LiveEventDraft, { kind: 'clue.created' }>;

/** What a clue is registered with: the desk's form, a 随手拍 report, or a co-signed check-in's finding (its id kept). */
export type NewClueInput = Omit<ClueIntakeBody, 'source'> & { source: ClueSource; checkInId?: number };

/**
 * The one way a clue enters the loop: its point checked and placed (district and grid cell, within the scope's
 * district), its institution in that district, its attachments stored, its deadline by kind in working days from its
 * report. The caller audits it (`clue.create`) and announces `event` in the same transaction.
 */
export async function insertPlacedClue(tx: Queryable, p: { scope: Scope; calendar: WorkCalendar; now: Date; input: NewClueInput }): Promise<{ clue: LoadedClue; event: ClueCreatedEvent }> {
  const { input, scope } = p;
  const place = await placePoint(tx, input.geometry);
  if (place.geometryType !== 'POINT') throw unprocessable('geometry', `a clue's geometry must be a Point, not ${place.geometryType}`);
  if (!place.valid) throw unprocessable('geometry', `invalid geometry: ${place.reason}`, { reason: place.reason });
  if (!place.districtCode) throw unprocessable('geometry', 'the point lies outside every district', { coordinates: input.geometry.coordinates });
  if (scope.districtCode !== null && place.districtCode !== scope.districtCode)
    throw forbidden(`this account may register clues in district ${scope.districtCode} only; the point lies in ${place.districtCode}`);
  if (input.institutionId !== undefined && !(await institutionInDistrict(tx, { id: input.institutionId, districtCode: place.districtCode })))
    throw unprocessable('institutionId', `institution ${input.institutionId} does not exist in district ${place.districtCode}`);
  const stored = await storedPhotoIds(tx, input.attachments);
  const missing = input.attachments.findIndex((a) => !stored.has(a));
  if (missing >= 0) throw unprocessable(`attachments.${missing}`, `no stored photo ${input.attachments[missing]}: upload it first`);
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
    dueAt: deadlineOf(p.calendar, input.kind, input.reportedAt),
    kind: input.kind,
    callerPhone: input.callerPhone ?? null,
    attachments: input.attachments,
    checkInId: input.checkInId ?? null,
  });
  const clue = await loadClue(tx, cityWide, id, p.now);
  const { districtCode, source, suspectedType, status, reportedAt, dueAt } = clue.row.properties;
  return {
    clue,
    event: { kind: 'clue.created', at: p.now, districtCode, campaignId: null, payload: { clueId: id, districtCode, source, suspectedType, status, reportedAt, dueAt } },
  };
}

/**
 * 登记: a clue from the desk's form (12345, a grid worker's patrol report, the media, a transfer) or the public 随手拍
 * page (actor 'public': source 随手拍, any district, audited as `public`).
 */
export async function intakeClue(deps: ClueLoopDeps, actor: IntakeActor, input: NewClueInput, photos: readonly NewClueReportPhoto[] = []): Promise<ClueLoopDetail> {
  if (actor !== 'public') requireWriter(actor);
  if (actor === 'public' && input.source !== '随手拍') throw unprocessable('source', 'a public report comes through 随手拍');
  const scope = actor === 'public' ? cityWide : scopeOf(actor);
  const now = deps.now();
  if (input.reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw unprocessable('reportedAt', 'lies in the future');
  const calendar = await workCalendar(deps);
  const { result } = await audited(deps, { actor: actor === 'public' ? 'public' : actor.username, action: 'clue.create', entity: 'clue' }, async (tx) => {
    const placed = await insertPlacedClue(tx, { scope, calendar, now, input });
    let clue = placed.clue;
    if (photos.length > 0) {
      await insertClueAttachments(tx, clue.row.id, photos);
      // The photos belong to the clue's detail: read it again once they are in.
      clue = await loadClue(tx, cityWide, clue.row.id, now);
    }
    await announce(tx, now, placed.event);
    const record = clueAuditRecord(clue);
    return { entityId: String(clue.row.id), before: null, after: photos.length > 0 ? { ...record, photos: photos.map((p) => p.sha256) } : record, result: clue };
  });
  notifyLiveEvents(deps);
  return clueLoopDetail(calendar, now, actor, result);
}

// ——— the steps ———

interface StepContext<S extends ClueStep> {
  tx: Queryable;
  user: UserRow;
  now: Date;
  calendar: WorkCalendar;
  scope: Scope;
  clue: LoadedClue;
  body: ClueStepBody<S>;
}

interface StepOutcome {
  patch: ClueLoopPatch;
  /** What the audit entry and the timeline say besides the columns (the reason, the decision). */
  note?: Record<string, unknown>;
  /** Runs after the clue's own update, in the same transaction (closing the merged clues). */
  after?: (tx: Queryable) => Promise<void>;
}

type StepRule<S extends ClueStep> = (ctx: StepContext<S>) => Promise<StepOutcome> | StepOutcome;

/** A refusal of the clue's state: 409 with the words of the rule, on the step's field when it has one. */
const stateConflict = (message: string, path = 'status', details: Record<string, unknown> = {}) => conflict(message, { ...details, issues: [{ path, message }] });

function refuseStep(step: ClueStep, clue: LoadedClue): void {
  const state = loopState(clue);
  const refusal = clueStepRefusal(state, step);
  if (refusal === null) return;
  // Closing without a verification is refused in the words of 核查结案.
  const words = step === 'close' && !state.merged && clue.row.properties.status !== 'closed' ? (closingProblem(null) ?? refusal) : refusal;
  throw stateConflict(words, 'status', { status: clue.row.properties.status, allowed: allowedClueSteps(state) });
}

async function runStep<S extends ClueStep>(deps: ClueLoopDeps, user: UserRow, id: number, step: S, body: ClueStepBody<S>, rule: StepRule<S>): Promise<ClueLoopDetail> {
  requireWriter(user);
  const scope = scopeOf(user);
  const now = deps.now();
  const calendar = await workCalendar(deps);
  const { result } = await audited(deps, { actor: user.username, action: `clue.${step}`, entity: 'clue' }, async (tx) => {
    const before = await loadClue(tx, scope, id, now, true);
    refuseStep(step, before);
    const outcome = await rule({ tx, user, now, calendar, scope, clue: before, body });
    await updateClueLoop(tx, id, outcome.patch);
    await outcome.after?.(tx);
    const after = await loadClue(tx, scope, id, now);
    const { districtCode, status } = after.row.properties;
    const from = before.row.properties.status;
    if (from !== status) await announce(tx, now, { kind: 'clue.status', districtCode, campaignId: null, payload: { clueId: id, districtCode, from, to: status } });
    await announce(tx, now, {
      kind: 'clue.step',
      districtCode,
      campaignId: null,
      payload: { clueId: id, districtCode, step, status, dueAt: after.row.properties.dueAt, leadDepartment: after.loop.leadDepartment },
    });
    return { entityId: String(id), before: clueAuditRecord(before), after: { ...clueAuditRecord(after), ...outcome.note }, result: after };
  });
  notifyLiveEvents(deps);
  return clueLoopDetail(calendar, now, user, result);
}

const noteOf = (note: string | undefined) => (note ? { note } : {});
const dueOf = (clue: LoadedClue) => new Date(clue.row.properties.dueAt ?? clue.row.properties.reportedAt);

/** The columns of a dispatch undone (退单): the clue goes back to the grid centre without a lead. */
const undispatched: ClueLoopPatch = {
  leadDepartment: null,
  coDepartments: [],
  matrixRuleId: null,
  matrixVersion: null,
  dispatchReason: null,
  whistle: false,
  dispatchedAt: null,
  pausedAt: null,
  extensionDays: null,
  extensionReason: null,
  extensionRequestedAt: null,
  extensionRequestedBy: null,
};

async function dispatchPatch(tx: Queryable, clue: LoadedClue, body: ClueStepBody<'dispatch'>, now: Date): Promise<StepOutcome> {
  if (body.lead !== undefined) {
    const known = await departmentNames(tx);
    const co = body.co ?? [];
    const unknownAt = [body.lead, ...co].findIndex((d) => !known.has(d));
    if (unknownAt >= 0) throw unprocessable(unknownAt === 0 ? 'lead' : `co.${unknownAt - 1}`, `unknown department ${[body.lead, ...co][unknownAt]}`);
    return {
      patch: { status: 'dispatched', leadDepartment: body.lead, coDepartments: co, matrixRuleId: null, matrixVersion: null, dispatchReason: body.reason!, whistle: 1 + co.length >= WHISTLE_DEPARTMENTS, dispatchedAt: now },
      note: { override: true, reason: body.reason, ...noteOf(body.note) },
    };
  }
  const matrix = await matrixInForce(tx);
  const institutionId = clue.row.properties.institutionId;
  const category = institutionId === null ? null : ((await institutionCategoryOf(tx, institutionId)) as InstitutionCategory | null);
  const d = dispatchByMatrix(matrix.rules, { suspectedType: clue.row.properties.suspectedType, institutionCategory: category });
  return {
    patch: { status: 'dispatched', leadDepartment: d.lead, coDepartments: d.co, matrixRuleId: d.ruleId, matrixVersion: matrix.version, dispatchReason: d.reason, whistle: d.whistle, dispatchedAt: now },
    note: { reason: d.reason, ...noteOf(body.note) },
  };
}

/** 核查 evidence checked against what is stored: a photo by its id. */
async function checkEvidence(tx: Queryable, evidence: readonly Evidence[]): Promise<void> {
  const photos = evidence.filter((e) => e.kind === 'photo').map((e) => e.ref);
  const stored = await storedPhotoIds(tx, photos);
  const missing = evidence.findIndex((e) => e.kind === 'photo' && !stored.has(e.ref));
  if (missing >= 0) throw unprocessable(`evidence.${missing}.ref`, `no stored photo ${evidence[missing].ref}`);
}

/** Closes the clues merged into a closing parent with its result and feedback, one audit entry each. */
function closeChildren(ctx: StepContext<'close'>, result: string): (tx: Queryable) => Promise<void> {
  return async (tx) => {
    for (const childId of await childClueIds(tx, ctx.clue.row.id)) {
      const before = await loadClue(tx, cityWide, childId, ctx.now);
      if (!isOpen(before.row.properties.status)) continue;
      await updateClueLoop(tx, childId, { status: 'closed', closedAt: ctx.now, closingResult: result, publicFeedback: ctx.clue.loop.publicFeedback, pausedAt: null });
      const after = await loadClue(tx, cityWide, childId, ctx.now);
      await appendAudit(tx, {
        at: ctx.now,
        actor: ctx.user.username,
        action: 'clue.close',
        entity: 'clue',
        entityId: String(childId),
        before: clueAuditRecord(before),
        after: { ...clueAuditRecord(after), closedWithParent: ctx.clue.row.id },
      });
      const districtCode = after.row.properties.districtCode;
      await announce(tx, ctx.now, { kind: 'clue.status', districtCode, campaignId: null, payload: { clueId: childId, districtCode, from: before.row.properties.status, to: 'closed' } });
    }
  };
}

const rules: { [S in ClueStep]: StepRule<S> } = {
  register: ({ body }) => ({ patch: { status: 'registered' }, note: noteOf(body.note) }),
  dispatch: ({ tx, clue, body, now }) => dispatchPatch(tx, clue, body, now),
  send_back: ({ calendar, clue, body, now }) => {
    const problem = sendBackProblem(calendar, new Date(clue.loop.dispatchedAt ?? clue.row.properties.reportedAt), now, body.reason);
    if (problem) throw stateConflict(problem, 'reason');
    return { patch: { status: 'registered', ...undispatched }, note: { reason: body.reason, sentBackBy: clue.loop.leadDepartment } };
  },
  accept: ({ body }) => ({ patch: { status: 'handling' }, note: noteOf(body.note) }),
  extend_request: ({ calendar, clue, body, now, user }) => {
    const problem = extensionProblem(calendar, dueOf(clue), now, body.workingDays);
    if (problem) throw stateConflict(problem, 'workingDays');
    return { patch: { extensionDays: body.workingDays, extensionReason: body.reason, extensionRequestedAt: now, extensionRequestedBy: user.username }, note: { reason: body.reason, workingDays: body.workingDays } };
  },
  extend_decide: ({ calendar, clue, body }) => {
    const days = clue.loop.extensionDays!;
    const cleared = { extensionDays: null, extensionReason: null, extensionRequestedAt: null, extensionRequestedBy: null };
    const dueAt = body.approve ? extendedDeadline(calendar, dueOf(clue), days) : undefined;
    return { patch: { ...cleared, dueAt }, note: { approved: body.approve, workingDays: days, ...noteOf(body.note) } };
  },
  pause: ({ now, body }) => ({ patch: { pausedAt: now }, note: { reason: body.reason } }),
  resume: ({ calendar, clue, now, body }) => ({
    patch: { pausedAt: null, dueAt: resumedDeadline(calendar, dueOf(clue), new Date(clue.loop.pausedAt!), now) },
    note: { pausedAt: clue.loop.pausedAt, ...noteOf(body.note) },
  }),
  feedback: ({ body }) => ({ patch: { status: 'feedback', handlingResult: body.result, publicFeedback: body.publicFeedback }, note: { result: body.result } }),
  verify: async ({ tx, body, now }) => {
    const problem = closingProblem({ evidence: body.evidence, result: body.result });
    if (problem) throw unprocessable(body.evidence.length === 0 ? 'evidence' : 'result', problem);
    await checkEvidence(tx, body.evidence);
    return { patch: { status: 'verified', verificationEvidence: body.evidence, verificationResult: body.result, verifiedAt: now }, note: { result: body.result } };
  },
  close: (ctx) => {
    const { clue, body, now } = ctx;
    const verification = clue.loop.verificationEvidence === null ? null : { evidence: clue.loop.verificationEvidence, result: clue.loop.verificationResult ?? '' };
    const problem = closingProblem(verification);
    if (problem) throw stateConflict(problem);
    return { patch: { status: 'closed', closedAt: now, closingResult: body.result }, note: { result: body.result }, after: closeChildren(ctx, body.result) };
  },
  reopen: ({ calendar, clue, body, now }) => ({
    patch: {
      status: 'handling',
      closedAt: null,
      reopenCount: clue.loop.reopenCount + 1,
      dueAt: deadlineOf(calendar, clue.loop.kind, now),
      verificationEvidence: null,
      verificationResult: null,
      verifiedAt: null,
      closingResult: null,
    },
    note: { reason: body.reason },
  }),
  merge: async ({ tx, scope, clue, body, now }) => {
    const id = clue.row.id;
    if (body.parentId === id) throw unprocessable('parentId', 'a clue is not merged into itself');
    const parent = await loadClue(tx, scope, body.parentId, now, true).catch((e: unknown) => {
      throw e instanceof ServiceError && e.code === 'not_found' ? unprocessable('parentId', `clue ${body.parentId} not found`) : e;
    });
    if (parent.loop.parentId !== null) throw unprocessable('parentId', `clue ${body.parentId} is itself merged into clue ${parent.loop.parentId}: merge into that one`);
    if (!isOpen(parent.row.properties.status)) throw unprocessable('parentId', `clue ${body.parentId} is ${parent.row.properties.status}: merge into an open clue`);
    if (parent.row.properties.districtCode !== clue.row.properties.districtCode) throw unprocessable('parentId', `clue ${body.parentId} lies in another district`);
    if (clue.loop.childIds.length > 0) throw stateConflict(`clue ${id} has clues merged into it (${clue.loop.childIds.join(', ')}): merge the other way round`, 'parentId');
    return { patch: { parentId: body.parentId, pausedAt: null }, note: { parentId: body.parentId, ...noteOf(body.note) } };
  },
  reject: ({ now, body }) => ({ patch: { status: 'rejected', closedAt: now, closingResult: body.reason, pausedAt: null }, note: { reason: body.reason } }),
};

/** One step of the loop on clue `id`: checked, written with its audit entry (`clue.<step>`), announced. */
export function clueStep<S extends ClueStep>(deps: ClueLoopDeps, user: UserRow, id: number, step: S, body: ClueStepBody<S>): Promise<ClueLoopDetail> {
  return runStep(deps, user, id, step, body, rules[step]);
}

/** Several registered clues dispatched by the matrix, each in its own transaction and audit entry; per clue, done or why not. */
export async function dispatchClues(deps: ClueLoopDeps, user: UserRow, body: { ids: number[]; note?: string }) {
  requireWriter(user);
  const results = [];
  for (const id of body.ids) {
    try {
      const detail = await clueStep(deps, user, id, 'dispatch', { note: body.note });
      results.push({ id, ok: true, leadDepartment: detail.properties.leadDepartment, error: null });
    } catch (error) {
      if (error instanceof ServiceError) results.push({ id, ok: false, leadDepartment: null, error: { code: error.code, message: error.message } });
      else if (error instanceof DomainInputError) results.push({ id, ok: false, leadDepartment: null, error: { code: 'unprocessable', message: error.message } });
      else throw error;
    }
  }
  return { results };
}
