import type { WorkCalendar } from './calendar.js';
import { DomainInputError } from './errors.js';
import { addDays, shanghaiDate, shanghaiMidnight } from './time.js';

/**
 * 办理时限 in working days. The day of receipt does not count (期间开始之日不计算在内): a deadline of n working days
 * ends at 24:00 Asia/Shanghai of the n-th working day after the day the clue was received, official holidays and 调休
 * make-up working days as the calendar has them. n = 0 is the same day's 24:00 (urgent cases).
 */
export function workingDayDeadline(calendar: WorkCalendar, receivedAt: Date, workingDays: number): Date {
  if (Number.isNaN(receivedAt.getTime())) throw new DomainInputError([{ path: 'from', message: 'not an instant' }]);
  const lastDay = calendar.addWorkingDays(shanghaiDate(receivedAt), workingDays);
  return shanghaiMidnight(addDays(lastDay, 1));
}

/**
 * The working days a clue has by kind (urgent the same day, consultations 5, complaints 15), the defaults of the
 * 12345 hotline's practice; configurable per deployment.
 */
export const CLUE_DEADLINE_WORKING_DAYS = { urgent: 0, consultation: 5, complaint: 15 } as const;
export type ClueDeadlineKind = keyof typeof CLUE_DEADLINE_WORKING_DAYS;
