import { describe, expect, test } from 'vitest';
import { coverKey, coverSize, coverTiles, MAX_COVER_TILES, tileCover } from '../../../server/domain/tile-cover.js';
import { tileOf } from '../../../server/domain/tile-layers.js';

const shanghai = [120.85, 30.67, 122.2, 31.88] as const;

describe('tileCover', () => {
  test('the tiles of the map zoom rounded down hold every corner of the box', () => {
    const cover = tileCover(shanghai, 9.7);
    expect(cover.z).toBe(9);
    for (const [lon, lat] of [
      [shanghai[0], shanghai[1]],
      [shanghai[2], shanghai[3]],
      [shanghai[0], shanghai[3]],
      [shanghai[2], shanghai[1]],
    ]) {
      const { x, y } = tileOf(lon, lat, 9);
      expect(x).toBeGreaterThanOrEqual(cover.xMin);
      expect(x).toBeLessThanOrEqual(cover.xMax);
      expect(y).toBeGreaterThanOrEqual(cover.yMin);
      expect(y).toBeLessThanOrEqual(cover.yMax);
    }
    expect(coverTiles(cover)).toHaveLength(coverSize(cover));
    expect(coverTiles(cover)[0]).toEqual({ z: 9, x: cover.xMin, y: cover.yMin });
  });

  test('too many tiles at the map zoom: a coarser zoom, never more than the budget', () => {
    const cover = tileCover(shanghai, 14);
    expect(coverSize(cover)).toBeLessThanOrEqual(MAX_COVER_TILES);
    expect(cover.z).toBeLessThan(14);
    // One zoom finer would have been over the budget.
    const finer = tileCover(shanghai, cover.z + 1, Infinity);
    expect(coverSize(finer)).toBeGreaterThan(MAX_COVER_TILES);
  });

  test('the zoom is clamped to the tiles that exist', () => {
    expect(tileCover([121.4, 31.2, 121.41, 31.21], 19).z).toBe(16);
    expect(tileCover(shanghai, -2).z).toBe(0);
    expect(coverKey(tileCover([121.4, 31.2, 121.41, 31.21], 19))).toMatch(/^16\/\d+-\d+\/\d+-\d+$/);
  });

  test('a bad box is an error, not an empty cover', () => {
    expect(() => tileCover([122, 31, 121, 32], 10)).toThrow(/min ≤ max/);
    expect(() => tileCover([Number.NaN, 31, 121, 32], 10)).toThrow(/finite/);
    expect(() => tileCover(shanghai, 10, 0)).toThrow(/maxTiles/);
  });
});
