import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import {
  reviewPresetsSchema,
  reviewRankingSchema,
  reviewSummarySchema,
  reviewTrendSchema,
  type ReviewRanking,
  type ReviewSummary,
} from '../../server/contract/review.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';

// The district review on the seeded test data: each figure read again here with plain SQL over the clues, the scope
// of a district leader (普陀区) down to an institution, the league table and its weights, and bad input refused.

const PUTUO = '310107';
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };

let app: TestApp;
let database: Database;
let cookies: Awaited<ReturnType<typeof roleCookies>>;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  cookies = await roleCookies(app);
}, 240_000);

/** Rows of a query read here to check the API against. */
const rowsOf = async <T>(q: SQL): Promise<T[]> => (await database.rows(q)) as T[];

const query = (q: Record<string, string>) => new URLSearchParams(q).toString();

async function summary(cookie: string, q: Record<string, string>): Promise<ReviewSummary> {
  const { status, body } = await getJson(app, `/api/review/summary?${query(q)}`, cookie);
  expect(status, JSON.stringify(body)).toBe(200);
  return reviewSummarySchema.parse(body);
}

/** The clue measures counted directly: reported in [from 00:00, to + 1 day 00:00) Shanghai time, as they stand at the test clock. */
async function directCounts(period: { from: string; to: string }, where: ReturnType<typeof sql>) {
  const [row] = await rowsOf<{ received: number; closed: number; closed_on_time: number; open_overdue: number; named: number; repeat: number }>(sql`
    WITH c AS (
      SELECT * FROM clues
      WHERE reported_at >= (${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND reported_at < (${period.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND ${where}
    ), named AS (SELECT institution_id, count(*) AS n FROM c WHERE institution_id IS NOT NULL GROUP BY institution_id)
    SELECT
      (SELECT count(*) FROM c)::int AS received,
      (SELECT count(*) FROM c WHERE status = 'closed')::int AS closed,
      (SELECT count(*) FROM c WHERE status = 'closed' AND closed_at <= due_at)::int AS closed_on_time,
      (SELECT count(*) FROM c WHERE status NOT IN ('closed', 'rejected') AND due_at < ${testAsOf.toISOString()}::timestamptz)::int AS open_overdue,
      (SELECT count(*) FROM named)::int AS named,
      (SELECT count(*) FROM named WHERE n >= 2)::int AS repeat`);
  return row;
}

function expectKpisMatch(kpis: ReviewSummary['kpis'], direct: Awaited<ReturnType<typeof directCounts>>) {
  expect(kpis).toMatchObject({
    received: direct.received,
    closed: direct.closed,
    closedOnTime: direct.closed_on_time,
    openOverdue: direct.open_overdue,
    institutionsNamed: direct.named,
    repeatOffenders: direct.repeat,
  });
  if (direct.received === 0) expect(kpis.closureRate).toBeNull();
  else expect(kpis.closureRate).toBeCloseTo(direct.closed / direct.received, 10);
}

describe('GET /api/review/summary', () => {
  test('the city for a month compared with the month before: every measure equals a direct count, the districts add up', async () => {
    const s = await summary(cookies.admin, { ...OCTOBER, compareFrom: SEPTEMBER.from, compareTo: SEPTEMBER.to });
    expect(s.unit).toEqual({ level: 'city', code: null, name: '上海市' });
    expect(s.breadcrumb.map((c) => c.level)).toEqual(['city']);
    expectKpisMatch(s.kpis, await directCounts(OCTOBER, sql`true`));
    expectKpisMatch(s.compareKpis!, await directCounts(SEPTEMBER, sql`true`));
    expect(s.kpis.received).toBeGreaterThan(0);
    expect(s.childLevel).toBe('district');
    expect(s.children.length).toBeGreaterThan(1);
    expect(s.children.reduce((n, c) => n + c.kpis.received, 0)).toBe(s.kpis.received);
    expect(s.children.reduce((n, c) => n + c.compareKpis!.received, 0)).toBe(s.compareKpis!.received);
    // Most clues first.
    const received = s.children.map((c) => c.kpis.received);
    expect(received).toEqual([...received].sort((a, b) => b - a));
    expect(s.bbox).not.toBeNull();
  });

  test('without a compared period there are no compared figures', async () => {
    const s = await summary(cookies.planner, OCTOBER);
    expect(s.compare).toBeNull();
    expect(s.compareKpis).toBeNull();
    expect(s.children.every((c) => c.compareKpis === null)).toBe(true);
  });

  test('drill-down district → 街镇 → grid cell → institution: the breadcrumb grows, each level equals its direct count', async () => {
    const wide = { from: '2024-11-01', to: '2026-10-31' };
    const district = await summary(cookies.admin, { ...wide, level: 'district', code: PUTUO });
    expect(district.breadcrumb.map((c) => c.level)).toEqual(['city', 'district']);
    expect(district.unit.name).toBe('普陀区');
    expectKpisMatch(district.kpis, await directCounts(wide, sql`district_code = ${PUTUO}`));
    expect(district.childLevel).toBe('street');
    expect(district.children.reduce((n, c) => n + c.kpis.received, 0)).toBe(district.kpis.received);

    const streetCode = district.children[0].code!;
    const street = await summary(cookies.admin, { ...wide, level: 'street', code: streetCode });
    expect(street.breadcrumb.map((c) => c.code)).toEqual([null, PUTUO, streetCode]);
    expectKpisMatch(street.kpis, await directCounts(wide, sql`grid_cell_id IN (SELECT id FROM grid_cells WHERE street_code = ${streetCode})`));
    expect(street.childLevel).toBe('cell');

    const cellId = street.children[0].code!;
    const cell = await summary(cookies.admin, { ...wide, level: 'cell', code: cellId });
    expect(cell.breadcrumb).toHaveLength(4);
    expectKpisMatch(cell.kpis, await directCounts(wide, sql`grid_cell_id = ${Number(cellId)}`));
    expect(cell.childLevel).toBe('institution');

    // An institution the clues name, in that cell.
    const [named] = await rowsOf<{ id: number }>(
      sql`SELECT institution_id AS id FROM clues WHERE district_code = ${PUTUO} AND institution_id IS NOT NULL AND reported_at >= '2024-11-01' GROUP BY institution_id ORDER BY count(*) DESC, institution_id LIMIT 1`,
    );
    const institution = await summary(cookies.admin, { ...wide, level: 'institution', code: String(named.id) });
    expect(institution.breadcrumb.map((c) => c.level)).toEqual(['city', 'district', 'street', 'cell', 'institution']);
    expect(institution.childLevel).toBeNull();
    expect(institution.children).toEqual([]);
    const direct = await directCounts(wide, sql`institution_id = ${named.id}`);
    expectKpisMatch(institution.kpis, direct);
    expect(direct.received).toBeGreaterThan(0);
    expect(institution.clues).toHaveLength(Math.min(direct.received, 200));
    const times = institution.clues.map((c) => c.reportedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('a district leader asking for the city gets their district; another district is 403; an unknown unit is 404', async () => {
    const s = await summary(cookies.leader, OCTOBER);
    expect(s.unit).toMatchObject({ level: 'district', code: PUTUO });
    expect(s.breadcrumb.map((c) => c.level)).toEqual(['district']);
    expectKpisMatch(s.kpis, await directCounts(OCTOBER, sql`district_code = ${PUTUO}`));
    const body = JSON.stringify(s);
    // No other district's code (3101xx) anywhere in the answer.
    expect(body.match(/3101\d\d(?!\d)/g)?.filter((code) => code !== PUTUO) ?? []).toEqual([]);

    const [other] = await rowsOf<{ code: string; street: string }>(
      sql`SELECT d.code, min(s.code) AS street FROM districts d JOIN streets s ON s.district_code = d.code WHERE d.code <> ${PUTUO} GROUP BY d.code ORDER BY d.code LIMIT 1`,
    );
    for (const q of [
      { level: 'district', code: other.code },
      { level: 'street', code: other.street },
    ]) {
      const { status, body: refused } = await getJson(app, `/api/review/summary?${query({ ...OCTOBER, ...q })}`, cookies.leader);
      expect(status).toBe(403);
      expect(JSON.stringify(refused)).not.toMatch(/"kpis"/);
    }
    const { status } = await getJson(app, `/api/review/summary?${query({ ...OCTOBER, level: 'street', code: '999999999' })}`, cookies.admin);
    expect(status).toBe(404);
  });

  test('the wall account and anonymous callers are refused', async () => {
    expect((await getJson(app, `/api/review/summary?${query(OCTOBER)}`, cookies.wall)).status).toBe(403);
    expect((await getJson(app, `/api/review/summary?${query(OCTOBER)}`)).status).toBe(401);
    expect((await getJson(app, '/api/review/presets', cookies.wall)).status).toBe(403);
  });

  test.each([
    [{ from: '2026-10-31', to: '2026-10-01' }, 'ends before it starts'],
    [{ from: '2024-01-01', to: '2026-10-31' }, 'longer than 800 days'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'calendar date'],
    [{ ...OCTOBER, compareFrom: '2026-09-01' }, 'given together'],
    [{ ...OCTOBER, level: 'district' }, 'needs its code'],
    [{ ...OCTOBER, level: 'district', code: "310107' OR 1=1" }, 'code'],
  ])('bad query %j: 400 saying why', async (q, why) => {
    const { status, body } = await getJson(app, `/api/review/summary?${query(q)}`, cookies.admin);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(why);
  });
});

describe('GET /api/review/trend', () => {
  test('monthly series of the district and its 街镇: the steps add up to the period count', async () => {
    const period = { from: '2026-05-01', to: '2026-10-31' };
    const { status, body } = await getJson(app, `/api/review/trend?${query({ ...period, level: 'district', code: PUTUO })}`, cookies.leader);
    expect(status, JSON.stringify(body)).toBe(200);
    const trend = reviewTrendSchema.parse(body);
    expect(trend.steps).toEqual(['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']);
    const [own, ...streets] = trend.series;
    expect(own).toMatchObject({ level: 'district', code: PUTUO });
    expect(own.received.reduce((a, b) => a + b, 0)).toBe((await directCounts(period, sql`district_code = ${PUTUO}`)).received);
    const october = await directCounts(OCTOBER, sql`district_code = ${PUTUO}`);
    expect(own.received[5]).toBe(october.received);
    expect(own.closed[5]).toBe(october.closed);
    expect(streets.length).toBeGreaterThan(0);
    expect(streets.every((s) => s.level === 'street')).toBe(true);
    for (let i = 0; i < trend.steps.length; i++) expect(streets.reduce((n, s) => n + s.received[i], 0)).toBe(own.received[i]);
  });

  test('an institution has no trend of its own (400); the leader cannot read another district (403)', async () => {
    expect((await getJson(app, `/api/review/trend?${query({ ...OCTOBER, level: 'institution', code: '1' })}`, cookies.admin)).status).toBe(400);
    expect((await getJson(app, `/api/review/trend?${query({ ...OCTOBER, level: 'district', code: '310101' })}`, cookies.leader)).status).toBe(403);
  });
});

describe('拉榜排名', () => {
  const ranking = async (cookie: string): Promise<ReviewRanking> => {
    const { status, body } = await getJson(app, `/api/review/ranking?${query(OCTOBER)}`, cookie);
    expect(status, JSON.stringify(body)).toBe(200);
    return reviewRankingSchema.parse(body);
  };

  test('every district ranked; the parts add up to the score; the leader sees the same table', async () => {
    const table = await ranking(cookies.admin);
    const [{ n }] = await rowsOf<{ n: number }>(sql`SELECT count(*)::int AS n FROM districts`);
    expect(table.rows).toHaveLength(n);
    for (const row of table.rows) {
      if (row.score === null) continue;
      const points = Object.values(row.parts).reduce((sum, p) => sum + (p.points ?? 0), 0);
      expect(points).toBeCloseTo(row.score, 6);
    }
    const scores = table.rows.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // 万人线索数 is the district's clues over its population.
    const putuo = table.rows.find((r) => r.districtCode === PUTUO)!;
    const [{ population }] = await rowsOf<{ population: number }>(sql`SELECT population FROM districts WHERE code = ${PUTUO}`);
    const { received } = await directCounts(OCTOBER, sql`district_code = ${PUTUO}`);
    expect(putuo.parts.cluesPer10k.value).toBeCloseTo((received / population) * 10_000, 8);
    expect(await ranking(cookies.leader)).toEqual(table);
  });

  test('weights: an administrator sets them (a new version, audited); a stale version is 409; others 403; bad weights 400', async () => {
    const before = await ranking(cookies.admin);
    const weights = { cluesPer10k: 0, onTimeRate: 1, closureRate: 0, priorityCoverage: 0, repeatOffenders: 0 };
    const put = (body: unknown, cookie = cookies.admin) => sendJson(app, 'PUT', '/api/review/ranking-weights', body, cookie);

    expect((await put({ weights, expectedVersion: before.weightsVersion }, cookies.leader)).status).toBe(403);
    expect((await put({ weights, expectedVersion: before.weightsVersion }, cookies.planner)).status).toBe(403);
    const zero = await put({ weights: { ...weights, onTimeRate: 0 }, expectedVersion: before.weightsVersion });
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body)).toContain('at least one weight');
    expect((await put({ weights: { ...weights, onTimeRate: 1.5 }, expectedVersion: before.weightsVersion })).status).toBe(400);
    expect((await put({ weights: { onTimeRate: 1 }, expectedVersion: before.weightsVersion })).status).toBe(400);

    const ok = await put({ weights, expectedVersion: before.weightsVersion });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ weights, version: before.weightsVersion + 1 });
    const stale = await put({ weights: { ...weights, closureRate: 1 }, expectedVersion: before.weightsVersion });
    expect(stale.status).toBe(409);

    const after = await ranking(cookies.admin);
    expect(after).toMatchObject({ weights, weightsVersion: before.weightsVersion + 1, weightsSetBy: 'admin' });
    // On the on-time rate alone, each score is 100 × that district's on-time rate normalised.
    for (const row of after.rows) if (row.parts.onTimeRate.normalised !== null) expect(row.score).toBeCloseTo(100 * row.parts.onTimeRate.normalised, 6);

    const { entries } = await listAudit(database, { limit: 5 });
    const entry = entries.find((e) => e.action === 'review.ranking_weights');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain('"onTimeRate":1');

    // Back to the defaults, so the other tests read the formula they expect.
    expect((await put({ weights: before.weights, expectedVersion: after.weightsVersion })).status).toBe(200);
  });
});

describe('GET /api/review/presets', () => {
  test('the presets on the test clock, each period inside the slider', async () => {
    const { status, body } = await getJson(app, '/api/review/presets', cookies.leader);
    expect(status).toBe(200);
    const presets = reviewPresetsSchema.parse(body);
    expect(presets.today).toBe('2026-11-01');
    expect(presets.sliderFrom).toBe('2024-11-01');
    const keys = presets.presets.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['week', 'month', 'month_last_year', 'quarter', 'winter_vacation', 'summer_vacation']));
    for (const p of presets.presets) {
      expect(p.period.from <= p.period.to).toBe(true);
      expect(p.period.to <= presets.today).toBe(true);
      expect(p.period.from >= presets.sliderFrom).toBe(true);
    }
  });
});
