import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { decodePhoto, PhotoDecodeError, THUMBNAIL_MAX_SIDE } from '../../../server/photos/thumbnail.js';
import { pixelAt, testJpeg, testPng } from '../../support/images.js';

describe('decodePhoto: dimensions and the thumbnail', () => {
  test('a landscape JPEG: its size, and a JPEG thumbnail 320 px on the longest side', async () => {
    const decoded = await decodePhoto(await testJpeg(1600, 900), 'image/jpeg');
    expect(decoded).toMatchObject({ width: 1600, height: 900 });
    const thumb = await sharp(decoded.thumbnail).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: THUMBNAIL_MAX_SIDE, height: 180 });
    // No metadata travels into the thumbnail (the original keeps the EXIF GPS; a list of tiles need not).
    expect(thumb.exif).toBeUndefined();
  });

  test('EXIF orientation 6 (stored sideways) gives an upright portrait: size as shown, red on top', async () => {
    // Stored 1200×800, left half red; turned 90° clockwise to show, the red half is on top.
    const decoded = await decodePhoto(await testJpeg(1200, 800, { orientation: 6 }), 'image/jpeg');
    expect(decoded).toMatchObject({ width: 800, height: 1200 });
    const thumb = await sharp(decoded.thumbnail).metadata();
    expect([thumb.width, thumb.height]).toEqual([213, 320]);
    const top = await pixelAt(decoded.thumbnail, 106, 40);
    const bottom = await pixelAt(decoded.thumbnail, 106, 280);
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  test('a small image is not enlarged; a PNG with transparency becomes an opaque JPEG thumbnail', async () => {
    const small = await decodePhoto(await testJpeg(200, 100), 'image/jpeg');
    expect(await sharp(small.thumbnail).metadata()).toMatchObject({ width: 200, height: 100 });
    const png = await decodePhoto(await testPng(640, 480), 'image/png');
    expect(png).toMatchObject({ width: 640, height: 480 });
    expect(await sharp(png.thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240, hasAlpha: false });
  });

  test('a truncated JPEG (valid header, missing data) does not decode', async () => {
    const jpeg = await testJpeg(800, 600, {}, { noise: true });
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    await expect(decodePhoto(truncated, 'image/jpeg')).rejects.toBeInstanceOf(PhotoDecodeError);
  });

  test('bytes of one format declared as the other are refused', async () => {
    await expect(decodePhoto(await testPng(10, 10), 'image/jpeg')).rejects.toThrow(/decode as png, not image\/jpeg/);
  });
});
