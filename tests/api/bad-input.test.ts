import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storedHolidaySchedules } from '../../db/queries/calendar.js';
import { countRows } from '../../db/queries/seed.js';
import { allTime, loginCookie, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// A corpus of bad requests over every write and query endpoint: each must get a clear 4xx JSON error naming the
// field (or part of the request) at fault, and no refused request may write a row or an audit entry. The figures
// (requests, share answered as required) go in docs/reliability.md.

interface BadRequest {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** A value sent as JSON, or a string sent as it is. */
  body?: unknown;
  status: number;
  /** Appears in the message or in an issue's path. */
  field: string;
  as?: 'admin' | 'leader' | 'anonymous';
}

const point = [121.437, 31.228];
const clue = {
  source: '12345',
  reportedAt: '2026-10-20T10:00:00+08:00',
  geometry: { type: 'Point', coordinates: point },
  address: '静安区某路1号',
  description: '居民楼内疑似开展学科类培训',
  suspectedType: 'residential_flat',
};
const patrol = {
  district: '310107',
  date: '2026-11-23',
  shift: { kind: 'weekday_evening' },
  teams: 2,
  base: { office: 'education' },
  targets: { topInstitutions: 5 },
};
const square = [
  [121.4, 31.2],
  [121.41, 31.2],
  [121.41, 31.21],
  [121.4, 31.21],
];
const polygonFeature = (coordinates: number[][][], value: unknown = 1) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { n: value } });
const shifted = (dx: number) => [[...square.map(([x, y]) => [x + dx, y]), [square[0][0] + dx, square[0][1]]]];
const threeCells = [polygonFeature(shifted(0)), polygonFeature(shifted(0.01)), polygonFeature(shifted(0.02))];
const bowtie = [
  [
    [121.4, 31.2],
    [121.41, 31.21],
    [121.41, 31.2],
    [121.4, 31.21],
    [121.4, 31.2],
  ],
];
const problem = { vehicles: [{ id: 1, start: point }], jobs: [{ id: 1, location: [121.44, 31.23] }] };

const corpus: BadRequest[] = [
  // auth
  { name: 'login: malformed JSON', method: 'POST', path: '/api/auth/login', body: '{"username": "admin",', status: 400, field: 'body', as: 'anonymous' },
  { name: 'login: password a number', method: 'POST', path: '/api/auth/login', body: { username: 'admin', password: 12345678 }, status: 400, field: 'password', as: 'anonymous' },
  { name: 'login: missing username', method: 'POST', path: '/api/auth/login', body: { password: 'x' }, status: 400, field: 'username', as: 'anonymous' },
  { name: 'login: unknown field', method: 'POST', path: '/api/auth/login', body: { username: 'a', password: 'b', role: 'admin' }, status: 400, field: 'role', as: 'anonymous' },
  { name: 'login: SQL in the username', method: 'POST', path: '/api/auth/login', body: { username: "admin' OR '1'='1", password: 'x' }, status: 401, field: 'username', as: 'anonymous' },
  { name: 'login: username of 10,000 characters', method: 'POST', path: '/api/auth/login', body: { username: 'a'.repeat(10_000), password: 'x' }, status: 400, field: 'username', as: 'anonymous' },
  // clue writes
  { name: 'clue: malformed JSON', method: 'POST', path: '/api/clues', body: '{"source": "12345"', status: 400, field: 'body' },
  { name: 'clue: JSON that is an array', method: 'POST', path: '/api/clues', body: [clue], status: 400, field: 'json' },
  { name: 'clue: unknown source', method: 'POST', path: '/api/clues', body: { ...clue, source: 'twitter' }, status: 400, field: 'source' },
  { name: 'clue: unknown suspected type', method: 'POST', path: '/api/clues', body: { ...clue, suspectedType: 'DROP TABLE clues' }, status: 400, field: 'suspectedType' },
  { name: 'clue: NaN coordinates', method: 'POST', path: '/api/clues', body: '{"source":"12345","reportedAt":"2026-10-20T10:00:00+08:00","geometry":{"type":"Point","coordinates":[NaN,31.2]},"address":"a","description":"b","suspectedType":"other"}', status: 400, field: 'body' },
  { name: 'clue: coordinates as strings', method: 'POST', path: '/api/clues', body: { ...clue, geometry: { type: 'Point', coordinates: ['121.4', '31.2'] } }, status: 400, field: 'geometry' },
  { name: 'clue: latitude out of range', method: 'POST', path: '/api/clues', body: { ...clue, geometry: { type: 'Point', coordinates: [121.4, 95] } }, status: 400, field: 'geometry' },
  { name: 'clue: [lat, lon] swapped', method: 'POST', path: '/api/clues', body: { ...clue, geometry: { type: 'Point', coordinates: [31.228, 121.437] } }, status: 400, field: 'geometry' },
  { name: 'clue: a self-intersecting polygon', method: 'POST', path: '/api/clues', body: { ...clue, geometry: { type: 'Polygon', coordinates: bowtie } }, status: 400, field: 'geometry' },
  { name: 'clue: a point in Paris', method: 'POST', path: '/api/clues', body: { ...clue, geometry: { type: 'Point', coordinates: [2.35, 48.85] } }, status: 422, field: 'geometry' },
  { name: 'clue: report in the future', method: 'POST', path: '/api/clues', body: { ...clue, reportedAt: '2030-01-01T00:00:00Z' }, status: 422, field: 'reportedAt' },
  { name: 'clue: not a date', method: 'POST', path: '/api/clues', body: { ...clue, reportedAt: 'yesterday' }, status: 400, field: 'reportedAt' },
  { name: 'clue: empty address', method: 'POST', path: '/api/clues', body: { ...clue, address: '   ' }, status: 400, field: 'address' },
  { name: 'clue: description of 6,000 characters', method: 'POST', path: '/api/clues', body: { ...clue, description: '培'.repeat(6000) }, status: 400, field: 'description' },
  { name: 'clue: institution id negative', method: 'POST', path: '/api/clues', body: { ...clue, institutionId: -4 }, status: 400, field: 'institutionId' },
  { name: 'clue: institution id a float', method: 'POST', path: '/api/clues', body: { ...clue, institutionId: 1.5 }, status: 400, field: 'institutionId' },
  { name: 'clue: institution that does not exist', method: 'POST', path: '/api/clues', body: { ...clue, institutionId: 999_999 }, status: 422, field: 'institutionId' },
  { name: 'clue: status set on create', method: 'POST', path: '/api/clues', body: { ...clue, status: 'closed' }, status: 400, field: 'status' },
  { name: 'clue: a body of 2 MB', method: 'POST', path: '/api/clues', body: { ...clue, description: 'x'.repeat(2_000_000) }, status: 413, field: 'body' },
  { name: 'clue: another district (leader)', method: 'POST', path: '/api/clues', body: clue, status: 403, field: 'district', as: 'leader' },
  { name: 'clue status: unknown status', method: 'PATCH', path: '/api/clues/1', body: { status: 'done' }, status: 400, field: 'status' },
  { name: 'clue status: back to received', method: 'PATCH', path: '/api/clues/1', body: { status: 'received' }, status: 409, field: 'status' },
  { name: 'clue status: id not a number', method: 'PATCH', path: '/api/clues/abc', body: { status: 'registered' }, status: 400, field: 'id' },
  { name: 'clue status: id that does not exist', method: 'PATCH', path: '/api/clues/999999', body: { status: 'registered' }, status: 404, field: 'clue 999999' },
  { name: 'clue status: SQL in the id', method: 'PATCH', path: "/api/clues/1;DELETE%20FROM%20clues", body: { status: 'registered' }, status: 400, field: 'id' },
  { name: 'clue status: note of 3,000 characters', method: 'PATCH', path: '/api/clues/1', body: { status: 'registered', note: 'n'.repeat(3000) }, status: 400, field: 'note' },
  // hot spots on a posted collection
  { name: 'hotspots: not a FeatureCollection', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'Feature' }, value: 'n' }, status: 400, field: 'collection' },
  { name: 'hotspots: two features', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: threeCells.slice(0, 2) }, value: 'n' }, status: 422, field: 'collection' },
  { name: 'hotspots: a value that is not a number', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: [...threeCells.slice(0, 2), polygonFeature(shifted(0.02), 'many')] }, value: 'n' }, status: 422, field: 'collection.features[2]' },
  { name: 'hotspots: a self-intersecting polygon', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: [...threeCells, polygonFeature(bowtie)] }, value: 'n' }, status: 422, field: 'collection.features[3]' },
  { name: 'hotspots: knn with k ≥ n', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: threeCells }, value: 'n', weights: 'knn:5' }, status: 422, field: 'weights' },
  { name: 'hotspots: unknown weights', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: threeCells }, value: 'n', weights: 'hexagon' }, status: 400, field: 'weights' },
  { name: 'hotspots: too many permutations', method: 'POST', path: '/api/analysis/hotspots', body: { collection: { type: 'FeatureCollection', features: threeCells }, value: 'n', permutations: 100_000 }, status: 400, field: 'permutations' },
  // routing
  { name: 'optimize: no vehicles', method: 'POST', path: '/api/routing/optimize', body: { jobs: problem.jobs }, status: 422, field: 'vehicles' },
  { name: 'optimize: job location out of range', method: 'POST', path: '/api/routing/optimize', body: { ...problem, jobs: [{ id: 1, location: [500, 31] }] }, status: 422, field: 'jobs[0].location' },
  { name: 'optimize: negative service time', method: 'POST', path: '/api/routing/optimize', body: { ...problem, jobs: [{ id: 1, location: point, service: -1 }] }, status: 422, field: 'jobs[0].service' },
  { name: 'optimize: time limit above 10 s', method: 'POST', path: '/api/routing/optimize?timeLimit=60', body: problem, status: 400, field: 'timeLimit' },
  { name: 'optimize: departure hour 25', method: 'POST', path: '/api/routing/optimize?departureHour=25', body: problem, status: 400, field: 'departureHour' },
  { name: 'routing job: malformed JSON', method: 'POST', path: '/api/routing/jobs', body: '{"vehicles": [', status: 400, field: 'body' },
  { name: 'routing job: id not a UUID', method: 'DELETE', path: '/api/routing/jobs/1', status: 400, field: 'id' },
  { name: 'routing job: unknown job', method: 'DELETE', path: '/api/routing/jobs/2b1f0c52-4a5e-4c1e-9d51-8b6f2f6b3c11', status: 404, field: 'routing job' },
  { name: 'patrol plan: unknown district', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, district: '310199' }, status: 404, field: 'district' },
  { name: 'patrol plan: district with SQL', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, district: "310107' OR 1=1" }, status: 400, field: 'district' },
  { name: 'patrol plan: 31 February', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, date: '2026-02-31' }, status: 400, field: 'date' },
  { name: 'patrol plan: weekday shift on a Saturday', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, date: '2026-11-21' }, status: 422, field: 'shift.kind' },
  { name: 'patrol plan: shift ends before it starts', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, shift: { kind: 'custom', start: '21:00', end: '18:00' } }, status: 422, field: 'shift.end' },
  { name: 'patrol plan: 100 teams', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, teams: 100 }, status: 400, field: 'teams' },
  { name: 'patrol plan: an office that does not exist', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, base: { office: 'nowhere' } }, status: 422, field: 'base.office' },
  { name: 'patrol plan: no targets', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, targets: {} }, status: 422, field: 'targets' },
  { name: 'patrol plan: an institution of another district', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, targets: { institutionIds: [999_999] } }, status: 422, field: 'targets.institutionIds[0]' },
  { name: 'patrol plan: no certified officers (an expired date far ahead)', method: 'POST', path: '/api/routing/patrol-plan', body: { ...patrol, date: '2099-11-23' }, status: 422, field: 'teams' },
  { name: 'patrol plan job: teams a string', method: 'POST', path: '/api/routing/patrol-plan/jobs', body: { ...patrol, teams: '2' }, status: 400, field: 'teams' },
  // calendar
  { name: 'holidays: year of two digits', method: 'PUT', path: '/api/calendar/holidays/27', body: { source: 'x', text: '2027-02-06,休,春节' }, status: 400, field: 'year' },
  { name: 'holidays: a date of another year', method: 'PUT', path: '/api/calendar/holidays/2027', body: { source: 'x', days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] }, status: 422, field: 'days[0]' },
  { name: 'holidays: a day both off and worked', method: 'PUT', path: '/api/calendar/holidays/2027', body: { source: 'x', text: '2027-02-06,休,春节\n2027-02-06,班,春节' }, status: 422, field: 'text.line 2' },
  { name: 'holidays: a make-up day on a weekday', method: 'PUT', path: '/api/calendar/holidays/2027', body: { source: 'x', days: [{ date: '2027-02-06', kind: 'holiday', name: '春节' }, { date: '2027-02-10', kind: 'makeup_workday', name: '春节' }] }, status: 422, field: 'days[1]' },
  { name: 'holidays: no name', method: 'PUT', path: '/api/calendar/holidays/2027', body: { source: 'x', days: [{ date: '2027-02-06', kind: 'holiday', name: '' }] }, status: 400, field: 'days.0.name' },
  { name: 'holidays: written by a district leader', method: 'PUT', path: '/api/calendar/holidays/2027', body: { source: 'x', text: '2027-02-06,休,春节' }, status: 403, field: 'administrator', as: 'leader' },
  { name: 'holidays: removing a year never entered', method: 'DELETE', path: '/api/calendar/holidays/2031', status: 404, field: '2031' },
  { name: 'vacations: ends before it starts', method: 'PUT', path: '/api/calendar/school-vacations', body: { city: '310000', vacations: [{ schoolYear: 2026, kind: 'winter', startsOn: '2027-02-21', endsOn: '2027-01-23', status: 'published', source: 'x' }] }, status: 422, field: 'vacations[0].endsOn' },
  { name: 'vacations: an unknown kind', method: 'PUT', path: '/api/calendar/school-vacations', body: { city: '310000', vacations: [{ schoolYear: 2026, kind: 'spring', startsOn: '2027-04-01', endsOn: '2027-04-05', status: 'published', source: 'x' }] }, status: 400, field: 'vacations.0.kind' },
  { name: 'calendar days: a range of three years', method: 'GET', path: '/api/calendar/days?from=2026-01-01&to=2028-12-31', status: 400, field: 'to' },
  // queries
  { name: 'institutions: bbox of letters', method: 'GET', path: '/api/institutions?bbox=a,b,c,d', status: 400, field: 'bbox' },
  { name: 'institutions: NaN in the bbox', method: 'GET', path: '/api/institutions?bbox=121,NaN,122,32', status: 400, field: 'bbox' },
  { name: 'institutions: unknown status', method: 'GET', path: `/api/institutions?bbox=${shanghaiBbox}&status=open`, status: 400, field: 'status' },
  { name: 'institutions: cursor with SQL', method: 'GET', path: `/api/institutions?bbox=${shanghaiBbox}&cursor=1%20OR%201=1`, status: 400, field: 'cursor' },
  { name: 'institution: id 0', method: 'GET', path: '/api/institutions/0', status: 404, field: 'institution 0' },
  { name: 'institution: id of 20 digits', method: 'GET', path: '/api/institutions/12345678901234567890', status: 400, field: 'id' },
  { name: 'clues: from after to', method: 'GET', path: `/api/clues?bbox=${shanghaiBbox}&from=2026-10-01&to=2026-09-01`, status: 400, field: 'to' },
  { name: 'clues: limit NaN', method: 'GET', path: `/api/clues?bbox=${shanghaiBbox}&${allTime}&limit=NaN`, status: 400, field: 'limit' },
  { name: 'grid cells: a date with no offset', method: 'GET', path: '/api/grid-cells?from=2026-10-01T10:00:00&to=2026-11-01', status: 400, field: 'from' },
  { name: 'streets: district of 5 digits', method: 'GET', path: '/api/streets?district=31010', status: 400, field: 'district' },
  { name: 'summary: only from', method: 'GET', path: '/api/summary?from=2026-10-01', status: 400, field: 'to' },
  { name: 'summary: another district (leader)', method: 'GET', path: `/api/summary?${allTime}&district=310101`, status: 403, field: 'district', as: 'leader' },
  { name: 'grid hot spots: knn with k ≥ n', method: 'GET', path: `/api/analysis/grid-hotspots?${allTime}&district=310107&weights=knn:100000`, status: 422, field: 'weights' },
  { name: 'emerging: step of a day', method: 'GET', path: `/api/analysis/emerging-hotspots?${allTime}&step=day`, status: 400, field: 'step' },
  { name: 'cell counts: step of a year', method: 'GET', path: `/api/analysis/cell-counts?${allTime}&step=year`, status: 400, field: 'step' },
  { name: 'risk list: limit 0', method: 'GET', path: '/api/analysis/risk?limit=0', status: 400, field: 'limit' },
  { name: 'risk: institution that does not exist', method: 'GET', path: '/api/institutions/999999/risk', status: 404, field: 'institution 999999' },
  { name: 'audit: limit above 10,000', method: 'GET', path: '/api/audit?limit=10001', status: 400, field: 'limit' },
  { name: 'audit: read by a district leader', method: 'GET', path: '/api/audit', status: 403, field: 'administrator', as: 'leader' },
  { name: 'patrol options: no district', method: 'GET', path: '/api/routing/patrol-options', status: 400, field: 'district' },
  { name: 'patrol options: date of 13 months', method: 'GET', path: '/api/routing/patrol-options?district=310107&date=2026-13-01', status: 400, field: 'date' },
  { name: 'anything: no session', method: 'GET', path: '/api/districts', status: 401, field: 'session', as: 'anonymous' },
];

let app: TestApp;
const cookies: Record<string, string> = {};
let before: Record<string, number>;
let holidaysBefore: unknown;
const outcomes: { name: string; ok: boolean }[] = [];

beforeAll(async () => {
  app = await testApp();
  cookies.admin = await loginCookie(app, 'admin');
  cookies.leader = await loginCookie(app, 'putuo_leader');
  before = await countRows(await testDatabase());
  holidaysBefore = await storedHolidaySchedules(await testDatabase());
});

/** Whether the error names the field: in its message or in the path of one of its issues. */
function namesField(error: { message: string; details?: { issues?: { path: string | string[] }[] } | null }, field: string): boolean {
  if (error.message.includes(field)) return true;
  return (error.details?.issues ?? []).some((issue) => (Array.isArray(issue.path) ? issue.path.join('.') : issue.path).includes(field));
}

describe('the bad-input corpus', () => {
  test('holds at least 60 requests over the write and query endpoints', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((r) => r.name)).size).toBe(corpus.length);
  });

  test.each(corpus.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const who = r.as ?? 'admin';
    if (who !== 'anonymous') headers.Cookie = cookies[who];
    const body = r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const response = await app.request(r.path, { method: r.method, headers, body });
    const text = await response.text();
    let parsed: { error?: { code: string; message: string; details?: never } } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      // leaves parsed empty: the checks below fail with the text shown
    }
    const ok =
      response.status === r.status &&
      (response.headers.get('content-type') ?? '').startsWith('application/json') &&
      typeof parsed.error?.code === 'string' &&
      parsed.error.message.length > 0 &&
      namesField(parsed.error, r.field);
    outcomes.push({ name: r.name, ok });
    expect({ status: response.status, namesField: parsed.error ? namesField(parsed.error, r.field) : false }, text.slice(0, 400)).toEqual({
      status: r.status,
      namesField: true,
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('no refused request wrote a row or an audit entry', async () => {
    // Logins of the two sessions above happened before the count; refused logins write nothing.
    expect(await countRows(await testDatabase())).toEqual(before);
    expect(await storedHolidaySchedules(await testDatabase())).toEqual(holidaysBefore);
  });

  afterAll(() => {
    const passed = outcomes.filter((o) => o.ok).length;
    console.log(`bad-input corpus: ${passed}/${outcomes.length} requests answered with the expected 4xx naming the field`);
  });
});
