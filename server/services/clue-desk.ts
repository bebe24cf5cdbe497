// What the clue desk reads beside one clue's detail: the queue, the duplicates of a clue, its timeline from the audit
// log, the public tracking view, the metrics; and the escalation scan that announces reminders and 督办.
import type { ClueMetricsAnswer, ClueMetricsQuery, ClueQueue, ClueQueueQuery, ClueTimeline, DuplicateCandidates } from '../contract/clue-loop.js';
import { duplicateCandidates, DEFAULT_DEDUP_OPTIONS } from '../analytics/clue-dedup/index.js';
import { clueMetrics } from '../analytics/clue-metrics/index.js';
import { escalationOf } from '../domain/clue-escalation.js';
import { addDays, DAY_MS, HOUR_MS, shanghaiDate, shanghaiMidnight } from '../domain/time.js';
import type { ClueStatus } from '../domain/vocabulary.js';
import { listAudit } from '../../db/queries/audit.js';
import { clueOutcomes, clueQueue, cluesNear, escalationCandidates, type NearbyClueRow } from '../../db/queries/clue-loop.js';
import { clueById } from '../../db/queries/clues.js';
import { lockLiveEvents } from '../../db/queries/live-events.js';
import { inTransaction } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { scopedTo, scopeOf } from './access.js';
import { workCalendar } from './calendar.js';
import { getClueLoop, type ClueLoopDeps } from './clue-loop.js';
import { notFound } from './errors.js';
import { announce, notifyLiveEvents } from './live-event-outbox.js';

/** The desk's queue: open clues of the scope (merged ones left out), filtered, by due time, one page. */
export async function clueQueuePage(deps: ClueLoopDeps, user: UserRow, query: ClueQueueQuery): Promise<ClueQueue> {
  const now = deps.now();
  const { scope, district } = scopedTo(user, query.district);
  const windowEnd: Record<string, Date> = {
    today: shanghaiMidnight(addDays(shanghaiDate(now), 1)),
    '3d': new Date(now.getTime() + 3 * DAY_MS),
    '7d': new Date(now.getTime() + 7 * DAY_MS),
  };
  const page = await clueQueue(deps.database, {
    scope,
    district,
    status: query.status,
    source: query.source,
    kind: query.kind,
    department: query.department,
    dueBy: query.due && query.due !== 'overdue' ? windowEnd[query.due] : undefined,
    overdueAt: query.due === 'overdue' ? now : undefined,
    includeClosed: query.includeClosed,
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
    now,
  });
  const calendar = await workCalendar(deps);
  return {
    total: page.total,
    items: page.items.map((item) => {
      const running = item.dueAt !== null && !item.paused && item.status !== 'closed' && item.status !== 'rejected';
      const e = running ? escalationOf(calendar, new Date(item.dueAt!), now) : null;
      return { ...item, escalation: e && { ...e, notify: [...e.notify] } };
    }),
  };
}

const dedupClue = (r: NearbyClueRow) => ({
  id: r.id,
  lon: r.lon,
  lat: r.lat,
  reportedAtMs: Date.parse(r.reportedAt),
  category: r.suspectedType,
  text: `${r.address} ${r.description}`,
  institutionId: r.institutionId,
});

/** The clues that may report the same case as clue `id`: those within 100 m and 30 days (or naming its institution), with reasons. */
export async function clueDuplicates(deps: ClueLoopDeps, user: UserRow, id: number): Promise<DuplicateCandidates> {
  const rows = await cluesNear(deps.database, { scope: scopeOf(user), id, radiusMetres: DEFAULT_DEDUP_OPTIONS.radiusMetres, windowDays: DEFAULT_DEDUP_OPTIONS.windowDays });
  const [subject, ...others] = rows;
  if (!subject || subject.id !== id || !(await clueById(deps.database, { scope: scopeOf(user), id, now: deps.now() }))) throw notFound(`clue ${id}`);
  const byId = new Map(others.map((r) => [r.id, r]));
  const candidates = duplicateCandidates(dedupClue(subject), others.map(dedupClue));
  return {
    clueId: id,
    candidates: candidates.map((c) => {
      const r = byId.get(c.id as number)!;
      return { ...c, id: r.id, reasons: c.reasons.map((reason) => ({ ...reason })), status: r.status, address: r.address, reportedAt: r.reportedAt, parentId: r.parentId };
    }),
  };
}

const stepOfAction = (action: string) => (action === 'clue.create' ? 'create' : action.replace(/^clue\./, ''));
const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

async function clueAuditEntries(deps: ClueLoopDeps, id: number) {
  const { entries } = await listAudit(deps.database, { entity: 'clue', entityId: String(id), limit: 1000 });
  return entries.reverse();
}

/** Every step of a clue from the audit log, oldest first: who, when, what, the note or reason given. */
export async function clueTimeline(deps: ClueLoopDeps, user: UserRow, id: number): Promise<ClueTimeline> {
  await getClueLoop(deps, user, id);
  const entries = await clueAuditEntries(deps, id);
  return {
    clueId: id,
    entries: entries.map((e) => {
      const after = (e.after ?? {}) as Record<string, unknown>;
      return {
        id: e.id,
        at: e.at,
        action: e.action,
        step: stepOfAction(e.action),
        actor: e.actor,
        actorName: e.actorName,
        status: (textOf(after.status) as ClueStatus | null) ?? null,
        note: textOf(after.note) ?? textOf(after.reason) ?? textOf(after.result) ?? null,
      };
    }),
  };
}

/** The metrics of the clues received in a period, per lead department or district, in the user's scope. */
export async function clueLoopMetrics(deps: ClueLoopDeps, user: UserRow, query: ClueMetricsQuery): Promise<ClueMetricsAnswer> {
  const { scope, district } = scopedTo(user, query.district);
  const rows = await clueOutcomes(deps.database, { scope, district, from: shanghaiMidnight(query.from), to: shanghaiMidnight(addDays(query.to, 1)) });
  const outcomes = rows.map((r) => ({
    group: query.groupBy === 'district' ? r.districtCode : (r.leadDepartment ?? 'undispatched'),
    receivedAt: r.reportedAt,
    dueAt: r.dueAt,
    closedAt: r.closedAt,
    open: r.open,
    becameCase: r.becameCase,
    redone: r.reopenCount,
  }));
  return { from: query.from, to: query.to, groupBy: query.groupBy, groups: clueMetrics(outcomes, deps.now()) };
}

/** Clues looked at per scan, at most; the rest wait for the next one. */
const ESCALATION_SCAN_LIMIT = 2000;
/** A deadline passed longer ago than this is not looked at again (its district level was announced long before). */
const ESCALATION_HORIZON_MS = 60 * DAY_MS;

/**
 * 临期提醒 and 督办: announces each running clue's escalation level (reminder, overdue, supervised, district) once per
 * level and deadline, as a `clue.escalated` event naming who is told. Under the outbox lock, so two processes
 * scanning at once announce a level once; the outbox is the record, so nothing else is written.
 */
export async function announceClueEscalations(deps: ClueLoopDeps): Promise<number> {
  const now = deps.now();
  const calendar = await workCalendar(deps);
  const announced = await inTransaction(deps.database, async (tx) => {
    await lockLiveEvents(tx);
    const candidates = await escalationCandidates(tx, { dueBefore: new Date(now.getTime() + 24 * HOUR_MS), since: new Date(now.getTime() - ESCALATION_HORIZON_MS), limit: ESCALATION_SCAN_LIMIT });
    let count = 0;
    for (const c of candidates) {
      const e = escalationOf(calendar, new Date(c.dueAt), now);
      if (e.level === 'none' || c.announced.includes(e.level)) continue;
      await announce(tx, now, {
        kind: 'clue.escalated',
        districtCode: c.districtCode,
        campaignId: null,
        payload: { clueId: c.clueId, districtCode: c.districtCode, level: e.level, workingDaysOverdue: e.workingDaysOverdue, notify: [...e.notify], dueAt: c.dueAt, leadDepartment: c.leadDepartment },
      });
      count++;
    }
    return count;
  });
  if (announced > 0) notifyLiveEvents(deps);
  return announced;
}

