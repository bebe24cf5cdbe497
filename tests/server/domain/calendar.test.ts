import { describe, expect, test } from 'vitest';
import { createWorkCalendar, nationalCalendar, publishedSchedules, type HolidaySchedule } from '../../../server/domain/calendar.js';

describe('the national working calendar', () => {
  test('knows the published years, from chinese-days', () => {
    const years = nationalCalendar.officialYears();
    expect(years[0]).toBeLessThanOrEqual(2010);
    expect(years).toContain(2026);
    expect(nationalCalendar.coverage(2026)).toBe('official');
  });

  test('2026 Spring Festival: 15–23 February off, Saturday 14 and Saturday 28 February worked (调休)', () => {
    for (const date of ['2026-02-15', '2026-02-18', '2026-02-23']) {
      expect(nationalCalendar.day(date)).toMatchObject({ kind: 'holiday', working: false, holiday: '春节', coverage: 'official' });
    }
    expect(nationalCalendar.day('2026-02-14')).toMatchObject({ kind: 'makeup_workday', working: true, holiday: '春节' });
    expect(nationalCalendar.day('2026-02-28')).toMatchObject({ kind: 'makeup_workday', working: true });
    expect(nationalCalendar.day('2026-02-24')).toMatchObject({ kind: 'workday', working: true });
    expect(nationalCalendar.day('2026-03-01')).toMatchObject({ kind: 'weekend', working: false });
  });

  test('National Day 2026: 1–7 October off, Saturday 10 October worked', () => {
    expect(nationalCalendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(nationalCalendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(nationalCalendar.day('2026-10-10').kind).toBe('makeup_workday');
  });

  test('working days skip holidays and weekends and count make-up days; the first day does not count', () => {
    // Received Friday 2026-09-25 (a holiday in 2026: Mid-Autumn), 3 working days: Mon 28, Tue 29, Wed 30 September.
    expect(nationalCalendar.addWorkingDays('2026-09-25', 3)).toBe('2026-09-30');
    // From Friday 2026-02-13, 1 working day is Saturday 14 February (make-up day).
    expect(nationalCalendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(nationalCalendar.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(nationalCalendar.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
  });

  test('a year without a published schedule falls back to weekends and fixed-date holidays, and says so', () => {
    expect(nationalCalendar.coverage(2027)).toBe('fallback');
    expect(nationalCalendar.day('2027-01-01')).toMatchObject({ kind: 'holiday', holiday: '元旦', coverage: 'fallback' });
    expect(nationalCalendar.day('2027-10-03')).toMatchObject({ kind: 'holiday', holiday: '国庆节' });
    expect(nationalCalendar.day('2027-02-06')).toMatchObject({ kind: 'weekend', coverage: 'fallback' });
    expect(nationalCalendar.day('2027-02-08')).toMatchObject({ kind: 'workday', coverage: 'fallback' });
  });

  test('an entered schedule replaces the fallback of its year and is used for working days', () => {
    const entered: HolidaySchedule = {
      year: 2027,
      holidays: { '2027-02-08': '春节', '2027-02-09': '春节' },
      makeupWorkdays: { '2027-02-06': '春节' },
      source: 'entered',
    };
    const calendar = nationalCalendar.withSchedules([entered]);
    expect(calendar.coverage(2027)).toBe('official');
    expect(calendar.sourceOf(2027)).toBe('entered');
    expect(calendar.day('2027-02-08').kind).toBe('holiday');
    expect(calendar.day('2027-02-06').kind).toBe('makeup_workday');
    // 1 January is not in the entered schedule, so it is an ordinary Friday now.
    expect(calendar.day('2027-01-01').kind).toBe('workday');
    expect(calendar.addWorkingDays('2027-02-05', 1)).toBe('2027-02-06');
    expect(nationalCalendar.coverage(2027)).toBe('fallback');
  });

  test('bad schedules and inputs are refused with the field named', () => {
    expect(() => createWorkCalendar([{ year: 2027, holidays: { '2026-12-31': 'x' }, makeupWorkdays: {}, source: 't' }])).toThrow(/holidays\.2026-12-31: lies outside 2027/);
    expect(() => createWorkCalendar([{ year: 2027, holidays: { '2027-02-30': 'x' }, makeupWorkdays: {}, source: 't' }])).toThrow(/not a calendar date/);
    expect(() => createWorkCalendar([{ year: 2027, holidays: { '2027-02-08': 'x' }, makeupWorkdays: { '2027-02-08': 'x' }, source: 't' }])).toThrow(/also listed as a holiday/);
    expect(() => nationalCalendar.addWorkingDays('2026-11-23', -1)).toThrow(/workingDays/);
    expect(() => nationalCalendar.day('2026-11-31')).toThrow(/date: not a calendar date/);
  });

  test('every published make-up working day is a weekend day, and no holiday is also a working day', () => {
    for (const schedule of publishedSchedules()) {
      for (const date of Object.keys(schedule.makeupWorkdays)) expect(nationalCalendar.day(date).working, date).toBe(true);
      for (const date of Object.keys(schedule.holidays)) expect(nationalCalendar.day(date).working, date).toBe(false);
    }
  });
});
