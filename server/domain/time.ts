// Time as the product means it: calendar dates in Asia/Shanghai, which has kept UTC+8 without daylight saving since
// 1991, so local time is UTC + 8 h and no time-zone database is needed. Dates are ISO strings (YYYY-MM-DD); instants
// are Dates. Every day length, date shift and "which day is it in Shanghai" of the product is computed here.

import { DomainInputError } from './errors.js';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
export const SHANGHAI_UTC_OFFSET_MS = 8 * HOUR_MS;

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

/** The date itself when it is a real calendar date, else a DomainInputError naming `field`. */
export function requireIsoDate(value: unknown, field = 'date'): IsoDate {
  if (!isIsoDate(value)) throw new DomainInputError([{ path: field, message: `not a calendar date YYYY-MM-DD: ${JSON.stringify(value)}` }]);
  return value;
}

/** Days since 1970-01-01 of a calendar date (the UTC day number of its midnight). */
export function dayNumberOf(date: IsoDate): number {
  const [year, month, day] = requireIsoDate(date).split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateOfDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The date of year, month (1–12) and day, overflowing as Date.UTC does (month 13 is January of the next year). */
export function dateFromParts(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** `to` − `from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** Inclusive length of a date range: the same day twice is one day. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

/** Every date from `from` to `to`, both included. */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => dateOfDayNumber(first + k));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (dayNumberOf(date) + 4) % 7; // 1970-01-01 was a Thursday
}

export const isWeekend = (date: IsoDate): boolean => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

export interface ShanghaiParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Seconds after local midnight. */
  secondOfDay: number;
  date: IsoDate;
}

/** The Shanghai calendar date and time of day of an instant. */
export function shanghaiParts(instant: Date): ShanghaiParts {
  const local = new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    secondOfDay: Math.floor((local.getTime() % DAY_MS) / SECOND_MS),
    date: local.toISOString().slice(0, 10),
  };
}

/** The day a user in Shanghai means by "today" at that instant. */
export const shanghaiDate = (instant: Date): IsoDate => shanghaiParts(instant).date;

/** The instant of 00:00 in Shanghai on a date. */
export function shanghaiMidnight(date: IsoDate): Date {
  return new Date(dayNumberOf(date) * DAY_MS - SHANGHAI_UTC_OFFSET_MS);
}

/** The instant of a time of day (seconds after midnight) in Shanghai on a date. */
export function shanghaiInstant(date: IsoDate, secondsAfterMidnight: number): Date {
  return new Date(shanghaiMidnight(date).getTime() + secondsAfterMidnight * SECOND_MS);
}

/** An instant as ISO 8601 with Shanghai's offset, "2026-07-01T08:30:00+08:00": the wall-clock time a planner reads. */
export function shanghaiIsoString(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An inclusive range of Shanghai dates as the half-open instant range [00:00 of `from`, 00:00 after `to`). */
export function shanghaiDayRange(from: IsoDate, to: IsoDate): { from: Date; to: Date } {
  return { from: shanghaiMidnight(from), to: shanghaiMidnight(addDays(to, 1)) };
}

/** The instant `days` whole days before `instant`. */
export const daysBefore = (instant: Date, days: number): Date => new Date(instant.getTime() - days * DAY_MS);

/** The instant `days` whole days after `instant`. */
export const daysAfter = (instant: Date, days: number): Date => new Date(instant.getTime() + days * DAY_MS);

/**
 * Whole Shanghai calendar days from `earlier` to `later` (instants or dates): a clue at 23:50 and an inspection at
 * 00:10 the next day are one day apart, as a clerk counts.
 */
export function calendarDaysBetween(earlier: Date | IsoDate, later: Date | IsoDate): number {
  const day = (t: Date | IsoDate) => (typeof t === 'string' ? t : shanghaiDate(t));
  return daysBetween(day(earlier), day(later));
}

/** The Monday that starts the ISO week (Monday–Sunday) of a date. */
export const weekStartOf = (date: IsoDate): IsoDate => addDays(date, -((dayOfWeek(date) + 6) % 7));

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a value is a time of day "HH:MM", 00:00–23:59. */
export const isClock = (value: unknown): value is string => typeof value === 'string' && CLOCK.test(value);

/** "HH:MM" → seconds after midnight, or a DomainInputError naming `field`. */
export function parseClock(text: string, field: string): number {
  const match = CLOCK.exec(text);
  if (!match) throw new DomainInputError([{ path: field, message: `not a time of day HH:MM: ${text}` }]);
  return Number(match[1]) * 3600 + Number(match[2]) * 60;
}

/** Seconds after midnight → "HH:MM" (rounded to the minute). */
export function formatClock(secondsAfterMidnight: number): string {
  const minutes = Math.round(secondsAfterMidnight / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** How many of the dates fall in the `windowDays` Shanghai days that end with `asOf` (later dates do not count). */
export function countInDayWindow(dates: readonly (Date | IsoDate)[], asOf: Date | IsoDate, windowDays: number): number {
  let count = 0;
  for (const date of dates) {
    const age = calendarDaysBetween(date, asOf);
    if (age >= 0 && age < windowDays) count++;
  }
  return count;
}
