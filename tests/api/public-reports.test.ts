import exifr from 'exifr';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client.js';
import { appendAudit, listAudit } from '../../db/queries/audit.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { MAX_REPORT_PHOTO_BYTES, PUBLIC_REPORTS_PER_HOUR } from '../../server/contract/public-reports.js';
import { HOUR_MS } from '../../server/domain/time.js';
import { checkPhotoStore } from '../../server/services/photo-check.js';
import { getJson, sendJson, loginCookie, testApp, type TestApp } from '../support/api.js';
import { testAsOf, testDatabase } from '../support/db.js';
import { testGif, testJpeg, testPng } from '../support/images.js';

let app: TestApp;
let database: Database;

/** A fixed random source: the tracking codes of a run are known, and each call draws the next ones. */
function countingRandom() {
  let n = 0;
  return (length: number) => Uint8Array.from({ length }, (_, i) => (n * 31 + i * 7 + 1) & 255).map((b, i) => (i === 0 ? (n++ & 255) ^ b : b));
}

const PUTUO_POINT = { lat: 31.2494, lon: 121.3975 };
/** Hangzhou: outside every district of Shanghai. */
const OUTSIDE = { lat: 30.2741, lon: 120.1551 };

beforeAll(async () => {
  app = await testApp({ randomBytes: countingRandom() });
  database = await testDatabase();
});

interface FormFields {
  category?: string;
  description?: string;
  longitude?: number;
  latitude?: number;
  address?: string;
  contact?: string;
}

function form(fields: FormFields, photos: { bytes: Uint8Array; name: string; type: string }[] = []): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, String(value));
  for (const p of photos) body.append('photos', new File([p.bytes as Uint8Array<ArrayBuffer>], p.name, { type: p.type }));
  return body;
}

async function submit(body: FormData, target: TestApp = app) {
  const response = await target.request('/api/public/reports', { method: 'POST', body });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

const counts = async () => {
  const [row] = await database.rows(sql`
    SELECT (SELECT count(*) FROM clues) AS clues, (SELECT count(*) FROM clue_reports) AS reports,
           (SELECT count(*) FROM clue_report_photos) AS photos`);
  return { clues: Number(row.clues), reports: Number(row.reports), photos: Number(row.photos), files: (await app.deps.photos.files()).length };
};

async function expectNothingWritten(run: () => Promise<void>) {
  const before = await counts();
  const audits = (await listAudit(database, { limit: 1 })).entries[0]?.id;
  await run();
  expect(await counts()).toEqual(before);
  expect((await listAudit(database, { limit: 1 })).entries[0]?.id).toBe(audits);
}

const valid: FormFields = { category: 'residential_flat', description: '居民楼 3 楼每晚有学生进出补课', contact: '13812345678' };

let trackingCode: string;
let jpegWithGps: Buffer;

describe('POST /api/public/reports', () => {
  test('without a login: a JPEG with GPS EXIF places the clue; 201 with the tracking code, source 随手拍, audited by public', async () => {
    jpegWithGps = await testJpeg(1600, 1200, { dateTimeOriginal: '2026:10:31 19:05:00', gps: PUTUO_POINT });
    const { status, body, headers } = await submit(form(valid, [{ bytes: jpegWithGps, name: 'street.jpg', type: 'image/jpeg' }]));
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(body).toMatchObject({ trackUrl: `/track/${body.trackingCode}`, positionSource: 'exif', receivedAt: testAsOf.toISOString() });
    expect(headers.get('location')).toBe(`/api/public/track/${body.trackingCode}`);
    trackingCode = body.trackingCode;

    const [clue] = await database.rows(sql`
      SELECT c.id, c.source::text AS source, c.district_code AS district, c.suspected_type::text AS type, c.status::text AS status,
             ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, r.contact_phone AS phone, r.position_source AS "positionSource", r.address_hash AS hash
      FROM clue_reports r JOIN clues c ON c.id = r.clue_id WHERE r.tracking_code = ${trackingCode}`);
    expect(clue).toMatchObject({ source: '随手拍', district: '310107', type: 'residential_flat', status: 'received', phone: '13812345678', positionSource: 'exif' });
    expect(Number(clue.lon)).toBeCloseTo(PUTUO_POINT.lon, 5);
    expect(Number(clue.lat)).toBeCloseTo(PUTUO_POINT.lat, 5);
    expect(clue.hash).toMatch(/^[0-9a-f]{64}$/);

    const audit = (await listAudit(database, { limit: 50 })).entries.find((e) => e.entity === 'clue' && e.entityId === String(clue.id))!;
    expect(audit).toMatchObject({ actor: 'public', action: 'clue.create', before: null });
    expect(JSON.stringify(audit.after)).not.toContain('13812345678');
    expect((audit.after as any).report).toMatchObject({ positionSource: 'exif', contact: '138****5678' });
  });

  test('the stored photo is a re-encoded copy without EXIF: no GPS, no time, not the bytes sent', async () => {
    const [row] = await database.rows(sql`
      SELECT p.sha256, p.thumbnail_sha256 AS thumb, p.source_media_type AS type, p.taken_at AS "takenAt", p.width
      FROM clue_report_photos p JOIN clue_reports r ON r.id = p.report_id WHERE r.tracking_code = ${trackingCode}`);
    expect(row.type).toBe('image/jpeg');
    expect(row.takenAt).not.toBeNull();
    for (const name of [row.sha256, row.thumb] as string[]) {
      const stored = (await app.deps.photos.read(name))!;
      expect(stored).not.toBeNull();
      expect(stored.equals(jpegWithGps)).toBe(false);
      expect(await exifr.gps(stored).catch(() => undefined)).toBeFalsy();
      expect((await sharp(stored).metadata()).exif).toBeUndefined();
    }
    // The original did carry them, so the check above can fail.
    expect((await exifr.gps(jpegWithGps)).latitude).toBeCloseTo(PUTUO_POINT.lat, 4);
  });

  test('photos:check accounts for the reports’ files: none is an orphan', async () => {
    const report = await checkPhotoStore(app.deps);
    expect(report.files).toBeGreaterThanOrEqual(2);
    expect(report.orphanFiles).toEqual([]);
    expect(report.missingFiles).toEqual([]);
  });

  test('a map pick wins over the photo’s GPS (positionSource map); PNG and WebP are accepted', async () => {
    const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).webp().toBuffer();
    const { status, body } = await submit(
      form({ ...valid, contact: undefined, longitude: 121.4737, latitude: 31.2304 }, [
        { bytes: jpegWithGps, name: 'a.jpg', type: 'image/jpeg' },
        { bytes: await testPng(80, 60), name: 'b.png', type: 'image/png' },
        { bytes: webp, name: 'c.webp', type: 'image/webp' },
      ]),
    );
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.positionSource).toBe('map');
    const [row] = await database.rows(sql`
      SELECT c.district_code AS district, r.contact_phone AS phone, array_agg(p.source_media_type ORDER BY p.position)::text AS types
      FROM clue_reports r JOIN clues c ON c.id = r.clue_id JOIN clue_report_photos p ON p.report_id = r.id
      WHERE r.tracking_code = ${body.trackingCode} GROUP BY c.district_code, r.contact_phone`);
    expect(row).toMatchObject({ district: '310101', phone: null, types: '{image/jpeg,image/png,image/webp}' });
  });

  test('a GIF among the photos: 415 naming that photo, nothing written (no clue, report, file or audit entry)', async () => {
    await expectNothingWritten(async () => {
      const { status, body } = await submit(
        form(valid, [
          { bytes: jpegWithGps, name: 'ok.jpg', type: 'image/jpeg' },
          { bytes: await testGif(20, 20), name: 'x.gif', type: 'image/jpeg' },
        ]),
      );
      expect(status).toBe(415);
      expect(body.error.details.issues[0].path).toBe('photos.1');
    });
  });

  test('a JPEG that does not decode, a photo over 8 MB, five photos: refused, nothing written', async () => {
    await expectNothingWritten(async () => {
      const truncated = jpegWithGps.subarray(0, 600);
      const broken = await submit(form(valid, [{ bytes: truncated, name: 'cut.jpg', type: 'image/jpeg' }]));
      expect(broken.status).toBe(422);
      expect(broken.body.error.details.issues[0].path).toBe('photos.0');

      const big = Buffer.concat([jpegWithGps, Buffer.alloc(MAX_REPORT_PHOTO_BYTES)]);
      const tooBig = await submit(form(valid, [{ bytes: big, name: 'big.jpg', type: 'image/jpeg' }]));
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.details.issues[0].path).toBe('photos.0');

      const five = Array.from({ length: 5 }, (_, i) => ({ bytes: jpegWithGps, name: `${i}.jpg`, type: 'image/jpeg' }));
      const tooMany = await submit(form(valid, five));
      expect(tooMany.status).toBe(400);
      expect(JSON.stringify(tooMany.body.error.details)).toContain('photos');
    });
  });

  test('a position outside every district: 422 naming position; from the photo’s GPS too; none at all: 422', async () => {
    await expectNothingWritten(async () => {
      const picked = await submit(form({ ...valid, longitude: OUTSIDE.lon, latitude: OUTSIDE.lat }));
      expect(picked.status).toBe(422);
      expect(picked.body.error.details.issues[0].path).toBe('position');

      const outsidePhoto = await testJpeg(200, 150, { gps: OUTSIDE });
      const fromExif = await submit(form(valid, [{ bytes: outsidePhoto, name: 'far.jpg', type: 'image/jpeg' }]));
      expect(fromExif.status).toBe(422);
      expect(fromExif.body.error.details).toMatchObject({ issues: [{ path: 'position' }], positionSource: 'exif' });

      const noGps = await submit(form(valid, [{ bytes: await testJpeg(200, 150), name: 'plain.jpg', type: 'image/jpeg' }]));
      expect(noGps.status).toBe(422);
      expect(noGps.body.error.details.issues[0].path).toBe('position');
    });
  });

  test('bad fields: 400 naming each (category, description, contact, half a position), nothing written', async () => {
    await expectNothingWritten(async () => {
      const cases: [FormFields, string][] = [
        [{ ...valid, category: 'gossip', longitude: 121.4, latitude: 31.2 }, 'category'],
        [{ ...valid, description: '短', longitude: 121.4, latitude: 31.2 }, 'description'],
        [{ ...valid, contact: 'call me', longitude: 121.4, latitude: 31.2 }, 'contact'],
        [{ ...valid, longitude: 121.4 }, 'position'],
      ];
      for (const [fields, path] of cases) {
        const { status, body } = await submit(form(fields));
        expect(status, path).toBe(400);
        expect(body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(path);
      }
    });
  });

  test(`more than ${PUBLIC_REPORTS_PER_HOUR} reports an hour from one address: 429 with Retry-After, nothing written; an hour later it passes`, async () => {
    // A clock of its own, two days on, so that the reports above do not count.
    const start = testAsOf.getTime() + 48 * HOUR_MS;
    let clock = start;
    const limited = await testApp({ now: () => new Date(clock), randomBytes: countingRandom(), photoDir: app.deps.photos.root });
    const pick = { ...valid, longitude: 121.3975, latitude: 31.2494 };
    for (let i = 0; i < PUBLIC_REPORTS_PER_HOUR; i++) {
      clock = start + i * 60_000;
      expect((await submit(form(pick), limited)).status).toBe(201);
    }
    await expectNothingWritten(async () => {
      const refused = await submit(form(pick), limited);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      // The oldest of the five leaves the hour 56 minutes from now.
      expect(Number(refused.headers.get('retry-after'))).toBe(56 * 60);
    });
    clock = start + HOUR_MS + 1000;
    expect((await submit(form(pick), limited)).status).toBe(201);
  });
});

describe('GET /api/public/track/:code', () => {
  test('without a login: status, the 已受理 step, no phone, no names, no address, no description', async () => {
    const { status, body, headers } = await getJson(app, `/api/public/track/${trackingCode}`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      trackingCode,
      status: 'received',
      statusLabel: { 'zh-CN': '已受理', en: 'Received' },
      category: 'residential_flat',
      district: { 'zh-CN': '普陀区' },
      publicFeedback: null,
      synthetic: false,
    });
    expect(body.steps).toEqual([{ step: 'received', label: { 'zh-CN': '已受理', en: 'Received' }, at: testAsOf.toISOString() }]);
    const text = JSON.stringify(body);
    for (const secret of ['13812345678', '5678', '"public"', '居民楼 3 楼', 'contact', 'description', 'actor', 'admin']) expect(text).not.toContain(secret);
  });

  test('a code typed in lower case without dashes finds the same report', async () => {
    const typed = trackingCode.replace(/-/g, '').toLowerCase();
    const { status, body } = await getJson(app, `/api/public/track/${typed}`);
    expect(status).toBe(200);
    expect(body.trackingCode).toBe(trackingCode);
  });

  test('steps and the public answer follow the clue’s audit log; a note of the desk stays inside', async () => {
    const [row] = await database.rows(sql`SELECT clue_id AS id FROM clue_reports WHERE tracking_code = ${trackingCode}`);
    const admin = await loginCookie(app, 'admin');
    const changed = await sendJson(app, 'PATCH', `/api/clues/${Number(row.id)}`, { status: 'registered', note: '内部：联系人张三' }, admin);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const { body } = await getJson(app, `/api/public/track/${trackingCode}`);
    expect(body.status).toBe('registered');
    expect(body.steps.map((s: { step: string }) => s.step)).toEqual(['received', 'registered']);
    expect(JSON.stringify(body)).not.toContain('张三');
  });

  test('the handling department’s answer (an audit record’s publicFeedback) is shown, its author and note are not', async () => {
    const [row] = await database.rows(sql`SELECT clue_id::text AS id FROM clue_reports WHERE tracking_code = ${trackingCode}`);
    // The clue loop's feedback step, as that step records it.
    await inTransaction(database, (tx) =>
      appendAudit(tx, {
        at: new Date(testAsOf.getTime() + 2 * HOUR_MS),
        actor: 'edu_officer_li',
        action: 'clue.feedback',
        entity: 'clue',
        entityId: row.id as string,
        before: null,
        after: { status: 'feedback', note: '内部备注：房东王某', publicFeedback: '已上门核查，责令停止办班。' },
      }),
    );
    const { body } = await getJson(app, `/api/public/track/${trackingCode}`);
    expect(body.publicFeedback).toBe('已上门核查，责令停止办班。');
    expect(body.steps.at(-1)).toEqual({ step: 'feedback', label: { 'zh-CN': '已反馈', en: 'Answered' }, at: new Date(testAsOf.getTime() + 2 * HOUR_MS).toISOString() });
    expect(JSON.stringify(body)).not.toMatch(/edu_officer_li|王某|内部/);
  });

  test('unknown and garbled codes: the same 404', async () => {
    const unknown = await getJson(app, '/api/public/track/ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const garbled = await getJson(app, '/api/public/track/not-a-code');
    const long = await getJson(app, `/api/public/track/${'A'.repeat(40)}`);
    expect([unknown.status, garbled.status, long.status]).toEqual([404, 404, 404]);
    expect(garbled.body.error).toEqual(unknown.body.error);
  });
});

describe('GET /api/public/districts', () => {
  test('the borders and names, no counts, without a login', async () => {
    const { status, body } = await getJson(app, '/api/public/districts');
    expect(status).toBe(200);
    expect(body.features).toHaveLength(16);
    expect(Object.keys(body.features[0].properties).sort()).toEqual(['code', 'name', 'nameEn']);
  });
});
