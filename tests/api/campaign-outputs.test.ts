import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '../../db/queries/audit.js';
import type { Database } from '../../db/client.js';
import { parseDispatchSheets, parseDrawNotice } from '../../server/planning/dispatch/index.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';
import { pdfPageTexts, squeezed } from '../support/pdf-text.js';

// The papers and files of a planned campaign, made from its stored plan: dispatch sheets (JSON, PDF), the 一公开
// notice (JSON, CSV) and the exports; each file that leaves is audited, and the campaign's scope applies.

let app: TestApp;
let database: Database;
let planner: string;
let leader: string;
let wall: string;

const JINGAN = '310106';
const BOM = '\uFEFF';

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  ({ planner, leader, wall } = await roleCookies(app));
});

const request = async (path: string, cookie: string) => {
  const response = await app.request(path, { headers: { Cookie: cookie } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
const exportsSince = async (since: number) =>
  (await listAudit(database, { limit: 50 })).entries.filter((e) => e.id > since && e.action === 'campaign.export').reverse().map((e) => e.after as { file: string });

async function plannedCampaign(shifts: Record<string, unknown> = {}) {
  const created = await sendJson(
    app,
    'POST',
    '/api/campaigns',
    {
      name: '2027年寒假静安区专项检查',
      type: 'winter_vacation',
      startsOn: '2027-01-23',
      endsOn: '2027-01-24',
      districts: [JINGAN],
      focus: { checkItems: ['unlicensed', 'safety'] },
      goals: { drawPercent: 10, hotCellVisits: 1, hotCellConfidence: 95 },
      shifts,
    },
    planner,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { id, version } = created.body;
  const started = await sendJson(app, 'POST', `/api/campaigns/${id}/plan/jobs`, { version, settings: { routeTimeLimit: 0.05, seed: '静安-输出' } }, planner);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const { body } = await getJson(app, `/api/campaigns/${id}/plan/jobs/${started.body.id}`, planner);
    if (body.status === 'done') return { id, plan: body.result };
    if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning job did not finish');
}

describe('the outputs of a planned campaign', () => {
  let id: number;
  let plan: any;
  beforeAll(async () => {
    ({ id, plan } = await plannedCampaign());
  });

  test('one valid dispatch sheet per team and shift with stops, in the route order of the plan', async () => {
    const { status, body } = await getJson(app, `/api/campaigns/${id}/plan/dispatch`, planner);
    expect(status, JSON.stringify(body)).toBe(200);
    const sheets = parseDispatchSheets(body);
    const working = plan.teams.filter((t: any) => t.stops.length > 0);
    expect(working.length).toBeGreaterThan(0);
    expect(sheets).toHaveLength(working.length);
    const names = new Map(plan.targets.map((t: any) => [t.key, t.name]));
    expect(sheets[0].stops.map((s) => s.name)).toEqual(working[0].stops.map((s: any) => names.get(s.targetKey)));
    expect(sheets[0].members.map((m) => m.certificateNo)).toEqual(working[0].members.map((m: any) => m.certificateNo));
    expect(sheets[0].members.every((m) => m.department.startsWith('静安区'))).toBe(true);
    const oneDay = await getJson(app, `/api/campaigns/${id}/plan/dispatch?date=2027-01-24`, planner);
    expect(oneDay.body.length).toBe(working.filter((t: any) => t.date === '2027-01-24').length);
    expect(oneDay.body.every((s: any) => s.date === '2027-01-24')).toBe(true);
  });

  test('the PDF of one team: an ASCII file name, the sheet text read back, and one audit entry', async () => {
    const team = plan.teams.find((t: any) => t.stops.length > 0);
    const since = await lastAuditId();
    const query = new URLSearchParams({ district: team.districtCode, date: team.date, team: team.id });
    const { status, headers, bytes } = await request(`/api/campaigns/${id}/plan/dispatch.pdf?${query.toString()}`, planner);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="campaign\d+_dispatch_310106_2027-01-2\d_[0-9A-Za-z_-]+\.pdf"$/);
    const pages = squeezed((await pdfPageTexts(bytes)).join('\n'));
    expect(pages).toContain('校外培训联合执法检查派单');
    expect(pages).toContain(squeezed(team.members[0].certificateNo));
    const firstStop = plan.targets.find((t: any) => t.key === team.stops[0].targetKey);
    expect(pages).toContain(squeezed(firstStop.name).slice(0, 8));
    expect((await exportsSince(since)).map((e) => e.file)).toEqual([headers.get('content-disposition')!.match(/filename="(.+)"/)![1]]);
  });

  test('the 一公开 notice lists the drawn objects with the seed, its commitment and the pool hash; its CSV opens in Excel', async () => {
    const { status, body } = await getJson(app, `/api/campaigns/${id}/plan/draw-notice`, planner);
    expect(status, JSON.stringify(body)).toBe(200);
    const notice = parseDrawNotice(body);
    expect(notice.objects).toHaveLength(plan.draw.drawnKeys.length);
    expect(notice).toMatchObject({ seed: plan.draw.seed, seedCommitment: plan.draw.seedCommitment, poolHash: plan.draw.poolHash, publisher: '静安区教育局' });
    const csv = await request(`/api/campaigns/${id}/plan/draw-notice.csv`, planner);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = text(csv.bytes).split('\r\n');
    expect(lines[0].startsWith(BOM)).toBe(true);
    expect(lines.filter((l) => l.includes(plan.draw.poolHash))).toHaveLength(notice.objects.length);
  });

  test('exports: targets CSV with a BOM and one row per object, routes GeoJSON with a line per team-shift', async () => {
    const since = await lastAuditId();
    const targets = await request(`/api/campaigns/${id}/plan/export/targets.csv`, planner);
    expect(targets.status).toBe(200);
    const rows = text(targets.bytes).split('\r\n').filter(Boolean);
    expect(rows[0].startsWith(BOM)).toBe(true);
    const visited = new Set(plan.teams.flatMap((t: any) => t.stops.map((s: any) => s.targetKey)));
    expect(rows.length - 1).toBe(visited.size);
    const routes = await request(`/api/campaigns/${id}/plan/export/routes.geojson`, planner);
    expect(routes.headers.get('content-type')).toBe('application/geo+json');
    const collection = JSON.parse(text(routes.bytes));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(plan.teams.filter((t: any) => t.stops.length > 0).length);
    expect((await exportsSince(since)).map((e) => e.file.replace(/^campaign\d+_/, ''))).toEqual(['targets.csv', 'routes.geojson']);
  });

  test('scope and bad input: another district’s leader sees nothing, an unknown file is a 400, the wall reads the sheets', async () => {
    expect((await getJson(app, `/api/campaigns/${id}/plan/dispatch`, leader)).status).toBe(404);
    expect((await request(`/api/campaigns/${id}/plan/dispatch.pdf`, leader)).status).toBe(404);
    expect((await request(`/api/campaigns/${id}/plan/export/targets.xlsx`, planner)).status).toBe(400);
    expect((await getJson(app, `/api/campaigns/${id}/plan/dispatch?date=2027-02-30`, planner)).status).toBe(400);
    expect((await getJson(app, `/api/campaigns/${id}/plan/dispatch`, wall)).status).toBe(200);
    const none = await request(`/api/campaigns/${id}/plan/dispatch.pdf?date=2027-03-01`, planner);
    expect(none.status).toBe(404);
    expect(text(none.bytes)).toContain('no team has stops');
  });
});

test("a campaign without a plan has no outputs (404); a campaign's own shifts are the plan's shifts", async () => {
  const created = await sendJson(
    app,
    'POST',
    '/api/campaigns',
    { name: '未编排', type: 'weekend', startsOn: '2027-03-06', endsOn: '2027-03-06', districts: [JINGAN] },
    planner,
  );
  expect((await getJson(app, `/api/campaigns/${created.body.id}/plan/dispatch`, planner)).status).toBe(404);
  expect((await getJson(app, `/api/campaigns/${created.body.id}/plan/draw-notice`, planner)).status).toBe(404);
  const { plan } = await plannedCampaign({ vacation_day: [{ start: '13:00', end: '20:00' }], weekend: [{ start: '13:00', end: '20:00' }] });
  expect(plan.shifts.map((s: any) => `${s.date} ${s.start}–${s.end}`)).toEqual(['2027-01-23 13:00–20:00', '2027-01-24 13:00–20:00']);
});
