// The calendar's configuration: holiday schedules an administrator entered, and each city's school vacations.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { holidayDayKinds, vacationKinds, vacationStatuses } from '../../server/domain/vocabulary.js';
import type { ScheduleDay } from '../../server/domain/calendar.js';
import type { SchoolVacation } from '../../server/domain/school-vacations.js';
import { col, instant, jsonParam, parsedRows, type Queryable } from './queryable.js';

/** Who saved a piece of configuration, and when. */
export interface Stamp {
  updatedAt: Date;
  updatedBy: string;
}

export interface StoredHolidaySchedule extends Stamp {
  year: number;
  source: string;
  days: ScheduleDay[];
}

const dayRow = z.object({ date: z.string(), kind: z.enum(holidayDayKinds), name: z.string() });
const scheduleRow = z.object({
  year: col.int,
  source: z.string(),
  updatedAt: col.timestamp,
  updatedBy: z.string(),
  days: col.json(z.array(dayRow)),
});

/**
 * Calendar writes take one lock, so that two administrators saving the same year one after the other leave the
 * second's schedule, never a mix or a key violation.
 */
export async function lockCalendarWrites(tx: Queryable): Promise<void> {
  await tx.rows(sql`SELECT pg_advisory_xact_lock(hashtext('calendar_configuration'))`);
}

/** Every entered schedule with its days in date order; `year` narrows to one. */
export async function storedHolidaySchedules(q: Queryable, year?: number): Promise<StoredHolidaySchedule[]> {
  return parsedRows(q, scheduleRow, sql`
    SELECT s.year, s.source, s.updated_at AS "updatedAt", s.updated_by AS "updatedBy",
           COALESCE((SELECT json_agg(json_build_object('date', to_char(d.date, 'YYYY-MM-DD'), 'kind', d.kind, 'name', d.name) ORDER BY d.date)
                     FROM holiday_schedule_days d WHERE d.year = s.year), '[]')::text AS days
    FROM holiday_schedules s
    WHERE ${year === undefined ? sql`TRUE` : sql`s.year = ${year}`}
    ORDER BY s.year`);
}

/** Stores a year's schedule in place of the one stored before (call inside a transaction, after lockCalendarWrites). */
export async function replaceHolidaySchedule(tx: Queryable, p: { year: number; source: string; days: readonly ScheduleDay[]; at: Date; by: string }): Promise<void> {
  await tx.rows(sql`
    INSERT INTO holiday_schedules (year, source, updated_at, updated_by) VALUES (${p.year}, ${p.source}, ${instant(p.at)}, ${p.by})
    ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`);
  await tx.rows(sql`DELETE FROM holiday_schedule_days WHERE year = ${p.year}`);
  await tx.rows(sql`
    INSERT INTO holiday_schedule_days (date, year, kind, name)
    SELECT r.date::date, ${p.year}, r.kind::holiday_day_kind, r.name
    FROM json_to_recordset(${jsonParam(p.days)}) AS r(date text, kind text, name text)`);
}

/** Removes a year's entered schedule (its days go with it); whether there was one. */
export async function deleteHolidaySchedule(tx: Queryable, year: number): Promise<boolean> {
  const rows = await tx.rows(sql`DELETE FROM holiday_schedules WHERE year = ${year} RETURNING year`);
  return rows.length > 0;
}

export interface StoredSchoolVacation extends SchoolVacation, Stamp {}

const vacationRow = z.object({
  schoolYear: col.int,
  kind: z.enum(vacationKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(vacationStatuses),
  source: z.string(),
  updatedAt: col.timestamp,
  updatedBy: z.string(),
});

/** A city's school vacations, by school year, winter first. */
export async function schoolVacationsOf(q: Queryable, cityCode: string): Promise<StoredSchoolVacation[]> {
  return parsedRows(q, vacationRow, sql`
    SELECT school_year AS "schoolYear", kind, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
           status, source, updated_at AS "updatedAt", updated_by AS "updatedBy"
    FROM school_vacations WHERE city_code = ${cityCode}
    ORDER BY school_year, kind`);
}

/**
 * Replaces a city's whole list (call inside a transaction, after lockCalendarWrites). An entry whose dates, status
 * and source are unchanged keeps its stamp, so the stamp says when each vacation was last changed.
 */
export async function replaceSchoolVacations(tx: Queryable, p: { cityCode: string; vacations: readonly SchoolVacation[]; at: Date; by: string }): Promise<void> {
  const rows = p.vacations.map((v) => ({ school_year: v.schoolYear, kind: v.kind, starts_on: v.startsOn, ends_on: v.endsOn, status: v.status, source: v.source }));
  await tx.rows(sql`
    DELETE FROM school_vacations s
    WHERE s.city_code = ${p.cityCode}
      AND NOT EXISTS (SELECT 1 FROM json_to_recordset(${jsonParam(rows)}) AS r(school_year int, kind text)
                      WHERE r.school_year = s.school_year AND r.kind::vacation_kind = s.kind)`);
  await tx.rows(sql`
    INSERT INTO school_vacations (city_code, school_year, kind, starts_on, ends_on, status, source, updated_at, updated_by)
    SELECT ${p.cityCode}, r.school_year, r.kind::vacation_kind, r.starts_on::date, r.ends_on::date, r.status::vacation_status, r.source,
           ${instant(p.at)}, ${p.by}
    FROM json_to_recordset(${jsonParam(rows)}) AS r(school_year int, kind text, starts_on text, ends_on text, status text, source text)
    ON CONFLICT (city_code, school_year, kind) DO UPDATE
      SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, status = EXCLUDED.status, source = EXCLUDED.source,
          updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
      WHERE (school_vacations.starts_on, school_vacations.ends_on, school_vacations.status, school_vacations.source)
            IS DISTINCT FROM (EXCLUDED.starts_on, EXCLUDED.ends_on, EXCLUDED.status, EXCLUDED.source)`);
}
