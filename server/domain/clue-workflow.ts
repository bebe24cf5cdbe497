import { daysAfter } from './time.js';
import { clueStatuses, type ClueSource, type ClueStatus } from './vocabulary.js';

/**
 * 线索闭环: received → registered → dispatched → handling → feedback → verified → closed.
 * A clue may be rejected (不予受理 / 查无实据) until the handling department has fed back.
 */
const forward: Record<ClueStatus, ClueStatus | null> = {
  received: 'registered',
  registered: 'dispatched',
  dispatched: 'handling',
  handling: 'feedback',
  feedback: 'verified',
  verified: 'closed',
  closed: null,
  rejected: null,
};

const rejectableFrom: ReadonlySet<ClueStatus> = new Set(['received', 'registered', 'dispatched', 'handling']);

export const terminalClueStatuses: readonly ClueStatus[] = ['closed', 'rejected'];
export const openClueStatuses: readonly ClueStatus[] = clueStatuses.filter((s) => !terminalClueStatuses.includes(s));

export function nextClueStatuses(from: ClueStatus): ClueStatus[] {
  const next: ClueStatus[] = [];
  const step = forward[from];
  if (step) next.push(step);
  if (rejectableFrom.has(from)) next.push('rejected');
  return next;
}

export function canTransitionClue(from: ClueStatus, to: ClueStatus): boolean {
  return nextClueStatuses(from).includes(to);
}

/** Why a transition is refused, in words a clerk understands; null when it is allowed. */
export function clueTransitionError(from: ClueStatus, to: ClueStatus): string | null {
  if (canTransitionClue(from, to)) return null;
  if (terminalClueStatuses.includes(from)) return `clue is already ${from}; no further status change is possible`;
  const allowed = nextClueStatuses(from);
  return `cannot move a clue from ${from} to ${to}; allowed next: ${allowed.join(', ')}`;
}

/**
 * The demo data's 办理时限 in calendar days after the report, by channel (the media and grid patrols fastest, the
 * national platform longest; a campaign's finding as a grid patrol's). Only the seed uses it, to age its synthetic clues; a clue registered through the API
 * is due by its kind in working days (CLUE_DEADLINE_WORKING_DAYS, server/domain/clue-deadline.ts).
 */
export const CLUE_HANDLING_DAYS: Readonly<Record<ClueSource, number>> = { '12345': 7, 随手拍: 7, platform: 15, grid_patrol: 5, media: 3, transfer: 10, campaign: 5 };

/** When a demo clue reported at `reportedAt` through `source` is due (the seed's rule). */
export const clueDueAt = (source: ClueSource, reportedAt: Date): Date => daysAfter(reportedAt, CLUE_HANDLING_DAYS[source]);
