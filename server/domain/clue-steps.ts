import type { WorkCalendar } from './calendar.js';
import { DomainInputError } from './errors.js';
import { shanghaiDate, shanghaiMidnight } from './time.js';

// The clue loop's explicit steps beside its statuses: 退单 (a department sends a clue back), 延期 (asks for more time),
// 等待补充 (the clock pauses while the clue waits for the reporter), 重办 (redone when the reporter is not satisfied) and
// 核查结案 (closed only with evidence that it was handled). Each rule is a function of the calendar and instants.

/** A department may send a clue back (退单) within this many working days of its dispatch, with a reason. */
export const SEND_BACK_WORKING_DAYS = 2;

/** Whether a clue dispatched at `dispatchedAt` may still be sent back at `now`: until 24:00 of the 2nd working day after. */
export function sendBackProblem(calendar: WorkCalendar, dispatchedAt: Date, now: Date, reason: string): string | null {
  if (reason.trim().length < 4) return 'a clue is sent back with its reason (at least 4 characters)';
  const last = shanghaiMidnight(calendar.addWorkingDays(shanghaiDate(dispatchedAt), SEND_BACK_WORKING_DAYS));
  return now.getTime() < last.getTime() + 86_400_000 ? null : `too late to send back: a clue is sent back within ${SEND_BACK_WORKING_DAYS} working days of its dispatch`;
}

/**
 * Whether an extension (延期) may be asked for at `now`: up to one working day before the deadline, i.e. before the
 * deadline's last working day begins. Asked later, the department answers for the delay instead.
 */
export function extensionProblem(calendar: WorkCalendar, dueAt: Date, now: Date, workingDays: number): string | null {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30) return 'an extension is 1 to 30 working days';
  const lastDay = shanghaiDate(new Date(dueAt.getTime() - 1));
  const cutoff = shanghaiMidnight(lastDay);
  return now.getTime() < cutoff.getTime() ? null : 'too late: an extension is asked for at least one working day before the deadline';
}

/** The deadline after an approved extension of `workingDays`: that many more working days after the old deadline's day. */
export function extendedDeadline(calendar: WorkCalendar, dueAt: Date, workingDays: number): Date {
  const lastDay = shanghaiDate(new Date(dueAt.getTime() - 1));
  return new Date(shanghaiMidnight(calendar.addWorkingDays(lastDay, workingDays)).getTime() + 86_400_000);
}

/**
 * The deadline once a pause (waiting for the reporter) ends: moved on by the working days the pause took, counted as
 * the deadline counts (the day the pause began not counted, the day it ended counted), so a pause within one day
 * moves nothing.
 */
export function resumedDeadline(calendar: WorkCalendar, dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  if (resumedAt.getTime() < pausedAt.getTime()) throw new DomainInputError([{ path: 'resumedAt', message: 'a pause ends after it begins' }]);
  const paused = calendar.workingDaysBetween(shanghaiDate(pausedAt), shanghaiDate(resumedAt));
  return paused === 0 ? dueAt : extendedDeadline(calendar, dueAt, paused);
}

export const evidenceKinds = ['check_in', 'photo', 'document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export interface Evidence {
  kind: EvidenceKind;
  /** The check-in's or photo's id, or the document's reference (文号). */
  ref: string;
}

/** 核查结案: a clue is closed only on a verification with evidence, so "closed" means handled, not merely answered. */
export function closingProblem(verification: { evidence: readonly Evidence[]; result: string } | null): string | null {
  if (!verification) return 'a clue is closed after its verification (核查)';
  if (verification.evidence.length === 0) return 'the verification needs evidence: a check-in, a photo or a document';
  if (verification.evidence.some((e) => !evidenceKinds.includes(e.kind) || e.ref.trim() === '')) return 'each piece of evidence names its kind and its reference';
  if (verification.result.trim().length < 4) return 'the verification states its result (at least 4 characters)';
  return null;
}
