import { describe, expect, test } from 'vitest';
import { declaredPhotoType, sniffPhotoType } from '../../../server/photos/sniff.js';
import { testGif, testJpeg, testPng } from '../../support/images.js';

describe('sniffPhotoType: the type is the bytes’, never the name’s', () => {
  test('a JPEG and a PNG are known by their magic numbers', async () => {
    expect(sniffPhotoType(await testJpeg(40, 30))).toBe('image/jpeg');
    expect(sniffPhotoType(await testPng(40, 30))).toBe('image/png');
  });

  test('a GIF, a text file named .jpg and an empty body are neither', async () => {
    expect(sniffPhotoType(await testGif(40, 30))).toBeNull();
    // What a file called "现场照片.jpg" holds when it is really a note: its name plays no part.
    expect(sniffPhotoType(new TextEncoder().encode('现场检查记录，不是照片\n'))).toBeNull();
    expect(sniffPhotoType(new Uint8Array(0))).toBeNull();
  });

  test('a prefix of a signature is not enough, and a truncated JPEG still begins like one', async () => {
    expect(sniffPhotoType(Uint8Array.of(0xff, 0xd8))).toBeNull();
    expect(sniffPhotoType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    const jpeg = await testJpeg(200, 100);
    // Sniffing reads the first bytes only; that the rest is missing is the decoder's to find (422, not 415).
    expect(sniffPhotoType(jpeg.subarray(0, 100))).toBe('image/jpeg');
  });
});

describe('declaredPhotoType', () => {
  test('accepts the two types in any letter case with parameters, nothing else', () => {
    expect(declaredPhotoType('image/jpeg')).toBe('image/jpeg');
    expect(declaredPhotoType('IMAGE/PNG; charset=binary')).toBe('image/png');
    for (const other of ['image/jpg', 'image/gif', 'application/octet-stream', 'multipart/form-data; boundary=x', '', null, undefined])
      expect(declaredPhotoType(other)).toBeNull();
  });
});
