// The national working calendar: which days are working days, with the official holidays (法定节假日) and the
// make-up working days (调休上班) of each year as the State Council publishes them (国务院办公厅 holiday notice).
// Published years come from the `chinese-days` data; a year it does not cover yet falls back to weekends and the
// fixed-date holidays of the 全国年节及纪念日放假办法 (元旦 1 Jan, 劳动节 1–2 May, 国庆节 1–3 Oct), and says so,
// until an administrator enters that year's official schedule (see `withSchedules`).

import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { DomainInputError, type InputIssue } from './errors.js';
import { addDays, isIsoDate, isWeekend, type IsoDate } from './time.js';
import type { HolidayDayKind } from './vocabulary.js';

/** How a day counts: a working day, a weekend day, an official holiday, or a weekend day worked in lieu (调休). */
export type NationalDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** One year's official schedule: the days off and the weekend days that are worked instead. */
export interface HolidaySchedule {
  year: number;
  /** Date → holiday name (e.g. 春节), every day off of the holidays including the weekend days inside them. */
  holidays: Record<IsoDate, string>;
  /** Date → the holiday it makes up for (调休上班). */
  makeupWorkdays: Record<IsoDate, string>;
  /** Where the schedule comes from, e.g. "chinese-days 1.5.7" or "国办发明电〔2026〕x号, entered by admin". */
  source: string;
}

export type CalendarCoverage = 'official' | 'fallback';

export interface DayInfo {
  date: IsoDate;
  kind: NationalDayKind;
  working: boolean;
  /** The holiday's name on holidays and make-up working days. */
  holiday: string | null;
  coverage: CalendarCoverage;
}

export interface WorkCalendar {
  day(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** Whether the year's official schedule is known, or only the fallback (weekends and fixed-date holidays). */
  coverage(year: number): CalendarCoverage;
  /** The years with an official schedule, ascending. */
  officialYears(): number[];
  /** The source of a year's schedule, or null for the fallback. */
  sourceOf(year: number): string | null;
  /** A year's official schedule, or null when the year is on the fallback. */
  scheduleOf(year: number): HolidaySchedule | null;
  /** The date `n` working days after `date` (the day itself not counted); n ≥ 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]: the first day not counted, as deadlines count. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** A calendar with these schedules replacing the ones of the same years. */
  withSchedules(schedules: readonly HolidaySchedule[]): WorkCalendar;
}

/** Fixed-date holidays of the 全国年节及纪念日放假办法 (2024 revision), month-day → name. */
export const FIXED_DATE_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '05-02': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

/** A deadline never needs more than this many working days; a larger n is an input error, not a long loop. */
export const MAX_WORKING_DAYS = 3660;

const holidayNameOf = (entry: string): string => entry.split(',')[1] ?? entry;

/** The published schedules of the `chinese-days` package, one per year. */
export function publishedSchedules(): HolidaySchedule[] {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const byYear = new Map<number, HolidaySchedule>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let schedule = byYear.get(year);
    if (!schedule) byYear.set(year, (schedule = { year, holidays: {}, makeupWorkdays: {}, source: 'chinese-days' }));
    return schedule;
  };
  for (const [date, entry] of Object.entries(data.holidays)) yearOf(date).holidays[date] = holidayNameOf(entry);
  for (const [date, entry] of Object.entries(data.workdays)) yearOf(date).makeupWorkdays[date] = holidayNameOf(entry);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** One day of a year's schedule as an administrator enters it: a day off or a weekend day worked in lieu. */
export interface ScheduleDay {
  date: IsoDate;
  kind: HolidayDayKind;
  /** The holiday (e.g. 春节) the day belongs to or makes up for. */
  name: string;
}

export const MIN_SCHEDULE_YEAR = 1949;
export const MAX_SCHEDULE_YEAR = 2200;
export const MAX_HOLIDAY_NAME_LENGTH = 40;

export const isScheduleYear = (year: number): boolean => Number.isInteger(year) && year >= MIN_SCHEDULE_YEAR && year <= MAX_SCHEDULE_YEAR;

/** The kinds of problem a day of a schedule can have (InputIssue.code), for a screen to say in its language. */
export type ScheduleIssueCode = 'date' | 'year' | 'name' | 'name_length' | 'weekday_makeup' | 'twice' | 'off_and_worked' | 'too_many' | 'no_holiday';

/** What is wrong with one day of `year`'s schedule (said of the day, whose date the caller names), or null. */
export function scheduleDayProblem(year: number, day: ScheduleDay): { code: ScheduleIssueCode; message: string } | null {
  if (!isIsoDate(day.date)) return { code: 'date', message: `not a calendar date YYYY-MM-DD: ${JSON.stringify(day.date)}` };
  if (Number(day.date.slice(0, 4)) !== year) return { code: 'year', message: `lies outside ${year}` };
  if (typeof day.name !== 'string' || day.name.trim() === '') return { code: 'name', message: 'needs the name of its holiday' };
  if (day.name.trim().length > MAX_HOLIDAY_NAME_LENGTH) return { code: 'name_length', message: `its name is longer than ${MAX_HOLIDAY_NAME_LENGTH} characters` };
  // 调休 moves a weekend day's rest into a holiday: a make-up working day on a weekday would change nothing.
  if (day.kind === 'makeup_workday' && !isWeekend(day.date)) return { code: 'weekday_makeup', message: 'is a weekday; a make-up working day is a Saturday or Sunday' };
  return null;
}

/** A schedule's days, sorted by date. */
export function scheduleDays(schedule: HolidaySchedule): ScheduleDay[] {
  const days: ScheduleDay[] = [
    ...Object.entries(schedule.holidays).map(([date, name]) => ({ date, kind: 'holiday' as const, name })),
    ...Object.entries(schedule.makeupWorkdays).map(([date, name]) => ({ date, kind: 'makeup_workday' as const, name })),
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The schedule of a year from its days (names trimmed); validate it with validateSchedule. */
export function scheduleFromDays(year: number, days: readonly ScheduleDay[], source: string): HolidaySchedule {
  const schedule: HolidaySchedule = { year, holidays: {}, makeupWorkdays: {}, source };
  for (const day of days) (day.kind === 'holiday' ? schedule.holidays : schedule.makeupWorkdays)[day.date] = day.name.trim();
  return schedule;
}

export function validateSchedule(schedule: HolidaySchedule): void {
  const issues: InputIssue[] = [];
  if (!isScheduleYear(schedule.year)) issues.push({ path: 'year', message: `not a plausible year: ${schedule.year}` });
  else {
    for (const day of scheduleDays(schedule)) {
      const problem = scheduleDayProblem(schedule.year, day);
      if (problem) issues.push({ path: `${day.kind === 'holiday' ? 'holidays' : 'makeupWorkdays'}.${day.date}`, ...problem });
    }
  }
  for (const date of Object.keys(schedule.makeupWorkdays)) {
    if (date in schedule.holidays) issues.push({ path: `makeupWorkdays.${date}`, message: 'is also listed as a holiday', code: 'off_and_worked' });
  }
  if (issues.length) throw new DomainInputError(issues, 'invalid holiday schedule');
}

export function createWorkCalendar(schedules: readonly HolidaySchedule[]): WorkCalendar {
  const byYear = new Map<number, HolidaySchedule>();
  for (const schedule of schedules) {
    validateSchedule(schedule);
    byYear.set(schedule.year, schedule);
  }

  const day = (date: IsoDate): DayInfo => {
    if (!isIsoDate(date)) throw new DomainInputError([{ path: 'date', message: `not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}` }]);
    const schedule = byYear.get(Number(date.slice(0, 4)));
    if (schedule) {
      const holiday = schedule.holidays[date];
      if (holiday !== undefined) return { date, kind: 'holiday', working: false, holiday, coverage: 'official' };
      const makeup = schedule.makeupWorkdays[date];
      if (makeup !== undefined) return { date, kind: 'makeup_workday', working: true, holiday: makeup, coverage: 'official' };
      return isWeekend(date)
        ? { date, kind: 'weekend', working: false, holiday: null, coverage: 'official' }
        : { date, kind: 'workday', working: true, holiday: null, coverage: 'official' };
    }
    const fixed = FIXED_DATE_HOLIDAYS[date.slice(5)];
    if (fixed !== undefined) return { date, kind: 'holiday', working: false, holiday: fixed, coverage: 'fallback' };
    return isWeekend(date)
      ? { date, kind: 'weekend', working: false, holiday: null, coverage: 'fallback' }
      : { date, kind: 'workday', working: true, holiday: null, coverage: 'fallback' };
  };

  const calendar: WorkCalendar = {
    day,
    isWorkingDay: (date) => day(date).working,
    coverage: (year) => (byYear.has(year) ? 'official' : 'fallback'),
    officialYears: () => [...byYear.keys()].sort((a, b) => a - b),
    sourceOf: (year) => byYear.get(year)?.source ?? null,
    scheduleOf: (year) => byYear.get(year) ?? null,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
        throw new DomainInputError([{ path: 'workingDays', message: `must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}` }]);
      }
      let current = date;
      day(current); // validates the date
      for (let counted = 0; counted < n; ) {
        current = addDays(current, 1);
        if (day(current).working) counted++;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (day(current).working) count++;
      return count;
    },
    withSchedules(extra) {
      const merged = new Map(byYear);
      for (const schedule of extra) merged.set(schedule.year, schedule);
      return createWorkCalendar([...merged.values()]);
    },
  };
  return calendar;
}

/**
 * The calendar of the published schedules. Outside the kernel only the calendar service (server/services/calendar.ts)
 * reads it: everything else asks that service, whose calendar adds the schedules an administrator entered.
 */
export const nationalCalendar: WorkCalendar = createWorkCalendar(publishedSchedules());
