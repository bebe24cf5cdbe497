import { describe, expect, test } from 'vitest';
import {
  addDays,
  calendarDaysBetween,
  countInDayWindow,
  dateFromParts,
  datesInRange,
  dayOfWeek,
  daysBetween,
  daysInclusive,
  formatClock,
  isIsoDate,
  isWeekend,
  parseClock,
  shanghaiDate,
  shanghaiDayRange,
  shanghaiInstant,
  shanghaiMidnight,
  shanghaiParts,
} from '../../../server/domain/time.js';
import { stepCount, stepStarts } from '../../../server/domain/time-steps.js';
import { fixedClock } from '../../../server/domain/clock.js';

describe('Shanghai calendar time', () => {
  test('the Shanghai date of an instant is UTC + 8 h', () => {
    expect(shanghaiDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(shanghaiDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
    expect(shanghaiParts(new Date('2026-11-20T17:30:00Z'))).toMatchObject({ year: 2026, month: 11, day: 21, weekday: 6, secondOfDay: 5400 });
  });

  test('midnight, day ranges and times of day in Shanghai', () => {
    expect(shanghaiMidnight('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghaiInstant('2026-11-23', 18 * 3600).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    const range = shanghaiDayRange('2026-11-01', '2026-11-30');
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
  });

  test('date arithmetic across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysInclusive('2026-11-01', '2026-11-01')).toBe(1);
    expect(datesInRange('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(datesInRange('2026-03-02', '2026-03-01')).toEqual([]);
    expect(dateFromParts(2026, 13, 1)).toBe('2027-01-01');
  });

  test('weekdays: 2026-11-21 is a Saturday, 2026-11-23 a Monday', () => {
    expect(dayOfWeek('2026-11-21')).toBe(6);
    expect(isWeekend('2026-11-22')).toBe(true);
    expect(isWeekend('2026-11-23')).toBe(false);
    expect(dayOfWeek('1970-01-01')).toBe(4);
  });

  test('calendar days count Shanghai dates, not 24-hour spans', () => {
    // 23:50 and 00:10 the next day in Shanghai are one day apart.
    expect(calendarDaysBetween(new Date('2026-11-20T15:50:00Z'), new Date('2026-11-20T16:10:00Z'))).toBe(1);
    expect(calendarDaysBetween('2026-11-01', new Date('2026-11-01T15:00:00Z'))).toBe(0);
    const asOf = '2026-06-01';
    // The window of 90 days ending on asOf: 2026-03-04 is in (day 89), 2026-03-03 out (day 90), later dates out.
    expect(countInDayWindow(['2026-03-04', '2026-03-03', '2026-06-01', '2026-06-02'], asOf, 90)).toBe(2);
  });

  test('bad dates and clocks are refused with the field named', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => addDays('21/11/2026', 1)).toThrow(/date: not a calendar date YYYY-MM-DD/);
    expect(() => parseClock('24:00', 'shift.end')).toThrow(/shift\.end: not a time of day/);
    expect(parseClock('17:30', 'x')).toBe(63000);
    expect(formatClock(63000)).toBe('17:30');
  });

  test('a fixed clock stands still; an invalid one is refused', () => {
    const clock = fixedClock('2026-11-01T00:00:00Z');
    expect(clock().toISOString()).toBe(clock().toISOString());
    expect(() => fixedClock('not a time')).toThrow(/valid instant/);
  });
});

describe('time steps', () => {
  const from = new Date('2026-01-01T00:00:00+08:00');
  test('days and weeks count from `from`; months are Shanghai calendar months', () => {
    expect(stepCount(from, new Date('2026-01-15T00:00:00+08:00'), 'week')).toBe(2);
    expect(stepCount(from, new Date('2026-01-15T00:00:01+08:00'), 'week')).toBe(3);
    expect(stepCount(from, new Date('2026-04-01T00:00:00+08:00'), 'month')).toBe(3);
    expect(stepStarts(from, 3, 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(stepStarts(from, 2, 'week')).toEqual(['2026-01-01', '2026-01-08']);
  });

  test('an empty range holds no step', () => {
    expect(() => stepCount(from, from, 'day')).toThrow(/to: the time range holds no step/);
  });
});
