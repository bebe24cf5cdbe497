import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { campaignReportSchema, publicationSchema, reportTables } from '../../server/contract/campaign-report.js';
import { parseCsv } from '../../server/domain/csv.js';
import { getJson, loginCookie, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { insertCheckIn, insertLeader } from '../support/check-ins.js';
import { testDatabase } from '../support/db.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';

// The after-action report and the 一公开 list over HTTP, on a planned two-district campaign (静安, 普陀) whose
// check-ins are written as fixtures: scope, files and their audit, publishing once and correcting, and the public
// routes that need no login and give nothing personal away.

let app: TestApp;
let database: Database;
let planner: string;
let admin: string;
let leader: string;
let otherLeader: string;

const JINGAN = '310106';
const PUTUO = '310107';
const PERSONAL_NOTE = '店主王小明 13800138000 称老师已离开';
const BOM = '\uFEFF';

let id: number;
let version: number;
let plan: any;
let jinganVisits: { team: any; stop: any }[];

async function closedLater(name: string, districts: string[]) {
  const created = await sendJson(
    app,
    'POST',
    '/api/campaigns',
    { name, type: 'custom', startsOn: '2026-09-01', endsOn: '2026-09-14', districts, focus: { checkItems: ['unlicensed', 'safety', 'licences'] }, goals: { drawPercent: 5, hotCellVisits: 1, hotCellConfidence: 95 } },
    planner,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: number; version: number };
}

async function planned(campaignId: number, campaignVersion: number) {
  const started = await sendJson(app, 'POST', `/api/campaigns/${campaignId}/plan/jobs`, { version: campaignVersion, settings: { routeTimeLimit: 0.05, seed: '总结', recentCampaigns: 0 } }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 900; i++) {
    const { body } = await getJson(app, `/api/campaigns/${campaignId}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') return body.result;
    if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning job did not finish');
}

async function step(action: string, cookie: string) {
  const r = await sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action, version }, cookie);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const firstStops = (district: string) => plan.teams.filter((t: any) => t.districtCode === district && t.stops.length > 0);
const auditSince = async (since: number, action: string) =>
  (await listAudit(database, { limit: 100 })).entries.filter((e) => e.id > since && e.action === action).reverse();
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
const fetchBytes = async (path: string, cookie?: string) => {
  const response = await app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  await insertLeader(database, 'huangpu_leader', '310101');
  ({ planner, admin, leader } = await roleCookies(app));
  otherLeader = await loginCookie(app, 'huangpu_leader');
  ({ id, version } = await closedLater('2026年9月开学季专项检查', [JINGAN, PUTUO]));
  plan = await planned(id, version);
  const pairs = firstStops(JINGAN).flatMap((team: any) => team.stops.map((stop: any) => ({ team, stop })));
  expect(pairs.length).toBeGreaterThanOrEqual(3);
  jinganVisits = pairs.slice(0, 3);
  const putuo = firstStops(PUTUO)[0];
  const officers = (team: any) => team.members.map((m: any) => m.officerId);
  const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  const base = { campaignId: id, campaignVersion: version };
  const visit = (i: number) => {
    const { team, stop } = jinganVisits[i];
    const [a, b] = officers(team);
    return { ...base, teamId: team.id, targetKey: stop.targetKey, districtCode: JINGAN, checkedAt: at(team.date, 9 + i), recordedByOfficer: a, b };
  };
  const { b: b0, ...v0 } = visit(0);
  const { b: b1, ...v1 } = visit(1);
  const { b: _b2, ...v2 } = visit(2);
  await insertCheckIn(database, { ...v0, result: 'rectify', findings: [{ item: 'safety', finding: 'issue' }], notes: PERSONAL_NOTE, cosignedByOfficer: b0 });
  await insertCheckIn(database, { ...v1, result: 'case', findings: [{ item: 'unlicensed', finding: 'issue' }], cosignedByOfficer: b1 });
  await insertCheckIn(database, { ...v2, result: 'compliant' });
  const [c, d] = officers(putuo);
  await insertCheckIn(database, { ...base, teamId: putuo.id, targetKey: putuo.stops[0].targetKey, districtCode: PUTUO, result: 'banned', checkedAt: at(putuo.date, 10), recordedByOfficer: c, cosignedByOfficer: d });
}, 240_000);

describe('GET /api/campaigns/{id}/report', () => {
  test('the planner sees both districts with the check-ins counted, confirmed and 待确认 apart', async () => {
    const { status, body } = await getJson(app, `/api/campaigns/${id}/report`, planner);
    expect(status, JSON.stringify(body)).toBe(200);
    const report = campaignReportSchema.parse(body);
    expect(report.districtCodes).toEqual([JINGAN, PUTUO]);
    expect(report.totals.done).toEqual({ confirmed: 3, pending: 1 });
    const jingan = report.districts.find((d) => d.districtCode === JINGAN)!;
    expect(jingan.results.rectify).toEqual({ confirmed: 1, pending: 0 });
    expect(jingan.results.compliant).toEqual({ confirmed: 0, pending: 1 });
    expect(jingan.cases).toEqual({ confirmed: 1, pending: 0 });
    expect(jingan.findings.safety.confirmed).toBe(1);
    const teams = new Map(jinganVisits.map((v) => [v.team.id, v.team.members.length]));
    expect(jingan.officerTrips).toBe([...teams.values()].reduce((n, m) => n + m, 0));
    expect(jingan.teamShiftsWorked).toBe(teams.size);
    const plannedStops = plan.teams.filter((t: any) => t.districtCode === JINGAN).reduce((n: number, t: any) => n + t.stops.length, 0);
    expect(jingan.planned.stops).toBe(plannedStops);
    expect(jingan.completion).toBeCloseTo(3 / plannedStops, 12);
    expect(report.totals.closures).toEqual({ confirmed: 1, pending: 0 });
    expect(report.ranking).toHaveLength(2);
    // The campaign and the equal periods around it lie before the clock: all three are known, compared after.
    expect(report.periods.map((p) => [p.period, p.from, p.to, p.available, p.partial])).toEqual([
      ['before', '2026-08-18', '2026-09-01', true, false],
      ['during', '2026-09-01', '2026-09-15', true, false],
      ['after', '2026-09-15', '2026-09-29', true, false],
    ]);
    expect(report.comparedWith).toBe('after');
  });

  test('a district leader gets their district only; a leader of a district outside the campaign 404', async () => {
    const { status, body } = await getJson(app, `/api/campaigns/${id}/report`, leader);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.districtCodes).toEqual([PUTUO]);
    expect(body.districts.map((d: any) => d.districtCode)).toEqual([PUTUO]);
    expect(body.totals.done).toEqual({ confirmed: 1, pending: 0 });
    expect(body.ranking.map((r: any) => r.districtCode)).toEqual([PUTUO]);
    expect(JSON.stringify(body)).not.toContain(`"districtCode":"${JINGAN}"`);
    expect((await getJson(app, `/api/campaigns/${id}/report`, otherLeader)).status).toBe(404);
    expect((await getJson(app, `/api/campaigns/${id}/report.pdf`, otherLeader)).status).toBe(404);
  });

  test('no session 401; an unknown campaign 404; a campaign without a plan 404', async () => {
    expect((await getJson(app, `/api/campaigns/${id}/report`)).status).toBe(401);
    expect((await getJson(app, '/api/campaigns/999999/report', planner)).status).toBe(404);
    const draft = await closedLater('未规划的行动', [JINGAN]);
    expect((await getJson(app, `/api/campaigns/${draft.id}/report`, planner)).status).toBe(404);
  });
});

describe('the report as PDF and CSV', () => {
  test('an A4 PDF with the CJK text readable and the export audited', async () => {
    const since = await lastAuditId();
    const { status, headers, bytes } = await fetchBytes(`/api/campaigns/${id}/report.pdf`, planner);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(text(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = (await pdfPageTexts(bytes)).map(squeezed).join('');
    expect(pages).toContain('行动总结');
    expect(pages).toContain('2026年9月开学季专项检查');
    expect(pages).toContain('线索案件转化率');
    expect(pages).toContain('静安区');
    const exports = await auditSince(since, 'campaign.export');
    expect(exports.map((e) => (e.after as any).file)).toEqual([`campaign${id}_report.pdf`]);
  });

  test('every table as CSV with the BOM, bilingual headers and an audit entry each', async () => {
    const since = await lastAuditId();
    for (const table of reportTables) {
      const { status, headers, bytes } = await fetchBytes(`/api/campaigns/${id}/report/${table}.csv`, planner);
      expect(status, table).toBe(200);
      expect(headers.get('content-type')).toContain('text/csv');
      const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(body.startsWith(BOM), table).toBe(true);
      const rows = parseCsv(body.slice(1));
      expect(rows[0].length, table).toBeGreaterThan(2);
    }
    const districts = parseCsv(text((await fetchBytes(`/api/campaigns/${id}/report/districts.csv`, planner)).bytes).slice(1));
    expect(districts[0][0]).toBe('区县 (District)');
    expect(districts.map((r) => r[0])).toEqual(['区县 (District)', '静安区', '普陀区', '合计']);
    expect(districts[3][2]).toBe('3'); // done, confirmed
    expect(districts[3][3]).toBe('1'); // done, 待确认
    const exports = await auditSince(since, 'campaign.export');
    expect(exports.length).toBe(reportTables.length + 1);
    expect((await fetchBytes(`/api/campaigns/${id}/report/nothing.csv`, planner)).status).toBe(400);
  });
});

describe('一公开: POST /api/campaigns/{id}/publication and the public list', () => {
  test('an open campaign is not published (409), and nothing is public yet (404)', async () => {
    const r = await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, {}, planner);
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect((await getJson(app, `/api/public/campaigns/${id}/results`)).status).toBe(404);
    expect((await getJson(app, `/api/public/campaigns/${id}/results.csv`)).status).toBe(404);
  });

  test('published once after the close; a second publication without a correction note 409; a correction is v2 and v1 stays', async () => {
    await step('submit', planner);
    await step('approve', admin);
    await step('activate', planner);
    await step('close', planner);
    const since = await lastAuditId();
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, {}, leader)).status).toBe(403);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, {}, otherLeader)).status).toBe(404);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, { correctionNote: '首次' }, planner)).status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, { extra: 1 }, planner)).status).toBe(400);

    const first = await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, {}, planner);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const v1 = publicationSchema.parse(first.body);
    expect(v1.version).toBe(1);
    // Confirmed check-ins only: the 待确认 compliant one is not a result yet.
    expect(v1.rows.map((r) => r.result).sort()).toEqual(['banned', 'case', 'rectify']);
    const again = await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, {}, admin);
    expect(again.status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, { correctionNote: '' }, planner)).status).toBe(400);

    const corrected = await sendJson(app, 'POST', `/api/campaigns/${id}/publication`, { correctionNote: '更正：取缔对象的检查日期' }, planner);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(corrected.body.version).toBe(2);
    expect(corrected.body.correctionNote).toBe('更正：取缔对象的检查日期');
    expect(corrected.body.versions.map((v: any) => [v.version, v.correctionNote])).toEqual([
      [1, null],
      [2, '更正：取缔对象的检查日期'],
    ]);
    const stored = await database.rows(sql`SELECT version, rows::text AS rows FROM campaign_publications WHERE campaign_id = ${id} ORDER BY version`);
    expect(stored.map((r) => Number(r.version))).toEqual([1, 2]);
    expect(JSON.parse(String(stored[0].rows))).toEqual(v1.rows);

    const audits = await auditSince(since, 'campaign.publish');
    expect(audits.map((e) => [e.entity, e.entityId])).toEqual([
      ['publication', `${id}/v1`],
      ['publication', `${id}/v2`],
    ]);
  });

  test('the public list needs no login and holds nothing personal', async () => {
    const { status, body, headers } = await getJson(app, `/api/public/campaigns/${id}/results`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(headers.get('cache-control')).toContain('public');
    const publication = publicationSchema.strict().parse(body);
    expect(publication.version).toBe(2);
    expect(publication.task).toBe('2026年9月开学季专项检查');
    const json = JSON.stringify(body);
    const officers = plan.teams.flatMap((t: any) => t.members);
    for (const o of officers) expect(json).not.toContain(o.name);
    expect(json).not.toContain(PERSONAL_NOTE);
    expect(json).not.toMatch(/"(notes|reporter\w*|photos?|position|officerId|name|username|publishedBy)"/);
    for (const row of publication.rows) {
      expect(Object.keys(row).sort()).toEqual(['authority', 'certificates', 'creditCode', 'date', 'district', 'object', 'objectKind', 'result', 'resultLabel', 'task']);
      expect(row.certificates).toHaveLength(2);
      expect(row.authority).toMatch(/区/);
    }
    const certificates = new Set(officers.map((o: any) => o.certificateNo));
    expect(publication.rows.flatMap((r) => r.certificates).every((c) => certificates.has(c))).toBe(true);
    const banned = publication.rows.find((r) => r.result === 'banned')!;
    expect(banned.resultLabel).toBe('取缔');
    expect(banned.district).toBe('普陀区');
  });

  test('the public CSV: BOM, bilingual header, one line per row', async () => {
    const { status, bytes } = await fetchBytes(`/api/public/campaigns/${id}/results.csv`);
    expect(status).toBe(200);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(body.startsWith(BOM)).toBe(true);
    const rows = parseCsv(body.slice(1));
    expect(rows[0][1]).toBe('检查任务 (Task)');
    expect(rows).toHaveLength(4);
    expect(body).not.toContain(PERSONAL_NOTE);
  });

  test('an unknown campaign is 404 on the public routes; a bad id 400', async () => {
    expect((await getJson(app, '/api/public/campaigns/999999/results')).status).toBe(404);
    expect((await getJson(app, '/api/public/campaigns/abc/results')).status).toBe(400);
  });

  test('the public routes are rate-limited per address', async () => {
    const limited = await testApp({ publicRequestsPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.request(`/api/public/campaigns/${id}/results`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
