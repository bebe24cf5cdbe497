import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { sniffReportImageType } from '../../../server/photos/sniff.js';
import { DISPLAY_COPY_MAX_SIDE, displayCopyOf, PhotoDecodeError } from '../../../server/photos/thumbnail.js';
import { testGif, testJpeg, testPng } from '../../support/images.js';

describe('sniffReportImageType', () => {
  test('JPEG, PNG and WebP by their first bytes; GIF, text and a RIFF that is not WebP: null', async () => {
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).webp().toBuffer();
    expect(sniffReportImageType(await testJpeg(8, 8))).toBe('image/jpeg');
    expect(sniffReportImageType(await testPng(8, 8))).toBe('image/png');
    expect(sniffReportImageType(webp)).toBe('image/webp');
    expect(sniffReportImageType(await testGif(8, 8))).toBeNull();
    expect(sniffReportImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffReportImageType(new Uint8Array(0))).toBeNull();
  });
});

describe('displayCopyOf', () => {
  test('a JPEG with GPS and time: a JPEG copy within 2048 px, upright, without any EXIF', async () => {
    const original = await testJpeg(3000, 1000, { dateTimeOriginal: '2026:10:31 19:05:00', gps: { lat: 31.25, lon: 121.4 }, orientation: 6 });
    expect((await exifr.gps(original)).latitude).toBeCloseTo(31.25, 4);
    const copy = await displayCopyOf(original, 'image/jpeg');
    const meta = await sharp(copy.display).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(await exifr.parse(copy.display).catch(() => undefined)).toBeFalsy();
    // Orientation 6 turns it upright: taller than wide, longest side 2048.
    expect([copy.width, copy.height]).toEqual([683, DISPLAY_COPY_MAX_SIDE]);
    expect((await sharp(copy.thumbnail).metadata()).exif).toBeUndefined();
  });

  test('a type that does not match the bytes, and truncated bytes: PhotoDecodeError', async () => {
    await expect(displayCopyOf(await testPng(10, 10), 'image/webp')).rejects.toBeInstanceOf(PhotoDecodeError);
    await expect(displayCopyOf((await testJpeg(400, 300)).subarray(0, 500), 'image/jpeg')).rejects.toBeInstanceOf(PhotoDecodeError);
  });
});
