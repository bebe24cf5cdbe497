import {
  calendarDaysRoute,
  deleteHolidayScheduleRoute,
  getHolidayScheduleRoute,
  getSchoolVacationsRoute,
  putHolidayScheduleRoute,
  putSchoolVacationsRoute,
} from '../contract/calendar.js';
import { createRouter } from '../http/router.js';
import {
  campaignCalendar,
  holidayScheduleOfYear,
  removeHolidaySchedule,
  saveHolidaySchedule,
  saveSchoolVacations,
  schoolVacationsOfCity,
} from '../services/calendar.js';
import type { Deps } from '../services/deps.js';

export function calendarRouter(deps: Deps) {
  return createRouter()
    .openapi(calendarDaysRoute, async (c) => c.json(await campaignCalendar(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(getHolidayScheduleRoute, async (c) => c.json(await holidayScheduleOfYear(deps, c.get('user'), c.req.valid('param').year), 200))
    .openapi(putHolidayScheduleRoute, async (c) =>
      c.json(await saveHolidaySchedule(deps, c.get('user'), c.req.valid('param').year, c.req.valid('json')), 200),
    )
    .openapi(deleteHolidayScheduleRoute, async (c) => c.json(await removeHolidaySchedule(deps, c.get('user'), c.req.valid('param').year), 200))
    .openapi(getSchoolVacationsRoute, async (c) => c.json(await schoolVacationsOfCity(deps, c.get('user'), c.req.valid('query').city), 200))
    .openapi(putSchoolVacationsRoute, async (c) => c.json(await saveSchoolVacations(deps, c.get('user'), c.req.valid('json')), 200));
}
