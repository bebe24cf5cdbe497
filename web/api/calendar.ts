// The calendar endpoints: day types of a range, a year's holiday schedule, a city's school vacations, and their writes.
import type {
  CampaignCalendar,
  HolidayScheduleAnswer,
  HolidayScheduleInput,
  SchoolVacations,
  SchoolVacationsInput,
} from '../../server/contract/index.js';
import { client, withSignal } from './client.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

const calendar = client.api.calendar;

export const campaignCalendar = (from: string, to: string, signal?: AbortSignal) =>
  readJson<CampaignCalendar>(calendar.days.$get({ query: { from, to } }, withSignal(signal)));

export const holidaySchedule = (year: number, signal?: AbortSignal) =>
  readJson<HolidayScheduleAnswer>(calendar.holidays[':year'].$get({ param: { year: String(year) } }, withSignal(signal)));

export const saveHolidaySchedule = (year: number, body: HolidayScheduleInput) =>
  readJson<HolidayScheduleAnswer>(calendar.holidays[':year'].$put({ param: { year: String(year) }, json: body }));

export const removeHolidaySchedule = (year: number) => readJson<HolidayScheduleAnswer>(calendar.holidays[':year'].$delete({ param: { year: String(year) } }));

export const schoolVacations = (signal?: AbortSignal) => readJson<SchoolVacations>(calendar['school-vacations'].$get({ query: {} }, withSignal(signal)));

export const saveSchoolVacations = (body: SchoolVacationsInput) => readJson<SchoolVacations>(calendar['school-vacations'].$put({ json: body }));

/**
 * The resources of the calendar screen. `revision` goes up after every save, so that the next read asks the server
 * again instead of the cache of an earlier answer.
 */
export const useCampaignCalendar = (from: string, to: string, revision: number) =>
  useResource(`calendar-days:${revision}:${from}/${to}`, (signal) => campaignCalendar(from, to, signal));

export const useHolidaySchedule = (year: number, revision: number) => useResource(`calendar-holidays:${revision}:${year}`, (signal) => holidaySchedule(year, signal));

export const useSchoolVacations = (revision: number) => useResource(`calendar-vacations:${revision}`, schoolVacations);

/** The day types of a campaign's range, or nothing while no campaign is open. */
export const useCampaignDays = (range: { from: string; to: string } | null) =>
  useResource(range ? `calendar-days:0:${range.from}/${range.to}` : null, (signal) => campaignCalendar(range!.from, range!.to, signal));
