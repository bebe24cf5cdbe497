import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { listAudit } from '../../db/queries/audit.js';
import type { Database } from '../../db/client.js';
import { getJson, roleCookies, sendJson, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

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

const PUTUO = '310107';
const JINGAN = '310106';
const HUANGPU = '310101';

const winter = (overrides: Record<string, unknown> = {}) => ({
  name: '2027年寒假校外培训专项治理',
  type: 'winter_vacation',
  startsOn: '2027-01-23',
  endsOn: '2027-02-21',
  districts: [PUTUO, JINGAN],
  focus: { suspectedTypes: ['housekeeping', 'one_to_one'], checkItems: ['unlicensed', 'safety'] },
  goals: { drawPercent: 5, hotCellVisits: 2 },
  ...overrides,
});

const create = async (cookie: string, body: unknown = winter()) => sendJson(app, 'POST', '/api/campaigns', body, cookie);
const step = (cookie: string, id: number, action: string, version: number, note?: string) =>
  sendJson(app, 'POST', `/api/campaigns/${id}/transitions`, { action, version, ...(note ? { note } : {}) }, cookie);
const edit = (cookie: string, id: number, baseVersion: number, definition: unknown) =>
  sendJson(app, 'PUT', `/api/campaigns/${id}`, { baseVersion, definition }, cookie);

const campaignCount = async () => Number((await database.db.execute(sql`SELECT count(*) AS n FROM campaigns`)).rows[0].n);
const lastAuditId = async () => (await listAudit(database, { limit: 1 })).entries[0]?.id ?? 0;
async function auditSince(sinceId: number) {
  const { entries } = await listAudit(database, { limit: 100 });
  return entries.filter((e) => e.id > sinceId).reverse();
}

describe('creating a campaign', () => {
  test('a planner creates a two-district winter-vacation draft, with defaults filled in and one audit row', async () => {
    const since = await lastAuditId();
    const { status, body, headers } = await create(planner);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(headers.get('location')).toBe(`/api/campaigns/${body.id}`);
    expect(body).toMatchObject({ status: 'draft', version: 1, createdBy: 'planner', days: 30, submitted: null, approved: null });
    // Districts ascending, focus lists in order, untouched fields at their defaults.
    expect(body.definition.districts).toEqual([JINGAN, PUTUO]);
    expect(body.definition.focus).toEqual({ institutionCategories: [], suspectedTypes: ['housekeeping', 'one_to_one'], checkItems: ['safety', 'unlicensed'] });
    expect(body.definition.goals).toEqual({ coverTierA: true, drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 99 });
    expect(body.actions).toEqual(['edit', 'submit']);
    const entries = await auditSince(since);
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([['campaign.create', 'campaign', String(body.id)]]);
  });

  test.each([
    ['ends before it starts', winter({ endsOn: '2027-01-01' }), 422, 'endsOn'],
    ['lasts longer than 92 days', winter({ endsOn: '2027-06-30' }), 422, 'endsOn'],
    ['names an unknown district', winter({ districts: ['319999'] }), 422, 'districts[0]'],
    ['names a district twice', winter({ districts: [PUTUO, PUTUO] }), 422, 'districts'],
    ['has no name', winter({ name: '  ' }), 400, '["name"]'],
    ['has an unknown type', winter({ type: 'spring' }), 400, '["type"]'],
    ['has an impossible date', winter({ startsOn: '2027-02-30' }), 400, '["startsOn"]'],
    ['draws more than all', winter({ goals: { drawPercent: 140 } }), 400, '["goals","drawPercent"]'],
    ['carries an unknown field', { ...winter(), budget: 1 }, 400, ''],
    ['has overlapping weekend shifts', winter({ shifts: { weekend: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '15:00' }] } }), 422, 'shifts.weekend[1].start'],
    ['has a shift ending before it starts', winter({ shifts: { school_day: [{ start: '21:00', end: '17:30' }] } }), 422, 'shifts.school_day[0].end'],
    ['has a shift at 25 o\'clock', winter({ shifts: { school_day: [{ start: '25:00', end: '26:00' }] } }), 400, '["shifts","school_day","0","start"]'],
    ['has shifts of an unknown day type', winter({ shifts: { festival: [] } }), 400, '["shifts"]'],
  ])('a campaign that %s is refused with the field named, and nothing is stored', async (_what, body, status, field) => {
    const before = await campaignCount();
    const answer = await create(planner, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    // 422 names the field as a path text, 400 (the contract's shape check) as its segments.
    if (field) expect(JSON.stringify(answer.body.error.details), JSON.stringify(answer.body.error.details)).toContain(status === 422 ? `"path":"${field}` : `"path":${field}`);
    expect(await campaignCount()).toBe(before);
  });

  test("a campaign's own shifts are kept in clock order, the other day types keep their defaults, and an edit names the change", async () => {
    const shifts = { vacation_day: [{ start: '14:00', end: '21:30' }, { start: '09:00', end: '12:00' }], school_day: [] };
    const { status, body } = await create(planner, winter({ shifts }));
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.definition.shifts).toEqual({ school_day: [], vacation_day: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '21:30' }] });
    const edited = await edit(planner, body.id, 1, { ...body.definition, shifts: {} });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.definition.shifts).toEqual({});
    const { body: history } = await getJson(app, `/api/campaigns/${body.id}/versions`, planner);
    expect(history.versions).toHaveLength(1);
  });

  test('a district leader plans for their own district only; the wall account plans nothing', async () => {
    const own = await create(leader, winter({ districts: [PUTUO] }));
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const other = await create(leader, winter({ districts: [PUTUO, JINGAN] }));
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(PUTUO);
    expect((await create(wall, winter())).status).toBe(403);
  });
});

describe('the lifecycle: draft → submitted → approved → active → closed', () => {
  test('submit, no self-approval, approval by another user, then an edit makes version 2 and version 1 stays frozen', async () => {
    const { body: draft } = await create(planner);
    const submitted = await step(planner, draft.id, 'submit', 1);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submitted: { by: 'planner' } });
    expect(submitted.body.actions).toEqual(['withdraw']);

    const self = await step(planner, draft.id, 'approve', 1);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('someone other than');

    const since = await lastAuditId();
    const approved = await step(admin, draft.id, 'approve', 1);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 1, approved: { by: 'admin' } });
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: 'campaign.status', entity: 'campaign', entityId: String(draft.id) });
    expect(entry.after).toMatchObject({ status: 'approved', action: 'approve' });

    const changed = await edit(planner, draft.id, 1, winter({ goals: { drawPercent: 8, hotCellVisits: 2 }, districts: [PUTUO, JINGAN, HUANGPU] }));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ status: 'draft', version: 2, submitted: null, approved: null });

    const { body: history } = await getJson(app, `/api/campaigns/${draft.id}/versions`, planner);
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history.versions[0]).toMatchObject({ approved: { by: 'admin' }, submitted: { by: 'planner' }, changes: [] });
    expect(history.versions[0].definition.goals.drawPercent).toBe(5);
    expect(history.versions[1].changes).toEqual([
      { path: 'districts', before: [JINGAN, PUTUO], after: [HUANGPU, JINGAN, PUTUO] },
      { path: 'goals.drawPercent', before: 5, after: 8 },
    ]);
  });

  test('approve, activate, close; a closed campaign cannot be changed or stepped', async () => {
    const { body: draft } = await create(planner);
    await step(planner, draft.id, 'submit', 1);
    await step(admin, draft.id, 'approve', 1);
    expect((await step(planner, draft.id, 'close', 1)).status).toBe(409);
    const active = await step(planner, draft.id, 'activate', 1);
    expect(active.body).toMatchObject({ status: 'active' });
    const closed = await step(admin, draft.id, 'close', 1);
    expect(closed.body).toMatchObject({ status: 'closed', actions: [] });
    const late = await edit(planner, draft.id, 1, winter());
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('closed');
  });

  test('a submitted campaign is not edited; the approver returns it with a note, the submitter withdraws it', async () => {
    const { body: draft } = await create(planner);
    await step(planner, draft.id, 'submit', 1);
    expect((await edit(planner, draft.id, 1, winter({ name: '改名' }))).status).toBe(409);
    expect((await step(leader, draft.id, 'withdraw', 1)).status).toBe(403);
    const returned = await step(admin, draft.id, 'return', 1, '请补充随机抽取比例依据');
    expect(returned.body).toMatchObject({ status: 'draft', returnNote: '请补充随机抽取比例依据', submitted: null });
    await step(planner, draft.id, 'submit', 1);
    const withdrawn = await step(planner, draft.id, 'withdraw', 1);
    expect(withdrawn.body).toMatchObject({ status: 'draft', version: 1 });
    const renamed = await edit(planner, draft.id, 1, winter({ name: '改名' }));
    expect(renamed.body).toMatchObject({ version: 1, definition: { name: '改名' } });
  });

  test('an edit or a step on a stale version is refused with 409 and the current version', async () => {
    const { body: draft } = await create(planner);
    const stale = await edit(planner, draft.id, 2, winter());
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ currentVersion: 1 });
    expect((await step(planner, draft.id, 'submit', 3)).status).toBe(409);
  });

  test('two approvals at once: one wins, the other gets 409, and the audit log holds one approval', async () => {
    const { body: draft } = await create(planner, winter({ districts: [PUTUO] }));
    await step(planner, draft.id, 'submit', 1);
    const since = await lastAuditId();
    const answers = await Promise.all([step(admin, draft.id, 'approve', 1), step(leader, draft.id, 'approve', 1)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const approvals = (await auditSince(since)).filter((e) => e.entityId === String(draft.id));
    expect(approvals).toHaveLength(1);
  });
});

describe('district scope', () => {
  test('a district leader lists and reads only campaigns that involve their district, and plans none for others', async () => {
    const { body: jingan } = await create(planner, winter({ districts: [JINGAN] }));
    const { body: shared } = await create(planner, winter({ districts: [PUTUO, JINGAN] }));
    const { body: list } = await getJson(app, '/api/campaigns', leader);
    const ids = list.campaigns.map((c: { id: number }) => c.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(jingan.id);
    for (const c of list.campaigns) expect(c.definition.districts).toContain(PUTUO);
    expect((await getJson(app, `/api/campaigns/${jingan.id}`, leader)).status).toBe(404);
    expect((await getJson(app, `/api/campaigns/${jingan.id}/versions`, leader)).status).toBe(404);
    // A shared campaign is read, not planned, by a one-district account.
    const { body: seen } = await getJson(app, `/api/campaigns/${shared.id}`, leader);
    expect(seen.actions).toEqual([]);
    expect((await step(leader, shared.id, 'submit', 1)).status).toBe(403);
  });

  test('the wall display reads campaigns and may do nothing with them', async () => {
    const { body: draft } = await create(planner);
    const { status, body } = await getJson(app, `/api/campaigns/${draft.id}`, wall);
    expect(status).toBe(200);
    expect(body.actions).toEqual([]);
    expect((await edit(wall, draft.id, 1, winter())).status).toBe(403);
  });

  test('a status filter lists only campaigns in that status; an unknown status is a 400', async () => {
    const { body } = await getJson(app, '/api/campaigns?status=draft', admin);
    expect(body.campaigns.length).toBeGreaterThan(0);
    for (const c of body.campaigns) expect(c.status).toBe('draft');
    expect((await getJson(app, '/api/campaigns?status=sleeping', admin)).status).toBe(400);
    expect((await getJson(app, '/api/campaigns/999999', admin)).status).toBe(404);
  });
});
