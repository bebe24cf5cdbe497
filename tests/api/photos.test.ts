import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { MAX_PHOTO_BYTES } from '../../server/contract/field.js';
import { loginCookie, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';
import { createUser, deleteCheckIn, fieldUserOf, insertCheckIn } from '../support/field-fixture.js';
import { testGif, testJpeg, testPng } from '../support/images.js';

let app: TestApp;
let database: Database;
let putuoField: { userId: number; officerId: number };
let putuoFieldName: string;
const cookies: Record<'putuoField' | 'jinganField' | 'putuoLeader' | 'jinganLeader' | 'admin' | 'planner', string> = {} as never;

const PUTUO = '310107';
const JINGAN = '310106';

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  const putuo = await fieldUserOf(database, PUTUO, 'photo_field_putuo');
  putuoField = { userId: putuo.userId, officerId: putuo.officerId };
  putuoFieldName = putuo.username;
  const jingan = await fieldUserOf(database, JINGAN, 'photo_field_jingan');
  await createUser(database, 'photo_leader_jingan', 'leader', JINGAN);
  const names = { putuoField: putuo.username, jinganField: jingan.username, putuoLeader: 'putuo_leader', jinganLeader: 'photo_leader_jingan', admin: 'admin', planner: 'planner' } as const;
  for (const [key, username] of Object.entries(names)) cookies[key as keyof typeof names] = await loginCookie(app, username);
});

async function upload(body: RequestInit['body'], contentType: string | null, cookie = cookies.putuoField, init: RequestInit = {}) {
  const response = await app.request('/api/field/photos', {
    method: 'POST',
    headers: { ...(contentType ? { 'Content-Type': contentType } : {}), Cookie: cookie },
    body,
    ...init,
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

async function download(path: string, cookie: string) {
  const response = await app.request(path, { headers: { Cookie: cookie } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

const photoCount = async () => Number((await database.rows(sql`SELECT count(*) AS n FROM photos`))[0].n);
const photoAudits = async () => (await listAudit(database, { limit: 500 })).entries.filter((e) => e.action === 'field.photo');
const storeFiles = () => app.deps.photos.files();

/** Asserts that a refused upload stored nothing: no file, no row, no audit entry. */
async function expectNothingStored(run: () => Promise<void>) {
  const [rows, files, audits] = [await photoCount(), (await storeFiles()).length, (await photoAudits()).length];
  await run();
  expect(await photoCount()).toBe(rows);
  expect((await storeFiles()).length).toBe(files);
  expect((await photoAudits()).length).toBe(audits);
}

let jpeg: Buffer;
let photo: any;

describe('POST /api/field/photos', () => {
  test('a field officer’s JPEG: 201, stored under its SHA-256 with a thumbnail, EXIF read, one audit entry', async () => {
    jpeg = await testJpeg(1200, 900, { dateTimeOriginal: '2026:10:31 09:41:07', gps: { lat: 31.2494, lon: 121.3975 } });
    const { status, body, headers } = await upload(jpeg, 'image/jpeg');
    expect(status, JSON.stringify(body)).toBe(201);
    photo = body;
    expect(body).toMatchObject({ mediaType: 'image/jpeg', width: 1200, height: 900, byteSize: jpeg.length, takenAt: '2026-10-31T01:41:07.000Z' });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.exifLocation[0]).toBeCloseTo(121.3975, 5);
    expect(body.exifLocation[1]).toBeCloseTo(31.2494, 5);
    expect(headers.get('location')).toBe(`/api/field/photos/${body.sha256}`);
    expect(await app.deps.photos.has(body.sha256)).toBe(true);
    expect(await app.deps.photos.has(body.thumbnailSha256)).toBe(true);
    expect((await app.deps.photos.read(body.sha256))!.equals(jpeg)).toBe(true);
    const audits = (await photoAudits()).filter((e) => e.entityId === body.sha256);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: putuoFieldName, entity: 'photo', before: null });
  });

  test('the same bytes again: 200 with the same photo; still one file, one row, one audit entry', async () => {
    const filesBefore = (await storeFiles()).length;
    const { status, body } = await upload(jpeg, 'image/jpeg; charset=binary');
    expect(status).toBe(200);
    expect(body).toEqual(photo);
    expect((await storeFiles()).length).toBe(filesBefore);
    expect(Number((await database.rows(sql`SELECT count(*) AS n FROM photos WHERE sha256 = ${photo.sha256}`))[0].n)).toBe(1);
    expect((await photoAudits()).filter((e) => e.entityId === photo.sha256)).toHaveLength(1);
  });

  test('the same bytes again after the thumbnail file was lost: 200, and the file is back (a retry repairs the store)', async () => {
    expect(await app.deps.photos.remove(photo.thumbnailSha256)).toBe(true);
    const { status, body } = await upload(jpeg, 'image/jpeg');
    expect(status).toBe(200);
    expect(body).toEqual(photo);
    expect(await app.deps.photos.has(photo.thumbnailSha256)).toBe(true);
    expect((await photoAudits()).filter((e) => e.entityId === photo.sha256)).toHaveLength(1);
  });

  test('a PNG: 201 as image/png', async () => {
    const png = await testPng(500, 400);
    const { status, body } = await upload(png, 'image/png');
    expect(status).toBe(201);
    expect(body).toMatchObject({ mediaType: 'image/png', width: 500, height: 400, takenAt: null, exifLocation: null });
  });

  test('a declared type other than the bytes’: 415, nothing stored', async () => {
    await expectNothingStored(async () => {
      const png = await testPng(30, 20);
      const { status, body } = await upload(png, 'image/jpeg');
      expect(status).toBe(415);
      expect(body.error).toMatchObject({ code: 'unsupported_media_type', details: { declared: 'image/jpeg', sniffed: 'image/png' } });
    });
  });

  test('not an image by its bytes (text, GIF, empty), or a type that is not JPEG/PNG: 415, nothing stored', async () => {
    await expectNothingStored(async () => {
      expect((await upload(new TextEncoder().encode('这不是照片'), 'image/jpeg')).status).toBe(415);
      expect((await upload(await testGif(20, 20), 'image/png')).status).toBe(415);
      expect((await upload(new Uint8Array(0), 'image/jpeg')).body.error.message).toMatch(/empty/);
      expect((await upload(jpeg, 'application/octet-stream')).status).toBe(415);
      expect((await upload(jpeg, null)).status).toBe(415);
      expect((await upload(jpeg, 'image/gif')).status).toBe(415);
    });
  });

  test('11 MB: 413 whether Content-Length says so or the body streams without one; nothing stored', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await expectNothingStored(async () => {
      const declared = await upload(big, 'image/jpeg', cookies.putuoField, { headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(big.length), Cookie: cookies.putuoField } });
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: MAX_PHOTO_BYTES } });
      // Chunked, 1 MB pieces of a 100 MB body: the reader stops at the first piece past the limit.
      const total = 100 * 1024 * 1024;
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= total) return controller.close();
          controller.enqueue(big.subarray(0, 1024 * 1024));
          pulled += 1024 * 1024;
        },
      });
      const streamed = await upload(stream, 'image/jpeg', cookies.putuoField, { duplex: 'half' });
      expect(streamed.status).toBe(413);
      expect(pulled).toBeLessThanOrEqual(MAX_PHOTO_BYTES + 2 * 1024 * 1024);
    });
  });

  test('just under the limit is read (and refused only because it is no image): the JSON limit does not apply', async () => {
    const under = new Uint8Array(MAX_PHOTO_BYTES - 1);
    under.set([0xff, 0xd8, 0xff, 0xe0]);
    await expectNothingStored(async () => {
      const { status, body } = await upload(under, 'image/jpeg');
      expect(status).toBe(422);
      expect(body.error.code).toBe('unprocessable');
    });
  });

  test('a JPEG that does not decode (truncated): 422, nothing stored', async () => {
    const whole = await testJpeg(800, 600, {}, { noise: true });
    await expectNothingStored(async () => {
      const { status, body } = await upload(whole.subarray(0, Math.floor(whole.length * 0.6)), 'image/jpeg');
      expect(status).toBe(422);
      expect(body.error.details.issues[0].path).toBe('body');
    });
  });

  test('an account that is not a field officer’s: 403, nothing stored', async () => {
    const other = await testJpeg(64, 64, { dateTimeOriginal: '2026:10:30 10:00:00' });
    await expectNothingStored(async () => {
      for (const cookie of [cookies.putuoLeader, cookies.admin, cookies.planner]) expect((await upload(other, 'image/jpeg', cookie)).status).toBe(403);
    });
    expect((await upload(other, 'image/jpeg', '')).status).toBe(401);
  });
});

describe('GET /api/field/photos/{sha256}[/thumbnail]: scoped like the check-ins the photo belongs to', () => {
  let checkInId: number;

  test('the uploader reads it back, with its type and an immutable private cache', async () => {
    const { status, bytes, headers } = await download(`/api/field/photos/${photo.sha256}`, cookies.putuoField);
    expect(status).toBe(200);
    expect(bytes.equals(jpeg)).toBe(true);
    expect(headers.get('content-type')).toBe('image/jpeg');
    expect(headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });

  test('before any check-in refers to it, no one else in a district sees it; city-wide roles do', async () => {
    for (const cookie of [cookies.putuoLeader, cookies.jinganLeader, cookies.jinganField]) expect((await download(`/api/field/photos/${photo.sha256}`, cookie)).status).toBe(404);
    for (const cookie of [cookies.admin, cookies.planner]) expect((await download(`/api/field/photos/${photo.sha256}`, cookie)).status).toBe(200);
  });

  test('once a Putuo check-in refers to it: Putuo’s leader 200, Jing’an’s leader and field officer 404 (as for no photo)', async () => {
    checkInId = await insertCheckIn(database, { districtCode: PUTUO, ...putuoField, photos: [photo.sha256], at: testAsOf });
    expect((await download(`/api/field/photos/${photo.sha256}`, cookies.putuoLeader)).status).toBe(200);
    const outside = await app.request(`/api/field/photos/${photo.sha256}`, { headers: { Cookie: cookies.jinganLeader } });
    const absent = await app.request(`/api/field/photos/${'0'.repeat(64)}`, { headers: { Cookie: cookies.jinganLeader } });
    expect(outside.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(await outside.json()).toEqual(await absent.json());
    expect((await download(`/api/field/photos/${photo.sha256}/thumbnail`, cookies.jinganField)).status).toBe(404);
  });

  test('the thumbnail is a JPEG, longest side 320 px', async () => {
    const { status, bytes, headers } = await download(`/api/field/photos/${photo.sha256}/thumbnail`, cookies.putuoLeader);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/jpeg');
    expect(headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(320);
    expect([meta.width, meta.height]).toEqual([320, 240]);
  });

  test('a malformed name: 400', async () => {
    expect((await download('/api/field/photos/not-a-hash', cookies.admin)).status).toBe(400);
  });

  test('deleting the check-in takes the photo out of its district’s sight again (the rows cascade)', async () => {
    await deleteCheckIn(database, checkInId);
    expect(Number((await database.rows(sql`SELECT count(*) AS n FROM check_in_photos WHERE check_in_id = ${checkInId}`))[0].n)).toBe(0);
    expect((await download(`/api/field/photos/${photo.sha256}`, cookies.putuoLeader)).status).toBe(404);
    expect((await download(`/api/field/photos/${photo.sha256}`, cookies.putuoField)).status).toBe(200);
  });
});
