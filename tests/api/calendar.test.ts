import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listAudit, verifyAuditChain } from '../../db/queries/audit.js';
import { schoolVacationsOf, storedHolidaySchedules } from '../../db/queries/calendar.js';
import type { Database } from '../../db/client.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../server/domain/school-vacation-defaults.js';
import { workCalendar } from '../../server/services/calendar.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// The calendar's configuration is shared by every test file of the database run: each test here leaves the 2027
// schedule absent and the school vacations as the demo build stored them.

let app: TestApp;
let database: Database;
let admin: string;
let planner: string;
let leader: string;
let wall: string;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ admin, planner, leader, wall } = await roleCookies(app));
});

afterAll(async () => {
  await app.request('/api/calendar/holidays/2027', { method: 'DELETE', headers: { Cookie: admin } });
  await sendJson(app, 'PUT', '/api/calendar/school-vacations', { city: '310000', vacations: SHANGHAI_SCHOOL_VACATION_DEFAULTS }, admin);
});

const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 50 });
  return entries.filter((e) => e.id > sinceId).reverse();
}

/** A 2027 schedule for the tests, shaped like a State Council notice (not the official one, unpublished here). */
const schedule2027 = {
  source: '测试：2027年部分节假日安排',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-05', kind: 'holiday', name: '春节' },
    { date: '2027-02-06', kind: 'holiday', name: '春节' },
    { date: '2027-02-07', kind: 'holiday', name: '春节' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
    { date: '2027-02-09', kind: 'holiday', name: '春节' },
    { date: '2027-02-20', kind: 'makeup_workday', name: '春节' },
  ],
};

/** Whether an error names the field: in an issue's path, or in its message (zod names unknown keys there). */
function namesField(body: { error: { message: string; details?: { issues?: { path: string | string[] }[] } | null } }, field: string): boolean {
  const paths = (body.error.details?.issues ?? []).map((i) => (Array.isArray(i.path) ? i.path.join('.') : i.path));
  return paths.some((p) => p === field || p.startsWith(`${field}.`)) || body.error.message.includes(field);
}

const typeOn = (body: { days: { date: string; type: string }[] }, date: string) => body.days.find((d) => d.date === date)?.type;

describe('GET /api/calendar/days', () => {
  test('any signed-in account reads the day types with their sources', async () => {
    for (const cookie of [wall, leader, planner]) {
      const { status, body } = await getJson(app, '/api/calendar/days?from=2026-02-01&to=2026-03-01', cookie);
      expect(status).toBe(200);
      expect(body.days).toHaveLength(29);
      expect(body.city).toBe('310000');
    }
    const { body } = await getJson(app, '/api/calendar/days?from=2026-02-01&to=2026-03-01', leader);
    expect(typeOn(body, '2026-02-01')).toBe('weekend');
    expect(typeOn(body, '2026-02-02')).toBe('vacation_day');
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({ type: 'holiday', holidayName: '春节', vacation: 'winter', coverage: 'official' });
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({ type: 'vacation_day', makeupWorkday: true });
    expect(typeOn(body, '2026-02-28')).toBe('makeup_workday');
    expect(body.sources.national).toEqual([{ year: 2026, coverage: 'official', origin: 'package', source: 'chinese-days', updatedAt: null, updatedBy: null }]);
    expect(body.sources.vacations).toEqual([expect.objectContaining({ schoolYear: 2025, kind: 'winter', startsOn: '2026-02-02', endsOn: '2026-02-27', status: 'published', updatedBy: 'system' })]);
    expect(body.sources.missingVacations).toEqual([]);
  });

  test('2027 is on the fallback, and says so', async () => {
    const { body } = await getJson(app, '/api/calendar/days?from=2027-01-30&to=2027-02-10', planner);
    expect(new Set(body.days.map((d: { coverage: string }) => d.coverage))).toEqual(new Set(['fallback']));
    expect(typeOn(body, '2027-02-08')).toBe('vacation_day');
    expect(body.sources.national).toEqual([{ year: 2027, coverage: 'fallback', origin: 'fallback', source: null, updatedAt: null, updatedBy: null }]);
    expect(body.sources.vacations[0]).toMatchObject({ schoolYear: 2026, kind: 'winter', status: 'provisional' });
  });

  test('bad ranges are refused naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['from=2026-01-01&to=2028-06-01', 'to'],
      ['from=2026-01-01', 'to'],
      ['from=2026-01-01&to=2026-01-02&city=shanghai', 'city'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await getJson(app, `/api/calendar/days?${query}`, planner);
      expect(status, query).toBe(400);
      expect(namesField(body, field), query).toBe(true);
    }
    expect((await getJson(app, '/api/calendar/days?from=2026-01-01&to=2026-01-02')).status).toBe(401);
  });
});

describe('the holiday schedule of a year', () => {
  test('GET: 2026 from the shipped data, 2027 the fallback with its fixed-date holidays', async () => {
    const y2026 = (await getJson(app, '/api/calendar/holidays/2026', wall)).body;
    expect(y2026).toMatchObject({ year: 2026, coverage: 'official', origin: 'package', source: 'chinese-days', packageCovers: true, updatedBy: null });
    expect(y2026.days).toContainEqual({ date: '2026-02-14', kind: 'makeup_workday', name: '春节' });
    const y2027 = (await getJson(app, '/api/calendar/holidays/2027', wall)).body;
    expect(y2027).toMatchObject({ year: 2027, coverage: 'fallback', origin: 'fallback', source: null, packageCovers: false });
    expect(y2027.days.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
    expect((await getJson(app, '/api/calendar/holidays/27', wall)).status).toBe(400);
    expect((await getJson(app, '/api/calendar/holidays/1800', wall)).status).toBe(400);
  });

  test('PUT is for administrators only: others get 403 and nothing is written', async () => {
    const since = await lastAuditId();
    for (const cookie of [planner, leader, wall]) {
      const { status, body } = await sendJson(app, 'PUT', '/api/calendar/holidays/2027', schedule2027, cookie);
      expect(status).toBe(403);
      expect(body.error.message).toMatch(/administrator/);
    }
    expect(await storedHolidaySchedules(database, 2027)).toEqual([]);
    expect(await auditSince(since)).toEqual([]);
  });

  test('bad schedules get a 4xx naming the field, and nothing is half-written', async () => {
    const since = await lastAuditId();
    const cases: [unknown, number, string][] = [
      [{ ...schedule2027, days: [...schedule2027.days, { date: '2027-02-05', kind: 'makeup_workday', name: '春节' }] }, 422, 'days[7]'],
      [{ ...schedule2027, days: [{ date: '2026-12-31', kind: 'holiday', name: '元旦' }] }, 422, 'days[0]'],
      [{ ...schedule2027, days: [{ date: '2027-02-10', kind: 'makeup_workday', name: '春节' }, ...schedule2027.days] }, 422, 'days[0]'],
      [{ ...schedule2027, days: [{ date: '2027-02-31', kind: 'holiday', name: '春节' }] }, 400, 'days.0.date'],
      [{ ...schedule2027, days: [{ date: '2027-02-05', kind: 'holiday', name: '  ' }] }, 400, 'days.0.name'],
      [{ ...schedule2027, days: [{ date: '2027-02-05', kind: 'off', name: '春节' }] }, 400, 'days.0.kind'],
      [{ ...schedule2027, source: '' }, 400, 'source'],
      [{ source: 'x', days: schedule2027.days, text: 'date,kind,name' }, 400, 'days'],
      [{ source: 'x' }, 400, 'days'],
      [{ source: 'x', text: 'date,kind,name\n2027-02-05,holiday,春节\n2027-02-05,班,春节\n2027-02-30,休,春节' }, 422, 'text.line 3'],
      [{ ...schedule2027, year: 2028 }, 400, 'year'],
    ];
    for (const [body, status, field] of cases) {
      const response = await sendJson(app, 'PUT', '/api/calendar/holidays/2027', body, admin);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(namesField(response.body, field), JSON.stringify(response.body)).toBe(true);
    }
    const textual = await sendJson(app, 'PUT', '/api/calendar/holidays/2027', { source: 'x', text: '2027-02-05,holiday,春节\n2027-02-05,班,春节' }, admin);
    expect(textual.body.error.message).toContain('text.line 2: 2027-02-05 is listed both as a day off and as a working day (see line 1)');
    expect(await storedHolidaySchedules(database, 2027)).toEqual([]);
    expect(await auditSince(since)).toEqual([]);
  });

  test('an administrator enters 2027: stored, audited, and used at once by the day types and the working days', async () => {
    const calendarBefore = await workCalendar(app.deps);
    expect(calendarBefore.coverage(2027)).toBe('fallback');
    const before = (await getJson(app, '/api/calendar/days?from=2027-02-04&to=2027-02-21', planner)).body;
    expect(typeOn(before, '2027-02-08')).toBe('vacation_day');

    const since = await lastAuditId();
    const { status, body } = await sendJson(app, 'PUT', '/api/calendar/holidays/2027', schedule2027, admin);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ year: 2027, coverage: 'official', origin: 'entered', source: schedule2027.source, updatedBy: 'admin', packageCovers: false });
    expect(body.days).toEqual(schedule2027.days);

    const entries = await auditSince(since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'admin', action: 'holiday_schedule.save', entity: 'holiday_schedule', entityId: '2027', before: null });
    expect((entries[0].after as { days: unknown[] }).days).toHaveLength(7);
    expect((await verifyAuditChain(database)).ok).toBe(true);

    // The cache was dropped by the write: the next read sees the schedule everywhere.
    const after = (await getJson(app, '/api/calendar/days?from=2027-02-04&to=2027-02-21', leader)).body;
    expect(after.days.every((d: { coverage: string }) => d.coverage === 'official')).toBe(true);
    expect(after.days.find((d: { date: string }) => d.date === '2027-02-08')).toMatchObject({ type: 'holiday', holidayName: '春节', vacation: 'winter' });
    expect(after.days.find((d: { date: string }) => d.date === '2027-02-20')).toMatchObject({ type: 'vacation_day', makeupWorkday: true });
    expect(after.sources.national[0]).toMatchObject({ year: 2027, origin: 'entered', source: schedule2027.source, updatedBy: 'admin' });
    const calendar = await workCalendar(app.deps);
    // Thursday 4 February 2027 + 1 working day: Friday 5 is a holiday now, the next working day is Wednesday 10.
    expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-10');
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
  });

  test('a second PUT replaces the schedule, by pasted CSV text; the audit entry keeps before and after', async () => {
    const since = await lastAuditId();
    const text = 'date,kind,name\n2027-01-01,休,元旦\n2027-02-06,休,春节\n2027-02-07,休,春节';
    const { status, body } = await sendJson(app, 'PUT', '/api/calendar/holidays/2027', { source: '测试：粘贴导入', text }, admin);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.days.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-07']);
    const [entry] = await auditSince(since);
    expect((entry.before as { source: string }).source).toBe(schedule2027.source);
    expect((entry.after as { source: string }).source).toBe('测试：粘贴导入');
    expect((await storedHolidaySchedules(database, 2027))[0].days).toHaveLength(3);
  });

  test('two administrators saving at once leave one whole schedule', async () => {
    const one = { source: 'one', days: schedule2027.days.slice(0, 3) };
    const two = { source: 'two', days: schedule2027.days.slice(2) };
    const answers = await Promise.all([one, two].map((b) => sendJson(app, 'PUT', '/api/calendar/holidays/2027', b, admin)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const [stored] = await storedHolidaySchedules(database, 2027);
    const expected = stored.source === 'one' ? one.days : two.days;
    expect(stored.days).toEqual(expected);
  });

  test('DELETE returns the year to the fallback, audited; a second DELETE is 404', async () => {
    expect((await sendJson(app, 'DELETE', '/api/calendar/holidays/2027', undefined, planner)).status).toBe(403);
    const since = await lastAuditId();
    const response = await app.request('/api/calendar/holidays/2027', { method: 'DELETE', headers: { Cookie: admin } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ year: 2027, origin: 'fallback', coverage: 'fallback' });
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: 'holiday_schedule.remove', entityId: '2027', after: null });
    expect((await workCalendar(app.deps)).coverage(2027)).toBe('fallback');
    const again = await app.request('/api/calendar/holidays/2027', { method: 'DELETE', headers: { Cookie: admin } });
    expect(again.status).toBe(404);
  });
});

describe('school vacations', () => {
  test('GET: the demo build stored the shipped Shanghai defaults; the defaults come along', async () => {
    const { status, body } = await getJson(app, '/api/calendar/school-vacations', leader);
    expect(status).toBe(200);
    expect(body.city).toBe('310000');
    expect(body.vacations.map(({ updatedAt: _a, updatedBy: _b, ...v }: Record<string, unknown>) => v)).toEqual(SHANGHAI_SCHOOL_VACATION_DEFAULTS);
    expect(body.defaults).toEqual(SHANGHAI_SCHOOL_VACATION_DEFAULTS);
    const other = (await getJson(app, '/api/calendar/school-vacations?city=320100', leader)).body;
    expect(other).toEqual({ city: '320100', vacations: [], defaults: [] });
  });

  const defaults = SHANGHAI_SCHOOL_VACATION_DEFAULTS;
  const published2026 = { ...defaults[2], startsOn: '2027-01-25', endsOn: '2027-02-19', status: 'published', source: '测试：2026学年校历' };

  test('PUT: administrators only; bad lists are refused naming the entry and field, nothing is written', async () => {
    const since = await lastAuditId();
    for (const cookie of [planner, leader]) expect((await sendJson(app, 'PUT', '/api/calendar/school-vacations', { city: '310000', vacations: defaults }, cookie)).status).toBe(403);
    const cases: [unknown, number, string][] = [
      [{ city: '310000', vacations: [defaults[0], { ...defaults[1], endsOn: '2026-06-01', startsOn: '2026-07-01' }] }, 422, 'vacations[1].endsOn'],
      [{ city: '310000', vacations: [defaults[0], defaults[0]] }, 422, 'vacations[1].kind'],
      [{ city: '310000', vacations: [{ ...defaults[2], startsOn: '2026-11-01' }] }, 422, 'vacations[0].startsOn'],
      [{ city: '310000', vacations: [{ ...defaults[0], startsOn: '2026-02-30' }] }, 400, 'vacations.0.startsOn'],
      [{ city: '310000', vacations: [{ ...defaults[0], status: 'draft' }] }, 400, 'vacations.0.status'],
      [{ city: '310000', vacations: [{ ...defaults[0], source: '' }] }, 400, 'vacations.0.source'],
      [{ city: '310000', vacations: [{ ...defaults[0], note: 'x' }] }, 400, 'note'],
      [{ city: 'SH', vacations: defaults }, 400, 'city'],
    ];
    for (const [body, status, field] of cases) {
      const response = await sendJson(app, 'PUT', '/api/calendar/school-vacations', body, admin);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(namesField(response.body, field), JSON.stringify(response.body)).toBe(true);
    }
    expect((await schoolVacationsOf(database, '310000')).map((v) => v.startsOn)).toEqual(defaults.map((v) => v.startsOn));
    expect(await auditSince(since)).toEqual([]);
  });

  test('PUT: the published 2026学年 replaces the estimate, audited, and the day types follow', async () => {
    const since = await lastAuditId();
    const vacations = [defaults[0], defaults[1], published2026, defaults[3]];
    const { status, body } = await sendJson(app, 'PUT', '/api/calendar/school-vacations', { city: '310000', vacations }, admin);
    expect(status, JSON.stringify(body)).toBe(200);
    const winter = body.vacations.find((v: { schoolYear: number; kind: string }) => v.schoolYear === 2026 && v.kind === 'winter');
    expect(winter).toMatchObject({ startsOn: '2027-01-25', endsOn: '2027-02-19', status: 'published', updatedBy: 'admin' });
    // Unchanged entries keep the stamp of the demo build.
    expect(body.vacations.find((v: { schoolYear: number; kind: string }) => v.schoolYear === 2025 && v.kind === 'winter').updatedBy).toBe('system');
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: 'school_vacations.save', entity: 'school_vacations', entityId: '310000' });
    expect((entry.before as { startsOn: string }[])[2].startsOn).toBe('2027-01-23');
    expect((entry.after as { startsOn: string }[])[2].startsOn).toBe('2027-01-25');
    const days = (await getJson(app, '/api/calendar/days?from=2027-01-23&to=2027-01-25', planner)).body;
    expect(days.days.map((d: { type: string }) => d.type)).toEqual(['weekend', 'weekend', 'vacation_day']);
  });

  test('PUT: an empty list removes them, and the day types say the vacations are missing', async () => {
    expect((await sendJson(app, 'PUT', '/api/calendar/school-vacations', { city: '310000', vacations: [] }, admin)).status).toBe(200);
    const days = (await getJson(app, '/api/calendar/days?from=2026-07-01&to=2026-07-02', planner)).body;
    expect(days.days.map((d: { type: string }) => d.type)).toEqual(['school_day', 'school_day']);
    expect(days.sources.missingVacations).toEqual([{ schoolYear: 2025, kind: 'summer' }]);
    expect((await sendJson(app, 'PUT', '/api/calendar/school-vacations', { city: '310000', vacations: defaults }, admin)).status).toBe(200);
    expect((await schoolVacationsOf(database, '310000')).length).toBe(4);
  });
});
