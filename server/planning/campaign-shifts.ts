// Patrol shifts of a campaign (专项行动) from the day types: patrols go out when tutoring runs, after school on school
// days and all day, in two shifts with a midday break, when schools are closed. A campaign may change the times of a
// day type (its overrides), e.g. a later evening shift in the summer vacation.

import type { CampaignDay } from '../domain/campaign-days.js';
import type { InputIssue } from '../domain/errors.js';
import { formatClock, isClock, parseClock, shanghaiInstant, shanghaiIsoString, type IsoDate } from '../domain/time.js';
import { campaignDayTypes, type CampaignDayType } from '../domain/vocabulary.js';
import { PlanningInputError } from './errors.js';
import { mealBreakOf, MIN_SHIFT_SECONDS, type ShiftBreak, type ShiftInput } from './shift.js';

/** One shift of a day, as clock times "HH:MM" in Shanghai. */
export interface ShiftTime {
  start: string;
  end: string;
}

/** The shifts of each day type, in the order of the day. */
export type CampaignShiftPattern = Record<CampaignDayType, readonly ShiftTime[]>;

/** A campaign's changes: the shifts of a day type replace the default ones; an empty list means no patrol that day. */
export type CampaignShiftOverrides = Partial<Record<CampaignDayType, readonly ShiftTime[]>>;

const EVENING: readonly ShiftTime[] = [{ start: '17:30', end: '21:00' }];
const ALL_DAY: readonly ShiftTime[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '21:00' },
];

/**
 * School days and make-up working days outside the vacations (schools hold classes then): 17:30–21:00, after school.
 * Weekends, holidays and vacation days: 08:30–12:00 and 13:30–21:00.
 */
export const DEFAULT_CAMPAIGN_SHIFTS: CampaignShiftPattern = {
  school_day: EVENING,
  makeup_workday: EVENING,
  weekend: ALL_DAY,
  holiday: ALL_DAY,
  vacation_day: ALL_DAY,
};

/** More shifts a day than this is a typing error, not a plan. */
export const MAX_SHIFTS_PER_DAY_TYPE = 4;

export interface CampaignShift {
  date: IsoDate;
  /** `${date}#${n}`: the n-th shift of the day, from 1; stable for a given pattern. */
  shiftId: string;
  /** ISO 8601 instants with Shanghai's offset, e.g. 2026-07-01T08:30:00+08:00. */
  start: string;
  end: string;
  dayType: CampaignDayType;
  /** Seconds after midnight of `date`, as the patrol planner's Shift counts. */
  startSeconds: number;
  endSeconds: number;
  mealBreak: ShiftBreak | null;
}

function shiftTimeIssues(shifts: unknown, path: string): InputIssue[] {
  if (!Array.isArray(shifts)) return [{ path, message: 'expected a list of { start, end } (HH:MM)' }];
  if (shifts.length > MAX_SHIFTS_PER_DAY_TYPE) return [{ path, message: `at most ${MAX_SHIFTS_PER_DAY_TYPE} shifts a day` }];
  const issues: InputIssue[] = [];
  const parsed: { index: number; start: number; end: number }[] = [];
  shifts.forEach((shift: Partial<ShiftTime> | null, index) => {
    const at = `${path}[${index}]`;
    const clock = (field: 'start' | 'end'): number | null => {
      const text = shift?.[field];
      if (isClock(text)) return parseClock(text, `${at}.${field}`);
      issues.push({ path: `${at}.${field}`, message: `not a time of day HH:MM (00:00–23:59): ${JSON.stringify(text)}` });
      return null;
    };
    const start = clock('start');
    const end = clock('end');
    if (start === null || end === null) return;
    if (end <= start) issues.push({ path: `${at}.end`, message: `must be after the start (${formatClock(start)}); a shift ends on the day it starts` });
    else if (end - start < MIN_SHIFT_SECONDS) issues.push({ path: `${at}.end`, message: `the shift ${formatClock(start)}–${formatClock(end)} must last at least one hour` });
    else parsed.push({ index, start, end });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let k = 1; k < parsed.length; k++) {
    const [before, after] = [parsed[k - 1], parsed[k]];
    if (after.start < before.end)
      issues.push({
        path: `${path}[${after.index}].start`,
        message: `overlaps shift ${before.index + 1} (${formatClock(before.start)}–${formatClock(before.end)}) of the same day`,
      });
  }
  return issues;
}

/** Every problem of a campaign's overrides, each naming its field (`overrides.weekend[1].end`). */
export function shiftOverrideIssues(overrides: CampaignShiftOverrides, field = 'overrides'): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [dayType, shifts] of Object.entries(overrides)) {
    if (!(campaignDayTypes as readonly string[]).includes(dayType)) {
      issues.push({ path: `${field}.${dayType}`, message: `unknown day type; expected one of ${campaignDayTypes.join(', ')}` });
      continue;
    }
    if (shifts !== undefined) issues.push(...shiftTimeIssues(shifts, `${field}.${dayType}`));
  }
  return issues;
}

export function validateShiftOverrides(overrides: CampaignShiftOverrides, field = 'overrides'): void {
  const issues = shiftOverrideIssues(overrides, field);
  if (issues.length) throw new PlanningInputError(issues);
}

/** The shifts of every day type once a campaign's overrides apply (validated), each day's in clock order. */
export function shiftPattern(overrides: CampaignShiftOverrides = {}): CampaignShiftPattern {
  validateShiftOverrides(overrides);
  const pattern = { ...DEFAULT_CAMPAIGN_SHIFTS };
  for (const dayType of campaignDayTypes) {
    const shifts = overrides[dayType];
    if (shifts) pattern[dayType] = [...shifts].sort((a, b) => parseClock(a.start, 'start') - parseClock(b.start, 'start'));
  }
  return pattern;
}

/** The shifts of the days (campaignCalendarDays' output, or any { date, type }), in date and clock order. */
export function campaignShifts(days: readonly Pick<CampaignDay, 'date' | 'type'>[], overrides: CampaignShiftOverrides = {}): CampaignShift[] {
  const pattern = shiftPattern(overrides);
  return days.flatMap((day) =>
    pattern[day.type].map((time, k) => {
      const startSeconds = parseClock(time.start, 'start');
      const endSeconds = parseClock(time.end, 'end');
      return {
        date: day.date,
        shiftId: `${day.date}#${k + 1}`,
        start: shanghaiIsoString(shanghaiInstant(day.date, startSeconds)),
        end: shanghaiIsoString(shanghaiInstant(day.date, endSeconds)),
        dayType: day.type,
        startSeconds,
        endSeconds,
        mealBreak: mealBreakOf(startSeconds, endSeconds),
      };
    }),
  );
}

/** A campaign shift as the patrol planner's shift input (planPatrol / resolveShift). */
export const toShiftInput = (shift: Pick<CampaignShift, 'startSeconds' | 'endSeconds'>): ShiftInput => ({
  kind: 'custom',
  start: formatClock(shift.startSeconds),
  end: formatClock(shift.endSeconds),
});
