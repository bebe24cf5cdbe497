import { describe, expect, test } from 'vitest';
import { nationalCalendar, type HolidaySchedule } from '../../../server/domain/calendar.js';
import { campaignCalendarSources, campaignDay, campaignCalendarDays, MAX_CAMPAIGN_CALENDAR_DAYS } from '../../../server/domain/campaign-days.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../../server/domain/school-vacation-defaults.js';
import type { SchoolVacation } from '../../../server/domain/school-vacations.js';

const vacations = SHANGHAI_SCHOOL_VACATION_DEFAULTS;
const typeOf = (date: string, v: readonly SchoolVacation[] = vacations, calendar = nationalCalendar) => campaignDay(date, calendar, v).type;

describe('campaign day types', () => {
  test('ordinary days: a term weekday is a school day, Saturday and Sunday are weekends', () => {
    expect(campaignDay('2026-03-03', nationalCalendar, vacations)).toEqual({
      date: '2026-03-03',
      type: 'school_day',
      holidayName: null,
      coverage: 'official',
      makeupWorkday: false,
      vacation: null,
      weekday: 2,
    });
    expect(typeOf('2026-03-07')).toBe('weekend');
    expect(typeOf('2026-03-08')).toBe('weekend');
  });

  test('a holiday inside the winter vacation is a holiday, and keeps the vacation it lies in', () => {
    // 2026 春节 15–23 February lies in Shanghai's 寒假 2–27 February.
    expect(campaignDay('2026-02-17', nationalCalendar, vacations)).toMatchObject({ type: 'holiday', holidayName: '春节', vacation: 'winter', coverage: 'official' });
    expect(typeOf('2026-02-23')).toBe('holiday');
  });

  test('other vacation days, weekends among them, are vacation days', () => {
    expect(campaignDay('2026-02-02', nationalCalendar, vacations)).toMatchObject({ type: 'vacation_day', vacation: 'winter', holidayName: null });
    expect(typeOf('2026-02-07')).toBe('vacation_day'); // a Saturday
    expect(typeOf('2026-02-27')).toBe('vacation_day'); // the last day
    expect(typeOf('2026-07-15')).toBe('vacation_day');
    expect(campaignDay('2026-08-31', nationalCalendar, vacations).vacation).toBe('summer');
  });

  test('a make-up working day inside a vacation is a vacation day with the make-up flag', () => {
    // Saturday 14 February 2026 is worked in lieu for 春节, during the winter vacation: schools stay closed.
    expect(campaignDay('2026-02-14', nationalCalendar, vacations)).toMatchObject({
      type: 'vacation_day',
      makeupWorkday: true,
      holidayName: '春节',
      vacation: 'winter',
    });
  });

  test('a make-up working day outside the vacations is a make-up working day (classes are held)', () => {
    // Saturday 28 February 2026, the day after the vacation, and Sunday 4 January 2026 (元旦).
    expect(campaignDay('2026-02-28', nationalCalendar, vacations)).toMatchObject({ type: 'makeup_workday', makeupWorkday: true, holidayName: '春节', vacation: null });
    expect(typeOf('2026-01-04')).toBe('makeup_workday');
  });

  test('the weekend around the vacation is a weekend: the vacation starts on the configured day', () => {
    expect(typeOf('2026-01-31')).toBe('weekend');
    expect(typeOf('2026-03-01')).toBe('weekend');
    expect(typeOf('2026-01-30')).toBe('school_day');
  });

  test('without the vacations the same days are school days and weekends', () => {
    expect(typeOf('2026-02-02', [])).toBe('school_day');
    expect(typeOf('2026-02-14', [])).toBe('makeup_workday');
    expect(typeOf('2026-02-17', [])).toBe('holiday');
  });

  test('2027 is not covered by the published data: every day says fallback, fixed-date holidays still count', () => {
    const days = campaignCalendarDays({ from: '2026-12-31', to: '2027-01-03' }, nationalCalendar, vacations);
    expect(days.map((d) => [d.date, d.type, d.coverage])).toEqual([
      ['2026-12-31', 'school_day', 'official'],
      ['2027-01-01', 'holiday', 'fallback'],
      ['2027-01-02', 'weekend', 'fallback'],
      ['2027-01-03', 'weekend', 'fallback'],
    ]);
    expect(days[1].holidayName).toBe('元旦');
    // The 2027 Spring Festival is not a fixed date: on the fallback it shows only as a vacation day.
    expect(campaignDay('2027-02-08', nationalCalendar, vacations)).toMatchObject({ type: 'vacation_day', coverage: 'fallback', holidayName: null });
  });

  test('an entered 2027 schedule turns the fallback into official days', () => {
    const entered: HolidaySchedule = { year: 2027, holidays: { '2027-02-06': '春节', '2027-02-08': '春节' }, makeupWorkdays: { '2027-02-20': '春节' }, source: 'test' };
    const calendar = nationalCalendar.withSchedules([entered]);
    expect(campaignDay('2027-02-08', calendar, vacations)).toMatchObject({ type: 'holiday', holidayName: '春节', coverage: 'official' });
    expect(campaignDay('2027-02-20', calendar, vacations)).toMatchObject({ type: 'vacation_day', makeupWorkday: true });
    expect(campaignDay('2027-03-06', calendar, vacations)).toMatchObject({ type: 'weekend', coverage: 'official' });
  });

  test('ranges: both ends included, bad or too long ranges name the field', () => {
    expect(campaignCalendarDays({ from: '2026-07-01', to: '2026-07-01' }, nationalCalendar, vacations)).toHaveLength(1);
    expect(campaignCalendarDays({ from: '2026-01-01', to: '2026-12-31' }, nationalCalendar, vacations)).toHaveLength(365);
    expect(() => campaignCalendarDays({ from: '2026-07-02', to: '2026-07-01' }, nationalCalendar, vacations)).toThrow('to: lies before from (2026-07-02)');
    expect(() => campaignCalendarDays({ from: '2026-02-30', to: '2026-03-01' }, nationalCalendar, vacations)).toThrow(/^from: not a calendar date/);
    expect(() => campaignCalendarDays({ from: '2026-01-01', to: '2028-01-03' }, nationalCalendar, vacations)).toThrow(`longer than ${MAX_CAMPAIGN_CALENDAR_DAYS} days`);
  });
});

describe('the sources of a range', () => {
  test('name each calendar year and its coverage, the vacations in the range and the missing ones', () => {
    const sources = campaignCalendarSources({ from: '2026-12-01', to: '2027-09-30' }, nationalCalendar, vacations);
    expect(sources.national).toEqual([
      { year: 2026, coverage: 'official', source: 'chinese-days' },
      { year: 2027, coverage: 'fallback', source: null },
    ]);
    expect(sources.vacations.map((v) => `${v.schoolYear}/${v.kind}`)).toEqual(['2026/winter', '2026/summer']);
    // September 2027 opens 2027学年, whose vacations fall later: nothing is missing yet.
    expect(sources.missingVacations).toEqual([]);
  });

  test('a school year without configured vacations is reported', () => {
    const sources = campaignCalendarSources({ from: '2027-12-20', to: '2028-07-10' }, nationalCalendar, vacations);
    expect(sources.missingVacations).toEqual([
      { schoolYear: 2027, kind: 'winter' },
      { schoolYear: 2027, kind: 'summer' },
    ]);
    expect(sources.vacations).toEqual([]);
  });
});
