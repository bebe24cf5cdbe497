import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { listPublicationSchema, publicListsSchema, type ListPublicationBody } from '../../server/contract/list-publications.js';
import { parseCsv } from '../../server/domain/csv.js';
import { getJson, loginCookie, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { insertLeader } from '../support/check-ins.js';
import { testDatabase } from '../support/db.js';

// 黑白名单 over HTTP on the seeded test city (asOf 2026-11-01): the preview against the rule written again in SQL, the
// publication and its audit, the 409 of a second one, a correction as version 2 with version 1 kept, the month after
// compared with it, the public JSON and CSV without a login, and a district leader's scope.

let app: TestApp;
let database: Database;
let admin: string;
let planner: string;
let leader: string;
let otherLeader: string;

const PUTUO = '310107';
const BOM = '\uFEFF';

const publish = (body: unknown, cookie = admin) => sendJson(app, 'POST', '/api/lists/publications', body, cookie);
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
const auditSince = async (since: number, action: string) => (await listAudit(database, { limit: 100 })).entries.filter((e) => e.id > since && e.action === action).reverse();
const ids = (entries: { institutionId: number }[]) => entries.map((e) => e.institutionId).sort((a, b) => a - b);
const countRows = async (table: 'list_publications') => Number((await database.rows(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n);

/** The list rule (server/domain/list-status.ts) again, in SQL, as of the Shanghai date `cutoff`. */
async function expectedLists(cutoff: string): Promise<{ black: number[]; white: number[]; registry: Map<number, string> }> {
  const rows = await database.rows(sql`
    SELECT i.id, i.status::text AS status, i.list_status::text AS list,
      (SELECT count(*) FROM violations v WHERE v.institution_id = i.id AND v.occurred_on > ${cutoff}::date - 1095 AND v.occurred_on <= ${cutoff}::date)::int AS violations,
      (i.last_inspected_on IS NOT NULL AND i.last_inspected_on > ${cutoff}::date - 365) AS inspected
    FROM institutions i`);
  const black: number[] = [];
  const white: number[] = [];
  const registry = new Map<number, string>();
  for (const r of rows as { id: number; status: string; list: string; violations: number; inspected: boolean }[]) {
    const id = Number(r.id);
    registry.set(id, r.list);
    const licensed = r.status === 'licensed' || r.status === 'registered';
    if (r.status === 'revoked' || Number(r.violations) >= (licensed ? 3 : 2)) black.push(id);
    else if (licensed && Number(r.violations) === 0 && r.inspected) white.push(id);
  }
  return { black: black.sort((a, b) => a - b), white: white.sort((a, b) => a - b), registry };
}

let october: ListPublicationBody;
let octoberPreview: ListPublicationBody;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  await insertLeader(database, 'huangpu_leader', '310101');
  ({ admin, planner, leader } = await roleCookies(app));
  otherLeader = await loginCookie(app, 'huangpu_leader');
});

describe('POST /api/lists/publications', () => {
  test('bad input: 400 naming the field, a month not begun 422, other roles 403; nothing written', async () => {
    const since = await lastAuditId();
    for (const month of ['2026-13', '2026-1', '202610', '', 202610]) {
      const r = await publish({ month });
      expect(r.status, String(month)).toBe(400);
      expect(r.body.error.details.issues.map((i: any) => i.path.join('.'))).toContain('month');
    }
    expect((await publish({})).body.error.details.issues[0].path).toEqual(['month']);
    expect((await publish({ month: '2026-10', extra: true })).status).toBe(400);
    const noNote = await publish({ month: '2026-10', correction: true, commit: true });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details.issues[0].path).toEqual(['correctionNote']);
    const future = await publish({ month: '2026-12' });
    expect(future.status).toBe(422);
    expect(future.body.error.details.issues[0].path).toBe('month');
    for (const cookie of [planner, leader]) expect((await publish({ month: '2026-10', commit: true }, cookie)).status).toBe(403);
    expect((await sendJson(app, 'POST', '/api/lists/publications', { month: '2026-10' })).status).toBe(401);
    expect(await countRows('list_publications')).toBe(0);
    expect(await lastAuditId()).toBe(since);
  });

  test('the preview (a dry run) is the rule applied to the data to the end of the month before, compared with the registry', async () => {
    const since = await lastAuditId();
    const r = await publish({ month: '2026-10' });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const preview = listPublicationSchema.parse(r.body);
    octoberPreview = preview;
    expect(preview).toMatchObject({ month: '2026-10', version: null, committed: false, dataAsOf: '2026-09-30', publishedAt: null });
    const expected = await expectedLists('2026-09-30');
    expect(expected.black.length).toBeGreaterThan(0);
    expect(expected.white.length).toBeGreaterThan(0);
    expect(ids(preview.black)).toEqual(expected.black);
    expect(ids(preview.white)).toEqual(expected.white);
    // The difference from the registry, each way.
    const now = new Map<number, string>([...expected.black.map((id) => [id, 'black'] as const), ...expected.white.map((id) => [id, 'white'] as const)]);
    const want = [...new Set([...now.keys(), ...[...expected.registry].filter(([, l]) => l !== 'none').map(([id]) => id)])]
      .map((id) => ({ id, from: expected.registry.get(id) ?? 'none', to: now.get(id) ?? 'none' }))
      .filter((d) => d.from !== d.to)
      .sort((a, b) => a.id - b.id);
    const got = preview.diff.entries.map((d) => ({ id: d.institutionId, from: d.from, to: d.to })).sort((a, b) => a.id - b.id);
    expect(got).toEqual(want);
    expect(preview.diff.comparedWith).toEqual({ month: null, version: null });
    for (const d of preview.diff.entries) expect(d.change).toBe(d.from === 'none' ? 'added' : d.to === 'none' ? 'removed' : 'moved');
    expect(preview.statusChanges).toBe(want.length);
    // Credit tiers: every institution counted once; an entry's tier with its reasons.
    const total = Number((await database.rows(sql`SELECT count(*)::int AS n FROM institutions`))[0].n);
    expect(Object.values(preview.tierCounts).reduce((a, b) => a + b, 0)).toBe(total);
    expect(preview.black.every((e) => e.credit.tier === 'C' || e.credit.tier === 'D')).toBe(true);
    expect(preview.black[0].publicReasons.length).toBeGreaterThan(0);
    // Nothing written.
    expect(await countRows('list_publications')).toBe(0);
    expect(await lastAuditId()).toBe(since);
  });

  test('publishing lists that differ from the preview sent with them is 409 and writes nothing', async () => {
    const since = await lastAuditId();
    const malformed = await publish({ month: '2026-10', commit: true, previewDigest: 'abc' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('previewDigest');
    // A violation recorded after the preview puts one more institution on the black list.
    const black = new Set(octoberPreview.black.map((e) => e.institutionId));
    const [clean] = (await database.rows(sql`SELECT id FROM institutions ORDER BY id LIMIT 200`)).map((r) => Number(r.id)).filter((id) => !black.has(id));
    expect(clean).toBeDefined();
    const inserted = await database.rows(sql`
      INSERT INTO violations (institution_id, occurred_on, kind, description)
      SELECT ${clean}, d::date, 'unlicensed_operation', 'recorded after the preview' FROM (VALUES ('2026-08-01'), ('2026-09-01'), ('2026-09-15')) AS t(d) RETURNING id`);
    const stale = await publish({ month: '2026-10', commit: true, previewDigest: octoberPreview.digest });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ month: '2026-10', previewDigest: octoberPreview.digest });
    expect(await countRows('list_publications')).toBe(0);
    expect(await auditSince(since, 'list.publish')).toHaveLength(0);
    await database.rows(sql`DELETE FROM violations WHERE id IN (${sql.join(inserted.map((r) => sql`${r.id}`), sql`, `)})`);
  });

  test('publishing writes version 1, sets the registry’s list status and is audited; a second publication is 409', async () => {
    const since = await lastAuditId();
    const r = await publish({ month: '2026-10', commit: true, previewDigest: octoberPreview.digest });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    expect(r.headers.get('location')).toBe('/api/public/lists/2026-10');
    october = listPublicationSchema.parse(r.body);
    expect(october).toMatchObject({ month: '2026-10', version: 1, committed: true, publishedBy: 'admin' });
    expect(october.statusChanges).toBeGreaterThan(0);
    // What was previewed is what is published: the same data to the same cutoff.
    expect(october.tierCounts).toEqual(octoberPreview.tierCounts);
    expect(october.black).toEqual(octoberPreview.black);
    expect(october.diff).toEqual(octoberPreview.diff);
    expect(october.digest).toBe(octoberPreview.digest);
    const registry = await database.rows(sql`SELECT id, list_status::text AS list FROM institutions WHERE list_status <> 'none' ORDER BY id`);
    expect(registry.filter((x) => x.list === 'black').map((x) => Number(x.id))).toEqual(ids(october.black));
    expect(registry.filter((x) => x.list === 'white').map((x) => Number(x.id))).toEqual(ids(october.white));
    const audits = await auditSince(since, 'list.publish');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'admin', entity: 'list_publication', entityId: '2026-10/v1' });
    expect((audits[0].after as any).black).toBe(october.black.length);
    expect((audits[0].after as any).listStatus).toHaveLength(october.statusChanges!);

    const again = await publish({ month: '2026-10', commit: true });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ month: '2026-10', version: 1 });
    expect((await publish({ month: '2026-10' })).status).toBe(409);
    expect(await countRows('list_publications')).toBe(1);
  });

  test('a correction is version 2 with its note; version 1 stays as it was', async () => {
    const v1Before = await database.rows(sql`SELECT entries::text AS entries, diff::text AS diff, published_at::text AS at FROM list_publications WHERE month = '2026-10' AND version = 1`);
    // A registry correction: one white-listed institution gets a violation dated in September.
    const corrected = october.white[0].institutionId;
    await database.rows(sql`INSERT INTO violations (institution_id, occurred_on, kind, description) VALUES (${corrected}, '2026-09-20', 'safety', '更正：补录违规')`);
    const r = await publish({ month: '2026-10', commit: true, correction: true, correctionNote: '补录9月违规记录' });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    const v2 = listPublicationSchema.parse(r.body);
    expect(v2).toMatchObject({ version: 2, correctionNote: '补录9月违规记录' });
    expect(ids(v2.white)).not.toContain(corrected);
    // Compared with what version 1 compared with (the registry before it), not with version 1 itself.
    expect(v2.diff.comparedWith).toEqual({ month: null, version: null });
    expect(v2.diff.entries.length).toBe(october.diff.entries.length + (october.diff.entries.some((d) => d.institutionId === corrected) ? -1 : 1));
    const v1After = await database.rows(sql`SELECT entries::text AS entries, diff::text AS diff, published_at::text AS at FROM list_publications WHERE month = '2026-10' AND version = 1`);
    expect(v1After).toEqual(v1Before);
    expect(Number((await database.rows(sql`SELECT count(*)::int AS n FROM list_publications WHERE month = '2026-10'`))[0].n)).toBe(2);
    expect((await database.rows(sql`SELECT list_status::text AS list FROM institutions WHERE id = ${corrected}`))[0].list).toBe('none');
    october = v2;
  });

  test('the next month compares with the latest version of the month before; an earlier month cannot be published after it', async () => {
    const r = await publish({ month: '2026-11', commit: true });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    const november = listPublicationSchema.parse(r.body);
    expect(november.diff.comparedWith).toEqual({ month: '2026-10', version: 2 });
    const before = new Map([...october.black, ...october.white].map((e) => [e.institutionId, e.list]));
    const after = new Map([...november.black, ...november.white].map((e) => [e.institutionId, e.list]));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id)).sort((a, b) => a - b);
    expect(ids(november.diff.entries)).toEqual(changed);
    const early = await publish({ month: '2026-09', commit: true });
    expect(early.status).toBe(409);
    expect(early.body.error.details).toMatchObject({ latestMonth: '2026-11' });
  });
});

describe('authenticated reads', () => {
  test('GET /api/lists/publications lists every version; a district leader counts the district only', async () => {
    const all = await getJson(app, '/api/lists/publications', admin);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: any) => `${i.month}/v${i.version}`)).toEqual(['2026-11/v1', '2026-10/v1', '2026-10/v2']);
    const mine = await getJson(app, '/api/lists/publications', leader);
    const v2 = mine.body.items.find((i: any) => i.month === '2026-10' && i.version === 2);
    expect(v2.black).toBe(october.black.filter((e) => e.districtCode === PUTUO).length);
    expect(v2.black).toBeLessThan(october.black.length);
  });

  test('GET /api/lists/publications/{month}: a leader sees the own district’s entries only', async () => {
    const r = await getJson(app, '/api/lists/publications/2026-10', leader);
    expect(r.status).toBe(200);
    const body = listPublicationSchema.parse(r.body);
    expect(body.version).toBe(2);
    const entries = [...body.black, ...body.white, ...body.diff.entries];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.districtCode === PUTUO)).toBe(true);
    expect(ids(body.black)).toEqual(ids(october.black.filter((e) => e.districtCode === PUTUO)));
    const huangpu = listPublicationSchema.parse((await getJson(app, '/api/lists/publications/2026-10', otherLeader)).body);
    expect([...huangpu.black, ...huangpu.white].every((e) => e.districtCode === '310101')).toBe(true);
    expect((await getJson(app, '/api/lists/publications/2026-08', admin)).status).toBe(404);
    const bad = await getJson(app, '/api/lists/publications/2026-8', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual(['month']);
  });
});

describe('public: GET /api/public/lists/{month} and .csv without a login', () => {
  test('the months published, then a month’s lists with the public fields only', async () => {
    const months = await getJson(app, '/api/public/lists');
    expect(months.status).toBe(200);
    expect(months.body.months.map((m: any) => `${m.month}/v${m.version}`)).toEqual(['2026-11/v1', '2026-10/v2']);
    const r = await getJson(app, '/api/public/lists/2026-10');
    expect(r.status).toBe(200);
    const body = publicListsSchema.parse(r.body); // strict: no field beyond the public ones
    expect(body).toMatchObject({ month: '2026-10', version: 2, correctionNote: '补录9月违规记录', synthetic: true });
    expect(body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(body.black.length).toBe(october.black.length);
    for (const e of [...r.body.black, ...r.body.white]) expect(Object.keys(e).sort()).toEqual(['address', 'change', 'district', 'districtEn', 'name', 'reasons']);
    for (const e of r.body.changes.entries) expect(Object.keys(e).sort()).toEqual(['address', 'change', 'district', 'districtEn', 'from', 'name', 'reasons', 'to']);
    const text = JSON.stringify(r.body);
    for (const hidden of ['institutionId', 'credit', 'score', 'districtCode']) expect(text).not.toContain(hidden);
    // Addresses to the door number, a flat's to its lane: no floor, room or building within a compound.
    const addresses = [...body.black, ...body.white, ...body.changes.entries].map((e) => e.address);
    for (const a of addresses) expect(a).not.toMatch(/\d+(室|楼|层)$|弄\d+号/);
    expect(addresses.some((a) => a.endsWith('弄'))).toBe(true);
    expect(body.black.filter((e) => e.change === 'added').length).toBe(october.diff.entries.filter((d) => d.to === 'black' && d.change === 'added').length);
    expect(body.black[0].reasons[0].zh.length).toBeGreaterThan(0);
    expect((await getJson(app, '/api/public/lists/2026-08')).status).toBe(404);
    const bad = await getJson(app, '/api/public/lists/2026-1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual(['month']);
  });

  test('the CSV: UTF-8 with the BOM, bilingual header, one row per listed institution and per removal', async () => {
    const response = await app.request('/api/public/lists/2026-11.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="lists_2026-11_v1.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['名单 (list)', '变动 (change)', '机构名称 (name)', '所属区 (district)', '地址 (address)', '原因 (reasons)', '原因 (reasons, English)']);
    const json = publicListsSchema.parse((await getJson(app, '/api/public/lists/2026-11')).body);
    const removed = json.changes.entries.filter((c) => c.change === 'removed').length;
    expect(rows.length - 1).toBe(json.black.length + json.white.length + removed);
    expect(rows.filter((r) => r[0] === '黑名单 black list').map((r) => r[2])).toEqual(json.black.map((e) => e.name));
  });
});
