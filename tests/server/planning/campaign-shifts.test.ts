import { describe, expect, test } from 'vitest';
import { nationalCalendar } from '../../../server/domain/calendar.js';
import { campaignCalendarDays } from '../../../server/domain/campaign-days.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../../server/domain/school-vacation-defaults.js';
import {
  campaignShifts,
  DEFAULT_CAMPAIGN_SHIFTS,
  MEAL_BREAK_SECONDS,
  resolveShift,
  shiftOverrideIssues,
  shiftPattern,
  toShiftInput,
} from '../../../server/planning/index.js';

const days = (from: string, to: string) => campaignCalendarDays({ from, to }, nationalCalendar, SHANGHAI_SCHOOL_VACATION_DEFAULTS);

describe('campaign shifts from the day types', () => {
  test('a school day has the evening shift, 17:30–21:00 Shanghai time', () => {
    expect(campaignShifts(days('2026-03-03', '2026-03-03'))).toEqual([
      {
        date: '2026-03-03',
        shiftId: '2026-03-03#1',
        start: '2026-03-03T17:30:00+08:00',
        end: '2026-03-03T21:00:00+08:00',
        dayType: 'school_day',
        startSeconds: 17.5 * 3600,
        endSeconds: 21 * 3600,
        mealBreak: null,
      },
    ]);
  });

  test('weekends, holidays and vacation days have two shifts, 08:30–12:00 and 13:30–21:00', () => {
    // Sat 2026-02-07 (vacation), Tue 2026-02-17 (春节), Sun 2026-03-08 (weekend).
    for (const date of ['2026-02-07', '2026-02-17', '2026-03-08']) {
      const shifts = campaignShifts(days(date, date));
      expect(shifts.map((s) => [s.shiftId, s.start, s.end])).toEqual([
        [`${date}#1`, `${date}T08:30:00+08:00`, `${date}T12:00:00+08:00`],
        [`${date}#2`, `${date}T13:30:00+08:00`, `${date}T21:00:00+08:00`],
      ]);
      // The 7.5-hour shift gets a meal break, the morning one does not.
      expect(shifts[0].mealBreak).toBeNull();
      expect(shifts[1].mealBreak?.durationSeconds).toBe(MEAL_BREAK_SECONDS);
    }
  });

  test('a make-up working day outside the vacations follows the school day', () => {
    expect(campaignShifts(days('2026-02-28', '2026-02-28')).map((s) => [s.dayType, s.start])).toEqual([['makeup_workday', '2026-02-28T17:30:00+08:00']]);
  });

  test('the instants are Shanghai times: 17:30 +08:00 is 09:30 UTC', () => {
    const [shift] = campaignShifts(days('2026-03-03', '2026-03-03'));
    expect(new Date(shift.start).toISOString()).toBe('2026-03-03T09:30:00.000Z');
  });

  test('a campaign’s overrides replace a day type’s shifts; an empty list means no patrol', () => {
    const week = days('2026-07-06', '2026-07-12'); // all in the summer vacation
    const overrides = { vacation_day: [{ start: '14:00', end: '22:00' }], holiday: [] };
    const shifts = campaignShifts(week, overrides);
    expect(shifts).toHaveLength(7);
    expect(new Set(shifts.map((s) => s.start.slice(11)))).toEqual(new Set(['14:00:00+08:00']));
    expect(campaignShifts(days('2026-10-01', '2026-10-03'), overrides)).toEqual([]);
    // Overrides are sorted into clock order.
    expect(shiftPattern({ weekend: [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' }] }).weekend.map((s) => s.start)).toEqual(['08:00', '13:00']);
    expect(shiftPattern().school_day).toBe(DEFAULT_CAMPAIGN_SHIFTS.school_day);
  });

  test('a campaign shift goes to the patrol planner as a custom shift', () => {
    const [, afternoon] = campaignShifts(days('2026-03-08', '2026-03-08'));
    const input = toShiftInput(afternoon);
    expect(input).toEqual({ kind: 'custom', start: '13:30', end: '21:00' });
    expect(resolveShift(input, afternoon.date)).toMatchObject({ startSeconds: afternoon.startSeconds, endSeconds: afternoon.endSeconds, mealBreak: afternoon.mealBreak });
  });
});

describe('override validation', () => {
  test('start before end, within the day, at least an hour, no overlap: each error names its field', () => {
    expect(
      shiftOverrideIssues({
        school_day: [{ start: '21:00', end: '17:30' }],
        weekend: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '15:00' },
        ],
        holiday: [{ start: '09:00', end: '24:00' }],
        vacation_day: [{ start: '9:00', end: '12:00' }, { start: '13:00', end: '13:30' }],
      }),
    ).toEqual([
      { path: 'overrides.school_day[0].end', message: 'must be after the start (21:00); a shift ends on the day it starts', code: 'shift_order' },
      { path: 'overrides.weekend[1].start', message: 'overlaps shift 1 (08:00–12:00) of the same day', code: 'shift_overlap' },
      { path: 'overrides.holiday[0].end', message: 'not a time of day HH:MM (00:00–23:59): "24:00"', code: 'shift_clock' },
      { path: 'overrides.vacation_day[0].start', message: 'not a time of day HH:MM (00:00–23:59): "9:00"', code: 'shift_clock' },
      { path: 'overrides.vacation_day[1].end', message: 'the shift 13:00–13:30 must last at least one hour', code: 'shift_length' },
    ]);
  });

  test('shifts that touch do not overlap; unknown day types and too many shifts are refused', () => {
    expect(shiftOverrideIssues({ weekend: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] })).toEqual([]);
    expect(shiftOverrideIssues({ workday: [] } as never)).toEqual([
      { path: 'overrides.workday', message: 'unknown day type; expected one of school_day, weekend, holiday, vacation_day, makeup_workday', code: 'shift_day_type' },
    ]);
    const five = Array.from({ length: 5 }, (_, k) => ({ start: `0${k}:00`, end: `0${k + 1}:00` }));
    expect(shiftOverrideIssues({ weekend: five })).toEqual([{ path: 'overrides.weekend', message: 'at most 4 shifts a day', code: 'shift_count' }]);
    expect(() => campaignShifts(days('2026-03-08', '2026-03-08'), { weekend: [{ start: '12:00', end: '11:00' }] })).toThrow(
      'cannot plan the patrol: overrides.weekend[0].end: must be after the start (12:00)',
    );
  });
});
