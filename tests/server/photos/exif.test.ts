import { describe, expect, test } from 'vitest';
import { exifInstant, exifLocation, readPhotoExif } from '../../../server/photos/exif.js';
import { testJpeg, testPng } from '../../support/images.js';

describe('readPhotoExif on images with EXIF written by sharp', () => {
  test('DateTimeOriginal with its offset, and the GPS position as [lon, lat]', async () => {
    const jpeg = await testJpeg(64, 48, { dateTimeOriginal: '2026:10:30 14:05:09', offsetTimeOriginal: '+09:00', gps: { lat: 31.2397, lon: 121.4998 } });
    const exif = await readPhotoExif(jpeg);
    expect(exif.takenAt?.toISOString()).toBe('2026-10-30T05:05:09.000Z');
    expect(exif.location).not.toBeNull();
    const [lon, lat] = exif.location!;
    // Seconds are written to 1/10000: within a centimetre or so.
    expect(lon).toBeCloseTo(121.4998, 6);
    expect(lat).toBeCloseTo(31.2397, 6);
  });

  test('without an offset the camera’s clock is read as Asia/Shanghai (UTC+8)', async () => {
    const exif = await readPhotoExif(await testJpeg(64, 48, { dateTimeOriginal: '2026:10:30 14:05:09' }));
    expect(exif.takenAt?.toISOString()).toBe('2026-10-30T06:05:09.000Z');
    expect(exif.location).toBeNull();
  });

  test('southern and western references give negative degrees', async () => {
    const exif = await readPhotoExif(await testJpeg(64, 48, { gps: { lat: -33.8568, lon: -70.6483 } }));
    expect(exif.location![0]).toBeCloseTo(-70.6483, 6);
    expect(exif.location![1]).toBeCloseTo(-33.8568, 6);
  });

  test('no EXIF at all, or bytes that are no image, give nulls', async () => {
    expect(await readPhotoExif(await testJpeg(64, 48))).toEqual({ takenAt: null, location: null });
    expect(await readPhotoExif(await testPng(64, 48))).toEqual({ takenAt: null, location: null });
    expect(await readPhotoExif(new TextEncoder().encode('not an image'))).toEqual({ takenAt: null, location: null });
  });
});

describe('exifInstant and exifLocation', () => {
  test('an unset camera clock and impossible dates are no time', () => {
    expect(exifInstant('0000:00:00 00:00:00', null)).toBeNull();
    expect(exifInstant('2026:02:30 10:00:00', null)).toBeNull();
    expect(exifInstant('2026:10:30 24:00:00', null)).toBeNull();
    expect(exifInstant(undefined, '+08:00')).toBeNull();
    expect(exifInstant('2026:10:30 10:00:00', '-05:30')?.toISOString()).toBe('2026-10-30T15:30:00.000Z');
    // An offset EXIF does not define falls back to Shanghai rather than guessing.
    expect(exifInstant('2026:10:30 10:00:00', 'local')?.toISOString()).toBe('2026-10-30T02:00:00.000Z');
  });

  test('coordinates out of range or not numbers are no position', () => {
    expect(exifLocation(31.2, 121.5)).toEqual([121.5, 31.2]);
    expect(exifLocation(91, 121.5)).toBeNull();
    expect(exifLocation(31.2, 181)).toBeNull();
    expect(exifLocation(Number.NaN, 121.5)).toBeNull();
    expect(exifLocation('31.2', 121.5)).toBeNull();
  });
});
