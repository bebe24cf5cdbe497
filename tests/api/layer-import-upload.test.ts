import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { realRowCounts } from '../../db/queries/layer-import.js';
import { MAX_LAYER_IMPORT_BYTES } from '../../server/contract/layer-imports.js';
import { roleCookies, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';

// POST /api/layer-imports, the upload page's one request: the file as the body, the dry run first, then the same file
// written with dryRun=false; city-wide administrators only, all rows or none, audited under the user's name.

let app: TestApp;
let database: Database;
let cookies: Awaited<ReturnType<typeof roleCookies>>;

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  cookies = await roleCookies(app);
});

const header = '机构名称,类别,性质,状态,地址,经度,纬度\n';
const csv = (...rows: string[]) => new TextEncoder().encode(header + rows.map((r) => `${r}\n`).join(''));

async function upload(body: Uint8Array | string, query: Record<string, string>, cookie = cookies.admin) {
  const response = await app.request(`/api/layer-imports?${new URLSearchParams(query).toString()}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Cookie: cookie }, body });
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /api/layer-imports', () => {
  test('a dry run by default: the report with the columns found, nothing written; then dryRun=false writes every row, audited', async () => {
    const before = await realRowCounts(database);
    const file = csv('上传甲,学科类,营利,持证,普陀区1号,121.40,31.25', '上传乙,体育,营利,已登记,静安区2号,121.45,31.23');
    const dry = await upload(file, { layer: 'institutions', fileName: 'a.csv' });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, committed: false, records: 2, imported: 2, problems: [], format: 'csv', columns: ['机构名称', '类别', '性质', '状态', '地址', '经度', '纬度'] });
    expect(dry.body.fields).toMatchObject({ name: '机构名称', status: '状态' });
    expect(await realRowCounts(database)).toEqual(before);

    const written = await upload(file, { layer: 'institutions', fileName: 'a.csv', dryRun: 'false' });
    expect(written.body).toMatchObject({ dryRun: false, committed: true, imported: 2 });
    expect((await realRowCounts(database)).institutions).toBe(before.institutions + 2);
    const { entries } = await listAudit(database, { limit: 1, actions: ['layer.import'] });
    expect(entries[0]).toMatchObject({ actor: 'admin', entityId: 'institutions', after: { file: 'a.csv', imported: 2 } });
  });

  test('a refused file answers its problems per row, and writes nothing even with dryRun=false', async () => {
    const before = await realRowCounts(database);
    const file = csv('上传丙,学科类,营利,持证,a,121.40,31.25', '上传丁,学科类,营利,开业,b,121.40,31.25', '上传戊,学科类,营利,持证,c,116.40,39.90');
    const refused = await upload(file, { layer: 'institutions', fileName: 'b.csv', dryRun: 'false' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ committed: false, imported: 0 });
    expect(refused.body.problems).toEqual([
      { path: 'line 3.status', message: expect.stringContaining('"开业" is not one of') },
      { path: 'line 4.geometry', message: expect.stringContaining('outside Shanghai') },
    ]);
    expect(await realRowCounts(database)).toEqual(before);
  });

  test('a mapping by hand, the encoding and the CRS are taken from the query', async () => {
    const file = new TextEncoder().encode('org,kind,type,state,addr,x,y\n上传己,科技,营利,licensed,a,121.40,31.25\n');
    const mapping = JSON.stringify({ name: 'org', category: 'kind', nature: 'type', status: 'state', address: 'addr' });
    const dry = await upload(file, { layer: 'institutions', fileName: 'c.csv', mapping, encoding: 'utf-8', crs: 'cgcs2000' });
    expect(dry.body).toMatchObject({ imported: 1, problems: [], crs: 'cgcs2000', encoding: 'utf-8', fields: { name: 'org', category: 'kind' } });
  });

  test('only a city-wide administrator may import; bad queries and files are refused with a clear error', async () => {
    const file = csv('上传庚,学科类,营利,持证,a,121.40,31.25');
    for (const cookie of [cookies.planner, cookies.leader, cookies.wall]) expect((await upload(file, { layer: 'institutions', fileName: 'a.csv' }, cookie)).status).toBe(403);
    const anonymous = await app.request('/api/layer-imports?layer=institutions&fileName=a.csv', { method: 'POST', body: file });
    expect(anonymous.status).toBe(401);
    const badLayer = await upload(file, { layer: 'roads', fileName: 'a.csv' });
    expect(badLayer.status).toBe(400);
    expect(JSON.stringify(badLayer.body)).toContain('layer');
    const badMapping = await upload(file, { layer: 'institutions', fileName: 'a.csv', mapping: '{"colour":"x"}' });
    expect(badMapping.status).toBe(400);
    expect((await upload(file, { layer: 'institutions' })).status).toBe(400);
    const empty = await upload('', { layer: 'institutions', fileName: 'a.csv' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/file: empty/);
    const garbage = await upload(new Uint8Array([0x50, 0x4b, 1, 2, 3]), { layer: 'institutions', fileName: 'x.zip' });
    expect(garbage.body.problems).toEqual([{ path: 'file', message: expect.stringContaining('not a zip archive') }]);
  });

  test('a file over the limit is refused with 413 before it is read', async () => {
    const response = await app.request('/api/layer-imports?layer=institutions&fileName=big.csv', {
      method: 'POST',
      headers: { Cookie: cookies.admin, 'Content-Length': String(MAX_LAYER_IMPORT_BYTES + 1) },
      body: 'x',
    });
    expect(response.status).toBe(413);
  });
});
