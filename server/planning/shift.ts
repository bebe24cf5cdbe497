import { isWeekend, parseClock, requireIsoDate } from '../domain/time.js';
import { PlanningInputError } from './errors.js';
import { MIN_SHIFT_SECONDS } from '../domain/campaign-shift-times.js';

export { formatClock, parseClock } from '../domain/time.js';

/**
 * Patrol shifts. Joint patrols of off-campus tutoring run when tutoring runs: weekday evenings after school and
 * weekend days. Times are seconds after midnight of the patrol date, Shanghai time (UTC+8, no daylight saving).
 */
export type ShiftKind = 'weekday_evening' | 'weekend_day' | 'custom';

export interface ShiftInput {
  kind: ShiftKind;
  /** "HH:MM"; required for custom, overrides the preset otherwise. */
  start?: string;
  end?: string;
}

export interface ShiftBreak {
  /** Earliest and latest start, seconds after midnight. */
  window: [number, number];
  durationSeconds: number;
}

export interface Shift {
  kind: ShiftKind;
  startSeconds: number;
  endSeconds: number;
  /** A meal break for shifts longer than five hours. */
  mealBreak: ShiftBreak | null;
}

const HOUR = 3600;

export const SHIFT_PRESETS: Record<Exclude<ShiftKind, 'custom'>, { start: string; end: string; weekend: boolean }> = {
  weekday_evening: { start: '18:00', end: '21:00', weekend: false },
  weekend_day: { start: '09:00', end: '17:00', weekend: true },
};

/** A patrol shorter than this is not worth the team's travel. */
export { MIN_SHIFT_SECONDS };

/** Shifts longer than this get a meal break (Labour Law practice: a break within a long working period). */
export const MEAL_BREAK_AFTER_SECONDS = 5 * HOUR;
export const MEAL_BREAK_SECONDS = 45 * 60;

/**
 * Resolves a shift on a date. A weekday preset on a Saturday or Sunday (or the reverse) is refused: the
 * presets mean what they say. Statutory holiday swaps (调休) are not known here; use a custom shift then.
 */
export function resolveShift(input: ShiftInput, date: string): Shift {
  const weekend = isWeekend(requireIsoDate(date));
  let start: string | undefined = input.start;
  let end: string | undefined = input.end;
  if (input.kind !== 'custom') {
    const preset = SHIFT_PRESETS[input.kind];
    if (preset.weekend !== weekend) {
      throw new PlanningInputError([
        { path: 'shift.kind', message: `${input.kind} does not fit ${date}, a ${weekend ? 'weekend day' : 'weekday'}` },
      ]);
    }
    start ??= preset.start;
    end ??= preset.end;
  }
  if (start === undefined || end === undefined) {
    throw new PlanningInputError([{ path: 'shift', message: 'a custom shift needs start and end (HH:MM)' }]);
  }
  const startSeconds = parseClock(start, 'shift.start');
  const endSeconds = parseClock(end, 'shift.end');
  if (endSeconds - startSeconds < MIN_SHIFT_SECONDS) {
    throw new PlanningInputError([{ path: 'shift.end', message: `the shift ${start}–${end} must last at least one hour` }]);
  }
  return { kind: input.kind, startSeconds, endSeconds, mealBreak: mealBreakOf(startSeconds, endSeconds) };
}

/** The meal break of a shift (seconds after midnight): around its middle when it lasts over five hours, else none. */
export function mealBreakOf(startSeconds: number, endSeconds: number): ShiftBreak | null {
  const length = endSeconds - startSeconds;
  const middle = startSeconds + length / 2;
  return length > MEAL_BREAK_AFTER_SECONDS ? { window: [middle - HOUR, middle + HOUR - MEAL_BREAK_SECONDS], durationSeconds: MEAL_BREAK_SECONDS } : null;
}
