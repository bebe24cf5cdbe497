// Patrol shifts of a campaign (专项行动) from the day types: patrols go out when tutoring runs, after school on school
// days and all day, in two shifts with a midday break, when schools are closed. A campaign may change the times of a
// day type (its overrides), e.g. a later evening shift in the summer vacation.

import type { CampaignDay } from '../domain/campaign-days.js';
import { formatClock, parseClock, shanghaiInstant, shanghaiIsoString, type IsoDate } from '../domain/time.js';
import { campaignDayTypes, type CampaignDayType } from '../domain/vocabulary.js';
import { DEFAULT_CAMPAIGN_SHIFTS, shiftOverrideIssues, type CampaignShiftOverrides, type CampaignShiftPattern } from '../domain/campaign-shift-times.js';
import { PlanningInputError } from './errors.js';
import { mealBreakOf, type ShiftBreak, type ShiftInput } from './shift.js';

export { DEFAULT_CAMPAIGN_SHIFTS, MAX_SHIFTS_PER_DAY_TYPE, shiftOverrideIssues, type CampaignShiftOverrides, type CampaignShiftPattern, type ShiftTime } from '../domain/campaign-shift-times.js';

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
