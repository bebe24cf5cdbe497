import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { getJson, roleCookies, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';

// The district review's briefing (研判简报) over HTTP on the test data: the PDF says what the review's JSON says, a
// district leader's copy holds nothing of another district but the league table, and every export is audited.

let app: TestApp;
let database: Database;
let cookies: Awaited<ReturnType<typeof roleCookies>>;

const PUTUO = '310107';
const JINGAN = '310106';
const PERIOD = 'from=2026-05-01&to=2026-10-31&compareFrom=2025-11-01&compareTo=2026-04-30';

const fetchPdf = async (query: string, cookie?: string) => {
  const response = await app.request(`/api/review/briefing.pdf?${query}`, { headers: cookie ? { Cookie: cookie } : {} });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) as { error?: { message?: string } } };
};
const textOf = async (bytes: Uint8Array) => squeezed((await pdfPageTexts(bytes)).join('\n'));
const exports = async () => (await listAudit(database, { limit: 500 })).entries.filter((e) => e.action === 'review.export');
const names = async (query: ReturnType<typeof sql>) => ((await database.rows(query)) as { name: string }[]).map((r) => r.name);

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  cookies = await roleCookies(app);
}, 120_000);

describe('GET /api/review/briefing.pdf', () => {
  test('an administrator gets the city’s briefing: its KPIs are the summary’s, with the ranking and the hot cells', async () => {
    const before = (await exports()).length;
    const pdf = await fetchPdf(PERIOD, cookies.admin);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="review-briefing-2026-05-01-2026-10-31.pdf"');
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const text = await textOf(pdf.bytes);
    expect(text).toContain('研判简报');
    expect(text).toContain('上海市');
    expect(text).toContain('生成的演示数据');
    expect(text).toContain('数据来源：JointOps');

    const summary = (await getJson(app, `/api/review/summary?${PERIOD}`, cookies.admin)).body;
    expect(summary.kpis.received).toBeGreaterThan(0);
    for (const key of ['received', 'closed', 'closedOnTime', 'openOverdue', 'institutionsNamed'] as const) {
      expect(text, key).toContain(String(summary.kpis[key]));
      expect(text, key).toContain(String(summary.compareKpis[key]));
    }
    expect(text).toContain(`${(summary.kpis.closureRate * 100).toFixed(1)}%`);

    const ranking = (await getJson(app, '/api/review/ranking?from=2026-05-01&to=2026-10-31', cookies.admin)).body;
    expect(ranking.rows.length).toBeGreaterThan(3);
    for (const row of ranking.rows) expect(text).toContain(row.name);
    const top = ranking.rows[0];
    expect(text).toContain(`${top.name}${top.score.toFixed(1)}`);

    const hot = (await getJson(app, '/api/analysis/grid-hotspots?from=2026-04-30T16:00:00Z&to=2026-10-31T16:00:00Z', cookies.admin)).body;
    const hottest = [...hot.cells].filter((c: any) => c.clueCount > 0).sort((a: any, b: any) => b.z - a.z)[0];
    expect(text).toContain(hottest.code);
    expect(text).toContain('热点网格前十');

    const after = await exports();
    expect(after.length).toBe(before + 1);
    const entry = after[0];
    expect(entry.actor).toBe('admin');
    expect(entry.entity).toBe('review_briefing');
    expect(entry.after).toMatchObject({ file: 'review-briefing-2026-05-01-2026-10-31.pdf', query: { from: '2026-05-01', to: '2026-10-31', compareFrom: '2025-11-01', level: 'city' } });
  }, 120_000);

  test('a district leader asking for the city gets 普陀区, with no street or institution of another district', async () => {
    const pdf = await fetchPdf(`${PERIOD}&bbox=121.30,31.20,121.50,31.32`, cookies.leader);
    expect(pdf.status).toBe(200);
    const text = await textOf(pdf.bytes);
    expect(text).toContain('研判简报');
    expect(text).toContain('普陀区');
    const own = (await getJson(app, `/api/review/summary?${PERIOD}`, cookies.leader)).body;
    expect(own.unit).toMatchObject({ level: 'district', code: PUTUO });
    expect(text).toContain(String(own.kpis.received));

    const ownStreets = await names(sql`SELECT name FROM streets WHERE district_code = ${PUTUO}`);
    expect(ownStreets.some((n) => text.includes(n))).toBe(true);
    const otherStreets = await names(sql`SELECT DISTINCT name FROM streets WHERE district_code <> ${PUTUO} AND name NOT IN (SELECT name FROM streets WHERE district_code = ${PUTUO})`);
    const otherInstitutions = await names(sql`SELECT DISTINCT name FROM institutions WHERE district_code <> ${PUTUO} AND name NOT IN (SELECT name FROM institutions WHERE district_code = ${PUTUO})`);
    expect(otherStreets.length).toBeGreaterThan(10);
    expect(otherInstitutions.length).toBeGreaterThan(10);
    expect(otherStreets.filter((n) => text.includes(squeezed(n)))).toEqual([]);
    expect(otherInstitutions.filter((n) => text.includes(squeezed(n)))).toEqual([]);
    // The league table's names are what a leader may see of the others.
    expect(text).toContain('静安区');
  }, 120_000);

  test('a street’s briefing names the street and lists only its cells', async () => {
    const [street] = (await database.rows(sql`SELECT s.code, s.name FROM streets s WHERE s.district_code = ${PUTUO} ORDER BY s.code LIMIT 1`)) as { code: string; name: string }[];
    const pdf = await fetchPdf(`${PERIOD}&level=street&code=${street.code}`, cookies.planner);
    expect(pdf.status).toBe(200);
    const text = await textOf(pdf.bytes);
    expect(text).toContain(squeezed(`普陀区›${street.name}`));
    const otherStreets = await names(sql`SELECT name FROM streets WHERE district_code = ${PUTUO} AND code <> ${street.code}`);
    expect(otherStreets.filter((n) => text.includes(n))).toEqual([]);
  }, 120_000);

  test('another district, the wall and no session are refused', async () => {
    expect((await fetchPdf(`${PERIOD}&level=district&code=${JINGAN}`, cookies.leader)).status).toBe(403);
    expect((await fetchPdf(PERIOD, cookies.wall)).status).toBe(403);
    expect((await fetchPdf(PERIOD)).status).toBe(401);
  });

  test('a bad bbox or period is a 400 that says what is wrong, and nothing is exported', async () => {
    const before = (await exports()).length;
    const cases: [string, RegExp][] = [
      [`${PERIOD}&bbox=121.5,31.2,121.3,31.3`, /minLon must be less than maxLon/],
      [`${PERIOD}&bbox=121.3,31.3,121.5,31.2`, /minLat must be less than maxLat/],
      [`${PERIOD}&bbox=121.3,31.2,121.5`, /minLon,minLat,maxLon,maxLat/],
      [`${PERIOD}&bbox=121.3,31.2,abc,31.3`, /not a number/],
      [`${PERIOD}&bbox=179,31.2,181,31.3`, /longitudes must lie in \[-180, 180\]/],
      ['from=2026-10-31&to=2026-05-01', /ends before it starts/],
      ['from=2026-05-01&to=2026-10-31&compareFrom=2025-11-01', /must be given together/],
      ['from=2024-01-01&to=2026-10-31', /longer than 800 days/],
    ];
    for (const [query, message] of cases) {
      const pdf = await fetchPdf(query, cookies.admin);
      expect(pdf.status, query).toBe(400);
      expect(JSON.stringify(pdf.json()), query).toMatch(message);
    }
    expect((await exports()).length).toBe(before);
  });

  test('the route is in the OpenAPI document', async () => {
    const doc = (await getJson(app, '/api/openapi.json')).body;
    expect(doc.paths['/api/review/briefing.pdf']?.get?.responses?.['200']?.content).toHaveProperty('application/pdf');
  });
});
