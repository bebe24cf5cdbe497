// The default patrol shifts of each day type and the rules of a campaign's own times: one definition for the
// campaign's form (web, which checks as the user types) and the planning kernel (server/planning/campaign-shifts.ts).
// Issues carry codes so that the form says them in its language.
import type { InputIssue } from './errors.js';
import { formatClock, isClock, parseClock } from './time.js';
import { campaignDayTypes, type CampaignDayType } from './vocabulary.js';

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

/** A patrol shorter than an hour is not worth the journey. */
export const MIN_SHIFT_SECONDS = 3600;

/** More shifts a day than this is a typing error, not a plan. */
export const MAX_SHIFTS_PER_DAY_TYPE = 4;


function shiftTimeIssues(shifts: unknown, path: string): InputIssue[] {
  if (!Array.isArray(shifts)) return [{ path, message: 'expected a list of { start, end } (HH:MM)', code: 'shift_list' }];
  if (shifts.length > MAX_SHIFTS_PER_DAY_TYPE) return [{ path, message: `at most ${MAX_SHIFTS_PER_DAY_TYPE} shifts a day`, code: 'shift_count' }];
  const issues: InputIssue[] = [];
  const parsed: { index: number; start: number; end: number }[] = [];
  shifts.forEach((shift: Partial<ShiftTime> | null, index) => {
    const at = `${path}[${index}]`;
    const clock = (field: 'start' | 'end'): number | null => {
      const text = shift?.[field];
      if (isClock(text)) return parseClock(text, `${at}.${field}`);
      issues.push({ path: `${at}.${field}`, message: `not a time of day HH:MM (00:00–23:59): ${JSON.stringify(text)}`, code: 'shift_clock' });
      return null;
    };
    const start = clock('start');
    const end = clock('end');
    if (start === null || end === null) return;
    if (end <= start) issues.push({ path: `${at}.end`, message: `must be after the start (${formatClock(start)}); a shift ends on the day it starts`, code: 'shift_order' });
    else if (end - start < MIN_SHIFT_SECONDS) issues.push({ path: `${at}.end`, message: `the shift ${formatClock(start)}–${formatClock(end)} must last at least one hour`, code: 'shift_length' });
    else parsed.push({ index, start, end });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let k = 1; k < parsed.length; k++) {
    const [before, after] = [parsed[k - 1], parsed[k]];
    if (after.start < before.end)
      issues.push({
        path: `${path}[${after.index}].start`,
        message: `overlaps shift ${before.index + 1} (${formatClock(before.start)}–${formatClock(before.end)}) of the same day`,
        code: 'shift_overlap',
      });
  }
  return issues;
}

/** Every problem of a campaign's overrides, each naming its field (`overrides.weekend[1].end`). */
export function shiftOverrideIssues(overrides: CampaignShiftOverrides, field = 'overrides'): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [dayType, shifts] of Object.entries(overrides)) {
    if (!(campaignDayTypes as readonly string[]).includes(dayType)) {
      issues.push({ path: `${field}.${dayType}`, message: `unknown day type; expected one of ${campaignDayTypes.join(', ')}`, code: 'shift_day_type' });
      continue;
    }
    if (shifts !== undefined) issues.push(...shiftTimeIssues(shifts, `${field}.${dayType}`));
  }
  return issues;
}

