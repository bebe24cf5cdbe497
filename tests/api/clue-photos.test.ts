import { sql } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { listAudit } from '../../db/queries/audit.js';
import { MAX_REPORT_PHOTO_BYTES } from '../../server/contract/public-reports.js';
import { getJson, loginCookie, shanghaiBbox, testApp, type TestApp } from '../support/api.js';
import { testDatabase } from '../support/db.js';
import { testGif, testJpeg, testPng } from '../support/images.js';

// The 12345 form's photos (POST /api/clues/with-photos) and the desk's reading of a clue's photos, district-scoped.

let app: TestApp;
let database: Database;
let leader: string;
let planner: string;
let putuoPoint: number[];
let jinganPoint: number[];

const PUTUO_GPS = { lat: 31.2494, lon: 121.3975 };

beforeAll(async () => {
  app = await testApp();
  database = await testDatabase();
  leader = await loginCookie(app, 'putuo_leader');
  planner = await loginCookie(app, 'planner');
  const admin = await loginCookie(app, 'admin');
  const pointIn = async (district: string) =>
    (await getJson(app, `/api/institutions?bbox=${shanghaiBbox}&district=${district}&limit=1`, admin)).body.features[0].geometry.coordinates;
  putuoPoint = await pointIn('310107');
  jinganPoint = await pointIn('310106');
});

const intake = (coordinates: number[], over: Record<string, unknown> = {}) => ({
  source: '12345',
  reportedAt: '2026-10-31T09:30:00+08:00',
  geometry: { type: 'Point', coordinates },
  address: '普陀区 测试路 18 弄 3 号 402 室',
  description: '来电人发来照片：居民楼内有人办学科类培训班',
  suspectedType: 'residential_flat',
  kind: 'complaint',
  callerPhone: '13812345678',
  ...over,
});

function form(clue: unknown, photos: { bytes: Uint8Array; name: string; type: string }[]): FormData {
  const body = new FormData();
  body.set('clue', typeof clue === 'string' ? clue : JSON.stringify(clue));
  for (const p of photos) body.append('photos', new File([p.bytes as Uint8Array<ArrayBuffer>], p.name, { type: p.type }));
  return body;
}

async function submit(body: FormData, cookie = leader) {
  const response = await app.request('/api/clues/with-photos', { method: 'POST', body, headers: { Cookie: cookie } });
  return { status: response.status, body: (await response.json()) as any };
}

const counts = async () => {
  const [row] = await database.rows(sql`SELECT (SELECT count(*) FROM clues) AS clues, (SELECT count(*) FROM clue_attachments) AS attachments`);
  return { clues: Number(row.clues), attachments: Number(row.attachments), files: (await app.deps.photos.files()).length };
};

async function expectNothingWritten(run: () => Promise<void>) {
  const before = await counts();
  const audit = (await listAudit(database, { limit: 1 })).entries[0]?.id;
  await run();
  expect(await counts()).toEqual(before);
  expect((await listAudit(database, { limit: 1 })).entries[0]?.id).toBe(audit);
}

let clueId: number;
let photoSha: string;
let thumbSha: string;
let sent: Buffer;

describe('POST /api/clues/with-photos', () => {
  test('the clue with two photos: 201, the photos in its detail, stored re-encoded without EXIF, audited with the clue', async () => {
    sent = await testJpeg(1600, 1200, { dateTimeOriginal: '2026:10:31 08:05:00', gps: PUTUO_GPS });
    const { status, body } = await submit(form(intake(putuoPoint), [
      { bytes: sent, name: 'door.jpg', type: 'image/jpeg' },
      { bytes: await testPng(120, 90), name: 'notice.png', type: 'image/png' },
    ]));
    expect(status, JSON.stringify(body)).toBe(201);
    clueId = body.id;
    expect(body.properties.photos).toHaveLength(2);
    expect(body.properties.photos.map((p: any) => p.origin)).toEqual(['intake', 'intake']);
    [photoSha, thumbSha] = [body.properties.photos[0].sha256, body.properties.photos[0].thumbnailSha256];
    expect(body.properties.photos[0]).toMatchObject({ width: 1600, height: 1200 });

    const stored = (await app.deps.photos.read(photoSha))!;
    expect(stored.equals(sent)).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(await exifr.gps(stored).catch(() => undefined)).toBeFalsy();
    expect((await exifr.gps(sent)).latitude).toBeCloseTo(PUTUO_GPS.lat, 4);

    const audit = (await listAudit(database, { limit: 5 })).entries.find((e) => e.entity === 'clue' && e.entityId === String(clueId))!;
    expect(audit).toMatchObject({ action: 'clue.create', actor: 'putuo_leader' });
    expect((audit.after as any).photos).toEqual(body.properties.photos.map((p: any) => p.sha256));
    const detail = await getJson(app, `/api/clues/${clueId}`, leader);
    expect(detail.body.properties.photos.map((p: any) => p.sha256)).toEqual(body.properties.photos.map((p: any) => p.sha256));
  });

  test('a GIF is 415 naming photos.1; nothing is written, not even the first photo’s files', async () => {
    await expectNothingWritten(async () => {
      const { status, body } = await submit(form(intake(putuoPoint), [
        { bytes: await testPng(64, 64), name: 'fine.png', type: 'image/png' },
        { bytes: await testGif(40, 40), name: 'anim.gif', type: 'image/jpeg' },
      ]));
      expect(status).toBe(415);
      expect(body.error.details.issues[0].path).toBe('photos.1');
    });
  });

  test('a photo over 8 MB is 413 naming photos.0; nothing is written', async () => {
    const big = new Uint8Array(MAX_REPORT_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expectNothingWritten(async () => {
      const { status, body } = await submit(form(intake(putuoPoint), [{ bytes: big, name: 'huge.jpg', type: 'image/jpeg' }]));
      expect(status).toBe(413);
      expect(body.error.details.issues[0].path).toBe('photos.0');
    });
  });

  test('a clue refused after its photos were checked (another district’s point) leaves no file behind', async () => {
    await expectNothingWritten(async () => {
      const { status } = await submit(form(intake(jinganPoint), [{ bytes: await testJpeg(300, 200, {}, { noise: true }), name: 'x.jpg', type: 'image/jpeg' }]));
      expect(status).toBe(403);
    });
  });

  test('a bad clue field is 400 naming it, the clue not JSON is 400 naming clue; a wall account is refused', async () => {
    const wallCookie = await loginCookie(app, 'wall');
    await expectNothingWritten(async () => {
      const short = await submit(form(intake(putuoPoint, { description: '' }), []));
      expect(short.status).toBe(400);
      expect(short.body.error.details.issues.map((i: any) => i.path)).toContain('description');
      const notJson = await submit(form('{not json', []));
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.details.issues[0].path).toBe('clue');
      const wall = await submit(form(intake(putuoPoint), [{ bytes: await testPng(64, 64), name: 'p.png', type: 'image/png' }]), wallCookie);
      expect(wall.status).toBe(403);
    });
  });
});

describe('GET /api/clues/{id}/photos/{sha256}', () => {
  test('the display copy and the thumbnail, JPEG, for the district’s leader and a city-wide planner', async () => {
    for (const cookie of [leader, planner]) {
      const full = await app.request(`/api/clues/${clueId}/photos/${photoSha}`, { headers: { Cookie: cookie } });
      expect(full.status).toBe(200);
      expect(full.headers.get('content-type')).toBe('image/jpeg');
      expect((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width).toBe(1600);
      const thumb = await app.request(`/api/clues/${clueId}/photos/${photoSha}/thumbnail`, { headers: { Cookie: cookie } });
      expect(thumb.status).toBe(200);
      expect(Math.max(...(await sharp(Buffer.from(await thumb.arrayBuffer())).metadata().then((m) => [m.width, m.height])))).toBe(320);
    }
  });

  test('evidence is not kept by the browser beyond the session: no-cache with the hash as ETag, 304 once read in scope', async () => {
    const url = `/api/clues/${clueId}/photos/${photoSha}`;
    const first = await app.request(url, { headers: { Cookie: leader } });
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('etag')).toBe(`"${photoSha}"`);
    const again = await app.request(url, { headers: { Cookie: leader, 'If-None-Match': `"${photoSha}"` } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    // The 304 comes only after the clue was read in the user's scope.
    const [jingan] = await database.rows(sql`SELECT id FROM clues WHERE district_code = '310106' ORDER BY id LIMIT 1`);
    const elsewhere = await app.request(`/api/clues/${Number(jingan.id)}/photos/${photoSha}`, { headers: { Cookie: leader, 'If-None-Match': `"${photoSha}"` } });
    expect(elsewhere.status).toBe(404);
    const thumb = await app.request(`${url}/thumbnail`, { headers: { Cookie: leader } });
    expect(thumb.headers.get('etag')).toBe(`"${photoSha}-thumbnail"`);
  });

  test('404 for a user of another district, for a photo of another clue, and without a login 401', async () => {
    const [jingan] = await database.rows(sql`SELECT id FROM clues WHERE district_code = '310106' ORDER BY id LIMIT 1`);
    expect((await app.request(`/api/clues/${Number(jingan.id)}/photos/${photoSha}`, { headers: { Cookie: leader } })).status).toBe(404);
    // A Jing'an clue of the planner's city does not own this photo: the photo is read through its own clue only.
    expect((await app.request(`/api/clues/${Number(jingan.id)}/photos/${photoSha}`, { headers: { Cookie: planner } })).status).toBe(404);
    expect((await app.request(`/api/clues/${clueId}/photos/${thumbSha}`, { headers: { Cookie: planner } })).status).toBe(404);
    expect((await app.request(`/api/clues/${clueId}/photos/${photoSha}`)).status).toBe(401);
  });

  test('an account of another district gets 404 for the Putuo clue’s photo', async () => {
    const [other] = await database.rows(sql`SELECT username FROM users WHERE district_code IS NOT NULL AND district_code <> '310107' ORDER BY id LIMIT 1`);
    expect(other).toBeDefined();
    const cookie = await loginCookie(app, String(other.username));
    expect((await app.request(`/api/clues/${clueId}/photos/${photoSha}`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await app.request(`/api/clues/${clueId}/photos/${photoSha}`, { headers: { Cookie: leader } })).status).toBe(200);
  });

  test('a 随手拍 report’s photos are in its clue’s detail and readable at the desk; the tracking page shows none', async () => {
    const report = new FormData();
    report.set('category', 'residential_flat');
    report.set('description', '楼里每晚有学生补课');
    report.append('photos', new File([(await testJpeg(800, 600, { gps: PUTUO_GPS })) as Uint8Array<ArrayBuffer>], 'p.jpg', { type: 'image/jpeg' }));
    const sentReport = await app.request('/api/public/reports', { method: 'POST', body: report });
    expect(sentReport.status).toBe(201);
    const { trackingCode } = (await sentReport.json()) as any;
    const [row] = await database.rows(sql`SELECT clue_id AS id FROM clue_reports WHERE tracking_code = ${trackingCode}`);
    const detail = await getJson(app, `/api/clues/${Number(row.id)}`, leader);
    expect(detail.body.properties.photos).toHaveLength(1);
    expect(detail.body.properties.photos[0].origin).toBe('report');
    const thumb = await app.request(`/api/clues/${Number(row.id)}/photos/${detail.body.properties.photos[0].sha256}/thumbnail`, { headers: { Cookie: leader } });
    expect(thumb.status).toBe(200);
    const tracked = await getJson(app, `/api/public/track/${trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(JSON.stringify(tracked.body)).not.toContain(detail.body.properties.photos[0].sha256);
    expect(tracked.body).not.toHaveProperty('photos');
  });
});
