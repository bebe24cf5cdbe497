import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDb, migrate, resetDatabase, type Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import type { UserRow } from '../../db/queries/users.js';
import { DAY_MS } from '../../server/domain/time.js';
import { PhotoStore } from '../../server/photos/store.js';
import { checkPhotoStore, parsePhotosCheckArgs, runPhotosCheck, type PhotoCheckDeps } from '../../server/services/photo-check.js';
import { uploadPhoto } from '../../server/services/photos.js';
import { dropScratchDatabase, scratchDatabaseUrl, testAsOf } from '../support/db.js';
import { deleteCheckIn, fieldUserOf, insertCheckIn } from '../support/field-fixture.js';
import { testJpeg, testPng } from '../support/images.js';

// photos:check accounts for a whole photos table against a whole store, so it gets a database of its own: the shared
// test database holds whatever photos other files upload into their own stores.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRATCH = 'photos_check';
const PUTUO = '310107';

let databaseUrl: string | undefined;
let pgliteDir: string;
let database: Database;
let store: PhotoStore;
let now = testAsOf;
let deps: PhotoCheckDeps;
let field: UserRow;
let officerId: number;
let open = false;

beforeAll(async () => {
  databaseUrl = await scratchDatabaseUrl(SCRATCH);
  pgliteDir = mkdtempSync(join(tmpdir(), 'jointops-pglite-'));
  database = await createDb(databaseUrl ? { databaseUrl } : { dataDir: pgliteDir });
  open = true;
  if (databaseUrl) await resetDatabase(database);
  else await migrate(database);
  // The least a field account and a check-in need: a district, a department, an officer.
  await database.rows(sql`INSERT INTO districts (code, name, name_en, geom)
    VALUES (${PUTUO}, '普陀区', 'Putuo', ST_Multi(ST_MakeEnvelope(121.35, 31.22, 121.45, 31.30, 4326)))`);
  await database.rows(sql`INSERT INTO departments (code, name, name_en, responsibilities) VALUES ('edu', '教育局', 'Education', '校外培训')`);
  await database.rows(sql`INSERT INTO officers (name, department_code, district_code, certificate_no, certificate_expires_on, base)
    VALUES ('张三', 'edu', ${PUTUO}, '沪执310107019999', '2030-12-31', ST_SetSRID(ST_MakePoint(121.4, 31.25), 4326))`);
  const ids = await fieldUserOf(database, PUTUO, 'check_field');
  officerId = ids.officerId;
  field = { id: ids.userId, username: 'check_field', displayName: 'check_field', role: 'field', districtCode: PUTUO, districtName: '普陀区', officerId };
  store = new PhotoStore(mkdtempSync(join(tmpdir(), 'jointops-photos-')));
  deps = { database, photos: store, now: () => now };
});

afterAll(async () => {
  if (open) await database.close();
  if (databaseUrl) await dropScratchDatabase(SCRATCH);
});

const put = async (image: Buffer, contentType: string) =>
  (await uploadPhoto(deps, field, { contentType, readBody: async () => image })).photo;
const later = (days: number) => new Date(testAsOf.getTime() + days * DAY_MS);

async function runCli(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PHOTO_DIR: store.root, DATA_DIR: pgliteDir, DATABASE_URL: databaseUrl ?? '' };
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/photos-check.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('photos:check', () => {
  let p1: any, p2: any, p3: any, p4: any;
  let checkIn1: number;
  let orphan: string;

  test('referenced photos and an unreferenced one younger than a day: ok (exit 0)', async () => {
    p1 = await put(await testJpeg(900, 600, { dateTimeOriginal: '2026:10:31 10:00:00' }), 'image/jpeg');
    p2 = await put(await testPng(300, 200), 'image/png');
    p3 = await put(await testJpeg(700, 500, {}, { noise: true }), 'image/jpeg');
    // The same picture as p1 without EXIF: other bytes, the same thumbnail file.
    p4 = await put(await testJpeg(900, 600), 'image/jpeg');
    expect(p4.sha256).not.toBe(p1.sha256);
    expect(p4.thumbnailSha256).toBe(p1.thumbnailSha256);
    checkIn1 = await insertCheckIn(database, { districtCode: PUTUO, officerId, userId: field.id, photos: [p1.sha256, p3.sha256], at: testAsOf });
    await insertCheckIn(database, { districtCode: PUTUO, officerId, userId: field.id, photos: [p4.sha256], at: testAsOf });

    now = later(0.5);
    const { exitCode, report } = await runPhotosCheck(deps, { deleteUnreferencedOlderThanDays: null });
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({ ok: true, photos: 4, files: 7, orphanFiles: [], missingFiles: [], unreferencedOverdue: 0 });
    expect(report.unreferenced).toEqual([{ sha256: p2.sha256, uploadedAt: testAsOf.toISOString(), ageHours: 12 }]);
  });

  test('past a day the unreferenced photo is a fault (exit 1)', async () => {
    now = later(1.5);
    const { exitCode, report } = await runPhotosCheck(deps, { deleteUnreferencedOlderThanDays: null });
    expect(exitCode).toBe(1);
    expect(report).toMatchObject({ ok: false, unreferencedOverdue: 1, orphanFiles: [], missingFiles: [] });
  });

  test('an orphan file, a missing thumbnail: both listed', async () => {
    orphan = (await store.put(new TextEncoder().encode('bytes no row names'))).sha256;
    expect(await store.remove(p3.thumbnailSha256)).toBe(true);
    const report = await checkPhotoStore(deps);
    expect(report.orphanFiles).toEqual([expect.objectContaining({ sha256: orphan, path: join(orphan.slice(0, 2), orphan.slice(2, 4), orphan), bytes: 18 })]);
    expect(report.missingFiles).toEqual([{ sha256: p3.sha256, missing: ['thumbnail'] }]);
  });

  test('deleting a check-in cascades its photo links: its photos now show as unreferenced', async () => {
    await deleteCheckIn(database, checkIn1);
    const report = await checkPhotoStore(deps);
    expect(report.unreferenced.map((u) => u.sha256).sort()).toEqual([p1.sha256, p2.sha256, p3.sha256].sort());
    expect(report.unreferencedOverdue).toBe(3);
  });

  test('--delete-unreferenced-older-than 1 removes their rows and files (audited), keeps a thumbnail another photo shares', async () => {
    now = later(2);
    const auditsBefore = (await listAudit(database, { limit: 100 })).entries.length;
    const { exitCode, report } = await runPhotosCheck(deps, { deleteUnreferencedOlderThanDays: 1 });
    // p1, p2, p3 rows; files: p1, p2 + its thumbnail, p3 (its thumbnail was gone already); p1's thumbnail is p4's too.
    expect(report.deleted).toEqual({ photos: 3, files: 4 });
    expect(report).toMatchObject({ photos: 1, unreferenced: [], missingFiles: [] });
    expect(await store.has(p1.sha256)).toBe(false);
    expect(await store.has(p2.thumbnailSha256)).toBe(false);
    expect(await store.has(p4.thumbnailSha256)).toBe(true);
    // The orphan file is listed, never deleted: after a restore it may be the only copy of a photo.
    expect(report.orphanFiles.map((f) => f.sha256)).toEqual([orphan]);
    expect(exitCode).toBe(1);
    const audits = (await listAudit(database, { limit: 100 })).entries.slice(0, -auditsBefore || undefined);
    const deletions = audits.filter((e) => e.action === 'photo.delete');
    expect(deletions.map((e) => e.entityId).sort()).toEqual([p1.sha256, p2.sha256, p3.sha256].sort());
    expect(deletions[0]).toMatchObject({ actor: 'system', entity: 'photo', after: { reason: 'unreferenced', olderThanDays: 1 } });
  });

  test('a photo younger than the given days is kept', async () => {
    const young = await put(await testPng(40, 40), 'image/png');
    now = later(2.5);
    const { report } = await runPhotosCheck(deps, { deleteUnreferencedOlderThanDays: 1 });
    expect(report.deleted).toEqual({ photos: 0, files: 0 });
    expect(report.unreferenced.map((u) => u.sha256)).toEqual([young.sha256]);
  });

  test('the arguments: days at least 1, nothing else', () => {
    expect(parsePhotosCheckArgs([])).toEqual({ deleteUnreferencedOlderThanDays: null });
    expect(parsePhotosCheckArgs(['--delete-unreferenced-older-than', '7'])).toEqual({ deleteUnreferencedOlderThanDays: 7 });
    for (const bad of [['--delete-unreferenced-older-than'], ['--delete-unreferenced-older-than', '0.5'], ['--delete-unreferenced-older-than', 'x'], ['--all']])
      expect(parsePhotosCheckArgs(bad)).toHaveProperty('error');
  });

  test('npm run photos:check: one JSON line, exit 1 with the orphan; exit 2 on bad arguments', async () => {
    // PGlite serves one process at a time: the command's turn.
    await database.close();
    open = false;
    // It runs on the real clock, long after these uploads: the young photo is overdue there, and goes.
    const { code, stdout, stderr } = await runCli(['--delete-unreferenced-older-than', '1']);
    const lines = stdout.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, photos: 1, files: 3, deleted: { photos: 1, files: 2 }, missingFiles: [], unreferenced: [] });
    expect(report.orphanFiles.map((f: any) => f.sha256)).toEqual([orphan]);
    const bad = await runCli(['--delete-unreferenced-older-than', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/at least 1/);
  }, 120_000);
});
