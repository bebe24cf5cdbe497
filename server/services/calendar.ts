// The calendar as the product uses it: the kernel's national working calendar with the holiday schedules an
// administrator entered, and each city's school vacations, read from the database and kept in memory until a write.
// Every service that counts working days or types campaign days asks here (workCalendar, campaignDaysFor), never
// the kernel's `nationalCalendar` directly, so an entered schedule applies everywhere at once.
import type {
  CalendarDaysQuery,
  CalendarOrigin,
  CampaignCalendar,
  HolidayScheduleAnswer,
  HolidayScheduleBody,
  NationalSourceBody,
  SchoolVacations,
  SchoolVacationsBody,
} from '../contract/calendar.js';
import { FIXED_DATE_HOLIDAYS, nationalCalendar, scheduleDays, scheduleFromDays, validateSchedule, type ScheduleDay, type WorkCalendar } from '../domain/calendar.js';
import { campaignCalendarSources, campaignCalendarDays, type CampaignDay, type DateRange } from '../domain/campaign-days.js';
import { DomainInputError } from '../domain/errors.js';
import { parseScheduleText, scheduleDaysIssues } from '../domain/holiday-import.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../domain/school-vacation-defaults.js';
import { SHANGHAI_CITY_CODE, sortVacations, validateSchoolVacations } from '../domain/school-vacations.js';
import {
  deleteHolidaySchedule,
  lockCalendarWrites,
  replaceHolidaySchedule,
  replaceSchoolVacations,
  schoolVacationsOf,
  storedHolidaySchedules,
  type StoredHolidaySchedule,
  type StoredSchoolVacation,
} from '../../db/queries/calendar.js';
import type { Queryable } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { notFound } from './errors.js';

interface NationalConfiguration {
  calendar: WorkCalendar;
  entered: Map<number, StoredHolidaySchedule>;
}

/**
 * The stored calendar configuration, loaded once and dropped on every write. A read under way when a write commits
 * is dropped with it (the write clears the entry that read filled), so no stale calendar outlives a write.
 */
export class CalendarCache {
  private national: Promise<NationalConfiguration> | null = null;
  private readonly vacations = new Map<string, Promise<StoredSchoolVacation[]>>();
  loads = 0;

  nationalConfiguration(q: Queryable): Promise<NationalConfiguration> {
    if (!this.national) {
      this.loads++;
      const loading = storedHolidaySchedules(q).then((stored) => ({
        calendar: nationalCalendar.withSchedules(stored.map((s) => scheduleFromDays(s.year, s.days, s.source))),
        entered: new Map(stored.map((s) => [s.year, s])),
      }));
      this.national = loading;
      loading.catch(() => this.national === loading && (this.national = null));
    }
    return this.national;
  }

  vacationsOf(q: Queryable, cityCode: string): Promise<StoredSchoolVacation[]> {
    let entry = this.vacations.get(cityCode);
    if (!entry) {
      this.loads++;
      const loading = schoolVacationsOf(q, cityCode);
      this.vacations.set(cityCode, (entry = loading));
      loading.catch(() => this.vacations.get(cityCode) === loading && this.vacations.delete(cityCode));
    }
    return entry;
  }

  invalidate(): void {
    this.national = null;
    this.vacations.clear();
  }
}

type CalendarDeps = Pick<Deps, 'database' | 'calendar'>;
type CalendarWriteDeps = Pick<Deps, 'database' | 'calendar' | 'now'>;

/**
 * The published schedules alone, for tools that run without a database (the deadline command); the product itself
 * asks workCalendar, which adds the schedules an administrator entered.
 */
export const publishedCalendar = (): WorkCalendar => nationalCalendar;

/** The national working calendar with the entered schedules: for working days, deadlines and day types. */
export async function workCalendar(deps: CalendarDeps): Promise<WorkCalendar> {
  return (await deps.calendar.nationalConfiguration(deps.database)).calendar;
}

/** The day types of a range for a city (Shanghai by default), for services that plan campaigns. */
export async function campaignDaysFor(deps: CalendarDeps, range: DateRange, cityCode = SHANGHAI_CITY_CODE): Promise<CampaignDay[]> {
  const [calendar, vacations] = await Promise.all([workCalendar(deps), deps.calendar.vacationsOf(deps.database, cityCode)]);
  return campaignCalendarDays(range, calendar, vacations);
}

const stampOf = (s: { updatedAt: Date; updatedBy: string } | undefined) => ({ updatedAt: s?.updatedAt.toISOString() ?? null, updatedBy: s?.updatedBy ?? null });

const vacationAnswer = (v: StoredSchoolVacation) => ({ ...v, updatedAt: v.updatedAt.toISOString() });

function originOf(year: number, entered: Map<number, StoredHolidaySchedule>): CalendarOrigin {
  if (entered.has(year)) return 'entered';
  return nationalCalendar.coverage(year) === 'official' ? 'package' : 'fallback';
}

/** The day types of a range with what they rest on: any signed-in account (the planner, the wall, a leader). */
export async function campaignCalendar(deps: CalendarDeps, _user: UserRow, query: CalendarDaysQuery): Promise<CampaignCalendar> {
  const range = { from: query.from, to: query.to };
  const [{ calendar, entered }, vacations] = await Promise.all([deps.calendar.nationalConfiguration(deps.database), deps.calendar.vacationsOf(deps.database, query.city)]);
  const sources = campaignCalendarSources(range, calendar, vacations);
  const national: NationalSourceBody[] = sources.national.map((n) => ({ ...n, origin: originOf(n.year, entered), ...stampOf(entered.get(n.year)) }));
  return {
    ...range,
    city: query.city,
    days: campaignCalendarDays(range, calendar, vacations),
    sources: { national, vacations: sources.vacations.map(vacationAnswer), missingVacations: sources.missingVacations },
  };
}

/** The fixed-date holidays the fallback assumes in a year, as schedule days. */
const fallbackDays = (year: number): ScheduleDay[] =>
  Object.entries(FIXED_DATE_HOLIDAYS).map(([monthDay, name]) => ({ date: `${year}-${monthDay}`, kind: 'holiday' as const, name }));

function scheduleAnswer(configuration: NationalConfiguration, year: number): HolidayScheduleAnswer {
  const schedule = configuration.calendar.scheduleOf(year);
  return {
    year,
    coverage: schedule ? 'official' : 'fallback',
    origin: originOf(year, configuration.entered),
    source: schedule?.source ?? null,
    days: schedule ? scheduleDays(schedule) : fallbackDays(year),
    packageCovers: nationalCalendar.coverage(year) === 'official',
    ...stampOf(configuration.entered.get(year)),
  };
}

export async function holidayScheduleOfYear(deps: CalendarDeps, _user: UserRow, year: number): Promise<HolidayScheduleAnswer> {
  return scheduleAnswer(await deps.calendar.nationalConfiguration(deps.database), year);
}

/** The days of a PUT: as given, or read from the pasted text; each problem names its field (422). */
function daysOfBody(year: number, body: HolidayScheduleBody): ScheduleDay[] {
  if (body.days) {
    const issues = scheduleDaysIssues(year, body.days, (i) => `days[${i}]`);
    if (issues.length) throw new DomainInputError(issues, `invalid holiday schedule of ${year}`);
    return body.days;
  }
  const parsed = parseScheduleText(body.text ?? '', year);
  if (parsed.issues.length)
    throw new DomainInputError(
      parsed.issues.map((i) => ({ path: i.path ? `text.${i.path}` : 'text', message: i.message })),
      `invalid holiday schedule of ${year}`,
    );
  return parsed.days;
}

/** What the audit log keeps of a schedule: its source and days. */
const scheduleRecord = (s: StoredHolidaySchedule | undefined) => (s ? { year: s.year, source: s.source, days: s.days } : null);

/** Enters (or replaces) a year's official schedule: administrators only, validated, audited; used at once everywhere. */
export async function saveHolidaySchedule(deps: CalendarWriteDeps, user: UserRow, year: number, body: HolidayScheduleBody): Promise<HolidayScheduleAnswer> {
  requireAdmin(user, 'enter a holiday schedule');
  const days = daysOfBody(year, body);
  const schedule = scheduleFromDays(year, days, body.source);
  validateSchedule(schedule);
  try {
    await audited(deps, { actor: user.username, action: 'holiday_schedule.save', entity: 'holiday_schedule' }, async (tx) => {
      await lockCalendarWrites(tx);
      const [before] = await storedHolidaySchedules(tx, year);
      await replaceHolidaySchedule(tx, { year, source: schedule.source, days: scheduleDays(schedule), at: deps.now(), by: user.username });
      const [after] = await storedHolidaySchedules(tx, year);
      return { entityId: String(year), before: scheduleRecord(before), after: scheduleRecord(after), result: null };
    });
  } finally {
    deps.calendar.invalidate();
  }
  return holidayScheduleOfYear(deps, user, year);
}

/** Removes an entered schedule: the year goes back to the shipped data or to the fallback. */
export async function removeHolidaySchedule(deps: CalendarWriteDeps, user: UserRow, year: number): Promise<HolidayScheduleAnswer> {
  requireAdmin(user, 'remove a holiday schedule');
  try {
    await audited(deps, { actor: user.username, action: 'holiday_schedule.remove', entity: 'holiday_schedule' }, async (tx) => {
      await lockCalendarWrites(tx);
      const [before] = await storedHolidaySchedules(tx, year);
      if (!before || !(await deleteHolidaySchedule(tx, year))) throw notFound(`an entered holiday schedule of ${year}`);
      return { entityId: String(year), before: scheduleRecord(before), after: null, result: null };
    });
  } finally {
    deps.calendar.invalidate();
  }
  return holidayScheduleOfYear(deps, user, year);
}

const defaultsOf = (cityCode: string) => (cityCode === SHANGHAI_CITY_CODE ? [...SHANGHAI_SCHOOL_VACATION_DEFAULTS] : []);

export async function schoolVacationsOfCity(deps: CalendarDeps, _user: UserRow, cityCode: string): Promise<SchoolVacations> {
  const vacations = await deps.calendar.vacationsOf(deps.database, cityCode);
  return { city: cityCode, vacations: vacations.map(vacationAnswer), defaults: defaultsOf(cityCode) };
}

/** The audit log keeps the list without the stamps, which the entry's own time and actor already say. */
const vacationsRecord = (list: readonly StoredSchoolVacation[]) => list.map(({ updatedAt: _a, updatedBy: _b, ...v }) => v);

/** Replaces a city's school vacations: administrators only, validated as a whole, audited. */
export async function saveSchoolVacations(deps: CalendarWriteDeps, user: UserRow, body: SchoolVacationsBody): Promise<SchoolVacations> {
  requireAdmin(user, 'change the school vacations');
  const vacations = sortVacations(body.vacations);
  validateSchoolVacations(body.vacations);
  try {
    await audited(deps, { actor: user.username, action: 'school_vacations.save', entity: 'school_vacations' }, async (tx) => {
      await lockCalendarWrites(tx);
      const before = await schoolVacationsOf(tx, body.city);
      await replaceSchoolVacations(tx, { cityCode: body.city, vacations, at: deps.now(), by: user.username });
      const after = await schoolVacationsOf(tx, body.city);
      return { entityId: body.city, before: vacationsRecord(before), after: vacationsRecord(after), result: null };
    });
  } finally {
    deps.calendar.invalidate();
  }
  return schoolVacationsOfCity(deps, user, body.city);
}
