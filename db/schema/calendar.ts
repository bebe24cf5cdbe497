import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { holidayDayKind, vacationKind, vacationStatus } from './enums.js';

/**
 * A year's official holiday schedule (国务院办公厅 notice) as an administrator entered it, for a year the shipped
 * calendar data does not cover (or to correct one). It replaces that year's schedule everywhere the calendar is used.
 */
export const holidaySchedules = pgTable(
  'holiday_schedules',
  {
    year: integer('year').primaryKey(),
    /** The notice it was taken from, e.g. 国办发明电〔2026〕x号. */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Username of the administrator who saved it. */
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [check('holiday_schedules_year_range', sql`${t.year} BETWEEN 1949 AND 2200`), check('holiday_schedules_source', sql`btrim(${t.source}) <> ''`)],
);

/**
 * The days of a schedule: one row per date, so a date is never both a day off and a working day; each lies in its
 * schedule's year.
 */
export const holidayScheduleDays = pgTable(
  'holiday_schedule_days',
  {
    date: date('date').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => holidaySchedules.year, { onDelete: 'cascade' }),
    kind: holidayDayKind('kind').notNull(),
    /** The holiday (春节 …) the day belongs to or makes up for. */
    name: text('name').notNull(),
  },
  (t) => [
    index('holiday_schedule_days_year_idx').on(t.year),
    check('holiday_schedule_days_in_year', sql`extract(year from ${t.date}) = ${t.year}`),
    check('holiday_schedule_days_name', sql`btrim(${t.name}) <> ''`),
  ],
);

/** 中小学寒暑假 of a city by school year (学年, named by the year it starts): configuration from the bureau's 校历. */
export const schoolVacations = pgTable(
  'school_vacations',
  {
    /** GB/T 2260 code of the city, 310000 for Shanghai. */
    cityCode: text('city_code').notNull(),
    schoolYear: integer('school_year').notNull(),
    kind: vacationKind('kind').notNull(),
    /** First and last day, both included. */
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: vacationStatus('status').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityCode, t.schoolYear, t.kind] }), check('school_vacations_dates', sql`${t.startsOn} <= ${t.endsOn}`)],
);
