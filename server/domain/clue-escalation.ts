import type { WorkCalendar } from './calendar.js';
import { shanghaiDate } from './time.js';

// 督办: how far a clue is from or past its 办理时限, and who is told. Overdue clues climb in levels counted in working
// days past the deadline, so a long weekend does not escalate a case nobody could have worked on.

export type EscalationLevel = 'none' | 'reminder' | 'overdue' | 'supervised' | 'district';

export interface Escalation {
  level: EscalationLevel;
  /** Whole working days past the deadline (0 before it and on the day it passed). */
  workingDaysOverdue: number;
  /** Who is told at this level, in the order they are told. */
  notify: readonly string[];
}

/** Who each level tells: the handler first, then up the line (经办人 → 承办部门负责人 → 区教育局分管领导 → 区政府督查室). */
export const ESCALATION_NOTIFY: Readonly<Record<EscalationLevel, readonly string[]>> = {
  none: [],
  reminder: ['handler'],
  overdue: ['handler', 'department_head', 'grid_centre'],
  supervised: ['handler', 'department_head', 'grid_centre', 'bureau_leader'],
  district: ['handler', 'department_head', 'grid_centre', 'bureau_leader', 'district_supervision'],
};

/** Working days overdue from which a case is 督办 by the bureau's leader, and by the district's supervision office. */
export const SUPERVISED_AFTER_WORKING_DAYS = 2;
export const DISTRICT_AFTER_WORKING_DAYS = 5;
/** A reminder goes out when less than this is left before the deadline. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

/** The escalation of an open clue due at `dueAt`, at `now`. Closed clues are not escalated: the caller asks for open ones. */
export function escalationOf(calendar: WorkCalendar, dueAt: Date, now: Date): Escalation {
  const left = dueAt.getTime() - now.getTime();
  if (left > REMINDER_BEFORE_MS) return { level: 'none', workingDaysOverdue: 0, notify: ESCALATION_NOTIFY.none };
  if (left > 0) return { level: 'reminder', workingDaysOverdue: 0, notify: ESCALATION_NOTIFY.reminder };
  // The deadline is 24:00 of its last day: the working days after that day up to today, today included.
  const lastDay = shanghaiDate(new Date(dueAt.getTime() - 1));
  const overdue = calendar.workingDaysBetween(lastDay, shanghaiDate(now));
  const level: EscalationLevel = overdue >= DISTRICT_AFTER_WORKING_DAYS ? 'district' : overdue >= SUPERVISED_AFTER_WORKING_DAYS ? 'supervised' : 'overdue';
  return { level, workingDaysOverdue: overdue, notify: ESCALATION_NOTIFY[level] };
}
