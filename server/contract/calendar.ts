import { createRoute, z } from '@hono/zod-openapi';
import { MAX_CAMPAIGN_CALENDAR_DAYS } from '../domain/campaign-days.js';
import { MAX_HOLIDAY_NAME_LENGTH, MAX_SCHEDULE_YEAR, MIN_SCHEDULE_YEAR } from '../domain/calendar.js';
import { MAX_SCHEDULE_DAYS } from '../domain/holiday-import.js';
import { MAX_VACATION_SOURCE_LENGTH, SHANGHAI_CITY_CODE } from '../domain/school-vacations.js';
import { daysInclusive, isIsoDate } from '../domain/time.js';
import { campaignDayTypes, holidayDayKinds, vacationKinds, vacationStatuses } from './enums.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const cityParam = z
  .string()
  .regex(/^\d{6}$/, 'city must be a six-digit GB/T 2260 code')
  .default(SHANGHAI_CITY_CODE)
  .openapi({ description: `GB/T 2260 code of the city whose school vacations apply (default ${SHANGHAI_CITY_CODE} 上海市)`, example: SHANGHAI_CITY_CODE });

export const calendarDaysQuerySchema = z
  .object({
    from: isoDate.openapi({ description: 'first day (Shanghai date), included', example: '2027-01-01' }),
    to: isoDate.openapi({ description: `last day, included; at most ${MAX_CAMPAIGN_CALENDAR_DAYS} days after from`, example: '2027-02-28' }),
    city: cityParam,
  })
  .superRefine((q, ctx) => {
    if (!isIsoDate(q.from) || !isIsoDate(q.to)) return;
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    else if (daysInclusive(q.from, q.to) > MAX_CAMPAIGN_CALENDAR_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the range is longer than ${MAX_CAMPAIGN_CALENDAR_DAYS} days` });
  });
export type CalendarDaysQuery = z.output<typeof calendarDaysQuerySchema>;

export const campaignDaySchema = z
  .object({
    date: z.string(),
    type: z.enum(campaignDayTypes),
    holidayName: z.string().nullable(),
    coverage: z.enum(['official', 'fallback']),
    makeupWorkday: z.boolean(),
    vacation: z.enum(vacationKinds).nullable(),
    weekday: z.number().int().min(0).max(6),
  })
  .openapi('CampaignDay');
export type CampaignDayBody = z.infer<typeof campaignDaySchema>;

export const schoolVacationSchema = z
  .object({
    schoolYear: z.number().int().min(2000).max(2200).openapi({ description: '学年 by the year it starts: 2026 = 2026学年 (2026–27)' }),
    kind: z.enum(vacationKinds),
    startsOn: isoDate,
    endsOn: isoDate,
    status: z.enum(vacationStatuses),
    source: z.string().trim().min(1, 'say where the dates come from').max(MAX_VACATION_SOURCE_LENGTH),
  })
  .strict()
  .openapi('SchoolVacation');
export type SchoolVacationBody = z.output<typeof schoolVacationSchema>;

const stamp = { updatedAt: z.string(), updatedBy: z.string() };

export const storedSchoolVacationSchema = schoolVacationSchema.extend(stamp).openapi('StoredSchoolVacation');

/** Where a year's national calendar comes from: the shipped data, an administrator's entry, or the fallback. */
export const calendarOrigins = ['package', 'entered', 'fallback'] as const;
export type CalendarOrigin = (typeof calendarOrigins)[number];

export const nationalSourceSchema = z
  .object({
    year: z.number().int(),
    coverage: z.enum(['official', 'fallback']),
    origin: z.enum(calendarOrigins),
    source: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('NationalCalendarSource');
export type NationalSourceBody = z.infer<typeof nationalSourceSchema>;

export const campaignCalendarSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    city: z.string(),
    days: z.array(campaignDaySchema),
    sources: z.object({
      national: z.array(nationalSourceSchema),
      vacations: z.array(storedSchoolVacationSchema),
      missingVacations: z.array(z.object({ schoolYear: z.number().int(), kind: z.enum(vacationKinds) })),
    }),
  })
  .openapi('CampaignCalendar');
export type CampaignCalendar = z.infer<typeof campaignCalendarSchema>;

export const scheduleDaySchema = z
  .object({
    date: isoDate,
    kind: z.enum(holidayDayKinds),
    name: z.string().trim().min(1, 'needs the name of its holiday').max(MAX_HOLIDAY_NAME_LENGTH),
  })
  .strict()
  .openapi('ScheduleDay');

export const yearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'year must have four digits')
    .transform(Number)
    .pipe(z.number().int().min(MIN_SCHEDULE_YEAR).max(MAX_SCHEDULE_YEAR))
    .openapi({ param: { name: 'year', in: 'path' }, example: '2027' }),
});

export const holidayScheduleSchema = z
  .object({
    year: z.number().int(),
    coverage: z.enum(['official', 'fallback']),
    origin: z.enum(calendarOrigins),
    source: z.string().nullable(),
    /** The official days off and make-up working days; on the fallback, the fixed-date holidays it assumes. */
    days: z.array(z.object({ date: z.string(), kind: z.enum(holidayDayKinds), name: z.string() })),
    /** Whether the shipped data covers the year, so that removing an entered schedule falls back to it. */
    packageCovers: z.boolean(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('HolidaySchedule');
export type HolidayScheduleAnswer = z.infer<typeof holidayScheduleSchema>;

export const holidayScheduleBodySchema = z
  .object({
    source: z.string().trim().min(1, 'name the notice the schedule comes from (国务院办公厅 …)').max(300).openapi({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    days: z.array(scheduleDaySchema).max(MAX_SCHEDULE_DAYS).optional().openapi({ description: 'the days; or give `text` instead' }),
    text: z
      .string()
      .max(20_000)
      .optional()
      .openapi({ description: 'the schedule as pasted text: CSV lines `date,kind,name` or JSON (docs/campaigns.md)', example: 'date,kind,name\n2027-02-06,holiday,春节' }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.days === undefined) === (body.text === undefined)) ctx.addIssue({ code: 'custom', path: ['days'], message: 'give either days or text' });
  })
  .openapi('HolidayScheduleBody');
export type HolidayScheduleBody = z.output<typeof holidayScheduleBodySchema>;
export type HolidayScheduleInput = z.input<typeof holidayScheduleBodySchema>;

export const schoolVacationsQuerySchema = z.object({ city: cityParam });

export const schoolVacationsSchema = z
  .object({
    city: z.string(),
    vacations: z.array(storedSchoolVacationSchema),
    /** What the product ships for this city (configuration: the bureau's 校历 is authoritative). */
    defaults: z.array(schoolVacationSchema),
  })
  .openapi('SchoolVacations');
export type SchoolVacations = z.infer<typeof schoolVacationsSchema>;

export const schoolVacationsBodySchema = z
  .object({ city: cityParam, vacations: z.array(schoolVacationSchema).max(40) })
  .strict()
  .openapi('SchoolVacationsBody');
export type SchoolVacationsBody = z.output<typeof schoolVacationsBodySchema>;
export type SchoolVacationsInput = z.input<typeof schoolVacationsBodySchema>;

export const calendarDaysRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/calendar/days',
    tags: ['calendar'],
    summary: 'Campaign day types of a date range (上课日/周末/法定节假日/寒暑假/调休上班) with their coverage and sources',
    request: { query: calendarDaysQuerySchema },
    responses: { 200: jsonContent(campaignCalendarSchema, 'one entry per day, both ends included') },
  }),
);

export const getHolidayScheduleRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/calendar/holidays/{year}',
    tags: ['calendar'],
    summary: 'The holiday schedule of a year: shipped, entered by an administrator, or the fallback',
    request: { params: yearParamsSchema },
    responses: { 200: jsonContent(holidayScheduleSchema, 'the year’s schedule') },
  }),
);

export const putHolidayScheduleRoute = createRoute(
  protectedRoute({
    method: 'put',
    path: '/calendar/holidays/{year}',
    tags: ['calendar'],
    summary: 'Enter or replace the official holiday schedule of a year (administrators; audited)',
    request: { params: yearParamsSchema, body: { required: true, content: { 'application/json': { schema: holidayScheduleBodySchema } } } },
    responses: { 200: jsonContent(holidayScheduleSchema, 'the year’s schedule as stored'), 413: errorResponses[413], 422: errorResponses[422] },
  }),
);

export const deleteHolidayScheduleRoute = createRoute(
  protectedRoute({
    method: 'delete',
    path: '/calendar/holidays/{year}',
    tags: ['calendar'],
    summary: 'Remove an entered schedule: the year falls back to the shipped data or the fallback (administrators; audited)',
    request: { params: yearParamsSchema },
    responses: { 200: jsonContent(holidayScheduleSchema, 'the year’s schedule after the removal'), 404: errorResponses[404] },
  }),
);

export const getSchoolVacationsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/calendar/school-vacations',
    tags: ['calendar'],
    summary: 'A city’s school vacations (寒暑假, configuration from the bureau’s 校历) and the shipped defaults',
    request: { query: schoolVacationsQuerySchema },
    responses: { 200: jsonContent(schoolVacationsSchema, 'the stored vacations and the defaults') },
  }),
);

export const putSchoolVacationsRoute = createRoute(
  protectedRoute({
    method: 'put',
    path: '/calendar/school-vacations',
    tags: ['calendar'],
    summary: 'Replace a city’s school vacations (administrators; audited)',
    request: { body: { required: true, content: { 'application/json': { schema: schoolVacationsBodySchema } } } },
    responses: { 200: jsonContent(schoolVacationsSchema, 'the vacations as stored'), 413: errorResponses[413], 422: errorResponses[422] },
  }),
);
