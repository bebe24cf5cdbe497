// The day types of a campaign (专项行动): when tutoring runs, and so when joint patrols go out. Off-campus tutoring
// happens after school on school days and all day when schools are closed, so a day is typed by whether the schools
// are open, from two sources: the national working calendar (法定节假日, 调休) and the city's school vacations.
//
// Precedence, first match wins:
//   1. holiday        法定节假日 of the national calendar (official, or the fixed-date fallback), also inside a
//                     vacation: the 春节 days of the winter vacation are holidays.
//   2. vacation_day   any other day of a 寒假 or 暑假, weekends and make-up working days included: the schools are
//                     closed whatever the offices do. A make-up working day here keeps `makeupWorkday: true`, since
//                     officers work their ordinary duty that day.
//   3. makeup_workday a weekend day worked in lieu (调休上班) outside the vacations: schools hold classes too (they
//                     follow the State Council's notice), so patrols follow the school-day pattern.
//   4. weekend        Saturday and Sunday.
//   5. school_day     every other day.

import type { CalendarCoverage, WorkCalendar } from './calendar.js';
import { DomainInputError } from './errors.js';
import { schoolYearOf, vacationOn, vacationWindow, type SchoolVacation } from './school-vacations.js';
import { datesInRange, dayOfWeek, daysInclusive, requireIsoDate, type IsoDate } from './time.js';
import { vacationKinds, type CampaignDayType, type VacationKind } from './vocabulary.js';

export interface CampaignDay {
  date: IsoDate;
  type: CampaignDayType;
  /** The holiday's name on a holiday, and the holiday a make-up working day makes up for (e.g. 春节). */
  holidayName: string | null;
  /** Whether the national calendar of the date's year is the official schedule or the fallback. */
  coverage: CalendarCoverage;
  /** A weekend day worked in lieu (调休上班): true on `makeup_workday` and on such a day inside a vacation. */
  makeupWorkday: boolean;
  /** The vacation the day lies in, also on a holiday inside it. */
  vacation: VacationKind | null;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** A campaign lasts weeks; a year view needs 366 days. Longer ranges are an input error, not a long loop. */
export const MAX_CAMPAIGN_CALENDAR_DAYS = 732;

export interface DateRange {
  from: IsoDate;
  /** Included. */
  to: IsoDate;
}

function checkedRange(range: DateRange): DateRange {
  const from = requireIsoDate(range.from, 'from');
  const to = requireIsoDate(range.to, 'to');
  if (to < from) throw new DomainInputError([{ path: 'to', message: `lies before from (${from})` }]);
  if (daysInclusive(from, to) > MAX_CAMPAIGN_CALENDAR_DAYS)
    throw new DomainInputError([{ path: 'to', message: `the range is longer than ${MAX_CAMPAIGN_CALENDAR_DAYS} days` }]);
  return { from, to };
}

export function campaignDay(date: IsoDate, calendar: WorkCalendar, vacations: readonly SchoolVacation[]): CampaignDay {
  const national = calendar.day(date);
  const vacation = vacationOn(vacations, date)?.kind ?? null;
  const makeupWorkday = national.kind === 'makeup_workday';
  let type: CampaignDayType;
  if (national.kind === 'holiday') type = 'holiday';
  else if (vacation) type = 'vacation_day';
  else if (makeupWorkday) type = 'makeup_workday';
  else if (national.kind === 'weekend') type = 'weekend';
  else type = 'school_day';
  return { date, type, holidayName: national.holiday, coverage: national.coverage, makeupWorkday, vacation, weekday: dayOfWeek(date) };
}

/** Every day of the range (both ends included) with its type; the vacations are one city's. */
export function campaignCalendarDays(range: DateRange, calendar: WorkCalendar, vacations: readonly SchoolVacation[]): CampaignDay[] {
  const { from, to } = checkedRange(range);
  return datesInRange(from, to).map((date) => campaignDay(date, calendar, vacations));
}

export interface NationalSource {
  year: number;
  coverage: CalendarCoverage;
  /** The schedule's source; null on the fallback. */
  source: string | null;
}

export interface CampaignCalendarSources<V extends SchoolVacation = SchoolVacation> {
  /** Each calendar year the range touches. */
  national: NationalSource[];
  /** The vacations that overlap the range. */
  vacations: V[];
  /** Vacations that may fall in the range but are not configured, so their days count as school days or weekends. */
  missingVacations: { schoolYear: number; kind: VacationKind }[];
}

/** What the day types of a range rest on: say it beside the days, so that a fallback or a missing 校历 is seen. */
export function campaignCalendarSources<V extends SchoolVacation>(range: DateRange, calendar: WorkCalendar, vacations: readonly V[]): CampaignCalendarSources<V> {
  const { from, to } = checkedRange(range);
  const national: NationalSource[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    national.push({ year, coverage: calendar.coverage(year), source: calendar.sourceOf(year) });
  }
  const missingVacations: CampaignCalendarSources['missingVacations'] = [];
  for (let schoolYear = schoolYearOf(from); schoolYear <= schoolYearOf(to); schoolYear++) {
    for (const kind of vacationKinds) {
      const window = vacationWindow(schoolYear, kind);
      const overlaps = window.from <= to && from <= window.to;
      if (overlaps && !vacations.some((v) => v.schoolYear === schoolYear && v.kind === kind)) missingVacations.push({ schoolYear, kind });
    }
  }
  return { national, vacations: vacations.filter((v) => v.startsOn <= to && from <= v.endsOn), missingVacations };
}
